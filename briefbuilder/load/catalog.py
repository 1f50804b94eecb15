"""Read the bundled treaty catalog and a user's extensions into one validated :class:`Catalog`.

A user's ``catalog.yaml`` beside a brief goes through exactly the same
validation as the bundled files, and every problem is reported at once with
file, line, field and fix. Extensions may add treaties, articles, states and
statuses; they may not silently redefine what the bundled catalog says: a
treaty entry or a status cell that corrects a bundled one says ``replaces: true``
and gives its own source, which is then what every citation and listing shows.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ..cache import file_digest, remembered_object
from ..catalog.model import (BUNDLED_FILES, DATA_DIR, EXTENSION_FILE, Article, BundledCatalogFile, Catalog, CatalogFile,
                             State, StateNames, Status, Treaty, TreatyCorrection, TreatyNames)
from ..errors import BriefError, Problem, did_you_mean, dotted
from ..model import Located
from .confine import confined_file
from .located import read_mapping, validate_located
from .yamlsource import SourceMap

def load_catalog(extensions: Sequence[Path] = ()) -> Catalog:
    """The bundled catalog, extended by ``extensions`` (later files win only where they say 'replaces')."""
    if not extensions:
        return _bundled_catalog()
    files: list[CatalogFile] = [*_bundled_files()]
    corrections: list[tuple[str, TreatyCorrection]] = []
    names: list[tuple[str, StateNames | TreatyNames]] = []
    for path in extensions:
        known = ({code for file in files for code in file.states}, {key for file in files for key in file.treaties})
        file, corrected, named = _read_extension(Path(path), *known)
        files.append(file)
        corrections += corrected
        names += named
    return _merge(files, corrections, names)


def catalog_for_brief(brief_directory: Path | None, extensions: Sequence[Path] = ()) -> Catalog:
    """The catalog for a brief: bundled, plus ``catalog.yaml`` beside it, plus ``extensions``."""
    beside = Path(brief_directory) / EXTENSION_FILE if brief_directory is not None else None
    found = [beside] if beside is not None and (beside.is_file() or beside.is_symlink()) else []
    for extension in found:  # a brief reads files in its own folder only
        confined_file(brief_directory, extension, what=EXTENSION_FILE)
    return load_catalog([*found, *extensions])


@lru_cache(maxsize=1)
def _bundled_catalog() -> Catalog:
    return _merge(list(_bundled_files()))


@lru_cache(maxsize=1)
def _bundled_files() -> tuple[BundledCatalogFile, ...]:
    """The bundled files, validated; kept between runs (:mod:`briefbuilder.cache`), keyed by their bytes."""
    paths = [DATA_DIR / name for name in BUNDLED_FILES]
    return remembered_object("catalog", file_digest(paths),
                             lambda: tuple(_read(path, BundledCatalogFile) for path in paths))


def _read(path: Path, model: type[CatalogFile]) -> Any:
    return validate_located(*_read_mapping(path), model)


def _read_mapping(path: Path) -> tuple[dict[str, Any], SourceMap]:
    """A bundled or a user's catalog file read alike: a file that is not a mapping says how one starts."""
    return read_mapping(path, "a catalog file", "start with 'treaties:', 'articles:', 'states:' or 'status:'")


