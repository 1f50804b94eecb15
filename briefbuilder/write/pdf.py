"""The PDF writer: the Word file, laid out by LibreOffice in headless mode.

Reviewers and ministries circulate PDF. The PDF is made from the very .docx
the Word writer produces, so the two never disagree. LibreOffice embeds the
fonts it uses (subsets), so the PDF looks the same on every machine; it is
PDF/A-2b and tagged (:data:`PDF_EXPORT`). Starting LibreOffice costs more than
laying out a brief, so every PDF of a build goes through it together
(:func:`pdfs_bytes`): one run per pass, whatever the number of documents.

Two things LibreOffice (7.x) does not take from a .docx are applied on the
way, from the same data the Word file was built from:

- Korean typography: it ignores ``w:autoSpaceDE``/``w:autoSpaceDN`` and puts a
  gap between Hangul and digits ("62 명"). The file goes through LibreOffice's
  flat ODF once, and ``style:text-autospace`` is turned off there.
- Font fallbacks: it ignores the font table's ``w:altName``. A house style's
  font that is not installed (휴먼명조 on a machine without 한컴 fonts) is
  replaced by the free font the house style names beside it.
- Endnote pages: it sets endnotes on pages of their own with no footer, so
  they would lose their page numbers; they get the text pages' layout and footer.
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
  one. Latin-script text takes the East Asian language, so that a break beside
  a digit or a bracket ("23명(20.4%)") goes through the same rules and not
  through ICU's, which allow a break between a Hangul syllable and "(".
"""

from __future__ import annotations

import atexit
import copy
import functools
import json
import shutil
import subprocess
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from ..document import RenderedDocument
from ..errors import BriefError
from .docx import docx_bytes

SOFFICE_NAMES = ("soffice", "libreoffice")
CONVERSION_TIMEOUT = 300  # seconds: a first start of LibreOffice builds its profile
PER_DOCUMENT_TIMEOUT = 60  # seconds more for each document of one run
# PDF/A-2b (archival: fonts embedded, no outside dependency) and tagged (a structure tree for screen
# readers; headings become bookmarks). LibreOffice 7.4+ reads export options as JSON after the filter.
PDF_EXPORT = "pdf:writer_pdf_Export:" + json.dumps({
    "SelectPdfVersion": {"type": "long", "value": "2"},
    "UseTaggedPDF": {"type": "boolean", "value": "true"},
    "ExportBookmarks": {"type": "boolean", "value": "true"},
}, separators=(",", ":"))
INSTALL_HINT = ("install LibreOffice (Debian/Ubuntu: sudo apt-get install libreoffice-writer-nogui; "
                "macOS: brew install --cask libreoffice; Windows: https://www.libreoffice.org), "
                "or build --format docx and save it as PDF from Word")
_ODF = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "svg": "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "config": "urn:oasis:names:tc:opendocument:xmlns:config:1.0",
}
# Where a line may break whatever the lists say: LibreOffice breaks at these without asking.
_BLANKS = frozenset(" \t\n\r\u3000")
# A line may end after a hyphen, as in Word: a web address or an English compound longer than
# the rest of the line breaks there rather than at the last letter that fits.
_BREAK_AFTER = frozenset("-")


@dataclass(frozen=True)
class _Conversion:
    """One document's .docx and what its PDF needs beyond it (see the module's notes)."""

    docx: bytes
    east_asian_autospace: bool = True
    font_fallbacks: Mapping[str, str] = field(default_factory=dict)
    endnotes: bool = False
    wrap_by_word: bool = False
    no_line_start: str = ""

    @property
    def needs_flat_odf(self) -> bool:
        return not self.east_asian_autospace or bool(self.replacements) or self.endnotes or self.wrap_by_word

    @property
    def replacements(self) -> dict[str, str]:
        return {font: fallback for font, fallback in self.font_fallbacks.items() if not _installed(font)}


