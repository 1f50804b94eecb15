"""Language rules: every text exists in every language being built, in the register of the audience.

``language.short-state-name``: UN documents name States by their official
names ("Democratic People's Republic of Korea", "Russian Federation"; UN
Editorial Manual, un-formats.md). Narrative for a pack that uses UN names is
checked for the catalog's plain names ("North Korea", "Russia", "북한")
outside quotations; ``[[state:KP]]`` prints the name in each pack's register.

``language.doubled-article``: ``[[state:KP]]`` prints the name with its
article ("the Democratic People's Republic of Korea"), so an article the
author writes right before it is printed twice ("to the the ...").

``language.remit``: a UPR or treaty-body recommendation is addressed to the
State under review; one whose subject names another State or a UN body is
flagged (the words that find the subject are each language's data:
``recommendations`` in ``locales/<code>/prose-figures.yaml``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from ..catalog import Catalog
from ..audience import Pack
from ..load.brief import narrative_texts
from ..load.prose_figures import named_group
from ..load.statements import StatementWords
from ..model import Text
from ..narrative import REFERENCE, line_location
from .findings import CheckContext, Finding, register_rule, resolve

# Quoted passages keep their words: straight and curly quotes, 「」 and 『』.
_QUOTED = re.compile(r"\"[^\"\n]*\"|\u201c[^\u201d]*\u201d|\u300c[^\u300d]*\u300d|\u300e[^\u300f]*\u300f")
_STATE_REFERENCE = re.compile(r"\[\[state:(?P<code>[A-Za-z]{2})\]\]")


# Parts of a brief only some audiences print: their texts are needed in a language
# only when the pack being built uses them (names them in its required fields or
# as its recommendations, or checks a WGEID case).
AUDIENCE_BLOCKS = ("briefing", "case", "submission")


def _blocks_used(pack: Pack) -> set[str]:
    named = {field.split(".")[0] for field in (*pack.required_fields, pack.recommendations_field)}
    return named | ({"case"} if pack.case_elements else set())


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


register_rule(
    missing_translations, "language.missing", "Every narrative, heading, label and recommendation exists in every language being built.",
    severity="error",
    example="brief.yaml:2: error: language.missing: brief.title has no 'ko' text; add a 'ko:' entry")


def short_state_names(context: CheckContext) -> Iterator[Finding]:
    register = context.pack.state_names
    catalog: Catalog = context.catalog
    for lang in context.languages:
        names = _short_names(catalog, lang, register)
        if not names:
            continue
        pattern = re.compile(r"(?<![\w])(" + "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
                             + r")" + ("" if _particles_attach(context.statements.get(lang)) else r"(?![\w])"))
        for text in _printed_texts(context):
            body = text.root.get(lang)
            if not body:
                continue
            masked = _masked(body, context.statements.get(lang), {official for _, official in names.values()})
            for match in pattern.finditer(masked):
                code, official = names[match.group(1)]
                yield Finding("warning", "language.short-state-name",
                              f"'{match.group(1)}' in {text.field_name}.{lang}: the '{context.pack.name}' audience names "
                              f"States officially ('{official}'); write [[state:{code}]]",
                              line_location(text, lang, body.count("\n", 0, match.start())) or text.where())


register_rule(
    short_state_names, "language.short-state-name",
    "Narrative for an audience that uses official State names (UN packs) does not use a short one "
    "('North Korea', 'Russia', '북한') outside a quotation; [[state:XX]] prints each audience's form. The short "
    "names are the catalog's plain names; words that only contain one (북한이탈주민) are the language's 'masked' words "
    "(locales/<code>/statements.yaml).",
    severity="warning",
    example="brief.yaml:198: warning: language.short-state-name: 'North Korea' in summary.en: the 'un-upr' audience "
            "names States officially ('Democratic People's Republic of Korea'); write [[state:KP]]")


def doubled_articles(context: CheckContext) -> Iterator[Finding]:
    catalog: Catalog = context.catalog
    register = context.pack.state_names
    for lang in context.languages:
        language = context.prose.get(lang)
        if language is None or not language.articles:
            continue  # a language whose data lists no articles (Korean) cannot double one
        for text in _printed_texts(context):
            body = text.root.get(lang)
            if not body:
                continue
            for found in _article_and_state(language.articles).finditer(body):  # one pass over the text
                state = catalog.states.get(found["code"].upper())
                if state is None or lang not in state.names:
                    continue  # an unknown State or a missing name is another rule's finding
                printed = state.name_in_text(lang, register)
                article = _leading_article(printed, language.articles)
                if article is None:
                    continue
                at = found.end("written")  # where the reference starts
                reference = body[at:found.end()]
                before = re.sub(r"\s+", " ", found["written"])  # "the ", "l’": as the author wrote it, on one line
                yield Finding("warning", "language.doubled-article",
                              f"'{before}{reference}' in {text.field_name}.{lang} prints "
                              f"'{before}{printed}': the name carries its own '{article}'; write "
                              f"{reference} without '{found['spaced'] or found['elided']}' before it",
                              line_location(text, lang, body.count("\n", 0, at)) or text.where())


register_rule(
    doubled_articles, "language.doubled-article",
    "A [[state:XX]] reference prints the State's name with its article ('the Democratic People's Republic of "
    "Korea', 'la République de Corée'), so the text writes no article right before it. The articles "
    "are each language's 'articles' in locales/<code>/prose-figures.yaml.",
    severity="warning",
    example="brief.yaml:57: warning: language.doubled-article: 'the [[state:KP]]' in summary.en prints 'the the "
            "Democratic People's Republic of Korea': the name carries its own 'the'; write [[state:KP]] without "
            "'the' before it")


def remit(context: CheckContext) -> Iterator[Finding]:
    if not context.pack.recommendations_to_state or not context.brief.brief.state:
        return
    catalog: Catalog = context.catalog
    under_review = context.brief.brief.state.upper()
    recommendations, _ = resolve(context.brief, context.pack.recommendations_field)  # "briefing.recommendations"
    for number, recommendation in enumerate(recommendations or (), 1):
        for lang in context.languages:
            language = context.prose.get(lang)
            body = recommendation.root.get(lang) if isinstance(recommendation, Text) else None
            if language is None or language.recommendation_subject is None or not body:
                continue
            subject = language.recommendation_subject.match(body)
            span = named_group(subject, "subject") if subject is not None else None
            if span is None:
                continue
            words = body[span[0]:span[1]]
            for name in sorted(_all_names(catalog, lang, under_review), key=len, reverse=True):
                words = words.replace(name, " " * len(name))  # "Democratic People's Republic of Korea" is not KR
            others = [ref["code"].upper() for ref in _STATE_REFERENCE.finditer(words) if ref["code"].upper() != under_review]
            others += [code for code in catalog.states if code != under_review
                       and any(re.search(r"(?<!\w)" + re.escape(name), words) for name in _all_names(catalog, lang, code))]
            bodies = [body_name for body_name in language.other_addressees if body_name in words]
            if others or bodies:
                named = ", ".join(sorted(set(others)) + bodies)
                yield Finding("warning", "language.remit",
                              f"recommendation {number} ({lang}) is addressed to {named}; a {context.pack.name} "
                              f"recommendation goes to the State under review ({under_review}): address it to "
                              f"[[state:{under_review}]], or put the request to others in the narrative",
                              recommendation.where(lang) or recommendation.where())


register_rule(
    remit, "language.remit",
    "A UPR or treaty-body recommendation (packs with recommendations_to_state) is addressed to the State under "
    "review: its subject names no other State and no UN body (each language's 'recommendations' in "
    "locales/<code>/prose-figures.yaml find the subject).",
    severity="warning",
    example="brief.yaml:290: warning: language.remit: recommendation 2 (en) is addressed to CN, RU; a un-upr "
            "recommendation goes to the State under review (KP): address it to [[state:KP]], or put the request "
            "to others in the narrative")


def _short_names(catalog: Catalog, lang: str, register: str) -> dict[str, tuple[str, str]]:
    """Plain names that differ from the name the register prints: name -> (code, official name)."""
    names: dict[str, tuple[str, str]] = {}
    for code, state in catalog.states.items():
        if lang not in state.names or "plain" not in state.names[lang]:
            continue
        plain, official = state.name(lang, "plain"), state.name(lang, register)  # type: ignore[arg-type]
        if plain != official:
            names[plain] = (code, official)
    return names


def _leading_article(name: str, articles: tuple[str, ...]) -> str | None:
    """The article ``name`` starts with ("the" of "the Russian Federation"), one of the language's ``articles``."""
    for article in articles:
        elided = article.endswith(("'", "\u2019"))
        if name.casefold().startswith(article) and (elided or name[len(article):len(article) + 1].isspace()):
            return article
    return None


