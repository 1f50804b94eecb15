"""What a user is told when a YAML file does not fit its model: the line, the field, the words and the fix.

Each problem is compared as a script reads it (``as_dict``): the hint is text, empty when the message
already says what to do, never missing.
"""

from __future__ import annotations

import datetime as dt
import decimal
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import pytest
from msgspec import Meta, Struct
from testdata import MINIMAL_BRIEF

from briefbuilder import BriefError, brief_from_dict, load_brief
from briefbuilder.load.catalog import load_catalog
from briefbuilder.load.located import validate_located
from briefbuilder.load.yamlsource import read_yaml

Report = list[dict[str, Any]]


def reported(load: Callable[[], object]) -> Report:
    """The problems ``load`` raises, each as JSON reads it, without the file (tests write to a tmp folder)."""
    with pytest.raises(BriefError) as caught:
        load()
    return [{key: value for key, value in problem.as_dict().items() if key not in ("file", "place")}
            for problem in caught.value.problems]


def problem(line: int, field: str, message: str, hint: str = "") -> dict[str, Any]:
    return {"line": line, "field": field, "message": message, "hint": hint}


def brief_with(make_brief: Callable[..., Path], *changes: tuple[str, str]) -> Report:
    text = MINIMAL_BRIEF
    for old, new in changes:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path = make_brief(text)
    return reported(lambda: load_brief(path))


def catalog(tmp_path: Path, text: str) -> Report:
    path = tmp_path / "catalog.yaml"
    path.write_text(text, encoding="utf-8")
    return reported(lambda: load_catalog([path]))


def test_a_file_that_is_not_a_mapping_is_told_how_to_start(tmp_path: Path) -> None:
    assert catalog(tmp_path, "- treaties\n") == [problem(
        1, "", "a catalog file must be a mapping", "start with 'treaties:', 'articles:', 'states:' or 'status:'")]


def test_a_value_outside_its_list_is_told_every_allowed_value_as_yaml_writes_it(
        make_brief: Callable[..., Path], tmp_path: Path) -> None:
    assert brief_with(make_brief, ("unit: persons", "unit: people")) == [problem(
        15, "statistics[0].unit", "'people' is not allowed",
        "use one of 'persons', 'cases', 'interviews', 'incidents', 'percent' or 'number'")]
    correction = "treaties:\n  icpped:\n    replaces: false\n    unts: {volume: 1, page: 1, confidence: confirmed, source: x}\n"
    assert catalog(tmp_path, correction) == [problem(3, "treaties.icpped.replaces", "'false' is not allowed", "use true")]


def test_every_badly_written_key_is_named_with_its_form_and_fix(tmp_path: Path) -> None:
    states = """\
states:
  fr:
    names: {en: {un: {text: France, confidence: unconfirmed, source: test}}}
  Germany:
    names: {en: {un: {text: Germany, confidence: unconfirmed, source: test}}}
  DE:
    names: 5
"""
    capitals = "use the ISO 3166-1 alpha-2 code in capitals (e.g. KP)"
    assert catalog(tmp_path, states) == [
        problem(3, "states.fr", "'fr' is not a state code", capitals),  # the line its entry starts
        problem(5, "states.Germany", "'Germany' is not a state code", capitals),
        problem(7, "states.DE.names", "expected a mapping, got a whole number", "write a mapping ('key: value' lines)"),
    ]


def test_a_value_of_the_wrong_kind_is_named_in_the_users_words(make_brief: Callable[..., Path]) -> None:
    assert brief_with(
        make_brief,
        ("organisation: {name: Example Centre, contact: contact@example.org}",
         "organisation: {name: Example Centre, consultative_status: [general]}"),
        ("count: 92", "count: [92]"),
        ("as_of: 2024-05-31\n    sources: [{id: report, page: 15}]", "as_of: {year: 2024}\n    sources: [{id: report, page: 15}]"),
    ) == [
        problem(3, "brief.organisation.consultative_status", "expected text, got a list", "write text"),
        problem(24, "statistics[1].count", "expected a whole number, got a list", "write a whole number"),
        problem(25, "statistics[1].as_of", "'{'year': 2024}' is not a date; write it as YYYY-MM-DD, e.g. 2024-11-20"),
    ]


def test_a_python_value_yaml_cannot_write_is_named_as_python_names_it(tmp_path: Path) -> None:
    (tmp_path / "brief.yaml").write_text(MINIMAL_BRIEF, encoding="utf-8")
    data, _ = read_yaml(tmp_path / "brief.yaml")
    data["sources"][0]["kind"] = decimal.Decimal(1)
    assert reported(lambda: brief_from_dict(data)) == [
        {"line": None, "field": "sources[0].kind", "message": "expected text, got decimal", "hint": "write text"}]


