"""The HWPX (한/글) file of every pack and language, read back without the library that wrote it.

python-hwpx writes the file and checks it with its own validators (package
structure, the OWPML schemas). The contents are then read by a reader of our
own, with zipfile and lxml and nothing of python-hwpx, and compared with the
.docx of the same rendered document, read the same way: the same paragraphs,
headings, table cells and notes. The Korean government report is checked for
what makes it a ministry report: the boxed title and 요약, the □ ○ - levels
with hanging indents, the ※ source lines, its fonts and page.
"""

from __future__ import annotations

import io
import re
import sys
import zipfile
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree
from testdata import EXAMPLE

from briefbuilder import OutputError
from briefbuilder.cli import main
from briefbuilder.document import RenderedDocument
from briefbuilder.pipeline import render_brief
from briefbuilder.write import document_bytes
from briefbuilder.write import hwpx as hwpx_writer

hwpx = pytest.importorskip("hwpx", reason="the hwpx extra (python-hwpx) is not installed")
from hwpx.tools.package_validator import validate_package
from hwpx.tools.validator import validate_document

AUDIENCES = ("general", "un-upr", "un-treaty-body", "un-wgeid", "gov-briefing")
LANGUAGES = ("ko", "en")
HP = "{http://www.hancom.co.kr/hwpml/2011/paragraph}"
HH = "{http://www.hancom.co.kr/hwpml/2011/head}"
HC = "{http://www.hancom.co.kr/hwpml/2011/core}"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
HWPUNIT_PER_MM = 7200 / 25.4
_SPECIAL_CHARACTERS = {f"{HP}tab": "\t", f"{HP}lineBreak": "\n", f"{HP}nbSpace": "\u00a0", f"{HP}fwSpace": "\u3000"}


# -- an HWPX reader of our own: zipfile and lxml -------------------------------------------


@dataclass(frozen=True)
class Paragraph:
    text: str
    style: str  # the style's name in header.xml (바탕글, 개요 1, ...)
    left: int  # HWPUNIT
    first_line: int  # HWPUNIT; negative: hanging
    table: tuple[int, int] | None  # (rows, columns) of the table holding it, None in the body
    border: str | None  # the rule of that table ("0.4 mm")
    size: int  # the first run's height, 1/100 pt


@dataclass(frozen=True)
class HwpxReading:
    paragraphs: list[Paragraph]
    notes: list[str]  # footnotes and endnotes, in order
    tables: list[list[list[str]]]  # every table of more than one cell: rows of cell texts
    header: etree._Element
    section: etree._Element


def _text(element: etree._Element) -> str:
    """The text of ``hp:t`` elements directly in `element`'s runs: tabs and line breaks kept, notes and tables not."""
    pieces = []
    for run in element.findall(f"{HP}run"):
        for t in run.findall(f"{HP}t"):
            pieces.append(t.text or "")
            for child in t:
                pieces.append(_SPECIAL_CHARACTERS.get(child.tag, ""))
                pieces.append(child.tail or "")
    return "".join(pieces)


