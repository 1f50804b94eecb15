"""Legal references in narrative: treaty names, citations, status sentences, State names.

``[[treaty:iccpr]]``            the treaty's name (full with short form at first mention, then short)
``[[law:iccpr|12(2)]]``         a footnoted citation: full at first, then short
``[[status:KP|iccpr]]``         a sentence on the State's status under the treaty as at the brief's date,
                                footnoted to the primary source (the UN Treaty Collection's status page);
                                between a deposit and the entry into force for the State, it says both
                                (the State is then not yet a party)
``[[state:KP]]``                the State's name in the audience's register

Status sentences are generated from the sourced catalog, never typed, so a
brief cannot say the DPRK is party to the Refugee Convention. A catalog fact
that is not confirmed is marked as such, or refused where the audience accepts
only verified facts. The catalog's own provenance (how a fact was compiled,
its confidence) stays out of the notes: it is in the evidence annex and
``briefbuilder treaties``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from ..audience import Pack
from ..catalog import EXTENSION_FILE, Catalog, Fact, Status, Treaty
from ..catalog.standing import standing
from ..errors import BriefError, Location
from ..locale import LocaleData
from ..markdown import Markdown, link
from .notes import Citation, Footnotes
from ..messages import C_


# Translators: A treaty named for the first time. title: its official title in your language (from the catalog); short: the short name used from then on
FIRST_MENTION = C_("treaty first mention", "%(title)s (%(short)s)")
# Translators: A treaty named again. short: its short name (from the catalog)
LATER_MENTION = C_("treaty mention", "%(short)s")


class CitationStyle(NamedTuple):
    """The messages a treaty citation is made of, in one style; each language's catalog gives their shape."""

    full: tuple[str, str]
    series: tuple[str, str]  # the United Nations Treaty Series reference inside ``full``
    short: tuple[str, str]
    with_article: tuple[str, str]
    pinpoint: tuple[str, str]  # the article alone, for "Ibid., art. 33 (1)"
    article_number: tuple[str, str]
    article_paragraph: tuple[str, str]
    article_subparagraph: tuple[str, str]  # "(a)" after the paragraph; Korean 항 is a paragraph's, never a subparagraph's


