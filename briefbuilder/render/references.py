"""Resolving ``[[kind:target|option]]`` references in narrative text.

This module walks a narrative: it finds each reference, has the caller resolve
it (the render context knows what each kind means: :mod:`.context` for
figures, sources and terms, :mod:`.legal` for treaties, statuses and States),
neutralises the author's text between references, and gives a sentence that
holds an attributed figure its attribution clause. An unknown kind or target is
an input error pointing at the line of the narrative that holds it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from collections.abc import Callable

from ..errors import Location
from ..markdown import Markdown
from ..model import Text
from ..narrative import Reference, Sentences, find_references, reference_location

# One reference, resolved where it was written (BriefError at ``Location`` for an unknown kind or target).
Resolve = Callable[[Reference, "Location | None", str], Markdown]
# A sentence holding ``[[stat:ID|attributed]]`` with its attribution clause; ``leads``: the figure opens it.
Attribute = Callable[[Markdown, str, bool], Markdown]
# The author's text before a reference and what the reference prints, as the language joins them
# (French "de" + "le Japon": "du" + "Japon"; :meth:`briefbuilder.locale.LocaleData.joined`).
Join = Callable[[str, Markdown], "tuple[str, Markdown]"]

# Raw HTML and footnote syntax are the template's business, never the narrative's.
_NARRATIVE_UNSAFE = re.compile(r"<|\[\^")
# The note registry's placeholder characters (private use) cannot come from a brief.
_PLACEHOLDER_CHARS = re.compile("[\ue000\ue001]")


def resolve_narrative(text: Text, lang: str, resolve: Resolve, attribute: Attribute, join: Join) -> Markdown:
    """The narrative in language ``lang``, with every reference resolved by ``resolve``.

    A sentence holding ``[[stat:ID|attributed]]`` gets its attribution as a
    clause of its own (``attribute``): leading the sentence when the figure
    opens it ("According to …, more than 500 people …"), else closing it.
    ``join`` writes a preposition before a reference together with the
    article the reference prints ("de [[state:JP]]": "du Japon").
    """
    body = text.get(lang).strip()
    refs = _side_by_side_statuses(body, find_references(body))
    field = f"{text.field_name}.{lang}"
    resolved = [resolve(ref, reference_location(text, lang, ref), field) for ref in refs]
    next_ref = 0

    def assemble(position: int, end: int) -> str:
        """``body[position:end]`` with its references resolved (called in order: sentences never split one)."""
        nonlocal next_ref
        out: list[str] = []
        while next_ref < len(refs) and refs[next_ref].start < end:
            out += join(_neutralise(body[position:refs[next_ref].start]), resolved[next_ref])
            position = refs[next_ref].end
            next_ref += 1
        out.append(_neutralise(body[position:end]))
        return "".join(out)

    out: list[str] = []
    position = 0
    for first, last, ref in _attributed_sentences(body, refs):
        out.append(assemble(position, first))
        out.append(attribute(Markdown(assemble(first, last)), ref.target, ref.start == first))
        position = last
    out.append(assemble(position, len(body)))
    return Markdown("".join(out))


# States joined in the target of one status reference made from several side by side ("CN+RU").
STATES_JOINED = "+"


def _side_by_side_statuses(body: str, refs: list[Reference]) -> list[Reference]:
    """Status references to one treaty with only space between them, as one reference to several States.

    ``[[status:CN|t]] [[status:RU|t]]`` is resolved as ``CN+RU`` under ``t``: one sentence when the
    States took the same action, never the same generated sentence once per State.
    """
    kept: list[Reference] = []
    for ref in refs:
        last = kept[-1] if kept else None
        if last is not None and ref.kind == last.kind == "status" and ref.option and ref.option == last.option \
                and not body[last.end:ref.start].strip():
            kept[-1] = replace(last, target=f"{last.target}{STATES_JOINED}{ref.target}", end=ref.end)
        else:
            kept.append(ref)
    return kept


def _attributed_sentences(body: str, refs: list[Reference]) -> list[tuple[int, int, Reference]]:
    """(start, end, reference) of each sentence holding an attributed figure, in order."""
    attributed = [ref for ref in refs if ref.kind == "stat" and ref.option == "attributed"]
    if not attributed:
        return []
    sentences = Sentences(body)
    found: list[tuple[int, int, Reference]] = []
    for ref in attributed:
        first, last = sentences.around(ref.start, ref.end)
        first += len(body[first:last]) - len(body[first:last].lstrip())
        if not found or first >= found[-1][1]:
            found.append((first, last, ref))
    return found


def _neutralise(markdown: str) -> str:
    return _NARRATIVE_UNSAFE.sub(lambda m: "\\" + m.group(), _PLACEHOLDER_CHARS.sub("", markdown))
