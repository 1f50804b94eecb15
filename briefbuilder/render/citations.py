"""Citing sources in notes, in the wording of each language.

The shape of a citation (italic report titles in English, 『』 for books and
reports and 「」 for articles in Korean, "p. 15" or "15쪽") is a gettext
message whose context is the source's kind, so a translator, not the code,
decides how each kind is cited. A citation is built from the parts the source
has: a missing publisher or symbol leaves no empty slot.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..errors import BriefError, Location
from ..model import Source, SourceRef
from ..locale import LocaleData
from ..markdown import Markdown, link
from ..messages import C_
from .notes import Citation

# The work itself: title and date, by kind (the publisher is added by WITH_PUBLISHER).
WORK_FORMS: dict[str, tuple[str, str]] = {
    "report": C_("report", "*%(title)s* (%(date)s)"),
    "news": C_("news", "\"%(title)s\", %(date)s"),
    "un-document": C_("un-document", "*%(title)s* (%(date)s)"),
    "government-data": C_("government-data", "*%(title)s* (%(date)s)"),
    "interview": C_("interview", "%(title)s, %(date)s"),
    # Translators: title: the law or judgment (italic); date: formatted
    "legal": C_("legal", "*%(title)s* (%(date)s)"),
    "academic": C_("academic", "\"%(title)s\" (%(date)s)"),
    "website": C_("website", "\"%(title)s\" (%(date)s)"),
    "other": C_("other", "%(title)s (%(date)s)"),
}
# Later citations: the short title, marked as its kind is (『』 only for books and reports).
SHORT_FORMS: dict[str, tuple[str, str]] = {
    "report": C_("short citation, report", "*%(title)s*"),
    "news": C_("short citation, news", "\"%(title)s\""),
    "un-document": C_("short citation, un-document", "*%(title)s*"),
    "government-data": C_("short citation, government-data", "*%(title)s*"),
    "interview": C_("short citation, interview", "%(title)s"),
    "legal": C_("short citation, legal", "*%(title)s*"),
    "academic": C_("short citation, academic", "\"%(title)s\""),
    "website": C_("short citation, website", "\"%(title)s\""),
    "other": C_("short citation, other", "%(title)s"),
}
WITH_PUBLISHER = C_("citation", "%(publisher)s, %(work)s")
WITH_SYMBOL = C_("citation", "%(work)s, %(symbol)s")
WITH_LOCATOR = C_("citation", "%(citation)s, %(locator)s")
# Locators: (one, several) per kind; "several" is used for a range or a list.
LOCATOR_FORMS: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "page": (C_("locator", "p. %(value)s"), C_("locator", "pp. %(value)s")),
    "paragraph": (C_("locator", "para. %(value)s"), C_("locator", "paras. %(value)s")),
    "section": (C_("locator", "section %(value)s"), C_("locator", "sections %(value)s")),
    "chapter": (C_("locator", "chap. %(value)s"), C_("locator", "chaps. %(value)s")),
    "annex": (C_("locator", "annex %(value)s"), C_("locator", "annexes %(value)s")),
}
LOCATOR_LIST = C_("locator", ", ")

# How a locator may be written in a brief: "p. 15", "pp. 3-4", "para 64", "paras. 4–6", "section F",
# "chap. IV", "annex II"; the value is a number, a roman numeral or a letter, a range or a list.
_LOCATOR_WORDS: dict[str, str] = {
    "p": "page", "pp": "page", "page": "page", "pages": "page",
    "para": "paragraph", "paras": "paragraph", "paragraph": "paragraph", "paragraphs": "paragraph",
    "sec": "section", "sect": "section", "section": "section", "sections": "section",
    "chap": "chapter", "chaps": "chapter", "chapter": "chapter", "chapters": "chapter",
    "annex": "annex", "annexes": "annex",
}
_LOCATOR = re.compile(r"^(?P<word>[a-z]+)\.?\s*(?P<value>.+)$", re.IGNORECASE)
_PART = r"[0-9]+[a-z]?|[IVXLCivxlc]+|[A-Z]"
_RANGE = re.compile(rf"^(?P<first>{_PART})\s*[-\u2013\u2014~]\s*(?P<last>{_PART})$")
_LIST = re.compile(rf"^(?:{_PART})(?:\s*,\s*(?:{_PART}))+$")
_ONE = re.compile(rf"^(?:{_PART})$")
LOCATOR_HINT = "write it like 'p. 15', 'pp. 3-4', 'para. 64', 'paras. 4-6', 'section 2', 'chap. IV' or 'annex II'"


def parse_locator(text: str, where: Location | None, field: str = "cite") -> dict[str, str]:
    """``"paras. 4-6"`` -> ``{"paragraph": "4-6"}``; anything else is a located error."""
    match = _LOCATOR.match(text.strip())
    kind = _LOCATOR_WORDS.get(match.group("word").lower()) if match else None
    if match is None or kind is None:
        raise BriefError.at(where, field, f"cannot read the locator '{text}'", LOCATOR_HINT)
    locator_value(match.group("value"), where, field)
    return {kind: match.group("value").strip()}


def locator_value(value: str, where: Location | None, field: str) -> tuple[list[str], str]:
    """The parts of a locator value and how they are joined: ("range", "list" or "one")."""
    value = value.strip()
    if (match := _RANGE.match(value)) is not None:
        return [match.group("first"), match.group("last")], "range"
    if _LIST.match(value):
        return [part.strip() for part in value.split(",")], "list"
    if _ONE.match(value):
        return [value], "one"
    raise BriefError.at(where, field, f"cannot read the locator value '{value}'",
                        "give a number, a roman numeral or a letter, a range (4-6) or a list (4, 6); " + LOCATOR_HINT)


class SourceCitations:
    """Citations of one brief's sources in one language."""

    def __init__(self, locale: LocaleData, date: Callable[..., Markdown]) -> None:
        self.locale = locale
        self.date = date
        self._made: dict[tuple[str, tuple[tuple[str, str], ...]], Citation] = {}

    def citation(self, source: Source, ref: SourceRef | None) -> Citation:
        """What the note registry needs to cite ``source`` at ``ref``'s locator.

        One per source and locator: a long brief cites a few sources at a few
        places hundreds of thousands of times, and each citation holds four
        closures (about 120 MB for 100,000 statistics when made afresh each time).
        """
        key = (source.id, ref.locator if ref else ())
        made = self._made.get(key)
        if made is None:
            made = self._made[key] = self._citation(source, ref)
        return made

    def _citation(self, source: Source, ref: SourceRef | None) -> Citation:
        locator = self.locator(ref)
        return Citation(
            work=("source", source.id),
            locator=ref.locator if ref else (),
            full=lambda: self._with_locator(self.full(source), locator),
            short=lambda: self._with_locator(self.short(source), locator),
            pinpoint=lambda: locator,
            link=lambda: link(source.url, source.url) if source.url else None,
        )

    def full(self, source: Source) -> Markdown:
        lang = self.locale.code
        work = self.locale.pgettext(*WORK_FORMS[source.kind]) % {
            "title": source.title.get(lang, fallback=True),
            "date": self.date(source.date) if source.date else self.locale.gettext("n.d."),
        }
        if source.symbol:
            work = self.locale.pgettext(*WITH_SYMBOL) % {"work": work, "symbol": source.symbol}
        return self._with_publisher(source, work)

    def short(self, source: Source) -> Markdown:
        """The short citation: publisher and short title (the annex uses it too)."""
        title = (source.short or source.title).get(self.locale.code, fallback=True)
        return self._with_publisher(source, self.locale.pgettext(*SHORT_FORMS[source.kind]) % {"title": title})

    def locator(self, ref: SourceRef | None) -> Markdown:
        """"p. 15", "paras. 4–6", "15쪽", "제4~6항"; empty without a locator."""
        parts = []
        for kind, value in (ref.locator if ref else ()):
            values, shape = locator_value(value, ref.where(kind) if ref else None, f"sources.{kind}")
            one, several = LOCATOR_FORMS[kind]
            joined = (self.locale.range_dash.join(values) if shape == "range"
                      else str(self.locale.pgettext(*LOCATOR_LIST)).join(values))
            parts.append(self.locale.pgettext(*(one if shape == "one" else several)) % {"value": joined})
        return Markdown(", ").join(parts)

    def _with_locator(self, citation: Markdown, locator: Markdown) -> Markdown:
        if not locator:
            return citation
        return self.locale.pgettext(*WITH_LOCATOR) % {"citation": citation, "locator": locator}

    def _with_publisher(self, source: Source, work: Markdown) -> Markdown:
        named = source.publisher or source.author
        if named is None:
            return work
        return self.locale.pgettext(*WITH_PUBLISHER) % {"publisher": named.get(self.locale.code, fallback=True),
                                                          "work": work}
