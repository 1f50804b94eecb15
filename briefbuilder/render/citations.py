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
# A title written in another script than the document's (an English report cited in a Korean note) keeps
# the marks of its own, Western form: italics for a report or book, quotation marks for an article, as
# the English forms above have them. 『』 and 「」 are Korean marks for Korean (CJK) titles (국립국어원,
# 한글 맞춤법 부록 문장 부호, 2015: document-style.md D2, secondary); a Western title in them reads as
# a Korean work. Used where the locale names its script (locale.yaml typography.script).
FOREIGN_WORK_FORMS: dict[str, tuple[str, str]] = {
    "report": C_("report, title in another script", "*%(title)s* (%(date)s)"),
    "news": C_("news, title in another script", "\"%(title)s\", %(date)s"),
    "un-document": C_("un-document, title in another script", "*%(title)s* (%(date)s)"),
    "government-data": C_("government-data, title in another script", "*%(title)s* (%(date)s)"),
    "interview": C_("interview, title in another script", "%(title)s, %(date)s"),
    "legal": C_("legal, title in another script", "*%(title)s* (%(date)s)"),
    "academic": C_("academic, title in another script", "\"%(title)s\" (%(date)s)"),
    "website": C_("website, title in another script", "\"%(title)s\" (%(date)s)"),
    "other": C_("other, title in another script", "%(title)s (%(date)s)"),
}
FOREIGN_SHORT_FORMS: dict[str, tuple[str, str]] = {
    "report": C_("short citation, report, title in another script", "*%(title)s*"),
    "news": C_("short citation, news, title in another script", "\"%(title)s\""),
    "un-document": C_("short citation, un-document, title in another script", "*%(title)s*"),
    "government-data": C_("short citation, government-data, title in another script", "*%(title)s*"),
    "interview": C_("short citation, interview, title in another script", "%(title)s"),
    "legal": C_("short citation, legal, title in another script", "*%(title)s*"),
    "academic": C_("short citation, academic, title in another script", "\"%(title)s\""),
    "website": C_("short citation, website, title in another script", "\"%(title)s\""),
    "other": C_("short citation, other, title in another script", "%(title)s"),
}
WITH_PUBLISHER = C_("citation", "%(publisher)s, %(work)s")
# A work with a named author published by an organisation (a news agency's reporter): both are named.
AUTHOR_AT_PUBLISHER = C_("citation", "%(author)s, %(publisher)s")
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
# A numbered paragraph of a law or a UN document is a provision (Korean 제4항); a paragraph of a report,
# an article or a web page is a passage of text (Korean 4번째 문단): "제1항" of a news article reads as law.
PROVISION_KINDS = frozenset({"legal", "un-document"})
TEXT_PARAGRAPH_FORMS = (C_("locator, paragraph of a text", "para. %(value)s"),
                        C_("locator, paragraph of a text", "paras. %(value)s"))

# How a locator may be written in a brief: "p. 15", "pp. 3-4", "para 64", "paras. 4–6", "section F",
# "chap. IV", "annex II"; the value is a number, a roman numeral or a letter, a range or a list.
_LOCATOR_WORDS: dict[str, str] = {
    "p": "page", "pp": "page", "page": "page", "pages": "page",
    "para": "paragraph", "paras": "paragraph", "paragraph": "paragraph", "paragraphs": "paragraph",
    "sec": "section", "sect": "section", "section": "section", "sections": "section",
    "chap": "chapter", "chaps": "chapter", "chapter": "chapter", "chapters": "chapter",
    "annex": "annex", "annexes": "annex",
    "art": "article", "article": "article",
}
# An article of a law with its paragraph and subparagraph: "3", "3(1)", "3(1)(a)", "12 (2)".
_ARTICLE = re.compile(r"^(?P<number>[0-9]+[a-z]?)(?P<parts>(?:\s*\(\s*[0-9a-z]+\s*\))*)$", re.IGNORECASE)
_LOCATOR = re.compile(r"^(?P<word>[a-z]+)\.?\s*(?P<value>.+)$", re.IGNORECASE)
_PART = r"[0-9]+[a-z]?|[IVXLCivxlc]+|[A-Z]"
_RANGE = re.compile(rf"^(?P<first>{_PART})\s*[-\u2013\u2014~]\s*(?P<last>{_PART})$")
_LIST = re.compile(rf"^(?:{_PART})(?:\s*,\s*(?:{_PART}))+$")
_ONE = re.compile(rf"^(?:{_PART})$")
LOCATOR_HINT = ("write it like 'p. 15', 'pp. 3-4', 'para. 64', 'paras. 4-6', 'section 2', 'chap. IV' or 'annex II'; "
                "an article of a law like 'article 3' or 'art. 3(1)(a)'")


