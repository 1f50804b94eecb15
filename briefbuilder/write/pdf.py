"""The PDF writer: the Word file, laid out by LibreOffice in headless mode.

Reviewers and ministries circulate PDF. The PDF is made from the very .docx
the Word writer produces, so the two never disagree. LibreOffice embeds the
fonts it uses (subsets), so the PDF looks the same on every machine; it is
PDF/A-2b and tagged (:data:`PDF_OPTIONS`). Starting LibreOffice costs more than
laying out a brief, so one LibreOffice lays out every PDF of a build
(:func:`pdfs_bytes`), and a :class:`PdfConverter` keeps one running across
calls for scripts and web apps. It is driven over UNO (``uno_worker.py``), and
each document goes through it once: loaded, adjusted, exported. Where no
Python can ``import uno``, ``soffice --convert-to`` runs instead, twice per
batch (to a flat ODF that is adjusted, then to PDF).

What LibreOffice (7.x) does not take from a .docx is applied on the way, from
the same data the Word file was built from:

- Font fallbacks: it ignores the font table's ``w:altName``. A house style's
  font that is not installed (휴먼명조 on a machine without 한컴 fonts) is
  replaced, in the copy of the .docx LibreOffice reads, by the free font the
  house style names beside it.
- Korean typography: it ignores ``w:autoSpaceDE``/``w:autoSpaceDN`` and puts a
  gap between Hangul and digits ("62 명"). Auto-spacing is turned off in the
  document's defaults and every paragraph style (``ParaIsCharacterDistance``;
  ``style:text-autospace`` in the flat ODF).
- Endnote pages: it sets endnotes on pages of their own with no footer, so
  they would lose their page numbers; they get the text pages' page style.
- Korean line breaking (``typography.wrap_by_word``): it reads neither
  ``w:wordWrap`` nor the custom line-start lists. Its Korean line breaker
  (i18npool ``BreakIterator_CJK::getLineBreak``) breaks where the line is
  full, except that it first steps back while the next line would start with a
  "forbidden at line start" character or the line would end with a "forbidden
  at line end" one, and otherwise moves a break inside a run of Hangul
  syllables to the run's start, so "23/명", "(20.4%)/은", "「/난민협약" and,
  after a step back, "「난민협/약」". The document's forbidden-character lists
  are the one input it honours: every character of the text (spaces aside) is
  declared one that never ends a line, so the step back always reaches the
  start of the 어절, and the locale's ``no_line_start`` characters never start
  one. Latin-script text takes the East Asian language (in the copy of the
  .docx), so that a break beside a digit or a bracket ("23명(20.4%)") goes
  through the same rules and not through ICU's, which allow a break between a
  Hangul syllable and "(".
"""

from __future__ import annotations

import copy
import functools
import io
import json
import re
import shutil
import subprocess
import tempfile
import threading
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

from lxml import etree

from ..document import RenderedDocument
from .libreoffice import PER_DOCUMENT_TIMEOUT, RunningOffice, UnoUnavailable, convert_by_command, soffice, uno_python

PDF_FILTER = "writer_pdf_Export"
# PDF/A-2b (archival: fonts embedded, no outside dependency) and tagged (a structure tree for screen
# readers; headings become bookmarks).
PDF_OPTIONS: dict[str, bool | int] = {"SelectPdfVersion": 2, "UseTaggedPDF": True, "ExportBookmarks": True}
# The same for `soffice --convert-to`, which (LibreOffice 7.4+) reads export options as JSON after the filter.
PDF_EXPORT = f"pdf:{PDF_FILTER}:" + json.dumps({
    name: {"type": "boolean", "value": str(value).lower()} if isinstance(value, bool)
    else {"type": "long", "value": str(value)} for name, value in PDF_OPTIONS.items()}, separators=(",", ":"))
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# Attributes naming a font: run fonts (w:rFonts), the font table (w:name), the theme (typeface).
_FONT_ATTRIBUTES = frozenset({f"{{{_W}}}ascii", f"{{{_W}}}hAnsi", f"{{{_W}}}eastAsia", f"{{{_W}}}cs",
                              f"{{{_W}}}name", "typeface"})