# A pack chooses its style (``citation_style``). OSCOLA is the common legal
# style; "un" follows the UN Editorial Manual's references to treaties
# ("United Nations, Treaty Series, vol. 999, p. 171", "art. 12 (2)").
CITATION_STYLES: dict[str, CitationStyle] = {
    "oscola": CitationStyle(
        # Translators: OSCOLA citation. title: official title; adopted, in_force: dates already formatted; series: the Treaty Series reference built from the next message (may be empty)
        full=C_("treaty citation", "%(title)s (adopted %(adopted)s, entered into force %(in_force)s) %(series)s"),
        # Translators: volume, page: numbers of the United Nations Treaty Series (UNTS) volume and first page
        series=C_("treaty citation", "%(volume)s UNTS %(page)s"),
        # Translators: A later citation. short: the treaty's short name
        short=C_("treaty citation", "%(short)s"),
        # Translators: citation: the full or short citation; article: the article, built from the two article messages below
        with_article=C_("treaty citation", "%(citation)s, art %(article)s"),
        # Translators: An article alone, after "Ibid.". article: the article, built from the two article messages below
        pinpoint=C_("treaty citation", "art %(article)s"),
        # Translators: number: the article number (12, 1A)
        article_number=C_("article number", "%(number)s"),
        # Translators: paragraph: a paragraph number, appended to the article (12(2)); repeated for a sub-paragraph
        article_paragraph=C_("article paragraph", "(%(paragraph)s)"),
        # Translators: subparagraph: a subparagraph's number or letter, appended after the paragraph (12(2)(a))
        article_subparagraph=C_("article subparagraph", "(%(subparagraph)s)"),
    ),
    "un": CitationStyle(
        # Translators: UN Editorial Manual style. title: official title; adopted: adoption date, formatted; series: the Treaty Series reference from the next message (may be empty). Only these placeholders may be used
        full=C_("treaty citation, UN style", "%(title)s (%(adopted)s), %(series)s"),
        # Translators: volume, page: numbers of the United Nations Treaty Series volume and first page
        series=C_("treaty citation, UN style", "United Nations, *Treaty Series*, vol. %(volume)s, p. %(page)s"),
        # Translators: A later citation in UN style. title: the official title (the UN style repeats it)
        short=C_("treaty citation, UN style", "%(title)s"),
        # Translators: citation: the full or later citation; article: the article, built from the two UN-style article messages
        with_article=C_("treaty citation, UN style", "%(citation)s, art. %(article)s"),
        # Translators: An article alone, after "Ibid.". article: the article, built from the two UN-style article messages
        pinpoint=C_("treaty citation, UN style", "art. %(article)s"),
        # Translators: number: the article number (12, 1A)
        article_number=C_("article number, UN style", "%(number)s"),
        # Translators: paragraph: a paragraph number appended to the article (12 (2)); repeated for a sub-paragraph
        article_paragraph=C_("article paragraph, UN style", " (%(paragraph)s)"),
        # Translators: subparagraph: a subparagraph's number or letter, appended after the paragraph (12 (2) (a))
        article_subparagraph=C_("article subparagraph, UN style", " (%(subparagraph)s)"),
    ),
}
# Translators: fact: a catalog fact (a date, a Treaty Series reference, a status sentence) that the research has not confirmed
UNCONFIRMED = C_("catalog", "%(fact)s [unconfirmed]")
# The primary source of a treaty status: the treaty's page in the UN Treaty Collection ("chapter V.2").
# Translators: chapter: the Treaty Collection's chapter and number (V.2), never translated; title: the treaty's official title
UNTC_CITATION = C_("treaty status", "United Nations, *Treaty Collection*, Status of Treaties, chapter %(chapter)s, %(title)s")
# Translators: A later citation of the same Treaty Collection page. chapter: its chapter and number (V.2)
UNTC_SHORT = C_("treaty status", "United Nations, *Treaty Collection*, chapter %(chapter)s")
# Translators: title: the treaty's official title (a treaty outside the UN Treaty Collection)
STATUS_PAGE = C_("treaty status", "Status of %(title)s")
ACTION_NAMES: dict[str, tuple[str, str]] = {
    # Translators: date: the date of the ratification, formatted
    "ratification": C_("treaty action", "ratification, %(date)s"),
    # Translators: date: the date of the accession, formatted
    "accession": C_("treaty action", "accession, %(date)s"),
    # Translators: date: the date of the succession, formatted
    "succession": C_("treaty action", "succession, %(date)s"),
    # Translators: date: the date of the signature, formatted
    "signature": C_("treaty action", "signature only, %(date)s"),
    "none": C_("treaty action", "not a party"),
}
# A State that has ratified or acceded but for which the treaty is not yet in force is not yet a party
# (VCLT art. 2(1)(g)): the sentence says when it will be. Keyed by the pack's sentence style, then the action.
PENDING_SENTENCES: dict[str, dict[str, tuple[str, str]]] = {
    "full": {
        # Translators: The treaty is not yet in force for the State, so it is not yet a party. state: the State's name, with its article where your language uses one; treaty: the treaty's name, after its article where locale.yaml gives name_articles; date: the deposit, formatted; in_force: the date the treaty enters into force for it, formatted
        "ratification": C_("status", "%(state)s has ratified the %(treaty)s (%(date)s); it is in force for it from %(in_force)s."),
        # Translators: The treaty is not yet in force for the State, so it is not yet a party. state: the State's name, with its article where your language uses one; treaty: the treaty's name, after its article where locale.yaml gives name_articles; date: the deposit, formatted; in_force: the date the treaty enters into force for it, formatted
        "accession": C_("status", "%(state)s has acceded to the %(treaty)s (%(date)s); it is in force for it from %(in_force)s."),
        # Translators: The treaty is not yet in force for the State, so it is not yet a party. state: the State's name, with its article where your language uses one; treaty: the treaty's name, after its article where locale.yaml gives name_articles; date: the deposit, formatted; in_force: the date the treaty enters into force for it, formatted
        "succession": C_("status", "%(state)s has succeeded to the %(treaty)s (%(date)s); it is in force for it from %(in_force)s."),
    },
    "noun-ending": {
        # Translators: The treaty is not yet in force for the State, so it is not yet a party. state: the State's name, with its article where your language uses one; treaty: the treaty's name, after its article where locale.yaml gives name_articles; date: the deposit, formatted; in_force: the date the treaty enters into force for it, formatted
        "ratification": C_("status, noun ending", "%(state)s has ratified the %(treaty)s (%(date)s); it is in force for it from %(in_force)s"),
        # Translators: The treaty is not yet in force for the State, so it is not yet a party. state: the State's name, with its article where your language uses one; treaty: the treaty's name, after its article where locale.yaml gives name_articles; date: the deposit, formatted; in_force: the date the treaty enters into force for it, formatted
        "accession": C_("status, noun ending", "%(state)s has acceded to the %(treaty)s (%(date)s); it is in force for it from %(in_force)s"),
        # Translators: The treaty is not yet in force for the State, so it is not yet a party. state: the State's name, with its article where your language uses one; treaty: the treaty's name, after its article where locale.yaml gives name_articles; date: the deposit, formatted; in_force: the date the treaty enters into force for it, formatted
        "succession": C_("status, noun ending", "%(state)s has succeeded to the %(treaty)s (%(date)s); it is in force for it from %(in_force)s"),
    },
}
# Translators: citation: the Treaty Collection page of a treaty's status (chapter and title); month: when it was consulted
CONSULTED = C_("treaty status", "%(citation)s, consulted %(month)s")
# A pack chooses, per language, whether status statements are full sentences
# or the noun-ending lines (-함, -음) of a Korean 개조식 report (``sentence_style``).
STATUS_SENTENCES: dict[str, dict[str, tuple[str, str]]] = {
    "full": {
        # Translators: state: the State's name, with its article where your language uses one (the Russian Federation); treaty: the treaty's name (first mention with its short form), after its article where locale.yaml gives name_articles; date: formatted
        "ratification": C_("status", "%(state)s ratified the %(treaty)s on %(date)s."),
        # Translators: state: the State's name, with its article where your language uses one (the Russian Federation); treaty: the treaty's name (first mention with its short form), after its article where locale.yaml gives name_articles; date: formatted
        "accession": C_("status", "%(state)s acceded to the %(treaty)s on %(date)s."),
        # Translators: state: the State's name, with its article where your language uses one (the Russian Federation); treaty: the treaty's name (first mention with its short form), after its article where locale.yaml gives name_articles; date: formatted
        "succession": C_("status", "%(state)s succeeded to the %(treaty)s on %(date)s."),
        # Translators: state: the State's name, with its article where your language uses one (the Russian Federation); treaty: the treaty's name (first mention with its short form), after its article where locale.yaml gives name_articles; date: formatted (none for 'not a party')
        "signature": C_("status", "%(state)s signed the %(treaty)s on %(date)s but has not ratified it."),
        # Translators: state: the State's name, with its article where your language uses one (the Russian Federation); treaty: the treaty's name (first mention with its short form), after its article where locale.yaml gives name_articles; date: formatted (none for 'not a party')
        "none": C_("status", "%(state)s is not a party to the %(treaty)s."),
    },
    "noun-ending": {
        # Translators: state: the State's name, with its article where your language uses one (the Russian Federation); treaty: the treaty's name (first mention with its short form), after its article where locale.yaml gives name_articles; date: formatted
        "ratification": C_("status, noun ending", "%(state)s ratified the %(treaty)s on %(date)s"),
        # Translators: state: the State's name, with its article where your language uses one (the Russian Federation); treaty: the treaty's name (first mention with its short form), after its article where locale.yaml gives name_articles; date: formatted
        "accession": C_("status, noun ending", "%(state)s acceded to the %(treaty)s on %(date)s"),
        # Translators: state: the State's name, with its article where your language uses one (the Russian Federation); treaty: the treaty's name (first mention with its short form), after its article where locale.yaml gives name_articles; date: formatted
        "succession": C_("status, noun ending", "%(state)s succeeded to the %(treaty)s on %(date)s"),
        # Translators: state: the State's name, with its article where your language uses one (the Russian Federation); treaty: the treaty's name (first mention with its short form), after its article where locale.yaml gives name_articles; date: formatted (none for 'not a party')
        "signature": C_("status, noun ending", "%(state)s signed the %(treaty)s on %(date)s but has not ratified it"),
        # Translators: state: the State's name, with its article where your language uses one (the Russian Federation); treaty: the treaty's name (first mention with its short form), after its article where locale.yaml gives name_articles; date: formatted (none for 'not a party')
        "none": C_("status, noun ending", "%(state)s is not a party to the %(treaty)s"),
    },
}

