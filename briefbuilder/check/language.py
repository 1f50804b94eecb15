"""Language rules: every text exists in every language being built."""

from __future__ import annotations

from collections.abc import Iterator

from ..audience import Pack
from ..load.brief import narrative_texts
from ..model import Text
from .findings import CheckContext, Finding, rule


# Parts of a brief only some audiences print: their texts are needed in a language
# only when the pack being built uses them (names them in its required fields or
# as its recommendations, or checks a WGEID case).
AUDIENCE_BLOCKS = ("briefing", "case", "submission")


def _blocks_used(pack: Pack) -> set[str]:
    named = {field.split(".")[0] for field in (*pack.required_fields, pack.recommendations_field)}
    return named | ({"case"} if pack.case_elements else set())


@rule("language.missing", "Every narrative, heading, label and recommendation exists in every language being built.",
      severity="error",
      example="brief.yaml:2: error: language.missing: brief.title has no 'ko' text; add a 'ko:' entry")
def missing_translations(context: CheckContext) -> Iterator[Finding]:
    brief = context.brief
    texts: list[Text] = [brief.brief.title, *narrative_texts(brief), *(s.label for s in brief.statistics)]
    used = _blocks_used(context.pack)
    for text in texts:
        if text.path and text.path[0] in AUDIENCE_BLOCKS and text.path[0] not in used:
            continue  # e.g. a government briefing's lines need no French for a UN submission
        for lang in context.languages:
            if not text.has(lang):
                yield Finding("error", "language.missing", f"{text.field_name} has no '{lang}' text; add a '{lang}:' entry",
                              text.where())


@rule("language.unsupported", "Every language being built is one the audience pack lists under 'languages:'.",
      severity="error",
      example="templates/gov-briefing/pack.yaml:6: error: language.unsupported: the 'gov-briefing' audience is "
              "written in ko, en, not 'fr'; build another language, or add 'fr' to the pack's languages once "
              "its templates and terms are translated")
def unsupported_language(context: CheckContext) -> Iterator[Finding]:
    pack = context.pack
    for lang in context.languages:
        if lang not in pack.languages:
            yield Finding("error", "language.unsupported",
                          f"the '{pack.name}' audience is written in {', '.join(pack.languages)}, not '{lang}'; "
                          f"build another language, or add '{lang}' to the pack's languages once its templates "
                          "and terms are translated", pack.where("languages"))
