"""Counting words as a mechanism counts them: in the rendered document, not the YAML.

A word is a run of characters between spaces holding at least one letter or
digit. One rule serves every language: Korean is counted by 어절 (spacing
units), English by words, and markers (□, ○, -, |), list numbers and footnote
marks are not words. A pack leaves out whole parts: the ``cover`` (the title
and the lines under it) and the ``notes`` (footnote texts).

The counts, with the numbering of the top-level ordered lists, make up a
document's :class:`Outline`: what the document rules read, gathered in one
pass over the Markdown that keeps no tree (a large brief's tree is many
times the size of its text).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from lxml import etree

from .markdown_tree import read_markdown, visible_text

_WORD = re.compile(r"\S+")
_COUNTS = re.compile(r"\w")
_COVER = frozenset({"h1", "p"})

PART_NAMES: dict[str, str] = {
    "cover": "the cover (title and the lines under it)",
    "notes": "footnotes and endnotes",
}


@dataclass(frozen=True)
class Outline:
    """What the document rules read of a rendered document: its words by part, its numbered lists."""

    cover_words: int  # the title and the paragraphs under it, up to the first other block
    text_words: int  # every other block
    note_words: int  # the footnote texts
    ordered_lists: tuple[tuple[int, int], ...]  # each top-level ordered list: (its first number, its items)

    def words(self, uncounted: Collection[str] = ()) -> int:
        """The words a mechanism counts when it leaves out the ``uncounted`` parts."""
        return (self.text_words + (0 if "cover" in uncounted else self.cover_words)
                + (0 if "notes" in uncounted else self.note_words))


def outline(markdown: str) -> Outline:
    """The :class:`Outline` of ``markdown``, read a block at a time."""
    note_words = 0

    def count_note(_: str, definition: etree._Element) -> None:
        nonlocal note_words
        note_words += _words(visible_text(definition))

    stream = read_markdown(markdown, first_seen=count_note)
    cover_words = text_words = 0
    in_cover = True
    ordered_lists: list[tuple[int, int]] = []
    for block in stream.blocks():
        in_cover = in_cover and block.tag in _COVER
        if block.tag == "table":  # a long table is read a row at a time
            words = sum(_words(visible_text(row)) for row in stream.rows(block))
        else:
            words = _words(visible_text(block))
        if in_cover:
            cover_words += words
        else:
            text_words += words
        if block.tag == "ol":
            ordered_lists.append((int(block.get("start", 1)), len(block)))
    return Outline(cover_words, text_words, note_words, tuple(ordered_lists))


def _words(text: str) -> int:
    return sum(1 for word in _WORD.findall(text) if _COUNTS.search(word))


def count_words(markdown: str | Outline, uncounted: Collection[str] = ()) -> int:
    """Words (어절 in Korean) in ``markdown`` (or its outline), leaving out the ``uncounted`` parts."""
    return (markdown if isinstance(markdown, Outline) else outline(markdown)).words(uncounted)


def counted_parts(uncounted: Collection[str]) -> str:
    """What a count leaves out, in words for a message or a listing."""
    left_out = [PART_NAMES[part] for part in PART_NAMES if part in uncounted]
    return "everything is counted" if not left_out else "not counted: " + " and ".join(left_out)