# Several States with the same status under one treaty, stated together (adjacent [[status:]] references):
# one sentence, never the same sentence repeated with another subject.
GROUP_STATUS_SENTENCES: dict[str, dict[str, tuple[str, str]]] = {
    "full": {
        # Translators: states: two or more States' names, already joined (China and the Russian Federation); treaty: the treaty's name, after its article where locale.yaml gives name_articles; dates: their dates in the same order, each from the "status, date in a list" message, already joined
        "ratification": C_("status, several States", "%(states)s ratified the %(treaty)s on %(dates)s respectively."),
        # Translators: states: two or more States' names, already joined; treaty: the treaty's name, after its article where locale.yaml gives name_articles; dates: their dates in the same order, already joined
        "accession": C_("status, several States", "%(states)s acceded to the %(treaty)s on %(dates)s respectively."),
        # Translators: states: two or more States' names, already joined; treaty: the treaty's name, after its article where locale.yaml gives name_articles; dates: their dates in the same order, already joined
        "succession": C_("status, several States", "%(states)s succeeded to the %(treaty)s on %(dates)s respectively."),
        # Translators: states: two or more States' names, already joined; treaty: the treaty's name, after its article where locale.yaml gives name_articles; dates: their dates in the same order, already joined
        "signature": C_("status, several States",
                        "%(states)s signed the %(treaty)s on %(dates)s respectively but have not ratified it."),
        # Translators: states: two or more States' names, already joined; treaty: the treaty's name, after its article where locale.yaml gives name_articles
        "none": C_("status, several States", "%(states)s are not parties to the %(treaty)s."),
    },
    "noun-ending": {
        # Translators: states: two or more States' names, already joined; treaty: the treaty's name, after its article where locale.yaml gives name_articles; dates: their dates in the same order, already joined
        "ratification": C_("status, several States, noun ending", "%(states)s ratified the %(treaty)s on %(dates)s respectively"),
        # Translators: states: two or more States' names, already joined; treaty: the treaty's name, after its article where locale.yaml gives name_articles; dates: their dates in the same order, already joined
        "accession": C_("status, several States, noun ending", "%(states)s acceded to the %(treaty)s on %(dates)s respectively"),
        # Translators: states: two or more States' names, already joined; treaty: the treaty's name, after its article where locale.yaml gives name_articles; dates: their dates in the same order, already joined
        "succession": C_("status, several States, noun ending",
                         "%(states)s succeeded to the %(treaty)s on %(dates)s respectively"),
        # Translators: states: two or more States' names, already joined; treaty: the treaty's name, after its article where locale.yaml gives name_articles; dates: their dates in the same order, already joined
        "signature": C_("status, several States, noun ending",
                        "%(states)s signed the %(treaty)s on %(dates)s respectively but have not ratified it"),
        # Translators: states: two or more States' names, already joined; treaty: the treaty's name, after its article where locale.yaml gives name_articles
        "none": C_("status, several States, noun ending", "%(states)s are not parties to the %(treaty)s"),
    },
}
# Translators: one date in the list of a several-States status sentence (French: "le %(date)s")
DATE_IN_LIST = C_("status, date in a list", "%(date)s")


