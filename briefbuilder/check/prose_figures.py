"""Prose rules: the numbers an author writes around the references are held to the figures' standard.

A reference (``[[stat:victims]]``) prints a verified figure; the sentence
around it is the author's. These rules read that sentence as a fact-checker
would, in each language, with the phrases of ``locales/<code>/prose-figures.yaml``:

- ``prose.untraceable-number``: a number written in prose that is not a date,
  year, ordinal, article/paragraph/session number, document symbol, age or (in
  a recommendation) deadline must be a statistic's value, count or base, or be
  marked as a literal: ``[[n:30|why this number is not data]]`` prints "30".
- ``prose.wrong-base``: a share framed by a group ("Of the 50 women
  interviewed, 81.4 per cent") must be framed by its own base.
- ``prose.qualified-group``: a figure whose label narrows its group ("children
  aged 0 to 9") is not followed by the bare group noun ("were children").
- ``prose.attribution``: "According to X" / "X reported" next to a figure names
  a publisher, author or relayed body of the figure's sources.
- ``prose.unit-noun``: a reference that prints its unit noun ("122,095 cases")
  is not followed by another ("cases applications").

What the rules do not read (number words, paraphrases, causal claims) is
listed in docs/rules.md. Each body is scanned once per rule with one compiled
expression per language; figures are found by dict lookups.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal

from ..errors import Location
from ..load.brief import narrative_texts
from ..load.prose_figures import ProseFigures, named_group
from ..model import Brief, Statistic, Text
from ..narrative import Reference, Sentences, find_references, line_location
from .findings import CheckContext, Finding, register_rule

LITERAL = "n"  # [[n:30|why]]: a number that is not data, printed as written
# Numbers inside these are never figures, in any language: web addresses, UN document
# symbols (A/HRC/42/10, CCPR/C/PRK/CO/4), names with a number (COVID-19), list numbering.
_NEVER_FIGURES = re.compile(r"https?://\S+|\b[A-Z]{1,8}(?:\.\d+)?(?:/[A-Za-z0-9.()\-]+)+|\b[A-Za-z]+-\d+\b"
                            r"|^[ \t]*\d+[.)](?=\s)", re.MULTILINE)
_REFERENCE_MARK, _EXEMPT_MARK = "\x00", "\x01"
_NEWLINE = re.compile("\n")
_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"[^\W\d_]+")
_NEXT_WORD = re.compile(r"[ \t\u00a0]+([^\W\d_]+)")


@dataclass(frozen=True)
class Mention:
    """A figure in a sentence: a reference to a statistic, or a number traced to one (or several equal ones)."""

    start: int
    end: int
    written: str
    statistics: tuple[Statistic, ...]
    share: bool  # a percentage or the count of one: a part of a base


@dataclass(frozen=True)
class Number:
    start: int
    end: int
    written: str
    value: Decimal
    percent: bool


class Figures:
    """Every value, count and base of the brief's statistics, by value: a number is traced by one lookup."""

    def __init__(self, brief: Brief) -> None:
        self.counts: dict[Decimal, list[tuple[Statistic, bool]]] = {}
        self.percents: dict[Decimal, list[Statistic]] = {}
        for statistic in brief.statistics:
            if statistic.unit == "percent":
                self.percents.setdefault(Decimal(statistic.value), []).append(statistic)
                count = brief.count_of(statistic)
                if count is not None:
                    self.counts.setdefault(Decimal(count), []).append((statistic, True))
                if isinstance(statistic.base, int):
                    self.counts.setdefault(Decimal(statistic.base), []).append((statistic, False))
            else:
                self.counts.setdefault(Decimal(statistic.value), []).append((statistic, False))

    def trace(self, number: Number) -> tuple[tuple[Statistic, ...], bool] | None:
        """The statistics ``number`` is written from, and whether it is a share; None when it is none."""
        if number.percent:
            found = self.percents.get(number.value)
            return (tuple(found), True) if found else None
        counted = self.counts.get(number.value)
        if not counted:
            return None
        return tuple(statistic for statistic, _ in counted), any(share for _, share in counted)


