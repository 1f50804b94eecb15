"""Each pack's policies as one Markdown table: the table of docs/audiences.md, generated from the manifests.

What a pack accepts (figures' minimum status, word limit, required fields,
notes, languages) is found here before a build fails on it; the table is
made from the same manifests the checks read, so it cannot drift from them
(``scripts/update-audiences-doc`` writes it; a test compares).
"""

from __future__ import annotations

from collections.abc import Iterable

from ..audience import Pack

HEADER = ("| Pack | For | Languages | Figures at least | Word limit | Required | Notes | Recommendations |\n"
          "|---|---|---|---|---|---|---|---|\n")


def policies_markdown(packs: Iterable[Pack]) -> str:
    """One row per pack, in the order given."""
    return HEADER + "".join(
        "| " + " | ".join([
            f"`{pack.name}`", pack.description.get("en", fallback=True), ", ".join(pack.languages),
            f"`{pack.minimum_status}`", _word_limit(pack), _required(pack), _notes(pack), _recommendations(pack),
        ]) + " |\n"
        for pack in packs)


def _per_language(values: dict[str, object]) -> str:
    return ", ".join(str(value) if language == "*" else f"{value} ({language})" for language, value in values.items())


def _word_limit(pack: Pack) -> str:
    if not pack.word_limit:
        return "none"
    limits = _per_language({language: f"{limit:,}" for language, limit in pack.word_limit.items()})
    joint = _per_language({language: f"{limit:,}" for language, limit in pack.joint_word_limit.items()})
    return limits + (f"; joint: {joint}" if joint else "") + f"; not counted: {', '.join(pack.uncounted) or 'nothing'}"


def _required(pack: Pack) -> str:
    required = [f"`{field}`" for field in pack.required_fields]
    required += [f"section `{section}`" for section in pack.required_sections]
    required += [f"`brief.fields.{name}`" for name, field in pack.fields.items() if field.required]
    if pack.case_elements:
        required.append("a case's six elements")
    return ", ".join(required) or "none"


def _notes(pack: Pack) -> str:
    placement = _per_language(dict(pack.notes)) if pack.notes else "footnotes"
    return f"{placement}; treaties cited {'UN' if pack.citation_style == 'un' else 'OSCOLA'} style"


def _recommendations(pack: Pack) -> str:
    rules = [f"at most {pack.max_recommendations}"] if pack.max_recommendations is not None else []
    if pack.smart_recommendations:
        rules.append("S.M.A.R.T. (warning)")
    if pack.recommendations_to_state:
        rules.append("to the State under review (warning)")
    return ", ".join(rules) or "any"
