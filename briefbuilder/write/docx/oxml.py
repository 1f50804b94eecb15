"""Low-level OOXML for what python-docx has no API for.

This is the only module of the Word writer that builds or edits raw
WordprocessingML: footnotes, numbering definitions, hyperlinks, fields, East
Asian fonts and languages, table header rows, style plumbing. Everything else
works through python-docx objects and calls these helpers, the way python-docx
layers its own proxies over ``docx.oxml``.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import nsdecls, qn
from docx.oxml.parser import parse_xml
from docx.oxml.table import CT_Tbl
from docx.oxml.text.paragraph import CT_P
from docx.oxml.text.run import CT_R
from docx.parts.document import DocumentPart
from docx.parts.numbering import NumberingPart
from docx.parts.story import StoryPart
from lxml import etree

from .private import (BaseOxmlElement, NamespacePrefixedTag, RunContentAppender, add_child, insert_child, oxml_parser,
                      remove_children)


@functools.cache
def _clark(tag: str) -> tuple[str, dict[str, str]]:
    prefixed = NamespacePrefixedTag(tag)
    return prefixed.clark_name, prefixed.nsmap


def _element(tag: str) -> BaseOxmlElement:
    """``OxmlElement(tag)`` without re-parsing the prefixed tag on every call."""
    clark_name, nsmap = _clark(tag)
    return oxml_parser.makeelement(clark_name, nsmap=nsmap)


def _child(parent: etree._Element, tag: str, **attributes: str) -> etree._Element:
    """Append a new `tag` element to `parent`; keyword names are ``w:`` attributes.

    The most frequent call of a Word build, so it avoids python-docx's per-call
    tag parsing: the child takes its namespace prefix from the parent's scope.
    """
    element = etree.SubElement(parent, _clark(tag)[0])
    for name, value in attributes.items():
        element.set(_clark(f"w:{name}")[0], value)
    return element


# -- blocks ---------------------------------------------------------------------------
# python-docx inserts each new paragraph before the body's w:sectPr, looking for
# it among all the body's children every time: quadratic in the document's
# length. The writer appends instead and puts w:sectPr at the end once the body is written.


def append_paragraph(container: BaseOxmlElement, style_id: str | None) -> CT_P:
    """A new empty ``w:p`` in style `style_id` at the end of `container` (body, note, cell).

    Style ids are resolved once per document (python-docx looks names up by
    scanning every style, on every call); None means the default style, Normal.
    """
    if style_id is None:
        return _child(container, "w:p")
    paragraph = _styled_paragraph(style_id).__copy__()
    container.append(paragraph)
    return paragraph


def end_after_table(body: BaseOxmlElement) -> None:
    """A body that ends on a table gets a closing 1 pt paragraph with no spacing.

    Word needs a paragraph after a final table and LibreOffice adds a
    full-size one, which spills onto an empty last page when the table fills its page.
    """
    last = body[-1] if len(body) else None
    if last is not None and last.tag == qn("w:sectPr"):
        last = last.getprevious()
    if last is None or last.tag != qn("w:tbl"):
        return
    paragraph = _element("w:p")
    properties = _child(paragraph, "w:pPr")
    _child(properties, "w:spacing", before="0", after="0", line="20", lineRule="exact")
    _child(_child(properties, "w:rPr"), "w:sz", val="2")
    last.addnext(paragraph)


@functools.lru_cache(maxsize=256)
def _styled_paragraph(style_id: str) -> CT_P:
    """A styled empty paragraph to copy: one copy in C costs less than building three elements."""
    paragraph = _element("w:p")
    _child(_child(paragraph, "w:pPr"), "w:pStyle", val=style_id)
    return paragraph


def append_table(container: BaseOxmlElement, rows: int, columns: int, width: int) -> CT_Tbl:
    """A new ``w:tbl`` grid of `width` EMU at the end of `container`."""
    table = CT_Tbl.new_tbl(rows, columns, width)
    container.append(table)
    return table


def table_row(columns: int, paragraph_style: str | None, widths: Sequence[str]) -> BaseOxmlElement:
    """A row to copy for every row of a table (:func:`append_copy`): kept whole on a page, `columns` cells
    `widths` twips wide (or placeholders, :func:`cell_width_placeholder`), each with an empty paragraph in
    `paragraph_style`."""
    row = _empty_row(columns, paragraph_style).__copy__()
    set_cell_widths(row, widths)
    return row


def append_copy(container: BaseOxmlElement, prototype: BaseOxmlElement) -> BaseOxmlElement:
    """A copy of `prototype` at the end of `container`: one copy in C instead of a dozen elements built."""
    element = prototype.__copy__()
    container.append(element)
    return element


@functools.lru_cache(maxsize=64)
def _empty_row(columns: int, paragraph_style: str | None) -> BaseOxmlElement:
    """An empty row of :func:`table_row`, before its widths."""
    row = CT_Tbl.new_tbl(1, columns, 0).tr_lst[0]
    keep_row_whole(row)
    for paragraph in row_cell_paragraphs(row):
        set_paragraph_style(paragraph, paragraph_style)
    return row


_W_TC, _W_P, _W_W, _W_TR_PR, _W_CANT_SPLIT = qn("w:tc"), qn("w:p"), qn("w:w"), qn("w:trPr"), qn("w:cantSplit")
_W_R, _W_T = qn("w:r"), qn("w:t")


def row_cell_paragraphs(row: BaseOxmlElement) -> list[CT_P]:
    """The first paragraph of each cell of `row`.

    python-docx's ``Table.rows``/``cells`` recompute the table grid on every
    call, which made tables the slowest part of a build.
    """
    return [cell.find(_W_P) for cell in row.iterfind(_W_TC)]


# -- text ---------------------------------------------------------------------------


def append_text(run: BaseOxmlElement, text: str) -> None:
    """Append `text` to a ``w:r``, turning tabs and newlines into ``w:tab``/``w:br``.

    python-docx's ``Run.text`` does the same one character at a time; plain text,
    by far the common case, goes in as a single ``w:t``.
    """
    if "\t" in text or "\n" in text or "\r" in text:
        RunContentAppender.append_to_run_from_text(run, text)
    else:
        element = etree.SubElement(run, _W_T)  # not _child: a run and its text are most of a build's elements
        element.text = text
        if text != text.strip():
            element.set(qn("xml:space"), "preserve")


def append_run(
    container: BaseOxmlElement,
    text: str,
    *,
    style_id: str | None = None,
    bold: bool = False,
    italic: bool = False,
) -> CT_R:
    """A ``w:r`` of `text` in character style `style_id` at the end of a paragraph or link.

    `bold` and `italic` are direct formatting, for emphasis inside a run that
    already names a style (a link, code): a run can name only one style.
    """
    if style_id is None and not bold and not italic:
        run = etree.SubElement(container, _W_R)
    else:
        run = _formatted_run(style_id, bold, italic).__copy__()
        container.append(run)
    if text:
        append_text(run, text)
    return run


@functools.lru_cache(maxsize=256)
def _formatted_run(style_id: str | None, bold: bool, italic: bool) -> CT_R:
    """An empty run with its properties, to copy (see :func:`_styled_paragraph`)."""
    run = _element("w:r")
    properties = _child(run, "w:rPr")
    if style_id is not None:
        _child(properties, "w:rStyle", val=style_id)
    if bold:
        _child(properties, "w:b")
    if italic:
        _child(properties, "w:i")
    return run


def set_table_style(table: BaseOxmlElement, style_id: str | None) -> None:
    """Apply table style `style_id` to a ``w:tbl``."""
    if style_id is not None:
        table.tblPr.style = style_id


def add_break(run: BaseOxmlElement) -> None:
    """A line break (Markdown hard break) at the end of `run`."""
    _child(run, "w:br")


# -- hyperlinks and fields -------------------------------------------------------------


def add_hyperlink(paragraph: BaseOxmlElement, rId: str) -> BaseOxmlElement:
    """Append a ``w:hyperlink`` pointing at relationship `rId`; runs go inside it."""
    hyperlink = _child(paragraph, "w:hyperlink")
    hyperlink.set(qn("r:id"), rId)
    hyperlink.set(qn("w:history"), "1")
    return hyperlink


def add_field(paragraph: BaseOxmlElement, instruction: str, placeholder: str) -> None:
    """Append a complex field (e.g. ``PAGE``) that Word recalculates when it lays out.

    `placeholder` is the cached result shown until the reader updates fields.
    """
    begin = _child(paragraph, "w:r")
    _child(begin, "w:fldChar", fldCharType="begin")
    code = _child(paragraph, "w:r")
    instr = _child(code, "w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    separate = _child(paragraph, "w:r")
    _child(separate, "w:fldChar", fldCharType="separate")
    result = _child(paragraph, "w:r")
    result.add_t(placeholder)
    end = _child(paragraph, "w:r")
    _child(end, "w:fldChar", fldCharType="end")


# -- tables ---------------------------------------------------------------------------


def mark_header_row(row: BaseOxmlElement) -> None:
    """Make a ``w:tr`` a header row that Word repeats at the top of every page."""
    trPr = row.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    # w:tblHeader sits after cnfStyle..hidden-like siblings; python-docx only ever
    # writes trHeight/jc here, and tblHeader precedes jc in the schema.
    jc = trPr.find(qn("w:jc"))
    if jc is None:
        trPr.append(header)
    else:
        jc.addprevious(header)


def set_table_style_header(style: BaseOxmlElement, shading: str | None) -> None:
    """Give a table style a bold header row (``w:tblStylePr firstRow``), shaded when `shading` is a colour."""
    for old in style.findall(qn("w:tblStylePr")):
        style.remove(old)
    first_row = OxmlElement("w:tblStylePr")
    first_row.set(qn("w:type"), "firstRow")
    rPr = _child(first_row, "w:rPr")
    _child(rPr, "w:b")
    if shading:
        tcPr = _child(first_row, "w:tcPr")
        _child(tcPr, "w:shd", val="clear", color="auto", fill=shading)
    style.append(first_row)


# -- paragraph and character style properties python-docx does not model ---------------


_PPR_AFTER_PBDR = (
    "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
    "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN",
    "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
    "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
    "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
    "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)  # fmt: skip


def set_borders(style: BaseOxmlElement, sides: Iterable[str], *, size: int, colour: str | None) -> None:
    """Rules on `sides` of a paragraph style, `size` in eighths of a point (a ruled title, a rule)."""
    pPr = style.get_or_add_pPr()
    for old in pPr.findall(qn("w:pBdr")):
        pPr.remove(old)
    border = OxmlElement("w:pBdr")
    for side in ("top", "left", "bottom", "right"):  # schema order
        if side in sides:
            _child(border, f"w:{side}", val="single", sz=str(size), space="4", color=colour or "auto")
    pPr.insert_element_before(border, *_PPR_AFTER_PBDR)


def clear_style_formatting(style: BaseOxmlElement) -> None:
    """Drop a style's own run and paragraph formatting (the template's colours, spacing, themes).

    The outline level goes too; :func:`set_outline_level` puts it back for headings.
    """
    for tag in ("w:rPr", "w:pPr"):
        for element in style.findall(qn(tag)):
            style.remove(element)


def set_outline_level(style: BaseOxmlElement, level: int) -> None:
    """``w:outlineLvl``: the level a heading style has in the navigation pane and PDF bookmarks."""
    insert_child(style.get_or_add_pPr(), "outlineLvl", _element("w:outlineLvl")).set(qn("w:val"), str(level))


def set_style_fonts(style: BaseOxmlElement, *, latin: str | None, east_asian: str | None) -> None:
    """Name a style's fonts (None leaves the document default)."""
    if latin is None and east_asian is None:
        return
    fonts = style.get_or_add_rPr().get_or_add_rFonts()
    if latin is not None:
        for name in ("ascii", "hAnsi", "cs"):
            fonts.set(qn(f"w:{name}"), latin)
    if east_asian is not None:
        fonts.set(qn("w:eastAsia"), east_asian)


