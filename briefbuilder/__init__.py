"""briefbuilder: verified statistics and legal references, merged into localised briefs.

The pipeline, one subpackage per stage: :mod:`~briefbuilder.load` (YAML →
typed brief, plus the packs, catalog and locales it is built against),
:mod:`~briefbuilder.check` (brief and rendered documents → findings),
:mod:`~briefbuilder.render` (brief + audience pack + language → Markdown
document) and :mod:`~briefbuilder.write` (document → .md / .docx).

The public functions are named for what they do (``check_brief``,
``render_brief``) so that none of them hides a stage's subpackage. Names are
imported on first use: ``import briefbuilder`` stays cheap for a command that
needs little of it.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .check.findings import Finding
    from .document import DocumentInfo, Layout, RenderedDocument
    from .errors import BriefError, ChecksFailed, LoadError, Location, OutputError, Problem, TemplateError
    from .load.brief import load_brief
    from .load.inputs import Inputs, load_inputs
    from .load.native import brief_from_dict, update_statistic
    from .model import Brief, Statistic
    from .pipeline import BuildResult, Documents, build, build_documents, check_brief, render_brief

    __version__: str

_EXPORTS: dict[str, str] = {
    "Brief": "model", "BriefError": "errors", "BuildResult": "pipeline", "ChecksFailed": "errors",
    "DocumentInfo": "document", "Documents": "pipeline", "Finding": "check.findings", "Inputs": "load.inputs",
    "Layout": "document", "LoadError": "errors", "Location": "errors", "OutputError": "errors",
    "Problem": "errors", "RenderedDocument": "document", "Statistic": "model", "TemplateError": "errors",
    "brief_from_dict": "load.native", "build": "pipeline", "build_documents": "pipeline",
    "check_brief": "pipeline", "load_brief": "load.brief", "load_inputs": "load.inputs", "render_brief": "pipeline",
    "update_statistic": "load.native",
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
