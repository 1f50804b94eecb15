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

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin

_PARSER = MarkdownIt("commonmark", {"html": False}).enable("table").use(footnote_plugin)
_WORD = re.compile(r"\S+")
_COUNTS = re.compile(r"\w")

PART_NAMES: dict[str, str] = {
    "cover": "the cover (title and the lines under it)",
    "notes": "footnotes and endnotes",
}


def count_words(markdown: str, uncounted: Collection[str] = ()) -> int:
    """Words (어절 in Korean) in ``markdown``, leaving out the ``uncounted`` parts."""
    total = 0
    cover = "cover" in uncounted
    notes = 0
    for token in _PARSER.parse(markdown):
        if token.type == "footnote_block_open":
            notes += 1
        elif token.type == "footnote_block_close":
            notes -= 1
        elif cover and token.level == 0 and token.type not in {"heading_open", "heading_close", "inline",
                                                                "paragraph_open", "paragraph_close"}:
            cover = False  # the title block ends at the first block that is not a paragraph
        elif cover and token.type == "heading_open" and token.tag != "h1":
            cover = False
        if token.type != "inline" or cover or (notes and "notes" in uncounted):
            continue
        total += sum(1 for word in _WORD.findall(_plain(token)) if _COUNTS.search(word))
    return total


def counted_parts(uncounted: Collection[str]) -> str:
    """What a count leaves out, in words for a message or a listing."""
    left_out = [PART_NAMES[part] for part in PART_NAMES if part in uncounted]
    return "everything is counted" if not left_out else "not counted: " + " and ".join(left_out)


def _plain(inline: Token) -> str:
    """The text a reader sees: link texts yes, addresses and footnote marks no."""
    pieces: list[str] = []
    for child in inline.children or ():
        if child.type in {"text", "code_inline"}:
            pieces.append(child.content)
        elif child.type in {"softbreak", "hardbreak"}:
            pieces.append(" ")
    return "".join(pieces)