def remove_colours(styles: BaseOxmlElement) -> None:
    """No style colours text or shades a paragraph (a document without colour, such as a UN submission).

    Underlines and rules stay; they are drawn in the text colour.
    """
    for tag in ("w:color", "w:shd"):
        for element in list(styles.iter(qn(tag))):
            element.getparent().remove(element)


def remove_contextual_spacing(style: BaseOxmlElement) -> None:
    """Let space before/after apply between paragraphs of the same style (list levels spaced apart)."""
    pPr = style.pPr
    if pPr is not None:
        for element in pPr.findall(qn("w:contextualSpacing")):
            pPr.remove(element)


def remove_linked_character_styles(styles: BaseOxmlElement) -> None:
    """Remove the character styles linked to paragraph styles ("Title Char"...) and the links to them."""
    linked = {link.get(qn("w:val")) for link in styles.iter(qn("w:link"))}
    for style in styles.findall(qn("w:style")):
        if style.get(qn("w:type")) == "character" and style.get(qn("w:styleId")) in linked:
            styles.remove(style)
    for link in list(styles.iter(qn("w:link"))):
        link.getparent().remove(link)




def remove_style_numbering(style: BaseOxmlElement) -> None:
    """Drop a paragraph style's ``w:numPr`` so lists are numbered per list, not per style."""
    pPr = style.pPr
    if pPr is not None:
        remove_children(pPr, "numPr")


