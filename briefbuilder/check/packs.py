"""The user's own packs: one beside the brief that the build passes over, one written for an older interface.

A pack kept in ``templates/`` beside the brief is found without ``--templates``;
when the brief is built for another audience the user's pack would be ignored
without a word, so this says so. A pack written for an older template
interface keeps its output as it was (the lines a newer interface prints are
held back), and this names each line it does not get yet.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..audience import INTERFACE, MANIFEST
from ..errors import Location
from .findings import CheckContext, Finding, register_rule


def unused_beside_brief(context: CheckContext) -> Iterator[Finding]:
    for manifest in context.unused_packs:
        name = manifest.parent.name
        yield Finding("warning", "packs.unused-beside-brief",
                      f"the pack '{name}' beside the brief is not used: this build uses '{context.pack.name}'; "
                      f"to use it, write 'audience: {name}' under 'brief:' (or pass --audience {name})",
                      Location(str(manifest), 1))


register_rule(
    unused_beside_brief, "packs.unused-beside-brief",
    "A pack in the templates/ folder beside the brief that the build does not use: it was probably meant to be.",
    severity="warning",
    example="templates/my-un-upr/pack.yaml:1: warning: packs.unused-beside-brief: the pack 'my-un-upr' beside "
            "the brief is not used: this build uses 'general'; to use it, write 'audience: my-un-upr' under "
            "'brief:' (or pass --audience my-un-upr)")


def older_interface(context: CheckContext) -> Iterator[Finding]:
    pack = context.pack
    if pack.interface >= INTERFACE or pack.directory is None:  # a pack made in Python has no manifest to update
        return
    held_back = [line for version, lines in sorted(pack.interface_changes.items()) if version > pack.interface
                 for line in lines]
    written_for = "0 (briefbuilder 0.1)" if pack.interface == 0 else str(pack.interface)
    where = pack.where("interface") or Location(str(pack.directory / MANIFEST), 1)
    lines = ("; ".join(held_back) if held_back else "nothing this pack prints")
    yield Finding("warning", "packs.interface",
                  f"the pack '{pack.name}' was written for template interface {written_for}; this is interface "
                  f"{INTERFACE}. Held back from its output until pack.yaml says 'interface: {INTERFACE}': {lines}. "
                  f"Check your templates against CHANGELOG.md, then add 'interface: {INTERFACE}'", where)


register_rule(
    older_interface, "packs.interface",
    "A pack written for an older template interface (no 'interface:', or a lower one): lines newer templates "
    "print are held back from its output, and each is named.",
    severity="warning",
    example="templates/my-un-upr/pack.yaml:1: warning: packs.interface: the pack 'my-un-upr' was written for "
            "template interface 0 (briefbuilder 0.1); this is interface 1. Held back from its output until "
            "pack.yaml says 'interface: 1': the cover line 'Word count: N (limit: M)'. Check your templates "
            "against CHANGELOG.md, then add 'interface: 1'")