def parse_locator(text: str, where: Location | None, field: str = "cite") -> dict[str, str]:
    """``"paras. 4-6"`` -> ``{"paragraph": "4-6"}``; anything else is a located error."""
    match = _LOCATOR.match(text.strip())
    kind = _LOCATOR_WORDS.get(match.group("word").lower()) if match else None
    if match is None or kind is None:
        raise BriefError.at(where, field, f"cannot read the locator '{text}'", LOCATOR_HINT)
    if kind == "article":
        return {kind: article_ref(match.group("value"), where, field)}
    locator_value(match.group("value"), where, field)
    return {kind: match.group("value").strip()}


def article_ref(value: str, where: Location | None, field: str) -> str:
    """``"3 (1)(a)"`` -> ``"3(1)(a)"``: an article and its paragraphs, as the treaty catalog writes them."""
    match = _ARTICLE.match(value.strip())
    if match is None:
        raise BriefError.at(where, field, f"cannot read the article '{value}'",
                            "give the article's number, then its paragraph and subparagraph in brackets: "
                            "'article 3', 'art. 3(1)', 'art. 3(1)(a)'")
    return match.group("number") + re.sub(r"\s+", "", match.group("parts"))


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

    def __init__(self, locale: LocaleData, date: Callable[..., Markdown], article: Callable[[str], Markdown]) -> None:
        self.locale = locale
        self.date = date
        self.article = article  # "art. 3 (1)", "제3조 제1항": an article of a law, in the pack's citation style
        self._made: dict[tuple[str, tuple[tuple[str, str], ...]], Citation] = {}
        script = locale.typography.script
        self._script = re.compile(script) if script else None

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
        locator = self.locator(ref, source.kind)
        return Citation(
            work=("source", source.id),
            locator=ref.locator if ref else (),
            full=lambda: self._with_locator(self.full(source), locator),
            short=lambda: self._with_locator(self.short(source), locator),
            pinpoint=lambda: locator,
            link=lambda: link(source.url, source.url) if source.url else None,
        )

    def full(self, source: Source) -> Markdown:
        """The first citation: author and publisher, title, date, symbol."""
        title = source.title.get(self.locale.code, fallback=True)
        forms = FOREIGN_WORK_FORMS if self._foreign(title) else WORK_FORMS
        work = self.locale.pgettext(*forms[source.kind]) % {
            "title": title,
            "date": self.date(source.date) if source.date else self.locale.gettext("n.d."),
        }
        if source.symbol:
            work = self.locale.pgettext(*WITH_SYMBOL) % {"work": work, "symbol": source.symbol}
        return self._with_publisher(source, work, author=True)

    def short(self, source: Source) -> Markdown:
        """The short citation: publisher and short title (the annex uses it too)."""
        title = (source.short or source.title).get(self.locale.code, fallback=True)
        forms = FOREIGN_SHORT_FORMS if self._foreign(title) else SHORT_FORMS
        return self._with_publisher(source, self.locale.pgettext(*forms[source.kind]) % {"title": title})

    def _foreign(self, title: str) -> bool:
        """Whether ``title`` is written in another script than this language's (an English title in Korean)."""
        return self._script is not None and self._script.search(title) is None

    def locator(self, ref: SourceRef | None, source_kind: str = "legal") -> Markdown:
        """"p. 15", "paras. 4–6", "15쪽", "제4~6항", "art. 3 (1)"; empty without a locator."""
        parts = []
        for kind, value in (ref.locator if ref else ()):
            if kind == "article":
                parts.append(self.article(article_ref(value, ref.where(kind) if ref else None, "sources.article")))
                continue
            values, shape = locator_value(value, ref.where(kind) if ref else None, f"sources.{kind}")
            one, several = (TEXT_PARAGRAPH_FORMS if kind == "paragraph" and source_kind not in PROVISION_KINDS
                            else LOCATOR_FORMS[kind])
            joined = (self.locale.range_dash.join(values) if shape == "range"
                      else str(self.locale.pgettext(*LOCATOR_LIST)).join(values))
            parts.append(self.locale.pgettext(*(one if shape == "one" else several)) % {"value": joined})
        return Markdown(", ").join(parts)

    def _with_locator(self, citation: Markdown, locator: Markdown) -> Markdown:
        if not locator:
            return citation
        return self.locale.pgettext(*WITH_LOCATOR) % {"citation": citation, "locator": locator}

    def _with_publisher(self, source: Source, work: Markdown, *, author: bool = False) -> Markdown:
        """``work`` after who made it: the publisher, or the author; both in a full citation (``author``)."""
        lang = self.locale.code
        named = source.publisher or source.author
        if named is None:
            return work
        who: Markdown | str = named.get(lang, fallback=True)
        if author and source.author is not None and source.publisher is not None:
            who = self.locale.pgettext(*AUTHOR_AT_PUBLISHER) % {
                "author": source.author.get(lang, fallback=True), "publisher": who}
        return self.locale.pgettext(*WITH_PUBLISHER) % {"publisher": who, "work": work}