def pdf_bytes(document: RenderedDocument) -> bytes:
    """The PDF of `document`: its .docx, laid out by LibreOffice."""
    return pdfs_bytes([document])[0]


def pdfs_bytes(documents: Sequence[RenderedDocument]) -> list[bytes]:
    """The PDFs of `documents`, in order, from one LibreOffice run per pass for all of them.

    Starting LibreOffice costs more than laying out a brief, so a build hands
    every document over at once: one run makes the flat ODF of those that need
    it, one run exports every PDF.
    """
    return _convert_all([_conversion(document) for document in documents])


def docx_to_pdf(data: bytes, *, east_asian_autospace: bool = True,
                font_fallbacks: Mapping[str, str] | None = None, endnotes: bool = False,
                wrap_by_word: bool = False, no_line_start: str = "") -> bytes:
    """Convert .docx bytes to PDF bytes with LibreOffice; a one-line error when it is not installed."""
    return _convert_all([_Conversion(data, east_asian_autospace, dict(font_fallbacks or {}), endnotes,
                                     wrap_by_word, no_line_start)])[0]


def _conversion(document: RenderedDocument) -> _Conversion:
    layout = document.layout
    typography = layout.typography
    return _Conversion(docx_bytes(document), east_asian_autospace=typography.east_asian_autospace,
                       font_fallbacks=dict(layout.house_style.font_fallbacks), endnotes=layout.notes == "endnotes",
                       wrap_by_word=typography.wrap_by_word, no_line_start=typography.no_line_start)


def _convert_all(conversions: Sequence[_Conversion]) -> list[bytes]:
    if not conversions:
        return []
    soffice = _soffice()
    with tempfile.TemporaryDirectory(prefix="briefbuilder-pdf-") as folder:
        work = Path(folder)
        sources = []
        for index, conversion in enumerate(conversions):
            source = work / f"{index}.docx"
            source.write_bytes(conversion.docx)
            sources.append(source)
        flat = [index for index, conversion in enumerate(conversions) if conversion.needs_flat_odf]
        for index, path in zip(flat, _convert(soffice, [sources[index] for index in flat], "fodt", work)):
            conversion = conversions[index]
            _adjust_flat_odf(path, east_asian_autospace=conversion.east_asian_autospace,
                             replacements=conversion.replacements,
                             no_line_start=conversion.no_line_start if conversion.wrap_by_word else None)
            sources[index] = path
        return [path.read_bytes() for path in _convert(soffice, sources, PDF_EXPORT, work)]


def _soffice() -> str:
    for name in SOFFICE_NAMES:
        found = shutil.which(name)
        if found:
            return found
    raise BriefError.at(None, "--format pdf", "PDF output needs LibreOffice, which was not found", INSTALL_HINT)


@functools.cache
def _profile() -> Path:
    """One LibreOffice profile per process, apart from the user's own (a running LibreOffice would block)."""
    profile = Path(tempfile.mkdtemp(prefix="briefbuilder-libreoffice-"))
    atexit.register(shutil.rmtree, profile, ignore_errors=True)
    return profile


def _convert(soffice: str, sources: Sequence[Path], target: str, folder: Path) -> list[Path]:
    """Convert every file of `sources` in one LibreOffice run; the results, in the same order.

    `target` is a format ("fodt") or a format with its export filter and options (:data:`PDF_EXPORT`).
    """
    if not sources:
        return []
    suffix = target.split(":")[0]
    out = folder / suffix
    command = [soffice, f"-env:UserInstallation={_profile().as_uri()}", "--headless", "--norestore",
               "--convert-to", target, "--outdir", str(out), *map(str, sources)]
    try:
        completed = subprocess.run(command, capture_output=True, text=True,
                                   timeout=CONVERSION_TIMEOUT + PER_DOCUMENT_TIMEOUT * len(sources))
    except (OSError, subprocess.TimeoutExpired) as error:
        raise BriefError.at(None, "--format pdf", f"LibreOffice could not convert the brief: {error}",
                            INSTALL_HINT) from None
    results = [out / f"{source.stem}.{suffix}" for source in sources]
    if not all(result.is_file() for result in results):
        detail = (completed.stderr or completed.stdout).strip().splitlines()
        raise BriefError.at(None, "--format pdf", "LibreOffice could not convert the brief"
                            + (f": {detail[-1]}" if detail else ""), INSTALL_HINT)
    return results


