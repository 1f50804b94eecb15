"""The rendered document: what the render stage hands to every writer.

One template renders one Markdown text (CommonMark with footnotes and pipe
tables); the Markdown writer saves it as is and the Word writer parses the same
text. Everything a writer needs beyond the text travels in :class:`DocumentInfo`
and :class:`Layout`, so no writer ever looks back at the brief.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .markdown_tree import MarkdownTree


@dataclass(frozen=True)
class DocumentInfo:
    """Document properties (Word's core properties; Markdown front matter)."""

    title: str
    author: str  # the organisation
    language: str  # BCP 47 tag of the text, e.g. "ko-KR", "en-GB"
    date: dt.date  # the brief's date: created/modified in Word
    subject: str = ""
    keywords: tuple[str, ...] = ()
    draft: bool = False  # built past failed checks: say so visibly


@dataclass(frozen=True)
class Layout:
    """How the Word writer lays the text out; set by the audience pack and locale."""

    east_asian_font: str | None = None  # e.g. "Malgun Gothic" for Korean
    latin_font: str | None = None
    numbered_paragraphs: bool = False  # UN style: top-level ordered lists run on as 1., 2., ...
    reference_docx: Path | None = None  # styles, page setup, header/footer to take


@dataclass(frozen=True)
class RenderedDocument:
    """One brief in one language for one audience, ready to write."""

    markdown: str
    info: DocumentInfo
    layout: Layout = field(default_factory=Layout)
    name: str = "brief"  # file stem, e.g. "enforced-disappearances"
    language: str = "en"  # the brief's language code, used in file names

    @cached_property
    def tree(self) -> MarkdownTree:
        """The Markdown parsed once, for every rule and writer that reads the document's structure."""
        from .markdown_tree import parse_markdown

        return parse_markdown(self.markdown)
