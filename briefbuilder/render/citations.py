"""Citing sources in footnotes, in the wording of each language.

The shape of a citation (italic report titles in English, 『』 in Korean,
"p. 15" or "15쪽") is a gettext message whose context is the source's kind, so
a translator, not the code, decides how each kind is cited.
"""

from __future__ import annotations

from collections.abc import Callable

from ..model import Source, SourceRef
from .locale import LocaleData
from .markdown import Markdown, link
from .messages import C_

FULL_FORMS: dict[str, tuple[str, str]] = {
    # Translators: publisher: who issued it; title: the report's title (italic); date: its date, already formatted
    "report": C_("report", "%(publisher)s, *%(title)s* (%(date)s)"),
    # Translators: publisher: the outlet; title: the article's headline (quote it as your language quotes); date: formatted
    "news": C_("news", "%(publisher)s, \"%(title)s\", %(date)s"),
    # Translators: publisher: the UN body; title: the document's title; symbol: its UN symbol (A/HRC/25/63), never translated; date: formatted
    "un-document": C_("un-document", "%(publisher)s, *%(title)s*, %(symbol)s (%(date)s)"),
    # Translators: publisher: the ministry or agency; title: the dataset or report; date: formatted
    "government-data": C_("government-data", "%(publisher)s, *%(title)s* (%(date)s)"),
    # Translators: title: who was interviewed, as the brief describes it; date: formatted
    "interview": C_("interview", "%(title)s, %(date)s"),
    # Translators: title: the law or judgment (italic); date: formatted
    "legal": C_("legal", "*%(title)s* (%(date)s)"),
    # Translators: publisher: the author(s) or journal; title: the article's title (quoted); date: formatted
    "academic": C_("academic", "%(publisher)s, \"%(title)s\" (%(date)s)"),
    # Translators: publisher: the site's owner; title: the page's title (quoted); date: formatted
    "website": C_("website", "%(publisher)s, \"%(title)s\" (%(date)s)"),
    # Translators: publisher: who issued it; title: its title; date: formatted
    "other": C_("other", "%(publisher)s, %(title)s (%(date)s)"),
}
# Translators: A later citation of a source already cited in full. publisher: who issued it; title: its short title
SHORT_FORM = C_("short citation", "%(publisher)s, *%(title)s*")
LOCATOR_FORMS: dict[str, tuple[str, str]] = {
    # Translators: page: a page number or range as written in the brief (12, 12-15)
    "page": C_("locator", "p. %(page)s"),
    # Translators: paragraph: a paragraph number as written in the brief
    "paragraph": C_("locator", "para. %(paragraph)s"),
    # Translators: section: a section number or name as written in the brief
    "section": C_("locator", "section %(section)s"),
}
# Translators: A footnote. citation: the citation built above; locator: the page, paragraph or section (one or more, comma-separated)
NOTE_FORM = C_("footnote", "%(citation)s, %(locator)s.")
# Translators: A footnote with no page or paragraph. citation: the citation built above
NOTE_FORM_NO_LOCATOR = C_("footnote", "%(citation)s.")
# Translators: link: the source's web address, as a link
AVAILABLE_AT = C_("footnote", "Available at %(link)s.")


class SourceCitations:
    """Full and short citations of one brief's sources in one language."""

    def __init__(self, locale: LocaleData, date: Callable[..., Markdown]) -> None:
        self.locale = locale
        self.date = date

    def full(self, source: Source, ref: SourceRef | None) -> Markdown:
        lang = self.locale.code
        context, form = FULL_FORMS[source.kind]
        citation = self.locale.pgettext(context, form) % {
            "publisher": _publisher(source, lang),
            "title": source.title.get(lang, fallback=True),
            "date": self.date(source.date) if source.date else self.locale.gettext("n.d."),
            "symbol": source.symbol or "",
        }
        note = self._with_locator(citation, ref)
        if source.url:
            note = Markdown("%s %s") % (note, self.locale.pgettext(*AVAILABLE_AT) % {
                "link": link(source.url, source.url)})
        return note

    def short(self, source: Source, ref: SourceRef | None) -> Markdown:
        lang = self.locale.code
        title = (source.short or source.title).get(lang, fallback=True)
        citation = self.locale.pgettext(*SHORT_FORM) % {"publisher": _publisher(source, lang), "title": title}
        return self._with_locator(citation, ref)

    def _with_locator(self, citation: Markdown, ref: SourceRef | None) -> Markdown:
        locators = [
            self.locale.pgettext(*LOCATOR_FORMS[kind]) % {kind: value}
            for kind, value in (ref.locator if ref else ())
        ]
        if not locators:
            return self.locale.pgettext(*NOTE_FORM_NO_LOCATOR) % {"citation": citation}
        return self.locale.pgettext(*NOTE_FORM) % {"citation": citation, "locator": Markdown(", ").join(locators)}


def _publisher(source: Source, lang: str) -> str:
    named = source.publisher or source.author
    return named.get(lang, fallback=True) if named else ""
