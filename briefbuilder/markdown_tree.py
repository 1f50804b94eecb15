"""The rendered Markdown as a tree: what the Word writer and the word count walk.

The render stage produces one Markdown document; everything after it reads
that document through this module, so a .docx and a word count see the same
structure. cmark-gfm (GitHub's C implementation of CommonMark, with its table
and footnote extensions, through ``cmarkgfm``) parses it, and its HTML, read
back by lxml, is the tree. A C parser because the pure-Python ones cost more
than all the rest of a Word build (see docs/performance.md).

The tree is plain HTML elements:

- blocks: ``h1``..``h6``, ``p``, ``ul``/``ol`` (``start``) of ``li``,
  ``blockquote``, ``table`` (``thead``/``tbody``, cells with ``align``),
  ``pre`` (code), ``hr``;
- inlines: text, ``em``, ``strong``, ``code``, ``a`` (``href``), ``img``
  (``alt``), ``br``, and footnote references (:func:`footnote_reference`).

Footnote definitions are taken out of the block sequence into
:attr:`MarkdownTree.footnotes`, without their HTML back-links. Raw HTML never
reaches the tree (cmark's safe mode drops it), so a brief cannot smuggle
markup into Word.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import cmarkgfm
from cmarkgfm.cmark import Options
from lxml import etree

_OPTIONS = Options.CMARK_OPT_FOOTNOTES | Options.CMARK_OPT_VALIDATE_UTF8
_EXTENSIONS = ("table",)
# huge_tree: without it libxml2 cuts any text node over 10 MB, silently, and drops the rest of the document.
_HTML = etree.HTMLParser(remove_comments=True, remove_pis=True, no_network=True, huge_tree=True)
# XML 1.0 allows tab, LF, CR and everything from U+0020 except surrogates and
# U+FFFE/U+FFFF; lxml refuses the rest, so they are removed before parsing.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
BLOCK_TAGS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote",
                        "table", "pre", "hr", "section"})
FOOTNOTE_PREFIX = "#fn-"


def xml_safe(text: str) -> str:
    """`text` without the characters XML 1.0 cannot carry (control characters)."""
    return _XML_ILLEGAL.sub("", text)


@dataclass(frozen=True)
class MarkdownTree:
    """A parsed document: its blocks in order, and its footnote definitions by label."""

    blocks: list[etree._Element]
    footnotes: dict[str, etree._Element]  # label -> the definition's <li>


def parse_markdown(markdown: str) -> MarkdownTree:
    html = cmarkgfm.markdown_to_html_with_extensions(xml_safe(markdown), options=_OPTIONS, extensions=_EXTENSIONS)
    root = etree.fromstring(f"<html><body>{html}</body></html>", _HTML)
    body = root.find("body")
    blocks: list[etree._Element] = []
    footnotes: dict[str, etree._Element] = {}
    for block in body if body is not None else ():
        if block.tag == "section" and "footnotes" in block.get("class", ""):
            for definition in block.iterfind("ol/li"):
                _drop_back_links(definition)
                footnotes[definition.get("id", "").removeprefix("fn-")] = definition
        else:
            blocks.append(block)
    return MarkdownTree(blocks, footnotes)


def footnote_reference(element: etree._Element) -> str | None:
    """The label a ``<sup class="footnote-ref">`` points at, or None for any other element."""
    if element.tag != "sup" or element.get("class") != "footnote-ref" or not len(element):
        return None
    href = element[0].get("href", "")
    return href[len(FOOTNOTE_PREFIX):] if href.startswith(FOOTNOTE_PREFIX) else None


def inline_parts(element: etree._Element) -> Iterator[str | etree._Element]:
    """The text and child elements of `element`, in document order (lxml keeps text in tails)."""
    if element.text:
        yield element.text
    for child in element:
        yield child
        if child.tail:
            yield child.tail


def visible_text(element: etree._Element) -> str:
    """The text a reader sees in `element`: link texts yes, footnote marks no."""
    pieces: list[str] = []

    def walk(node: etree._Element) -> None:
        if node.text:
            pieces.append(node.text)
        for child in node:
            if footnote_reference(child) is None:
                walk(child)
            if child.tail:
                pieces.append(child.tail)

    walk(element)
    return "".join(pieces)


def block_parts(element: etree._Element) -> Iterator[etree._Element | list[str | etree._Element]]:
    """The blocks inside a list item or note; each paragraph comes as its list of inlines.

    A tight list item holds its text directly (``<li>text<ul>...``), a loose one
    in ``<p>``: both read the same way here.
    """
    pending: list[str | etree._Element] = []
    for part in inline_parts(element):
        if isinstance(part, str) or part.tag not in BLOCK_TAGS:
            pending.append(part)
            continue
        if _has_content(pending):
            yield _trimmed(pending)
        pending = []
        yield list(inline_parts(part)) if part.tag == "p" else part
    if _has_content(pending):
        yield _trimmed(pending)


def _has_content(parts: list[str | etree._Element]) -> bool:
    return any(not isinstance(part, str) or part.strip() for part in parts)


def _trimmed(parts: list[str | etree._Element]) -> list[str | etree._Element]:
    """Loose text without the line breaks that separate it from the blocks around it."""
    if isinstance(parts[0], str):
        parts[0] = parts[0].lstrip("\n")
    if isinstance(parts[-1], str):
        parts[-1] = parts[-1].rstrip("\n")
    return parts


def _drop_back_links(definition: etree._Element) -> None:
    """Remove a definition's HTML back-links (↩) and the space before them: Word links notes itself."""
    for link in definition.xpath(".//a[contains(@class, 'footnote-backref')]"):
        parent, previous = link.getparent(), link.getprevious()
        tail = link.tail or ""
        if previous is not None:
            previous.tail = ((previous.tail or "") + tail).rstrip()
        else:
            parent.text = ((parent.text or "") + tail).rstrip()
        parent.remove(link)
