"""Memory stays proportionate: a long document is read and written a little at a time.

A 100,000-statistic brief once took 5.3 GB to build (the whole tree of its
Markdown, then the whole Word body, held at once). These tests count what the
reader and the writer hold while they work, so they fail as soon as either
goes back to holding the whole document; and they check that reading in
pieces and writing a little at a time give the very bytes of a whole read.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
from dataclasses import replace
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from briefbuilder import markdown_tree
from briefbuilder.document import DocumentInfo, RenderedDocument
from briefbuilder.markdown_tree import markdown_html, parse_markdown, read_markdown
from briefbuilder.pipeline import render_brief
from briefbuilder.wordcount import outline
from briefbuilder.write.docx import docx_bytes, package, writer

from testdata import EXAMPLE

SECTIONS = 150
PARAGRAPHS_PER_SECTION = 10
TABLE_ROWS = 3000
HELD = 600  # body elements, notes or table rows held at once: a few blocks' worth, never the document


def long_markdown() -> str:
    """A document of 1,500 noted paragraphs under 150 headings, then a 3,000-row table."""
    parts = ["# A long brief\n\nAn organisation\n"]
    note = 0
    for section in range(SECTIONS):
        parts.append(f"\n## Section {section}\n")
        for paragraph in range(PARAGRAPHS_PER_SECTION):
            note += 1
            parts.append(f"\nParagraph {paragraph} of section {section} cites a source.[^{note}]\n")
    parts.append("\n## Annex\n\n| Statistic | Value | Source |\n|---|--:|---|\n")
    for row in range(TABLE_ROWS):
        parts.append(f"| statistic {row} | {row * 7} | a *source* for row {row}[^{row % note + 1}] |\n")
    parts.append("\n")
    parts.extend(f"[^{label}]: Source {label}, page {label * 3}.\n" for label in range(1, note + 1))
    return "".join(parts)


def document(markdown: str) -> RenderedDocument:
    return RenderedDocument(markdown, DocumentInfo("A long brief", "An organisation", "en-GB", dt.date(2024, 10, 31)))


def test_the_writer_holds_a_few_elements_at_a_time_and_writes_them_all(monkeypatch: pytest.MonkeyPatch) -> None:
    streams: list[package.StreamedChildren] = []
    made = package.StreamedChildren.__init__

    def watched(self: package.StreamedChildren, *args: object, **options: object) -> None:
        made(self, *args, **options)  # type: ignore[arg-type]
        streams.append(self)

    monkeypatch.setattr(package.StreamedChildren, "__init__", watched)
    data = docx_bytes(document(long_markdown()))

    kinds = {stream._container.tag for stream in streams}
    assert kinds == {qn("w:body"), qn("w:footnotes"), qn("w:tbl")}, "the body, the notes and the long table stream"
    held = max(stream.most_held for stream in streams)
    assert held <= HELD, f"the writer held {held} elements at once"

    word = docx.Document(io.BytesIO(data))
    paragraphs = [paragraph.text for paragraph in word.paragraphs]
    assert len([text for text in paragraphs if text.startswith("Paragraph ")]) == SECTIONS * PARAGRAPHS_PER_SECTION
    [table] = word.tables
    rows = table._tbl.tr_lst
    assert len(rows) == TABLE_ROWS + 1
    assert rows[-1].tc_lst[0].xpath("string(.)") == f"statistic {TABLE_ROWS - 1}"
    widths = {cell.tcPr.tcW.w for row in rows for cell in row.tc_lst}  # every placeholder replaced by a width
    assert len(widths) == 3 and sum(widths) == sum(int(column.get(qn("w:w"))) for column in table._tbl.tblGrid)
    notes = docx.Document(io.BytesIO(data)).part.part_related_by(package.RT.FOOTNOTES).blob
    assert notes.count(b"<w:footnote ") == SECTIONS * PARAGRAPHS_PER_SECTION + TABLE_ROWS + 2  # and 2 separators


def test_the_reader_holds_a_few_blocks_and_rows_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(markdown_tree, "PIECE", 20_000)  # many pieces, the table cut between rows
    markdown = long_markdown()
    whole = parse_markdown(markdown)
    elements = sum(1 for block in whole.blocks for _ in block.iter())
    stream = read_markdown(markdown)
    blocks = rows = 0
    most = 0
    for block in stream.blocks():
        blocks += 1
        if block.tag == "table":
            for row in stream.rows(block):
                rows += 1
                assert row[0].text == f"statistic {rows - 2}" if rows > 1 else row[0].text == "Statistic"
                most = max(most, sum(1 for _ in block.getparent().iter()))
        else:
            most = max(most, sum(1 for _ in block.getparent().iter()))
    assert blocks == 2 + SECTIONS * (1 + PARAGRAPHS_PER_SECTION) + 2
    assert rows == TABLE_ROWS + 1
    assert most * 8 < elements, f"the tree held {most} of the document's {elements} elements at once"


def test_a_tree_read_in_pieces_numbers_its_note_marks_as_the_whole_text_does(monkeypatch: pytest.MonkeyPatch) -> None:
    """The writer measures a table's columns with the numbers on its note marks: pieces must not change them."""
    markdown = long_markdown()

    def mark_numbers() -> list[str]:
        return ["".join(mark.itertext()) for block in parse_markdown(markdown).blocks for mark in block.iter("sup")]

    monkeypatch.setattr(markdown_tree, "PIECE", len(markdown) + 1)  # one piece: cmark numbers every mark
    whole = mark_numbers()
    monkeypatch.setattr(markdown_tree, "PIECE", 20_000)  # each piece numbers its own marks from 1
    assert sum(1 for _ in markdown_tree._pieces(markdown)) > 5
    assert mark_numbers() == whole