class Body:
    """One language's text of a narrative field, read once: references, exempt spans, numbers, sentences."""

    def __init__(self, text: Text, lang: str, body: str, language: ProseFigures, *, recommendation: bool) -> None:
        self.text, self.lang, self.body, self.language = text, lang, body, language
        self.references = find_references(body)
        self.masked = _masked(body, ((ref.start, ref.end) for ref in self.references), _REFERENCE_MARK)
        self.recommendation = recommendation
        self._numbers: list[Number] | None = None
        self._mentions: list[Mention] | None = None
        self._newlines = [match.start() for match in _NEWLINE.finditer(body)]
        self._sentences: Sentences | None = None

    @property
    def numbers(self) -> list[Number]:
        """The numbers the author wrote that may be figures: not in a reference, not a date, article number, ..."""
        if self._numbers is None:
            self._numbers = self._find_numbers() if _DIGIT.search(self.masked) else []
        return self._numbers

    def _find_numbers(self) -> list[Number]:
        language = self.language
        exempt = [match.span() for match in _NEVER_FIGURES.finditer(self.masked)]
        exempt += [match.span() for match in language.not_figures.finditer(self.masked)]
        if self.recommendation and language.deadlines is not None:
            exempt += [match.span() for match in language.deadlines.finditer(self.masked)]
        plain = _masked(self.masked, exempt, _EXEMPT_MARK)
        return [self._number(m, plain) for m in language.number.finditer(plain)]

    def _number(self, match: re.Match[str], plain: str) -> Number:
        percent = self.language.percent.match(plain, match.end())
        end = percent.end() if percent else match.end()
        return Number(match.start(), end, self.body[match.start():end], self.language.value(match.group()),
                      percent is not None)

    @property
    def sentences(self) -> Sentences:
        if self._sentences is None:
            self._sentences = Sentences(self.body)
        return self._sentences

    def location(self, position: int) -> Location | None:
        return line_location(self.text, self.lang, bisect_right(self._newlines, position - 1))

    @property
    def field(self) -> str:
        return f"{self.text.field_name}.{self.lang}"

    def mentions(self, brief: Brief, figures: Figures) -> list[Mention]:
        """Every figure in the text, in order: statistic references and traced numbers."""
        if self._mentions is None:
            self._mentions = self._find_mentions(brief, figures)
        return self._mentions

    def _find_mentions(self, brief: Brief, figures: Figures) -> list[Mention]:
        found = []
        for ref in self.references:
            statistic = brief.statistic(ref.target) if ref.kind == "stat" else None
            if statistic is not None and ref.option != "label":
                found.append(Mention(ref.start, ref.end, self.body[ref.start:ref.end], (statistic,),
                                     statistic.unit == "percent"))
        for number in self.numbers:
            traced = figures.trace(number)
            if traced is not None:
                found.append(Mention(number.start, number.end, number.written, *traced))
        return sorted(found, key=lambda mention: mention.start)


def _between(mentions: list[Mention], starts: list[int], start: int, end: int) -> list[Mention]:
    """The mentions that start in [start, end): found by bisection, not by a scan of the text's mentions."""
    return mentions[bisect_left(starts, start):bisect_left(starts, end)]


class _Reading:
    """The brief's narrative as the prose rules read it, once per check context."""

    def __init__(self, context: CheckContext) -> None:
        self.figures = Figures(context.brief)
        self.bodies = list(_read_bodies(context))


def reading(context: CheckContext) -> _Reading:
    """The narrative read once per context: the prose rules run one after the other on it."""
    found = context.shared.get(__name__)
    if not isinstance(found, _Reading):
        found = context.shared[__name__] = _Reading(context)
    return found


def bodies(context: CheckContext) -> list[Body]:
    return reading(context).bodies