def read_hwpx(data: bytes) -> HwpxReading:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        header = etree.fromstring(package.read("Contents/header.xml"))
        section = etree.fromstring(package.read("Contents/section0.xml"))
    styles = {style.get("id"): style.get("name") for style in header.iter(f"{HH}style")}
    margins = {}
    for shape in header.iter(f"{HH}paraPr"):
        # 한/글 since 2016 reads the case for its HwpUnitChar namespace (the default is for older readers)
        margin = shape.find(f"{HP}switch/{HP}case/{HH}margin")
        margin = margin if margin is not None else shape.find(f"{HH}margin")
        margins[shape.get("id")] = (int(margin.find(f"{HC}left").get("value")),
                                    int(margin.find(f"{HC}intent").get("value")))
    sizes = {shape.get("id"): int(shape.get("height")) for shape in header.iter(f"{HH}charPr")}
    rules = {fill.get("id"): fill.find(f"{HH}leftBorder").get("width") for fill in header.iter(f"{HH}borderFill")}
    paragraphs: list[Paragraph] = []
    tables: list[list[list[str]]] = []

    def walk(p: etree._Element, table: tuple[int, int] | None, border: str | None) -> None:
        runs = p.findall(f"{HP}run")
        left, first_line = margins[p.get("paraPrIDRef")]
        paragraphs.append(Paragraph(_text(p), styles.get(p.get("styleIDRef"), ""), left, first_line, table, border,
                                    sizes.get(runs[-1].get("charPrIDRef"), 0) if runs else 0))
        for tbl in p.iterfind(f"{HP}run/{HP}tbl"):
            shape = (int(tbl.get("rowCnt")), int(tbl.get("colCnt")))
            rows = []
            for tr in tbl.findall(f"{HP}tr"):
                row = []
                for tc in tr.findall(f"{HP}tc"):
                    cell = tc.findall(f"{HP}subList/{HP}p")
                    row.append(" ".join(_text(q) for q in cell))
                    for q in cell:
                        walk(q, shape, rules.get(tbl.get("borderFillIDRef")))
                rows.append(row)
            if shape != (1, 1):
                tables.append(rows)

    for p in section.findall(f"{HP}p"):
        walk(p, None, None)
    notes = [" ".join(_text(p) for p in note.findall(f"{HP}subList/{HP}p"))
             for note in section.iter(f"{HP}footNote", f"{HP}endNote")]
    return HwpxReading(paragraphs, notes, tables, header, section)


# -- the .docx of the same document, read the same way ------------------------------------


@dataclass(frozen=True)
class DocxReading:
    paragraphs: list[tuple[str, str, int | None]]  # (text, style id, list level or None)
    notes: list[str]
    tables: list[list[list[str]]]


def _docx_text(p: etree._Element) -> str:
    pieces = []
    for node in p.iter(f"{W}t", f"{W}tab", f"{W}br"):
        pieces.append(node.text or "" if node.tag == f"{W}t" else "\t" if node.tag == f"{W}tab" else "\n")
    return "".join(pieces)


def read_docx(data: bytes) -> DocxReading:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        body = etree.fromstring(package.read("word/document.xml")).find(f"{W}body")
        note_parts = [etree.fromstring(package.read(name)) for name in ("word/footnotes.xml", "word/endnotes.xml")
                      if name in package.namelist()]
    paragraphs: list[tuple[str, str, int | None]] = []
    tables: list[list[list[str]]] = []

    def walk(element: etree._Element) -> None:
        for child in element:
            if child.tag == f"{W}p":
                style = child.find(f"{W}pPr/{W}pStyle")
                level = child.find(f"{W}pPr/{W}numPr/{W}ilvl")
                paragraphs.append((_docx_text(child), style.get(f"{W}val") if style is not None else "",
                                   int(level.get(f"{W}val")) if level is not None else None))
            elif child.tag == f"{W}tbl":
                rows = [[" ".join(_docx_text(p) for p in tc.findall(f"{W}p")) for tc in tr.findall(f"{W}tc")]
                        for tr in child.findall(f"{W}tr")]
                if len(rows) > 1 or len(rows[0]) > 1:
                    tables.append(rows)
                for tc in child.iter(f"{W}tc"):
                    walk(tc)

    walk(body)
    notes = [" ".join(_docx_text(p) for p in note.findall(f"{W}p"))
             for part in note_parts for note in part if int(note.get(f"{W}id")) > 0]
    return DocxReading(paragraphs, notes, tables)


def _words(text: str) -> str:
    return " ".join(text.split())


def _without_marker(paragraph: Paragraph) -> str:
    """A list item's or ※ line's text without the marker typed before its tab (Word draws its markers itself)."""
    return paragraph.text.split("\t", 1)[1] if paragraph.first_line < 0 and "\t" in paragraph.text else paragraph.text


# -- the documents --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def documents() -> dict[tuple[str, str], RenderedDocument]:
    return {(audience, language): render_brief(EXAMPLE, language, audience=audience)
            for audience in AUDIENCES for language in LANGUAGES}


