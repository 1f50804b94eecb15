"""Errors that point at the input: every problem names file, line and field.

A user fixing a brief needs to know *where* (file:line), *what* (the field and
what is wrong with it) and *how to fix it*. Every error briefbuilder raises on
purpose is a :class:`BriefError` carrying one or more :class:`Problem` records,
so the CLI can print them one per line and a script can inspect them. The
subclasses say which stage gave up, so a caller can tell a bad brief
(:class:`LoadError`) from a broken pack (:class:`TemplateError`), a brief that
failed its checks (``check.findings.ChecksFailed``) or an output that cannot be written
(:class:`OutputError`), and still catch them all as :class:`BriefError`.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

E = TypeVar("E", bound="BriefError")


@dataclass(frozen=True, order=True, slots=True)
class Location:
    """A place in an input file: a 1-based line and column, or a ``place`` where lines mean nothing.

    ``place`` is a spreadsheet cell (``Statistics!C7``) or, for a brief built
    in Python, the field path (``statistics[3].value``).
    """

    file: str
    line: int = 0
    column: int = 1
    place: str = ""

    def __str__(self) -> str:
        return f"{self.file}:{self.place}" if self.place else f"{self.file}:{self.line}"

    def as_dict(self) -> dict[str, Any]:
        return {"file": self.file, "line": self.line or None, "place": self.place or None}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input."""

    location: Location | None
    field: str
    message: str
    hint: str = ""

    def __str__(self) -> str:
        where = f"{self.location}: " if self.location else ""
        field = f"{self.field}: " if self.field else ""
        hint = f" ({self.hint})" if self.hint else ""
        return f"{where}error: {field}{self.message}{hint}"

    def as_dict(self) -> dict[str, Any]:
        """The problem as JSON-ready data (``file``, ``line``, ``place``, ``field``, ``message``, ``hint``)."""
        where = self.location.as_dict() if self.location else {"file": None, "line": None, "place": None}
        return {**where, "field": self.field, "message": self.message, "hint": self.hint}


class BriefError(Exception):
    """Something briefbuilder cannot work with; the base of every error it raises on purpose."""

    kind = "input"  # what went wrong, for scripts and JSON: input, load, template, checks, output

    def __init__(self, problems: Problem | Iterable[Problem]):
        self.problems: tuple[Problem, ...] = (problems,) if isinstance(problems, Problem) else tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    @classmethod
    def at(cls: type[E], location: Location | None, field: str, message: str, hint: str = "") -> E:
        """Shorthand for an error with a single problem."""
        return cls(Problem(location, field, message, hint))

    @classmethod
    def from_error(cls: type[E], error: BriefError) -> E:
        """``error``'s problems as this kind of error; an error already of this kind is kept as it is."""
        return error if isinstance(error, cls) else cls(error.problems)

    def as_dict(self) -> dict[str, Any]:
        return {"error": self.kind, "problems": [problem.as_dict() for problem in self.problems]}


class LoadError(BriefError):
    """The brief or what it is built against cannot be read: a missing file, bad YAML or a spreadsheet, an
    invalid field, an unknown reference, language or audience."""

    kind = "load"


class TemplateError(BriefError):
    """A document cannot be rendered: the pack's template is broken or breaks the sandbox, or the brief lacks
    text the template needs (a missing translation)."""

    kind = "template"


class OutputError(BriefError):
    """The outputs cannot be written: an unknown format, two outputs on one path, an output on an input."""

    kind = "output"


def dotted(path: Iterable[str | int]) -> str:
    """``("statistics", 3, "value")`` -> ``statistics[3].value``: a field as a message names it."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def did_you_mean(name: str, known: Iterable[str], otherwise: str | None = None) -> str:
    """A hint for an unknown name: the closest known one, else ``otherwise`` or the whole list."""
    names = sorted(known)
    close = difflib.get_close_matches(name, names, n=1)
    if close:
        return f"did you mean '{close[0]}'?"
    return otherwise if otherwise is not None else f"known: {', '.join(names)}"
