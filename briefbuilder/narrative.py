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
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .errors import Location

if TYPE_CHECKING:
    from .model import Text

REFERENCE = re.compile(r"\[\[(?P<kind>[a-z]+):(?P<target>[^\]|]+?)(?:\|(?P<option>[^\]]*))?\]\]")
TEMPLATE_SYNTAX = re.compile(r"\{[{%#]|[}%#]\}")


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
    """The file and line ``ref`` is written on in ``text``'s ``lang`` entry.

    A block scalar (``|`` or ``>``) holds several lines and starts on the line after its key.
    """
    location = text.where(lang)
    if location is None or location.place:  # no lines to count: a spreadsheet cell or a field path
        return location
    block_offset = 1 if "\n" in text.get(lang) else 0
    return Location(location.file, location.line + block_offset + ref.line_offset)