def test_a_number_or_list_beyond_its_bounds_says_the_bound(make_brief: Callable[..., Path]) -> None:
    group = "groups:\n  - {id: all, parts: [victims]}\n"
    assert brief_with(make_brief, ("languages: [en, ko]", "languages: []"), ("count: 92", "count: 10000000000000000"),
                      ("ko: 비율}\n", "ko: 비율}\n" + group)) == [
        problem(5, "brief.languages", "needs at least 1 entry"),
        problem(24, "statistics[1].count", "10000000000000000 is out of range: it must be <= 999999999999999"),
        problem(30, "groups[0].parts", "needs at least 2 entries"),
    ]


def test_an_unknown_field_gets_the_closest_name_or_how_to_fix_it(make_brief: Callable[..., Path]) -> None:
    assert brief_with(
        make_brief,
        ("  languages: [en, ko]", "  langauges: [en, ko]"),
        ("organisation: {name: Example Centre, contact: contact@example.org}", "organisation: {contact: contact@example.org}"),
        ("    kind: report", "    kind: report\n    zzz: 1"),
    ) == [
        problem(3, "brief.organisation.name", "is required but missing", "add 'name:' here"),
        problem(5, "brief.langauges", "unknown field", "did you mean 'languages'?"),
        problem(9, "sources[0].zzz", "unknown field", "remove it, or check the spelling"),
    ]


def test_a_broken_rule_is_reported_beside_a_value_of_the_wrong_kind(make_brief: Callable[..., Path]) -> None:
    groups = "groups:\n  - {id: all, parts: [victims, share], exhaustive: maybe}\n"
    assert brief_with(make_brief, ("unit: persons", "unit: people"), ("ko: 비율}\n", "ko: 비율}\n" + groups)) == [
        problem(15, "statistics[0].unit", "'people' is not allowed",
                "use one of 'persons', 'cases', 'interviews', 'incidents', 'percent' or 'number'"),
        problem(30, "groups[0].exhaustive", "'maybe' is not yes or no; write true or false"),
    ]


def test_one_source_written_as_a_mapping_is_explained_field_by_field(make_brief: Callable[..., Path]) -> None:
    assert brief_with(make_brief, ("sources: [{id: report, page: 12}]", "sources: {id: report, pagee: 12}")) == [
        problem(17, "statistics[0].sources.pagee", "unknown field", "did you mean 'page'?")]


def test_a_models_own_refusal_is_given_in_its_own_words(tmp_path: Path) -> None:
    state = "states:\n  FR:\n    names: {fr: {un: {text: France, confidence: unconfirmed, source: test}}}\n"
    assert catalog(tmp_path, state) == [
        problem(3, "states.FR", "a state needs its English UN name ('names: {en: {un: ...}}')")]


# -- forms no bundled model uses yet: what a new field of such a type would tell its user --------------


class Item(Struct, forbid_unknown_fields=True):
    name: str


class Form(Struct, forbid_unknown_fields=True):
    code: Annotated[str, Meta(pattern=r"^[a-z]+$")] = "a"
    at: dt.time | None = None
    items: Item | list[Item] = []


def form(tmp_path: Path, text: str) -> Report:
    path = tmp_path / "form.yaml"
    path.write_text(text, encoding="utf-8")
    data, source_map = read_yaml(path)
    return reported(lambda: validate_located(data, source_map, Form))


def test_a_pattern_without_words_still_names_the_value(tmp_path: Path) -> None:
    assert form(tmp_path, "code: A1\n") == [problem(1, "code", "'A1' is not in the expected form")]


def test_a_kind_without_words_is_named_as_msgspec_names_it(tmp_path: Path) -> None:
    assert form(tmp_path, "at: [1]\n") == [problem(1, "at", "expected a time, got a list")]


def test_a_list_is_walked_even_when_a_mapping_could_come_first(tmp_path: Path) -> None:
    assert form(tmp_path, "items:\n  - name: a\n  - nam: b\n") == [
        problem(3, "items[1].nam", "unknown field", "did you mean 'name'?"),
        problem(3, "items[1].name", "is required but missing", "add 'name:' here"),
    ]


def test_a_rule_inside_a_block_is_kept_when_a_sibling_has_the_wrong_kind(make_brief: Callable[..., Path]) -> None:
    case = "case:\n  date: last week\n  name: {en: [Kim]}\n  submitter: {name: Park, confidential: maybe}\n"
    assert brief_with(make_brief, ("sections:\n", case + "sections:\n")) == [
        problem(30, "case.date", "'last week' is not a date; write it as YYYY-MM-DD, e.g. 2024-11-20"),
        problem(31, "case.name", "the 'en' text must be text, not list"),
        problem(32, "case.submitter.confidential", "'maybe' is not yes or no; write true or false"),
    ]
