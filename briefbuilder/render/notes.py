"""One footnote registry per rendered document.

Statistics and legal citations both ask it for a note. Notes are numbered in
order of first use; the same work at the same locator reuses its note; the
first note for a work cites it in full and later ones in short form. Both
writers read the same notes (Markdown footnote definitions).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

from .markdown import Markdown


class Footnotes:
    def __init__(self) -> None:
        self._texts: list[Markdown] = []
        self._numbers: dict[tuple[str, Hashable], int] = {}
        self._works: set[str] = set()

    def cite(self, work: str, locator: Hashable, full: Callable[[], Markdown],
             short: Callable[[], Markdown]) -> Markdown:
        """The footnote mark for ``work`` at ``locator``, creating the note on first use."""
        key = (work, locator)
        if key not in self._numbers:
            text = short() if work in self._works else full()
            self._works.add(work)
            self._texts.append(_one_full_stop(text))
            self._numbers[key] = len(self._texts)
        return Markdown(f"[^{self._numbers[key]}]")

    def __len__(self) -> int:
        return len(self._texts)

    def definitions(self) -> Markdown:
        """The notes as Markdown footnote definitions, in number order."""
        return Markdown("\n".join(f"[^{number}]: {text}" for number, text in enumerate(self._texts, 1)))


def _one_full_stop(note: Markdown) -> Markdown:
    """A note whose last word already ends in a stop ("2024. 10. 31.") does not get a second one."""
    return Markdown(note[:-1]) if note.endswith("..") and not note.endswith("...") else note
