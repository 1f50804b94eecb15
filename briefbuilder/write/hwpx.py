"""Write a rendered brief as an HWPX document, the open format of Hancom Office 한/글 (OWPML, KS X 6101).

Korean ministries write and file their reports in 한/글; a 개조식 report sent
as .docx is converted by its reader, and its boxes and levels move. This
writer reads the same Markdown the Word writer reads (the rendered document)
and builds the file with python-hwpx, an optional dependency
(``pip install 'briefbuilder[hwpx]'``), on that library's blank document. The
look comes from the house style the Word file is built from
(:class:`~briefbuilder.house_style.HouseStyle`):

- the first ``#`` heading is the title, in a one-cell box when the house style
  boxes its title (a ministry report's title line, document-style.md A10) or
  over a rule; the lines after it are the title block; ``##``.. are headings,
  on 한/글's 개요 styles but without their automatic numbers (the text
  carries its own);
- a list item starts with its marker typed as a character (□ ○ - ·, or its
  number), then a tab that reaches 한/글's automatic tab at the hanging
  indent, so wrapped lines align under the text (A9); each level starts the
  house style's step right of its parent;
- a block quote is a bordered one-cell box when the house style says so (the 요약 box);
- notes are 한/글 footnotes (각주) or endnotes (미주), or ※ lines under
  their block (``layout.notes``), as in the Word file;
- fonts are the house style's faces, each with its free fallback as 한/글's
  substitute font (``hh:substFont``); page size and margins are the house
  style's, the page number is in the footer.

Identical input gives identical bytes: python-hwpx numbers paragraphs, tables
and notes at random, so the ids are renumbered in document order and the
package is written again with fixed time stamps.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from lxml import etree

from briefbuilder.document import RenderedDocument
from briefbuilder.errors import OutputError
from briefbuilder.house_style import HouseStyle
from briefbuilder.markdown_tree import (
    FootnoteDefinitions,
    MarkdownStream,
    block_parts,
    footnote_reference,
    inline_parts,
    read_markdown,
    visible_text,
    xml_safe,
)
from briefbuilder.write.blocks import HEADING_LEVELS, BlockWriter, Inlines
from briefbuilder.write.docx.package import reproducible_entry, zip_timestamp
from briefbuilder.write.docx.tables import ColumnMeasure, column_widths

if TYPE_CHECKING:
    from hwpx import HwpxDocument
    from hwpx.oxml import HwpxOxmlParagraph, HwpxOxmlTableCell

Element = etree._Element
INSTALL_HINT = "install it with: pip install 'briefbuilder[hwpx]'"
# python-hwpx holds the whole document in memory (it cannot write a little at a time, as the Word
# writer does): a longer document is refused by name rather than left to exhaust the machine.
MAX_MARKDOWN_CHARS = 1_000_000
HWPUNIT_PER_MM = 7200 / 25.4
HWPUNIT_PER_TWIP = 5
# 한/글's line spacing is a percentage of the font size; Word's single line is about 1.2 of it for the
# house styles' fonts, so the Korean report's 1.3 in Word is 156 % in 한/글 (160 % in document-style.md A5).
WORD_SINGLE_LINE = 1.2
TITLE_RULE = "0.5 mm"  # the Word title box's 1.5 pt rule
BOX_RULE = "0.4 mm"  # the 요약 box's 1 pt rule
THIN_RULE = "0.12 mm"
BOX_PADDING = round(2 * HWPUNIT_PER_MM)  # between a box's rule and its text, as in Word
QUOTE_INDENT_MM = 10
NUMBER_GUTTER_MM = 10  # UN style: a paragraph's number hangs in a 1 cm gutter
SOURCE_LINE_MARKER = "\u203b"  # ※
NOTE_MARK_SEPARATOR = ","
_HEADING_STYLES = 10  # 한/글's 개요 1..10
_ALIGN = {"left": "LEFT", "center": "CENTER", "right": "RIGHT", "justify": "JUSTIFY"}
_HP = "http://www.hancom.co.kr/hwpml/2011/paragraph"
_OPF = "http://www.idpf.org/2007/opf/"
_RENUMBERED = {  # the attributes python-hwpx fills with random numbers, by element
    f"{{{_HP}}}p": "id",
    f"{{{_HP}}}tbl": "id",
    f"{{{_HP}}}footNote": "instId",
    f"{{{_HP}}}endNote": "instId",
    f"{{{_HP}}}header": "id",
    f"{{{_HP}}}footer": "id",
}
_REFERRED = frozenset({f"{{{_HP}}}header", f"{{{_HP}}}footer"})  # ids that ...Apply elements refer to
_REFERENCES = (f"{{{_HP}}}headerApply", f"{{{_HP}}}footerApply")
_SPACES = re.compile(r"[ \t\r\n]+")
_SECTION_PART = re.compile(r"Contents/section\d+\.xml")
PREVIEW_CHARS = 1024  # 한/글's preview text (shown before a file is opened): the document's first lines
PREVIEW_TEXT = "Preview/PrvText.txt"
PREVIEW_IMAGE = "Preview/PrvImage.png"  # the blank document's thumbnail: a picture of another document


def hwpx_bytes(document: RenderedDocument) -> bytes:
    """The .hwpx of `document`; identical input gives identical bytes."""
    if len(document.markdown) > MAX_MARKDOWN_CHARS:
        raise OutputError.at(None, "--format hwpx",
                             f"{document.file_name('hwpx')}: {len(document.markdown):,} characters of text is more "
                             f"than the HWPX writer holds ({MAX_MARKDOWN_CHARS:,})",
                             "write this document as docx, which is written a little at a time")
    built = _library().HwpxDocument.new()
    writer = _Writer(built, document)
    writer.write(read_markdown(document.markdown))
    return _reproducible(built.to_bytes(), document, writer.title or document.info.title, writer.preview)


def _library() -> Any:
    """python-hwpx, or the one-line error saying how to install it."""
    try:
        import hwpx
    except ImportError as error:
        raise OutputError.at(None, "--format hwpx", "HWPX output needs python-hwpx, which is not installed",
                             INSTALL_HINT) from error
    return hwpx


# -- shapes: 한/글's character and paragraph properties, one for each look -------------------


@dataclass(frozen=True)
class _Run:
    """A character look: size in points, weight, slant, the title and heading faces, colour."""

    size: float
    bold: bool = False
    italic: bool = False
    heading: bool = False
    colour: str | None = None
    superscript: bool = False


@dataclass(frozen=True)
class _Para:
    """A paragraph look; lengths in millimetres, spacing in points."""

    align: str = "left"
    line_spacing: float = 1.0  # Word's multiple of a single line
    left: float = 0.0
    first_line: float = 0.0  # negative: a hanging indent, wrapped lines under the text
    before: float = 0.0
    after: float = 0.0
    keep_with_next: bool = False
    rule_below: str | None = None  # a rule's colour ("#1F3864")


class _Shapes:
    """The house style as 한/글 shapes: each look becomes one ``charPr`` or ``paraPr`` when first used."""

    def __init__(self, built: HwpxDocument, house: HouseStyle, body: tuple[str, str], heading: tuple[str, str]) -> None:
        self._built = built
        self._faces = {False: body, True: heading}  # (Latin, Hangul)
        for face in dict.fromkeys((*body, *heading)):
            fallback = house.font_fallbacks.get(face)
            built.styles.ensure_font(face, subst_face=fallback, subst_type="TTF" if fallback else None)
        self._runs: dict[_Run, str] = {}
        self._paragraphs: dict[_Para, str] = {}

    def run(self, look: _Run) -> str:
        """The ``charPr`` id of `look`."""
        if look not in self._runs:
            latin, hangul = self._faces[look.heading]
            char_id = self._built.styles.ensure_run(
                font=hangul, size=look.size, bold=look.bold, italic=look.italic,
                color=f"#{look.colour}" if look.colour else None, script="sup" if look.superscript else None)
            if latin != hangul:
                char_id = self._with_latin_face(char_id, latin)
            self._runs[look] = char_id
        return self._runs[look]

    def _with_latin_face(self, char_id: str, latin: str) -> str:
        """A copy of ``charPr`` `char_id` whose Latin letters and digits take `latin`, as in Word
        (python-hwpx sets one face for every script)."""
        header = self._built.oxml.headers[0]
        properties = header.element.find(".//{*}charProperties")
        copied = copy.deepcopy(next(item for item in properties if item.get("id") == char_id))
        copied.set("id", str(max(int(item.get("id", "0")) for item in properties) + 1))
        copied.find("{*}fontRef").set("latin", (header.font_ref_for_face(latin) or {}).get("latin", "0"))
        properties.append(copied)
        properties.set("itemCnt", str(len(properties)))
        return copied.get("id", "")

    def paragraph(self, look: _Para, paragraph: HwpxOxmlParagraph) -> None:
        """Give `paragraph` the ``paraPr`` of `look` (made on this paragraph the first time)."""
        if look in self._paragraphs:
            paragraph.para_pr_id_ref = self._paragraphs[look]
            return
        self._built.styles.apply_paragraph_format(
            paragraphs=[paragraph], alignment=_ALIGN[look.align],
            line_spacing_percent=round(look.line_spacing * WORD_SINGLE_LINE * 100),
            indent_left_mm=look.left, first_line_indent_mm=look.first_line,
            spacing_before_pt=look.before, spacing_after_pt=look.after, keep_with_next=look.keep_with_next,
            auto_tab_left=look.first_line < 0,
            border={"sides": ("bottom",), "color": look.rule_below, "width": THIN_RULE} if look.rule_below else None)
        self._paragraphs[look] = paragraph.para_pr_id_ref or "0"

    def box(self, rule: str) -> str:
        """The ``borderFill`` id of a box drawn with a black rule `rule` wide."""
        return self._built.styles.ensure_border_fill(border_color="#000000", border_width=rule)


# -- the body -------------------------------------------------------------------------------


class _Cell:
    """A table cell being filled: its first paragraph is there already."""

    def __init__(self, cell: HwpxOxmlTableCell) -> None:
        self.cell = cell
        self.fresh = True

    def paragraph(self) -> HwpxOxmlParagraph:
        if self.fresh:
            self.fresh = False
            paragraph = self.cell.paragraphs[0]
            for run in list(paragraph.element):  # the empty run python-hwpx starts a cell with
                paragraph.element.remove(run)
            return paragraph
        return self.cell.add_paragraph("")


@dataclass(frozen=True)
class _Context:
    """Where paragraphs go (the body or a cell) and how deep in lists and notes they are."""

    cell: _Cell | None = None
    list_depth: int = 0
    top_level: bool = True  # directly in the body, not in a list, box or cell
    bullet_depth: int = -1  # the innermost bullet list's level: where a ※ line under an item indents to
    in_note: bool = False
    quote: bool = False  # in a block quote drawn as an indented paragraph


@dataclass(frozen=True)
class _Format:
    bold: bool = False
    italic: bool = False


class _Writer(BlockWriter[_Context]):
    """Turns the Markdown tree into 한/글 paragraphs, boxes, tables and notes."""

    def __init__(self, built: HwpxDocument, document: RenderedDocument) -> None:
        self._built = built
        layout = document.layout
        house = layout.house_style
        self._house = house
        latin = layout.latin_font or house.font
        hangul = house.east_asian_font or layout.east_asian_font or latin
        self._shapes = _Shapes(built, house, (latin, hangul),
                               (house.heading_font or latin, house.heading_east_asian_font or hangul))
        self._notes = layout.notes
        self._numbered_paragraphs = layout.numbered_paragraphs
        typography = layout.typography
        self._italic = typography.italic
        self._bold_emphasis = typography.emphasis == "bold"
        script = typography.script
        self._own_script = re.compile(script) if script and not typography.italic else None
        width, height = house.page_mm
        margins = house.margins
        self._text_width = round((width - margins.left - margins.right) * HWPUNIT_PER_MM)
        built.page.setup(width_mm=width, height_mm=height, margin_left_mm=margins.left,
                         margin_right_mm=margins.right, margin_top_mm=margins.top, margin_bottom_mm=margins.bottom,
                         header_margin_mm=margins.header, footer_margin_mm=margins.footer)
        built.page.set_page_number()
        if document.info.page_mark:
            built.page.set_header(text=xml_safe(document.info.page_mark))
        self._number_notes_as_in_word()
        self._heading_styles = [built.styles.resolve(f"개요 {level}").id for level in range(1, _HEADING_STYLES + 1)]
        self._first_paragraph: HwpxOxmlParagraph | None = built.paragraphs[0]  # holds the page setup
        self._markdown: MarkdownStream | None = None
        self._definitions = FootnoteDefinitions()
        self._pending_source_lines: dict[str, None] = {}
        self._note_count = 0
        self._note_prototype: Element | None = None  # the first note, which the others copy
        self._paragraph_number = 0  # UN style: numbered paragraphs run on through the document
        self._title_written = False
        self._title_block: list[HwpxOxmlParagraph] | None = None  # the lines under the title, while written
        self.title: str | None = None
        self._preview: list[str] = []
        self._preview_length = 0

    @property
    def preview(self) -> str:
        return "".join(self._preview)[:PREVIEW_CHARS]

    def _number_notes_as_in_word(self) -> None:
        """Note marks in the text as superscript numbers (1, 2), as in Word, not 한/글's default "1)"
        on the line (python-hwpx still starts the note itself with "1)", as 한/글 does)."""
        properties = self._built.sections[0].element.find(f".//{{{_HP}}}secPr")
        for kind in ("footNotePr", "endNotePr"):
            number = properties.find(f"{{{_HP}}}{kind}/{{{_HP}}}autoNumFormat")
            number.set("suffixChar", "")
            number.set("supscript", "1")

    # -- looks

    def _body_run(self) -> _Run:
        return _Run(self._house.size)

    def _body_para(self) -> _Para:
        house = self._house
        return _Para(align=house.align, line_spacing=house.line_spacing, after=house.space_after)

    # -- blocks

    def write(self, markdown: MarkdownStream) -> None:
        self._markdown = markdown
        self._definitions = markdown.footnotes
        context = _Context()
        for block in markdown.blocks():
            self._block(block, context)
        self._end_title_block()

    def _new_paragraph(self, context: _Context, style_id: str | None = None) -> HwpxOxmlParagraph:
        if context.cell is not None:
            paragraph = context.cell.paragraph()
        elif self._first_paragraph is not None:
            paragraph, self._first_paragraph = self._first_paragraph, None
        else:
            paragraph = self._built.add_paragraph("", include_run=False, inherit_style=False)
        if style_id is not None:
            paragraph.style_id_ref = style_id
        self._preview_line()
        return paragraph

    def _quote(self, element: Element, context: _Context) -> None:
        if self._house.quote == "box":
            self._box(element, context, BOX_RULE)
        else:
            self._blocks(element, replace(context, quote=True, top_level=False))

    def _code(self, text: str, context: _Context) -> None:
        paragraph = self._new_paragraph(context)
        self._shapes.paragraph(self._body_para(), paragraph)
        self._add_text(paragraph, text, self._body_run())

    def _rule(self, context: _Context) -> None:
        paragraph = self._new_paragraph(context)
        self._shapes.paragraph(replace(self._body_para(), rule_below="#000000"), paragraph)

    def _paragraph(self, inlines: Inlines, context: _Context, look: _Para | None = None,
                   run: _Run | None = None, marker: str = "") -> HwpxOxmlParagraph:
        """A paragraph of `inlines`, after `marker` and a tab when it is a list item's first."""
        if look is None:
            look = self._body_para()
            if context.quote:
                look = replace(look, left=look.left + QUOTE_INDENT_MM)
        if run is None:
            run = self._body_run()
        if context.top_level and self._title_block is not None:
            house = self._house
            look = _Para(align=house.cover_align, line_spacing=house.line_spacing, after=house.space_after / 2)
            run = _Run(house.cover_size or house.size)
        paragraph = self._new_paragraph(context)
        self._shapes.paragraph(look, paragraph)
        if context.top_level and self._title_block is not None:
            self._title_block.append(paragraph)
        if marker:
            self._add_text(paragraph, f"{marker}\t", run)
        self._inlines(paragraph, inlines, _Format(), context, run)
        if self._pending_source_lines and not context.in_note and not context.list_depth:
            self._source_lines(context)  # a paragraph outside lists is a block of its own
        return paragraph

    def _heading(self, element: Element, context: _Context) -> None:
        level = HEADING_LEVELS[element.tag]
        house = self._house
        if level == 1 and not self._title_written:
            self._title_written = True
            self._title(element, context)
            return
        self._end_title_block()
        level = min(max(level - 1, 1), _HEADING_STYLES)  # "##" is the first level: "#" is the title
        look = _Para(line_spacing=house.line_spacing, before=house.heading_space_before if level == 1
                     else house.heading_space_before / 2, after=house.space_after / 2, keep_with_next=True)
        run = _Run(house.heading_size(level), bold=True, heading=True, colour=house.colour)
        paragraph = self._new_paragraph(context, self._heading_styles[level - 1])
        self._shapes.paragraph(look, paragraph)
        self._inlines(paragraph, list(inline_parts(element)), _Format(), context, run)

    def _title(self, element: Element, context: _Context) -> None:
        """The title: in a one-cell box (a report's title line), over a rule, or plain; the title block follows."""
        house = self._house
        run = _Run(house.title_size, bold=True, heading=True, colour=house.colour)
        rule = f"#{house.colour or '000000'}" if house.title == "ruled" else None
        after = 0 if house.title == "boxed" else house.space_after * 1.5
        look = _Para(align=house.title_align, line_spacing=1.0, after=after, rule_below=rule)
        if house.title == "boxed":
            cell = self._one_cell_box(context, TITLE_RULE)
            paragraph = self._new_paragraph(replace(context, cell=cell))
        else:
            paragraph = self._new_paragraph(context)
        self._shapes.paragraph(look, paragraph)
        self._inlines(paragraph, list(inline_parts(element)), _Format(), replace(context, top_level=False), run)
        self.title = xml_safe(visible_text(element)).strip()
        self._title_block = []

    def _end_title_block(self) -> None:
        """Close the title block: a rule under its last line when the house style sets the cover off."""
        block, self._title_block = self._title_block, None
        if block and self._house.cover_rule:
            house = self._house
            look = _Para(align=house.cover_align, line_spacing=house.line_spacing, after=house.space_after / 2,
                         rule_below=f"#{house.colour or '000000'}")
            self._shapes.paragraph(look, block[-1])

    def _one_cell_box(self, context: _Context, rule: str) -> _Cell:
        """A bordered one-cell table across the text width, in a paragraph of its own; its cell."""
        anchor = self._new_paragraph(context)
        self._shapes.paragraph(_Para(after=self._house.space_after), anchor)
        table = anchor.add_table(1, 1, width=self._text_width, border_fill_id_ref=self._shapes.box(rule))
        cell = table.cell(0, 0)
        cell.element.set("hasMargin", "1")
        margin = cell.element.find(f"{{{_HP}}}cellMargin")
        for side in ("left", "right", "top", "bottom"):
            margin.set(side, str(BOX_PADDING))
        return _Cell(cell)

    def _box(self, element: Element, context: _Context, rule: str) -> None:
        """A block quote as a bordered one-cell box (the 요약 box of a Korean report)."""
        cell = self._one_cell_box(context, rule)
        self._blocks(element, replace(context, cell=cell, top_level=False))

    def _list(self, element: Element, context: _Context) -> None:
        ordered = element.tag == "ol"
        house = self._house
        if ordered and context.top_level and self._numbered_paragraphs:
            inner = replace(context, list_depth=1, top_level=False)
            for item in element:
                self._paragraph_number += 1
                self._item(item, inner, f"{self._paragraph_number}.", 0, NUMBER_GUTTER_MM)
            return
        depth = context.list_depth
        inner = replace(context, list_depth=depth + 1, top_level=False,
                        bullet_depth=context.bullet_depth if ordered else depth)
        start = int(element.get("start", 1) or 1)
        for number, item in enumerate(element, start=start):
            marker = _ordered_label(number, depth) if ordered else house.bullets[min(depth, len(house.bullets) - 1)]
            self._item(item, inner, marker, depth * house.list_step, house.list_hanging,
                       before=house.space_before_item(depth))

    def _item(self, item: Element, inner: _Context, marker: str, left: float, hanging: float,
              before: float = 0.0) -> None:
        """A list item: its first paragraph after its marker, hanging; the rest aligned with its text."""
        parts = list(block_parts(item))
        opening = parts.pop(0) if parts and isinstance(parts[0], list) else []
        look = replace(self._body_para(), left=left, first_line=-hanging, before=before)
        self._paragraph(opening, inner, look, marker=marker)
        continuation = replace(self._body_para(), left=left + hanging)
        for part in parts:
            if isinstance(part, list):
                self._paragraph(part, inner, continuation)
            else:
                self._block(part, inner)
        if self._pending_source_lines and not inner.in_note and inner.list_depth == 1:
            self._source_lines(inner)  # under an outermost item, after the items under it: its block

    def _table(self, element: Element, context: _Context) -> None:
        """A table across the text width, columns as wide as their content, the header row shaded and repeated."""
        if context.top_level and self._markdown is not None:
            rows = list(self._markdown.rows(element))
        else:
            rows = [*element.findall("thead/tr"), *element.findall("tbody/tr")]
        if not rows:
            return
        header = rows[0].getparent().tag == "thead" if rows[0].getparent() is not None else False
        columns = max(len(row) for row in rows)
        measured = ColumnMeasure()
        for row in rows:
            measured.add(["".join(cell.itertext()) for cell in row])
        house = self._house
        widths = column_widths(measured.extents(house.table_size), round(self._text_width / HWPUNIT_PER_TWIP))
        anchor = self._new_paragraph(context)
        self._shapes.paragraph(_Para(after=house.space_after), anchor)
        table = anchor.add_table(len(rows), columns, width=self._text_width)
        table.set_column_widths(widths)
        if header:
            table.element.set("repeatHeader", "1")
        cell_context = replace(context, top_level=False)
        run = _Run(house.table_size)
        for row_index, (row_element, row) in enumerate(zip(rows, table.rows)):
            for column, (cell_element, cell) in enumerate(zip(row_element, row.cells)):
                if header and row_index == 0:
                    cell.element.set("header", "1")
                    if house.header_shading:
                        table.set_cell_shading(0, column, f"#{house.header_shading}")
                align = cell_element.get("align") or "left"
                paragraph = _Cell(cell).paragraph()
                self._shapes.paragraph(_Para(align=align if align in _ALIGN else "left"), paragraph)
                self._preview_line()
                self._inlines(paragraph, list(inline_parts(cell_element)), _Format(bold=header and row_index == 0),
                              cell_context, run)
        if self._pending_source_lines and not context.in_note:
            self._source_lines(context)  # notes cited in the table, under it

    # -- inlines

    def _inlines(self, paragraph: HwpxOxmlParagraph, inlines: Iterable[str | Element], form: _Format,
                 context: _Context, run: _Run) -> None:
        after_break = False
        for part in inlines:
            if isinstance(part, str):
                # a line break in the source is a space; after a hard break it is the break itself
                text = part[1:] if after_break and part.startswith("\n") else part
                if text:
                    self._add_text(paragraph, text.replace("\n", " "), self._styled(run, form, text))
                after_break = False
                continue
            tag = part.tag
            after_break = tag == "br"
            if tag == "br":
                self._add_text(paragraph, "\n", run)
            elif tag == "em":
                self._inlines(paragraph, inline_parts(part), replace(form, italic=True), context, run)
            elif tag == "strong":
                self._inlines(paragraph, inline_parts(part), replace(form, bold=True), context, run)
            elif tag == "code":
                self._add_text(paragraph, part.text or "", self._styled(run, form, part.text or ""))
            elif tag == "img":  # briefs have no images; keep the description
                self._add_text(paragraph, part.get("alt", ""), run)
            elif (label := footnote_reference(part)) is not None:
                self._note_reference(paragraph, label, context, run)
            else:  # a link (its text: 한/글 hyperlinks are fields python-hwpx draws as text) or another element
                self._inlines(paragraph, inline_parts(part), form, context, run)

    def _styled(self, run: _Run, form: _Format, text: str) -> _Run:
        """`run` with `form`'s emphasis; where the script has no italic (Hangul), emphasis is bold,
        but text in another script (an English title in a Korean note) keeps its italics."""
        italic = form.italic
        bold = form.bold or run.bold
        if italic and not self._italic and (self._own_script is None or self._own_script.search(text)):
            italic = False
            bold = bold or self._bold_emphasis
        return replace(run, bold=bold, italic=italic)

    def _add_text(self, paragraph: HwpxOxmlParagraph, text: str, run: _Run) -> None:
        text = xml_safe(text)
        if not text:
            return
        char_id = self._shapes.run(run)
        for index, piece in enumerate(text.split("\t")):
            if index:  # python-hwpx 6.9 drops tabs when it writes no-break spaces: a tab in a run of its own
                paragraph.add_run("\t", char_pr_id_ref=char_id)
            if piece:  # no-break spaces (in dates: "2024. 10. 31.") as 한/글's own hp:nbSpace
                paragraph.add_run(piece, char_pr_id_ref=char_id, expand_special_characters=True)
        self._preview_text(text)

    def _note_reference(self, paragraph: HwpxOxmlParagraph, label: str, context: _Context, run: _Run) -> None:
        """A 한/글 footnote or endnote holding the definition's text, marked here; or a ※ line to come."""
        if context.in_note or label not in self._definitions:
            self._add_text(paragraph, f"[^{label}]", run)  # no notes inside notes: the label as written
            return
        if self._notes == "source-lines":
            self._pending_source_lines[label] = None  # written under the block, once per note
            return
        if _ends_with_note(paragraph):  # several marks at one point are separated by a comma (facts B1)
            self._add_text(paragraph, NOTE_MARK_SEPARATOR, replace(run, superscript=True, bold=False, italic=False))
        self._add_note(paragraph, " " + _note_text(self._definitions[label]))

    def _add_note(self, paragraph: HwpxOxmlParagraph, text: str) -> None:
        """A footnote or endnote at the end of `paragraph`.

        python-hwpx writes the first note, in the shape Hancom reads; the others are copies of it.
        For each note python-hwpx counts the notes before it and looks up the section's properties,
        a walk through the whole document: 900 notes took 12 s (copied: 0.2 s), and a document of
        1,500 notes and a 3,000-row table 223 s (copied: 48 s, the rest python-hwpx's serialisation).
        """
        self._note_count += 1
        if self._note_prototype is None:
            char_id = self._shapes.run(_Run(self._house.footnote_size))
            add = paragraph.add_endnote if self._notes == "endnotes" else paragraph.add_footnote
            note = add(text, char_pr_id_ref=char_id).element
            self._note_prototype = copy.deepcopy(note)
        else:
            runs = paragraph.element.findall(f"{{{_HP}}}run")
            run = runs[-1] if runs else paragraph.add_run("", char_pr_id_ref=self._shapes.run(self._body_run())).element
            note = copy.deepcopy(self._note_prototype)
            etree.SubElement(run, f"{{{_HP}}}ctrl").append(note)
            note.set("number", str(self._note_count))
            note.find(f".//{{{_HP}}}autoNum").set("num", str(self._note_count))
            paragraph.section.mark_dirty()
        _set_text(note.find(f".//{{{_HP}}}t"), text)

    def _source_lines(self, context: _Context) -> None:
        """The notes cited in the block just written, as ※ lines under it, aligned with its text."""
        labels = list(self._pending_source_lines)
        self._pending_source_lines.clear()
        house = self._house
        level = context.bullet_depth + 1
        look = _Para(align=house.footnote_align, left=level * house.list_step, first_line=-house.list_hanging,
                     after=house.space_after / 2)
        note_context = replace(context, in_note=True, top_level=False)
        for label in labels:
            paragraph = self._new_paragraph(note_context)
            self._shapes.paragraph(look, paragraph)
            self._add_text(paragraph, f"{SOURCE_LINE_MARKER}\t{_note_text(self._definitions[label])}",
                           _Run(house.footnote_size))

    # -- the preview text

    def _preview_text(self, text: str) -> None:
        if self._preview_length < PREVIEW_CHARS:
            self._preview.append(text)
            self._preview_length += len(text)

    def _preview_line(self) -> None:
        if self._preview and self._preview_length < PREVIEW_CHARS:
            self._preview.append("\r\n")
            self._preview_length += 2


