"""Locale behaviour as data: formats from Babel/CLDR, wording from gettext.

A language is a folder in ``locales/``: ``locale.yaml`` (which CLDR locale,
which language tag, which East Asian font) and ``LC_MESSAGES/briefbuilder.po``
(the translators' source of truth, compiled in memory when first used). Code
never branches on the language.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from babel import Locale
from babel.dates import format_date, format_skeleton
from babel.lists import format_list
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal, format_percent
from babel.support import Translations

from ..errors import BriefError
from ..load.confine import confined_file
from ..load.yamlsource import read_yaml
from ..model import LANGUAGE
from ..resources import data_dir
from .markdown import Markdown, escape_markdown
from .messages import COUNT_FORMS, COUNT_WITH_PERCENT, QUALIFIER_FORMS, SHARE_FORMS

DOMAIN = "briefbuilder"


def available_languages() -> list[str]:
    return sorted(p.parent.name for p in data_dir("locales").glob("*/locale.yaml"))


@dataclass(frozen=True)
class NoteMarks:
    """Where a language puts note marks, and whether its notes say "Ibid." (``locale.yaml``)."""

    after: str  # punctuation a mark moves past: UN English and Korean put it after the full stop
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
    ordinals: tuple[str, ...]  # "first", "second", ... where the language writes ordinals in words

    # --- wording -------------------------------------------------------------
    def gettext(self, message: str) -> Markdown:
        return Markdown(self.translations.gettext(message))

    def ngettext(self, singular: str, plural: str, n: int) -> Markdown:
        return Markdown(self.translations.ngettext(singular, plural, n))

    def pgettext(self, context: str, message: str) -> Markdown:
        return Markdown(self.translations.pgettext(context, message))

    def npgettext(self, context: str, singular: str, plural: str, n: int) -> Markdown:
        return Markdown(self.translations.npgettext(context, singular, plural, n))

    def particle(self, word: str, kind: str) -> Markdown:
        """``word`` with the particle ``kind`` (e.g. topic: 중국은, 러시아는); unchanged without particles."""
        forms = self.particles.get(kind)
        if forms is None:
            return Markdown("%s") % word
        syllable = next((c for c in reversed(str(word)) if "가" <= c <= "힣"), None)
        if syllable is None:
            return Markdown("%s%s(%s)") % (word, forms[0], forms[1])
        has_final_consonant = (ord(syllable) - ord("가")) % 28 != 0
        return Markdown("%s%s") % (word, forms[0] if has_final_consonant else forms[1])

    # --- formats -------------------------------------------------------------
    def number(self, value: Decimal | int) -> Markdown:
        """A number at the precision it was written with ("81.40" stays "81.40")."""
        return Markdown(format_decimal(value, format=_pattern(value), locale=self.babel))

    def percent(self, value: Decimal | int, *, words: bool = False) -> Markdown:
        """``value`` is in per cent (81.4 → "81.4%"); ``words`` gives "81.4 per cent"."""
        if words:
            return self.gettext("%(number)s per cent") % {"number": self.number(value)}
        pattern = self.babel.percent_formats[None].pattern.replace("0%", "0" + _decimals(value) + "%")
        return Markdown(format_percent(Decimal(value) / 100, format=pattern, locale=self.babel))

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


def _decimals(value: Decimal | int) -> str:
    places = -Decimal(value).as_tuple().exponent if isinstance(value, Decimal) else 0
    return "." + "0" * places if places > 0 else ""


def _pattern(value: Decimal | int) -> str:
    return "#,##0" + _decimals(value)


def load_locale(code: str) -> LocaleData:
    """The locale for language ``code`` (``en``, ``ko``); unknown codes are input errors."""
    root = data_dir("locales")
    folder = root / code
    if not re.fullmatch(LANGUAGE, code) or not (folder / "locale.yaml").is_file():
        raise BriefError.at(None, "brief.languages", f"unknown language '{code}'",
                            f"use one of: {', '.join(available_languages())}")
    confined_file(root, folder / "locale.yaml", what=f"locale file of '{code}'")
    return _load_locale(folder)


@lru_cache(maxsize=16)
def _load_locale(folder: Path) -> LocaleData:
    data, source_map = read_yaml(folder / "locale.yaml")
    return LocaleData(
        code=folder.name,
        name=data["name"],
        babel=Locale.parse(data["babel"]),
        tag=data["tag"],
        east_asian_font=data.get("east_asian_font"),
        particles={kind: tuple(pair) for kind, pair in (data.get("particles") or {}).items()},
        note_marks=NoteMarks(after=data["note_marks"]["after"], ibid=bool(data["note_marks"]["ibid"])),
        quotes=Quotes(double=tuple(data["quotes"]["double"]), single=tuple(data["quotes"]["single"]))  # type: ignore[arg-type]
        if data.get("quotes") else None,
        range_dash=data["range_dash"],
        ordinals=tuple(data.get("ordinals") or ()),
        translations=_compile(folder / "LC_MESSAGES" / f"{DOMAIN}.po", data["babel"]),
    )


def _compile(po_file: Path, locale: str) -> Translations:
    """Compile a .po catalog in memory: the .po stays the only source of truth."""
    if not po_file.is_file():
        return Translations()
    po_file = confined_file(po_file.parents[2], po_file, what="translation catalog")
    with po_file.open("rb") as handle:
        catalog = read_po(handle, locale=locale, domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return Translations(buffer, domain=DOMAIN)
