"""The rendered Markdown as a tree: what the Word writer and the word count walk.

The render stage produces one Markdown document; everything after it reads
that document through this module, so a .docx and a word count see the same
structure. cmark-gfm (GitHub's C implementation of CommonMark, with its table
and footnote extensions, through ``cmarkgfm``) parses it, and its HTML, read
back by lxml, is the tree. A C parser because the pure-Python ones cost more
than all the rest of a Word build (see docs/performance.md).

The tree is plain HTML elements:

- blocks: ``h1``..``h6``, ``p``, ``ul``/``ol`` (``start``) of ``li``,
  ``blockquote``, ``table`` (``thead``/``tbody``, cells with ``align``),
  ``pre`` (code), ``hr``;
- inlines: text, ``em``, ``strong``, ``code``, ``a`` (``href``), ``img``
  (``alt``), ``br``, and footnote references (:func:`footnote_reference`).

Footnote definitions are taken out of the block sequence, without their HTML
back-links. Raw HTML never reaches the tree (cmark's safe mode drops it), so a
brief cannot smuggle markup into Word.

A large brief's tree is many times the size of its text, so the writers and
rules read it as a stream (:func:`read_markdown`): one top-level block at a
time, each dropped once the next is read, and each footnote definition parsed
when it is asked for. Only cmark's HTML text stays whole while a document is
read. :func:`parse_markdown` keeps the whole tree, for tests and small texts.
"""

from __future__ import annotations

import ctypes
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from cmarkgfm import _cmark, cmark
from cmarkgfm.cmark import Options
from lxml import etree

_OPTIONS = Options.CMARK_OPT_FOOTNOTES | Options.CMARK_OPT_VALIDATE_UTF8
_EXTENSIONS = ("table",)
# huge_tree: without it libxml2 cuts any text node over 10 MB, silently, and drops the rest of the document.
_HTML_BYTES = etree.HTMLParser(remove_comments=True, remove_pis=True, no_network=True, huge_tree=True,
                               encoding="utf-8")
# XML 1.0 allows tab, LF, CR and everything from U+0020 except surrogates and
# U+FFFE/U+FFFF; lxml refuses the rest, so they are removed before parsing.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
BLOCK_TAGS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote",
                        "table", "pre", "hr", "section"})
FOOTNOTE_PREFIX = "#fn-"


def xml_safe(text: str) -> str:
    """`text` without the characters XML 1.0 cannot carry (control characters)."""
    return _XML_ILLEGAL.sub("", text)


@dataclass(frozen=True)
class MarkdownTree:
    """A parsed document: its blocks in order, and its footnote definitions by label."""

    blocks: list[etree._Element]
    footnotes: dict[str, etree._Element]  # label -> the definition's <li>


def parse_markdown(markdown: str) -> MarkdownTree:
    """The whole tree at once: for tests and short texts (a document is read with :func:`read_markdown`)."""
    footnotes: dict[str, etree._Element] = {}
    stream = read_markdown(markdown, first_seen=footnotes.__setitem__)
    blocks = list(stream.blocks(keep=True))
    return MarkdownTree(blocks, footnotes)


def read_markdown(markdown: str, first_seen: Callable[[str, etree._Element], None] | None = None) -> MarkdownStream:
    """`markdown` ready to be read block by block (see :class:`MarkdownStream`); `first_seen` is told of each note."""
    return MarkdownStream(markdown, first_seen)


# cmark-gfm puts the footnote definitions last, in one section; text cannot produce this tag (it is escaped).
_NOTES_SECTION = b'<section class="footnotes" data-footnotes>'
_TABLE_BODY = b"<tbody>\n"
_TABLE_END = b"</tbody>\n</table>\n"
_FEED = 1 << 16  # bytes of HTML fed to the parser at a time: the tree never holds much more than this
_PARSER_OPTIONS = {"remove_comments": True, "remove_pis": True, "no_network": True, "huge_tree": True,
                   "encoding": "utf-8"}


