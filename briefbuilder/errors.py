"""Errors that point at the input: every problem names file, line and field.

A user fixing a brief needs to know *where* (file:line), *what* (the field and
what is wrong with it) and *how to fix it*. Every error raised for bad input is
a :class:`BriefError` carrying one or more :class:`Problem` records, so the CLI
can print them one per line and a script can inspect them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Location:
    """A place in an input file (1-based line and column)."""

    file: str
    line: int
    column: int = 1

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


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


class BriefError(Exception):
    """Input that cannot be used: unreadable, malformed or inconsistent."""

    def __init__(self, problems: Problem | list[Problem] | tuple[Problem, ...]):
        self.problems: tuple[Problem, ...] = (
            (problems,) if isinstance(problems, Problem) else tuple(problems)
        )
        super().__init__("\n".join(str(p) for p in self.problems))

    @classmethod
    def at(
        cls, location: Location | None, field: str, message: str, hint: str = ""
    ) -> BriefError:
        """Shorthand for an error with a single problem."""
        return cls(Problem(location, field, message, hint))