# The parts of a .docx whose text is the body's (the text Korean line breaking applies to).
_BODY_PARTS = ("word/document.xml", "word/footnotes.xml", "word/endnotes.xml")
_ODF = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "config": "urn:oasis:names:tc:opendocument:xmlns:config:1.0",
}
# Where a line may break whatever the lists say: LibreOffice breaks at these without asking.
_BLANKS = frozenset(" \t\n\r\u3000")
# A line may end after a hyphen, as in Word: a web address or an English compound longer than
# the rest of the line breaks there rather than at the last letter that fits.
_BREAK_AFTER = frozenset("-")


@dataclass(frozen=True)
class _Conversion:
    """One document's .docx as LibreOffice is to read it, and what its PDF needs beyond it."""

    docx: bytes
    name: str
    east_asian_autospace: bool = True
    endnotes: bool = False
    # Korean line breaking: language, country, begin_line (never starts a line), end_line (never ends one)
    forbidden_characters: Mapping[str, str] | None = None

    @property
    def needs_flat_odf(self) -> bool:
        return not self.east_asian_autospace or self.endnotes or self.forbidden_characters is not None

    def request(self, docx: Path, pdf: Path) -> dict[str, Any]:
        """What the UNO worker is to do with this document (see ``uno_worker.py``)."""
        return {"docx": str(docx), "pdf": str(pdf), "filter": PDF_FILTER, "filter_data": PDF_OPTIONS,
                "east_asian_autospace": self.east_asian_autospace, "endnotes": self.endnotes,
                "forbidden_characters": self.forbidden_characters}


class PdfConverter:
    """One LibreOffice kept running to lay out PDFs, for a build, a script or a web app.

    ``with PdfConverter() as converter: converter.pdf_bytes(document)`` starts
    LibreOffice on the first PDF (or at :meth:`start`) and stops it at the end
    of the block (or at :meth:`close`). Each document is opened, laid out and
    closed on its own, so nothing of one carries to the next. Calls from
    several threads wait their turn; one document may take `timeout` seconds,
    after which LibreOffice is stopped and the call fails (the next call starts
    another); a LibreOffice that died is started again and given the document
    once more. Where no Python can ``import uno``, each call runs
    ``soffice --convert-to`` instead.
    """

    def __init__(self, *, timeout: float = PER_DOCUMENT_TIMEOUT) -> None:
        self.timeout = timeout
        self._lock = threading.Lock()
        self._office: RunningOffice | None = None
        self._by_command = False  # no Python with uno: soffice --convert-to per call

    def __enter__(self) -> PdfConverter:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()

    def start(self) -> PdfConverter:
        """Start LibreOffice now, without waiting for it: the caller goes on while it starts."""
        with self._lock:
            if not self._by_command:
                try:
                    self._running().start()
                except UnoUnavailable:
                    self._by_command = True
        return self

    def pdf_bytes(self, document: RenderedDocument) -> bytes:
        """The PDF of `document`: its .docx, laid out by LibreOffice."""
        return self.pdfs_bytes([document])[0]

    def pdfs_bytes(self, documents: Sequence[RenderedDocument],
                   docx: Sequence[bytes] | None = None) -> list[bytes]:
        """The PDFs of `documents`, in order; `docx`, their Word files if already written."""
        from .docx import docx_bytes  # here, not above: a build starts LibreOffice before the Word writer loads

        words = docx if docx is not None else [docx_bytes(document) for document in documents]
        return self._convert([_conversion(document, word) for document, word in zip(documents, words)])

    def close(self) -> None:
        """Stop LibreOffice; the next PDF starts it again."""
        with self._lock:
            if self._office is not None:
                self._office.close()

    def _running(self) -> RunningOffice:
        if self._office is None:
            command = soffice()
            python = uno_python(command)
            if python is None:
                raise UnoUnavailable("no Python that can import uno")
            self._office = RunningOffice(command, python, timeout=self.timeout)
        return self._office

    def _convert(self, conversions: Sequence[_Conversion]) -> list[bytes]:
        if not conversions:
            return []
        if not self._by_command:
            try:
                with self._lock:
                    office = self._running()
                return _convert_running(office, conversions)
            except UnoUnavailable:
                self._by_command = True
        return _convert_by_command(conversions)


def pdf_bytes(document: RenderedDocument) -> bytes:
    """The PDF of `document`: its .docx, laid out by LibreOffice."""
    return pdfs_bytes([document])[0]


