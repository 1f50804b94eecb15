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

import msgspec
from msgspec.structs import force_setattr

from ..errors import BriefError, LoadError, Location, Problem, did_you_mean, dotted
from ..model import Brief, Statistic, Text
from ..links import ALLOWED, refused_links
from ..narrative import TEMPLATE_SYNTAX, find_references, line_location, reference_location
from ..progress import stage
from .located import validate_located
from .sheet import statistics_from_sheet
from .yamlsource import FORBIDDEN_CHARACTER, SourceMap, character_problem, nfc, read_yaml

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
    if not owned:
        data = dict(data)
    lists = _item_lists(data, copy=not owned)
    try:
        brief = validate_located(data, source_map, Brief)
    except BriefError as error:
        problems.extend(error.problems)
    del data
    _validate_items(lists, source_map, problems)
    if problems:
        raise BriefError(problems)
    for field, items in lists.items():
        force_setattr(brief, field, items)
    problems.extend(_cross_references(brief))
    if problems:
        raise BriefError(problems)
    brief.remember_file(name, directory)
    _VALIDATED[id(brief)] = brief
    return brief


_VALIDATED: weakref.WeakValueDictionary[int, Brief] = weakref.WeakValueDictionary()
"""Briefs this module validated, by identity: a copy changed with ``replace(...)`` is a new object."""


def is_validated(brief: Brief) -> bool:
    """``brief`` is the very object a load or validation returned, so validating it again would find nothing new.

    A frozen brief cannot be changed, only copied; its lists are the
    exception, and are not to be changed in place.
    """
    return _VALIDATED.get(id(brief)) is brief


def _item_model(annotation: Any) -> type | None:
    """``X`` for a field typed ``list[X]`` with X a model."""
    if getattr(annotation, "__origin__", None) is not list:
        return None
    item = annotation.__args__[0]
    return item if isinstance(item, type) and issubclass(item, msgspec.Struct) else None


_ITEM_LISTS = {info.name: model for info in msgspec.structs.fields(Brief)
               if (model := _item_model(info.type)) is not None}
"""The brief's lists of model objects (statistics, sources, sections, ...), validated item by item."""


def _item_lists(data: dict[str, Any], *, copy: bool) -> dict[str, list[Any]]:
    """The brief's long lists, taken out of ``data`` to be validated item by item (copied unless ours)."""
    lists: dict[str, list[Any]] = {}
    for name in _ITEM_LISTS:
        items = data.get(name)
        if isinstance(items, list):
            del data[name]
            lists[name] = list(items) if copy else items
    return lists


def _validate_items(lists: dict[str, list[Any]], source_map: SourceMap, problems: list[Problem]) -> None:
    """Each item made its model in place, its problems added to ``problems``.

    A brief of 100,000 statistics would otherwise hold all its plain data and
    all its model objects at once; this way each item's data is freed as its
    model is made. A list that is not a list stays in the brief, whose
    validation says what is wrong with it.
    """
    for name, items in lists.items():
        model = _ITEM_LISTS[name]
        for index, item in enumerate(items):
            try:
                items[index] = validate_located(item, source_map, model, (name, index))
            except BriefError as error:
                problems.extend(error.problems)


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
            # rendered with every "<" escaped (no HTML, no autolinks in a narrative): checked as it is rendered
            for destination, why, line_offset in refused_links(body.replace("<", "\\<")):
                problems.append(Problem(line_location(text, lang, line_offset), dotted(text.path + (lang,)),
                                        f"the link '{destination}' is refused: {why}",
                                        f"link to {ALLOWED}, or write the address as text (docs/security.md)"))
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