def _read_bodies(context: CheckContext) -> Iterator[Body]:
    """Each narrative text in each language the prose rules can read."""
    brief = context.brief
    recommendations = {id(text) for text in brief.recommendations}
    if brief.briefing:
        recommendations.update(id(text) for text in brief.briefing.recommendations)
    if brief.submission:
        recommendations.update(id(item.recommendation) for item in brief.submission.follow_up)
    every = next((context.prose[lang] for lang in context.languages if lang in context.prose), None)
    for text in narrative_texts(brief):
        for lang, body in text.root.items():
            language = context.prose.get(lang) or (every if lang == "*" else None)
            if language is not None:
                yield Body(text, lang, body, language, recommendation=id(text) in recommendations)


def _masked(text: str, spans: Iterable[tuple[int, int]], mark: str) -> str:
    """``text`` with every span overwritten by ``mark`` (line breaks kept, so lines still count)."""
    out, position = [], 0
    for start, end in sorted(spans):
        if end <= position:
            continue
        start = max(start, position)
        out += [text[position:start], re.sub(r"[^\n]", mark, text[start:end])]
        position = end
    out.append(text[position:])
    return "".join(out)


# --- every number is traceable ---------------------------------------------------------------

def untraceable_numbers(context: CheckContext) -> Iterator[Finding]:
    figures = reading(context).figures
    for body in bodies(context):
        for number in body.numbers:
            if figures.trace(number) is None:
                yield Finding("error", "prose.untraceable-number",
                              f"'{number.written}' in {body.field} is not a value, count or base of any statistic; "
                              f"cite the statistic with [[stat:ID]], or mark a number that is not data "
                              f"[[n:{number.written}|why]]", body.location(number.start))
        for ref in body.references:
            if ref.kind == LITERAL and (body.language.parse(ref.target) is None or not ref.option):
                yield Finding("error", "prose.untraceable-number",
                              f"{body.body[ref.start:ref.end]} in {body.field} must hold a number as "
                              f"'{body.lang}' writes it and say why it is not data: [[{LITERAL}:30|days allowed for a reply]]",
                              body.location(ref.start))


register_rule(
    untraceable_numbers, "prose.untraceable-number",
    "A number written in narrative is a statistic of the brief (its value, count or base, as the language writes it: "
    "113, 1,234, 81.4 per cent, 81,4 %, 113명) or a literal marked [[n:NUMBER|why]]; dates, years, ordinals, "
    "article/paragraph/session numbers, UN document symbols, ages and, in a recommendation, deadlines "
    "('within 30 days') are not figures (locales/<lang>/prose-figures.yaml). Number words are not read.",
    severity="error",
    example="brief.yaml:230: error: prose.untraceable-number: '1,234' in summary.en is not a value, count or base of "
            "any statistic; cite the statistic with [[stat:ID]], or mark a number that is not data [[n:1,234|why]]")


# --- bases and groups ------------------------------------------------------------------------

def wrong_base(context: CheckContext) -> Iterator[Finding]:
    brief, figures = context.brief, reading(context).figures
    for body in bodies(context):
        framing = body.language.framing
        if framing is None:
            continue
        frames = [(match, span) for match in framing.finditer(body.masked)
                  if (span := named_group(match, "group")) is not None]
        if not frames:
            continue
        mentions = body.mentions(brief, figures)
        starts = [mention.start for mention in mentions]
        for index, (match, group) in enumerate(frames):
            _, sentence_end = body.sentences.around(match.start(), match.end())
            scope_end = min(sentence_end, frames[index + 1][0].start() if index + 1 < len(frames) else sentence_end)
            for mention in _between(mentions, starts, match.end(), scope_end):
                if mention.share and \
                        not any(_framed_by_base(body, brief, statistic, group) for statistic in mention.statistics):
                    yield Finding("error", "prose.wrong-base",
                                  f"'{mention.written}' in {body.field} is framed by '{body.body[slice(*group)].strip()}', "
                                  f"but it is a share of {_base_name(brief, mention.statistics[0], body.lang)}; frame it "
                                  f"by its base, or cite the statistic that is a share of this group",
                                  body.location(mention.start))