def pdfs_bytes(documents: Sequence[RenderedDocument]) -> list[bytes]:
    """The PDFs of `documents`, in order, from one LibreOffice started for them and stopped after."""
    with PdfConverter() as converter:
        return converter.pdfs_bytes(documents)


def _conversion(document: RenderedDocument, docx: bytes) -> _Conversion:
    from .docx import east_asian_language

    layout = document.layout
    typography = layout.typography
    replacements = {font: fallback for font, fallback in layout.house_style.font_fallbacks.items()
                    if not _installed(font)}
    parts = _docx_parts(docx)
    forbidden = None
    if typography.wrap_by_word:
        east_asian = east_asian_language(document.info.language)
        if east_asian:
            language, _, country = east_asian.partition("-")
            text = set().union(*(_text(parts[name]) for name in _BODY_PARTS if name in parts))
            forbidden = {"language": language, "country": country, "begin_line": typography.no_line_start,
                         "end_line": "".join(sorted(text - _BLANKS - _BREAK_AFTER))}
    if replacements or forbidden:
        docx = _rewritten(parts, replacements, f"{forbidden['language']}-{forbidden['country']}" if forbidden else None)
    return _Conversion(docx, document.file_name("pdf"), east_asian_autospace=typography.east_asian_autospace,
                       endnotes=layout.notes == "endnotes", forbidden_characters=forbidden)


