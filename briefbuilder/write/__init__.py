"""Write stage: rendered document → files. One writer per output format."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence
from importlib import import_module
from pathlib import Path
from typing import IO, TYPE_CHECKING

from ..document import RenderedDocument
from ..errors import OutputError
from ..progress import stage
from .atomic import write_atomic

if TYPE_CHECKING:
    from .pdf import PdfConverter

# format name -> "module:function" returning the file's bytes; imported on first use
# so that building Markdown does not load the Word machinery.
WRITERS: dict[str, str] = {
    "md": "briefbuilder.write.markdown:markdown_bytes",
    "docx": "briefbuilder.write.docx:docx_bytes",
    "pdf": "briefbuilder.write.pdf:pdf_bytes",  # the .docx laid out by LibreOffice
    "hwpx": "briefbuilder.write.hwpx:hwpx_bytes",  # Hancom Office 한/글; needs the hwpx extra (python-hwpx)
}


def writer(format_name: str) -> Callable[[RenderedDocument], bytes]:
    module, function = WRITERS[format_name].split(":")
    write: Callable[[RenderedDocument], bytes] = getattr(import_module(module), function)

    def announced(document: RenderedDocument) -> bytes:
        stage(f"writing {document.name}.{document.language}.{format_name}")
        return write(document)

    return announced


def document_bytes(document: RenderedDocument, format: str = "docx") -> bytes:
    """``document`` as a file of ``format`` (``md``, ``docx``, ``pdf``, ``hwpx``), in memory: nothing touches the disk."""
    if format not in WRITERS:
        raise OutputError.at(None, "format", f"unknown format '{format}'", f"use one of: {', '.join(WRITERS)}")
    return writer(format)(document)


@contextlib.contextmanager
def running_pdf_converter(formats: Sequence[str], given: PdfConverter | None = None) -> Iterator[PdfConverter | None]:
    """`given`; else, when PDFs are among `formats`, a LibreOffice started now (the caller goes on while it
    starts) and stopped on leaving; else None, and nothing of the PDF machinery is loaded."""
    if given is not None or "pdf" not in formats:
        yield given
        return
    from .pdf import PdfConverter

    with PdfConverter().start() as converter:
        yield converter


def document_files(documents: Sequence[RenderedDocument], formats: Sequence[str], folder: Path,
                   pdf_converter: PdfConverter | None = None) -> list[tuple[Path, bytes]]:
    """Every document in every format as ``(path in folder, bytes)``.

    The PDFs come from one LibreOffice (`pdf_converter`, or one started now and
    stopped at the end), laid out from the very Word files written here when
    docx is asked for too, and started before anything else is written: it
    starts while the other formats are written.
    """
    with running_pdf_converter(formats, pdf_converter) as pdf_converter:
        written: dict[str, list[bytes]] = {}
        for format in sorted(formats, key=lambda name: name == "pdf"):  # the PDFs last, from the Word files
            if format == "pdf" and pdf_converter is not None:
                stage(f"writing {len(documents)} pdf file(s)")
                written[format] = pdf_converter.pdfs_bytes(documents, docx=written.get("docx"))
            else:
                written[format] = [document_bytes(document, format) for document in documents]
    return [(folder / document.file_name(format), written[format][index])
            for index, document in enumerate(documents) for format in formats]


def save_document(document: RenderedDocument, target: str | Path | IO[bytes], format: str | None = None) -> None:
    """Write ``document`` to a path (atomically; ``format`` defaults to its suffix) or a binary stream.

    A stream needs ``format``: ``save_document(document, response, "docx")``.
    """
    if isinstance(target, (str, Path)):
        path = Path(target)
        format = format or path.suffix.removeprefix(".")
        if not format:
            raise OutputError.at(None, "format", f"{path}: no suffix to tell the format by",
                                 "name the file .md or .docx, or pass the format")
        write_atomic(path, document_bytes(document, format))
        return
    if format is None:
        raise OutputError.at(None, "format", "a stream has no name to tell the format by",
                             "pass the format: save_document(document, stream, 'docx')")
    target.write(document_bytes(document, format))
