"""One note registry per rendered document: one note per citation point.

References do not write note marks themselves. Each citation (a source at a
locator, a treaty article, a treaty's status page) is registered and leaves a
placeholder in the text; :meth:`Footnotes.place` then makes one pass over the
finished Markdown, in document order, and

- merges the placeholders of one point (adjacent, or separated only by
  spaces) into one note listing its sources in order, separated by
  semicolons;
- moves the mark after the punctuation that closes the clause or sentence,
  as the language's style asks (``locale.yaml``: ``note_marks``; UN Editorial
  Manual, Footnotes ch. IX; Korean practice, document-style.md D1), and past
  a figure to the end of its clause, so a mark never touches a digit;
- numbers the notes in reading order and words each citation there: the
  first citation of a work in full, later ones in short form, and "Ibid." for
  a note that repeats the immediately preceding note's only work, where the
  style has one.

Every mark is its own note (Word cannot point two marks at one note), so the
short forms and ibid. are what keep the notes short. The pass is linear in
the size of the document.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable
from dataclasses import dataclass

from ..locale import LocaleData
from ..markdown import Markdown
from ..messages import C_

# Private-use characters: no user text, template or escape produces them.
_OPEN, _CLOSE = "\ue000", "\ue001"
_PLACEHOLDER = re.compile(f"{_OPEN}(\\d+){_CLOSE}")
_SPACES = re.compile(r"[ \t]*")
# Where a clause cannot run on: a new paragraph, a table cell, a link or another mark.
_CLAUSE_STOP = re.compile(r"\n[ \t]*\n|(?<!\\)\||\[|" + _OPEN)

NOTE = C_("footnote", "%(note)s.")
SEPARATOR = C_("footnote", "; ")
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


class Footnotes:
    """The notes of one document: citations registered while rendering, worded and numbered by :meth:`place`."""

    def __init__(self, locale: LocaleData, ibid: IbidForms | None) -> None:
        self.locale = locale
        self.ibid = ibid if locale.note_marks.ibid else None
        self._citations: list[Citation] = []
        self._texts: list[Markdown] = []

    def cite(self, citation: Citation) -> Markdown:
        """A placeholder for ``citation``; :meth:`place` turns it into a note mark."""
        self._citations.append(citation)
        return Markdown(f"{_OPEN}{len(self._citations) - 1}{_CLOSE}")

    def place(self, body: str) -> str:
        """``body`` with its placeholders merged, moved and numbered as ``[^n]`` marks."""
        out: list[str] = []
        position = 0
        cited: set[Hashable] = set()
        previous: Citation | None = None
        after = self.locale.note_marks.after
        while (match := _PLACEHOLDER.search(body, position)) is not None:
            text = body[position:match.start()]
            out.append(text)
            indices, end, punctuation = self._gather(body, match.start(), after)
            if not punctuation and text[-1:].isdigit():
                # A mark after a figure reads as a power: move it to the end of the clause.
                clause_end = self._clause_end(body, end, after)
                out.append(body[end:clause_end])
                more, end, punctuation = self._gather(body, clause_end, after)
                indices += more
            out.append(punctuation)
            citations = [self._citations[i] for i in indices]
            self._texts.append(self._note(citations, cited, previous))
            previous = citations[0] if len(citations) == 1 else None
            out.append(f"[^{len(self._texts)}]")
            position = end
        out.append(body[position:])
        return "".join(out)

    def definitions(self) -> Markdown:
        """The notes as Markdown footnote definitions, in number order."""
        return Markdown("\n".join(f"[^{number}]: {text}" for number, text in enumerate(self._texts, 1)))

    # --- the pass ---------------------------------------------------------------
    @staticmethod
    def _gather(body: str, start: int, after: str) -> tuple[list[int], int, str]:
        """From ``start``: the marks of one point, where they end, and the punctuation they move past."""
        indices: list[int] = []
        punctuation: list[str] = []
        position = start
        while True:
            spaces = _SPACES.match(body, position)
            mark = _PLACEHOLDER.match(body, spaces.end() if spaces is not None and indices else position)
            if mark is not None:
                indices.append(int(mark.group(1)))
                position = mark.end()
                continue
            char = body[position:position + 1]
            escaped = char == "\\" and body[position + 1:position + 2] in after and body[position + 1:position + 2] != ""
            if escaped:
                punctuation.append(body[position:position + 2])
                position += 2
            elif char and char in after and not _decimal_point(body, position):
                punctuation.append(char)
                position += 1
            else:
                return indices, position, "".join(punctuation)

    @staticmethod
    def _clause_end(body: str, start: int, after: str) -> int:
        """Where the clause holding ``start`` ends: its closing punctuation, or what it cannot run past."""
        stop = _CLAUSE_STOP.search(body, start)
        limit = stop.start() if stop else len(body)
        for position in range(start, limit):
            if body[position] in after and not _decimal_point(body, position) and body[position - 1:position] != "\\":
                return position
        return len(body[:limit].rstrip()) if limit > start else limit

    def _note(self, citations: list[Citation], cited: set[Hashable], previous: Citation | None) -> Markdown:
        pieces: list[Markdown] = []
        links: list[Markdown] = []
        for citation in citations:
            if (self.ibid is not None and len(citations) == 1 and previous is not None
                    and previous.work == citation.work):
                pinpoint = citation.pinpoint()
                if citation.locator == previous.locator or not pinpoint:
                    pieces.append(self.locale.pgettext(*self.ibid.alone))
                else:
                    pieces.append(self.locale.pgettext(*self.ibid.with_locator) % {"locator": pinpoint})
            elif citation.work in cited:
                pieces.append(citation.short())
            else:
                piece, link = citation.full(), citation.link()
                if link is not None and len(citations) > 1:
                    piece = self.locale.pgettext(*AVAILABLE_AT_INLINE) % {"citation": piece, "link": link}
                elif link is not None:
                    links.append(link)
                pieces.append(piece)
            cited.add(citation.work)
        note = _one_full_stop(self.locale.pgettext(*NOTE) % {"note": self.locale.pgettext(*SEPARATOR).join(pieces)})
        for link in links:
            note = Markdown("%s %s") % (note, self.locale.pgettext(*AVAILABLE_AT) % {"link": link})
        return note


def _decimal_point(body: str, position: int) -> bool:
    """"81.4": a full stop between digits is part of the number, not the end of a sentence."""
    return body[position] == "." and body[position - 1:position].isdigit() and body[position + 1:position + 2].isdigit()


def _one_full_stop(note: Markdown) -> Markdown:
    """A note whose last word already ends in a stop ("2024. 10. 31.") does not get a second one."""
    return Markdown(note[:-1]) if note.endswith("..") and not note.endswith("...") else note