SMALL_PIECE = 150_000  # characters: cmark's tree of a piece (about 20 times its text) stays a few MB


def test_cmark_parses_a_long_document_in_small_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    """A piece's tree must stay small: pieces of a million characters made the writer 1.3x slower per character."""
    parsed: list[int] = []
    parse = markdown_tree.markdown_html

    def watched(text: str) -> bytes:
        parsed.append(len(text))
        return parse(text)

    monkeypatch.setattr(markdown_tree, "markdown_html", watched)
    markdown = long_markdown()
    docx_bytes(document(markdown))
    assert len(parsed) > 1 and max(parsed) <= SMALL_PIECE, \
        f"cmark was given pieces of up to {max(parsed):,} characters of a {len(markdown):,}-character text"


def test_a_long_table_cut_many_times_is_checked_row_by_row_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each cut between rows used to check the table again from its start: quadratic in the table's length."""
    checked: list[int] = []
    rows = markdown_tree._NOT_A_TABLE_ROW

    class Counted:
        def search(self, text: str, start: int, end: int) -> object:
            checked.append(end - start)
            return rows.search(text, start, end)

    monkeypatch.setattr(markdown_tree, "_NOT_A_TABLE_ROW", Counted())
    monkeypatch.setattr(markdown_tree, "PIECE", 2_000)
    markdown = long_markdown()
    start = markdown.index("| Statistic |")
    table = markdown.index("\n\n", start) - start
    assert sum(1 for _ in markdown_tree._pieces(markdown)) > 50
    assert len(checked) > 20 and sum(checked) <= table, f"{sum(checked):,} characters checked in a {table:,}-character table"


@pytest.mark.parametrize(("audience", "language"), [("un-treaty-body", "ko"), ("general", "en"), ("un-upr", "en")])
def test_reading_in_pieces_and_writing_a_little_at_a_time_gives_the_bytes_of_a_whole_read(
        monkeypatch: pytest.MonkeyPatch, audience: str, language: str) -> None:
    rendered = render_brief(EXAMPLE, language, audience=audience)
    whole, counted = docx_bytes(rendered), outline(rendered.markdown)
    monkeypatch.setattr(markdown_tree, "PIECE", 300)  # a piece per heading, tables cut after every row
    monkeypatch.setattr(markdown_tree, "_FEED", 256)
    monkeypatch.setattr(writer, "ROWS_AT_A_TIME", 1)
    monkeypatch.setattr(writer, "ELEMENTS_AT_A_TIME", 0)
    monkeypatch.setattr(package, "SPOOL_IN_MEMORY", 1000)  # spooled to disk
    monkeypatch.setattr(package, "_COPY_CHUNK", 97)
    assert sum(1 for _ in markdown_tree._pieces(rendered.markdown)) > 5
    assert outline(rendered.markdown) == counted
    assert docx_bytes(replace(rendered)) == whole


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads the resident size from /proc")
def test_cmark_returns_its_memory() -> None:
    """cmarkgfm's own wrapper leaks its syntax tree and HTML (about 20 times the text) on every call."""
    text = long_markdown()
    markdown_html(text)
    before = _resident_kib()
    for _ in range(4):
        markdown_html(text)
    grown = _resident_kib() - before
    assert grown < len(text) * 2 // 1024, f"{grown} KiB kept after four more parses of {len(text) // 1024} KiB"


def _resident_kib() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise AssertionError("no VmRSS")
