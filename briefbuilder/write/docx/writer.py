"""Write a rendered brief as a Word document.

The Markdown the render stage produced (the same document the Markdown writer
saves) is read as a tree (:mod:`briefbuilder.markdown_tree`) and rebuilt with
python-docx on top of a reference .docx, using only the reference's named
styles. How Markdown maps to Word:

- the first ``#`` heading is the Title, the paragraphs after it up to the next
  heading are the title block (Subtitle); ``##``..``####`` are Heading 1..3;
- with ``layout.numbered_paragraphs`` every top-level ordered-list item is a
  "Numbered Paragraph", one list running through the whole document (UN style);
- every other list gets a numbering instance of its own, so numbers restart
  per list and honour a Markdown start number;
- each footnote *reference* becomes its own Word footnote (or endnote, or a ※
  line under its paragraph: ``layout.notes``) carrying the text of its
  definition: Word cannot point two marks at one footnote, so a note cited
  twice is printed twice rather than broken;
- bullets take the house style's markers per level (□ ○ - · in a Korean
  government report), with hanging indents so wrapped lines align;
- a block quote is a bordered box when the house style says so (a 요약 box);
- links are real hyperlinks; tables take column widths from their content,
  never split a row across pages and repeat their header row on every page.

Memory stays proportionate to one block, not the document: the Markdown is
read a top-level block at a time, and each block's paragraphs and tables (and
each note) are serialised into the package as soon as nothing can change them
any more (:class:`~briefbuilder.write.docx.package.StreamedChildren`). Only
the last few body elements wait, for a wide table that may turn them into a
landscape section.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import itertools
import re
import zipfile
from dataclasses import dataclass, replace
from pathlib import Path

import docx
import msgspec
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.oxml.table import CT_Tbl
from docx.oxml.text.paragraph import CT_P
from docx.styles.style import BaseStyle, StyleFactory
from docx.text.paragraph import Paragraph
from lxml import etree

from briefbuilder.document import DocumentInfo, Layout, RenderedDocument, Typography
from briefbuilder.errors import BriefError
from briefbuilder.house_style import HouseStyle
from briefbuilder.links import link_refusal
from briefbuilder.markdown_tree import (
    FootnoteDefinitions,
    MarkdownStream,
    block_parts,
    footnote_reference,
    inline_parts,
    read_markdown,
    xml_safe,
)
from briefbuilder.write.blocks import HEADING_LEVELS, BlockWriter, Inlines
from briefbuilder.write.docx import oxml
from briefbuilder.write.docx import reference as ref
from briefbuilder.write.atomic import write_atomic
from briefbuilder.write.docx.package import StreamedChildren, reproducible_bytes, stamp_package
from briefbuilder.write.docx.private import BaseOxmlElement, paragraph_element
from briefbuilder.write.docx.user_template import defer_east_asian_settings, open_user_template
from briefbuilder.write.docx.tables import ColumnMeasure, column_widths, readable_width

Element = etree._Element
# Scripts whose text Word sets with the East Asian font (w:eastAsia).
_EAST_ASIAN_LANGUAGES = frozenset({"ko", "ja", "zh"})
# The Latin-script text of a Korean brief (names, citations) is English.
LATIN_LANGUAGE_OF_EAST_ASIAN_DOCUMENTS = "en-GB"
EMU_PER_TWIP = 635
BOX_RULE = 8  # eighths of a point: the 요약 box's 1 pt rule
LEAD_IN_PARAGRAPHS = 2  # paragraphs introducing a table that may follow it onto landscape pages
BOX_PADDING = 113  # twips (2 mm) between the box's rule and its text
SOURCE_LINE_MARKER = "\u203b"  # ※, the reference mark of Korean report notes
NOTE_MARK_SEPARATOR = ","
CORE_PROPERTY_LIMIT = 255  # characters; python-docx (and Word) refuse longer values
DRAFT = "Draft"
# Body elements a landscape table may still change once later blocks are written: the table, its
# heading, two lead-in lines and the paragraph before them (see _BodyWriter._turn_landscape).
UNSETTLED_ELEMENTS = 5
ROWS_AT_A_TIME = 256  # rows of a long table built before they are written out
ELEMENTS_AT_A_TIME = 256  # finished paragraphs, tables or notes held before they are written out
_ALIGNMENTS = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
}


def write_docx(document: RenderedDocument, path: Path) -> None:
    """Write `document` to `path` as .docx, atomically (never a half-written file)."""
    write_atomic(Path(path), docx_bytes(document))


def docx_bytes(document: RenderedDocument) -> bytes:
    """The .docx of `document`; identical input gives identical bytes."""
    return reproducible_bytes(*_build(document))


def _build(rendered: RenderedDocument) -> tuple[Document, list[StreamedChildren]]:
    """The python-docx ``Document`` of `rendered`, and its parts written out so far (the body, the notes)."""
    layout = rendered.layout
    document, styles = _prepared_base(layout, rendered.info.language)
    writer = _BodyWriter(document, styles, layout)
    title = writer.write(read_markdown(rendered.markdown))
    _set_core_properties(document, replace(rendered.info, title=title or rendered.info.title))
    _mark_every_page(document, rendered.info.page_mark)
    stamp_package(document, layout.house_style.font_fallbacks)
    return document, writer.streams


# -- the base document ------------------------------------------------------------------


def _prepared_base(layout: Layout, language: str) -> tuple[Document, dict[ref.StyleSpec, BaseStyle]]:
    """The document to fill and the styles the writer uses in it: the reference with its body cleared,
    its styles, languages, fonts and typography set for `layout` and `language`.

    Everything here is the same for every document a house style lays out in one language, so with
    the house style's own reference it is done once per process (:func:`_prepared_house_base`) and
    each document opens a copy: a small PDF in a running :class:`~briefbuilder.PdfConverter` would
    otherwise spend a tenth of its time here. A user's reference document is read afresh each time.
    """
    if layout.reference_docx is None:
        house_json = msgspec.json.encode(layout.house_style).decode()
        document = docx.Document(io.BytesIO(_prepared_house_base(
            house_json, layout.latin_font, layout.east_asian_font, layout.typography, language)))
        return document, _prepare_styles(document, layout)  # all there: only found, not copied again
    document = _open_user_reference(layout.reference_docx)
    return document, _prepare_base(document, layout, language)


@functools.lru_cache(maxsize=64)
def _prepared_house_base(house_json: str, latin_font: str | None, east_asian_font: str | None,
                         typography: Typography, language: str) -> bytes:
    """The house style's reference prepared for what of a layout the base depends on, saved as a .docx.

    Keyed by the house style's JSON, as the reference itself is (a house style holds a mapping, so it
    is not hashable).
    """
    house = msgspec.json.decode(house_json, type=HouseStyle)
    layout = Layout(latin_font=latin_font, east_asian_font=east_asian_font, house_style=house, typography=typography)
    document = docx.Document(io.BytesIO(ref.build_reference_bytes(house)))
    _prepare_base(document, layout, language)
    saved = io.BytesIO()
    document.save(saved)
    return saved.getvalue()


def _prepare_base(document: Document, layout: Layout, language: str) -> dict[ref.StyleSpec, BaseStyle]:
    """Clear `document`'s body and set its styles (copying those it lacks first, so typography reaches
    them too), languages, fonts and typography; return the styles the writer uses."""
    document.element.body.clear_content()
    styles = _prepare_styles(document, layout)
    east_asian_tag = _set_language_and_fonts(document, language, layout)
    _apply_typography(document, layout.typography, east_asian_tag)
    return styles


def _open_user_reference(reference_docx: Path) -> Document:
    """The user's reference (``layout.reference_docx``), opened as the document to fill.

    Its styles, section (page size, margins) and headers and footers are what
    the brief is laid out with.
    """
    try:
        return open_user_template(reference_docx)
    except (OSError, PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise BriefError.at(
            None,
            "layout.reference_docx",
            f"cannot use {reference_docx} as a reference document: {error}",
            "give the path of a Word .docx or .dotx file, or leave it out to use the default",
        ) from error


def _prepare_styles(document: Document, layout: Layout) -> dict[ref.StyleSpec, BaseStyle]:
    """Every style the writer uses, copied from the house style's reference when the base lacks it."""
    styles = document.styles
    default_styles = None
    resolved: dict[ref.StyleSpec, BaseStyle] = {}
    # One pass over the styles, not a search per style: the first of a name or an id wins, as in python-docx.
    by_name: dict[str | None, BaseOxmlElement] = {}
    by_id: dict[str | None, BaseOxmlElement] = {}
    for style in styles.element.findall(qn("w:style")):
        name = style.find(qn("w:name"))
        by_name.setdefault(None if name is None else name.get(qn("w:val")), style)
        by_id.setdefault(style.get(qn("w:styleId")), style)
    for spec in ref.WRITER_STYLES:
        element = by_name.get(spec.name)
        if element is None:
            element = by_id.get(spec.style_id)
        if element is None:
            if default_styles is None:
                default_styles = docx.Document(
                    io.BytesIO(ref.build_reference_bytes(layout.house_style))).styles.element
            oxml.copy_missing_style(default_styles, styles.element, spec.style_id)
            element = styles.element.get_by_id(spec.style_id)
            if spec is ref.NUMBERED_PARAGRAPH:
                # its list lives in our reference's numbering, not in this document's
                oxml.remove_style_numbering(element)
        resolved[spec] = StyleFactory(element)
    return resolved