def strip_theme_fonts(styles: BaseOxmlElement) -> None:
    """Remove theme-font references (``w:asciiTheme``...) from every ``w:rFonts``.

    Theme attributes override explicit font names, and LibreOffice does not
    resolve them, so a document whose fonts come from the theme cannot be given
    an East Asian font reliably.
    """
    theme_attributes = [
        qn(f"w:{name}") for name in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")
    ]
    for fonts in styles.iter(qn("w:rFonts")):
        for attribute in theme_attributes:
            fonts.attrib.pop(attribute, None)
        if not fonts.attrib:
            fonts.getparent().remove(fonts)


def _default_run_properties(styles: BaseOxmlElement) -> BaseOxmlElement:
    """``w:docDefaults/w:rPrDefault/w:rPr``, created if absent."""
    doc_defaults = styles.find(qn("w:docDefaults"))
    if doc_defaults is None:
        doc_defaults = OxmlElement("w:docDefaults")
        styles.insert(0, doc_defaults)
    rpr_default = doc_defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        doc_defaults.insert(0, rpr_default)
    rPr = rpr_default.find(qn("w:rPr"))
    if rPr is None:
        rPr = OxmlElement("w:rPr")
        rpr_default.append(rPr)
    return rPr


def set_default_fonts(
    styles: BaseOxmlElement, *, latin: str | None, east_asian: str | None
) -> None:
    """Set the document-wide fonts in ``w:docDefaults`` (None keeps what is there).

    ``w:eastAsia`` is the font for Hangul and other CJK text; naming it is what
    makes Word and LibreOffice pick a CJK font (or a CJK fallback) for it.
    """
    fonts = _default_run_properties(styles).get_or_add_rFonts()
    if latin is not None:
        for name in ("ascii", "hAnsi", "cs"):
            fonts.set(qn(f"w:{name}"), latin)
        for name in ("asciiTheme", "hAnsiTheme", "cstheme"):
            fonts.attrib.pop(qn(f"w:{name}"), None)
    if east_asian is not None:
        fonts.set(qn("w:eastAsia"), east_asian)
        fonts.attrib.pop(qn("w:eastAsiaTheme"), None)


def set_default_language(
    styles: BaseOxmlElement, *, latin: str, east_asian: str | None
) -> None:
    """Tag the document's default language in ``w:docDefaults`` (``w:lang``).

    `latin` is the language of Latin-script text (spelling, hyphenation);
    `east_asian` is given only for CJK documents, so that, for instance, an
    English brief never carries a Korean tag.
    """
    rPr = _default_run_properties(styles)
    lang = rPr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rPr.append(lang)
    lang.attrib.clear()
    lang.set(qn("w:val"), latin)
    if east_asian is not None:
        lang.set(qn("w:eastAsia"), east_asian)


