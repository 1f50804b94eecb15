"""Column widths from a table's content, so no word is broken in the middle.

Word and LibreOffice given equal columns break a long word ("Transitio/nal",
"북한이탈주/민") in a narrow one and leave a short column half empty. Here each
column gets at least the width of its longest word, and the room left is
shared by how much text each column holds. Widths are estimated from the
characters (a Hangul or CJK character is about one em, a Latin one about half),
which is all the writer knows before a layout engine runs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

CELL_PADDING = 2 * 108 + 20  # twips: Word's default left and right cell margins, and a little slack
LATIN_EM = 0.55  # average advance of a Latin letter or digit, in em
# A cell this short (a date, "verified", "47.8%") is kept on one line.
KEEP_WHOLE_EM = 10
# Longer for text with Hangul or other East Asian characters: LibreOffice breaks such a word
# beside a digit or a bracket ("31/일", "『/존재할") when it must wrap, so short cells never wrap.
KEEP_WHOLE_EAST_ASIAN_EM = 24
READABLE_EM = 12  # the narrowest a column of running text should be
# Characters set a full em wide (Unicode East Asian Width W and F): Hangul, CJK, kana, full-width forms.
_WIDE = re.compile(
    "[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f"
    "\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\U00020000-\U0003fffd]"
)


def _em_width(text: str) -> float:
    """The width of `text` in em: wide (East Asian) characters one em, others about half."""
    wide = len(_WIDE.findall(text))
    return wide + (len(text) - wide) * LATIN_EM


@dataclass(frozen=True)
class Extents:
    """Per column, in twips: the least width (longest word, or a short cell whole) and the unwrapped width."""

    minimum: list[float]
    natural: list[float]
    font_size: float


class ColumnMeasure:
    """Measures a table's columns a row at a time, so a long table is never held to be measured."""

    def __init__(self) -> None:
        self._minimum: list[float] = []  # em
        self._natural: list[float] = []

    def add(self, row: Sequence[str]) -> None:
        """Take the cell texts of one row into account."""
        for _ in range(len(row) - len(self._minimum)):
            self._minimum.append(0.0)
            self._natural.append(0.0)
        for index, text in enumerate(row):
            whole = _em_width(text)
            keep_whole = KEEP_WHOLE_EAST_ASIAN_EM if _WIDE.search(text) else KEEP_WHOLE_EM
            # A short cell stays whole; only a longer one needs its longest word measured.
            least = whole if whole <= keep_whole else max(_em_width(word) for word in text.split())
            self._minimum[index] = max(self._minimum[index], least)
            self._natural[index] = max(self._natural[index], whole)

    def extents(self, font_size: float) -> Extents:
        """The columns measured so far, set at `font_size` points."""
        twips_per_em = font_size * 20
        minimum = [m * twips_per_em + CELL_PADDING for m in self._minimum]
        natural = [max(n * twips_per_em + CELL_PADDING, m) for n, m in zip(self._natural, minimum)]
        return Extents(minimum, natural, font_size)


def measure(cells: Sequence[Sequence[str]], font_size: float) -> Extents:
    """Measure the columns of `cells` (rows of cell texts) set at `font_size` points."""
    columns = ColumnMeasure()
    for row in cells:
        columns.add(row)
    return columns.extents(font_size)


def readable_width(extents: Extents) -> int:
    """The width in twips the table needs to be read: no broken word, and no text column squeezed.

    Each column needs its least width, and a column of running text about
    ``READABLE_EM`` (a dozen words a line are too many, two are too few).
    """
    readable = READABLE_EM * extents.font_size * 20 + CELL_PADDING
    return round(sum(min(n, max(m, readable)) for m, n in zip(extents.minimum, extents.natural)))


def column_widths(extents: Extents, total: int) -> list[int]:
    """Widths in twips of the measured columns, summing to `total`.

    Every column gets its longest word (a short cell: all of it); the rest of
    `total` goes first to the columns that then fit unwrapped, then to the
    others by how much text they hold. When even the longest words do not fit,
    they are scaled down together (something must break).
    """
    minimum, natural = extents.minimum, extents.natural
    if not natural:
        return []
    if sum(natural) <= total:
        return _fill([n / sum(natural) * total for n in natural], total)
    if sum(minimum) >= total:
        return _fill([m / sum(minimum) * total for m in minimum], total)
    return _fill(_share(minimum, natural, total), total)


def _share(minimum: list[float], natural: list[float], total: int) -> list[float]:
    """Grow columns from their minimum, the least demanding first, until `total` is used.

    A column that can be shown unwrapped within an even share of what is left
    is; the rest share what remains by how much they still lack, so short
    columns (a date, a figure) stay on one line and long text wraps.
    """
    widths = list(minimum)
    wanting = sorted(range(len(widths)), key=lambda i: natural[i] - minimum[i])
    spare = total - sum(widths)
    while wanting:
        share = spare / len(wanting)
        index = wanting[0]
        lack = natural[index] - widths[index]
        if lack > share:
            break
        widths[index] = natural[index]
        spare -= lack
        wanting.pop(0)
    lacking = sum(natural[i] - widths[i] for i in wanting)
    for index in wanting:
        widths[index] += spare * (natural[index] - widths[index]) / lacking
    return widths


def _fill(widths: list[float], total: int) -> list[int]:
    """Round to whole twips, the last column taking the remainder so the sum is exact."""
    rounded = [int(w) for w in widths]
    rounded[-1] += total - sum(rounded)
    return rounded
