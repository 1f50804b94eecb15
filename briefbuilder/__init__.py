"""briefbuilder: verified statistics and legal references, merged into localised briefs.

The pipeline, one module per stage: :mod:`~briefbuilder.load` (YAML → typed
brief), :mod:`~briefbuilder.check` (brief → findings), :mod:`~briefbuilder.render`
(brief + audience pack + language → Markdown document) and
:mod:`~briefbuilder.write` (document → .md / .docx).
"""

from .check import Finding
from .document import DocumentInfo, Layout, RenderedDocument
from .errors import BriefError, Location, Problem
from .load import load_brief
from .model import Brief
from .pipeline import BuildResult, ChecksFailed, build, check, render_brief
from .render import render

__all__ = [
    "Brief", "BriefError", "BuildResult", "ChecksFailed", "DocumentInfo", "Finding", "Layout",
    "Location", "Problem", "RenderedDocument", "build", "check", "load_brief", "render", "render_brief",
]