_SETTINGS_AFTER_THEME_FONT_LANG = (
    "w:clrSchemeMapping", "w:doNotIncludeSubdocsInStats", "w:doNotAutoCompressPictures",
    "w:forceUpgrade", "w:captions", "w:readModeInkLockDown", "w:smartTagType",
    "sl:schemaLibrary", "w:shapeDefaults", "w:doNotEmbedSmartTags",
    "w:decimalSymbol", "w:listSeparator",
)  # fmt: skip


def set_theme_font_language(
    settings: BaseOxmlElement, *, latin: str, east_asian: str | None
) -> None:
    """``w:themeFontLang``: which script's theme fonts Word resolves (Hangul for ko-KR)."""
    theme_lang = settings.find(qn("w:themeFontLang"))
    if theme_lang is None:
        theme_lang = OxmlElement("w:themeFontLang")
        settings.insert_element_before(theme_lang, *_SETTINGS_AFTER_THEME_FONT_LANG)
    theme_lang.attrib.clear()
    theme_lang.set(qn("w:val"), latin)
    if east_asian is not None:
        theme_lang.set(qn("w:eastAsia"), east_asian)


CURRENT_WORD_COMPATIBILITY = 15  # Word 2013 and later: no "Compatibility Mode" banner


def set_compatibility_mode(settings: BaseOxmlElement, mode: int) -> None:
    """``w:compat/w:compatSetting compatibilityMode``: which Word's layout rules the file asks for."""
    compat = settings.find(qn("w:compat"))
    if compat is None:
        compat = _element("w:compat")
        settings.insert_element_before(compat, "w:docVars", "w:rsids", "m:mathPr", "w:attachedSchema",
                                       "w:themeFontLang", *_SETTINGS_AFTER_THEME_FONT_LANG)
    for setting in compat.findall(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), str(mode))
            return
    _child(compat, "w:compatSetting", name="compatibilityMode", uri="http://schemas.microsoft.com/office/word",
           val=str(mode))


def remove_settings(settings: BaseOxmlElement, tags: Iterable[str]) -> None:
    """Drop settings that tie a file to its history (``w:rsids``, ``w14:docId``...)."""
    for tag in tags:
        for element in settings.findall(qn(tag)):
            settings.remove(element)


# -- styles ---------------------------------------------------------------------------


def copy_missing_style(source: BaseOxmlElement, target: BaseOxmlElement, style_id: str) -> None:
    """Copy style `style_id` from styles element `source` into `target`.

    Styles it is based on are copied too when missing; links to styles that
    `target` lacks are dropped so the copy never points nowhere.
    """
    if target.get_by_id(style_id) is not None:
        return
    style = copy.deepcopy(source.get_by_id(style_id))
    based_on = style.basedOn_val
    if based_on is not None and target.get_by_id(based_on) is None:
        copy_missing_style(source, target, based_on)
    for reference in ("w:link", "w:next"):
        element = style.find(qn(reference))
        if element is not None and target.get_by_id(element.get(qn("w:val"))) is None:
            style.remove(element)
    target.append(style)


def remove_styles(styles: BaseOxmlElement, keep: Iterable[str], style_type: str) -> None:
    """Remove every style of `style_type` ("table", ...) whose id is not in `keep`."""
    keep_ids = set(keep)
    for style in styles.findall(qn("w:style")):
        if style.get(qn("w:type")) == style_type and style.get(qn("w:styleId")) not in keep_ids:
            styles.remove(style)


def style_numbering_id(style: BaseOxmlElement) -> int | None:
    """The ``w:numId`` a paragraph style is numbered with, if any."""
    pPr = style.pPr
    if pPr is None or pPr.numPr is None or pPr.numPr.numId is None:
        return None
    return pPr.numPr.numId.val


def set_style_numbering(style: BaseOxmlElement, num_id: int) -> None:
    """Number every paragraph of a style with list instance `num_id` (level 0)."""
    numPr = style.get_or_add_pPr().get_or_add_numPr()
    numPr.get_or_add_numId().val = num_id


# -- numbering -----------------------------------------------------------------------

ORDERED_FORMATS = ("decimal", "lowerLetter", "lowerRoman")
TWIPS_PER_MM = 1440 / 25.4


@dataclass(frozen=True)
class ListLook:
    """How a list is drawn: the marker of each level, and where markers and text sit (twips)."""

    bullets: Sequence[str] = ("\u2022", "\u25e6", "\u25aa")
    step: int = 360  # each level's marker starts this far right of its parent's
    hanging: int = 360  # from the marker to the text: wrapped lines align under the text

    def indent(self, level: int) -> tuple[int, int]:
        """(left, hanging) of `level`: the text's edge and the marker's width."""
        return self.step * level + self.hanging, self.hanging


def numbering(document_part: DocumentPart, look: ListLook | None = None) -> Numbering:
    """The document's numbering, in a numbering part created if the base document has none.

    (python-docx's ``NumberingPart.new`` is not implemented.)
    """
    try:
        part = document_part.part_related_by(RT.NUMBERING)
    except KeyError:
        element = parse_xml(f"<w:numbering {nsdecls('w', 'r')}/>")
        part = NumberingPart(
            PackURI("/word/numbering.xml"), CT.WML_NUMBERING, element, document_part.package
        )
        document_part.relate_to(part, RT.NUMBERING)
    return Numbering(part.element, look)


def _next_id(parent: BaseOxmlElement, tag: str, attribute: str) -> int:
    ids = [int(element.get(qn(attribute))) for element in parent.findall(qn(tag))]
    return max(ids, default=0) + 1


