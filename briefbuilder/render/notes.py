"""One note registry per rendered document: where note marks go, and what the notes say.

References do not write note marks themselves. Each citation (a source at a
locator, a treaty article, a treaty's status page) is registered and leaves a
placeholder in the text; :meth:`Footnotes.place` then makes one pass over the
finished Markdown, in document order, and

- takes the placeholders out, so the text is exactly the text with its
  references resolved, and puts marks back only *between* words: a mark never
  splits a figure ("1,234") or a word, whatever the style;
- places each mark as the language's style asks (``note_marks`` in
  ``locale.yaml``, which a pack may override per language in ``pack.yaml``):
  the citations of a sentence gathered into one note at its end, after or
  before its final punctuation (UN Editorial Manual, Footnotes ch. IX;
  Imprimerie nationale for French; Korean practice, document-style.md B1, E1,
  D1), or a mark after the whole word (Korean 어절: noun and particle) holding
  the reference, for every reference or for a figure whose sources differ
  from the rest of its sentence; or the citations of a whole block (a
  paragraph, or a list item with the items under it) gathered into one note
  at its end, each source once: the ※ source line under a block of a Korean
  report (``notes: source-lines``);
- numbers the notes in reading order and words each one: the first citation
  of a work in full, later ones in short form, and "Ibid." (capitalised: it
  opens the note) for a note that repeats the preceding note, where the style
  has one.

Every mark is its own note (Word cannot point two marks at one note), so
gathering, short forms and ibid. are what keep the notes few and short. The
pass is linear in the size of the document.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Hashable, Iterator
from dataclasses import dataclass
from typing import Any

from ..locale import LocaleData, NoteMarks
from ..markdown import Markdown
from ..messages import C_

# Private-use characters: no user text, template or escape produces them.
_OPEN, _CLOSE = "\ue000", "\ue001"
_PLACEHOLDER = re.compile(f"{_OPEN}(\\d+){_CLOSE}")

# What ends a sentence: a full stop, question or exclamation mark (Latin or CJK), or the end of a
# block: a blank line, a new list item, table row, heading or quotation, or a table cell's border.
_STOPS = ".!?\u3002\uff01\uff1f"
_CJK_STOPS = "\u3002\uff01\uff1f"  # a CJK full stop needs no space after it
_CLOSERS = ")\"'*_\u2019\u201d\u00bb\u300d\u300f"  # what may follow the stop and still belong to the sentence
# A Korean date ("2023. 10. 9.", "2021. 1."), as the Markdown may escape its first stop ("2023\\. 10. 9."):
# its stops end no sentence (document-style.md A14).
_DOTTED_DATE = re.compile(r"\d{4}\\?\.[ \t]?\d{1,2}\.(?:[ \t]?\d{1,2}\.)?")
_BLANK = " \t"
_BREAK = " \t\n"  # the spaces a line may break at: no-break spaces belong to the word ("81,4 %")
_CANDIDATE = re.compile(
    r"[.!?\u3002\uff01\uff1f]"
    r"|\n[ \t]*\n|\n(?=[ \t]*(?:[-*+][ \t]|\d+[.)][ \t]|\||#|>))|(?<!\\)\|")

NOTE = C_("footnote", "%(note)s.")
# Translators: a note printed as a line under the paragraph or list item it supports, in Korean reports
# "※ 출처: …" (the ※ is added by the Word writer). note: the citations, already worded.
SOURCE_LINE = C_("source line", "Source: %(note)s")
SEPARATOR = C_("footnote", "; ")
LOCATOR_LIST = C_("locator", ", ")  # "12쪽, 15쪽": the places of one work
AVAILABLE_AT = C_("footnote", "Available at %(link)s.")
AVAILABLE_AT_INLINE = C_("footnote", "%(citation)s, available at %(link)s")


@dataclass(frozen=True)
class Citation:
    """One cited work at one place in it, with the ways a note can word it.

    ``full`` and ``short`` give the citation with its locator and without a
    final stop; ``pinpoint`` the locator alone (for "Ibid., para. 4"), empty
    when there is none. ``link`` is printed after a full citation only.
    """

    work: Hashable
    locator: Hashable
    full: Callable[[], Markdown]
    short: Callable[[], Markdown]
    pinpoint: Callable[[], Markdown]
    link: Callable[[], Markdown | None] = lambda: None

    @property
    def key(self) -> tuple[Hashable, Hashable]:
        return self.work, self.locator


@dataclass(frozen=True)
class IbidForms:
    """A style's "Ibid." alone (same work, same place) and with the new locator."""

    alone: tuple[str, str]
    with_locator: tuple[str, str]


