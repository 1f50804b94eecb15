"""Column widths from a table's content, so no word is broken in the middle.

Word and LibreOffice given equal columns break a long word ("Transitio/nal",
"북한이탈주/민") in a narrow one and leave a short column half empty. Here each
column gets at least the width of its longest word, and the room left is
shared by how much text each column holds. Widths are estimated from the
characters (a Hangul or CJK character is about one em, a Latin one about half),
which is all the writer knows before a layout engine runs.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

CELL_PADDING = 2 * 108 + 20  # twips: Word's default left and right cell margins, and a little slack
LATIN_EM = 0.55  # average advance of a Latin letter or digit, in em
# A cell this short (a date, "verified", "47.8%") is kept on one line.
KEEP_WHOLE_EM = 10
# Longer for text with Hangul or other East Asian characters: LibreOffice breaks such a word
# beside a digit or a bracket ("31/일", "『/존재할") when it must wrap, so short cells never wrap.
KEEP_WHOLE_EAST_ASIAN_EM = 24
READABLE_EM = 12  # the narrowest a column of running text should be


def _wide(character: str) -> bool:
    """Whether `character` is set a full em wide (Hangul, CJK ideographs, full-width forms)."""
    return unicodedata.east_asian_width(character) in "WF"


def _em_width(text: str) -> float:
    """The width of `text` in em: wide (East Asian) characters one em, others about half."""
    return sum(1.0 if _wide(c) else LATIN_EM for c in text)


def column_widths(cells: Sequence[Sequence[str]], total: int, font_size: float) -> list[int]:
    """Widths in twips of the columns of `cells` (rows of cell texts), summing to `total`.

    Every column gets its longest word (a short cell: all of it); the rest of
    `total` goes first to the columns that then fit unwrapped, then to the
    others by how much text they hold. When even the longest words do not fit,
    they are scaled down together (something must break).
    """
    minimum, natural = _extents(cells, font_size)
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


def readable_width(cells: Sequence[Sequence[str]], font_size: float) -> int:
    """The width in twips the table needs to be read: no broken word, and no text column squeezed.

    Each column needs its least width, and a column of running text about
    ``READABLE_EM`` (a dozen words a line are too many, two are too few).
    """
    minimum, natural = _extents(cells, font_size)
    readable = READABLE_EM * font_size * 20 + CELL_PADDING
    return round(sum(min(n, max(m, readable)) for m, n in zip(minimum, natural)))


def _extents(cells: Sequence[Sequence[str]], font_size: float) -> tuple[list[float], list[float]]:
    """Per column, in twips: the least width (longest word, or a short cell whole) and the unwrapped width."""
    columns = max((len(row) for row in cells), default=0)
    twips_per_em = font_size * 20
    minimum = [0.0] * columns
    natural = [0.0] * columns
    for row in cells:
        for index, text in enumerate(row):
            whole = _em_width(text)
            longest = max((_em_width(word) for word in text.split()), default=0.0)
            keep_whole = KEEP_WHOLE_EAST_ASIAN_EM if any(_wide(c) for c in text) else KEEP_WHOLE_EM
            minimum[index] = max(minimum[index], whole if whole <= keep_whole else longest)
            natural[index] = max(natural[index], whole)
    minimum = [m * twips_per_em + CELL_PADDING for m in minimum]
    natural = [max(n * twips_per_em + CELL_PADDING, m) for n, m in zip(natural, minimum)]
    return minimum, natural


def _fill(widths: list[float], total: int) -> list[int]:
    """Round to whole twips, the last column taking the remainder so the sum is exact."""
    rounded = [int(w) for w in widths]
    rounded[-1] += total - sum(rounded)
    return rounded
