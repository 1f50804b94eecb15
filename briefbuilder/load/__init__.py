"""Load stage: YAML files → typed, located models."""

from .brief import load_brief, resolve_brief_path, validate_brief

__all__ = ["load_brief", "resolve_brief_path", "validate_brief"]