def _ordered_label(number: int, depth: int) -> str:
    """An ordered list's label at `depth`: 1. then a. then i., as the Word file numbers them."""
    kind = depth % 3
    if kind == 0:
        return f"{number}."
    if kind == 1:
        return f"{_letters(number)}."
    return f"{_roman(number)}."


def _letters(number: int) -> str:
    letters = ""
    while number > 0:
        number, remainder = divmod(number - 1, 26)
        letters = chr(ord("a") + remainder) + letters
    return letters


def _roman(number: int) -> str:
    numerals = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
                (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
    roman = ""
    for value, numeral in numerals:
        while number >= value:
            roman += numeral
            number -= value
    return roman


def _note_text(definition: Element) -> str:
    """A note's text on one line: its paragraphs joined by a space (a 한/글 note here holds one paragraph)."""
    return _SPACES.sub(" ", xml_safe(visible_text(definition))).strip()  # no-break spaces stay


def _set_text(element: Element, text: str) -> None:
    """`text` in ``hp:t`` `element`, its no-break spaces as 한/글's ``hp:nbSpace``."""
    for child in list(element):
        element.remove(child)
    pieces = text.split("\u00a0")
    element.text = pieces[0]
    for piece in pieces[1:]:
        etree.SubElement(element, f"{{{_HP}}}nbSpace").tail = piece


def _ends_with_note(paragraph: HwpxOxmlParagraph) -> bool:
    runs = paragraph.element.findall(f"{{{_HP}}}run")
    if not runs or not len(runs[-1]):
        return False
    last = runs[-1][-1]
    return last.tag == f"{{{_HP}}}ctrl" and any(child.tag in (f"{{{_HP}}}footNote", f"{{{_HP}}}endNote")
                                                  for child in last)


# -- the package ----------------------------------------------------------------------------


def _reproducible(package: bytes, document: RenderedDocument, title: str, preview: str) -> bytes:
    """`package` with its ids in document order, the brief's properties, its preview text and fixed time stamps."""
    timestamp = zip_timestamp()
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as source, zipfile.ZipFile(output, "w") as target:
        for name in source.namelist():  # python-hwpx writes mimetype first, stored, as OCF requires
            if name == PREVIEW_IMAGE:
                continue
            data = source.read(name)
            if _SECTION_PART.fullmatch(name):
                data = _renumbered(data)
            elif name == "Contents/content.hpf":
                data = _with_properties(data, document, title)
            elif name == PREVIEW_TEXT:
                data = preview.encode("utf-8")
            target.writestr(reproducible_entry(name, timestamp, compressed=name != "mimetype"), data)
    return output.getvalue()


def _renumbered(section: bytes) -> bytes:
    """The section with the random ids python-hwpx gave its paragraphs, tables, notes, header and footer
    numbered in document order (and the references to the header's and footer's ids with them)."""
    root = etree.fromstring(section, etree.XMLParser(huge_tree=True))
    counters: dict[str, int] = {}
    renamed: dict[str, str] = {}
    for element in root.iter(*_RENUMBERED):
        attribute = _RENUMBERED[element.tag]
        old = element.get(attribute)
        if old is None:
            continue
        if element.tag in _REFERRED:
            if old not in renamed:
                renamed[old] = str(len(renamed) + 1)
            element.set(attribute, renamed[old])
            continue
        counters[attribute] = counters.get(attribute, -1) + 1
        element.set(attribute, str(counters[attribute]))
    for element in root.iter(*_REFERENCES):
        if element.get("idRef") in renamed:
            element.set("idRef", renamed[element.get("idRef", "")])
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _with_properties(content: bytes, document: RenderedDocument, title: str) -> bytes:
    """The package's metadata (``content.hpf``): the brief's title, author, language and date, not the blank's."""
    root = etree.fromstring(content)
    metadata = root.find(f"{{{_OPF}}}metadata")
    info = document.info
    moment = dt.datetime.combine(info.date, dt.time()).strftime("%Y-%m-%dT%H:%M:%SZ")
    metadata.find(f"{{{_OPF}}}title").text = xml_safe(title)
    metadata.find(f"{{{_OPF}}}language").text = info.language
    values = {"creator": info.author, "lastsaveby": info.author, "subject": info.subject, "description": "",
              "CreatedDate": moment, "ModifiedDate": moment, "date": info.date.isoformat(),
              "keyword": ", ".join(info.keywords)}
    for meta in metadata.findall(f"{{{_OPF}}}meta"):
        if meta.get("name") in values:
            meta.text = xml_safe(values[meta.get("name")]) or None
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
