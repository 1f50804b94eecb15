"""The Word (.docx) writer: one rendered brief in, one reproducible .docx out."""

from briefbuilder.write.docx.writer import docx_bytes, east_asian_language, write_docx

__all__ = ["docx_bytes", "east_asian_language", "write_docx"]