class MarkdownStream:
    """A document read a top-level block at a time, and its footnote definitions by label.

    Nothing of the tree is kept between blocks, a long table is read a row at
    a time (:meth:`rows`), and a long document is handed to cmark in pieces
    (:func:`_pieces`): reading costs about one piece whatever the document's
    length. A definition is known once the block citing it has been read.
    """

    def __init__(self, markdown: str, first_seen: Callable[[str, etree._Element], None] | None = None) -> None:
        self.footnotes = FootnoteDefinitions(first_seen)
        self._parser = etree.HTMLPullParser(events=("start",), tag="body", **_PARSER_OPTIONS)
        self._parser.feed(b"<html><body>")
        self._body = next(element for _, element in self._parser.read_events())
        # a function, not a method: the collector is paused during a build, and no cycle may keep a stream alive
        self._chunks = _html(markdown, self.footnotes)
        self._closed = False

    def blocks(self, *, keep: bool = False) -> Iterator[etree._Element]:
        """The top-level blocks in order, each dropped from the tree once the next is asked for (unless `keep`).

        A table comes as soon as it starts (unless `keep`): read its rows with
        :meth:`rows`. The document can be read once.
        """
        body = self._body
        while True:
            while (len(body) < 2 and (keep or not len(body) or body[0].tag != "table")) and self._more():
                pass
            if not len(body):
                return
            block = body[0]
            self.footnotes.number_marks(block)
            yield block
            if block.tag == "table" and not keep:
                for _ in self.rows(block):  # the rest of a table its reader left
                    pass
            body.remove(block)
            if not keep:
                block.clear()

    def rows(self, table: etree._Element) -> Iterator[etree._Element]:
        """The rows of `table`, the top-level block just read, header rows first; each dropped once the next is asked for.

        A row's parent tells a header row (``thead``) from a body row while it is current.
        """
        while True:
            complete = self._closed or len(self._body) > 1
            sections = [section for section in table if section.tag in ("thead", "tbody")]
            for index, section in enumerate(sections):
                unfinished = 0 if complete or index < len(sections) - 1 else 1  # the row still being parsed
                while len(section) > unfinished:
                    row = section[0]
                    self.footnotes.number_marks(row)
                    yield row
                    section.remove(row)  # freed once its reader lets it go
            if complete:
                return
            self._more()

    def _more(self) -> bool:
        """Give the parser the next piece of HTML; False once the document has been read through."""
        chunk = next(self._chunks, None)
        if chunk is not None:
            self._parser.feed(chunk)
            return True
        if not self._closed:
            self._parser.feed(b"</body></html>")
            self._parser.close()
            self._closed = True
        return False


def _html(markdown: str, footnotes: FootnoteDefinitions) -> Iterator[bytes]:
    """cmark's HTML of `markdown`, piece by piece, in chunks; each piece's footnote definitions go to `footnotes`."""
    joined = False  # the last piece ended inside a table this one goes on with
    for text, continued in _pieces(markdown):
        html = markdown_html(text)
        notes = html.find(_NOTES_SECTION)
        if notes >= 0:
            footnotes.add(html[notes:])
        start, end = 0, notes if notes >= 0 else len(html)
        if joined:  # the table's header again, then its next rows
            start = html.index(_TABLE_BODY, 0, end) + len(_TABLE_BODY)
        if continued:
            end = html.rindex(_TABLE_END, start, end)
        joined = continued
        for position in range(start, end, _FEED):
            yield html[position:min(position + _FEED, end)]


