"""Load a brief: YAML file → validated, located :class:`~briefbuilder.model.Brief`.

Everything that makes a brief unusable is reported here, all problems at once,
each with file, line, field and a fix: malformed YAML, missing or mistyped
fields, unknown fields, template syntax smuggled into data, duplicate ids and
references to sources or statistics that do not exist.
"""

from __future__ import annotations

import weakref
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from ..errors import BriefError, LoadError, Location, Problem
from ..model import Brief, Located, Statistic, Text
from ..narrative import TEMPLATE_SYNTAX, find_references, reference_location
from ..progress import stage
from .located import attach_locations, did_you_mean
from .sheet import statistics_from_sheet
from .yamlsource import FORBIDDEN_CHARACTER, SourceMap, character_problem, dotted, nfc, read_yaml

BRIEF_FILE = "brief.yaml"
REFERENCE_KINDS_CHECKED_HERE = {"stat": "statistics", "cite": "sources"}


def resolve_brief_path(path: str | Path) -> Path:
    """A brief is a YAML file, or a folder holding ``brief.yaml``."""
    path = Path(path)
    if path.is_dir():
        candidate = path / BRIEF_FILE
        if not candidate.is_file():
            raise BriefError.at(None, "", f"{path}: no {BRIEF_FILE} in this folder",
                                f"pass the brief's YAML file, or add {candidate}")
        return candidate
    if not path.exists():
        raise BriefError.at(None, "", f"{path}: no such file or folder", "check the path")
    return path


def load_brief(path: str | Path) -> Brief:
    """Read, validate and cross-check a brief; raise :class:`LoadError` listing every problem."""
    try:
        file = resolve_brief_path(path)
        stage(f"reading {file.name}")
        data, source_map = read_yaml(file)
        return validated_brief(data, source_map, name=_default_name(file), directory=file.parent, owned=True)
    except BriefError as error:
        raise LoadError.from_error(error) from None


def validate_brief(data: Any, source_map: SourceMap, *, name: str = "brief", directory: Path | None = None) -> Brief:
    """Turn parsed YAML into a :class:`Brief` (for callers that parse themselves).

    ``statistics`` may name a spreadsheet instead of listing them (:mod:`.sheet`).
    """
    return validated_brief(data, source_map, name=name, directory=directory, owned=False)


def validated_brief(data: Any, source_map: SourceMap, *, name: str, directory: Path | None, owned: bool) -> Brief:
    """:func:`validate_brief`; ``owned`` data (read for this call alone) is turned into the model in place."""
    data, source_map = statistics_from_sheet(data, source_map, directory)
    problems = _text_problems(data, source_map)
    if not isinstance(data, dict):
        raise BriefError.at(source_map.locate(), "", "a brief must be a mapping with a 'brief:' block",
                            "start the file with 'brief:'")
    shared_fields_sets: dict[frozenset[str], set[str]] = {}
    if not owned:
        data = dict(data)
    _validate_items(data, source_map, shared_fields_sets, in_place=owned)
    try:
        brief = Brief.model_validate(data)
    except ValidationError as exc:
        problems.extend(validation_problems(exc, source_map))
        raise BriefError(problems) from None
    del data
    attach_locations(brief, source_map, shared=shared_fields_sets, placed=_ITEM_LISTS)
    problems.extend(_cross_references(brief))
    if problems:
        raise BriefError(problems)
    brief._name = name
    brief._directory = directory
    _VALIDATED[id(brief)] = brief
    return brief


_VALIDATED: weakref.WeakValueDictionary[int, Brief] = weakref.WeakValueDictionary()
"""Briefs this module validated, by identity: a copy changed with ``model_copy(update=...)`` is a new object."""


def is_validated(brief: Brief) -> bool:
    """``brief`` is the very object a load or validation returned, so validating it again would find nothing new.

    A frozen brief cannot be changed, only copied; its lists are the
    exception, and are not to be changed in place.
    """
    return _VALIDATED.get(id(brief)) is brief


def _item_model(annotation: Any) -> type[BaseModel] | None:
    """``X`` for a field typed ``list[X]`` with X a model."""
    if getattr(annotation, "__origin__", None) is not list:
        return None
    item = annotation.__args__[0]
    return item if isinstance(item, type) and issubclass(item, BaseModel) else None


_ITEM_LISTS = {name: model for name, info in Brief.model_fields.items()
               if (model := _item_model(info.annotation)) is not None}
"""The brief's lists of model objects (statistics, sources, sections, ...), validated item by item."""


