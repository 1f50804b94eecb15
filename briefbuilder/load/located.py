"""One way from YAML to a located model, for the brief, the audience packs and the treaty catalog.

msgspec turns the plain data into the model in one pass, in C. One walk over
the result then tells every model object where it was written and applies the
fields' own rules (:class:`~briefbuilder.model.Refine`). Only when msgspec
refuses the data does :func:`explain` walk it again, field by field, so that
one run reports every problem at once, each at its file, line and field, with
a fix: a user should not fix one typo per run.
"""

from __future__ import annotations

import re
import types
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar, Union, get_args, get_origin

import msgspec
from msgspec import Meta, Struct
from msgspec.structs import force_setattr

from ..errors import BriefError, Problem, did_you_mean, dotted
from ..model import Refine, Text, _Whereabouts, place
from .yamlsource import SourceMap, read_yaml

M = TypeVar("M")
FieldPath = tuple[str | int, ...]


def read_mapping(path: Path, what: str, hint: str) -> tuple[dict[str, Any], SourceMap]:
    """The YAML mapping in ``path``; anything else is a located error saying ``what`` it must be."""
    data, source_map = read_yaml(path)
    if not isinstance(data, dict):
        raise BriefError.at(source_map.locate(), "", f"{what} must be a mapping", hint)
    return data, source_map


def validate_located(data: Any, source_map: SourceMap, model: type[M], path: FieldPath = ()) -> M:
    """``data`` as a ``model`` written at ``path``; every invalid field reported where it was written."""
    try:
        value = msgspec.convert(data, model, **_CONVERSION)
    except msgspec.ValidationError as error:
        problems = explain(data, model, source_map, path)
        raise BriefError(problems or [_problem(source_map, path, _message(str(error)), "")]) from None
    problems = []
    finish(value, source_map, path, problems)
    if problems:
        raise BriefError(problems)
    return value


def finish(value: Any, source_map: SourceMap, path: FieldPath, problems: list[Problem], *, refine: bool = True) -> None:
    """Place every model object in ``value`` at its path and apply its fields' rules (``refine``).

    A rule's refusal becomes a located problem in ``problems``. A rule on a
    member of a union (``Annotated[str, rule] | None``) is not asked about None;
    a rule on the whole field is.
    """
    if isinstance(value, _Whereabouts):
        place(value, source_map, path)
    if isinstance(value, Struct):
        plan = _plan(type(value))
        if refine:
            for name, key, rule, takes_none in plan.refined:
                current = getattr(value, name)
                if current is None and not takes_none:
                    continue
                refined = _refined(rule, current, source_map, (*path, key), problems)
                if refined is not current:
                    force_setattr(value, name, refined)
        for name, key in plan.children:
            finish(getattr(value, name), source_map, (*path, key), problems, refine=refine)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            finish(item, source_map, (*path, index), problems, refine=refine)
    elif isinstance(value, dict):
        for key, item in value.items():
            finish(item, source_map, (*path, key), problems, refine=refine)


def _refined(rule: Callable[[Any], Any], value: Any, source_map: SourceMap, path: FieldPath,
             problems: list[Problem]) -> Any:
    """``rule``'s value for ``value``; on a refusal, ``value`` as it is and the refusal added to ``problems``."""
    try:
        return rule(value)
    except ValueError as error:
        problems.append(_problem(source_map, path, str(error), ""))
        return value


def explain(data: Any, model: Any, source_map: SourceMap, path: FieldPath = ()) -> list[Problem]:
    """Every problem in ``data`` that keeps it from being a ``model``, each located, with a fix."""
    problems: list[Problem] = []
    _explain(data, model, source_map, path, problems)
    return problems


# -- types -----------------------------------------------------------------------------------------------

_DECODERS: dict[type, Callable[[Any], Any]] = {Text: Text.parse, Path: lambda value: Path(_path_text(value))}


def _decode(kind: type, value: Any) -> Any:
    """Types msgspec does not know: a Text (a string or text per language) and a path."""
    decoder = _DECODERS.get(kind)
    if decoder is None:
        raise NotImplementedError
    return decoder(value)


_CONVERSION: dict[str, Any] = {"dec_hook": _decode, "builtin_types": (Decimal,), "strict": False}
"""How msgspec converts: lax as a spreadsheet needs ("true", "12" and 12.0 are what they spell), but a
Decimal only from a Decimal (a statistic's value is refused as text by its own rule, in words)."""


def _path_text(value: Any) -> str:
    if not isinstance(value, (str, Path)):
        raise ValueError("write a path as text")
    return str(value)