class FootnoteDefinitions:
    """Footnote definitions by label: those of the last two pieces of the document read.

    Every piece carries the definitions it cites, and a block is read at the
    latest while the next piece starts, so a block's notes are always here;
    a document with thousands of notes never holds them all. Labels come in
    the order they are first cited, which numbers them as cmark numbers the
    marks of the whole text (:meth:`number_marks`); `first_seen` is told of
    each definition once.
    """

    def __init__(self, first_seen: Callable[[str, etree._Element], None] | None = None) -> None:
        self._numbers: dict[str, str] = {}
        self._current: dict[str, etree._Element] = {}
        self._previous: dict[str, etree._Element] = {}
        self._first_seen = first_seen
        self._pieces = 0

    def number_marks(self, element: etree._Element) -> None:
        """Print on each note mark in `element` the note's number in the whole text (a piece numbers its own)."""
        if self._pieces < 2:
            return  # the first piece's numbers are the whole text's
        for mark in element.iter("sup"):
            label = footnote_reference(mark)
            if label is not None and label in self._numbers:
                mark[0].text = self._numbers[label]

    def add(self, section: bytes) -> None:
        """Take the definitions of a piece's footnotes section."""
        parsed = etree.fromstring(b"<html><body>" + section + b"</body></html>", _HTML_BYTES)
        self._previous, self._current = self._current, {}
        self._pieces += 1
        for definition in parsed.iterfind("body/section/ol/li"):
            label = definition.get("id", "").removeprefix("fn-")
            _drop_back_links(definition)
            self._current[label] = definition
            if label not in self._numbers:
                self._numbers[label] = str(len(self._numbers) + 1)
                if self._first_seen is not None:
                    self._first_seen(label, definition)

    def __contains__(self, label: object) -> bool:
        return label in self._current or label in self._previous

    def __getitem__(self, label: str) -> etree._Element:
        """The definition of `label` (its ``<li>``, without back-links)."""
        definition = self._current.get(label)
        return definition if definition is not None else self._previous[label]


# -- cmark-gfm ----------------------------------------------------------------------------

# A long document is parsed in pieces of about this many characters, each cut before a heading and
# given the footnote definitions it cites. cmark's tree is about 20 times its text: a piece this size
# keeps the tree and its HTML to a couple of MB. With pieces of 1M characters (some 40 MB of tree, freed
# and then reused by every later allocation) the whole .docx stage ran about 1.3x slower per character
# at 1000x the worked example than at 100x, whose text was one piece (docs/performance.md).
PIECE = 1 << 16
_PLAIN_LABEL = r"[A-Za-z0-9_-]+"
_REFERENCE = re.compile(rf"\[\^({_PLAIN_LABEL})\]")
_DEFINITION_START = re.compile(rf"^\[\^({_PLAIN_LABEL})\]:", re.MULTILINE)
# In the definitions at the end: every line opens a definition, continues one (indented) or is blank.
_NOT_A_DEFINITION_LINE = re.compile(rf"^(?![ \t]|\[\^{_PLAIN_LABEL}\]:|$)", re.MULTILINE)
# Blocks that may run on across a blank line and a heading (code, HTML), or are resolved across the
# whole document (link reference definitions): a text holding one is parsed whole.
_SPANS_PIECES = re.compile(r"^[ \t>]*(?:```|~~~|<|\[[^\]]*\]:)", re.MULTILINE)
# A blank line, then a heading or a table: no open block (list, quote, table, paragraph) goes on past it.
_BLOCK_START = re.compile(r"\n\n(?=#{1,6}[ \t\n]|\|)")
_TABLE_DELIMITER = re.compile(r"\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*")
_NOT_A_TABLE_ROW = re.compile(r"\n(?!\|)")


def _pieces(markdown: str) -> Iterator[tuple[str, bool]]:
    """`markdown` as pieces cmark renders, one after another, to the HTML of the whole text.

    A piece ends before a heading or a table that follows a blank line, or
    between two rows of a long table (True: the next piece repeats the table's
    header lines, and goes on with its rows); it takes along the footnote
    definitions it cites, all of which sit at the end of a rendered document.
    A text that does not have that shape (code or HTML blocks, link reference
    definitions, notes elsewhere or with unusual labels) is one piece. What
    differs from parsing the whole text is only what the reader ignores: the
    numbers printed on note marks and their back-links.
    """
    definitions = _definition_spans(markdown) if len(markdown) > PIECE else None
    if definitions is None:
        yield markdown, False
        return
    body_end = min((begin for begin, _ in definitions.values()), default=len(markdown))
    start, header, table = 0, "", None  # table: where the table this piece goes on with starts
    while start < body_end:
        at = min(start + PIECE, body_end)
        row_cut = _between_rows(markdown, at, body_end, None if table is None else (table, start))
        if row_cut is None:
            cut = _BLOCK_START.search(markdown, at, body_end)
            end, next_header, table = (cut.end() if cut else body_end), "", None
        else:
            end, table, header_end = row_cut
            next_header = markdown[table:header_end]
        piece = header + markdown[start:end]
        cited = dict.fromkeys(label.casefold() for label in _REFERENCE.findall(piece))
        notes = [markdown[slice(*definitions[label])] for label in cited if label in definitions]
        yield "\n\n".join([piece, *notes]), bool(next_header)
        start, header = end, next_header