register_rule(
    wrong_base, "prose.wrong-base",
    "A share framed by a group in prose ('Of the 113 victims, …', 'among …', '… 중', 'parmi …') is framed by its "
    "own base: the group names the base statistic ([[stat:ID]]), its number, or a word of its label.",
    severity="error",
    example="brief.yaml:231: error: prose.wrong-base: '81.4 per cent' in summary.en is framed by '50 women "
            "interviewed', but it is a share of 'victims' (113); frame it by its base, or cite the statistic that is a share "
            "of this group")


def _framed_by_base(body: Body, brief: Brief, statistic: Statistic, group: tuple[int, int]) -> bool:
    """Does the group (a span of ``body``) name ``statistic``'s base: by reference, number or a word of its label?"""
    base = statistic.base
    if base is None:
        return True
    named = [ref.target for ref in body.references if ref.kind == "stat" and group[0] <= ref.start < group[1]]
    if named:
        return any(target == base or (isinstance(base, int) and (s := brief.statistic(target)) is not None
                                      and s.value == base) for target in named)
    numbers = [number.value for number in body.numbers if group[0] <= number.start < group[1]]
    base_value = brief.base_of(statistic)
    if numbers and (base_value is None or Decimal(base_value) not in numbers):
        return False
    base_statistic = brief.statistic(base) if isinstance(base, str) else None
    if base_statistic is None or not base_statistic.label.has(body.lang):
        return True  # a number as base has no words to compare
    language = body.language
    wanted = _content_words(base_statistic.label.get(body.lang), language)
    written = _content_words(body.masked[slice(*group)], language)
    if not written:  # "Of the 113," or "Of these,": the number alone, or nothing to compare
        return True
    if language.words_take_suffixes:
        return any(word.startswith(label_word) for word in written for label_word in wanted)
    return bool(wanted & written)


def _content_words(text: str, language: ProseFigures) -> set[str]:
    return {word for word in (w.casefold() for w in _WORD.findall(text)) if word not in language.common_words}


def _base_name(brief: Brief, statistic: Statistic, lang: str) -> str:
    base = statistic.base
    base_statistic = brief.statistic(base) if isinstance(base, str) else None
    if base_statistic is None:
        return f"a base of {base}"
    return f"'{base_statistic.label.get(lang, fallback=True)}' ({brief.base_of(statistic)})"


def qualified_group(context: CheckContext) -> Iterator[Finding]:
    brief, figures = context.brief, reading(context).figures
    nouns: dict[str, dict[str, tuple[re.Pattern[str], str, str, str]]] = {}
    for body in bodies(context):
        language = body.language
        if language.qualifiers is None:
            continue
        if body.lang not in nouns:
            nouns[body.lang] = _qualified_nouns(brief, body.lang, language)
        qualified = nouns[body.lang]
        mentions = body.mentions(brief, figures)
        framed = [span for match in language.framing.finditer(body.masked)
                  if (span := named_group(match, "group"))] if language.framing else []
        unframed = _masked(body.masked, framed, " ")  # "Among the victims," frames; it does not name the group
        for index, mention in enumerate(mentions):
            if len(mention.statistics) != 1 or mention.statistics[0].id not in qualified:
                continue
            noun, word, qualifier, label = qualified[mention.statistics[0].id]
            first, last = body.sentences.around(mention.start, mention.end)
            before = max(first, mentions[index - 1].end if index else first)
            after = min(last, mentions[index + 1].start if index + 1 < len(mentions) else last)
            window = unframed[before:mention.start] + " " + unframed[mention.end:after]
            if noun.search(window) and not language.qualifiers.search(window):
                yield Finding("error", "prose.qualified-group",
                              f"'{mention.written}' in {body.field} is '{label}', but its clause says '{word}' "
                              f"without a qualifier such as '{qualifier}'", body.location(mention.start))


