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
- each footnote *reference* becomes its own Word footnote carrying the text of
  its definition: Word cannot point two marks at one footnote, so a note cited
  twice is printed twice rather than broken;
- links are real hyperlinks, tables repeat their header row on every page.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

import docx
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.table import CT_Tbl
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.styles.style import BaseStyle, StyleFactory
from docx.text.paragraph import Paragraph
from lxml import etree

from briefbuilder.document import DocumentInfo, Layout, RenderedDocument
from briefbuilder.errors import BriefError
from briefbuilder.markdown_tree import (
    MarkdownTree,
    block_parts,
    footnote_reference,
    inline_parts,
    xml_safe,
)
from briefbuilder.write.docx import oxml
from briefbuilder.write.docx import reference as ref
from briefbuilder.write.atomic import write_atomic
from briefbuilder.write.docx.package import reproducible_bytes

Element = etree._Element
Inlines = Iterable["str | etree._Element"]
_HEADING_LEVELS = {f"h{level}": level for level in range(1, 7)}
# Scripts whose text Word sets with the East Asian font (w:eastAsia).
_EAST_ASIAN_LANGUAGES = frozenset({"ko", "ja", "zh"})
_DEFAULT_EAST_ASIAN_FONTS = {"ko": "Malgun Gothic"}
# The Latin-script text of a Korean brief (names, citations) is English.
LATIN_LANGUAGE_OF_EAST_ASIAN_DOCUMENTS = "en-GB"
CORE_PROPERTY_LIMIT = 255  # characters; python-docx (and Word) refuse longer values
DRAFT = "Draft"
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
    return reproducible_bytes(build_document(document))


def build_document(rendered: RenderedDocument) -> Document:
    """The python-docx ``Document`` of `rendered`, before it is saved."""
    document = _open_base(rendered.layout.reference_docx)
    document.element.body.clear_content()
    styles = _prepare_styles(document)
    _set_language_and_fonts(document, rendered.info, rendered.layout)
    _set_core_properties(document, rendered.info)
    _BodyWriter(document, styles, rendered.layout).write(rendered.tree)
    return document


# -- the base document ------------------------------------------------------------------


@functools.cache
def _default_reference() -> bytes:
    return ref.build_reference_bytes()