@functools.lru_cache(maxsize=16)
def _article_and_state(articles: tuple[str, ...]) -> re.Pattern[str]:
    """A State reference with one of ``articles`` written right before it ("the [[state:KP]]", "l’[[state:KR]]"):
    group ``written`` is the article and the space after it, ``spaced`` or ``elided`` the article alone."""
    elided = tuple(article for article in articles if article.endswith(("'", "\u2019")))
    spaced = tuple(article for article in articles if article not in elided)
    alternatives = [rf"(?P<{group}>{'|'.join(re.escape(a) for a in sorted(listed, key=len, reverse=True))}){space}"
                    for group, listed, space in (("spaced", spaced, r"\s+"), ("elided", elided, r"\s*")) if listed]
    return re.compile(r"(?<!\w)(?P<written>" + "|".join(alternatives) + ")" + _STATE_REFERENCE.pattern, re.IGNORECASE)


def _all_names(catalog: Catalog, lang: str, code: str) -> set[str]:
    return {fact.text for fact in catalog.states[code].names.get(lang, {}).values()}


def _printed_texts(context: CheckContext) -> list[Text]:
    """The narrative a pack prints: briefing points only in a briefing pack, the case only in a case pack."""
    brief = context.brief
    skipped: set[int] = set()
    if brief.briefing and not context.pack.recommendations_field.startswith("briefing"):
        b = brief.briefing
        skipped |= {id(t) for t in (*b.summary, *([b.issue] if b.issue else []), *b.background, *b.considerations,
                                    *b.recommendations)}
    if brief.case and not context.pack.case_elements:
        skipped |= {id(t) for t in (brief.case.circumstances, *brief.case.steps) if t is not None}
    return [text for text in narrative_texts(brief) if id(text) not in skipped]


