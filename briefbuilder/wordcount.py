"""Counting words as a mechanism counts them: in the rendered document, not the YAML.

A word is a run of characters between spaces holding at least one letter or
digit. One rule serves every language: Korean is counted by 어절 (spacing
units), English by words, and markers (□, ○, -, |), list numbers and footnote
marks are not words. A pack leaves out whole parts: the ``cover`` (the title
and the lines under it) and the ``notes`` (footnote texts).
"""

from __future__ import annotations

import re
from collections.abc import Collection

from .markdown_tree import MarkdownTree, parse_markdown, visible_text

_WORD = re.compile(r"\S+")
_COUNTS = re.compile(r"\w")
_COVER = frozenset({"h1", "p"})

PART_NAMES: dict[str, str] = {
    "cover": "the cover (title and the lines under it)",
    "notes": "footnotes and endnotes",
}


def count_words(markdown: str | MarkdownTree, uncounted: Collection[str] = ()) -> int:
    """Words (어절 in Korean) in ``markdown`` (or its parsed tree), leaving out the ``uncounted`` parts."""
    tree = markdown if isinstance(markdown, MarkdownTree) else parse_markdown(markdown)
    blocks = tree.blocks
    if "cover" in uncounted:  # the title and the paragraphs under it, up to the first other block
        cover = next((index for index, block in enumerate(blocks) if block.tag not in _COVER), len(blocks))
        blocks = blocks[cover:]
    if "notes" not in uncounted:
        blocks = [*blocks, *tree.footnotes.values()]
    return sum(1 for block in blocks for word in _WORD.findall(visible_text(block)) if _COUNTS.search(word))


def counted_parts(uncounted: Collection[str]) -> str:
    """What a count leaves out, in words for a message or a listing."""
    left_out = [PART_NAMES[part] for part in PART_NAMES if part in uncounted]
    return "everything is counted" if not left_out else "not counted: " + " and ".join(left_out)
