"""Write stage: rendered document → files. One writer per output format."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from ..document import RenderedDocument
from ..progress import stage

# format name -> "module:function" returning the file's bytes; imported on first use
# so that building Markdown does not load the Word machinery.
WRITERS: dict[str, str] = {
    "md": "briefbuilder.write.markdown:markdown_bytes",
    "docx": "briefbuilder.write.docx:docx_bytes",
    "pdf": "briefbuilder.write.pdf:pdf_bytes",  # the .docx laid out by LibreOffice
}


def writer(format_name: str) -> Callable[[RenderedDocument], bytes]:
    module, function = WRITERS[format_name].split(":")
    write: Callable[[RenderedDocument], bytes] = getattr(import_module(module), function)

    def announced(document: RenderedDocument) -> bytes:
        stage(f"writing {document.name}.{document.language}.{format_name}")
        return write(document)

    return announced