class Numbering:
    """The list definitions of a numbering part (``w:abstractNum``) and their instances (``w:num``).

    Fresh ids are counted here rather than found by rescanning the part for
    every list of a long document.
    """

    def __init__(self, element: BaseOxmlElement, look: ListLook | None = None) -> None:
        self.element = element
        self.look = look or ListLook()
        self._next_abstract_id = _next_id(element, "w:abstractNum", "w:abstractNumId")
        self._next_num_id = _next_id(element, "w:num", "w:numId")

    def add_abstract_list(self, kind: str, *, paragraph_style: str | None = None, marker: str | None = None) -> int:
        """Define a nine-level list of `kind` ("bullet" or "ordered"); return its id.

        `marker` replaces every level's bullet (the ※ of source lines).

        When `paragraph_style` is given the list is single-level and tied to that
        style (Word's way of making a numbered paragraph style).
        """
        abstract_id = self._next_abstract_id
        self._next_abstract_id += 1
        abstract = _element("w:abstractNum")
        abstract.set(qn("w:abstractNumId"), str(abstract_id))
        # nsid identifies a list across copy and paste; derive it from the id so it is stable.
        _child(abstract, "w:nsid", val=f"{0x5BB10000 + abstract_id:08X}")
        levels = 1 if paragraph_style else 9
        _child(abstract, "w:multiLevelType", val="singleLevel" if levels == 1 else "hybridMultilevel")
        for level in range(levels):
            lvl = _child(abstract, "w:lvl", ilvl=str(level))
            _child(lvl, "w:start", val="1")
            if kind == "bullet":
                _child(lvl, "w:numFmt", val="bullet")
                bullets = self.look.bullets
                text = marker or bullets[min(level, len(bullets) - 1)]
            else:
                _child(lvl, "w:numFmt", val=ORDERED_FORMATS[level % len(ORDERED_FORMATS)])
                text = f"%{level + 1}."
            if paragraph_style:
                _child(lvl, "w:pStyle", val=paragraph_style)
            _child(lvl, "w:lvlText", val=text)
            _child(lvl, "w:lvlJc", val="left")
            pPr = _child(lvl, "w:pPr")
            if paragraph_style:
                # UN style: the number hangs in a 1 cm gutter, the text aligned after it.
                _child(pPr, "w:ind", left="567", hanging="567")
            else:
                left, hanging = self.look.indent(level)
                _child(pPr, "w:ind", left=str(left), hanging=str(hanging))
        first_num = self.element.find(qn("w:num"))
        if first_num is None:
            self.element.append(abstract)
        else:
            first_num.addprevious(abstract)  # schema: every abstractNum before any num
        return abstract_id

    def add_list_instance(self, abstract_id: int, *, level: int = 0, start: int | None = None) -> int:
        """A new ``w:num`` of list definition `abstract_id`; return its ``numId``.

        Each Markdown list gets its own instance, and `start` is set as a level
        override, so numbering restarts for every list (and honours ``3.``).
        """
        num_id = self._next_num_id
        self._next_num_id += 1
        num = _child(self.element, "w:num", numId=str(num_id))
        _child(num, "w:abstractNumId", val=str(abstract_id))
        if start is not None:
            override = _child(num, "w:lvlOverride", ilvl=str(level))
            _child(override, "w:startOverride", val=str(start))
        return num_id

    def has_list_instance(self, num_id: int) -> bool:
        """Whether ``w:num`` `num_id` exists (a style may point at a missing one)."""
        return any(
            num.get(qn("w:numId")) == str(num_id) for num in self.element.findall(qn("w:num"))
        )


def set_paragraph_numbering(paragraph: BaseOxmlElement, num_id: int, level: int) -> None:
    """Make a new ``w:p`` an item of list instance `num_id` at nesting `level`."""
    properties = paragraph.find(qn("w:pPr"))
    if properties is None:
        properties = _element("w:pPr")
        paragraph.insert(0, properties)
    numbering_properties = _element("w:numPr")
    _child(numbering_properties, "w:ilvl", val=str(level))
    _child(numbering_properties, "w:numId", val=str(num_id))
    style = properties.find(qn("w:pStyle"))
    if style is None:
        properties.insert(0, numbering_properties)  # w:numPr follows only w:pStyle..w:widowControl
    else:
        style.addnext(numbering_properties)


# -- footnotes and endnotes ---------------------------------------------------------


@dataclass(frozen=True)
class NoteKind:
    """What differs between footnotes and endnotes: part, element and relationship names."""

    tag: str  # w:footnote / w:endnote
    partname: str
    content_type: str
    relationship: str
    reference: str  # the in-text mark: w:footnoteReference
    own_number: str  # the number at the start of the note: w:footnoteRef
    properties: str  # w:footnotePr / w:endnotePr (settings and section)


FOOTNOTES = NoteKind("w:footnote", "/word/footnotes.xml", CT.WML_FOOTNOTES, RT.FOOTNOTES,
                     "w:footnoteReference", "w:footnoteRef", "w:footnotePr")
ENDNOTES = NoteKind("w:endnote", "/word/endnotes.xml", CT.WML_ENDNOTES, RT.ENDNOTES,
                    "w:endnoteReference", "w:endnoteRef", "w:endnotePr")


