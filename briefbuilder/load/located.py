"""One way from YAML to a located model, for the brief, the audience packs and the treaty catalog.

Read safely (:mod:`.yamlsource`), validated by the model's pydantic class,
every problem located at its file, line and field, and every model object
told where it was written, so that a later finding can point at it.
"""

from __future__ import annotations

import difflib
from collections.abc import Collection, Iterable
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from ..errors import BriefError
from ..model import Located, Text, place
from .yamlsource import SourceMap, read_yaml

M = TypeVar("M", bound=BaseModel)


def read_mapping(path: Path, what: str, hint: str) -> tuple[dict[str, Any], SourceMap]:
    """The YAML mapping in ``path``; anything else is a located error saying ``what`` it must be."""
    data, source_map = read_yaml(path)
    if not isinstance(data, dict):
        raise BriefError.at(source_map.locate(), "", f"{what} must be a mapping", hint)
    return data, source_map


def validate_located(data: Any, source_map: SourceMap, model: type[M]) -> M:
    """``data`` as a ``model``, each invalid field reported where it was written."""
    from .brief import validation_problems

    try:
        parsed = model.model_validate(data)
    except ValidationError as exc:
        raise BriefError(validation_problems(exc, source_map, model)) from None
    attach_locations(parsed, source_map)
    return parsed


def attach_locations(value: Any, source_map: SourceMap, path: tuple[str | int, ...] = (),
                     shared: dict[frozenset[str], set[str]] | None = None, placed: Collection[str] = ()) -> None:
    """Give every located object in the tree its file and path, through lists and dicts (keys are YAML keys).

    Objects that set the same fields also share one set of their names
    (pydantic's ``model_fields_set``): a set per object cost more than the
    object's own fields. Pydantic copies that set before changing it.
    ``placed`` names fields of ``value`` whose objects were placed already.
    """
    if shared is None:
        shared = {}
    if isinstance(value, (Located, Text)):
        place(value, source_map, path)
        fields_set = value.__pydantic_fields_set__
        object.__setattr__(value, "__pydantic_fields_set__", shared.setdefault(frozenset(fields_set), fields_set))
    if isinstance(value, BaseModel) and not isinstance(value, Text):
        for name, info in type(value).model_fields.items():
            if name not in placed:
                attach_locations(getattr(value, name), source_map, path + (info.alias or name,), shared)
    elif isinstance(value, dict):
        for key, item in value.items():
            attach_locations(item, source_map, path + (key,), shared)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            attach_locations(item, source_map, path + (index,), shared)


def did_you_mean(name: str, known: Iterable[str], otherwise: str | None = None) -> str:
    """A hint for an unknown name: the closest known one, else ``otherwise`` or the whole list."""
    names = sorted(known)
    close = difflib.get_close_matches(name, names, n=1)
    if close:
        return f"did you mean '{close[0]}'?"
    return otherwise if otherwise is not None else f"known: {', '.join(names)}"
