"""The default reference .docx: page setup, footer and the named styles we write with.

Everything a brief looks like in Word lives here as *named styles* (and the
page/footer of the one section), so that an organisation can restyle its briefs
by editing a copy of ``templates/reference.docx`` in Word, as with pandoc's
``--reference-doc``. It starts from python-docx's default template, drops what
ties that file to its history (thumbnail, custom XML, the stale Word 2010
styles copy, unused table styles) and adds the styles python-docx lacks.

``build_reference_bytes`` is deterministic: same code, same bytes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import docx
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.shared import Cm, Pt, RGBColor

from briefbuilder.write.docx import oxml
from briefbuilder.write.docx.package import reproducible_bytes

A4_WIDTH, A4_HEIGHT = Cm(21.0), Cm(29.7)
MARGIN = Cm(2.5)
HEADER_FOOTER_DISTANCE = Cm(1.25)
LATIN_FONT = "Calibri"
MONOSPACE_FONT = "Consolas"
DEFAULT_LANGUAGE = "en-GB"
HEADER_ROW_SHADING = "D9E2F3"
# A fixed date for the template's own properties, so rebuilding changes nothing.
REFERENCE_DATE = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)


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
SOURCE_CODE = _paragraph("Source Code")
HORIZONTAL_RULE = _paragraph("Horizontal Rule")
FOOTER = _paragraph("footer", "Footer")
FOOTNOTE_REFERENCE = _character("footnote reference", "FootnoteReference")
HYPERLINK = _character("Hyperlink")
STRONG = _character("Strong")
EMPHASIS = _character("Emphasis")
STRONG_EMPHASIS = _character("Strong Emphasis")
VERBATIM = _character("Verbatim Char", "VerbatimChar")
TABLE = StyleSpec("Brief Table", "BriefTable", WD_STYLE_TYPE.TABLE)

WRITER_STYLES: tuple[StyleSpec, ...] = (
    TITLE, SUBTITLE, *HEADINGS, QUOTE, *LIST_BULLET, *LIST_NUMBER, *LIST_CONTINUE,
    NUMBERED_PARAGRAPH, FOOTNOTE_TEXT, SOURCE_CODE, HORIZONTAL_RULE, FOOTER,
    FOOTNOTE_REFERENCE, HYPERLINK, STRONG, EMPHASIS, STRONG_EMPHASIS, VERBATIM, TABLE,
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


def _define_styles(document: Document) -> None:
    styles = document.styles
    oxml.strip_theme_fonts(styles.element)
    oxml.set_default_fonts(styles.element, latin=LATIN_FONT, east_asian=None)
    oxml.set_default_language(styles.element, latin=DEFAULT_LANGUAGE, east_asian=None)
    oxml.remove_styles(styles.element, keep=_KEPT_TABLE_STYLES, style_type="table")

    normal = styles["Normal"]
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(8)
    normal.paragraph_format.line_spacing = 1.15

    # The template numbers these styles itself; we number per list instead.
    for spec in (SUBTITLE, *LIST_BULLET, *LIST_NUMBER):
        oxml.remove_style_numbering(styles[spec.name].element)

    numbered = _add_style(document, NUMBERED_PARAGRAPH, "Normal")
    numbered.quick_style = True
    numbered.paragraph_format.space_after = Pt(10)

    footnote_text = _add_style(document, FOOTNOTE_TEXT, "Normal")
    footnote_text.font.size = Pt(9)
    footnote_text.paragraph_format.space_after = Pt(0)
    footnote_text.paragraph_format.line_spacing = 1.0

    source_code = _add_style(document, SOURCE_CODE, "Normal")
    source_code.font.name = MONOSPACE_FONT
    source_code.font.size = Pt(10)
    source_code.paragraph_format.space_after = Pt(0)

    rule = _add_style(document, HORIZONTAL_RULE, "Normal")
    oxml.set_bottom_border(rule.element)

    styles[FOOTER.name].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER

    reference = _add_style(document, FOOTNOTE_REFERENCE, "Default Paragraph Font")
    reference.font.superscript = True

    hyperlink = _add_style(document, HYPERLINK, "Default Paragraph Font")
    hyperlink.font.color.rgb = RGBColor(0x05, 0x63, 0xC1)
    hyperlink.font.underline = True

    strong_emphasis = _add_style(document, STRONG_EMPHASIS, "Strong")
    strong_emphasis.font.italic = True

    verbatim = _add_style(document, VERBATIM, "Default Paragraph Font")
    verbatim.font.name = MONOSPACE_FONT

    table = _add_style(document, TABLE, "Table Grid")
    oxml.set_table_style_header(table.element, shading=HEADER_ROW_SHADING)


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


def _set_up_page(document: Document) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = A4_WIDTH, A4_HEIGHT
    section.top_margin = section.bottom_margin = MARGIN
    section.left_margin = section.right_margin = MARGIN
    section.header_distance = section.footer_distance = HEADER_FOOTER_DISTANCE
    footer = section.footer
    footer.is_linked_to_previous = False
    page_number = footer.paragraphs[0]
    page_number.style = document.styles[FOOTER.name]
    oxml.add_field(page_number._p, "PAGE", placeholder="1")


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


def build_reference_document() -> Document:
    """A fresh python-docx ``Document`` that is our default reference."""
    document = docx.Document()
    document.element.body.clear_content()
    _drop_unwanted_parts(document)
    _define_styles(document)
    _number_paragraph_style(document)
    _set_up_page(document)
    _set_properties(document)
    return document


def build_reference_bytes() -> bytes:
    """The default reference .docx as bytes, as ``scripts/build-reference-docx`` saves it."""
    return reproducible_bytes(build_reference_document())
