"""A language's behaviour as data: formats from Babel/CLDR, wording from gettext.

:class:`LocaleData` is what the load stage makes of a locale folder
(``locales/<code>/locale.yaml`` and its ``LC_MESSAGES/briefbuilder.po``; see
:mod:`briefbuilder.load.locale`) and what render and write use to word and
format a document. Code never branches on the language: every difference is
in the data this class holds.

A language that is not the source language must translate every message: the
ones a document looks up (a pack's own strings too) are recorded while it
renders, so a document never mixes languages silently.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, Literal

from babel import Locale
from babel.dates import format_date, format_skeleton
from babel.lists import format_list
from babel.numbers import NumberPattern
from babel.support import Translations

from .document import Typography
from .errors import Location, Problem
from .markdown import Markdown, escape_markdown
from .messages import COUNT_FORMS, COUNT_WITH_PERCENT, MIXED_SHARE, QUALIFIER_FORMS, SHARE_FORMS

DOMAIN = "briefbuilder"  # the package's messages: <code>/LC_MESSAGES/briefbuilder.po
PACK_DOMAIN = "pack"  # a pack's own messages: <pack>/locales/<code>/LC_MESSAGES/pack.po
CONTEXT_SEPARATOR = "\x04"  # how gettext keys a message with a context


@dataclass(frozen=True)
class Message:
    """A gettext message as a catalog keys it: for naming a missing one to the translator."""

    id: str
    context: str | None = None

    def __str__(self) -> str:
        return f'msgctxt "{self.context}" msgid "{self.id}"' if self.context else f'msgid "{self.id}"'


NoteAt = Literal["sentence", "word", "block"]
NotePunctuation = Literal["after", "before"]
NoteFigures = Literal["gather", "mark"]


@dataclass(frozen=True)
class NoteMarks:
    """Where a language puts note marks, and whether its notes say "Ibid." (``locale.yaml`` ``note_marks``)."""

    # one note at the end of the sentence; a mark after the word holding each reference; or one note at the end
    # of the block (a paragraph, or a list item with the items under it) for all its citations
    at: NoteAt
    punctuation: NotePunctuation  # the mark after the punctuation there (English, Korean) or before it (French)
    figures: NoteFigures  # "mark": a figure whose sources differ from the rest of its sentence gets its own mark
    ibid: bool


@dataclass(frozen=True)
class Quotes:
    """Typographic quotation marks that replace straight ones in prose and notes (``locale.yaml``)."""

    double: tuple[str, str]
    single: tuple[str, str]  # the closing one is also the apostrophe


@dataclass(frozen=True, eq=False)  # one cached instance per language: identity is equality
class LocaleData:
    """Everything language-specific a render or a writer needs."""

    code: str
    name: str
    babel: Locale
    tag: str
    east_asian_font: str | None
    translations: Translations
    particles: dict[str, tuple[str, str]]  # Korean 은/는 etc.: (after a final consonant, after a vowel)
    # The article a name takes in a sentence, by the name's first word (French: "Pacte" -> "le", "Convention" -> "la")
    name_articles: dict[str, str]
    # A preposition and article written as one word (French: "à le" -> "au"), where a filled placeholder starts
    # with the article right after the preposition a translation writes
    contractions: dict[str, str]
    note_marks: NoteMarks
    quotes: Quotes | None
    range_dash: str  # between the ends of a range of pages or paragraphs ("3–4", "3~4")
    keep_together: re.Pattern[str] | None  # what a line never breaks inside (a Korean date: 2024. 10. 31.)
    abbreviations: re.Pattern[str] | None  # words whose full stop ends no sentence ("para. 4"), as one pattern
    ordinals: tuple[str, ...]  # "first", "second", ... where the language writes ordinals in words
    typography: Typography = Typography()  # how the script is typeset (Korean: no auto-spacing, no italic)
    source_language: bool = False  # msgids are written in this language: untranslated is correct
    messages_file: Path | None = None  # the .po translators edit, named when a message is missing
    shipped: bool = False  # messages_file is the installed package's: never the place a user is sent to edit
    package_messages: frozenset[Message] = frozenset()  # the package's own messages (its .pot)
    # A user's pack's pack.po (it may not exist yet): where its own strings, and any it overrides, are translated.
    pack_messages_file: Path | None = None
    untranslated: tuple[Message, ...] = ()  # messages of the package's .pot this locale lacks
    missing: set[Message] | None = field(default=None, compare=False)  # recorded while a document renders

    # --- wording -------------------------------------------------------------
    def gettext(self, message: str) -> Markdown:
        self._require(message, None, message)
        return self._wording(self.translations.gettext(message))

    def ngettext(self, singular: str, plural: str, n: int) -> Markdown:
        self._require((singular, 0), None, singular)
        return self._wording(self.translations.ngettext(singular, plural, n))

    def pgettext(self, context: str, message: str) -> Markdown:
        self._require(f"{context}{CONTEXT_SEPARATOR}{message}", context, message)
        return self._wording(self.translations.pgettext(context, message))

    def npgettext(self, context: str, singular: str, plural: str, n: int) -> Markdown:
        self._require((f"{context}{CONTEXT_SEPARATOR}{singular}", 0), context, singular)
        return self._wording(self.translations.npgettext(context, singular, plural, n))

    def _wording(self, text: str) -> Markdown:
        return _Wording(text, self.particles, self.contractions) if self.particles or self.contractions \
            else Markdown(text)

    def joined(self, before: str, name: Markdown) -> tuple[str, Markdown]:
        """The author's text before a reference and what the reference prints, with a preposition ending
        the text and the name's article written as the language joins them: "de" + "le Japon" gives
        "du" + "Japon", "À" + "les États-Unis" gives "Aux" + "États-Unis" (``contractions``)."""
        found = self._preposition_before.search(before) if self._preposition_before else None
        if found is None:
            return before, name
        written = found["preposition"]
        joined = _contraction(written.lower(), name, self.contractions)
        if joined is None:
            return before, name
        contracted = joined[0][:1].upper() + joined[0][1:] if written[:1].isupper() else joined[0]
        return before[:found.start("preposition")] + contracted + found["space"], Markdown(joined[1])

    @cached_property
    def _preposition_before(self) -> re.Pattern[str] | None:
        """A preposition of ``contractions`` ending a text, with the blank after it."""
        if not self.contractions:
            return None
        return re.compile(rf"(?<!\w)(?P<preposition>{_prepositions(self.contractions)})(?P<space>\s+)\Z", re.IGNORECASE)

    def name_article(self, name: str) -> str | None:
        """The article ``name`` takes in a sentence ("le" for "Pacte international ..."), from its first word.

        None where the language writes no article before a name (English puts "the" in the sentence itself).
        """
        first = re.match(r"[^\W\d_]+", name)
        return self.name_articles.get(first.group()) if first else None

    def with_article(self, name: Markdown, article: str) -> Markdown:
        """``name`` after its article: "le Pacte", "l’Accord" (an elided article is written against the name)."""
        return Markdown("%s%s%s") % (article, "" if article.endswith(("’", "'")) else " ", name)

    def recording(self) -> LocaleData:
        """A copy that records every message it lacks, for one document."""
        return self if self.source_language else replace(self, missing=set())

    def with_messages(self, extra: Translations | None, pack_file: Path | None = None) -> LocaleData:
        """This locale with a pack's own messages added (they win over the core's).

        ``pack_file`` is a user's pack's ``pack.po``: a message the document
        lacks is then reported there, the user's own file, not in the package.
        """
        if extra is None:
            return replace(self, pack_messages_file=pack_file)
        merged = copy.copy(self.translations)  # keeps the language's plural rule
        merged._catalog = dict(self.translations._catalog)
        merged.files = list(self.translations.files)
        return replace(self, translations=merged.merge(extra), pack_messages_file=pack_file)

    def missing_messages(self) -> list[Problem]:
        """What a document in this language lacked: one problem per message, at the user's .po that fixes it.

        A user's pack's own string is translated in its ``pack.po``; a package
        message in a user's locale folder, in that folder's .po; a package
        message the installed package lacks, in the user's pack.po (it wins over
        the package's). Only with neither a user's pack nor a user's locale is
        the package's own .po named.
        """
        lacking = dict.fromkeys([*self.untranslated, *sorted(self.missing or (), key=str)])
        return [self._missing(message) for message in lacking]

    def _missing(self, message: Message) -> Problem:
        draft = "; or build a marked draft with --draft"
        problem = f"no '{self.code}' translation of {message}"
        own = message not in self.package_messages
        if self.pack_messages_file is not None and (own or self.shipped):
            what = "the pack's own string" if own else "the installed briefbuilder lacks it (please report it)"
            return Problem(Location(str(self.pack_messages_file), 1), "messages", problem,
                           f"{what}: translate it in {self.pack_messages_file} (docs/translating.md){draft}")
        where = Location(str(self.messages_file), 1) if self.messages_file else None
        if self.shipped:
            return Problem(where, "messages", problem,
                           f"the installed briefbuilder lacks it (please report it); translate it in a locale folder "
                           f"of your own ({self.code}/LC_MESSAGES/{DOMAIN}.po, passed with --locales; "
                           f"docs/translating.md){draft}")
        return Problem(where, "messages", problem,
                       f"translate it in {self.messages_file or f'{self.code}/LC_MESSAGES/{DOMAIN}.po'} "
                       f"(docs/translating.md){draft}")

    def _require(self, key: str | tuple[str, int], context: str | None, message: str) -> None:
        if self.missing is not None and key not in self.translations._catalog:
            self.missing.add(Message(message, context))

    # --- formats -------------------------------------------------------------
    def number(self, value: Decimal | int) -> Markdown:
        """A number at the precision it was written with ("81.40" stays "81.40"), grouped as the locale groups."""
        return Markdown(_at_precision(self.babel.decimal_formats[None], value).apply(value, self.babel))

    def percent(self, value: Decimal | int, *, words: bool = False) -> Markdown:
        """``value`` is in per cent (81.4 → "81.4%"); ``words`` gives "81.4 per cent"."""
        if words:
            # Translators: number: a number already formatted (81.4); for packs that write percentages in words
            return self.gettext("%(number)s per cent") % {"number": self.number(value)}
        pattern = _at_precision(self.babel.percent_formats[None], value)
        return Markdown(pattern.apply(Decimal(value) / 100, self.babel))

    def date(self, value: dt.date, style: str = "long") -> Markdown:
        """A date in a CLDR style ("long") or pattern ("d MMMM y").

        Escaped like data: "2024. 11. 20." opening a line would otherwise be a numbered list.
        """
        return escape_markdown(format_date(value, format=style, locale=self.babel))

    def month(self, year: int, month: int) -> Markdown:
        """"November 2026" / "2026년 11월"."""
        return escape_markdown(format_skeleton("yMMMM", dt.date(year, month, 1), locale=self.babel))

    def list(self, items: list[str]) -> Markdown:
        """"A, B and C" / "A, B 및 C" (items are escaped unless already Markdown)."""
        return Markdown(format_list([str(Markdown("%s") % item) for item in items], locale=self.babel))

    def ordinal(self, number: int) -> Markdown:
        """"forty-seventh" where the locale lists ordinals in words; else the number (Korean: 제47차)."""
        return Markdown(self.ordinals[number - 1] if 0 < number <= len(self.ordinals) else str(number))

    def count(self, value: Decimal | int, unit: str, qualifier: str | None = None) -> Markdown:
        """"113 people" / "113명", "more than 500 people" / "500명 초과"."""
        singular, plural = COUNT_FORMS[unit]
        amount = self.ngettext(singular, plural, int(value)) % {"num": self.number(value)}
        if qualifier:
            context, message = QUALIFIER_FORMS[qualifier]
            amount = self.pgettext(context, message) % {"amount": amount}
        return amount

    def share(self, percent: Markdown, count: int, base: int, base_unit: str, count_unit: str | None = None) -> Markdown:
        """"81.4% (92 of 113)" / "113명 중 92명(81.4%)"; with units of their own,
        "2.7% (1,544 people of 57,000 cases)" / "57,000건 중 1,544명(2.7%)"."""
        if count_unit is not None and count_unit != base_unit:
            return self.pgettext(*MIXED_SHARE) % {
                "percent": percent, "count": self.count(count, count_unit), "base": self.count(base, base_unit)}
        context, message = SHARE_FORMS[base_unit]
        return self.pgettext(context, message) % {
            "percent": percent, "count": self.number(count), "base": self.number(base),
        }

    def count_with_percent(self, percent: Markdown, count: int, unit: str) -> Markdown:
        """"13 people (11.5%)" / "13명(11.5%)": ``unit`` is what the count counts."""
        return self.pgettext(*COUNT_WITH_PERCENT) % {"count": self.count(count, unit), "percent": percent}


class _Wording(Markdown):
    """A translation whose particles and contractions are settled once its placeholders are filled.

    A translator writes a particle in both forms, as Korean does when the word
    before it is unknown ("%(state)s은(는)"); filling the placeholder decides
    it by the last syllable written before it (중국은, 러시아는, 「난민협약」을).
    After a word with no Hangul syllable ("ICCPR을(를)") both forms stay, which
    is the Korean convention for an undecided particle.

    A French translation writes the preposition a verb asks for ("a adhéré à
    %(treaty)s"); when the name filling the placeholder starts with an article
    the language contracts with it, the two become one word ("au Pacte", "à la
    Convention" unchanged). Only a preposition the translation wrote right before
    a placeholder is contracted, never one inside a filled value.
    """

    particles: dict[str, tuple[str, str]]
    contractions: dict[str, str]

    def __new__(cls, text: str, particles: dict[str, tuple[str, str]], contractions: dict[str, str]) -> _Wording:
        wording = super().__new__(cls, text)
        wording.particles = particles
        wording.contractions = contractions
        return wording

    def __mod__(self, values: Any) -> Markdown:
        template, values = _contract(str(self), values, self.contractions)
        filled = Markdown.__mod__(Markdown(template), values)
        return _choose_particles(filled, self.particles) if self.particles else filled


def _contraction(preposition: str, value: Any, contractions: dict[str, str]) -> tuple[str, str] | None:
    """("au", "Pacte …") for "à" before "le Pacte …": the preposition and the name's article as one word,
    and the name without its article (Markdown stays Markdown); None when they do not contract."""
    if not isinstance(value, str):
        return None
    for joined, contracted in contractions.items():
        written_preposition, _, article = joined.partition(" ")
        if written_preposition == preposition and value.startswith(f"{article} "):
            bare = value[len(article) + 1:]
            return contracted, Markdown(bare) if isinstance(value, Markdown) else bare
    return None


def _contract(template: str, values: Any, contractions: dict[str, str]) -> tuple[str, Any]:
    """``template`` with "à %(treaty)s" made "au %(treaty…)s" when the treaty's name starts with "le "."""
    if not contractions or not isinstance(values, dict):
        return template, values
    values = dict(values)

    def contract(match: re.Match[str]) -> str:
        preposition, name = match.group(1), match.group(2)
        joined = _contraction(preposition, values.get(name), contractions)
        if joined is None:
            return match.group()
        key = f"{name} {joined[0]}"  # its own key: the same placeholder may stand elsewhere with its article
        values[key] = joined[1]
        return f"{joined[0]} %({key})s"

    return re.sub(rf"(?<!\w)({_prepositions(contractions)}) %\(([^)]+)\)s", contract, template), values


def _prepositions(contractions: dict[str, str]) -> str:
    """The prepositions that ``contractions`` join with an article, as one alternation, longest first."""
    return "|".join(sorted({re.escape(joined.partition(" ")[0]) for joined in contractions}, key=len, reverse=True))


_CLOSING = "」』〉》)]*_\\\"'’”"  # marks that may stand between a word and its particle (Markdown escapes too)


def _choose_particles(text: str, particles: dict[str, tuple[str, str]]) -> Markdown:
    both, forms = _particle_forms(tuple(particles.values()))

    def choose(match: re.Match[str]) -> str:
        at = match.start() - 1  # the last syllable before the particle, past closing marks (no copy of the text)
        while at >= 0 and text[at] in _CLOSING:
            at -= 1
        last = text[at] if at >= 0 else ""
        if not "가" <= last <= "힣":
            return match.group()
        after_consonant, after_vowel = forms[match.group()]
        return after_consonant if (ord(last) - ord("가")) % 28 else after_vowel

    return Markdown(both.sub(choose, text))


@lru_cache(maxsize=8)
def _particle_forms(pairs: tuple[tuple[str, str], ...]) -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
    """The pattern finding every undecided particle ("은(는)") and its two forms, built once per locale."""
    both = re.compile("|".join(re.escape(f"{after_consonant}({after_vowel})") for after_consonant, after_vowel in pairs))
    return both, {f"{c}({v})": (c, v) for c, v in pairs}


def _at_precision(pattern: NumberPattern, value: Decimal | int) -> NumberPattern:
    """The locale's own pattern (symbols, grouping, where the % goes) showing exactly the decimals ``value`` has.

    Babel applies the pattern: "81.4" is "81.4%" in English and "81,4 %" in
    French. Only the number of decimals is ours, because the precision a
    figure is reported with is part of the claim.
    """
    exponent = Decimal(value).as_tuple().exponent
    return _with_places(pattern, -exponent if isinstance(exponent, int) and exponent < 0 else 0)


@lru_cache(maxsize=64)
def _with_places(pattern: NumberPattern, places: int) -> NumberPattern:
    """A copy of the locale's pattern showing ``places`` decimals (made once per pattern and precision)."""
    exact = copy.copy(pattern)
    exact.frac_prec = (places, places)
    return exact