def _masked(body: str, words: StatementWords | None, official: set[str]) -> str:
    """``body`` with quotations, references, official names and exempt words blanked (same length)."""
    def blank(match: re.Match[str]) -> str:
        return " " * (match.end() - match.start())

    masked = REFERENCE.sub(blank, _QUOTED.sub(blank, body))
    exempt = words.masked if words is not None else ()  # 북한이탈주민 holds 북한 without naming the State
    for word in (*exempt, *sorted(official, key=len, reverse=True)):
        masked = masked.replace(word, " " * len(word))
    return masked


def _particles_attach(words: StatementWords | None) -> bool:
    """Whether the language writes particles onto a name (북한은), so a name may run into letters;
    a language without statement words reads whole words."""
    return words is not None and not words.word_boundaries
def unsupported_language(context: CheckContext) -> Iterator[Finding]:
    pack = context.pack
    for lang in context.languages:
        if lang not in pack.languages:
            yield Finding("error", "language.unsupported",
                          f"the '{pack.name}' audience is written in {', '.join(pack.languages)}, not '{lang}'; "
                          f"build another language, or add '{lang}' to the pack's languages once its templates "
                          "and terms are translated", pack.where("languages"))


register_rule(
    unsupported_language, "language.unsupported", "Every language being built is one the audience pack lists under 'languages:'.",
    severity="error",
    example="templates/gov-briefing/pack.yaml:6: error: language.unsupported: the 'gov-briefing' audience is "
            "written in ko, en, not 'fr'; build another language, or add 'fr' to the pack's languages once "
            "its templates and terms are translated")