@pytest.fixture(scope="module")
def files(documents: dict[tuple[str, str], RenderedDocument]) -> dict[tuple[str, str], tuple[bytes, bytes]]:
    """(hwpx, docx) of every pack and language."""
    return {key: (document_bytes(document, "hwpx"), document_bytes(document, "docx"))
            for key, document in documents.items()}


KEYS = [(audience, language) for audience in AUDIENCES for language in LANGUAGES]


@pytest.mark.parametrize("key", KEYS, ids=lambda key: ".".join(key))
def test_the_library_validators_pass(files: dict, key: tuple[str, str], tmp_path: Path) -> None:
    path = tmp_path / "brief.hwpx"
    path.write_bytes(files[key][0])
    package = validate_package(path)
    assert package.ok, package.errors
    schema = validate_document(path)
    assert schema.ok, [str(issue) for issue in schema.issues]
    assert hwpx.HwpxDocument.open(path).validate().ok


@pytest.mark.parametrize("key", KEYS, ids=lambda key: ".".join(key))
def test_an_independent_reader_finds_the_text_headings_tables_and_notes_of_the_docx(files: dict,
                                                                                   key: tuple[str, str]) -> None:
    hwpx_file, docx_file = read_hwpx(files[key][0]), read_docx(files[key][1])
    # every paragraph, in order: the title, its block, boxes, list items, ※ lines, table cells
    assert [_words(_without_marker(p)) for p in hwpx_file.paragraphs if _without_marker(p).strip()] == \
        [_words(text) for text, _, _ in docx_file.paragraphs if text.strip()]
    headings = [(int(p.style.split()[1]), _words(p.text)) for p in hwpx_file.paragraphs if p.style.startswith("개요")]
    assert headings == [(int(style.removeprefix("Heading")), _words(text))
                        for text, style, _ in docx_file.paragraphs if style.startswith("Heading")]
    assert headings, "no heading found"
    assert hwpx_file.tables == docx_file.tables
    assert [_words(note) for note in hwpx_file.notes] == [_words(note) for note in docx_file.notes]


def test_every_pack_has_notes_numbered_in_order_and_the_un_packs_have_tables(files: dict) -> None:
    """The comparison above compares something: notes in every document, the tables of the UN packs."""
    for key, (hwpx_bytes, _) in files.items():
        reading = read_hwpx(hwpx_bytes)
        source_lines = [p for p in reading.paragraphs if p.text.startswith("\u203b\t")]
        assert reading.notes or source_lines, key
        notes = list(reading.section.iter(f"{HP}footNote", f"{HP}endNote"))
        numbers = [(int(note.get("number")), int(note.find(f".//{HP}autoNum").get("num"))) for note in notes]
        assert numbers == [(number, number) for number in range(1, len(notes) + 1)], key  # numbered in order
    assert any(read_hwpx(files[(audience, "en")][0]).tables for audience in AUDIENCES if audience.startswith("un-"))


# -- the Korean government report -----------------------------------------------------------


@pytest.fixture(scope="module")
def report(files: dict) -> HwpxReading:
    return read_hwpx(files[("gov-briefing", "ko")][0])


def test_the_report_title_and_summary_are_boxed(report: HwpxReading, documents: dict) -> None:
    title = next(p for p in report.paragraphs if p.text)
    assert title.text == documents[("gov-briefing", "ko")].markdown.splitlines()[0].removeprefix("# ")
    assert (title.table, title.border) == ((1, 1), hwpx_writer.TITLE_RULE)
    assert title.size == 2200  # HY헤드라인M 22 pt (document-style.md A5)
    boxed = [p for p in report.paragraphs if p.table == (1, 1) and p.border == hwpx_writer.BOX_RULE]
    assert boxed[0].text == "요약"
    assert [p.text.split("\t")[0] for p in boxed[1:] if p.first_line < 0] == ["□", "\u203b", "□", "□"]


