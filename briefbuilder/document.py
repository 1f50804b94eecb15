"""The rendered document: what the render stage hands to every writer.

One template renders one Markdown text (CommonMark with footnotes and pipe
tables); the Markdown writer saves it as is and the Word writer parses the same
text. Everything a writer needs beyond the text travels in :class:`DocumentInfo`
and :class:`Layout`, so no writer ever looks back at the brief. A document is
data: the write stage turns it into files (``briefbuilder.write.document_bytes``,
``save_document``), as a pandoc writer takes pandoc's document tree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from .house_style import HouseStyle
from .markdown import escape_markdown

if TYPE_CHECKING:
    from .wordcount import Outline


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
    page_mark: str = ""  # at the head of every page: "DRAFT", or "SPECIMEN" for an example case, in its language


@dataclass(frozen=True)
class Typography:
    """The script's typesetting conventions, from the locale (``locales/<lang>/locale.yaml``)."""

    # Word's extra space between East Asian text and Latin letters or digits (off for Korean: "62명", not "62 명")
    east_asian_autospace: bool = True
    italic: bool = True  # False where the script has no italic (Hangul): emphasis takes `emphasis` instead
    emphasis: Literal["italic", "bold"] = "italic"
    # The script's own letters, as a regular-expression class ("[가-힣]"): where ``italic`` is False, text
    # without them (an English title cited in a Korean note) keeps its italics; None: all text is the script's.
    script: str | None = None
    # East Asian lines break between words only (Korean 어절), never inside one ("난민협/약")
    wrap_by_word: bool = False
    no_line_start: str = ""  # characters a line never starts with (closing brackets, punctuation)
    no_line_end: str = ""  # characters a line never ends with (opening brackets)


@dataclass(frozen=True)
class Layout:
    """How the Word writer lays the text out; set by the audience pack and locale."""

    east_asian_font: str | None = None  # e.g. "Malgun Gothic" for Korean
    latin_font: str | None = None
    numbered_paragraphs: bool = False  # UN style: top-level ordered lists run on as 1., 2., ...
    reference_docx: Path | None = None  # an organisation's own styles, page setup, header/footer
    house_style: HouseStyle = field(default_factory=HouseStyle)  # the reference built when none is given
    notes: Literal["footnotes", "endnotes", "source-lines"] = "footnotes"
    typography: Typography = field(default_factory=Typography)


@dataclass(frozen=True)
class RenderedDocument:
    """One brief in one language for one audience, ready to write."""

    markdown: str
    info: DocumentInfo
    layout: Layout = field(default_factory=Layout)
    name: str = "brief"  # file stem, e.g. "enforced-disappearances"
    language: str = "en"  # the brief's language code, used in file names
    audience: str = ""  # the audience pack it was rendered for

    def __str__(self) -> str:
        return self.markdown

    def __repr__(self) -> str:
        """One line, whatever the document's length: ``str(document)`` (or ``.markdown``) is the text."""
        draft = ", draft" if self.info.draft else ""
        return (f"<RenderedDocument {self.file_name('md')!r}: {self.info.title!r}, {self.info.language}, "
                f"{len(self.markdown):,} characters{draft}>")

    def _repr_markdown_(self) -> str:
        """Notebooks (Jupyter, VS Code) show what the document is, not its pages: ``print(document)`` shows those."""
        return (f"**{escape_markdown(self.info.title)}** ({self.audience or 'no audience'}, {self.info.language}, "
                f"{len(self.markdown):,} characters{', DRAFT' if self.info.draft else ''}): "
                f"`print(document)` shows the Markdown, `briefbuilder.save_document(document, path)` writes it.")

    def file_name(self, format: str) -> str:
        """``<brief>.<audience>.<lang>.<format>``: a build for one audience never overwrites another's files."""
        parts = (self.name, self.audience, self.language, format) if self.audience else (self.name, self.language, format)
        return ".".join(parts)

    @cached_property
    def outline(self) -> Outline:
        """What the document rules read (word counts, numbered lists): gathered once, and small.

        Never the parsed tree: kept beside the text for every document of a
        build, it would cost many times the text (see docs/performance.md).
        """
        from .wordcount import outline

        return outline(self.markdown)