@dataclass(frozen=True)
class _Plan:
    """What the walk after conversion does for one model class."""

    refined: tuple[tuple[str, str, Callable[[Any], Any], bool], ...]  # (field, YAML key, rule, rule takes None)
    children: tuple[tuple[str, str], ...]  # (field, YAML key) of fields that can hold model objects


@cache
def _plan(cls: type) -> _Plan:
    refined, children = [], []
    for info in msgspec.structs.fields(cls):
        rules = [rule for rule in _rules(info.type) if type(rule) is Refine]
        if rules:
            refined.append((info.name, info.encode_name, rules[0].rule, rules[0] in _unwrap(info.type)[1]))
        if _holds_models(info.type):
            children.append((info.name, info.encode_name))
    return _Plan(tuple(refined), tuple(children))


def _holds_models(annotation: Any) -> bool:
    kind = _unwrap(annotation)[0]
    if isinstance(kind, type) and issubclass(kind, (Struct, Text)):
        return True
    return any(_holds_models(arg) for arg in get_args(kind) if arg is not Ellipsis)


def _unwrap(annotation: Any) -> tuple[Any, list[Refine], list[Meta]]:
    """``Annotated[T, Meta(...), Refine(...)]`` -> (T, rules, metas)."""
    rules: list[Refine] = []
    metas: list[Meta] = []
    while get_origin(annotation) is Annotated:
        annotation, *extras = get_args(annotation)
        rules += [extra for extra in extras if isinstance(extra, Refine)]
        metas += [extra for extra in extras if isinstance(extra, Meta)]
    return annotation, rules, metas


def _rules(annotation: Any) -> list[Refine]:
    """The rules on a type and within its union (``Annotated[A | B, rule]``, ``Annotated[A, rule] | None``)."""
    kind, rules, _ = _unwrap(annotation)
    if get_origin(kind) in (Union, types.UnionType):
        return rules + [rule for arg in get_args(kind) for rule in _rules(arg)]
    return rules


def _members(annotation: Any) -> tuple[Any, ...]:
    """The members of a union (each perhaps Annotated); a lone type is a union of one."""
    kind = _unwrap(annotation)[0]
    if get_origin(kind) in (Union, types.UnionType):
        return tuple(member for arg in get_args(kind) for member in _members(arg))
    return (annotation,)


# -- explaining ------------------------------------------------------------------------------------------


def _explain(value: Any, annotation: Any, source_map: SourceMap, path: FieldPath, problems: list[Problem]) -> None:
    before = len(problems)
    try:
        converted = _convert_alone(value, annotation)
    except msgspec.ValidationError as error:
        refused = _message(str(error))
    else:
        _check_rules(converted, annotation, source_map, path, problems)
        return
    member = _member_for(value, annotation)
    kind = _unwrap(member)[0] if member is not None else None
    origin = get_origin(kind)
    if isinstance(kind, type) and issubclass(kind, Struct) and isinstance(value, dict):
        _explain_struct(value, kind, source_map, path, problems)
    elif origin in (list, tuple) and isinstance(value, list):
        item = get_args(kind)[0]
        for index, element in enumerate(value):
            _explain(element, item, source_map, (*path, index), problems)
    elif origin is dict and isinstance(value, dict):
        key_type, item = get_args(kind)
        for key, element in value.items():
            try:
                _convert_alone(key, key_type)
            except msgspec.ValidationError as error:
                problems.append(_leaf(key, key_type, _message(str(error)), source_map, (*path, key)))
                continue
            _explain(element, item, source_map, (*path, key), problems)
    if len(problems) == before:  # nothing inside was wrong: the value itself is
        problems.append(_leaf(value, annotation, refused, source_map, path))


def _convert_alone(value: Any, annotation: Any) -> Any:
    """``value`` converted as one field typed ``annotation``, through a one-field Struct made once per type:
    msgspec keeps a Struct's converter, where a bare type's would be built again at every call."""
    return msgspec.convert({"value": value}, _probe(annotation), **_CONVERSION).value


@cache
def _probe(annotation: Any) -> Any:
    return msgspec.defstruct("Probe", [("value", annotation)], frozen=True)


def _explain_struct(value: dict[Any, Any], cls: type, source_map: SourceMap, path: FieldPath,
                    problems: list[Problem]) -> None:
    fields = {info.encode_name: info for info in msgspec.structs.fields(cls)}
    for key, element in value.items():  # in the order they were written
        if key in fields:
            _explain(element, fields[key].type, source_map, (*path, key), problems)
        else:
            problems.append(_problem(source_map, (*path, key), "unknown field",
                                     did_you_mean(str(key), fields, otherwise="remove it, or check the spelling")))
    for key, info in fields.items():
        if key not in value and info.required:
            problems.append(_problem(source_map, (*path, key), "is required but missing", f"add '{key}:' here"))


