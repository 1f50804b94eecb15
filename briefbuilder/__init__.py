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
    from .errors import BriefError, Location, Problem
    from .load.brief import load_brief
    from .load.inputs import Inputs, load_inputs
    from .model import Brief
    from .pipeline import BuildResult, ChecksFailed, build, check_brief, render_brief

_EXPORTS: dict[str, str] = {
    "Brief": "model", "BriefError": "errors", "BuildResult": "pipeline", "ChecksFailed": "pipeline",
    "DocumentInfo": "document", "Finding": "check.findings", "Inputs": "load.inputs", "Layout": "document",
    "Location": "errors", "Problem": "errors", "RenderedDocument": "document", "build": "pipeline",
    "check_brief": "pipeline", "load_brief": "load.brief", "load_inputs": "load.inputs", "render_brief": "pipeline",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'briefbuilder' has no attribute '{name}'")
    value = getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