# A style's "Ibid.": the UN Editorial Manual's "Ibid., para. 4" (B9, secondary) and OSCOLA's "ibid 34"
# (4th edn, 1.3). A language whose locale.yaml says ``ibid: false`` repeats the short form instead.
IBID_FORMS: dict[str, IbidForms] = {
    "un": IbidForms(C_("ibid, UN style", "Ibid."), C_("ibid, UN style", "Ibid., %(locator)s")),
    "oscola": IbidForms(C_("ibid, OSCOLA", "ibid"), C_("ibid, OSCOLA", "ibid %(locator)s")),
}


def note_marks(locale: NoteMarks, override: Any) -> NoteMarks:
    """The language's note style with a pack's settings for it (``pack.yaml`` ``note_marks``) applied."""
    if override is None:
        return locale
    return dataclasses.replace(locale, **{name: value for name in ("at", "punctuation", "figures", "ibid")
                                          if (value := getattr(override, name)) is not None})


# Where a mark goes, the citations of its note, and the final punctuation of the sentence it ends (if it does).
_Mark = tuple[int, list[int], "tuple[int, int] | None"]
# What a note at the end of one sentence cannot reach past to cover the next: the end of a paragraph, list
# item, heading or table cell.
_BLOCK_END = re.compile(r"\n[ \t]*\n|\n(?=[ \t]*(?:[-*+][ \t]|\d+[.)][ \t]|\||#|>))|(?<!\\)\|")
# Where a block ends, for notes gathered by block: before a blank line (in a quotation too), before a line that
# opens an item of an outermost list, a heading or a table row, at a table cell's border, or at the end. An
# indented line (an item under the item) or a line continuing the paragraph belongs to the block.
_BLOCK_BOUNDARY = re.compile(
    r"\n(?=(?:>[ \t]?)?[ \t]*(?:\n|\Z)|(?:>[ \t]?)?(?:[-*+][ \t]|\d+[.)][ \t]|#|\|))|(?<!\\)\||\Z")


@dataclass
class _Point:
    """The citations one reference left at one place in the text (a figure with two sources leaves two)."""

    position: int
    indices: list[int]