def east_asian_language(language: str) -> str | None:
    """The document's East Asian language tag (``w:eastAsia``, "ko-KR"), or None for a language
    written in another script: what the Word file declares, and what LibreOffice breaks lines by."""
    return language if language.split("-")[0].lower() in _EAST_ASIAN_LANGUAGES else None


def _set_language_and_fonts(document: Document, language: str, layout: Layout) -> str | None:
    """Default languages and fonts in ``w:docDefaults`` and the settings; return the East Asian tag.

    A Korean document is tagged ``w:eastAsia="ko-KR"`` and names an East Asian
    font, which is what makes Word and LibreOffice set Hangul in a CJK face (and
    take the Korean forms of a CJK font); a document in any other language
    carries no East Asian tag at all.
    """
    east_asian_tag = east_asian_language(language)
    latin_tag = LATIN_LANGUAGE_OF_EAST_ASIAN_DOCUMENTS if east_asian_tag else language
    # The house style's CJK font (a government report's 휴먼명조), else the locale's; a user's reference
    # document replaces the house style.
    house_font = None if layout.reference_docx is not None else layout.house_style.east_asian_font
    east_asian_font = (house_font or layout.east_asian_font) if east_asian_tag else None
    styles = document.styles.element
    if east_asian_tag and layout.reference_docx is not None:
        defer_east_asian_settings(styles)
    oxml.set_default_language(styles, latin=latin_tag, east_asian=east_asian_tag)
    oxml.set_default_fonts(styles, latin=layout.latin_font, east_asian=east_asian_font)
    oxml.set_theme_font_language(
        document.settings.element, latin=latin_tag, east_asian=east_asian_tag
    )
    return east_asian_tag