def _docx_parts(docx: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        return {name: package.read(name) for name in package.namelist()}


def _text(part: bytes) -> set[str]:
    """The characters of a part's text (``w:t``)."""
    return set("".join(element.text or "" for element in etree.fromstring(part, etree.XMLParser(huge_tree=True))
                       .iter(f"{{{_W}}}t")))


def _rewritten(parts: Mapping[str, bytes], replacements: Mapping[str, str], language: str | None) -> bytes:
    """The .docx with `replacements` for its fonts and, given `language`, every text in that language.

    Only parts that name a replaced font or a language are parsed; the rest are copied as they are.
    """
    out = io.BytesIO()
    fonts = [name.encode() for name in replacements]
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as package:
        for name, data in parts.items():
            if name.startswith("word/") and name.endswith(".xml"):
                names_font = any(font in data for font in fonts)
                if names_font or (language and b"lang" in data):
                    data = _rewritten_part(data, replacements if names_font else {}, language)
            package.writestr(name, data)
    return out.getvalue()


def _rewritten_part(data: bytes, replacements: Mapping[str, str], language: str | None) -> bytes:
    root = etree.fromstring(data, etree.XMLParser(huge_tree=True))
    if replacements:
        for element in root.iter():
            for attribute, value in element.attrib.items():
                if attribute in _FONT_ATTRIBUTES and value in replacements:
                    element.set(attribute, replacements[value])
    if language:
        for lang in root.iter(f"{{{_W}}}lang"):
            if lang.get(f"{{{_W}}}val") is not None:
                lang.set(f"{{{_W}}}val", language)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _installed(font: str) -> bool:
    """Whether fontconfig knows `font` (matched as it does: case and spaces aside)."""
    return _family_key(font) in _installed_families()


@functools.cache
def _installed_families() -> frozenset[str]:
    """Every font family fontconfig lists, from one ``fc-list`` run; none without fontconfig (use the fallbacks)."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return frozenset()
    listed = subprocess.run([fc_list, ":", "family"], capture_output=True, text=True).stdout
    return frozenset(_family_key(name.replace("\\", "")) for line in listed.splitlines()
                     for name in re.split(r"(?<!\\),", line))


def _family_key(name: str) -> str:
    return "".join(name.split()).casefold()


def _convert_running(office: RunningOffice, conversions: Sequence[_Conversion]) -> list[bytes]:
    """Each document loaded, adjusted and exported by the running LibreOffice, one at a time."""
    results = []
    with tempfile.TemporaryDirectory(prefix="briefbuilder-pdf-") as folder:
        for index, conversion in enumerate(conversions):
            docx, pdf = Path(folder) / f"{index}.docx", Path(folder) / f"{index}.pdf"
            docx.write_bytes(conversion.docx)
            office.convert(conversion.request(docx, pdf), conversion.name)
            results.append(pdf.read_bytes())
    return results


def _convert_by_command(conversions: Sequence[_Conversion]) -> list[bytes]:
    """Without UNO: one ``soffice --convert-to`` run makes the flat ODF of the documents that need
    adjusting, which are adjusted there; one more exports every PDF."""
    command = soffice()
    with tempfile.TemporaryDirectory(prefix="briefbuilder-pdf-") as folder:
        work = Path(folder)
        sources = []
        for index, conversion in enumerate(conversions):
            source = work / f"{index}.docx"
            source.write_bytes(conversion.docx)
            sources.append(source)
        flat = [index for index, conversion in enumerate(conversions) if conversion.needs_flat_odf]
        for index, path in zip(flat, convert_by_command(command, [sources[index] for index in flat], "fodt", work)):
            _adjust_flat_odf(path, conversions[index])
            sources[index] = path
        return [path.read_bytes() for path in convert_by_command(command, sources, PDF_EXPORT, work)]


def _adjust_flat_odf(path: Path, conversion: _Conversion) -> None:
    """Apply what LibreOffice did not read from the .docx: no Hangul-digit auto-spacing, endnote pages
    numbered, the forbidden characters of Korean line breaking."""
    tree = etree.parse(str(path), etree.XMLParser(huge_tree=True))
    if conversion.forbidden_characters is not None:
        _set_forbidden_characters(tree, conversion.forbidden_characters)
    autospace = f"{{{_ODF['style']}}}text-autospace"
    if not conversion.east_asian_autospace:
        for properties in tree.iter(f"{{{_ODF['style']}}}paragraph-properties"):
            properties.set(autospace, "none")
        for style in tree.iter(f"{{{_ODF['style']}}}default-style", f"{{{_ODF['style']}}}style"):
            if style.get(f"{{{_ODF['style']}}}family") == "paragraph" and \
                    style.find(f"{{{_ODF['style']}}}paragraph-properties") is None:
                etree.SubElement(style, f"{{{_ODF['style']}}}paragraph-properties").set(autospace, "none")
    _number_endnote_pages(tree)
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")


def _number_endnote_pages(tree: etree._ElementTree) -> None:
    """Give the endnote pages the first (text) page style's layout, header and footer (page numbers)."""
    style = _ODF["style"]
    masters = list(tree.iter(f"{{{style}}}master-page"))
    configured = {c.get(f"{{{_ODF['text']}}}master-page-name") for c in tree.iter(f"{{{_ODF['text']}}}notes-configuration")}
    if not masters:
        return
    text_pages = masters[0]
    for master in masters[1:]:
        if master.get(f"{{{style}}}name") in configured and not len(master):
            master.set(f"{{{style}}}page-layout-name", text_pages.get(f"{{{style}}}page-layout-name"))
            for furniture in text_pages:
                master.append(copy.deepcopy(furniture))


def _set_forbidden_characters(tree: etree._ElementTree, forbidden: Mapping[str, str]) -> None:
    """Declare the forbidden characters of Korean line breaking in the flat ODF's settings."""
    config = _ODF["config"]
    entry = {"Language": forbidden["language"], "Country": forbidden["country"], "Variant": "",
             "BeginLine": forbidden["begin_line"], "EndLine": forbidden["end_line"]}
    root = tree.getroot()
    settings = root.find(f"{{{_ODF['office']}}}settings")
    if settings is None:
        settings = etree.Element(f"{{{_ODF['office']}}}settings")
        root.insert(1 if root.find(f"{{{_ODF['office']}}}meta") is not None else 0, settings)
    # LibreOffice finds its settings by the "ooo" prefix of this name, declared on the root
    configuration = settings.find(f"{{{config}}}config-item-set[@{{{config}}}name='ooo:configuration-settings']")
    if configuration is None:
        configuration = etree.SubElement(settings, f"{{{config}}}config-item-set")
        configuration.set(f"{{{config}}}name", "ooo:configuration-settings")
    for old in configuration.findall(f"{{{config}}}config-item-map-indexed[@{{{config}}}name='ForbiddenCharacters']"):
        configuration.remove(old)
    forbidden_map = etree.SubElement(configuration, f"{{{config}}}config-item-map-indexed")
    forbidden_map.set(f"{{{config}}}name", "ForbiddenCharacters")
    item_entry = etree.SubElement(forbidden_map, f"{{{config}}}config-item-map-entry")
    for name, value in entry.items():
        item = etree.SubElement(item_entry, f"{{{config}}}config-item")
        item.set(f"{{{config}}}name", name)
        item.set(f"{{{config}}}type", "string")
        item.text = value