register_rule(
    qualified_group, "prose.qualified-group",
    "A figure whose label narrows its group by a qualifier (aged 0 to 9, under 10, in 2023, 0~9세; "
    "locales/<lang>/prose-figures.yaml) is not called by the bare group noun in its clause ('[[stat:children-under-10]] "
    "were children'): the clause keeps a qualifier ('children under the age of ten').",
    severity="error",
    example="brief.yaml:240: error: prose.qualified-group: '11.5%' in summary.en is 'victims who were children aged 0 "
            "to 9', but its clause says 'children' without a qualifier such as 'aged 0 to 9'")


def _qualified_nouns(brief: Brief, lang: str, language: ProseFigures) -> dict[str, tuple[re.Pattern[str], str, str, str]]:
    """Statistic id -> (its label's group noun as a pattern, the noun, the qualifier, the label), in ``lang``."""
    assert language.qualifiers is not None
    found = {}
    for statistic in brief.statistics:
        if not statistic.label.has(lang):
            continue
        label = statistic.label.get(lang)
        # A label narrows its group with a number ("aged 0 to 9", "in 2023", "0~9세"); "under the Ministry" does not.
        match = next((m for m in language.qualifiers.finditer(label) if any(c.isdigit() for c in m.group())), None)
        if match is None:
            continue
        words = _WORD.findall(label[:match.start()] if language.group_noun == "before" else label[match.end():])
        if not words:
            continue
        noun = words[-1] if language.group_noun == "before" else words[0]
        end = "" if language.words_take_suffixes else r"(?!\w)"
        found[statistic.id] = (re.compile(rf"(?<!\w){re.escape(noun)}{end}", re.IGNORECASE), noun, match.group(), label)
    return found


# --- attribution -----------------------------------------------------------------------------

def attribution(context: CheckContext) -> Iterator[Finding]:
    brief, figures = context.brief, reading(context).figures
    for body in bodies(context):
        pattern = body.language.attribution
        if pattern is None:
            continue
        matches = [(match, span) for match in pattern.finditer(body.masked)
                   if (span := named_group(match, "body")) is not None]
        if not matches:
            continue
        mentions = body.mentions(brief, figures)
        starts = [mention.start for mention in mentions]
        # "the report" is listed with its article; the name is compared without one
        not_names = {_bare_name(name, body.language) for name in body.language.not_names}
        for match, span in matches:
            written = " ".join(body.body[slice(*span)].split())
            named = _bare_name(written, body.language)
            if not named or named in not_names:
                continue
            first, last = body.sentences.around(match.start(), match.end())
            for mention in _between(mentions, starts, first, last):
                names = _source_names(brief, mention.statistics)
                if names and not any(_names_match(named, name) for name in names):
                    yield Finding("error", "prose.attribution",
                                  f"{body.field} attributes '{mention.written}' to '{written}', "
                                  f"but its sources are by {', '.join(sorted(set(names)))}; name one of them",
                                  body.location(span[0]))


register_rule(
    attribution, "prose.attribution",
    "'According to X', 'X reported', 'X에 따르면', 'selon X' in a sentence with a figure names a publisher, author or "
    "relayed body (relays:) of that figure's sources, in any language of the source, one of the source's 'aliases:' "
    "(UNHCR, HCR), or their initials (TJWG). "
    "Pronouns and generic subjects ('it', 'the report') are not judged.",
    severity="error",
    example="brief.yaml:232: error: prose.attribution: summary.en attributes '[[stat:returned]]' to 'Amnesty "
            "International', but its sources are by Human Rights Watch, UCA News; name one of them")


def _bare_name(written: str, language: ProseFigures) -> str:
    name = " ".join(written.split()).casefold()
    for article in language.articles:
        if name.startswith(article + " ") or (article.endswith(("'", "\u2019")) and name.startswith(article)):
            name = name[len(article):].lstrip()
    return name


def _source_names(brief: Brief, statistics: Iterable[Statistic]) -> list[str]:
    """Publishers, authors and relayed bodies of the statistics' sources, in every language given."""
    names: list[str] = []
    for statistic in statistics:
        for cited in statistic.sources:
            source = brief.source(cited.id)
            if source is None:
                continue
            for text in (source.publisher, source.author, source.relays):
                if text is not None:
                    names.extend(text.root.values())
            names.extend(source.aliases)
    return names