class Footnotes:
    """The notes of one document: citations registered while rendering, placed and worded by :meth:`place`."""

    def __init__(self, locale: LocaleData, ibid: IbidForms | None, marks: NoteMarks | None = None,
                 source_lines: bool = False) -> None:
        self.locale = locale
        self.marks = marks or locale.note_marks
        # a source line stands under its own block, far from the one before: it never says "Ibid."
        self.ibid = ibid if self.marks.ibid and not source_lines else None
        self.source_lines = source_lines
        self._citations: list[Citation] = []
        self._texts: list[Markdown] = []

    def cite(self, citation: Citation) -> Markdown:
        """A placeholder for ``citation``; :meth:`place` turns it into a note mark."""
        self._citations.append(citation)
        return Markdown(f"{_OPEN}{len(self._citations) - 1}{_CLOSE}")

    def place(self, body: str) -> str:
        """``body`` without its placeholders, with ``[^n]`` marks where the style puts its notes."""
        text, points = _take_out(body)
        dates = self._stops_inside_words(text) if points else set()
        marks: dict[int, tuple[list[int], tuple[int, int] | None]] = {}  # position -> citations, sentence ended
        if self.marks.at == "block":
            marks.update((position, (indices, None)) for position, indices in self._blocks(text, points).items())
        for sentence in self._sentences(text, points, dates) if self.marks.at != "block" else ():
            for position, indices, sentence_end in sentence:
                held, ended = marks.get(position, ([], None))
                marks[position] = (held + indices, ended or sentence_end)
        out: list[str] = []
        start = 0
        cited: set[Hashable] = set()
        previous: list[Citation] = []
        for position, citations in _one_note_for_a_run(text, marks, self._citations, dates):
            self._texts.append(self._note(citations, cited, previous))
            previous = citations
            out += [text[start:position], f"[^{len(self._texts)}]"]
            start = position
        out.append(text[start:])
        return "".join(out)

    def definitions(self) -> Markdown:
        """The notes as Markdown footnote definitions, in number order."""
        return Markdown("\n".join(f"[^{number}]: {text}" for number, text in enumerate(self._texts, 1)))

    # --- where marks go ---------------------------------------------------------
    def _stops_inside_words(self, text: str) -> set[int]:
        """Full stops that end no sentence: an abbreviation's ("para. 4", ``locale.yaml`` ``abbreviations``)
        and a Korean date's ("2023. 10. 9."); either may still end a paragraph."""
        stops = {match.start() + i for match in _DOTTED_DATE.finditer(text) for i, c in enumerate(match.group()) if c == "."}
        if self.locale.abbreviations is not None:
            stops.update(match.end() - 1 for match in self.locale.abbreviations.finditer(text))
        return stops

    def _sentences(self, text: str, points: list[_Point], dates: set[int]) -> Iterator[list[_Mark]]:
        """For each sentence holding citations: (mark position, citations, at its end) as the style places them.

        ``dates`` are the full stops that end no sentence (:meth:`_stops_inside_words`).
        """
        index = 0
        while index < len(points):
            stop_start, stop_end = _sentence_end(text, points[index].position, dates)
            group = [points[index]]
            index += 1
            while index < len(points) and points[index].position <= stop_start:
                group.append(points[index])
                index += 1
            yield self._marks_of_sentence(text, group, stop_start, stop_end)

    def _blocks(self, text: str, points: list[_Point]) -> dict[int, list[int]]:
        """The citations of each block, at its end (before its final punctuation where the style says so)."""
        gathered: dict[int, list[int]] = {}
        end = -1
        for point in points:
            if point.position > end:  # the first reference of a new block: find where the block ends
                end = _block_end(text, point.position)
                mark = end
                if self.marks.punctuation == "before":
                    first = end
                    while first > point.position and text[first - 1] in _STOPS and not _decimal_point(text, first - 1):
                        first -= 1
                    mark = _before_punctuation(text, first) if first < end else end
            gathered.setdefault(mark, []).extend(point.indices)
        return gathered

    def _marks_of_sentence(self, text: str, group: list[_Point], stop_start: int, stop_end: int) -> list[_Mark]:
        if self.marks.at == "word":
            return [(self._word_end(text, point.position), point.indices, None) for point in group]
        end = self._sentence_mark(text, stop_start, stop_end)
        if self.marks.figures == "mark":
            works = [frozenset(self._citations[i].work for i in point.indices) for point in group]
            rest = works[-1]
            own: list[_Mark] = [(self._word_end(text, point.position), point.indices, None)
                                for point, cited in zip(group, works) if cited != rest]
            gathered = [i for point, cited in zip(group, works) if cited == rest for i in point.indices]
            return [*own, (end, gathered, (stop_start, stop_end))]
        return [(end, [i for point in group for i in point.indices], (stop_start, stop_end))]

    def _sentence_mark(self, text: str, stop_start: int, stop_end: int) -> int:
        """Where a sentence's mark goes: after its final punctuation, or before it (French)."""
        if self.marks.punctuation == "after" or stop_start == stop_end:
            return stop_end
        return _before_punctuation(text, stop_start)

    def _word_end(self, text: str, position: int) -> int:
        """After the whole word holding ``position`` (a Korean 어절 with its particle), by the style's punctuation."""
        end = position
        while end < len(text) and text[end] not in _BREAK and not _cell_border(text, end):
            end += 1
        if self.marks.punctuation == "before":
            trailing = end
            while trailing > position and text[trailing - 1] in _STOPS + ",;:" and not _decimal_point(text, trailing - 1):
                trailing -= 1
            return _before_punctuation(text, trailing) if trailing < end else end
        return end

    # --- what notes say -----------------------------------------------------------
    def _note(self, citations: list[Citation], cited: set[Hashable], previous: list[Citation]) -> Markdown:
        if self.ibid is not None and previous:
            ibid = self._ibid(citations, previous)
            if ibid is not None:
                for citation in citations:
                    cited.add(citation.work)
                return _one_full_stop(self.locale.pgettext(*NOTE) % {"note": _capitalised(ibid)})
        pieces: list[Markdown] = []
        links: list[Markdown] = []
        # a source line names each work once, with every place cited in it; a note, each citation
        named = list(self._places_by_work(citations).values()) if self.source_lines else [(c, []) for c in citations]
        for citation, other_places in named:
            if citation.work in cited:
                pieces.append(Markdown("").join([citation.short(), *other_places]))
            else:
                piece, link = Markdown("").join([citation.full(), *other_places]), citation.link()
                if link is not None and len(named) > 1:
                    piece = self.locale.pgettext(*AVAILABLE_AT_INLINE) % {"citation": piece, "link": link}
                elif link is not None:
                    links.append(link)
                pieces.append(piece)
            cited.add(citation.work)
        note = _one_full_stop(self.locale.pgettext(*NOTE) % {"note": self.locale.pgettext(*SEPARATOR).join(pieces)})
        for link in links:
            note = Markdown("%s %s") % (note, self.locale.pgettext(*AVAILABLE_AT) % {"link": link})
        return self.locale.pgettext(*SOURCE_LINE) % {"note": note} if self.source_lines else note

    def _places_by_work(self, citations: list[Citation]) -> dict[Hashable, tuple[Citation, list[Markdown]]]:
        """Each work's first citation and the other places cited in it (", 15쪽"): a source line names a work once."""
        places: dict[Hashable, tuple[Citation, list[Markdown]]] = {}
        separator = self.locale.pgettext(*LOCATOR_LIST)
        for citation in citations:
            if citation.work not in places:
                places[citation.work] = (citation, [])
            elif pinpoint := citation.pinpoint():
                places[citation.work][1].append(Markdown("%s%s") % (separator, pinpoint))
        return places

    def _ibid(self, citations: list[Citation], previous: list[Citation]) -> Markdown | None:
        """"Ibid." for a note that repeats the preceding one; "Ibid., para. 5" for its one work elsewhere."""
        assert self.ibid is not None
        if [c.key for c in citations] == [c.key for c in previous]:
            return self.locale.pgettext(*self.ibid.alone)
        if len(citations) == 1 and len(previous) == 1 and citations[0].work == previous[0].work:
            pinpoint = citations[0].pinpoint()
            if pinpoint:
                return self.locale.pgettext(*self.ibid.with_locator) % {"locator": pinpoint}
        return None