class NotesPart(StoryPart):
    """``word/footnotes.xml`` or ``word/endnotes.xml``: the separators Word expects, then ours.

    A story part, like a header, so paragraphs in it resolve style names through
    the document and hyperlinks in it get relationships of their own.
    """

    kind: NoteKind = FOOTNOTES
    _next_note_id: int | None = None

    @classmethod
    def for_document(cls, document_part: DocumentPart, kind: NoteKind = FOOTNOTES) -> NotesPart:
        """The document's notes part of `kind`, holding only the separators.

        A base document's own notes part keeps its separators (they carry the
        user's formatting) and loses its notes, which belonged to the body that
        was cleared.
        """
        try:
            existing = document_part.part_related_by(kind.relationship)
        except KeyError:
            existing = None
        if existing is None:
            element = parse_xml(f"<{kind.tag}s {nsdecls('w', 'r')}/>")
            for note_id, separator, mark in (
                ("-1", "separator", "w:separator"),
                ("0", "continuationSeparator", "w:continuationSeparator"),
            ):
                note = _child(element, kind.tag, type=separator, id=note_id)
                paragraph = _child(note, "w:p")
                pPr = _child(paragraph, "w:pPr")
                _child(pPr, "w:spacing", after="0", line="240", lineRule="auto")
                _child(_child(paragraph, "w:r"), mark)
            part = cls(PackURI(kind.partname), kind.content_type, element, document_part.package)
            part.kind = kind
            document_part.relate_to(part, kind.relationship)
            return part
        if isinstance(existing, cls):
            return existing
        blob = existing.blob if isinstance(existing, Part) else b""
        element = parse_xml(blob)
        for note in element.findall(qn(kind.tag)):
            if note.get(qn("w:type")) in (None, "normal"):
                element.remove(note)
        part = cls(existing.partname, kind.content_type, element, document_part.package)
        part.kind = kind
        for rId, rel in list(document_part.rels.items()):
            if rel.reltype == kind.relationship:
                document_part.rels.pop(rId)
        document_part.relate_to(part, kind.relationship)
        return part

    def add_note(self) -> tuple[int, BaseOxmlElement]:
        """Append an empty normal note; return its id and element (a block container)."""
        if self._next_note_id is None:
            self._next_note_id = _next_id(self._element, self.kind.tag, "w:id")
        note_id = self._next_note_id
        self._next_note_id += 1
        note = _child(self._element, self.kind.tag, id=str(note_id))
        return note_id, note


def add_note_reference(run: BaseOxmlElement, kind: NoteKind, note_id: int) -> None:
    """Put the in-text mark of note `note_id` in `run`."""
    _child(run, kind.reference, id=str(note_id))


def ends_with_note_reference(container: BaseOxmlElement, kind: NoteKind) -> bool:
    """Whether the last run of `container` is a note mark (another mark follows it directly)."""
    last = container[-1] if len(container) else None
    return last is not None and last.tag == qn("w:r") and last.find(qn(kind.reference)) is not None


def add_note_number(run: BaseOxmlElement, kind: NoteKind) -> None:
    """The note's own number at the start of its text (``w:footnoteRef``/``w:endnoteRef``)."""
    _child(run, kind.own_number)


_SETTINGS_AFTER_NOTE_PROPERTIES = (
    "w:compat", "w:docVars", "w:rsids", "m:mathPr", "w:attachedSchema", "w:themeFontLang",
    *_SETTINGS_AFTER_THEME_FONT_LANG,
)  # fmt: skip
_SECTION_AFTER_NOTE_PROPERTIES = (
    "w:type", "w:pgSz", "w:pgMar", "w:paperSrc", "w:pgBorders", "w:lnNumType", "w:pgNumType", "w:cols",
    "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg", "w:textDirection", "w:bidi", "w:rtlGutter",
    "w:docGrid", "w:printerSettings", "w:sectPrChange",
)  # fmt: skip


def number_notes_in_arabic(settings: BaseOxmlElement, section: BaseOxmlElement, kind: NoteKind) -> None:
    """Number `kind` notes 1, 2, 3 in the settings and the section (endnotes default to i, ii, iii).

    The settings also name the separator notes, as Word writes them.
    """
    for parent, after in ((settings, _SETTINGS_AFTER_NOTE_PROPERTIES), (section, _SECTION_AFTER_NOTE_PROPERTIES)):
        for old in parent.findall(qn(kind.properties)):
            parent.remove(old)
        properties = _element(kind.properties)
        _child(properties, "w:numFmt", val="decimal")
        if parent is settings:
            for note_id in ("-1", "0"):
                _child(properties, kind.tag, id=note_id)
        parent.insert_element_before(properties, *after)


# -- table layout ----------------------------------------------------------------------


def set_column_widths(table: CT_Tbl, widths: Sequence[int]) -> None:
    """Give `table` fixed columns of `widths` twips (grid and every cell), as wide as their sum.

    A fixed layout makes Word and LibreOffice keep the widths instead of
    recomputing them, so the widths chosen from the content are the ones shown.
    """
    set_table_widths(table, widths)
    values = [str(width) for width in widths]
    for row in table.iterfind(qn("w:tr")):
        set_cell_widths(row, values)


def set_table_widths(table: CT_Tbl, widths: Sequence[int]) -> None:
    """The table-wide part of :func:`set_column_widths`: its width, fixed layout and grid."""
    tblPr = table.tblPr
    tblW = tblPr.find(qn("w:tblW"))
    if tblW is None:
        tblW = add_child(tblPr, "tblW")
    tblW.set(qn("w:w"), str(sum(widths)))
    tblW.set(qn("w:type"), "dxa")
    layout = tblPr.find(qn("w:tblLayout"))
    if layout is None:
        layout = add_child(tblPr, "tblLayout")
    layout.set(qn("w:type"), "fixed")
    w = qn("w:w")
    for column, width in zip(table.tblGrid.iterfind(qn("w:gridCol")), widths):
        column.set(w, str(width))


