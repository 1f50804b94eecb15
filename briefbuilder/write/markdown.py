"""The Markdown writer: the rendered document is already Markdown."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from ..document import RenderedDocument
from .atomic import write_atomic


def markdown_bytes(document: RenderedDocument) -> bytes:
    return document.markdown.encode("utf-8")


def write_markdown(document: RenderedDocument, path: Path, *, inputs: Collection[Path] = ()) -> None:
    write_atomic(path, markdown_bytes(document), inputs=inputs)
