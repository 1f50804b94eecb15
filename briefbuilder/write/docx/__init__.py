"""The Word (.docx) writer: one rendered brief in, one reproducible .docx out."""

from briefbuilder.write.docx.writer import docx_bytes, write_docx

__all__ = ["docx_bytes", "write_docx"]