def _validate_items(data: dict[str, Any], source_map: SourceMap, shared_fields_sets: dict[frozenset[str], set[str]],
                    *, in_place: bool) -> None:
    """Each item of the brief's long lists validated on its own, placed, and put in the list instead of its data.

    A brief of 100,000 statistics would otherwise hold all its plain data and
    all its model objects at once; this way each item's data is freed as its
    model is made (``in_place``; else the lists are copied first). An item
    that is invalid stays as data: validating the whole brief reports it, with
    every other problem. Pydantic keeps a model object it is given as it is.
    """
    for name, model in _ITEM_LISTS.items():
        items = data.get(name)
        if not isinstance(items, list):
            continue
        if not in_place:
            items = data[name] = list(items)
        for index, item in enumerate(items):
            try:
                items[index] = made = model.model_validate(item)
            except ValidationError:
                continue
            attach_locations(made, source_map, (name, index), shared_fields_sets)


def _default_name(file: Path) -> str:
    return file.parent.name if file.name == BRIEF_FILE else file.stem


def _text_problems(data: Any, source_map: SourceMap, path: tuple[str | int, ...] = ()) -> list[Problem]:
    """Text from any source (YAML, a sheet, a Python dict) is NFC, holds no invisible controls and no template code.

    The YAML reader already refuses controls with their column; sheets and
    dicts are held to the same rule here. Strings are normalised in place.
    """
    problems: list[Problem] = []
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    for key, value in items:
        where = path + (key,)
        if isinstance(value, str):
            problems.extend(_string_problems(value, source_map, where))
            data[key] = nfc(value)
        else:
            problems.extend(_text_problems(value, source_map, where))
    return problems


def _string_problems(text: str, source_map: SourceMap, path: tuple[str | int, ...]) -> list[Problem]:
    if (bad := FORBIDDEN_CHARACTER.search(text)) is not None:
        return [character_problem(source_map.locate(*path), dotted(path), bad.group(), column=False)]
    if TEMPLATE_SYNTAX.search(text):  # data is inserted, never evaluated
        return [Problem(source_map.locate(*path), dotted(path),
                        "template syntax ('{{', '{%' or '{#') is not allowed in data",
                        "write plain text; refer to statistics and sources with [[stat:ID]] or [[cite:ID]]")]
    return []


def validation_problems(exc: ValidationError, source_map: SourceMap, root: type[BaseModel] = Brief) -> list[Problem]:
    """One located problem per invalid field, with a hint on how to fix it."""
    problems: list[Problem] = []
    seen: set[tuple[Any, ...]] = set()
    for error in exc.errors():
        loc = tuple(part for part in error["loc"] if not _is_union_branch(part))
        if loc in seen:
            continue
        seen.add(loc)
        problems.append(_problem_for(error, loc, source_map, root))
    return problems


def _is_union_branch(part: Any) -> bool:
    """Pydantic names union branches in error paths ('int', 'constrained-str'): not fields."""
    return isinstance(part, str) and (part in {"int", "str", "decimal", "function-after[_languages(), dict[str,str]]"}
                                      or part.startswith(("constrained-", "function-", "literal[")))


def _problem_for(error: Any, loc: tuple[Any, ...], source_map: SourceMap, root: type[BaseModel]) -> Problem:
    field = dotted(loc)
    location = source_map.locate(*loc)
    kind = error["type"]
    if kind == "missing":
        return Problem(location, field, "is required but missing", f"add '{loc[-1]}:' here")
    if kind == "extra_forbidden":
        hint = did_you_mean(str(loc[-1]), _known_fields(root, loc[:-1]), otherwise="remove it, or check the spelling")
        return Problem(location, field, "unknown field", hint)
    if kind == "literal_error":
        return Problem(location, field, f"'{error.get('input')}' is not allowed",
                       f"use one of {error['ctx']['expected']}")
    if kind == "string_pattern_mismatch":
        return Problem(location, field, f"'{error.get('input')}' is not a valid identifier",
                       "use letters, digits, '-', '_' and '.', starting with a letter or digit")
    message = str(error["msg"]).removeprefix("Value error, ")
    return Problem(location, field, message, _type_hint(kind))


def _type_hint(kind: str) -> str:
    hints = {
        "date_type": "write a date as YYYY-MM-DD",
        "date_from_datetime_parsing": "write a date as YYYY-MM-DD",
        "date_parsing": "write a date as YYYY-MM-DD",
        "int_type": "write a whole number",
        "int_parsing": "write a whole number",
        "bool_type": "write true or false",
        "list_type": "write a list ('- item' lines)",
        "dict_type": "write a mapping ('key: value' lines)",
        "model_type": "write a mapping ('key: value' lines)",
        "string_type": "write text",
        "too_short": "add at least one entry",
    }
    return hints.get(kind, "")


def _known_fields(root: type[BaseModel], parent: tuple[Any, ...]) -> list[str]:
    model: Any = root
    for part in parent:
        if isinstance(part, int):
            continue
        annotation = model.model_fields[part].annotation if part in getattr(model, "model_fields", {}) else None
        model = _model_in(annotation)
        if model is None:
            return []
    return list(getattr(model, "model_fields", {}))