def _read_extension(path: Path, known_states: set[str] = frozenset(), known_treaties: set[str] = frozenset()  # type: ignore[assignment]
                    ) -> tuple[CatalogFile, list[tuple[str, TreatyCorrection]], list[tuple[str, StateNames | TreatyNames]]]:
    """A user's file: its new entries, its corrections of known treaties (``replaces: true``), and its
    names of known States and treaties in more languages (an entry giving only names)."""
    data, source_map = _read_mapping(path)
    treaties = data.get("treaties")
    corrected = {key: entry for key, entry in treaties.items() if isinstance(entry, dict) and "replaces" in entry} \
        if isinstance(treaties, dict) else {}
    problems: list[Problem] = []
    corrections: list[tuple[str, TreatyCorrection]] = []
    named: list[tuple[str, StateNames | TreatyNames]] = []
    for section, known, model, fields in (("states", known_states, StateNames, {"names", "aliases", "replaces"}),
                                           ("treaties", known_treaties, TreatyNames, {"title", "short"})):
        entries = data.get(section)
        for key, entry in list(entries.items()) if isinstance(entries, dict) else ():
            if key in known and isinstance(entry, dict) and key not in corrected and set(entry) <= fields:
                del entries[key]
                try:
                    named.append((key, validate_located(entry, source_map, model, (section, key))))
                except BriefError as error:
                    problems += error.problems
    for treaty_id, entry in corrected.items():
        del treaties[treaty_id]
        try:
            correction = validate_located(entry, source_map, TreatyCorrection, ("treaties", treaty_id))
        except BriefError as error:
            problems += error.problems
            continue
        corrections.append((treaty_id, correction))
    try:
        file = validate_located(data, source_map, CatalogFile)
    except BriefError as error:
        problems += error.problems
    if problems:
        raise BriefError(problems)
    return file, corrections, named


def _merge(files: list[CatalogFile], corrections: Sequence[tuple[str, TreatyCorrection]] = (),
           names: Sequence[tuple[str, StateNames | TreatyNames]] = ()) -> Catalog:
    """Combine files in order, checking every cross-reference; raise all problems at once."""
    problems: list[Problem] = []
    treaties: dict[str, Treaty] = {}
    states: dict[str, State] = {}
    statuses: dict[tuple[str, str], Status] = {}
    added_articles: dict[str, dict[str, Article]] = {}
    for file in files:
        for treaty_id, treaty in file.treaties.items():
            _add(treaties, treaty_id, treaty, "treaty", problems,
                 "give the new treaty another id; to add articles to it use 'articles:'; to correct a fact "
                 "of it, add 'replaces: true' and give only that fact, with your source")
            treaty.file_under(treaty_id)
            for ref, article in treaty.articles.items():
                article.file_under(ref)
        for code, state in file.states.items():
            _add(states, code, state, "state", problems, "give each state once")
            state.file_under(code)
    for treaty_id, correction in corrections:
        problems.extend(_correct(treaties, treaty_id, correction))
    for key, addition in names:
        problems.extend(_add_names(states if isinstance(addition, StateNames) else treaties, key, addition))
    for file in files:
        for treaty_id, articles in file.articles.items():
            field = dotted(("articles", treaty_id))
            if treaty_id not in treaties:
                problems.append(Problem(file.where("articles", treaty_id), field, f"unknown treaty '{treaty_id}'",
                                        did_you_mean(treaty_id, treaties)))
                continue
            known = added_articles.setdefault(treaty_id, dict(treaties[treaty_id].articles))
            for ref, article in articles.items():
                problems.extend(_add_article(known, treaty_id, ref, article))
        for code, row in file.status.items():
            if code not in states:
                problems.append(Problem(file.where("status", code), f"status.{code}", f"unknown state '{code}'",
                                        f"{did_you_mean(code, states)}; or define it under 'states:'"))
                continue
            for treaty_id, status in row.items():
                problems.extend(_add_status(statuses, treaties, code, treaty_id, status))
    as_of = [f for f in files if isinstance(f, BundledCatalogFile) and f.as_of]
    if len(as_of) != 1 or not as_of[0].advice:
        raise BriefError.at(None, "as_of", "the bundled catalog must give 'as_of' and 'advice' exactly once",
                            "fix briefbuilder/catalog/status.yaml")
    if problems:
        raise BriefError(problems)
    # Bundled treaties are cached and shared: extend copies, never the originals.
    for treaty_id, articles in added_articles.items():
        treaties[treaty_id] = treaties[treaty_id].replace(articles=articles)
    ordered = {key: statuses[key] for code in states for treaty_id in treaties
               if (key := (code, treaty_id)) in statuses}
    return Catalog(
        as_of=as_of[0].as_of or "", advice=as_of[0].advice or "",
        treaties=MappingProxyType(treaties), states=MappingProxyType(states), statuses=MappingProxyType(ordered),
    )