def set_cell_widths(row: BaseOxmlElement, values: Sequence[str]) -> None:
    """The width of each cell of a new `row`, in twips (or a placeholder, :func:`cell_width_placeholder`)."""
    for cell, value in zip(row.iterfind(_W_TC), values):
        # a new cell (CT_Tbl.new_tbl) starts with w:tcPr, which starts with its w:tcW of type dxa
        cell[0][0].set(_W_W, value)


def cell_width_placeholder(column: int) -> str:
    """What stands for column `column`'s width in a row written before the widths are known."""
    return f"#{column}"


def cell_width_xml(value: str) -> bytes:
    """A cell's width as :func:`set_cell_widths` serialises it: text can never contain this (its ``<`` is escaped)."""
    return f'<w:tcW w:type="dxa" w:w="{value}"/>'.encode()


def end_section(paragraph: CT_P, section: BaseOxmlElement) -> None:
    """Make `paragraph` the last of a section laid out as `section` (a copy of it goes in its ``w:pPr``)."""
    pPr = paragraph.get_or_add_pPr()
    pPr.insert_element_before(copy.deepcopy(section), "w:pPrChange")


def ends_section(paragraph: CT_P) -> bool:
    """Whether `paragraph` is the last of a section (carries ``w:sectPr``)."""
    pPr = paragraph.pPr
    return pPr is not None and pPr.find(qn("w:sectPr")) is not None


def landscape(section: BaseOxmlElement) -> BaseOxmlElement:
    """A copy of ``w:sectPr`` `section` turned to landscape: width and height swapped, same margins."""
    turned = copy.deepcopy(section)
    size = turned.find(qn("w:pgSz"))
    if size is not None:
        width, height = size.get(qn("w:w")), size.get(qn("w:h"))
        size.set(qn("w:w"), height)
        size.set(qn("w:h"), width)
        size.set(qn("w:orient"), "landscape")
    return turned


def keep_rows_whole(table: CT_Tbl) -> None:
    """``w:cantSplit`` on every row: a row moves to the next page whole rather than splitting."""
    for row in table.iterfind(qn("w:tr")):
        keep_row_whole(row)


def keep_row_whole(row: BaseOxmlElement) -> None:
    """``w:cantSplit`` on `row` (see :func:`keep_rows_whole`)."""
    trPr = row.find(_W_TR_PR)
    if trPr is None:
        trPr = _element("w:trPr")
        row.insert(0, trPr)  # a new row holds only cells: its properties come first
    if trPr.find(_W_CANT_SPLIT) is None:
        trPr.insert(0, _element("w:cantSplit"))  # first in CT_TrPr's sequence


def set_table_borders(table: CT_Tbl, *, size: int) -> None:
    """A box round a one-cell table (a 요약 box): `size` in eighths of a point."""
    tblPr = table.tblPr
    for old in tblPr.findall(qn("w:tblBorders")):
        tblPr.remove(old)
    borders = _element("w:tblBorders")
    for side in ("top", "left", "bottom", "right"):
        _child(borders, f"w:{side}", val="single", sz=str(size), space="0", color="auto")
    tblPr.insert_element_before(borders, "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook",
                                "w:tblCaption", "w:tblDescription", "w:tblPrChange")


def set_cell_margins(table: CT_Tbl, *, vertical: int, horizontal: int) -> None:
    """Room between a box's rules and its text, in twips."""
    tblPr = table.tblPr
    margins = _element("w:tblCellMar")
    for side, value in (("top", vertical), ("left", horizontal), ("bottom", vertical), ("right", horizontal)):
        _child(margins, f"w:{side}", w=str(value), type="dxa")
    tblPr.insert_element_before(margins, "w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange")


def set_paragraph_style(paragraph: CT_P, style_id: str | None) -> None:
    """Style an empty ``w:p`` that has no properties yet (a new table cell's paragraph).

    Copies the cached styled properties: python-docx's ``style`` setter
    searches the schema order for every paragraph, the slowest step of a table.
    """
    if style_id is not None:
        paragraph.insert(0, _styled_paragraph(style_id)[0].__copy__())


# -- typography --------------------------------------------------------------------------


def _default_paragraph_properties(styles: BaseOxmlElement) -> BaseOxmlElement:
    """``w:docDefaults/w:pPrDefault/w:pPr``, created if absent."""
    _default_run_properties(styles)  # makes w:docDefaults with w:rPrDefault first
    doc_defaults = styles.find(qn("w:docDefaults"))
    ppr_default = doc_defaults.find(qn("w:pPrDefault"))
    if ppr_default is None:
        ppr_default = _child(doc_defaults, "w:pPrDefault")
    pPr = ppr_default.find(qn("w:pPr"))
    if pPr is None:
        pPr = _child(ppr_default, "w:pPr")
    return pPr


def _set_in_every_paragraph_style(styles: BaseOxmlElement, values: dict[str, str]) -> None:
    """Set paragraph properties (``{"w:autoSpaceDE": "0"}``) in the document defaults and in every
    paragraph and table style, so that no style (nor a user's reference) sets them back."""
    targets = [_default_paragraph_properties(styles)]
    targets += [style.get_or_add_pPr() for style in styles.findall(qn("w:style"))
                if style.get(qn("w:type")) in ("paragraph", "table")]
    for pPr in targets:
        for tag, value in values.items():
            element = pPr.find(qn(tag))
            if element is None:
                element = _element(tag)
                pPr.insert_element_before(element, *_PPR_AFTER_PBDR[_PPR_AFTER_PBDR.index(tag) + 1:])
            element.set(qn("w:val"), value)