def _apply_typography(document: Document, typography: Typography, east_asian_tag: str | None) -> None:
    """The script's conventions over any reference: Korean gets no auto-spacing, no italic,
    lines broken between 어절 only, and no closing bracket at the start of a line."""
    styles = document.styles.element
    if not typography.east_asian_autospace:
        oxml.turn_off_east_asian_autospace(styles)
    if typography.wrap_by_word:
        oxml.wrap_east_asian_text_by_word(styles)
    if east_asian_tag is not None:
        oxml.set_line_break_characters(document.settings.element, language=east_asian_tag,
                                       no_line_end=typography.no_line_end, no_line_start=typography.no_line_start)
    if not typography.italic:
        oxml.remove_italics(styles)
        if typography.emphasis == "bold":
            for spec in (ref.EMPHASIS, ref.STRONG_EMPHASIS):
                element = styles.get_by_id(spec.style_id)
                if element is not None:
                    oxml.make_bold(element)


def _mark_every_page(document: Document, label: str) -> None:
    """A draft or a specimen says so at the head of every page (every section's header), not only on its first."""
    if not label:
        return
    for section in document.sections:
        header = section.header
        header.is_linked_to_previous = False
        paragraph = header.paragraphs[0] if header.paragraphs else header.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run(xml_safe(label)).bold = True


def _core_text(value: str) -> str:
    value = xml_safe(value)
    if len(value) > CORE_PROPERTY_LIMIT:
        return value[: CORE_PROPERTY_LIMIT - 1] + "\u2026"
    return value


def _set_core_properties(document: Document, info: DocumentInfo) -> None:
    """Title, author, language...; created and modified are the brief's own date.

    Using the brief's date rather than the clock keeps the bytes reproducible
    and tells a reader when the brief was issued.
    """
    properties = document.core_properties
    properties.title = _core_text(info.title)
    properties.author = properties.last_modified_by = _core_text(info.author)
    properties.subject = _core_text(info.subject)
    properties.keywords = _core_text(", ".join(info.keywords))
    properties.language = _core_text(info.language)
    properties.category = properties.content_status = DRAFT if info.draft else ""
    midnight = dt.datetime.combine(info.date, dt.time(), tzinfo=dt.timezone.utc)
    properties.created = properties.modified = midnight
    properties.revision = 1


