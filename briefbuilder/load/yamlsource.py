"""Safe YAML reading that remembers where every value came from.

PyYAML's nodes carry line and column; we keep them in a :class:`SourceMap`
keyed by the value's path (``("statistics", 3, "value")``) so validation
errors and check findings can say ``brief.yaml:42``. Only the safe loader is
used: untrusted input must never construct Python objects.

Floats are read as :class:`~decimal.Decimal` from their text, because the
precision a figure is reported with ("81.40" vs "81.4") is part of the claim.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml

from ..errors import BriefError, Location

Path_ = tuple[str | int, ...]

_FLOAT_TAG = "tag:yaml.org,2002:float"


class SourceMap:
    """Where each value of a parsed YAML document was written."""

    def __init__(self, file: str) -> None:
        self.file = file
        self._locations: dict[Path_, Location] = {}

    def record(self, path: Path_, node: yaml.Node) -> None:
        mark = node.start_mark
        self._locations[path] = Location(self.file, mark.line + 1, mark.column + 1)

    def locate(self, *path: str | int) -> Location:
        """The location of ``path``, or of its closest recorded ancestor."""
        key: Path_ = tuple(path)
        while key not in self._locations and key:
            key = key[:-1]
        return self._locations.get(key, Location(self.file, 1))

    def under(self, *prefix: str | int) -> SourceMap:
        """The part of this map below ``prefix``, addressed by paths relative to it."""
        part = SourceMap(self.file)
        part._locations = {path[len(prefix):]: location for path, location in self._locations.items()
                           if path[:len(prefix)] == prefix}
        return part


def dotted(path: Path_) -> str:
    """``("statistics", 3, "value")`` -> ``statistics[3].value``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def read_yaml(path: Path) -> tuple[Any, SourceMap]:
    """Parse ``path`` safely into plain Python data plus its source map."""
    name = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BriefError.at(None, "", f"{name}: no such file", "check the path") from None
    except UnicodeDecodeError as exc:
        raise BriefError.at(
            Location(name, 1), "", f"not UTF-8 text ({exc.reason})", "save the file as UTF-8"
        ) from None
    return parse_yaml(text, name)


def parse_yaml(text: str, name: str) -> tuple[Any, SourceMap]:
    """Parse YAML ``text`` (named ``name`` in errors) with locations."""
    source_map = SourceMap(name)
    loader = yaml.CSafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise BriefError.at(Location(name, 1), "", "the file is empty", "write the brief as YAML")
        return _build(loader, node, (), source_map), source_map
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        problem = exc.problem or str(exc)
        raise BriefError.at(
            Location(name, line), "", f"malformed YAML: {problem}",
            "check indentation, colons and quotes on this line",
        ) from None
    except yaml.YAMLError as exc:
        raise BriefError.at(Location(name, 1), "", f"malformed YAML: {exc}", "") from None
    finally:
        loader.dispose()


def _build(loader: yaml.SafeLoader, node: yaml.Node, path: Path_, source_map: SourceMap) -> Any:
    source_map.record(path, node)
    if isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, (str, int)):
                raise BriefError.at(
                    Location(source_map.file, key_node.start_mark.line + 1), dotted(path),
                    f"a key must be a name, not {type(key).__name__}", "write the key as plain text",
                )
            key = str(key)
            if key in result:
                raise BriefError.at(
                    Location(source_map.file, key_node.start_mark.line + 1), dotted(path + (key,)),
                    "this key is given twice", "keep one of them",
                )
            result[key] = _build(loader, value_node, path + (key,), source_map)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(loader, item, path + (i,), source_map) for i, item in enumerate(node.value)]
    if node.tag == _FLOAT_TAG:
        try:
            return Decimal(node.value.replace("_", ""))
        except InvalidOperation:
            pass
    try:
        return loader.construct_object(node)
    except ValueError as exc:  # e.g. an impossible date such as 2023-13-01
        raise BriefError.at(Location(source_map.file, node.start_mark.line + 1), dotted(path),
                            f"'{node.value}' cannot be read: {exc}", "write dates as YYYY-MM-DD") from None