def _add(into: dict[str, Any], key: str, item: Located, kind: str, problems: list[Problem], hint: str) -> None:
    if key in into:
        problems.append(Problem(item.where(), item.field_name, f"the {kind} '{key}' is already in the catalog "
                                f"({into[key].where()})", hint))
    else:
        into[key] = item


def _add_names(into: dict[str, Any], key: str, addition: StateNames | TreatyNames) -> list[Problem]:
    """Names of a known State or treaty in more languages; a language it already has needs 'replaces: true'."""
    entry = into[key]
    if isinstance(addition, StateNames):
        field, given, had = f"states.{key}.names", addition.names, entry.names
        fix = "to correct a name, add 'replaces: true' with your source"
    else:
        field, given, had = f"treaties.{key}", {**addition.titles, **addition.shorts}, {**entry.titles, **entry.shorts}
        fix = "to correct a title, add 'replaces: true' and give it with your source"
    if not getattr(addition, "replaces", False):
        for language in given.keys() & had.keys():
            return [Problem(addition.where(), f"{field}.{language}",
                            f"the catalog already names '{key}' in '{language}' ({entry.where()})",
                            f"give only the languages it lacks; {fix}")]
    added = addition.added_to(entry)
    added.file_under(key)
    into[key] = added
    return []


def _correct(treaties: dict[str, Treaty], treaty_id: str, correction: TreatyCorrection) -> list[Problem]:
    if treaty_id not in treaties:
        return [Problem(correction.where(), f"treaties.{treaty_id}.replaces", f"there is no treaty '{treaty_id}' to replace",
                        f"{did_you_mean(treaty_id, treaties)}; or define a new treaty without 'replaces:'")]
    corrected = correction.applied_to(treaties[treaty_id])
    corrected.file_under(treaty_id)
    if corrected.in_force is not None and corrected.in_force.date < corrected.adopted.date:
        return [Problem(correction.where("in_force"), f"treaties.{treaty_id}.in_force",
                        f"in force {corrected.in_force.date}, before adoption {corrected.adopted.date}", "check the dates")]
    treaties[treaty_id] = corrected
    return []


def _add_article(known: dict[str, Article], treaty_id: str, ref: str, article: Article) -> list[Problem]:
    if ref in known:
        return [Problem(article.where(), article.field_name,
                        f"article {ref} of {treaty_id} is already in the catalog ({known[ref].where()})",
                        "give each article once")]
    article.file_under(ref)
    known[ref] = article
    return []


def _add_status(statuses: dict[tuple[str, str], Status], treaties: Mapping[str, Treaty],
                code: str, treaty_id: str, status: Status) -> list[Problem]:
    if treaty_id not in treaties:
        return [Problem(status.where(), status.field_name, f"unknown treaty '{treaty_id}'",
                        f"{did_you_mean(treaty_id, treaties)}; or define it under 'treaties:'")]
    treaty = treaties[treaty_id]
    if status.date is not None and status.date < treaty.adopted.date:
        return [Problem(status.where("date"), f"{status.field_name}.date",
                        f"{status.date} is before the treaty was adopted ({treaty.adopted.date})", "check the year")]
    previous = statuses.get((code, treaty_id))
    if previous is not None and not status.replaces:
        return [Problem(status.where(), status.field_name,
                        f"the catalog already gives {code}'s status under {treaty_id} ({previous.where()})",
                        "to record a newer status, add 'replaces: true' with its source")]
    status.file_under((code, treaty_id))
    statuses[(code, treaty_id)] = status
    return []