def _open_base(reference_docx: Path | None) -> Document:
    """Our reference, or the user's, opened as the document to fill.

    Its body is cleared later; its styles, section (page size, margins) and
    headers and footers are what the brief is laid out with.
    """
    if reference_docx is None:
        return docx.Document(io.BytesIO(_default_reference()))
    try:
        return docx.Document(str(reference_docx))
    except (OSError, PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise BriefError.at(
            None,
            "layout.reference_docx",
            f"cannot use {reference_docx} as a reference document: {error}",
            "give the path of a Word .docx file, or leave it out to use the default",
        ) from error


def _prepare_styles(document: Document) -> dict[ref.StyleSpec, BaseStyle]:
    """Every style the writer uses, copied from our reference when the base lacks it."""
    styles = document.styles
    default_styles = None
    resolved: dict[ref.StyleSpec, BaseStyle] = {}
    for spec in ref.WRITER_STYLES:
        element = styles.element.get_by_name(spec.name)
        if element is None:
            element = styles.element.get_by_id(spec.style_id)
        if element is None:
            if default_styles is None:
                default_styles = docx.Document(io.BytesIO(_default_reference())).styles.element
            oxml.copy_missing_style(default_styles, styles.element, spec.style_id)
            element = styles.element.get_by_id(spec.style_id)
            if spec is ref.NUMBERED_PARAGRAPH:
                # its list lives in our reference's numbering, not in this document's
                oxml.remove_style_numbering(element)
        resolved[spec] = StyleFactory(element)
    return resolved


def _set_language_and_fonts(document: Document, info: DocumentInfo, layout: Layout) -> None:
    """Default languages and fonts in ``w:docDefaults`` and the settings.

    A Korean document is tagged ``w:eastAsia="ko-KR"`` and names an East Asian
    font, which is what makes Word and LibreOffice set Hangul in a CJK face; a
    document in any other language carries no East Asian tag at all.
    """
    primary = info.language.split("-")[0].lower()
    east_asian_tag = info.language if primary in _EAST_ASIAN_LANGUAGES else None
    latin_tag = LATIN_LANGUAGE_OF_EAST_ASIAN_DOCUMENTS if east_asian_tag else info.language
    east_asian_font = layout.east_asian_font
    if east_asian_font is None and east_asian_tag:
        east_asian_font = _DEFAULT_EAST_ASIAN_FONTS.get(primary)
    styles = document.styles.element
    oxml.set_default_language(styles, latin=latin_tag, east_asian=east_asian_tag)
    oxml.set_default_fonts(styles, latin=layout.latin_font, east_asian=east_asian_font)
    oxml.set_theme_font_language(
        document.settings.element, latin=latin_tag, east_asian=east_asian_tag
    )


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
    story: Document | oxml.FootnotesPart

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


@dataclass(frozen=True)
class _Format:
    """Inline formatting in force: emphasis, and the character style of the span."""

    bold: bool = False
    italic: bool = False
    span_style: ref.StyleSpec | None = None  # Hyperlink or Verbatim Char


class _BodyWriter:
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
        self._numbering = oxml.numbering(document.part)
        self._list_definitions: dict[str, int] = {}
        self._footnotes: oxml.FootnotesPart | None = None
        self._footnote_definitions: dict[str, Element] = {}
        self._title_written = False
        self._in_title_block = False
        section = document.sections[0]
        self._text_width = section.page_width - section.left_margin - section.right_margin

    def write(self, tree: MarkdownTree) -> None:
        self._footnote_definitions = tree.footnotes
        if self._numbered_paragraphs:
            self._ensure_numbered_paragraph_list()
        body = self._document.element.body
        self._blocks(tree.blocks, _Context(_Blocks(body, self._document)))
        oxml.move_section_properties_last(body)

    def _ensure_numbered_paragraph_list(self) -> None:
        """Keep the base's numbered-paragraph list if it has a working one, else add ours."""
        style = self._styles[ref.NUMBERED_PARAGRAPH].element
        num_id = oxml.style_numbering_id(style)
        if num_id is None or not self._numbering.has_list_instance(num_id):
            ref.attach_numbered_paragraphs(self._document, self._numbering)

    # -- blocks

    def _blocks(self, blocks: Iterable[Element | list[str | Element]], context: _Context) -> None:
        for block in blocks:
            if isinstance(block, list):  # a paragraph in a list item or a note (see block_parts)
                self._paragraph(block, context)
            else:
                self._block(block, context)

    def _block(self, element: Element, context: _Context) -> None:
        tag = element.tag
        if tag == "p":
            self._paragraph(inline_parts(element), context)
        elif tag in _HEADING_LEVELS:
            self._heading(element, context)
        elif tag in ("ul", "ol"):
            self._list(element, context)
        elif tag == "blockquote":
            self._blocks(element, replace(context, paragraph_style=ref.QUOTE, top_level=False))
        elif tag == "table":
            self._table(element, context)
        elif tag == "pre":
            paragraph = self._add_paragraph(context, ref.SOURCE_CODE)
            self._add_run(paragraph._p, element.xpath("string()").rstrip("\n"), _Format())
        elif tag == "hr":
            self._add_paragraph(context, ref.HORIZONTAL_RULE)
        else:
            raise BriefError.at(None, "markdown", f"unsupported Markdown element <{tag}>")

    def _add_paragraph(self, context: _Context, spec: ref.StyleSpec | None) -> Paragraph:
        return context.container.add_paragraph(self._style_ids[spec] if spec else None)

    def _paragraph(self, inlines: Inlines, context: _Context, spec: ref.StyleSpec | None = None) -> Paragraph:
        if spec is None:
            spec = context.paragraph_style
            if context.top_level and self._in_title_block:
                spec = ref.SUBTITLE
        paragraph = self._add_paragraph(context, spec)
        self._inlines(paragraph, paragraph._p, inlines, _Format(), context)
        return paragraph

    def _heading(self, element: Element, context: _Context) -> None:
        level = _HEADING_LEVELS[element.tag]
        if level == 1 and not self._title_written:
            spec = ref.TITLE
            self._title_written = self._in_title_block = True
        else:
            # "##" is Heading 1: the single "#" is the title.
            spec = ref.HEADINGS[min(max(level - 1, 1), len(ref.HEADINGS)) - 1]
            self._in_title_block = False
        self._paragraph(inline_parts(element), context, spec)

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
            context, paragraph_style=continuation, list_depth=depth + 1, top_level=False
        )
        for item in element:
            first = self._item(item, inner, item_style)
            oxml.set_paragraph_numbering(first._p, num_id, depth)

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
        return first

    def _list_definition(self, kind: str) -> int:
        if kind not in self._list_definitions:
            self._list_definitions[kind] = self._numbering.add_abstract_list(kind)
        return self._list_definitions[kind]

    def _table(self, element: Element, context: _Context) -> None:
        header_rows = element.findall("thead/tr")
        rows = [*header_rows, *element.findall("tbody/tr")]
        if not rows:
            return
        columns = max(len(row) for row in rows)
        table = context.container.add_table(len(rows), columns, self._text_width)
        oxml.set_table_style(table, self._style_ids[ref.TABLE])
        cell_context = replace(context, paragraph_style=None, top_level=False)
        for row_element, row in zip(rows, oxml.cell_paragraphs(table)):
            for cell_element, cell_paragraph in zip(row_element, row):
                paragraph = Paragraph(cell_paragraph, context.container.story)
                alignment = _ALIGNMENTS.get(cell_element.get("align", ""))
                if alignment is not None:
                    paragraph.alignment = alignment  # column alignment is content, not style
                self._inlines(paragraph, paragraph._p, inline_parts(cell_element), _Format(), cell_context)
        if header_rows:
            oxml.mark_header_row(table.tr_lst[0])

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
                target, text, style_id=self._style_ids[form.span_style], bold=form.bold, italic=form.italic
            )
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
        if not href or href.startswith("#") or target is not paragraph._p:
            # no address, an in-page anchor, or a link nested in a link: keep the text
            self._inlines(paragraph, target, inlines, form, context)
            return
        rId = paragraph.part.relate_to(href, RT.HYPERLINK, is_external=True)
        hyperlink = oxml.add_hyperlink(paragraph._p, rId)
        self._inlines(paragraph, hyperlink, inlines, replace(form, span_style=ref.HYPERLINK), context)

    def _footnote_reference(self, target: BaseOxmlElement, label: str, form: _Format, context: _Context) -> None:
        """A new Word footnote holding the definition's text, marked here."""
        definition = self._footnote_definitions.get(label)
        if context.in_footnote or definition is None:
            # Word has no notes inside notes: show the label as written.
            self._add_run(target, f"[^{label}]", form)
            return
        footnote_id = self._write_footnote(definition)
        mark = oxml.append_run(target, "", style_id=self._style_ids[ref.FOOTNOTE_REFERENCE])
        oxml.add_footnote_reference(mark, footnote_id)

    def _write_footnote(self, definition: Element) -> int:
        if self._footnotes is None:
            self._footnotes = oxml.FootnotesPart.for_document(self._document.part)
        footnote_id, element = self._footnotes.add_footnote()
        container = _Blocks(element, self._footnotes)
        context = _Context(container, paragraph_style=ref.FOOTNOTE_TEXT, top_level=False, in_footnote=True)
        parts = list(block_parts(definition))
        opening = _opening_paragraph(parts)
        first = self._add_paragraph(context, ref.FOOTNOTE_TEXT)
        number = oxml.append_run(first._p, "", style_id=self._style_ids[ref.FOOTNOTE_REFERENCE])
        oxml.add_footnote_number(number)
        oxml.append_run(first._p, " ")
        if opening is not None:
            self._inlines(first, first._p, opening, _Format(), context)
        self._blocks(parts, context)
        return footnote_id


def _opening_paragraph(parts: list[Element | list[str | Element]]) -> list[str | Element] | None:
    """Take the first of `parts` if it is a paragraph: a list item's or a note's first line carries its mark."""
    return parts.pop(0) if parts and isinstance(parts[0], list) else None
