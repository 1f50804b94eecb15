"""What templates can call: one :class:`RenderContext` per rendered document.

Every helper returns :class:`Markdown` built from escaped data, registers its
footnotes with the document's :class:`Footnotes`, and reads locale behaviour
from :class:`LocaleData`, so templates never format, escape or branch on the
language themselves.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

from ..audience import Pack
from ..errors import BriefError, Location
from ..locale import LocaleData
from ..markdown import Markdown, escape_markdown
from ..messages import C_, QUALIFIER_FORMS
from ..model import Brief, SourceRef, Statistic, Text
from ..narrative import Reference
from .citations import SourceCitations, parse_locator
from .evidence import STATUS_NAMES, evidence_rows
from .legal import Legal
from .notes import IBID_FORMS, SEPARATOR, Footnotes, note_marks
from .references import STATES_JOINED, resolve_narrative

# Attribution as a clause of its own: leading the sentence a figure opens, else closing it.
ATTRIBUTION_LEAD = C_("attribution", "According to %(source)s, %(sentence)s")
ATTRIBUTION_TAIL = C_("attribution", "%(sentence)s, according to %(source)s")
# Who produced a figure, and who relayed it: "Human Rights Watch, as reported by UCA News".
RELAYED = C_("attribution", "%(producer)s, as reported by %(relay)s")


_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
          (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def roman_numeral(number: int) -> str:
    """``number`` (1 or more) in upper-case Roman numerals."""
    if number < 1:
        raise ValueError(f"{number} has no Roman numeral")
    digits = []
    for value, letters in _ROMAN:
        count, number = divmod(number, value)
        digits.append(letters * count)
    return "".join(digits)


class RenderContext:
    # The helpers templates call by name (see templates/base/brief.md.j2).
    HELPERS = ("text", "name", "date", "number", "percent", "count", "list", "term", "narrative",
               "paragraphs", "cell", "lines", "stat", "cite", "evidence", "ordinal", "roman",
               "treaty_statuses")

    def __init__(self, brief: Brief, locale: LocaleData, pack: Pack, catalog: Any = None) -> None:
        self.brief = brief
        self.locale = locale
        self.pack = pack
        self.catalog = catalog
        self.notes = Footnotes(locale, IBID_FORMS.get(pack.citation_style),
                               note_marks(locale.note_marks, pack.note_marks_for(locale.code)),
                               source_lines=pack.notes_for(locale.code) == "source-lines")
        self.citations = SourceCitations(locale, self.date, lambda ref: self.legal.article_locator(ref))
        self.paragraph_number = 0
        self.legal = Legal(locale, catalog, pack, self.notes, self.date, brief.brief.date)

    def helpers(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.HELPERS}

    # --- plain values ----------------------------------------------------------
    def text(self, value: Text | None) -> str:
        """Text in this language (escaped on output like all data)."""
        return value.get(self.locale.code) if value is not None else ""

    def name(self, value: Text | None) -> str:
        """A name or title: a translation if there is one, else the original."""
        return value.get(self.locale.code, fallback=True) if value is not None else ""

    def date(self, value: dt.date) -> Markdown:
        style = self.pack.date_format.get(self.locale.code, "long")
        return self.locale.date(value, style)

    def number(self, value: Decimal | int) -> Markdown:
        return self.locale.number(value)

    def percent(self, value: Decimal | int) -> Markdown:
        return self.locale.percent(value, words=self.pack.percent_words(self.locale.code))

    def count(self, value: Decimal | int, unit: str) -> Markdown:
        return self.locale.count(value, unit)

    def ordinal(self, number: int) -> Markdown:
        """"forty-seventh" in English (locale data), 47 where the language writes 제47차."""
        return self.locale.ordinal(number)

    def roman(self, number: int) -> str:
        """"XVII" for 17: the numbers of a UN document's chapter headings (I., II., ...), however many."""
        return roman_numeral(number)

    def list(self, items: list[str]) -> Markdown:
        return self.locale.list(items)

    def term(self, key: str, where: Location | None = None) -> Markdown:
        """A term in the audience's register (e.g. ``defector`` → 북한이탈주민 or 탈북민).

        A State's term (``state-KP``) the pack does not give in this language is the catalog's
        UN name of the State in it, so a language added from outside names States as its catalog does.
        """
        terms = {**self.pack.terms, **{k: Text.parse(v) for k, v in self.brief.brief.settings.get("terms", {}).items()}}
        state = self.catalog.states.get(key.removeprefix("state-")) if key.startswith("state-") and self.catalog else None
        if state is not None and self.locale.code in state.names and not (key in terms and terms[key].has(self.locale.code)):
            return escape_markdown(state.name(self.locale.code))
        if key not in terms:
            raise BriefError.at(where, "term", f"unknown term '{key}'",
                                f"define it under 'terms:' in the pack or in brief.settings; known: {', '.join(sorted(terms)) or 'none'}")
        return escape_markdown(terms[key].get(self.locale.code))

    # --- narrative -------------------------------------------------------------
    def narrative(self, value: Text | None) -> Markdown:
        """User Markdown with ``[[...]]`` references resolved; never run as a template."""
        if value is None:
            return Markdown("")
        return resolve_narrative(value, self.locale.code, self._reference, self._attributed, self.locale.joined)

    def _reference(self, ref: Reference, where: Location | None, field: str) -> Markdown:
        """What ``[[kind:target|option]]`` prints in this document."""
        resolve = REFERENCE_KINDS.get(ref.kind)
        if resolve is None:
            raise BriefError.at(where, field, f"unknown reference kind '[[{ref.kind}:...]]'",
                                f"use one of: {', '.join(sorted(REFERENCE_KINDS))}")
        return resolve(self, ref, where)

    def _attributed(self, sentence: Markdown, statistic_id: str, leads: bool) -> Markdown:
        statistic = self.brief.statistic(statistic_id)
        source = self.attribution(statistic) if statistic is not None else None
        return self.attributed(sentence, source, leads=leads) if source is not None else sentence

    def paragraphs(self, markdown: str) -> Markdown:
        """Number the top-level paragraphs of ``markdown`` (UN style) when the pack asks.

        Numbers run on across the document; other blocks are nested under the
        paragraph before them so the numbering continues.
        """
        if not self.pack.numbered_paragraphs:
            return Markdown(markdown)
        blocks = [block for block in re.split(r"\n\s*\n", markdown.strip()) if block.strip()]
        out: list[str] = []
        for block in blocks:
            if _is_plain_paragraph(block):
                self.paragraph_number += 1
                marker = f"{self.paragraph_number}. "
                out.append(marker + block.replace("\n", "\n" + " " * len(marker)))
            else:
                indent = " " * (len(str(self.paragraph_number)) + 2) if out else ""
                out.append("\n".join(indent + line if line else line for line in block.split("\n")))
        return Markdown("\n\n".join(out))

    def cell(self, markdown: str) -> Markdown:
        """Markdown on one line with its pipes escaped, so it can sit in a table cell or a one-line item."""
        trusted = markdown if isinstance(markdown, Markdown) else escape_markdown(markdown)
        one_line = " ".join(line.strip() for line in trusted.splitlines() if line.strip())
        return Markdown(_UNESCAPED_PIPE.sub(r"\\|", one_line))

    def lines(self, markdown: str) -> list[Markdown]:
        """The lines of a point without their list markers: an item and its sub-items (개조식 □ then ○)."""
        trusted = markdown if isinstance(markdown, Markdown) else escape_markdown(markdown)
        return [Markdown(_LIST_MARKER.sub("", line).strip()) for line in trusted.splitlines() if line.strip()]

    # --- evidence annex ----------------------------------------------------------
    def evidence(self) -> list[dict[str, Markdown]]:
        """The annex table's rows, formatted for this language (no footnotes: the table is the trace)."""
        rows = []
        for statistic, row in zip(self.brief.statistics, evidence_rows(self.brief, self.locale.code)):
            sources = [self.citations.short(source) for ref in statistic.sources
                       if (source := self.brief.source(ref.id)) is not None]
            rows.append({
                "label": escape_markdown(row.label),
                "value": self._amount(statistic),
                "base": self.number(row.base) if row.base is not None else Markdown(""),
                "count": self.number(row.count) if row.count is not None else Markdown(""),
                "derived_count": self.number(row.derived_count) if row.derived_count is not None else None,
                "source": self.locale.pgettext(*SEPARATOR).join(sources),  # French " ; ", as in the notes
                "status": self.locale.pgettext(*STATUS_NAMES[row.status]),
                "as_of": self.date(statistic.as_of) if statistic.as_of else Markdown(""),
            })
        return rows

    def treaty_statuses(self) -> Sequence[dict[str, Markdown]]:
        """The catalog's record (source, confidence, last confirmed) of each treaty status stated so far."""
        return self.legal.provenance()

    # --- statistics and sources ------------------------------------------------
    def stat(self, statistic_id: str, option: str = "", where: Location | None = None) -> Markdown:
        """A statistic as the text should say it, with footnotes to its sources.

        Options: "" (value and unit), ``share`` ("81.4% (92 of 113)"),
        ``count`` ("92 people (81.4%)"),
        ``value`` (the number without its unit, with its qualifier: "more than 500"), ``label``,
        ``attributed`` (the amount; in narrative the sentence gets "According to …").
        A qualified figure ("about 80%") has no exact count of its base, so
        ``share`` and ``count`` print it with its qualifier and without one.
        """
        statistic = self._statistic(statistic_id, where)
        forms = {
            "": self._amount,
            "value": lambda s: self._qualified(s, self.number(s.value)),
            "share": self._share,
            "count": self._count_with_percent,
            "label": lambda s: escape_markdown(self.text(s.label)),
            "attributed": self._amount,
        }
        if option not in forms:
            raise BriefError.at(where, f"[[stat:{statistic_id}|{option}]]", f"unknown option '{option}'",
                                f"use one of: {', '.join(repr(o) for o in forms if o)} or none")
        return forms[option](statistic) + self.source_notes(statistic)

    def source_notes(self, statistic: Statistic) -> Markdown:
        return Markdown("").join(self._note(ref) for ref in statistic.sources)

    def attribution(self, statistic: Statistic) -> Markdown | None:
        """Whose figure this is: the body that produced it, and the source that relayed it, if any."""
        source = self.brief.source(statistic.sources[0].id) if statistic.sources else None
        named = (source.publisher or source.author) if source else None
        if source is None or named is None:
            return None
        if source.relays is None:
            return escape_markdown(self.name(named))
        return self.locale.pgettext(*RELAYED) % {"producer": self.name(source.relays), "relay": self.name(named)}

    def attributed(self, sentence: Markdown, source: Markdown, *, leads: bool) -> Markdown:
        """``sentence`` (without its final stop) with its attribution as a clause of its own."""
        return self.locale.pgettext(*(ATTRIBUTION_LEAD if leads else ATTRIBUTION_TAIL)) % {
            "sentence": sentence, "source": source}

    def cite(self, source_id: str, locator: str = "", where: Location | None = None) -> Markdown:
        """A footnote to a source; ``locator`` like ``p. 15``, ``para 64`` or ``section F``."""
        source = self.brief.source(source_id)
        if source is None:
            raise BriefError.at(where, "cite", f"unknown source '{source_id}'", "define it under 'sources:'")
        return self._note(SourceRef(id=source_id, **(parse_locator(locator, where) if locator else {})))

    def _note(self, ref: SourceRef) -> Markdown:
        source = self.brief.source(ref.id)
        assert source is not None  # the loader has checked every source reference
        self.citations.locator(ref, source.kind)  # an unreadable locator is an error where it is written, now
        return self.notes.cite(self.citations.citation(source, ref))

    def _statistic(self, statistic_id: str, where: Location | None) -> Statistic:
        statistic = self.brief.statistic(statistic_id)
        if statistic is None:
            raise BriefError.at(where, "stat", f"unknown statistic '{statistic_id}'", "define it under 'statistics:'")
        return statistic

    def _amount(self, statistic: Statistic) -> Markdown:
        if statistic.unit == "percent":
            return self._qualified(statistic, self.percent(statistic.value))
        return self.locale.count(statistic.value, statistic.unit, statistic.qualifier)

    def _qualified(self, statistic: Statistic, amount: Markdown) -> Markdown:
        """"more than 500": the qualifier travels with every form of the figure."""
        if not statistic.qualifier:
            return amount
        return self.locale.pgettext(*QUALIFIER_FORMS[statistic.qualifier]) % {"amount": amount}

    def _share(self, statistic: Statistic) -> Markdown:
        parts = self._count_of_base(statistic)
        if parts is None:
            return self._amount(statistic)
        count, base, base_unit = parts
        return self.locale.share(self.percent(statistic.value), count, base, base_unit, statistic.count_unit)

    def _count_with_percent(self, statistic: Statistic) -> Markdown:
        parts = self._count_of_base(statistic)
        if parts is None:
            return self._amount(statistic)
        return self.locale.count_with_percent(self.percent(statistic.value), parts[0], self.brief.count_unit_of(statistic))

    def _count_of_base(self, statistic: Statistic) -> tuple[int, int, str] | None:
        """(k, N, unit of N) for an exact percentage with a base."""
        base, count = self.brief.base_of(statistic), self.brief.count_of(statistic)
        if base is None or count is None or statistic.qualifier:
            return None
        return count, base, self.brief.base_unit_of(statistic)