def _between_rows(markdown: str, at: int, limit: int,
                  going_on: tuple[int, int] | None = None) -> tuple[int, int, int] | None:
    """Where to cut the table that `at` falls in, after a body row, where that table starts and where its
    header and delimiter lines end; else None.

    `going_on` is (where the table starts, where the piece starts) when the piece goes on with a table cut
    before: its rows up to there were checked then, and are not read again (a long table is cut many
    times; reading it from its start at every cut grew with the square of its length).
    """
    line_start = markdown.rfind("\n", 0, at) + 1
    if not markdown.startswith("|", line_start):
        return None
    if going_on is not None and markdown.find("\n\n", going_on[1], line_start) < 0:
        table_start, checked = going_on  # still that table: no blank line since the last cut
    else:
        table_start = markdown.rfind("\n\n", 0, line_start)
        table_start = checked = 0 if table_start < 0 else table_start + 2
    header_end = markdown.find("\n", table_start) + 1
    delimiter_end = markdown.find("\n", header_end) + 1
    if not header_end or not delimiter_end or _NOT_A_TABLE_ROW.search(markdown, checked, line_start - 1) \
            or not _TABLE_DELIMITER.fullmatch(markdown, header_end, delimiter_end - 1):
        return None
    cut = markdown.find("\n", max(at, delimiter_end)) + 1  # after the row `at` is in, or the first body row
    if not cut or cut >= limit or not markdown.startswith("|", cut):
        return None
    return cut, table_start, delimiter_end


def _definition_spans(markdown: str) -> dict[str, tuple[int, int]] | None:
    """Where each footnote definition's text is, by case-folded label; None if the text cannot be cut in pieces."""
    first = _DEFINITION_START.search(markdown)
    body_end = first.start() if first else len(markdown)
    if (first and not markdown.endswith("\n\n", 0, body_end)) or _SPANS_PIECES.search(markdown, 0, body_end) \
            or _NOT_A_DEFINITION_LINE.search(markdown, body_end):
        return None
    starts = list(_DEFINITION_START.finditer(markdown, body_end))
    # every note mark in the text has a plain label, and no definition cites another
    if markdown.count("[^", 0, body_end) != sum(1 for _ in _REFERENCE.finditer(markdown, 0, body_end)) \
            or markdown.count("[^", body_end) != len(starts):
        return None
    spans = {match[1].casefold(): (match.start(), following.start() if following else len(markdown))
             for match, following in zip(starts, [*starts[1:], None])}
    return spans if len(spans) == len(starts) else None


# cmarkgfm's own markdown_to_html_with_extensions never frees the syntax tree nor the HTML it renders
# (about 20 times the text, every call: 800 MB for a 100,000-statistic brief; a long-running process
# building many small briefs would keep every one). Its C library exports what frees them; they are
# reached here through the same shared object with ctypes (declaring them with cffi's cdef parsed C at
# every start: 20 ms of a cold build).
class _Allocator(ctypes.Structure):
    _fields_ = [("calloc", ctypes.c_void_p), ("realloc", ctypes.c_void_p),
                ("free", ctypes.CFUNCTYPE(None, ctypes.c_void_p))]


def _cmark_library() -> Any:
    """cmark-gfm's C library, for the functions that free; None where its shared object does not export them."""
    try:
        library = ctypes.CDLL(_cmark.__file__)
        library.cmark_node_free.argtypes, library.cmark_node_free.restype = [ctypes.c_void_p], None
        library.cmark_get_default_mem_allocator.restype = ctypes.POINTER(_Allocator)
    except (OSError, AttributeError):
        return None
    return library


_CMARK = _cmark_library()
_CMARK_FEED = 1 << 20  # characters of Markdown encoded and fed to cmark at a time (a piece may be the whole text)


