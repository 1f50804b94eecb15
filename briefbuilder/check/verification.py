"""Verification-status rules: what an audience accepts, and how unverified figures are worded.

Every statistic counts, not only those the narrative mentions: the evidence
annex prints them all, so a figure below the audience's standard would reach
the reader anyway.
"""

from __future__ import annotations

from collections.abc import Iterator
from collections.abc import Mapping

from ..load.brief import narrative_texts
from ..load.prose_figures import ProseFigures
from ..model import STATUS_RANK
from ..narrative import Reference, find_references, reference_location, sentence_around
from .findings import CheckContext, Finding, register_rule

ATTRIBUTED_OPTION = "attributed"


def below_minimum(context: CheckContext) -> Iterator[Finding]:
    minimum = context.pack.minimum_status
    accepted = " or ".join(f"'{s}'" for s, rank in STATUS_RANK.items() if rank >= STATUS_RANK[minimum])
    for statistic in context.brief.statistics:
        if STATUS_RANK[statistic.status] < STATUS_RANK[minimum]:
            yield Finding("error", "status.below-minimum",
                          f"statistic '{statistic.id}' is '{statistic.status}', but the '{context.pack.name}' audience "
                          f"accepts only {accepted} figures; verify it or leave it out",
                          statistic.where("status"))


register_rule(
    below_minimum, "status.below-minimum", "Every statistic meets the audience's minimum verification status (all are printed in the evidence annex).",
    severity="error",
    example="brief.yaml:35: error: status.below-minimum: statistic 'rumour' is 'unverified', but the 'un-upr' audience accepts only 'verified' figures; verify it or leave it out")


def reported_unattributed(context: CheckContext) -> Iterator[Finding]:
    reported = {s.id for s in context.brief.statistics if s.status == "reported"}
    for text in narrative_texts(context.brief):
        for lang, body in text.root.items():
            for ref in find_references(body):
                if ref.kind == "stat" and ref.target in reported and not is_attributed(ref, body, lang, context.prose):
                    yield Finding("error", "status.reported-unattributed",
                                  f"'{ref.target}' is a reported figure, not verified: attribute it "
                                  f"([[stat:{ref.target}|{ATTRIBUTED_OPTION}]] or 'according to …' in the sentence)",
                                  reference_location(text, lang, ref))


register_rule(
    reported_unattributed, "status.reported-unattributed",
    "A 'reported' figure is attributed where the narrative uses it: [[stat:ID|attributed]] or an 'according to …' "
    "phrase anywhere in its sentence (the language's attribution markers in locales/<lang>/prose-figures.yaml; "
    "a Korean date such as '2023. 10. 9.' between them does not end the sentence).",
    severity="error",
    example="brief.yaml:40: error: status.reported-unattributed: 'mss-reported' is a reported figure, not verified: attribute it ([[stat:mss-reported|attributed]] or 'according to …' in the sentence)")


def is_attributed(ref: Reference, body: str, lang: str, prose: Mapping[str, ProseFigures]) -> bool:
    """Does the reference ask to be attributed, or sit in a sentence that attributes it?"""
    if ref.option == ATTRIBUTED_OPTION:  # the renderer then writes "according to <publisher>"
        return True
    sentence = sentence_around(body, ref).casefold()
    return any(phrase.casefold() in sentence for phrase in attribution_phrases(lang, prose))


def attribution_phrases(lang: str, prose: Mapping[str, ProseFigures]) -> tuple[str, ...]:
    """Phrases that attribute a figure in ``lang``; a text written for every language ('*') may use any."""
    if lang == "*":
        return tuple(phrase for language in prose.values() for phrase in language.attribution_markers)
    language = prose.get(lang)
    return language.attribution_markers if language is not None else ()