# -- the body ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Blocks:
    """Where blocks go: the body or a footnote, and the story they belong to.

    `story` (the document or the footnotes part) is what paragraphs resolve
    hyperlink relationships against.
    """

    element: BaseOxmlElement
    story: Document | oxml.NotesPart

    def add_paragraph(self, style_id: str | None) -> Paragraph:
        return Paragraph(oxml.append_paragraph(self.element, style_id), self.story)

    def add_table(self, rows: int, columns: int, width: int) -> CT_Tbl:
        return oxml.append_table(self.element, rows, columns, width)


@dataclass(frozen=True)
class _Context:
    """Where blocks go and how the paragraphs there are styled."""

    container: _Blocks
    paragraph_style: ref.StyleSpec | None = None  # None: Normal
    list_depth: int = 0
    top_level: bool = True  # directly in the document body, not in a list/quote/note
    in_footnote: bool = False
    bullet_depth: int = -1  # the innermost bullet list's level: where a ※ line under an item indents to


@dataclass(frozen=True)
class _Format:
    """Inline formatting in force: emphasis, and the character style of the span."""

    bold: bool = False
    italic: bool = False
    span_style: ref.StyleSpec | None = None  # Hyperlink or Verbatim Char


_PLAIN = _Format()


class _BodyWriter(BlockWriter[_Context]):
    """Turns the Markdown tree into paragraphs, lists, tables and footnotes."""

    def __init__(
        self, document: Document, styles: dict[ref.StyleSpec, BaseStyle], layout: Layout
    ) -> None:
        self._document = document
        self._styles = styles
        # None for a type's default style (Normal): it is applied by naming nothing.
        self._style_ids = {
            spec: None if style.element.default else style.style_id for spec, style in styles.items()
        }
        self._numbered_paragraphs = layout.numbered_paragraphs
        house = layout.house_style
        self._house = house
        self._italic = layout.typography.italic
        # where the script has no italic, text in another script (an English title) still has one
        script = layout.typography.script
        self._own_script = re.compile(script) if script and not self._italic else None
        self._list_look = oxml.ListLook(
            bullets=house.bullets,
            step=round(house.list_step * oxml.TWIPS_PER_MM),
            hanging=round(house.list_hanging * oxml.TWIPS_PER_MM),
        )
        self._numbering = oxml.numbering(document.part, self._list_look)
        self._list_definitions: dict[str, int] = {}
        self._note_placement = layout.notes
        self._note_kind = oxml.ENDNOTES if layout.notes == "endnotes" else oxml.FOOTNOTES
        self._notes: oxml.NotesPart | None = None
        self._written_notes: StreamedChildren | None = None
        self._markdown: MarkdownStream | None = None  # the document being written
        self._footnote_definitions = FootnoteDefinitions()  # the document's, once it is being read
        self._pending_source_lines: dict[str, None] = {}  # labels cited in the paragraph being written
        self._source_line_list: int | None = None
        self._title_written = False
        self._title: str | None = None
        self._in_title_block = False
        section = document.sections[0]
        self._text_width = section.page_width - section.left_margin - section.right_margin
        self._landscape_width = section.page_height - section.left_margin - section.right_margin
        self._landscape_tables: list[CT_Tbl] = []  # waiting for what follows them
        self._landscape_ends: list[CT_P] = []  # the empty paragraphs closing landscape sections
        self._heading_style_ids = {self._style_ids[spec] for spec in ref.HEADINGS}
        body = document.element.body
        # The body's own section (page setup) is held aside while the body is written, and ends it.
        self._section = body.find(qn("w:sectPr"))
        if self._section is not None:
            body.remove(self._section)
        self._written_body = StreamedChildren(document.part, body)

    @property
    def streams(self) -> list[StreamedChildren]:
        """The parts written out as the body was written: the body, and the notes if there are any."""
        return [self._written_body, *([self._written_notes] if self._written_notes is not None else [])]

    def write(self, markdown: MarkdownStream) -> str | None:
        """Write the document's body; return the title as the reader sees it (None without one)."""
        self._markdown = markdown
        self._footnote_definitions = markdown.footnotes
        if self._numbered_paragraphs:
            self._ensure_numbered_paragraph_list()
        body = self._document.element.body
        context = _Context(_Blocks(body, self._document))
        for block in markdown.blocks():
            self._block(block, context)
            self._settle_landscape_tables(last=False)
            if len(body) > UNSETTLED_ELEMENTS + ELEMENTS_AT_A_TIME:
                self._written_body.write_out(keep=UNSETTLED_ELEMENTS)
                self._landscape_ends = [end for end in self._landscape_ends if end.getparent() is not None]
            self._write_out_notes()
        self._settle_landscape_tables(last=True)
        if self._section is not None:
            if self._notes is not None and self._note_kind is oxml.ENDNOTES:
                oxml.number_notes_in_arabic(self._document.settings.element, self._section, self._note_kind)
            body.append(self._section)  # the body's section properties come last
        oxml.end_after_table(body)
        return self._title

    def _write_out_notes(self) -> None:
        """Write out the notes written so far, once there are a few (a note is finished when it is written)."""
        if self._written_notes is not None and self._notes is not None \
                and len(self._notes.element) > ELEMENTS_AT_A_TIME:
            self._written_notes.write_out()

    def _settle_landscape_tables(self, *, last: bool) -> None:
        """Turn the wide tables that something follows (at the `last`, all) into landscape sections, in order."""
        while self._landscape_tables and (last or self._landscape_tables[0].getnext() is not None):
            self._turn_landscape(self._landscape_tables.pop(0))

    def _ensure_numbered_paragraph_list(self) -> None:
        """Keep the base's numbered-paragraph list if it has a working one, else add ours."""
        style = self._styles[ref.NUMBERED_PARAGRAPH].element
        num_id = oxml.style_numbering_id(style)
        if num_id is None or not self._numbering.has_list_instance(num_id):
            ref.attach_numbered_paragraphs(self._document, self._numbering)

    # -- blocks

    def _quote(self, element: Element, context: _Context) -> None:
        if self._house.quote == "box":
            self._box(element, context)
        else:
            self._blocks(element, replace(context, paragraph_style=ref.QUOTE, top_level=False))

    def _code(self, text: str, context: _Context) -> None:
        paragraph = self._add_paragraph(context, ref.SOURCE_CODE)
        self._add_run(paragraph_element(paragraph), text, _PLAIN)

    def _rule(self, context: _Context) -> None:
        self._add_paragraph(context, ref.HORIZONTAL_RULE)

    def _add_paragraph(self, context: _Context, spec: ref.StyleSpec | None) -> Paragraph:
        return context.container.add_paragraph(self._style_ids[spec] if spec else None)

    def _paragraph(self, inlines: Inlines, context: _Context, spec: ref.StyleSpec | None = None) -> Paragraph:
        if spec is None:
            spec = context.paragraph_style
            if context.top_level and self._in_title_block:
                spec = ref.SUBTITLE
        paragraph = self._add_paragraph(context, spec)
        self._inlines(paragraph, paragraph_element(paragraph), inlines, _PLAIN, context)
        if self._pending_source_lines and not context.in_footnote and not context.list_depth:
            self._source_lines(context)  # a paragraph outside lists is a block of its own
        return paragraph

    def _heading(self, element: Element, context: _Context) -> None:
        level = HEADING_LEVELS[element.tag]
        if level == 1 and not self._title_written:
            spec = ref.TITLE
            self._title_written = self._in_title_block = True
        else:
            # "##" is Heading 1: the single "#" is the title.
            spec = ref.HEADINGS[min(max(level - 1, 1), len(ref.HEADINGS)) - 1]
            self._in_title_block = False
        paragraph = self._paragraph(inline_parts(element), context, spec)
        if spec is ref.TITLE:
            self._title = paragraph.text

    def _list(self, element: Element, context: _Context) -> None:
        ordered = element.tag == "ol"
        if ordered and context.top_level and self._numbered_paragraphs:
            self._numbered_paragraph_items(element, context)
            return
        depth = context.list_depth
        num_id = self._numbering.add_list_instance(
            self._list_definition("ordered" if ordered else "bullet"),
            level=depth,
            # Word continues a list definition's numbers across instances unless told.
            start=int(element.get("start", 1)) if ordered else None,
        )
        styles = ref.LIST_NUMBER if ordered else ref.LIST_BULLET
        item_style = styles[min(depth, len(styles) - 1)]
        continuation = ref.LIST_CONTINUE[min(depth, len(ref.LIST_CONTINUE) - 1)]
        inner = replace(
            context, paragraph_style=continuation, list_depth=depth + 1, top_level=False,
            bullet_depth=depth if not ordered else context.bullet_depth,
        )
        for item in element:
            first = self._item(item, inner, item_style)
            oxml.set_paragraph_numbering(paragraph_element(first), num_id, depth)

    def _numbered_paragraph_items(self, element: Element, context: _Context) -> None:
        """UN style: each item is a paragraph numbered by its style; nested lists are ordinary."""
        inner = replace(context, list_depth=1, top_level=False)
        for item in element:
            self._item(item, inner, ref.NUMBERED_PARAGRAPH)

    def _item(self, item: Element, inner: _Context, style: ref.StyleSpec) -> Paragraph:
        """Write a list item; return its first paragraph, which carries the number."""
        parts = list(block_parts(item))
        opening = _opening_paragraph(parts)
        if opening is not None:
            first = self._paragraph(opening, inner, style)
        else:  # an empty item, or one opening with a nested block: the number needs a line
            first = self._add_paragraph(inner, style)
        self._blocks(parts, inner)
        if self._pending_source_lines and not inner.in_footnote and inner.list_depth == 1:
            self._source_lines(inner)  # under an outermost item, after the items under it: its block
        return first

    def _list_definition(self, kind: str) -> int:
        if kind not in self._list_definitions:
            self._list_definitions[kind] = self._numbering.add_abstract_list(kind)
        return self._list_definitions[kind]

    def _table(self, element: Element, context: _Context) -> None:
        """Columns as wide as their content, rows kept whole, the header row repeated on every page.

        A top-level table is read and written a row at a time (a brief's annex
        can run to 100,000 rows): its rows go to the package as they are
        written, and their cell widths are filled in once every row has been
        measured.
        """
        if context.top_level:
            rows = self._markdown.rows(element)
        else:
            rows = iter([*element.findall("thead/tr"), *element.findall("tbody/tr")])
        first = next(rows, None)
        if first is None:
            return
        columns = len(first)
        table = context.container.add_table(0, columns, self._text_width)
        oxml.set_table_style(table, self._style_ids[ref.TABLE])
        lead_in = table.getprevious()
        if isinstance(lead_in, CT_P):  # the sentence introducing the table never ends a page without it
            lead_in.get_or_add_pPr().keepNext_val = True
        header = first.getparent().tag == "thead"  # asked now: a row read leaves its table
        written = None  # the rows written out, once there are more than a few
        measured = ColumnMeasure()
        placeholders = [oxml.cell_width_placeholder(column) for column in range(columns)]
        cell_context = replace(context, paragraph_style=ref.TABLE_TEXT, top_level=False)
        batch: list[Element] = []
        for row_element in itertools.chain([first], rows):
            measured.add(["".join(cell.itertext()) for cell in row_element])
            batch.append(row_element)
            if context.top_level and len(batch) == ROWS_AT_A_TIME:  # written before the widths are known
                if written is None:
                    written = StreamedChildren(self._document.part, table)
                    self._written_body.nest(table, written)
                self._table_rows(table, batch, placeholders, header, cell_context)
                batch, header = [], False
                written.write_out()
                self._write_out_notes()
        extents = measured.extents(self._house.table_size)
        width = self._text_width
        landscape = (self._house.wide_tables == "landscape" and context.top_level
                     and readable_width(extents) > width / EMU_PER_TWIP)
        if landscape:
            width = self._landscape_width
            self._landscape_tables.append(table)
        widths = column_widths(extents, int(width / EMU_PER_TWIP))
        oxml.set_table_widths(table, widths)
        values = [str(width) for width in widths]
        self._table_rows(table, batch, values, header, cell_context)
        if written is not None:
            written.write_out()
            written.replace_when_copied({oxml.cell_width_xml(placeholder): oxml.cell_width_xml(value)
                                         for placeholder, value in zip(placeholders, values)})
        if self._pending_source_lines and not context.in_footnote:
            self._source_lines(context)  # notes cited in the table, under it

    def _table_rows(self, table: CT_Tbl, rows: list[Element], widths: list[str], header: bool,
                    context: _Context) -> None:
        """Append `rows` to `table` with cells `widths` wide; the first is the header row if `header`."""
        if not rows:
            return
        prototype = oxml.table_row(len(table.tblGrid), self._style_ids[ref.TABLE_TEXT], widths)
        for row_element in rows:
            row = oxml.append_copy(table, prototype)
            if header:
                oxml.mark_header_row(row)
                header = False
            for cell_element, cell_paragraph in zip(row_element, oxml.row_cell_paragraphs(row)):
                alignment = _ALIGNMENTS.get(cell_element.get("align", ""))
                if alignment is None and not len(cell_element):  # plain text, most cells: what _inlines would write
                    if cell_element.text:
                        self._add_run(cell_paragraph, cell_element.text.replace("\n", " "), _PLAIN)
                    continue
                paragraph = Paragraph(cell_paragraph, context.container.story)
                if alignment is not None:
                    paragraph.alignment = alignment  # column alignment is content, not style
                self._inlines(paragraph, paragraph_element(paragraph), inline_parts(cell_element), _PLAIN, context)

    def _turn_landscape(self, table: CT_Tbl) -> None:
        """Put `table`, with the heading just above it, in a landscape section of its own.

        A section's properties sit in its last paragraph: the paragraph before
        the heading closes the portrait pages, one after the table closes the
        landscape ones (or, when the table ends the document, the body's own).
        """
        start = table
        previous = table.getprevious()
        if previous is not None and previous.tag == qn("w:p") and \
                previous.xpath("string(w:pPr/w:pStyle/@w:val)") in self._heading_style_ids:
            start = previous
        lead_in = self._lead_in_after_landscape(start)
        if lead_in is not None:
            start = lead_in  # a table introduced by a line right after another landscape table shares its pages
        before = start.getprevious()
        body = self._document.element.body
        portrait = self._section
        if before is None or before.tag != qn("w:p") or portrait is None:
            return  # nothing above to close a portrait section: leave the table as it is
        if before in self._landscape_ends:
            body.remove(before)  # right after another landscape table: one landscape section for both
            self._landscape_ends.remove(before)
        elif oxml.ends_section(before):
            return
        else:
            oxml.end_section(before, portrait)
        landscape = oxml.landscape(portrait)
        if table.getnext() is None:  # the table ends the document: the body's own section turns
            self._section = landscape
        else:
            closing = oxml.append_paragraph(body, None)
            table.addnext(closing)
            oxml.end_section(closing, landscape)
            self._landscape_ends.append(closing)

    def _lead_in_after_landscape(self, start: BaseOxmlElement) -> BaseOxmlElement | None:
        """The first of at most ``LEAD_IN_PARAGRAPHS`` paragraphs between a landscape table's end and ``start``."""
        candidate = start.getprevious()
        for _ in range(LEAD_IN_PARAGRAPHS):
            if candidate is None or candidate.tag != qn("w:p") or oxml.ends_section(candidate):
                return None
            if candidate.getprevious() in self._landscape_ends:
                return candidate
            candidate = candidate.getprevious()
        return None

    def _box(self, element: Element, context: _Context) -> None:
        """A block quote as a bordered one-cell table (the 요약 box of a Korean report)."""
        table = context.container.add_table(1, 1, self._text_width)
        oxml.set_table_borders(table, size=BOX_RULE)
        oxml.set_cell_margins(table, vertical=BOX_PADDING, horizontal=BOX_PADDING)
        oxml.set_column_widths(table, [int(self._text_width / EMU_PER_TWIP)])
        oxml.keep_rows_whole(table)  # the box stays on one page
        cell = table.tr_lst[0].tc_lst[0]
        cell.remove(cell.find(qn("w:p")))
        self._blocks(element, replace(context, container=_Blocks(cell, context.container.story),
                                      paragraph_style=None, top_level=False))
        if cell.find(qn("w:p")) is None:  # a cell must end with a paragraph
            oxml.append_paragraph(cell, None)

    # -- inlines

    def _inlines(
        self,
        paragraph: Paragraph,
        target: BaseOxmlElement,
        inlines: Inlines,
        form: _Format,
        context: _Context,
    ) -> None:
        """Write `inlines` as runs into `target` (the paragraph or a hyperlink in it)."""
        after_break = False
        for part in inlines:
            if isinstance(part, str):
                # a line break in the source is a space; after a hard break it is the break itself
                text = part[1:] if after_break and part.startswith("\n") else part
                if text:
                    self._add_run(target, text.replace("\n", " "), form)
                after_break = False
                continue
            tag = part.tag
            after_break = tag == "br"
            if tag == "br":
                oxml.add_break(self._add_run(target, "", form))
            elif tag == "em":
                self._inlines(paragraph, target, inline_parts(part), replace(form, italic=True), context)
            elif tag == "strong":
                self._inlines(paragraph, target, inline_parts(part), replace(form, bold=True), context)
            elif tag == "code":
                self._add_run(target, part.text or "", replace(form, span_style=ref.VERBATIM))
            elif tag == "a":
                self._link(paragraph, target, part, form, context)
            elif tag == "img":  # briefs have no images; keep the description
                self._add_run(target, part.get("alt", ""), form)
            elif (label := footnote_reference(part)) is not None:
                self._footnote_reference(target, label, form, context)
            else:  # an element cmark adds that Word has no use for: keep its text
                self._inlines(paragraph, target, inline_parts(part), form, context)

    def _add_run(self, target: BaseOxmlElement, text: str, form: _Format) -> BaseOxmlElement:
        if form.span_style is not None:
            return oxml.append_run(
                target, text, style_id=self._style_ids[form.span_style], bold=form.bold,
                italic=form.italic and self._italic,
            )
        if form.italic and not form.bold and self._own_script is not None and not self._own_script.search(text):
            return oxml.append_run(target, text, italic=True)
        emphasis = None
        if form.bold or form.italic:
            emphasis = (
                ref.STRONG_EMPHASIS
                if form.bold and form.italic
                else ref.STRONG if form.bold else ref.EMPHASIS
            )
        return oxml.append_run(target, text, style_id=self._style_ids[emphasis] if emphasis else None)

    def _link(
        self,
        paragraph: Paragraph,
        target: BaseOxmlElement,
        element: Element,
        form: _Format,
        context: _Context,
    ) -> None:
        href = element.get("href", "")
        inlines = inline_parts(element)
        if not href or href.startswith("#") or target is not paragraph_element(paragraph) or link_refusal(href) is not None:
            # no address, an in-page anchor, a link nested in a link, or one no document may hold: keep the text
            self._inlines(paragraph, target, inlines, form, context)
            return
        rId = paragraph.part.relate_to(href, RT.HYPERLINK, is_external=True)
        hyperlink = oxml.add_hyperlink(paragraph_element(paragraph), rId)
        self._inlines(paragraph, hyperlink, inlines, replace(form, span_style=ref.HYPERLINK), context)

    def _footnote_reference(self, target: BaseOxmlElement, label: str, form: _Format, context: _Context) -> None:
        """A new Word footnote or endnote holding the definition's text, marked here; or a ※ line to come."""
        if context.in_footnote or label not in self._footnote_definitions:
            # Word has no notes inside notes: show the label as written.
            self._add_run(target, f"[^{label}]", form)
            return
        if self._note_placement == "source-lines":
            self._pending_source_lines[label] = None  # written under the block (see _item), once per note
            return
        note_id = self._write_note(self._footnote_definitions[label])
        endnotes = self._note_kind is oxml.ENDNOTES
        style_id = self._style_ids[ref.ENDNOTE_REFERENCE if endnotes else ref.FOOTNOTE_REFERENCE]
        if oxml.ends_with_note_reference(target, self._note_kind):
            # several marks at one point are separated by a comma (UN Editorial Manual; facts B1)
            oxml.append_run(target, NOTE_MARK_SEPARATOR, style_id=style_id)
        mark = oxml.append_run(target, "", style_id=style_id)
        oxml.add_note_reference(mark, self._note_kind, note_id)

    def _write_note(self, definition: Element) -> int:
        endnotes = self._note_kind is oxml.ENDNOTES
        text_style = ref.ENDNOTE_TEXT if endnotes else ref.FOOTNOTE_TEXT
        if self._notes is None:
            self._notes = oxml.NotesPart.for_document(self._document.part, self._note_kind)
            self._written_notes = StreamedChildren(self._notes, self._notes.element)
        note_id, element = self._notes.add_note()
        container = _Blocks(element, self._notes)
        context = _Context(container, paragraph_style=text_style, top_level=False, in_footnote=True)
        parts = list(block_parts(definition))
        opening = _opening_paragraph(parts)
        first = self._add_paragraph(context, text_style)
        number = oxml.append_run(paragraph_element(first), "", style_id=self._style_ids[
            ref.ENDNOTE_REFERENCE if endnotes else ref.FOOTNOTE_REFERENCE])
        oxml.add_note_number(number, self._note_kind)
        oxml.append_run(paragraph_element(first), " ")
        if opening is not None:
            self._inlines(first, paragraph_element(first), opening, _PLAIN, context)
        self._blocks(parts, context)
        return note_id

    def _source_lines(self, context: _Context) -> None:
        """The notes cited in the block just written (a paragraph, or an outermost list item with the items
        under it), as ※ lines under it, aligned with the text of its first line."""
        labels = list(self._pending_source_lines)
        self._pending_source_lines.clear()
        if self._source_line_list is None:
            self._source_line_list = self._numbering.add_list_instance(
                self._numbering.add_abstract_list("bullet", marker=SOURCE_LINE_MARKER))
        level = context.bullet_depth + 1
        note_context = replace(context, paragraph_style=ref.SOURCE_LINE, top_level=False, in_footnote=True)
        for label in labels:
            parts = list(block_parts(self._footnote_definitions[label]))
            opening = _opening_paragraph(parts) or []
            line = self._add_paragraph(note_context, ref.SOURCE_LINE)
            oxml.set_paragraph_numbering(paragraph_element(line), self._source_line_list, level)
            self._inlines(line, paragraph_element(line), opening, _PLAIN, note_context)
            self._blocks(parts, note_context)


def _opening_paragraph(parts: list[Element | list[str | Element]]) -> list[str | Element] | None:
    """Take the first of `parts` if it is a paragraph: a list item's or a note's first line carries its mark."""
    return parts.pop(0) if parts and isinstance(parts[0], list) else None
