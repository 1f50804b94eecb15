"""The PDF writer: the Word file, laid out by LibreOffice in headless mode.

Reviewers and ministries circulate PDF. The PDF is made from the very .docx
the Word writer produces, so the two never disagree. LibreOffice embeds the
fonts it uses (subsets), so the PDF looks the same on every machine.

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
"""

from __future__ import annotations

import atexit
import copy
import functools
import shutil
import subprocess
import tempfile
from collections.abc import Mapping
from pathlib import Path

from lxml import etree

from ..document import RenderedDocument
from ..errors import BriefError
from .docx import docx_bytes

SOFFICE_NAMES = ("soffice", "libreoffice")
CONVERSION_TIMEOUT = 300  # seconds: a first start of LibreOffice builds its profile
INSTALL_HINT = ("install LibreOffice (Debian/Ubuntu: sudo apt-get install libreoffice-writer-nogui; "
                "macOS: brew install --cask libreoffice; Windows: https://www.libreoffice.org), "
                "or build --format docx and save it as PDF from Word")
_ODF = {
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "svg": "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
}


def pdf_bytes(document: RenderedDocument) -> bytes:
    """The PDF of `document`: its .docx, laid out by LibreOffice."""
    layout = document.layout
    return docx_to_pdf(docx_bytes(document), east_asian_autospace=layout.typography.east_asian_autospace,
                       font_fallbacks=layout.house_style.font_fallbacks, endnotes=layout.notes == "endnotes")


def docx_to_pdf(data: bytes, *, east_asian_autospace: bool = True,
                font_fallbacks: Mapping[str, str] | None = None, endnotes: bool = False) -> bytes:
    """Convert .docx bytes to PDF bytes with LibreOffice; a one-line error when it is not installed."""
    soffice = _soffice()
    replacements = {font: fallback for font, fallback in (font_fallbacks or {}).items() if not _installed(font)}
    with tempfile.TemporaryDirectory(prefix="briefbuilder-pdf-") as folder:
        work = Path(folder)
        source = work / "brief.docx"
        source.write_bytes(data)
        if not east_asian_autospace or replacements or endnotes:
            flat = _convert(soffice, source, "fodt", work)
            _adjust_flat_odf(flat, east_asian_autospace=east_asian_autospace, replacements=replacements)
            source = flat
        return _convert(soffice, source, "pdf", work).read_bytes()


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


def _convert(soffice: str, source: Path, target_format: str, folder: Path) -> Path:
    out = folder / target_format
    command = [soffice, f"-env:UserInstallation={_profile().as_uri()}", "--headless", "--norestore",
               "--convert-to", target_format, "--outdir", str(out), str(source)]
    try:
        completed = subprocess.run(command, capture_output=True, text=True, timeout=CONVERSION_TIMEOUT)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise BriefError.at(None, "--format pdf", f"LibreOffice could not convert the brief: {error}",
                            INSTALL_HINT) from None
    result = out / f"{source.stem}.{target_format}"
    if not result.is_file():
        detail = (completed.stderr or completed.stdout).strip().splitlines()
        raise BriefError.at(None, "--format pdf", "LibreOffice could not convert the brief"
                            + (f": {detail[-1]}" if detail else ""), INSTALL_HINT)
    return result


@functools.cache
def _installed(font: str) -> bool:
    """Whether fontconfig knows `font`; without fontconfig, assume not (use the named fallback)."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return False
    return subprocess.run([fc_list, "-q", f":family={font}"], capture_output=True).returncode == 0


def _adjust_flat_odf(path: Path, *, east_asian_autospace: bool, replacements: Mapping[str, str]) -> None:
    """Apply what LibreOffice did not read from the .docx: no Hangul-digit auto-spacing, font fallbacks."""
    tree = etree.parse(str(path), etree.XMLParser(huge_tree=True))
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