def turn_off_east_asian_autospace(styles: BaseOxmlElement) -> None:
    """No extra space between East Asian text and Latin letters (``autoSpaceDE``) or digits (``autoSpaceDN``).

    Korean reads "62명", not "62 명".
    """
    _set_in_every_paragraph_style(styles, {"w:autoSpaceDE": "0", "w:autoSpaceDN": "0"})


def wrap_east_asian_text_by_word(styles: BaseOxmlElement) -> None:
    """Break East Asian lines between words only (``w:wordWrap`` on), with line-start and line-end
    rules applied (``w:kinsoku`` on): Word's 한글 단어 잘림 허용 turned off, so a Korean 어절 is never
    split across lines ("난민협/약").
    """
    _set_in_every_paragraph_style(styles, {"w:kinsoku": "1", "w:wordWrap": "1"})


_SETTINGS_AFTER_NO_LINE_BREAKS = (
    "w:savePreviewPicture", "w:doNotValidateAgainstSchema", "w:saveInvalidXml", "w:ignoreMixedContent",
    "w:alwaysShowPlaceholderText", "w:doNotDemarcateInvalidXml", "w:saveXmlDataOnly",
    "w:useXSLTWhenSaving", "w:saveThroughXslt", "w:showXMLTags", "w:alwaysMergeEmptyNamespace",
    "w:updateFields", "w:hdrShapeDefaults", "w:footnotePr", "w:endnotePr", "w:compat", "w:docVars",
    "w:rsids", "m:mathPr", "w:attachedSchema", "w:themeFontLang", *_SETTINGS_AFTER_THEME_FONT_LANG,
)  # fmt: skip


def set_line_break_characters(settings: BaseOxmlElement, *, language: str, no_line_end: str,
                              no_line_start: str) -> None:
    """Word's custom kinsoku lists for `language` (``ko-KR``): characters that never end a line
    (``w:noLineBreaksAfter``: opening brackets) and never start one (``w:noLineBreaksBefore``:
    closing brackets, punctuation)."""
    for tag, characters in (("w:noLineBreaksAfter", no_line_end), ("w:noLineBreaksBefore", no_line_start)):
        for old in settings.findall(qn(tag)):
            settings.remove(old)
        if not characters:
            continue
        element = _element(tag)
        element.set(qn("w:lang"), language)
        element.set(qn("w:val"), characters)
        following = ("w:noLineBreaksBefore", *_SETTINGS_AFTER_NO_LINE_BREAKS) if tag == "w:noLineBreaksAfter" \
            else _SETTINGS_AFTER_NO_LINE_BREAKS
        settings.insert_element_before(element, *following)


def remove_italics(styles: BaseOxmlElement) -> None:
    """No style slants text (``w:i``/``w:iCs`` removed): for scripts with no italic, such as Hangul."""
    for tag in ("w:i", "w:iCs"):
        for element in list(styles.iter(qn(tag))):
            element.getparent().remove(element)


def make_bold(style: BaseOxmlElement) -> None:
    """Bold a character style (emphasis where italic is not used)."""
    run_properties = style.get_or_add_rPr()
    run_properties.get_or_add_b().val = True


def set_paragraph_indent(paragraph: CT_P, *, left: int, hanging: int) -> None:
    """A paragraph's own left and hanging indent, in twips."""
    ind = paragraph.get_or_add_pPr().get_or_add_ind()
    ind.set(qn("w:left"), str(left))
    ind.set(qn("w:hanging"), str(hanging))


# -- package parts -------------------------------------------------------------------------

_EXTENDED_PROPERTIES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    "<Application>{application}</Application><DocSecurity>0</DocSecurity>"
    "<AppVersion>{version}</AppVersion></Properties>"
)


def extended_properties_xml(application: str, version: str) -> bytes:
    """``docProps/app.xml`` naming the program that wrote the file (no stale page or word counts)."""
    return _EXTENDED_PROPERTIES.format(application=application, version=version).encode()


def font_table_xml(fonts: dict[str, str | None]) -> bytes:
    """``word/fontTable.xml`` listing `fonts`, each with the free font to use when it is missing (``w:altName``)."""
    table = parse_xml(f"<w:fonts {nsdecls('w')}/>")
    for name, fallback in fonts.items():
        font = _child(table, "w:font")
        font.set(qn("w:name"), name)
        if fallback:
            _child(font, "w:altName", val=fallback)
        _child(font, "w:family", val="auto")
        _child(font, "w:pitch", val="variable")
    return etree.tostring(table, xml_declaration=True, encoding="UTF-8", standalone=True)


def fonts_named(*elements: BaseOxmlElement) -> list[str]:
    """Every font named by ``w:rFonts`` in `elements` (styles, numbering), in first-seen order."""
    attributes = [qn(f"w:{name}") for name in ("ascii", "hAnsi", "eastAsia", "cs")]
    names: dict[str, None] = {}
    for element in elements:
        for fonts in element.iter(qn("w:rFonts")):
            for attribute in attributes:
                value = fonts.get(attribute)
                if value:
                    names[value] = None
    return list(names)
