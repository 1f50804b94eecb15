"""An organisation's own Word template (``reference_docx``), opened as the document a brief is written into.

A template saved by Word or LibreOffice as a .docx, or as a Word template (.dotx, .dotm
without its macros being run): its styles, page setup, headers and footers (a logo in
the header included) are kept; the writer clears its body and adds the styles it lacks.
python-docx opens only documents, so a template's main part is declared a document's
in memory (the same XML: Word's "New from template" does the same); the user's file is
never changed.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
from docx.document import Document
from docx.oxml.ns import qn

from .private import BaseOxmlElement

_CONTENT_TYPES = "[Content_Types].xml"
_TEMPLATE_TYPES = (b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
                   b"application/vnd.ms-word.template.macroEnabledTemplate.main+xml")
_DOCUMENT_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def open_user_template(path: Path) -> Document:
    """The .docx or .dotx at ``path`` as a python-docx document (raises what python-docx raises for a bad file)."""
    data = Path(path).read_bytes()
    return docx.Document(io.BytesIO(_as_document(data)))


def _as_document(data: bytes) -> bytes:
    """A template package with its main part typed as a document's; a document as it is."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        types = package.read(_CONTENT_TYPES)
        if not any(kind in types for kind in _TEMPLATE_TYPES):
            return data
        output = io.BytesIO()
        with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as document:
            for entry in package.infolist():
                content = package.read(entry)
                if entry.filename == _CONTENT_TYPES:
                    for kind in _TEMPLATE_TYPES:
                        content = content.replace(kind, _DOCUMENT_TYPE)
                document.writestr(entry, content)
        return output.getvalue()


def defer_east_asian_settings(styles: BaseOxmlElement) -> None:
    """Drop a template's per-style East Asian language and font, so the document's (``w:docDefaults``) apply.

    Templates made in a Western setup name an East Asian language and font in their styles
    (LibreOffice: ``w:eastAsia="en-US"``, python-docx's: MS Mincho); left there, they would
    tag the Korean text of a brief as English and set it in a Japanese face, spacing "2024 년".
    """
    east_asian, theme = qn("w:eastAsia"), qn("w:eastAsiaTheme")
    for style in styles.iterfind(qn("w:style")):
        for element in style.iter(qn("w:lang"), qn("w:rFonts")):
            for attribute in (east_asian, theme):
                element.attrib.pop(attribute, None)
