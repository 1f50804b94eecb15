"""Locale behaviour as data: formats from Babel/CLDR, wording from gettext.

A language is a folder named by its code: ``locale.yaml`` (which CLDR locale,
which language tag, which East Asian font) and ``LC_MESSAGES/briefbuilder.po``
(the translators' source of truth, compiled in memory when first used). Code
never branches on the language.

Locale folders are found on a search path, like audience packs: the user's
folders (``--locales``), then a ``locales/`` folder beside the brief, then the
package's own. The first folder holding ``<code>/locale.yaml`` wins, so a
language is added or replaced without touching the package.

A language that is not the source language (``source_language: true`` in
``locale.yaml``) must translate every message: the ones the package's .pot
lists are compared when the locale is loaded, and the ones a document looks up
(a pack's own strings too) are recorded while it renders, so a document never
mixes languages silently.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from babel import Locale
from babel.dates import format_date, format_skeleton
from babel.lists import format_list
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import NumberPattern
from babel.support import Translations

from ..cache import digest, remembered_bytes, remembered_object
from ..document import Typography
from ..errors import BriefError, Location, Problem
from ..load.confine import confined_file
from ..load.yamlsource import SourceMap, read_yaml
from ..model import LANGUAGE
from ..resources import data_dir
from .markdown import Markdown, escape_markdown
from .messages import COUNT_FORMS, COUNT_WITH_PERCENT, QUALIFIER_FORMS, SHARE_FORMS

DOMAIN = "briefbuilder"
SETTINGS = "locale.yaml"
LOCALES_BESIDE_BRIEF = "locales"  # a brief's own locale folder, searched after --locales
_CONTEXT_SEPARATOR = "\x04"  # how gettext keys a message with a context


def locale_search_path(locale_dirs: Sequence[str | Path] = (), brief_directory: Path | None = None) -> tuple[Path, ...]:
    """Locale folders in lookup order: the user's, the brief's own ``locales/``, the package's."""
    beside = [Path(brief_directory) / LOCALES_BESIDE_BRIEF] if brief_directory is not None else []
    return (*(Path(d) for d in locale_dirs), *(d for d in beside if d.is_dir()), data_dir("locales"))


def available_languages(search_path: Sequence[Path] = ()) -> list[str]:
    """Every language code with a ``locale.yaml`` on ``search_path`` (default: the package's)."""
    roots = search_path or (data_dir("locales"),)
    return sorted({settings.parent.name for root in roots for settings in Path(root).glob(f"*/{SETTINGS}")})


@dataclass(frozen=True)
class Message:
    """A gettext message as a catalog keys it: for naming a missing one to the translator."""

    id: str
    context: str | None = None

    def __str__(self) -> str:
        return f'msgctxt "{self.context}" msgid "{self.id}"' if self.context else f'msgid "{self.id}"'


NoteAt = Literal["sentence", "word"]
NotePunctuation = Literal["after", "before"]
NoteFigures = Literal["gather", "mark"]


@dataclass(frozen=True)
class NoteMarks:
    """Where a language puts note marks, and whether its notes say "Ibid." (``locale.yaml`` ``note_marks``)."""

    at: NoteAt  # one note at the end of the sentence, or a mark after the word holding each reference
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
    note_marks: NoteMarks
    quotes: Quotes | None
    range_dash: str  # between the ends of a range of pages or paragraphs ("3–4", "3~4")
    keep_together: re.Pattern[str] | None  # what a line never breaks inside (a Korean date: 2024. 10. 31.)
    abbreviations: re.Pattern[str] | None  # words whose full stop ends no sentence ("para. 4"), as one pattern
    ordinals: tuple[str, ...]  # "first", "second", ... where the language writes ordinals in words
    typography: Typography = Typography()  # how the script is typeset (Korean: no auto-spacing, no italic)
    source_language: bool = False  # msgids are written in this language: untranslated is correct
    messages_file: Path | None = None  # the .po translators edit, named when a message is missing
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
        self._require(f"{context}{_CONTEXT_SEPARATOR}{message}", context, message)
        return self._wording(self.translations.pgettext(context, message))

    def npgettext(self, context: str, singular: str, plural: str, n: int) -> Markdown:
        self._require((f"{context}{_CONTEXT_SEPARATOR}{singular}", 0), context, singular)
        return self._wording(self.translations.npgettext(context, singular, plural, n))

    def _wording(self, text: str) -> Markdown:
        return _Wording(text, self.particles) if self.particles else Markdown(text)

    def recording(self) -> LocaleData:
        """A copy that records every message it lacks, for one document."""
        return self if self.source_language else replace(self, missing=set())

    def with_messages(self, extra: Translations) -> LocaleData:
        """This locale with a pack's own messages added (they win over the core's)."""
        merged = copy.copy(self.translations)  # keeps the language's plural rule
        merged._catalog = dict(self.translations._catalog)
        merged.files = list(self.translations.files)
        return replace(self, translations=merged.merge(extra))

    def missing_messages(self) -> list[Problem]:
        """What a document in this language lacked: one problem per message, at the .po to fix."""
        lacking = dict.fromkeys([*self.untranslated, *sorted(self.missing or (), key=str)])
        where = Location(str(self.messages_file), 1) if self.messages_file else None
        return [Problem(where, "messages", f"no '{self.code}' translation of {message}",
                        f"translate it in {self.messages_file or f'{self.code}/LC_MESSAGES/{DOMAIN}.po'}, or, for a "
                        f"pack's own string, in the pack's locales/{self.code}/LC_MESSAGES/{PACK_DOMAIN}.po "
                        "(docs/translating.md); or build a marked draft with --draft") for message in lacking]

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
        """"113 people" / "113명", "more than 500 people" / "500명 이상"."""
        singular, plural = COUNT_FORMS[unit]
        amount = self.ngettext(singular, plural, int(value)) % {"num": self.number(value)}
        if qualifier:
            context, message = QUALIFIER_FORMS[qualifier]
            amount = self.pgettext(context, message) % {"amount": amount}
        return amount

    def share(self, percent: Markdown, count: int, base: int, base_unit: str) -> Markdown:
        """"81.4% (92 of 113)" / "113명 중 92명(81.4%)"."""
        context, message = SHARE_FORMS[base_unit]
        return self.pgettext(context, message) % {
            "percent": percent, "count": self.number(count), "base": self.number(base),
        }


    def count_with_percent(self, percent: Markdown, count: int, base_unit: str) -> Markdown:
        """"13 people (11.5%)" / "13명(11.5%)"."""
        return self.pgettext(*COUNT_WITH_PERCENT) % {"count": self.count(count, base_unit), "percent": percent}