def markdown_html(markdown: str) -> bytes:
    """cmark-gfm's HTML (UTF-8) for `markdown`, with footnotes and tables, every byte of its memory returned."""
    lib, ffi = _cmark.lib, _cmark.ffi
    cmark.core_extensions_ensure_registered()
    parser = lib.cmark_parser_new(_OPTIONS)
    root = html = ffi.NULL
    try:
        for name in _EXTENSIONS:
            lib.cmark_parser_attach_syntax_extension(parser, cmark.find_syntax_extension(name))
        text = xml_safe(markdown)
        for start in range(0, len(text), _CMARK_FEED):  # cmark takes its input in pieces of any size
            piece = text[start:start + _CMARK_FEED].encode("utf-8")
            lib.cmark_parser_feed(parser, piece, len(piece))
        root = lib.cmark_parser_finish(parser)
        html = lib.cmark_render_html(root, _OPTIONS, lib.cmark_parser_get_syntax_extensions(parser))
        return ffi.string(html)
    finally:
        if _CMARK is not None:  # else they are kept, as cmarkgfm's own wrapper keeps them
            if html != ffi.NULL:
                _CMARK.cmark_get_default_mem_allocator().contents.free(int(ffi.cast("uintptr_t", html)))
            if root != ffi.NULL:
                _CMARK.cmark_node_free(int(ffi.cast("uintptr_t", root)))
        lib.cmark_parser_free(parser)


def footnote_reference(element: etree._Element) -> str | None:
    """The label a ``<sup class="footnote-ref">`` points at, or None for any other element."""
    if element.tag != "sup" or element.get("class") != "footnote-ref" or not len(element):
        return None
    href = element[0].get("href", "")
    return href[len(FOOTNOTE_PREFIX):] if href.startswith(FOOTNOTE_PREFIX) else None


def inline_parts(element: etree._Element) -> Iterator[str | etree._Element]:
    """The text and child elements of `element`, in document order (lxml keeps text in tails)."""
    if element.text:
        yield element.text
    for child in element:
        yield child
        if child.tail:
            yield child.tail


def visible_text(element: etree._Element) -> str:
    """The text a reader sees in `element`: link texts yes, footnote marks no."""
    pieces: list[str] = []
    _collect_visible_text(element, pieces)
    return "".join(pieces)


def _collect_visible_text(node: etree._Element, pieces: list[str]) -> None:
    # A function of its own, not a closure calling itself: that is a reference cycle per call, which
    # the paused collector of a build would keep, with every text it collected.
    if node.text:
        pieces.append(node.text)
    for child in node:
        if footnote_reference(child) is None:
            _collect_visible_text(child, pieces)
        if child.tail:
            pieces.append(child.tail)


def block_parts(element: etree._Element) -> Iterator[etree._Element | list[str | etree._Element]]:
    """The blocks inside a list item or note; each paragraph comes as its list of inlines.

    A tight list item holds its text directly (``<li>text<ul>...``), a loose one
    in ``<p>``: both read the same way here.
    """
    pending: list[str | etree._Element] = []
    for part in inline_parts(element):
        if isinstance(part, str) or part.tag not in BLOCK_TAGS:
            pending.append(part)
            continue
        if _has_content(pending):
            yield _trimmed(pending)
        pending = []
        yield list(inline_parts(part)) if part.tag == "p" else part
    if _has_content(pending):
        yield _trimmed(pending)


def _has_content(parts: list[str | etree._Element]) -> bool:
    return any(not isinstance(part, str) or part.strip() for part in parts)


def _trimmed(parts: list[str | etree._Element]) -> list[str | etree._Element]:
    """Loose text without the line breaks that separate it from the blocks around it."""
    if isinstance(parts[0], str):
        parts[0] = parts[0].lstrip("\n")
    if isinstance(parts[-1], str):
        parts[-1] = parts[-1].rstrip("\n")
    return parts


_BACK_LINKS = etree.XPath(".//a[contains(@class, 'footnote-backref')]")  # compiled once: a note has one or more


def _drop_back_links(definition: etree._Element) -> None:
    """Remove a definition's HTML back-links (↩) and the space before them: Word links notes itself."""
    for link in _BACK_LINKS(definition):
        parent, previous = link.getparent(), link.getprevious()
        tail = link.tail or ""
        if previous is not None:
            previous.tail = ((previous.tail or "") + tail).rstrip()
        else:
            parent.text = ((parent.text or "") + tail).rstrip()
        parent.remove(link)