def _model_in(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def _cross_references(brief: Brief) -> list[Problem]:
    problems: list[Problem] = []
    for collection in ("sources", "statistics", "groups", "sections"):
        seen: set[str] = set()
        for item in getattr(brief, collection):
            if item.id in seen:
                problems.append(Problem(item.where("id"), dotted(item.path + ("id",)),
                                        f"the id '{item.id}' is used twice in {collection}",
                                        "give each entry its own id"))
            seen.add(item.id)
    source_ids = {s.id for s in brief.sources}
    statistic_ids = {s.id for s in brief.statistics}
    for statistic in brief.statistics:
        for ref in statistic.sources:
            if ref.id not in source_ids:
                problems.append(_unknown(ref.where("id"), dotted(ref.path + ("id",)), "source", ref.id, source_ids))
        if isinstance(statistic.base, str) and statistic.base not in statistic_ids:
            problems.append(_unknown(statistic.where("base"), dotted(statistic.path + ("base",)),
                                     "statistic", statistic.base, statistic_ids))
    problems.extend(_figure_problems(brief))
    for group in brief.groups:
        for index, part in enumerate(group.parts):
            if part not in statistic_ids:
                problems.append(_unknown(group.where("parts", index), dotted(group.path + ("parts", index)),
                                         "statistic", part, statistic_ids))
    known = {"statistics": statistic_ids, "sources": source_ids}
    for text in narrative_texts(brief):
        for lang, body in text.root.items():
            for ref in find_references(body):
                collection = REFERENCE_KINDS_CHECKED_HERE.get(ref.kind)
                if collection and ref.target not in known[collection]:
                    problems.append(_unknown(reference_location(text, lang, ref), dotted(text.path + (lang,)), collection[:-1] if collection != "statistics" else "statistic",
                                             ref.target, known[collection]))
    return problems


def _figure_problems(brief: Brief) -> list[Problem]:
    """Figures that can only mean one thing: shares within 0-100, bases that are counts, no circles."""
    problems: list[Problem] = []
    by_id = {statistic.id: statistic for statistic in brief.statistics}
    for statistic in brief.statistics:
        if statistic.unit == "percent" and not 0 <= statistic.value <= 100:
            problems.append(Problem(statistic.where("value"), dotted(statistic.path + ("value",)),
                                    f"{statistic.value} is not a percentage: a share lies between 0 and 100",
                                    "write the share in per cent (81.4 for 81.4%); a change or a multiple is "
                                    "not a share: give it 'unit: number' and say what it is in the label"))
        base = by_id.get(statistic.base) if isinstance(statistic.base, str) else None
        if base is None:
            continue
        where, field = statistic.where("base"), dotted(statistic.path + ("base",))
        if base is statistic:
            problems.append(Problem(where, field, f"'{statistic.id}' is given as its own base",
                                    "name the statistic that counts the whole, or write the whole as a number"))
        elif base.unit == "percent":
            problems.append(Problem(where, field, f"the base '{base.id}' is a percentage; a base must be a count",
                                    "name a statistic counting the whole (persons, cases, ...), "
                                    "or write the whole as a number"))
    problems.extend(_base_cycles(brief.statistics, by_id))
    return problems


def _base_cycles(statistics: list[Statistic], by_id: dict[str, Statistic]) -> list[Problem]:
    """Bases that lead back round to where they started (a -> b -> a), each circle reported once."""
    problems: list[Problem] = []
    finished: set[str] = set()
    for start in statistics:
        trail: dict[str, int] = {}
        current: Statistic | None = start
        while current is not None and current.id not in finished and current.id not in trail:
            trail[current.id] = len(trail)
            current = by_id.get(current.base) if isinstance(current.base, str) else None
        if current is not None and current.id in trail and current.base != current.id:
            circle = list(trail)[trail[current.id]:]
            problems.append(Problem(current.where("base"), dotted(current.path + ("base",)),
                                    f"bases go round in a circle: {' -> '.join([*circle, current.id])}",
                                    "one of them must count the whole itself; give it a number, not a base"))
        finished.update(trail)
    return problems


def narrative_texts(brief: Brief) -> list[Text]:
    """Every text in which references may appear, in reading order."""
    texts: list[Text] = [brief.summary] if brief.summary else []
    for section in brief.sections:
        texts.extend((section.heading, section.text))
    texts.extend(brief.recommendations)
    if brief.submission:
        texts.extend(t for f in brief.submission.follow_up for t in (f.recommendation, f.assessment))
        texts.extend(q.text for q in brief.submission.questions)
    if brief.case:
        texts.extend(t for t in (brief.case.circumstances, *brief.case.steps) if t is not None)
    if brief.briefing:
        b = brief.briefing
        texts.extend([*b.summary, *([b.issue] if b.issue else []), *b.background, *b.considerations,
                      *b.recommendations])
    return texts


def _unknown(location: Location | None, field: str, kind: str, name: str, known: set[str]) -> Problem:
    return Problem(location, field, f"unknown {kind} '{name}'",
                   did_you_mean(name, known, otherwise=f"define a {kind} with id '{name}'"))
