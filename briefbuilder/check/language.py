"""Language rules: every text exists in every language being built."""

from __future__ import annotations

from collections.abc import Iterator

from ..load.brief import narrative_texts
from ..model import Text
from .findings import CheckContext, Finding, rule


@rule("language.missing", "Every narrative, heading, label and recommendation exists in every language being built.",
      severity="error",
      example="brief.yaml:2: error: language.missing: brief.title has no 'ko' text; add a 'ko:' entry")
def missing_translations(context: CheckContext) -> Iterator[Finding]:
    brief = context.brief
    texts: list[Text] = [brief.brief.title, *narrative_texts(brief), *(s.label for s in brief.statistics)]
    for text in texts:
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