def test_the_report_levels_hang_from_their_markers(report: HwpxReading, files: dict, documents: dict) -> None:
    """□ ○ - · by level, each level a step right of its parent, wrapped lines under the text (A9)."""
    house = documents[("gov-briefing", "ko")].layout.house_style
    docx_levels = [level for text, style, level in read_docx(files[("gov-briefing", "ko")][1]).paragraphs
                   if style.startswith("ListBullet")]
    items = [p for p in report.paragraphs if p.first_line < 0 and not p.text.startswith("\u203b")]
    assert len(items) == len(docx_levels)
    assert {0, 1} <= set(docx_levels)
    for item, level in zip(items, docx_levels):
        assert item.text.split("\t")[0] == house.bullets[level], item.text
        assert abs(item.left - level * house.list_step * HWPUNIT_PER_MM) <= 2, item
        assert abs(item.first_line + house.list_hanging * HWPUNIT_PER_MM) <= 2, item
        assert item.size == house.size * 100


def test_the_report_notes_its_sources_under_each_block_not_in_footnotes(report: HwpxReading, files: dict) -> None:
    lines = [p for p in report.paragraphs if p.text.startswith("\u203b\t")]
    docx_lines = [text for text, style, _ in read_docx(files[("gov-briefing", "ko")][1]).paragraphs
                  if style == "SourceLine"]
    assert [_without_marker(p) for p in lines] == docx_lines
    assert len(lines) == 4 and all(p.text.startswith("\u203b\t출처: ") for p in lines)
    assert report.notes == []
    # under its block: the line after the last ○ of the block, indented to the ○ level
    index = report.paragraphs.index(lines[1])
    assert report.paragraphs[index - 1].text.startswith("○\t")
    assert lines[1].left == report.paragraphs[index - 1].left
    # the English briefing note keeps its footnotes, as its pack says
    assert read_hwpx(files[("gov-briefing", "en")][0]).notes


def test_the_report_fonts_page_and_page_number(report: HwpxReading) -> None:
    fonts = {(font.get("face"), font.find(f"{HH}substFont").get("face") if font.find(f"{HH}substFont") is not None
              else None) for font in report.header.iter(f"{HH}font")}
    assert {("휴먼명조", "NanumMyeongjo"), ("HY헤드라인M", "NanumGothic")} <= fonts
    page = report.section.find(f".//{HP}pagePr")
    margin = page.find(f"{HP}margin")
    assert (round(int(page.get("width")) / HWPUNIT_PER_MM), round(int(page.get("height")) / HWPUNIT_PER_MM)) == \
        (210, 297)  # A4
    assert [round(int(margin.get(side)) / HWPUNIT_PER_MM) for side in ("top", "bottom", "left", "right")] == \
        [15, 15, 20, 20]  # document-style.md A4
    assert report.section.find(f".//{HP}footer//{HP}autoNum[@numType='PAGE']") is not None
    body = [p for p in report.paragraphs if p.table is None and p.first_line < 0 and p.text.startswith("□")]
    assert {p.size for p in body} == {1500}  # 휴먼명조 15 pt
    assert any("2024. 11. 20." in p.text.replace("\u00a0", " ") for p in report.paragraphs)


# -- the guarantees of every format ---------------------------------------------------------


def test_identical_input_gives_identical_bytes(documents: dict) -> None:
    """python-hwpx numbers paragraphs at random: two builds of one document must still be the same file."""
    document = documents[("un-upr", "en")]
    first, second = document_bytes(document, "hwpx"), document_bytes(document, "hwpx")
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as package:
        assert package.namelist()[0] == "mimetype"
        assert package.getinfo("mimetype").compress_type == zipfile.ZIP_STORED
        content = package.read("Contents/content.hpf").decode()
    assert "synthetic-fixture-author" not in content and document.info.author in content


def test_without_python_hwpx_the_build_stops_with_how_to_install(monkeypatch: pytest.MonkeyPatch,
                                                                  tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "hwpx", None)  # import hwpx now raises ImportError
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(EXAMPLE), "--audience", "gov-briefing", "--lang", "ko",
                                       "--format", "md,hwpx", "-o", str(out)])
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert lines == [("error: --format hwpx: HWPX output needs python-hwpx, which is not installed "
                      "(install it with: pip install 'briefbuilder[hwpx]')")]
    assert not out.exists() or not any(out.iterdir())  # all or nothing: not even the Markdown


