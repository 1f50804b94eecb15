"""The walk both document writers (Word, HWPX) make over a rendered document's blocks.

One dispatch from a Markdown block element to the writer's method for that kind of
block, as pandoc's writers share one document tree: a block kind the tree gains is
written by every writer, or refused by name, from this one place.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable
from typing import Generic, TypeAlias, TypeVar

from lxml import etree

from briefbuilder.errors import OutputError
from briefbuilder.markdown_tree import inline_parts

Element: TypeAlias = etree._Element
Inlines = Iterable["str | etree._Element"]
HEADING_LEVELS = {f"h{level}": level for level in range(1, 7)}
ContextT = TypeVar("ContextT")


class BlockWriter(ABC, Generic[ContextT]):
    """Sends each block of the tree to the method that writes its kind, with the writer's own context."""

    def _blocks(self, blocks: Iterable[Element | list[str | Element]], context: ContextT) -> None:
        for block in blocks:
            if isinstance(block, list):  # a paragraph in a list item or a note (see block_parts)
                self._paragraph(block, context)
            else:
                self._block(block, context)

    def _block(self, element: Element, context: ContextT) -> None:
        tag = element.tag
        if tag == "p":
            self._paragraph(inline_parts(element), context)
        elif tag in HEADING_LEVELS:
            self._heading(element, context)
        elif tag in ("ul", "ol"):
            self._list(element, context)
        elif tag == "blockquote":
            self._quote(element, context)
        elif tag == "table":
            self._table(element, context)
        elif tag == "pre":
            self._code(element.xpath("string()").rstrip("\n"), context)
        elif tag == "hr":
            self._rule(context)
        else:
            raise OutputError.at(None, "markdown", f"unsupported Markdown element <{tag}>")

    @abstractmethod
    def _paragraph(self, inlines: Inlines, context: ContextT) -> object: ...

    @abstractmethod
    def _heading(self, element: Element, context: ContextT) -> None: ...

    @abstractmethod
    def _list(self, element: Element, context: ContextT) -> None: ...

    @abstractmethod
    def _quote(self, element: Element, context: ContextT) -> None: ...

    @abstractmethod
    def _table(self, element: Element, context: ContextT) -> None: ...

    @abstractmethod
    def _code(self, text: str, context: ContextT) -> None: ...

    @abstractmethod
    def _rule(self, context: ContextT) -> None: ...
