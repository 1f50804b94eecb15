"""Every python-docx internal the Word writer uses, in one place, each with why.

python-docx has no public API for these. pyproject.toml therefore bounds
python-docx below its next minor release; when that release comes, this module
is what to re-check (the Word tests exercise every name here). Checked against
python-docx 1.1.0 and 1.2.0.
"""

from __future__ import annotations

from docx.opc.part import Part
from docx.oxml.text.paragraph import CT_P
from docx.text.paragraph import Paragraph

# [Content_Types].xml built from the parts: package.py writes the package itself, streaming the
# large parts, so it cannot call python-docx's PackageWriter, whose helper this is.
from docx.opc.pkgwriter import _ContentTypesItem as ContentTypesItem
# "w:p" as a Clark name and its namespace map: oxml.py makes elements with it, skipping
# OxmlElement's per-call parsing (the most frequent call of a build).
from docx.oxml.ns import NamespacePrefixedTag
# The parser whose lookup gives each element its python-docx class (CT_P, CT_R...): elements
# made with it behave like python-docx's own.
from docx.oxml.parser import oxml_parser
# Text with tabs and line breaks as w:t, w:tab and w:br, as python-docx's run.text setter writes it.
from docx.oxml.text.run import _RunContentAppender as RunContentAppender
# The base class of python-docx's elements: only a type for the elements oxml.py edits.
from docx.oxml.xmlchemy import BaseOxmlElement

__all__ = ["BaseOxmlElement", "ContentTypesItem", "NamespacePrefixedTag", "RunContentAppender", "add_child",
           "insert_child", "oxml_parser", "paragraph_element", "remove_children", "replace_part_blob"]


def paragraph_element(paragraph: Paragraph) -> CT_P:
    """The ``w:p`` behind a python-docx paragraph (``Paragraph._p``): runs, fields and notes are added to it."""
    return paragraph._p


def replace_part_blob(part: Part, blob: bytes) -> None:
    """Give a non-XML part new bytes (``Part._blob``): the app properties and font table package.py rewrites."""
    part._blob = blob


# python-docx generates, for each child an element class declares, ``_add_<child>``,
# ``_insert_<child>`` and ``_remove_<child>`` (docx.oxml.xmlchemy): they put the child at the
# place the schema's sequence requires, which Word insists on. These three reach them.
def add_child(parent: BaseOxmlElement, child: str) -> BaseOxmlElement:
    """A new ``child`` (``"tblW"``) of ``parent``, at its place in the schema's order."""
    added: BaseOxmlElement = getattr(parent, f"_add_{child}")()
    return added


def insert_child(parent: BaseOxmlElement, child: str, element: BaseOxmlElement) -> BaseOxmlElement:
    """``element`` inserted as ``parent``'s ``child`` at its place in the schema's order."""
    inserted: BaseOxmlElement = getattr(parent, f"_insert_{child}")(element)
    return inserted


def remove_children(parent: BaseOxmlElement, child: str) -> None:
    """Every ``child`` of ``parent`` removed."""
    getattr(parent, f"_remove_{child}")()