class _Wording(Markdown):
    """A translation whose particles are chosen once its placeholders are filled.

    A translator writes a particle in both forms, as Korean does when the word
    before it is unknown ("%(state)s은(는)"); filling the placeholder decides
    it by the last syllable written before it (중국은, 러시아는, 「난민협약」을).
    After a word with no Hangul syllable ("ICCPR을(를)") both forms stay, which
    is the Korean convention for an undecided particle.
    """

    particles: dict[str, tuple[str, str]]

    def __new__(cls, text: str, particles: dict[str, tuple[str, str]]) -> _Wording:
        wording = super().__new__(cls, text)
        wording.particles = particles
        return wording

    def __mod__(self, values: Any) -> Markdown:
        return _choose_particles(Markdown.__mod__(self, values), self.particles)


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


def load_locale(code: str, search_path: Sequence[Path] = ()) -> LocaleData:
    """The locale for language ``code`` (``en``, ``ko``), from the first folder on ``search_path`` that has it.

    ``search_path`` defaults to the package's locales (see :func:`locale_search_path`);
    an unknown code is an input error naming the languages that are there.
    """
    roots = tuple(Path(root) for root in search_path) or (data_dir("locales"),)
    for root in roots if re.fullmatch(LANGUAGE, code) else ():
        if (root / code / SETTINGS).is_file() or (root / code / SETTINGS).is_symlink():
            confined_file(root, root / code / SETTINGS, what=f"locale file of '{code}'")
            return _load_locale(root / code)
    raise BriefError.at(None, "brief.languages", f"unknown language '{code}'",
                        f"use one of: {', '.join(available_languages(roots))}; or add a folder '{code}/' "
                        f"with {SETTINGS} and LC_MESSAGES/{DOMAIN}.po (docs/translating.md) and pass it with --locales")


@lru_cache(maxsize=16)
def _load_locale(folder: Path) -> LocaleData:
    data, source_map = read_yaml(folder / SETTINGS)
    for key in ("name", "babel", "tag"):
        if key not in data:
            raise BriefError.at(source_map.locate(), key, f"the locale settings have no '{key}'",
                                f"add '{key}:' (see locales/en/{SETTINGS})")
    po_file = folder / "LC_MESSAGES" / f"{DOMAIN}.po"
    translations = compile_messages(po_file, data["babel"])
    source_language = bool(data.get("source_language", False))
    return LocaleData(
        code=folder.name,
        name=data["name"],
        babel=Locale.parse(data["babel"]),
        tag=data["tag"],
        east_asian_font=data.get("east_asian_font"),
        particles={kind: tuple(pair) for kind, pair in (data.get("particles") or {}).items()},
        note_marks=_note_marks(data.get("note_marks"), source_map),
        quotes=Quotes(double=tuple(data["quotes"]["double"]), single=tuple(data["quotes"]["single"]))  # type: ignore[arg-type]
        if data.get("quotes") else None,
        range_dash=data["range_dash"],
        keep_together=_keep_together(data.get("keep_together"), source_map),
        abbreviations=_abbreviations(data.get("abbreviations"), source_map),
        ordinals=tuple(data.get("ordinals") or ()),
        translations=translations,
        source_language=source_language,
        messages_file=po_file,
        untranslated=() if source_language else _untranslated(translations),
        typography=Typography(**(data.get("typography") or {})),
    )