@functools.cache
def _installed(font: str) -> bool:
    """Whether fontconfig knows `font`; without fontconfig, assume not (use the named fallback)."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return False
    return subprocess.run([fc_list, "-q", f":family={font}"], capture_output=True).returncode == 0


def _adjust_flat_odf(path: Path, *, east_asian_autospace: bool, replacements: Mapping[str, str],
                     no_line_start: str | None = None) -> None:
    """Apply what LibreOffice did not read from the .docx: no Hangul-digit auto-spacing, font fallbacks,
    East Asian lines broken between words only (when `no_line_start` is given)."""
    tree = etree.parse(str(path), etree.XMLParser(huge_tree=True))
    if no_line_start is not None:
        _wrap_east_asian_text_by_word(tree, no_line_start)
    autospace = f"{{{_ODF['style']}}}text-autospace"
    if not east_asian_autospace:
        for properties in tree.iter(f"{{{_ODF['style']}}}paragraph-properties"):
            properties.set(autospace, "none")
        for style in tree.iter(f"{{{_ODF['style']}}}default-style", f"{{{_ODF['style']}}}style"):
            if style.get(f"{{{_ODF['style']}}}family") == "paragraph" and \
                    style.find(f"{{{_ODF['style']}}}paragraph-properties") is None:
                etree.SubElement(style, f"{{{_ODF['style']}}}paragraph-properties").set(autospace, "none")
    family = f"{{{_ODF['svg']}}}font-family"
    for face in tree.iter(f"{{{_ODF['style']}}}font-face"):
        name = (face.get(family) or "").strip("'\"")
        if name in replacements:
            face.set(family, f"'{replacements[name]}'")
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


def _wrap_east_asian_text_by_word(tree: etree._ElementTree, no_line_start: str) -> None:
    """Make LibreOffice break the document's East Asian text between words only (see the module's notes).

    The East Asian language is the default paragraph style's (ko-KR); every character of the text
    but a blank or a hyphen becomes one that never ends a line, and `no_line_start` ones never start one.
    """
    style, fo, config = _ODF["style"], _ODF["fo"], _ODF["config"]
    language = country = None
    for default in tree.iter(f"{{{style}}}default-style"):
        properties = default.find(f"{{{style}}}text-properties")
        if default.get(f"{{{style}}}family") == "paragraph" and properties is not None:
            language = properties.get(f"{{{style}}}language-asian")
            country = properties.get(f"{{{style}}}country-asian")
    if not language or not country:
        return
    for properties in tree.iter(f"{{{style}}}text-properties"):
        if properties.get(f"{{{fo}}}language") is not None:
            properties.set(f"{{{fo}}}language", language)
            properties.set(f"{{{fo}}}country", country)
    body = tree.getroot().find(f"{{{_ODF['office']}}}body")
    characters = set("".join(body.itertext())) - _BLANKS - _BREAK_AFTER if body is not None else set()
    entry = {"Language": language, "Country": country, "Variant": "",
             "BeginLine": no_line_start, "EndLine": "".join(sorted(characters))}
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
    forbidden = etree.SubElement(configuration, f"{{{config}}}config-item-map-indexed")
    forbidden.set(f"{{{config}}}name", "ForbiddenCharacters")
    item_entry = etree.SubElement(forbidden, f"{{{config}}}config-item-map-entry")
    for name, value in entry.items():
        item = etree.SubElement(item_entry, f"{{{config}}}config-item")
        item.set(f"{{{config}}}name", name)
        item.set(f"{{{config}}}type", "string")
        item.text = value