_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")
_LIST_MARKER = re.compile(r"^\s*[-*+]\s+")


def _is_plain_paragraph(block: str) -> bool:
    return not re.match(r"\s*([-+*>#|]|\d+[.)]\s|```|    )", block)


def _status(context: RenderContext, ref: Reference, where: Location | None) -> Markdown:
    if not ref.option:
        raise BriefError.at(where, "status", f"'[[status:{ref.target}]]' names no treaty",
                            f"write [[status:{ref.target}|TREATY-ID]]")
    states = ref.target.split(STATES_JOINED)
    if len(states) > 1:
        return context.legal.statuses([(state, where) for state in states], ref.option)
    return context.legal.status(ref.target, ref.option, where)


# What each kind of narrative reference prints (docs/rules.md lists the syntax).
REFERENCE_KINDS: dict[str, Callable[[RenderContext, Reference, Location | None], Markdown]] = {
    "stat": lambda context, ref, where: context.stat(ref.target, ref.option, where=where),
    "cite": lambda context, ref, where: context.cite(ref.target, ref.option, where=where),
    "term": lambda context, ref, where: context.term(ref.target, where=where),
    # A number the author marks as not data ([[n:30|deadline in days]]): printed as written; the reason is for check.
    "n": lambda context, ref, where: escape_markdown(ref.target),
    "treaty": lambda context, ref, where: context.legal.treaty_name(ref.target, where),
    "law": lambda context, ref, where: context.legal.citation(ref.target, ref.option, where),
    "status": _status,
    "state": lambda context, ref, where: context.legal.state_name(ref.target, where),
}
