"""briefbuilder: verified statistics and legal references, merged into localised briefs.

The pipeline, one subpackage per stage: :mod:`~briefbuilder.load` (YAML →
typed brief, plus the packs, catalog and locales it is built against),
:mod:`~briefbuilder.check` (brief and rendered documents → findings),
:mod:`~briefbuilder.render` (brief + audience pack + language → Markdown
document) and :mod:`~briefbuilder.write` (document → .md / .docx / .pdf;
:class:`PdfConverter` keeps one LibreOffice running for many PDFs).

The public functions are named for what they do (``check_brief``,
``render_brief``) so that none of them hides a stage's subpackage. Names are
imported on first use: ``import briefbuilder`` stays cheap for a command that
needs little of it.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    # 'X as X' is an explicit re-export: type checkers see the public names (PEP 484).
    from .cases import CaseResult as CaseResult
    from .cases import build_cases as build_cases
    from .check.findings import ChecksFailed as ChecksFailed
    from .check.findings import Finding as Finding
    from .document import DocumentInfo as DocumentInfo
    from .document import Layout as Layout
    from .document import RenderedDocument as RenderedDocument
    from .errors import BriefError as BriefError
    from .errors import LoadError as LoadError
    from .errors import Location as Location
    from .errors import OutputError as OutputError
    from .errors import Problem as Problem
    from .errors import TemplateError as TemplateError
    from .load.brief import load_brief as load_brief
    from .load.inputs import Inputs as Inputs
    from .load.inputs import load_inputs as load_inputs
    from .load.native import brief_from_dict as brief_from_dict
    from .load.native import update_statistic as update_statistic
    from .model import Brief as Brief
    from .model import Statistic as Statistic
    from .model import Text as Text
    from .pipeline import BuildResult as BuildResult
    from .pipeline import Documents as Documents
    from .pipeline import build as build
    from .pipeline import build_documents as build_documents
    from .pipeline import check_brief as check_brief
    from .pipeline import render_brief as render_brief
    from .write.pdf import PdfConverter as PdfConverter
    from .write import document_bytes as document_bytes
    from .write import save_document as save_document

    __version__: str

_EXPORTS: dict[str, str] = {
    "Brief": "model", "BriefError": "errors", "BuildResult": "pipeline", "CaseResult": "cases",
    "ChecksFailed": "check.findings",
    "DocumentInfo": "document", "Documents": "pipeline", "Finding": "check.findings", "Inputs": "load.inputs",
    "Layout": "document", "LoadError": "errors", "Location": "errors", "OutputError": "errors",
    "PdfConverter": "write.pdf",
    "Problem": "errors", "RenderedDocument": "document", "Statistic": "model", "TemplateError": "errors", "Text": "model",
    "brief_from_dict": "load.native", "build": "pipeline", "build_cases": "cases", "build_documents": "pipeline",
    "check_brief": "pipeline", "load_brief": "load.brief", "load_inputs": "load.inputs", "render_brief": "pipeline",
    "update_statistic": "load.native", "document_bytes": "write", "save_document": "write",
}
__all__ = sorted([*_EXPORTS, "__version__"])


def __getattr__(name: str) -> Any:
    if name == "__version__":  # from the installed package's metadata: one version, pyproject's
        from importlib.metadata import PackageNotFoundError, version

        try:
            globals()[name] = version(__name__)
        except PackageNotFoundError:  # run from a source tree that was never installed
            globals()[name] = "0+unknown"
        return globals()[name]
    if name not in _EXPORTS:
        raise AttributeError(f"module 'briefbuilder' has no attribute '{name}'")
    value = getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