def _abbreviations(words: Any, source_map: SourceMap) -> re.Pattern[str] | None:
    """One pattern for the locale's ``abbreviations`` ("para" matches "para." as a whole word)."""
    if not words:
        return None
    if not isinstance(words, list) or not all(isinstance(word, str) and word for word in words):
        raise BriefError.at(source_map.locate("abbreviations"), "abbreviations", "must be a list of words",
                            "write abbreviations: [p, para, ...] (without their full stops)")
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True)) + r")\.")


_NOTE_MARK_CHOICES: dict[str, tuple[Any, ...]] = {
    "at": ("sentence", "word"), "punctuation": ("after", "before"), "figures": ("gather", "mark"), "ibid": (True, False)}


def _note_marks(settings: Any, source_map: SourceMap) -> NoteMarks:
    """The ``note_marks`` block: every setting given, each one of its choices, else an error where it was written."""
    settings = settings if isinstance(settings, dict) else {}
    for name, choices in _NOTE_MARK_CHOICES.items():
        if settings.get(name) not in choices:
            raise BriefError.at(source_map.locate("note_marks"), f"note_marks.{name}",
                                f"must be one of {', '.join(map(str, choices))}, not {settings.get(name)!r}",
                                f"write note_marks: {{{name}: {choices[0]}}} (see locales/en/{SETTINGS})")
    return NoteMarks(at=settings["at"], punctuation=settings["punctuation"], figures=settings["figures"],
                     ibid=settings["ibid"])


def _keep_together(patterns: Any, source_map: SourceMap) -> re.Pattern[str] | None:
    """One expression for the locale's ``keep_together`` list; a bad one is an error where it was written."""
    if not patterns:
        return None
    if not isinstance(patterns, list) or not all(isinstance(pattern, str) for pattern in patterns):
        raise BriefError.at(source_map.locate("keep_together"), "keep_together", "must be a list of patterns",
                            "write keep_together: ['pattern', ...] (regular expressions)")
    try:
        return re.compile("|".join(f"(?:{pattern})" for pattern in patterns))
    except re.error as error:
        raise BriefError.at(source_map.locate("keep_together"), "keep_together",
                            f"not a regular expression: {error}", "fix the pattern (Python's re syntax)") from None


def compile_messages(po_file: Path, locale: str, domain: str = DOMAIN) -> Translations:
    """Compile a .po catalog in memory: the .po stays the only source of truth; fuzzy entries are left out."""
    if not po_file.is_file():
        return Translations()
    confined_file(po_file.parents[2], po_file, what="translation catalog")
    source = po_file.read_bytes()

    def compiled() -> bytes:
        buffer = io.BytesIO()
        write_mo(buffer, read_po(io.BytesIO(source), locale=locale, domain=domain), use_fuzzy=False)
        return buffer.getvalue()

    return Translations(io.BytesIO(remembered_bytes("messages", digest(source, locale, domain), compiled)),
                        domain=domain)


PACK_DOMAIN = "pack"  # a pack's own messages: <pack>/locales/<code>/LC_MESSAGES/pack.po


def pack_messages(pack_directory: Path | None, locale: LocaleData) -> Translations | None:
    """The messages a pack translates itself (its templates' own strings), or None when it has none."""
    if pack_directory is None:
        return None
    po_file = Path(pack_directory) / LOCALES_BESIDE_BRIEF / locale.code / "LC_MESSAGES" / f"{PACK_DOMAIN}.po"
    return compile_messages(po_file, str(locale.babel), PACK_DOMAIN) if po_file.is_file() else None


@lru_cache(maxsize=1)
def _template_messages() -> tuple[tuple[str | tuple[str, int], Message], ...]:
    """Every message of the package's .pot, keyed as a compiled catalog keys it."""
    pot = data_dir("locales") / f"{DOMAIN}.pot"
    if not pot.is_file():
        return ()
    source = pot.read_bytes()

    def listed() -> list[tuple[str | tuple[str, int], Message]]:
        entries: list[tuple[str | tuple[str, int], Message]] = []
        for entry in read_po(io.BytesIO(source), domain=DOMAIN):
            if not entry.id:
                continue
            singular = entry.id[0] if isinstance(entry.id, tuple) else entry.id
            key: str = f"{entry.context}{_CONTEXT_SEPARATOR}{singular}" if entry.context else singular
            entries.append(((key, 0) if isinstance(entry.id, tuple) else key, Message(singular, entry.context)))
        return entries

    return tuple(remembered_object("template-messages", digest(source), listed))


def _untranslated(translations: Translations) -> tuple[Message, ...]:
    return tuple(message for key, message in _template_messages() if key not in translations._catalog)
