"""Briefs built in Python: from a dict, from model objects, or a loaded brief with a figure changed.

Each goes through :func:`~briefbuilder.load.brief.validate_brief`, the very
validation a YAML file gets (fields, template syntax, duplicate ids, every
``[[stat:…]]`` and source reference), so a script cannot build what the command
line would refuse. With no file to point at, problems and findings are located
by field path: ``<python>:statistics[3].value``.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..errors import BriefError, LoadError, Location, did_you_mean, dotted
from ..model import Brief, Located, Text
from .brief import is_validated, validate_brief, validated_brief
from .records import statistic_record, statistics_from_records
from .yamlsource import SourceMap

PYTHON_SOURCE = "<python>"


class FieldPaths(SourceMap):
    """A source map for data without a file: every path is located by its field path."""

    def __init__(self, file: str = PYTHON_SOURCE, prefix: tuple[str | int, ...] = ()) -> None:
        super().__init__(file)
        self._prefix = prefix

    def locate(self, *path: str | int) -> Location:
        return Location(self.file, 0, place=dotted(self._prefix + tuple(path)) or "brief")

    def under(self, *prefix: str | int) -> SourceMap:
        return FieldPaths(self.file, self._prefix + prefix)


def brief_from_dict(data: Mapping[str, Any], *, name: str = "brief", directory: str | Path | None = None,
                    source: str = PYTHON_SOURCE) -> Brief:
    """A brief from Python data shaped like brief.yaml, validated as a YAML brief is.

    Values may be model objects (``Statistic(...)``), dates or ISO date
    strings; a statistic's value may be an int, a float (read through its
    shortest repr), a Decimal or a numeric string. ``directory`` is where a
    ``catalog.yaml`` extension or relative paths would be found. Raises
    :class:`~briefbuilder.errors.LoadError` listing every problem.
    """
    plain = _statistics_as_rows(_plain(data))
    try:
        return validate_brief(plain, FieldPaths(source), name=name,
                              directory=Path(directory) if directory is not None else None)
    except BriefError as error:
        raise LoadError.from_error(error) from None


def validated(brief: Brief) -> Brief:
    """``brief`` validated again as a whole, as the pipeline receives every brief object.

    A brief made from model objects, or changed with ``replace(...)`` (which
    validates nothing), gets the checks a loaded brief got; its locations are kept. A brief just as it was loaded
    or validated is returned as it is: at 100,000 statistics validating it
    again would double a build's memory.
    """
    if is_validated(brief):
        return brief
    return _revalidate(brief.to_data(), brief)


def update_statistic(brief: Brief, statistic_id: str, **changes: Any) -> Brief:
    """A copy of ``brief`` with statistic ``statistic_id`` changed, validated again as a whole.

    ``update_statistic(brief, "victims", value=114, as_of=date(2025, 3, 1))``:
    the copy is checked exactly as a loaded brief is, and its problems and
    findings still point where the brief was written. ``brief`` is unchanged.
    """
    data = brief.to_data()
    ids = [statistic["id"] for statistic in data["statistics"]]
    if statistic_id not in ids:
        raise LoadError.at(None, "statistics", f"unknown statistic '{statistic_id}'",
                           did_you_mean(statistic_id, ids, otherwise=None if ids else "the brief has no statistics"))
    index = ids.index(statistic_id)
    data["statistics"][index] = statistic_record({**data["statistics"][index], **changes})
    return _revalidate(data, brief)


def _revalidate(data: dict[str, Any], brief: Brief) -> Brief:
    """``data`` (``brief`` as plain data, perhaps changed) validated where ``brief`` was written."""
    source_map = brief._source_map if brief._source_map is not None else FieldPaths()
    try:
        return validated_brief(_statistics_as_rows(data), source_map, name=brief.file_name,
                               directory=brief.directory, owned=True)
    except BriefError as error:
        raise LoadError.from_error(error) from None


def _plain(value: Any) -> Any:
    """Model objects as the plain data they were made from, as in a YAML file."""
    if isinstance(value, (Located, Text)):
        return value.to_data()
    if isinstance(value, Mapping):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    return value


def _statistics_as_rows(data: Any) -> Any:
    """Statistics given as dicts, records or a data frame, read as the rows of a sheet
    (:mod:`briefbuilder.load.records`): a value written as text ("81.4", from a form) is the number it spells."""
    if isinstance(data, dict) and "statistics" in data:
        data["statistics"] = statistics_from_records(data["statistics"])
    return data