def _one_note_for_a_run(text: str, marks: dict[int, tuple[list[int], tuple[int, int] | None]],
                        citations: list[Citation], dates: set[int]) -> Iterator[tuple[int, list[Citation]]]:
    """The marks in order with their citations. Sentences that follow one another in one paragraph and cite
    exactly the same (the same works at the same places) share one note, at the end of the last of them:
    a sentence citing nothing, or the end of a paragraph, breaks the run."""
    held: tuple[int, list[Citation], tuple[int, int] | None] | None = None
    for position in sorted(marks):
        indices, sentence_end = marks[position]
        cited = _unique(citations[i] for i in indices)
        if held is not None:
            if not (sentence_end is not None and held[2] is not None
                    and [c.key for c in cited] == [c.key for c in held[1]]
                    and _BLOCK_END.search(text, held[2][1], sentence_end[0]) is None
                    and _next_sentence_end(text, held[2][1], dates) == sentence_end):
                yield held[0], held[1]
        held = (position, cited, sentence_end)
    if held is not None:
        yield held[0], held[1]


def _block_end(text: str, position: int) -> int:
    """Where the block holding ``position`` ends: its last character but blanks (see :data:`_BLOCK_BOUNDARY`)."""
    boundary = _BLOCK_BOUNDARY.search(text, position)
    end = boundary.start() if boundary else len(text)
    while end > position and text[end - 1] in _BLANK:
        end -= 1
    return end


