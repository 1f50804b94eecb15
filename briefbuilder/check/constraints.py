"""Audience constraints: what a mechanism or a ministry refuses a submission for.

The limits are the pack's settings (``pack.yaml``, overridable in
``brief.settings.pack``). Word limits are checked on the document as the
audience receives it: the very document the build writes is counted
(:mod:`briefbuilder.wordcount`), so the count includes the template's fixed wording and
excludes exactly the parts the pack leaves out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any


from ..audience import field_value
from ..errors import BriefError
from ..model import Case, Text
from .comparable import mentions
from .findings import CheckContext, Finding, register_rule, resolve
from ..wordcount import count_words, counted_parts

_DIGIT = re.compile(r"\d")

# The six elements the WGEID requires of a case (un-formats.md, WGEID; document-style.md C8), with the
# identity data its case form asks under (a): (letter, what it is, the field holding it).
CASE_ELEMENTS: tuple[tuple[str, str, str], ...] = (
    ("a", "full name of the disappeared person", "name"),
    ("a", "nationality of the disappeared person (identity data of the case form)", "nationality"),
    ("a", "full date of birth, day, month and year (identity data of the case form)", "date_of_birth"),
    ("b", "date of the disappearance (year, month and day)", "date"),
    ("c", "place of arrest or abduction, or where the person was last seen", "place"),
    ("d", "who is believed to have carried out the arrest or abduction", "responsible"),
    ("e", "steps taken by relatives or others to locate the person", "steps"),
    ("f", "identity of the submitter", "submitter"),
)


def renders(context: CheckContext) -> Iterator[Finding]:
    for language, document in context.documents.items():
        if isinstance(document, BriefError):
            for problem in document.problems:
                yield Finding("error", "constraints.renders",
                              f"cannot render for '{context.pack.name}' in '{language}': {problem.field}: "
                              f"{problem.message}" + (f" ({problem.hint})" if problem.hint else ""), problem.location)


register_rule(
    renders, "constraints.renders", "The brief renders for the audience in every language being built.",
    severity="error",
    example="brief.yaml:120: error: constraints.renders: cannot render for 'un-upr' in 'en': law: unknown treaty 'iccpr2' (…)")


def word_limit(context: CheckContext) -> Iterator[Finding]:
    pack = context.pack
    joint = context.brief.joint_submission
    for language in context.languages:
        limit = pack.limit(language, joint=joint)
        if limit is None:
            continue
        document = context.document(language)
        if document is None:
            continue  # a failure is reported by constraints.renders
        words = count_words(document.outline, pack.uncounted)
        if words > limit:
            kind = (" for a joint submission" if joint else " for a single organisation") if pack.joint_word_limit else ""
            yield Finding("error", "constraints.word-limit",
                          f"{words:,} words in the '{language}' document; the {pack.name} limit{kind} is {limit:,} "
                          f"({_counting(pack.uncounted)})", context.brief.brief.where())


register_rule(
    word_limit, "constraints.word-limit",
    "The rendered document stays within the audience's word limit (Korean counted by 어절); "
    "the pack says which parts are not counted.",
    severity="error",
    example="brief.yaml:1: error: constraints.word-limit: 3,012 words in the 'en' document; the un-upr limit for a single organisation is 2,815 (counted as rendered, Korean by 어절; not counted: …)")


def _counting(uncounted: list[str]) -> str:
    return f"counted as rendered, Korean by 어절; {counted_parts(uncounted)}"


def required_sections(context: CheckContext) -> Iterator[Finding]:
    present = {section.id for section in context.brief.sections}
    for section_id in context.pack.required_sections:
        if section_id not in present:
            yield Finding("error", "constraints.required-sections",
                          f"the '{context.pack.name}' audience requires a section with id '{section_id}'; add it under 'sections:'",
                          context.brief.where("sections") or context.brief.brief.where())


register_rule(
    required_sections, "constraints.required-sections", "Every section the audience requires is in the brief.",
    severity="error",
    example="brief.yaml:40: error: constraints.required-sections: the 'un-treaty-body' audience requires a section with id 'law'; add it under 'sections:'")


def required_fields(context: CheckContext) -> Iterator[Finding]:
    for path in context.pack.required_fields:
        value, holder = resolve(context.brief, path)
        if _empty(value):
            yield Finding("error", "constraints.required-fields",
                          f"the '{context.pack.name}' audience requires '{path}'; add it",
                          holder.where() or context.brief.brief.where())


register_rule(
    required_fields, "constraints.required-fields", "Every field the audience requires (e.g. the UPR cycle, a contact) is filled in.",
    severity="error",
    example="brief.yaml:2: error: constraints.required-fields: the 'un-upr' audience requires 'submission.cycle'; add it")


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or (isinstance(value, Text) and not value.root)


def max_recommendations(context: CheckContext) -> Iterator[Finding]:
    limit = context.pack.max_recommendations
    recommendations, holder = resolve(context.brief, context.pack.recommendations_field)
    if limit is not None and recommendations and len(recommendations) > limit:
        yield Finding("error", "constraints.max-recommendations",
                      f"{len(recommendations)} recommendations in '{context.pack.recommendations_field}'; "
                      f"the '{context.pack.name}' audience takes at most {limit}",
                      recommendations[limit].where() or holder.where())


register_rule(
    max_recommendations, "constraints.max-recommendations", "The brief has no more recommendations than the audience accepts.",
    severity="error",
    example="brief.yaml:88: error: constraints.max-recommendations: 12 recommendations in 'recommendations'; the 'un-wgeid' audience takes at most 10")


def smart_recommendations(context: CheckContext) -> Iterator[Finding]:
    if not context.pack.smart_recommendations:
        return
    recommendations, _ = resolve(context.brief, context.pack.recommendations_field)
    for index, recommendation in enumerate(recommendations or (), 1):
        if not any(_DIGIT.search(text) for text in recommendation.root.values()):
            yield Finding("warning", "constraints.smart-recommendations",
                          f"recommendation {index} gives no deadline or target; S.M.A.R.T. recommendations are "
                          "specific, measurable, achievable, relevant and time-bound (e.g. 'within 12 months')",
                          recommendation.where())


register_rule(
    smart_recommendations, "constraints.smart-recommendations",
    "Recommendations to a UN mechanism are measurable and time-bound: each gives a number (a deadline, a target).",
    severity="warning",
    example="brief.yaml:80: warning: constraints.smart-recommendations: recommendation 2 gives no deadline or target; …")


def case_elements(context: CheckContext) -> Iterator[Finding]:
    if not context.pack.case_elements:
        return
    case = context.brief.case
    if case is None:
        elements = "; ".join(f"({letter}) {what}" for letter, what, _ in CASE_ELEMENTS)
        yield Finding("error", "constraints.case-elements",
                      f"the '{context.pack.name}' audience needs a 'case:' block with the six elements: {elements}",
                      context.brief.brief.where())
        return
    for letter, what, field in CASE_ELEMENTS:
        value = getattr(case, field)
        if _empty(value):
            yield Finding("error", "constraints.case-elements",
                          f"WGEID element ({letter}) {what} is missing; add 'case.{field}:'", case.where())
    yield from _case_languages(case, context.languages)


register_rule(
    case_elements, "constraints.case-elements",
    "A WGEID case has its six required elements: full name, with the nationality and full date of birth its "
    "form asks for; date; place of arrest or last sighting; who is believed responsible; steps taken by "
    "relatives; the submitter.",
    severity="error",
    example="brief.yaml:150: error: constraints.case-elements: WGEID element (e) steps taken by relatives or others to locate the person is missing; add 'case.steps:'")


def _case_languages(case: Case, languages: tuple[str, ...]) -> Iterator[Finding]:
    texts = [case.nationality, case.place, case.responsible, case.identity, case.circumstances, *case.steps]
    for text in texts:
        for language in languages:
            if text is not None and not text.has(language):
                yield Finding("error", "constraints.case-elements",
                              f"{text.field_name} has no '{language}' text; add a '{language}:' entry", text.where())


def confidential_submitter(context: CheckContext) -> Iterator[Finding]:
    case = context.brief.case
    if context.pack.shows_confidential_submitter or case is None or case.submitter is None \
            or not case.submitter.confidential:
        return
    submitter = case.submitter
    secrets = {*submitter.name.root.values(), *([submitter.contact] if submitter.contact else [])}
    for language in context.languages:
        document = context.document(language)
        if document is None:
            continue
        if mentions(document.markdown, secrets):
            yield Finding("error", "constraints.confidential-submitter",
                          f"the confidential submitter is named in the '{context.pack.name}' document ('{language}'); "
                          "remove their name and contact from the narrative", submitter.where())


register_rule(
    confidential_submitter, "constraints.confidential-submitter",
    "A submitter who asked for confidentiality appears in no output except the one for the WGEID.",
    severity="error",
    example="brief.yaml:170: error: constraints.confidential-submitter: the confidential submitter is named in the 'un-upr' document ('en'); remove their name and contact from the narrative")


def paragraph_numbering(context: CheckContext) -> Iterator[Finding]:
    if not context.pack.numbered_paragraphs:
        return
    for language in context.languages:
        document = context.document(language)
        if document is None:
            continue
        expected = 1
        for start, items in document.outline.ordered_lists:
            if start != expected:
                yield Finding("error", "constraints.paragraph-numbering",
                              f"in the '{language}' document paragraph {start} follows paragraph {expected - 1}; "
                              "number paragraphs with paragraphs() so they run on", context.brief.brief.where())
                break
            expected = start + items


register_rule(
    paragraph_numbering, "constraints.paragraph-numbering",
    "In a pack with UN numbered paragraphs, the numbers run on across the document without restarting.",
    severity="error",
    example="brief.yaml:2: error: constraints.paragraph-numbering: in the 'en' document paragraph 1 follows paragraph 7; number paragraphs with paragraphs() so they run on")


def treaty_articles(context: CheckContext) -> Iterator[Finding]:
    if context.pack.organised_by_articles and context.brief.sections \
            and not any(section.article for section in context.brief.sections):
        yield Finding("warning", "constraints.treaty-articles",
                      f"no section names a treaty article; the '{context.pack.name}' report is organised by article "
                      "(add 'article:' to the sections that concern one)",
                      context.brief.where("sections") or context.brief.brief.where())


register_rule(
    treaty_articles, "constraints.treaty-articles", "A treaty-body report is organised by the treaty's articles (sections name an article).",
    severity="warning",
    example="brief.yaml:40: warning: constraints.treaty-articles: no section names a treaty article; the 'un-treaty-body' report is organised by article (…)")


def pack_fields(context: CheckContext) -> Iterator[Finding]:
    meta = context.brief.brief
    for name, declared in context.pack.fields.items():
        what = f"{declared.type}" + (f": {declared.description}" if declared.description else "")
        if name not in meta.fields:
            if declared.required:
                yield Finding("error", "constraints.pack-fields",
                              f"the '{context.pack.name}' audience requires brief.fields.{name} ({what}); "
                              f"add it under 'brief:' as 'fields: {{{name}: ...}}'", meta.where())
            continue
        where = meta.where("fields", name)
        try:
            value = field_value(declared, meta.fields[name])
        except ValueError as problem:
            yield Finding("error", "constraints.pack-fields", f"brief.fields.{name} is not {what}: {problem}", where)
            continue
        if isinstance(value, Text):
            for language in context.languages:
                if not value.has(language):
                    yield Finding("error", "constraints.pack-fields",
                                  f"brief.fields.{name} has no '{language}' text; add a '{language}:' entry", where)


register_rule(
    pack_fields, "constraints.pack-fields",
    "Every field the audience pack declares (pack.yaml 'fields:') is filled under 'brief.fields' with a value "
    "of its type, in every language being built for text.",
    severity="error",
    example="brief.yaml:9: error: constraints.pack-fields: the 'my-upr' audience requires brief.fields."
            "consultative_status (text: ECOSOC consultative status); add it under 'brief:' as 'fields: "
            "{consultative_status: ...}'")
