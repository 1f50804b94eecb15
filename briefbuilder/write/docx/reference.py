"""The reference .docx of a house style: page setup, footer and the named styles we write with.

Everything a brief looks like in Word lives here as *named styles* (and the
page/footer of the one section), built from the pack's house style
(:class:`~briefbuilder.house_style.HouseStyle`), so that an organisation can
restyle its briefs in YAML, or by editing a copy of
``templates/<pack>/reference.<lang>.docx`` in Word, as with pandoc's
``--reference-doc``. It starts from python-docx's default template, drops what
ties that file to its history (thumbnail, custom XML, the stale Word 2010
styles copy, unused table styles, the template's colours and theme fonts) and
adds the styles python-docx lacks.

``build_reference_bytes`` is deterministic: same style, same code, same bytes.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

import docx
import msgspec
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.shared import Mm, Pt, RGBColor

from briefbuilder.cache import digest, remembered_bytes
from briefbuilder.house_style import HouseStyle
from briefbuilder.write.docx import oxml
from briefbuilder.write.docx.package import reproducible_bytes, stamp_package
from briefbuilder.write.docx.private import paragraph_element

MONOSPACE_FONT = "Consolas"
DEFAULT_LANGUAGE = "en-GB"
# A fixed date for the template's own properties, so rebuilding changes nothing.
REFERENCE_DATE = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)
_ALIGNMENTS = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}


@dataclass(frozen=True)
class StyleSpec:
    """A style the writer uses: its Word name, id and type."""

    name: str
    style_id: str
    type: WD_STYLE_TYPE


def _paragraph(name: str, style_id: str | None = None) -> StyleSpec:
    return StyleSpec(name, style_id or name.title().replace(" ", ""), WD_STYLE_TYPE.PARAGRAPH)


def _character(name: str, style_id: str | None = None) -> StyleSpec:
    return StyleSpec(name, style_id or name.title().replace(" ", ""), WD_STYLE_TYPE.CHARACTER)


# Names are Word's built-in names where one exists ("footnote text"), so Word
# treats the styles as its own and localises their names in the UI.
TITLE = _paragraph("Title")
SUBTITLE = _paragraph("Subtitle")
HEADINGS = tuple(_paragraph(f"Heading {level}") for level in range(1, 7))
QUOTE = _paragraph("Quote")
LIST_BULLET = tuple(_paragraph(name) for name in ("List Bullet", "List Bullet 2", "List Bullet 3"))
LIST_NUMBER = tuple(_paragraph(name) for name in ("List Number", "List Number 2", "List Number 3"))
LIST_CONTINUE = tuple(
    _paragraph(name) for name in ("List Continue", "List Continue 2", "List Continue 3")
)
NUMBERED_PARAGRAPH = _paragraph("Numbered Paragraph")
FOOTNOTE_TEXT = _paragraph("footnote text", "FootnoteText")
ENDNOTE_TEXT = _paragraph("endnote text", "EndnoteText")
SOURCE_LINE = _paragraph("Source Line")  # a ※ note under its paragraph (Korean government reports)
TABLE_TEXT = _paragraph("Table Text")
SOURCE_CODE = _paragraph("Source Code")
HORIZONTAL_RULE = _paragraph("Horizontal Rule")
FOOTER = _paragraph("footer", "Footer")
FOOTNOTE_REFERENCE = _character("footnote reference", "FootnoteReference")
ENDNOTE_REFERENCE = _character("endnote reference", "EndnoteReference")
HYPERLINK = _character("Hyperlink")
STRONG = _character("Strong")
EMPHASIS = _character("Emphasis")
STRONG_EMPHASIS = _character("Strong Emphasis")
VERBATIM = _character("Verbatim Char", "VerbatimChar")
TABLE = StyleSpec("Brief Table", "BriefTable", WD_STYLE_TYPE.TABLE)

WRITER_STYLES: tuple[StyleSpec, ...] = (
    TITLE, SUBTITLE, *HEADINGS, QUOTE, *LIST_BULLET, *LIST_NUMBER, *LIST_CONTINUE,
    NUMBERED_PARAGRAPH, FOOTNOTE_TEXT, ENDNOTE_TEXT, SOURCE_LINE, TABLE_TEXT, SOURCE_CODE, HORIZONTAL_RULE,
    FOOTER, FOOTNOTE_REFERENCE, ENDNOTE_REFERENCE, HYPERLINK, STRONG, EMPHASIS, STRONG_EMPHASIS, VERBATIM, TABLE,
)  # fmt: skip

_KEPT_TABLE_STYLES = ("TableNormal", "TableGrid", TABLE.style_id)
_KEPT_DOCUMENT_PARTS = {RT.STYLES, RT.NUMBERING, RT.SETTINGS, RT.THEME, RT.FONT_TABLE, RT.WEB_SETTINGS}
_KEPT_PACKAGE_PARTS = {RT.OFFICE_DOCUMENT, RT.CORE_PROPERTIES, RT.EXTENDED_PROPERTIES}


def _drop_unwanted_parts(document: Document) -> None:
    """Drop the thumbnail, custom XML and ``stylesWithEffects`` of python-docx's template.

    The Word 2010 styles copy would go stale as soon as we change the styles.
    """
    part = document.part
    for rId, rel in list(part.rels.items()):
        if rel.reltype not in _KEPT_DOCUMENT_PARTS and not rel.is_external:
            part.rels.pop(rId)
    package = part.package
    for rId, rel in list(package.rels.items()):
        if rel.reltype not in _KEPT_PACKAGE_PARTS:
            package.rels.pop(rId)


def _add_style(document: Document, spec: StyleSpec, based_on: str):
    """The style of `spec`, created (with `spec`'s id) when the template lacks it."""
    styles = document.styles
    try:
        return styles[spec.name]
    except KeyError:
        style = styles.add_style(spec.name, spec.type)
        style.style_id = spec.style_id
        style.base_style = styles[based_on]
        return style


def _pt(value: float) -> Pt:
    return Pt(value)


def _colour(value: str | None) -> RGBColor | None:
    return RGBColor.from_string(value) if value else None


def _text_style(style, style_data: HouseStyle, *, size: float, bold: bool = False, heading: bool = False,
                colour: str | None = None, align: str | None = None) -> None:
    """Reset `style` to the house style's look: font, size, weight, colour, no italic."""
    oxml.clear_style_formatting(style.element)
    if heading:
        oxml.set_style_fonts(style.element, latin=style_data.heading_font,
                             east_asian=style_data.heading_east_asian_font)
    style.font.size = _pt(size)
    style.font.bold = bold
    style.font.italic = False
    if colour:
        style.font.color.rgb = _colour(colour)
    if align:
        style.paragraph_format.alignment = _ALIGNMENTS[align]


def _define_styles(document: Document, house: HouseStyle) -> None:
    styles = document.styles
    oxml.strip_theme_fonts(styles.element)
    oxml.set_default_fonts(styles.element, latin=house.font, east_asian=house.east_asian_font)
    oxml.set_default_language(styles.element, latin=DEFAULT_LANGUAGE, east_asian=None)
    oxml.remove_styles(styles.element, keep=_KEPT_TABLE_STYLES, style_type="table")
    # linked character styles ("Title Char"...) would keep the template's colours and fonts
    oxml.remove_linked_character_styles(styles.element)

    normal = styles["Normal"]
    normal.font.size = _pt(house.size)
    normal.paragraph_format.space_after = _pt(house.space_after)
    normal.paragraph_format.line_spacing = house.line_spacing
    normal.paragraph_format.alignment = _ALIGNMENTS[house.align]

    title = styles[TITLE.name]
    _text_style(title, house, size=house.title_size, bold=True, heading=True, colour=house.colour,
                align=house.title_align)
    title.paragraph_format.space_after = _pt(house.space_after * 1.5)
    title.paragraph_format.keep_with_next = True
    if house.title != "plain":
        sides = ("top", "left", "bottom", "right") if house.title == "boxed" else ("bottom",)
        oxml.set_borders(title.element, sides, size=12 if house.title == "boxed" else 8, colour=house.colour)

    subtitle = styles[SUBTITLE.name]
    _text_style(subtitle, house, size=house.cover_size or house.size, align=house.cover_align)
    subtitle.paragraph_format.space_after = _pt(house.space_after / 2)
    oxml.remove_style_numbering(subtitle.element)
    if house.cover_rule:  # Word and LibreOffice draw one rule under a run of bordered paragraphs
        oxml.set_borders(subtitle.element, ("bottom",), size=6, colour=house.colour)

    for level, spec in enumerate(HEADINGS, start=1):
        heading = styles[spec.name]
        _text_style(heading, house, size=house.heading_size(level), bold=True, heading=True, colour=house.colour)
        heading.paragraph_format.space_before = _pt(house.heading_space_before if level == 1
                                                    else house.heading_space_before / 2)
        heading.paragraph_format.space_after = _pt(house.space_after / 2)
        heading.paragraph_format.keep_with_next = True
        heading.paragraph_format.keep_together = True
        heading.paragraph_format.alignment = _ALIGNMENTS["left"]
        oxml.set_outline_level(heading.element, level - 1)

    quote = styles[QUOTE.name]
    _text_style(quote, house, size=house.size)
    quote.paragraph_format.left_indent = Mm(10)
    quote.paragraph_format.right_indent = Mm(10)

    # The template numbers these styles itself; we number per list instead.
    for spec in (*LIST_BULLET, *LIST_NUMBER):
        oxml.remove_style_numbering(styles[spec.name].element)
    if any(house.list_space_before):
        for spec in (*LIST_BULLET, *LIST_NUMBER, *LIST_CONTINUE):
            oxml.remove_contextual_spacing(styles[spec.name].element)
    for depth, spec in enumerate(LIST_BULLET):
        styles[spec.name].paragraph_format.space_before = _pt(house.space_before_item(depth))

    numbered = _add_style(document, NUMBERED_PARAGRAPH, "Normal")
    numbered.quick_style = True

    for spec in (FOOTNOTE_TEXT, ENDNOTE_TEXT):
        note = _add_style(document, spec, "Normal")
        note.font.size = _pt(house.footnote_size)
        note.paragraph_format.space_after = _pt(0)
        note.paragraph_format.line_spacing = 1.0
        note.paragraph_format.alignment = _ALIGNMENTS[house.footnote_align]

    source_line = _add_style(document, SOURCE_LINE, "Normal")
    source_line.font.size = _pt(house.footnote_size)
    source_line.paragraph_format.line_spacing = 1.0
    source_line.paragraph_format.space_after = _pt(house.space_after / 2)

    table_text = _add_style(document, TABLE_TEXT, "Normal")
    table_text.font.size = _pt(house.table_size)
    table_text.paragraph_format.space_after = _pt(0)
    table_text.paragraph_format.line_spacing = 1.0
    table_text.paragraph_format.alignment = _ALIGNMENTS["left"]

    source_code = _add_style(document, SOURCE_CODE, "Normal")
    source_code.font.name = MONOSPACE_FONT
    source_code.font.size = Pt(10)
    source_code.paragraph_format.space_after = Pt(0)

    rule = _add_style(document, HORIZONTAL_RULE, "Normal")
    oxml.set_borders(rule.element, ("bottom",), size=6, colour=None)

    styles[FOOTER.name].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER

    for spec in (FOOTNOTE_REFERENCE, ENDNOTE_REFERENCE):
        _add_style(document, spec, "Default Paragraph Font").font.superscript = True

    hyperlink = _add_style(document, HYPERLINK, "Default Paragraph Font")
    if house.colour:  # a document without colour shows addresses as plain text
        hyperlink.font.color.rgb = RGBColor(0x05, 0x63, 0xC1)
        hyperlink.font.underline = True

    strong_emphasis = _add_style(document, STRONG_EMPHASIS, "Strong")
    strong_emphasis.font.italic = True

    verbatim = _add_style(document, VERBATIM, "Default Paragraph Font")
    verbatim.font.name = MONOSPACE_FONT

    if not house.colour:
        oxml.remove_colours(styles.element)
    table = _add_style(document, TABLE, "Table Grid")
    oxml.set_table_style_header(table.element, shading=house.header_shading)


def _number_paragraph_style(document: Document) -> None:
    """Replace the template's list definitions by the one list of numbered paragraphs."""
    numbering = oxml.numbering(document.part).element
    for definition in list(numbering):
        numbering.remove(definition)
    attach_numbered_paragraphs(document, oxml.numbering(document.part))


def attach_numbered_paragraphs(document: Document, numbering: oxml.Numbering) -> int:
    """Tie the "Numbered Paragraph" style to a list of its own; return the ``numId``.

    Every paragraph in the style then shares one numbering instance, so the
    numbers run on through the whole document (UN style), across headings.
    """
    abstract_id = numbering.add_abstract_list("ordered", paragraph_style=NUMBERED_PARAGRAPH.style_id)
    num_id = numbering.add_list_instance(abstract_id)
    oxml.set_style_numbering(document.styles[NUMBERED_PARAGRAPH.name].element, num_id)
    return num_id


def _set_up_page(document: Document, house: HouseStyle) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = (Mm(side) for side in house.page_mm)
    margins = house.margins
    section.top_margin, section.bottom_margin = Mm(margins.top), Mm(margins.bottom)
    section.left_margin, section.right_margin = Mm(margins.left), Mm(margins.right)
    section.header_distance, section.footer_distance = Mm(margins.header), Mm(margins.footer)
    footer = section.footer
    footer.is_linked_to_previous = False
    page_number = footer.paragraphs[0]
    page_number.style = document.styles[FOOTER.name]
    oxml.add_field(paragraph_element(page_number), "PAGE", placeholder="1")


def _set_properties(document: Document) -> None:
    settings = document.settings.element
    oxml.set_theme_font_language(settings, latin=DEFAULT_LANGUAGE, east_asian=None)
    oxml.remove_settings(settings, ("w:rsids", "w14:docId", "w:attachedTemplate"))
    properties = document.core_properties
    properties.title = "briefbuilder reference document"
    properties.subject = "Styles, page setup and footer for briefbuilder's Word output"
    properties.author = properties.last_modified_by = "briefbuilder"
    properties.comments = properties.keywords = properties.category = ""
    properties.language = DEFAULT_LANGUAGE
    properties.created = properties.modified = REFERENCE_DATE.replace(tzinfo=None)
    properties.last_printed = REFERENCE_DATE.replace(tzinfo=None)
    properties.revision = 1


def build_reference_document(house: HouseStyle | None = None) -> Document:
    """A fresh python-docx ``Document``: the reference for `house` (default: the general style)."""
    house = house or HouseStyle()
    document = docx.Document()
    document.element.body.clear_content()
    _drop_unwanted_parts(document)
    _define_styles(document, house)
    _number_paragraph_style(document)
    _set_up_page(document, house)
    _set_properties(document)
    stamp_package(document, house.font_fallbacks)
    return document


@functools.lru_cache(maxsize=32)
def _reference_bytes(house_json: str) -> bytes:
    return remembered_bytes("reference-docx", digest(house_json), lambda: reproducible_bytes(
        build_reference_document(msgspec.json.decode(house_json, type=HouseStyle))))


def build_reference_bytes(house: HouseStyle | None = None) -> bytes:
    """The reference .docx of `house` as bytes, as ``scripts/build-reference-docx`` saves it.

    Cached per style, in the process and between runs (:mod:`briefbuilder.cache`): every
    brief of a build that shares a style shares one reference.
    """
    return _reference_bytes(msgspec.json.encode(house or HouseStyle()).decode())