def _take_out(body: str) -> tuple[str, list[_Point]]:
    """``body`` without placeholders, and where each reference's placeholders stood in that text."""
    pieces: list[str] = []
    points: list[_Point] = []
    position = length = 0
    for match in _PLACEHOLDER.finditer(body):
        pieces.append(body[position:match.start()])
        length += match.start() - position
        if points and points[-1].position == length:
            points[-1].indices.append(int(match.group(1)))
        else:
            points.append(_Point(length, [int(match.group(1))]))
        position = match.end()
    pieces.append(body[position:])
    return "".join(pieces), points


def _sentence_end(text: str, position: int, dates: set[int]) -> tuple[int, int]:
    """(start, end) of the final punctuation of the sentence holding ``position``; start == end for none.

    A placeholder written just after a sentence's stop ("… 1981." then its
    note) belongs to that sentence.
    """
    back = position
    while back > 0 and text[back - 1] in _CLOSERS:
        back -= 1
    first = back
    while first > 0 and text[first - 1] in _STOPS and not _decimal_point(text, first - 1):
        first -= 1
    if first < back and _ends_sentence(text, first, position):
        return _escaped_start(text, first), position
    return _next_sentence_end(text, position, dates)


def _next_sentence_end(text: str, position: int, dates: set[int]) -> tuple[int, int]:
    """(start, end) of the first sentence-ending punctuation or block end from ``position`` on."""
    for candidate in _CANDIDATE.finditer(text, position):
        start = candidate.start()
        if candidate.group() in _STOPS:
            if _decimal_point(text, start) or (start in dates and not _ends_block(text, start + 1)):
                continue
            end = start
            while end < len(text) and text[end] in _STOPS:
                end += 1
            while end < len(text) and text[end] in _CLOSERS:
                end += 1
            if _ends_sentence(text, start, end):
                return _escaped_start(text, start), end
            continue
        end = len(text[position:start].rstrip()) + position
        return end, end
    end = len(text.rstrip())
    return max(end, position), max(end, position)


def _ends_sentence(text: str, stop: int, end: int) -> bool:
    """Whether the stop at ``stop`` (its closers running to ``end``) ends a sentence: not "e.g. the"."""
    following = end
    while following < len(text) and text[following] in _BLANK:
        following += 1
    if following == len(text) or text[following] == "\n" or _cell_border(text, following):
        return True
    if following == end:  # no space after it: only a CJK full stop ends a sentence so
        return text[stop] in _CJK_STOPS
    return not text[following].islower()  # "e.g. the"; a figure may open a sentence


def _ends_block(text: str, position: int) -> bool:
    while position < len(text) and text[position] in _BLANK:
        position += 1
    return position == len(text) or text[position] == "\n"


def _before_punctuation(text: str, position: int) -> int:
    """Before the punctuation at ``position``, its escape and a no-break space before it ("vrai[^1] ?")."""
    position = _escaped_start(text, position)
    while position > 0 and text[position - 1] in "\u00a0\u202f ":
        position -= 1
    return position


def _escaped_start(text: str, position: int) -> int:
    """``position``, or the backslash before it when the Markdown escapes the character there."""
    return position - 1 if position > 0 and text[position - 1] == "\\" else position


def _cell_border(text: str, position: int) -> bool:
    return text[position] == "|" and (position == 0 or text[position - 1] != "\\")


def _decimal_point(text: str, position: int) -> bool:
    """"81.4": a full stop between digits is part of the number, not the end of a sentence."""
    return (text[position] in ".," and text[position - 1:position].isdigit()
            and text[position + 1:position + 2].isdigit())


def _unique(citations: Iterator[Citation]) -> list[Citation]:
    """One citation of a work at a place per note, in the order first given."""
    seen: set[tuple[Hashable, Hashable]] = set()
    return [c for c in citations if not (c.key in seen or seen.add(c.key))]  # type: ignore[func-returns-value]


def _capitalised(note: Markdown) -> Markdown:
    """A note opens with a capital: "Ibid." even where the style writes "ibid" inside a sentence."""
    return Markdown(note[:1].upper() + note[1:])


def _one_full_stop(note: Markdown) -> Markdown:
    """A note whose last word already ends in a stop ("Ibid.", "2024. 10. 31.") does not get a second one."""
    return Markdown(note[:-1]) if note.endswith("..") and not note.endswith("...") else note