def _check_rules(value: Any, annotation: Any, source_map: SourceMap, path: FieldPath, problems: list[Problem]) -> None:
    """A value of the right type may still break a rule of its field, or of the models inside it."""
    if isinstance(value, (Struct, list, dict)):
        finish(value, source_map, path, problems)
    if value is not None:
        for rule in _rules(annotation):
            if type(rule) is Refine:
                _refined(rule.rule, value, source_map, path, problems)


def _member_for(value: Any, annotation: Any) -> Any:
    """The union member that ``value``'s kind of data (mapping, list, text, ...) was meant for."""
    for member in _members(annotation):
        kind = _unwrap(member)[0]
        origin = get_origin(kind) or kind
        if isinstance(value, dict) and (origin is dict or isinstance(origin, type) and issubclass(origin, Struct)):
            return member
        if isinstance(value, list) and origin in (list, tuple):
            return member
    return None


def _leaf(value: Any, annotation: Any, refused: str, source_map: SourceMap, path: FieldPath) -> Problem:
    """The problem with one value: a rule's own words when it has one, else msgspec's, made plain."""
    members = _members(annotation)
    for rule in _rules(annotation):  # a Text's own words come through msgspec: its dec_hook raised them
        try:
            rule.rule(value)
        except ValueError as error:
            return _problem(source_map, path, str(error), "")
    literals = [arg for member in members if get_origin(_unwrap(member)[0]) is Literal
                for arg in get_args(_unwrap(member)[0])]
    if refused.startswith("Invalid enum value") and literals:
        return _problem(source_map, path, f"'{_written(value)}' is not allowed", f"use {_listed(literals)}")
    if "matching regex" in refused:
        meta = next((meta for member in members for meta in _unwrap(member)[2] if meta.pattern), None)
        what = meta.description if meta is not None and meta.description else "in the expected form"
        hint = (meta.extra or {}).get("hint", "") if meta is not None else ""
        return _problem(source_map, path, f"'{value}' is not {what}", hint)
    if bound := _BOUND.match(refused):
        length, operator, limit = bound.groups()
        if length:
            entries = "entry" if limit == "1" else "entries"
            return _problem(source_map, path, f"needs {_AMOUNT[operator]} {limit} {entries}", "")
        return _problem(source_map, path, f"{value} is out of range: it must be {operator} {limit}", "")
    if expected := _EXPECTED.match(refused):
        wanted, got = expected.groups()
        first = wanted.partition(" | ")[0]  # msgspec names null last: the first is a kind of value
        words, hint = _KINDS.get(first, (f"a {first}", ""))
        return _problem(source_map, path, f"expected {words}, got {_KINDS.get(got, (got,))[0]}", hint)
    return _problem(source_map, path, refused, "")


_BOUND = re.compile(r"Expected `\w+`( of length)? (>=|<=|>|<) (\S+)")
_AMOUNT = {">=": "at least", ">": "more than", "<=": "at most", "<": "fewer than"}
_EXPECTED = re.compile(r"Expected `([^`]+)`, got `([^`]+)`")
_KINDS: dict[str, tuple[str, str]] = {
    "int": ("a whole number", "write a whole number"),
    "float": ("a number", "write a number"),
    "bool": ("true or false", "write true or false"),
    "str": ("text", "write text"),
    "array": ("a list", "write a list ('- item' lines)"),
    "object": ("a mapping", "write a mapping ('key: value' lines)"),
    "date": ("a date", "write a date as YYYY-MM-DD"),
    "null": ("nothing", ""),
    "datetime": ("a date and time", ""),
}


def _listed(values: list[Any]) -> str:
    """The allowed values as the YAML is written: ``one of 'un', 'plain' or 'formal'``, or ``true`` alone."""
    written = [repr(value) if isinstance(value, str) else _written(value) for value in values]
    return written[0] if len(written) == 1 else f"one of {', '.join(written[:-1])} or {written[-1]}"


def _written(value: Any) -> str:
    """``value`` as a YAML file spells it: ``true``, not Python's ``True``."""
    return str(value).lower() if isinstance(value, bool) else str(value)


def _message(refused: str) -> str:
    """msgspec's message without its own path: ours names the field in the user's terms."""
    return re.sub(r" - at `\$[^`]*`$", "", refused)


def _problem(source_map: SourceMap, path: FieldPath, message: str, hint: str) -> Problem:
    return Problem(source_map.locate(*path), dotted(path), message, hint)
