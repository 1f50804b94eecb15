"""Read a pack's templates for Jinja2: only files that resolve inside their own search folder.

The render stage compiles what this loader reads (Jinja2 asks for a template
when it first meets its name, an ``{% include %}`` or ``{% extends %}``), so
the reading of templates, like every other input, happens in the load stage.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, TemplateNotFound
from jinja2.loaders import split_template_path

from .confine import confined_file


class ConfinedLoader(FileSystemLoader):
    """A file-system loader that refuses a template resolving outside its search folder."""

    def get_source(self, environment: Environment, template: str) -> tuple[str, str, Any]:
        pieces = split_template_path(template)  # refuses '..' segments
        for root in self.searchpath:
            candidate = os.path.join(root, *pieces)
            if os.path.lexists(candidate):
                real = confined_file(root, candidate, what=f"template '{template}'", field="template")
                contents = real.read_text(encoding=self.encoding)
                mtime = real.stat().st_mtime
                return contents, os.path.normpath(candidate), lambda: _unchanged(real, mtime)
        raise TemplateNotFound(template)


def _unchanged(path: Path, mtime: float) -> bool:
    try:
        return path.stat().st_mtime == mtime
    except OSError:
        return False