class Legal:
    """Legal references for one rendered document (mentions and citations remember first use)."""

    def __init__(self, locale: LocaleData, catalog: Catalog, pack: Pack, notes: Footnotes,
                 date: Callable[[dt.date], Markdown], as_at: dt.date) -> None:
        self.locale = locale
        self.catalog = catalog
        self.pack = pack
        self.notes = notes
        self.date = date  # the document's date format
        self.as_at = as_at  # the brief's date: a status is stated as it stood then
        self._mentioned: set[str] = set()
        self._cited: dict[tuple[str, str], Status] = {}  # statuses stated, for the annex's provenance table
        self._status_citations: dict[str, Citation] = {}  # one per treaty, however often its status is stated

    def treaty_name(self, treaty_id: str, where: Location | None, *, in_sentence: bool = False) -> Markdown:
        """The treaty's name, its short form introduced at first mention.

        ``in_sentence``: as a generated sentence names it, with the article the
        language writes before it ("a adhéré à" + "le Pacte" makes "au Pacte");
        in the author's prose the author writes the article. A short form being
        introduced always has its article where the language has one:
        "(ci-après « le Pacte »)". A language with no short form for the treaty names it in full each time.
        """
        treaty = self.catalog.treaty(treaty_id, location=where)
        lang = self.locale.code
        if treaty_id in self._mentioned:
            name = self.locale.pgettext(*LATER_MENTION) % {"short": treaty.short(lang)}
        else:
            self._mentioned.add(treaty_id)
            if treaty.short(lang) == treaty.title(lang):  # no short form in this language: nothing to introduce
                name = Markdown("%s") % treaty.title(lang)
            else:
                name = self.locale.pgettext(*FIRST_MENTION) % {
                    "title": treaty.title(lang), "short": self._with_article(Markdown("%s") % treaty.short(lang), where)}
        return self._with_article(name, where) if in_sentence else name

    def _with_article(self, name: Markdown, where: Location | None) -> Markdown:
        if not self.locale.name_articles:
            return name
        article = self.locale.name_article(name)
        if article is None:
            raise BriefError.at(where, "treaty", f"the '{self.locale.code}' locale gives no article for the treaty "
                                f"name '{name}', so a sentence cannot name it",
                                f"add its first word under 'name_articles' in {self.locale.code}/locale.yaml "
                                "(docs/translating.md)")
        return self.locale.with_article(name, article)

    def citation(self, treaty_id: str, article: str, where: Location | None) -> Markdown:
        treaty = self.catalog.treaty(treaty_id, location=where)
        ref = treaty.article(article, location=where, field="law").ref if article else ""
        style = CITATION_STYLES[self.pack.citation_style]
        return self.notes.cite(Citation(
            work=("treaty", treaty_id), locator=ref,
            full=lambda: self._cite(treaty, ref, where, full=True), short=lambda: self._cite(treaty, ref, where, full=False),
            pinpoint=lambda: self.locale.pgettext(*style.pinpoint) % {"article": self._article(ref, style)}
            if ref else Markdown(""),
        ))

    def _cite(self, treaty: Treaty, ref: str, where: Location | None, *, full: bool) -> Markdown:
        lang = self.locale.code
        style = CITATION_STYLES[self.pack.citation_style]
        if full:
            series = self._fact(treaty.unts, self.locale.pgettext(*style.series) % {
                "volume": str(treaty.unts.volume), "page": str(treaty.unts.page)}, where) if treaty.unts else Markdown("")
            citation = self.locale.pgettext(*style.full) % {
                "title": treaty.title(lang),
                "adopted": self._fact(treaty.adopted, self.date(treaty.adopted.date), where),
                "in_force": self._fact(treaty.in_force, self.date(treaty.in_force.date), where)
                if treaty.in_force else Markdown("—"),
                "series": series,
            }
            citation = Markdown(citation.rstrip(", "))  # a treaty with no Treaty Series reference
        else:
            citation = self.locale.pgettext(*style.short) % {"title": treaty.title(lang), "short": treaty.short(lang)}
        if not ref:
            return citation
        return self.locale.pgettext(*style.with_article) % {"citation": citation, "article": self._article(ref, style)}

    def article_locator(self, ref: str) -> Markdown:
        """An article of a law cited as a source ("3(1)"), as this pack cites a treaty's: "art. 3 (1)", "제3조 제1항"."""
        style = CITATION_STYLES[self.pack.citation_style]
        return self.locale.pgettext(*style.pinpoint) % {"article": self._article(ref, style)}

    def _article(self, ref: str, style: CitationStyle) -> Markdown:
        """"12(2)" → "12(2)" (OSCOLA), "12 (2)" (UN), "제12조 제2항" in Korean: the shapes are translations.

        ``ref`` is the catalog's canonical article reference.
        """
        number, _, rest = ref.partition("(")
        paragraphs = [part.rstrip(")") for part in rest.split("(")] if rest else []
        text = self.locale.pgettext(*style.article_number) % {"number": number}
        for level, paragraph in enumerate(paragraphs):
            part = (self.locale.pgettext(*style.article_paragraph) % {"paragraph": paragraph} if level == 0
                    else self.locale.pgettext(*style.article_subparagraph) % {"subparagraph": paragraph})
            text = Markdown("%s%s") % (text, part)
        return text

    def status(self, state_code: str, treaty_id: str, where: Location | None) -> Markdown:
        """The State's status as at the brief's date: an action taken later is not reported as done."""
        name = self.state_name(state_code, where)
        treaty = self.catalog.treaty(treaty_id, location=where)
        status = self.catalog.status(state_code, treaty_id)
        if status is None:
            raise BriefError.at(where, "status", f"the catalog has no status for {state_code} under {treaty_id}",
                                "add it in catalog.yaml beside the brief, with its source and confidence")
        self._cited.setdefault((status.state, status.treaty), status)
        now = standing(status, treaty, self.as_at)
        treaty_text = self.treaty_name(treaty_id, where, in_sentence=True)
        style = self.pack.sentence_style_for(self.locale.code)
        message = PENDING_SENTENCES[style][now.action] if now.pending else STATUS_SENTENCES[style][now.action]
        sentence = self.locale.pgettext(*message) % {
            "state": name, "treaty": treaty_text, "date": self.date(now.date) if now.date else Markdown(""),
            "in_force": self.date(now.in_force) if now.in_force else Markdown(""),
        }
        sentence = self._fact(status, _sentence_case(sentence), where)
        if now.pending:
            sentence = self._fact(now.in_force_fact, sentence, where)
        return Markdown("%s%s") % (sentence, self.notes.cite(self.status_citation(treaty)))

    def statuses(self, states: list[tuple[str, Location | None]], treaty_id: str) -> Markdown:
        """Several States' statuses under one treaty: one sentence when they share an action, else one each."""
        day = self.as_at
        treaty = self.catalog.treaty(treaty_id, location=states[0][1])
        found: list[tuple[str, Location | None, Status, str, dt.date | None]] = []
        for code, where in states:
            status = self.catalog.status(code, treaty_id)
            if status is None or not status.is_confirmed:
                found = []
                break
            now = standing(status, treaty, day)
            if now.pending:  # "has acceded; in force for it from ...": a sentence of its own
                found = []
                break
            found.append((code, where, status, now.action, now.date))
        if len(found) < 2 or len({action for *_, action, _ in found}) > 1:
            return Markdown(" ").join(self.status(code, treaty_id, where) for code, where in states)
        action = found[0][3]
        for _, _, status, _, _ in found:
            self._cited.setdefault((status.state, status.treaty), status)
        names = [str(self.state_name(code, where)) for code, where, *_ in found]
        dates = [str(self.locale.pgettext(*DATE_IN_LIST) % {"date": self.date(date)})
                 for *_, date in found if date is not None]
        sentences = GROUP_STATUS_SENTENCES[self.pack.sentence_style_for(self.locale.code)]
        sentence = self.locale.pgettext(*sentences[action]) % {
            "states": self.locale.list(names), "treaty": self.treaty_name(treaty_id, states[0][1], in_sentence=True),
            "dates": self.locale.list(dates)}
        return Markdown("%s%s") % (_sentence_case(sentence), self.notes.cite(self.status_citation(treaty)))

    def provenance(self) -> list[dict[str, Markdown]]:
        """Each status this document states, with the public page a reader can open to verify it.

        The catalog's compilation notes and confidence stay in ``briefbuilder treaties``: a reader is
        pointed at the UN Treaty Collection page (chapter), with the month it was consulted when that
        is not after the document's own date (a document cannot cite a page read after it was issued).
        """
        day = self.as_at
        consulted = self._consulted(day)
        rows = []
        for status in self._cited.values():
            action, date = status.as_at(day)
            treaty = self.catalog.treaties[status.treaty]
            source = self.status_citation(treaty).full()
            if consulted is not None:
                source = self.locale.pgettext(*CONSULTED) % {"citation": source, "month": consulted}
            text = self.locale.pgettext(*ACTION_NAMES[action]) % {
                "date": self.date(date) if date else Markdown("")}
            rows.append({
                # a table cell names the State as a heading would: "China", "Chine", not "la Chine"
                "state": Markdown("%s") % self.catalog.state(status.state).name(self.locale.code, self.pack.state_names),
                "treaty": Markdown("%s") % treaty.short(self.locale.code),
                "status": text if status.is_confirmed else self.locale.pgettext(*UNCONFIRMED) % {"fact": text},
                "source": source,
            })
        return rows

    def _consulted(self, day: dt.date) -> Markdown | None:
        """The month the catalog was compiled from the Treaty Collection, unless it is after ``day``."""
        year, month = (int(part) for part in str(self.catalog.as_of).split("-")[:2])
        if (year, month) > (day.year, day.month):
            return None
        return self.locale.month(year, month)

    def status_citation(self, treaty: Treaty) -> Citation:
        """The primary source for who is party to ``treaty``: its UN Treaty Collection page, in this language."""
        made = self._status_citations.get(treaty.id)
        if made is None:
            made = self._status_citations[treaty.id] = self._status_citation(treaty)
        return made

    def _status_citation(self, treaty: Treaty) -> Citation:
        lang = self.locale.code
        page = treaty.status_page

        def full() -> Markdown:
            if treaty.untc is None:
                return self.locale.pgettext(*STATUS_PAGE) % {"title": treaty.title(lang)}
            return self.locale.pgettext(*UNTC_CITATION) % {
                "chapter": treaty.untc.chapter.replace("-", "."), "title": treaty.title(lang)}

        def short() -> Markdown:
            if treaty.untc is None:
                return full()
            return self.locale.pgettext(*UNTC_SHORT) % {"chapter": treaty.untc.chapter.replace("-", ".")}

        return Citation(work=("treaty status", treaty.id), locator="", full=full, short=short,
                        pinpoint=lambda: Markdown(""), link=lambda: link(page, page) if page else None)

    def state_name(self, code: str, where: Location | None) -> Markdown:
        state = self.catalog.state(code, location=where)
        return Markdown("%s") % state.name_in_text(self.locale.code, self.pack.state_names)

    def _fact(self, fact: Fact | None, text: Markdown, where: Location | None) -> Markdown:
        """``text`` as is when its fact is confirmed; marked, or refused, when it is not.

        A refusal is reported where the brief cites the fact (``where``), not in
        the installed catalog, and says how to confirm it from beside the brief.
        """
        if fact is None or fact.is_confirmed:
            return text
        if self.pack.minimum_status == "verified":
            raise BriefError.at(where or fact.where(), "catalog",
                                f"'{text}' rests on a catalog fact that is {fact.confidence} (source: {fact.source}; "
                                f"{fact.field_name} in {_file_name(fact)}), and the '{self.pack.name}' "
                                "audience accepts only confirmed facts",
                                f"confirm it against the primary source in {EXTENSION_FILE} beside the brief "
                                "('replaces: true' with your source; docs/legal.md), or leave it out")
        return self.locale.pgettext(*UNCONFIRMED) % {"fact": text}


def _file_name(fact: Fact) -> str:
    location = fact.where()
    return Path(location.file).name if location else "the catalog"


def _sentence_case(sentence: Markdown) -> Markdown:
    """A generated sentence starts with a capital ("The Russian Federation acceded ...")."""
    return Markdown(sentence[:1].upper() + sentence[1:])
