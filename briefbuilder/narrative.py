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
    """Every ``[[kind:target|option]]`` in ``text``, in order."""
    return [
        Reference(
            kind=match["kind"],
            target=match["target"].strip(),
            option=(match["option"] or "").strip(),
            start=match.start(),
            end=match.end(),
            line_offset=text.count("\n", 0, match.start()),
        )
        for match in REFERENCE.finditer(text)
    ]