def _names_match(named: str, name: str) -> bool:
    """Is ``named`` (as the prose writes it, casefolded) this name, a part of it, or its initials?"""
    full = " ".join(name.split()).casefold()
    initials = "".join(word[0] for word in _WORD.findall(name) if word[0].isupper()).casefold()
    return full in named or (len(named) >= 4 and named in full) or (len(initials) > 1 and named == initials)


# --- unit nouns ------------------------------------------------------------------------------

def unit_noun(context: CheckContext) -> Iterator[Finding]:
    brief = context.brief
    for body in bodies(context):
        nouns = body.language.unit_nouns
        for ref in body.references:
            statistic = brief.statistic(ref.target) if ref.kind == "stat" else None
            unit = _printed_unit(brief, statistic, ref)
            if statistic is None or unit not in nouns:
                continue
            following = _NEXT_WORD.match(body.masked, ref.end)
            if following is None:
                continue
            word = following.group(1).casefold()
            other = any(word in listed for listed in nouns.values())
            label = statistic.label.get(body.lang) if statistic.label.has(body.lang) else ""
            in_label = len(word) > 1 and not word.endswith(body.language.participle_endings) and (
                any(word.startswith(w) for w in _content_words(label, body.language) if len(w) > 1)
                if body.language.words_take_suffixes else word in _content_words(label, body.language))
            if other or in_label:
                what = "repeats" if word in nouns[unit] else "is followed by"
                yield Finding("warning", "prose.unit-noun",
                              f"[[stat:{ref.target}{'|' + ref.option if ref.option else ''}]] in {body.field} prints "
                              f"its unit noun ({'/'.join(sorted(nouns[unit]))}) and {what} '{following.group(1)}'; "
                              f"write [[stat:{ref.target}|value]] {following.group(1)}", body.location(ref.start))


register_rule(
    unit_noun, "prose.unit-noun",
    "A reference that prints its unit noun ([[stat:ID]] prints '122,095 cases') is not followed by a noun: the same "
    "unit noun again, another unit's, or a word of the statistic's label ('cases applications'); write "
    "[[stat:ID|value]] before a noun of your own.",
    severity="warning",
    example="brief.yaml:233: warning: prose.unit-noun: [[stat:applications]] in summary.en prints its unit noun "
            "(case/cases) and is followed by 'applications'; write [[stat:applications|value]] applications")


def _printed_unit(brief: Brief, statistic: Statistic | None, ref: Reference) -> str | None:
    """The unit whose noun the reference prints, as the renderer prints it ("113 people", "92 people (81.4%)")."""
    if statistic is None:
        return None
    if ref.option == "count" and not statistic.qualifier and brief.count_of(statistic) is not None:
        return brief.count_unit_of(statistic)
    if ref.option in ("", "attributed", "count") and statistic.unit != "percent":
        return statistic.unit  # "|count" of a figure with no count of a base prints its amount
    return None


def unchecked_language(context: CheckContext) -> Iterator[Finding]:
    for lang in context.languages:
        if lang not in context.prose:
            yield Finding("warning", "prose.unchecked-language",
                          f"no locales/{lang}/prose-figures.yaml: numbers in the '{lang}' prose are not checked; "
                          f"copy locales/en/prose-figures.yaml and translate its phrases", context.brief.brief.where())


register_rule(
    unchecked_language, "prose.unchecked-language",
    "A language being built has a prose-figures.yaml (numbers, framing and attribution phrases), or its prose is not "
    "checked for untraceable numbers, bases, qualifiers and attributions.",
    severity="warning",
    example="brief.yaml:1: warning: prose.unchecked-language: no locales/es/prose-figures.yaml: numbers in the 'es' "
            "prose are not checked; copy locales/en/prose-figures.yaml and translate its phrases")