def test_the_cli_writes_hwpx(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["build", str(EXAMPLE), "--audience", "gov-briefing", "--lang", "ko",
                                       "--format", "hwpx", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    written = tmp_path / "enforced-disappearances.gov-briefing.ko.hwpx"
    assert next(p for p in read_hwpx(written.read_bytes()).paragraphs if p.text).text.startswith("국가보위성")


def test_a_document_past_the_budget_is_refused_by_name(documents: dict, monkeypatch: pytest.MonkeyPatch) -> None:
    document = documents[("general", "en")]
    monkeypatch.setattr(hwpx_writer, "MAX_MARKDOWN_CHARS", len(document.markdown) - 1)
    with pytest.raises(OutputError, match=re.escape(f"{document.file_name('hwpx')}: ")) as error:
        document_bytes(document, "hwpx")
    assert "docx" in error.value.problems[0].hint


# -- a second reader from elsewhere: hwpx-tomd (MIT, lxml only, knows nothing of python-hwpx) --


@pytest.mark.parametrize("key", KEYS, ids=lambda key: ".".join(key))
def test_hwpx_tomd_reads_every_paragraph_and_note_of_the_docx(files: dict, key: tuple[str, str],
                                                             tmp_path: Path) -> None:
    """hwpx-tomd sets a note's text where its mark is and drops 한/글's no-break spaces: compared without
    spaces, each note is found, and with the notes taken out every paragraph is found, in order."""
    hwpx_tomd = pytest.importorskip("hwpx_tomd")
    path = tmp_path / "brief.hwpx"
    path.write_bytes(files[key][0])
    result = hwpx_tomd.convert(path)
    assert result.warnings == []
    text = re.sub(r"\s+", "", result.markdown)
    docx_file = read_docx(files[key][1])
    for note in docx_file.notes:
        squeezed = re.sub(r"\s+", "", note)
        assert squeezed in text, note
        text = text.replace(squeezed, "", 1)
    position = 0
    for paragraph, _, _ in docx_file.paragraphs:
        squeezed = re.sub(r"\s+", "", paragraph)
        found = text.find(squeezed, position)
        assert found >= 0, paragraph
        position = found + len(squeezed)


def test_a_draft_says_so_at_the_head_of_every_page(documents: dict) -> None:
    document = documents[("gov-briefing", "ko")]
    draft = replace(document, info=replace(document.info, draft=True, page_mark="초안"))
    section = read_hwpx(document_bytes(draft, "hwpx")).section
    assert next(_text(p) for p in section.iterfind(f".//{HP}header//{HP}p")) == "초안"
    assert section.find(f".//{HP}headerApply") is not None
    assert read_hwpx(document_bytes(document, "hwpx")).section.find(f".//{HP}header") is None


def test_latin_and_hangul_take_the_house_style_faces(files: dict, documents: dict) -> None:
    """A UN submission in Korean: Hangul in the Korean face, Latin letters and digits in the Latin one, as in Word."""
    layout = documents[("un-upr", "ko")].layout
    latin = layout.latin_font or layout.house_style.font
    hangul = layout.house_style.east_asian_font or layout.east_asian_font
    assert latin != hangul
    reading = read_hwpx(files[("un-upr", "ko")][0])
    faces = {(fontface.get("lang"), font.get("id")): font.get("face")
             for fontface in reading.header.iter(f"{HH}fontface") for font in fontface.iter(f"{HH}font")}
    body = next(p for p in reading.section.iter(f"{HP}p") if "전환기정의워킹그룹" in _text(p))
    shape = next(item for item in reading.header.iter(f"{HH}charPr")
                 if item.get("id") == body.find(f"{HP}run").get("charPrIDRef"))
    reference = shape.find(f"{HH}fontRef")
    assert (faces[("HANGUL", reference.get("hangul"))], faces[("LATIN", reference.get("latin"))]) == (hangul, latin)
