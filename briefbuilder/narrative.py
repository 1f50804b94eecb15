"""The reference syntax of narrative text: ``[[kind:target|option]]``.

Narrative is data a user writes, so it is never evaluated as a template. It
points at statistics, sources and law with references that the render stage
resolves, for example::

    [[stat:mss-jurisdiction|share]]   81.4% (92 of 113), footnoted to its source
    [[cite:tjwg-2024|p. 15]]           a footnote to a source
    [[treaty:iccpr art 12(2)]]         a legal citation, footnoted

This module only finds references; what each kind means lives in the render
stage's reference handlers.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .errors import Location

if TYPE_CHECKING:
    from .model import Text

REFERENCE = re.compile(r"\[\[(?P<kind>[a-z]+):(?P<target>[^\]|]+?)(?:\|(?P<option>[^\]]*))?\]\]")
TEMPLATE_SYNTAX = re.compile(r"\{[{%#]|[}%#]\}")
# Ends of sentences: a full stop (not a decimal point) before space, a blank line, or a new list item or heading.
SENTENCE_BREAK = re.compile(r"[.!?。](?=\s|$)|\n[ \t]*\n|\n(?=[ \t]*(?:[-*+#]|\d+[.)])\s)")
# A Korean date ("2023. 10. 9.", "2021. 1.") is one word, not sentence ends (document-style.md A14).
DOTTED_DATE = re.compile(r"\d{4}\.[ \t]?\d{1,2}\.(?:[ \t]?\d{1,2}\.)?")


@dataclass(frozen=True)
class Reference:
    kind: str
    target: str
    option: str
    start: int
    end: int
    line_offset: int  # lines after the first line of the text


def find_references(text: str) -> list[Reference]:
    """Every ``[[kind:target|option]]`` in ``text``, in order (lines counted once, not per reference)."""
    references = []
    line, counted_to = 0, 0
    for match in REFERENCE.finditer(text):
        line += text.count("\n", counted_to, match.start())
        counted_to = match.start()
        references.append(Reference(
            kind=match["kind"],
            target=match["target"].strip(),
            option=(match["option"] or "").strip(),
            start=match.start(),
            end=match.end(),
            line_offset=line,
        ))
    return references


def reference_location(text: Text, lang: str, ref: Reference) -> Location | None:
    """The file and line ``ref`` is written on in ``text``'s ``lang`` entry."""
    return line_location(text, lang, ref.line_offset)


def line_location(text: Text, lang: str, line_offset: int) -> Location | None:
    """The file and line of the ``line_offset``-th line of ``text``'s ``lang`` entry.

    A block scalar (``|`` or ``>``) holds several lines and starts on the line after its key.
    """
    location = text.where(lang)
    if location is None or location.place:  # no lines to count: a spreadsheet cell or a field path
        return location
    block_offset = 1 if "\n" in text.get(lang) else 0
    return Location(location.file, location.line + block_offset + line_offset)


class Sentences:
    """The sentences of a narrative text, found once: references and dotted dates never end one."""

    def __init__(self, body: str) -> None:
        masked = body
        for pattern in (REFERENCE, DOTTED_DATE):
            masked = pattern.sub(lambda m: "\x00" * (m.end() - m.start()), masked)
        self._breaks = [(m.start(), m.end()) for m in SENTENCE_BREAK.finditer(masked)]
        self._ends = [end for _, end in self._breaks]
        self._length = len(body)

    def around(self, start: int, end: int) -> tuple[int, int]:
        """(start, end) of the sentence holding ``body[start:end]``, without its closing punctuation."""
        index = bisect_right(self._ends, start)
        first = self._ends[index - 1] if index else 0
        while index < len(self._breaks) and self._breaks[index][0] < end:
            index += 1
        last = self._breaks[index][0] if index < len(self._breaks) else self._length
        return first, last


def sentence_around(body: str, ref: Reference) -> str:
    """The sentence holding ``ref``."""
    start, end = Sentences(body).around(ref.start, ref.end)
    return body[start:end]
