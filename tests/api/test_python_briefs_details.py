"""What a script author sees from a brief built in Python: where a problem is, how to fix it, what the brief keeps."""

from __future__ import annotations

import datetime as dt
import gc
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from testdata import MINIMAL_BRIEF

from briefbuilder import (
    Brief,
    LoadError,
    Text,
    brief_from_dict,
    check_brief,
    load_brief,
    render_brief,
    update_statistic,
)
from briefbuilder.load.yamlsource import read_yaml

CATALOG_BESIDE = """\
states:
  FR:
    names: {en: {un: {text: France, confidence: unconfirmed, source: test}}}
status:
  FR:
    iccpr: {action: accession, date: 1980-11-04, confidence: confirmed, source: the catalog beside the brief}
"""


def minimal_data(tmp_path: Path) -> dict[str, Any]:
    (tmp_path / "brief.yaml").write_text(MINIMAL_BRIEF, encoding="utf-8")
    data, _ = read_yaml(tmp_path / "brief.yaml")
    return data


def test_a_problem_in_a_dict_brief_names_its_field_and_no_line(tmp_path: Path) -> None:
    data = minimal_data(tmp_path)
    data["statistics"][1]["value"] = "many"
    with pytest.raises(LoadError) as caught:
        brief_from_dict(data)
    [problem] = caught.value.as_dict()["problems"]
    assert {key: problem[key] for key in ("file", "line", "place", "field")} == {
        "file": "<python>", "line": None, "place": "statistics[1].value", "field": "statistics[1].value"}


def test_a_dict_without_its_brief_block_or_not_a_dict_is_reported_at_the_brief(tmp_path: Path) -> None:
    data = minimal_data(tmp_path)
    del data["brief"]
    with pytest.raises(LoadError) as caught:
        brief_from_dict(data)
    assert str(caught.value) == "<python>:brief: error: brief: is required but missing (add 'brief:' here)"
    with pytest.raises(LoadError) as caught:
        brief_from_dict(MINIMAL_BRIEF)  # type: ignore[arg-type]  # YAML text passed where its data belongs
    [problem] = caught.value.problems
    assert str(problem.location) == "<python>:brief" and "a brief must be a mapping" in problem.message


def test_a_dict_brief_is_named_for_its_outputs_as_the_script_says(tmp_path: Path) -> None:
    data = minimal_data(tmp_path)  # no brief.id: the outputs are named for the brief's name
    assert render_brief(brief_from_dict(data), "en").file_name("md") == "brief.general.en.md"
    named = brief_from_dict(data, name="annual-report")
    assert render_brief(named, "en").file_name("md") == "annual-report.general.en.md"


def test_an_updated_brief_keeps_its_name_and_the_catalog_beside_it(tmp_path: Path) -> None:
    folder = tmp_path / "annual-report"
    folder.mkdir()
    (folder / "brief.yaml").write_text(MINIMAL_BRIEF + "claims:\n  - {state: FR, treaty: iccpr, party: false}\n",
                                       encoding="utf-8")
    (folder / "catalog.yaml").write_text(CATALOG_BESIDE, encoding="utf-8")
    people = Text({"en": "people", "ko": "사람"})
    updated = update_statistic(load_brief(folder), "victims", as_of=dt.date(2024, 6, 30), label=people)
    assert updated.statistic("victims") == load_brief(folder).statistic("victims").replace(  # type: ignore[union-attr]
        as_of=dt.date(2024, 6, 30), label=people)
    assert render_brief(updated, "en").file_name("md") == "annual-report.general.en.md"
    [contradiction] = [f for f in check_brief(updated) if f.rule == "claims.contradiction"]
    assert "the catalog beside the brief" in contradiction.message


def test_an_unknown_statistic_to_update_gets_the_closest_id_or_the_known_ones(tmp_path: Path) -> None:
    brief = brief_from_dict(minimal_data(tmp_path))
    with pytest.raises(LoadError) as caught:
        update_statistic(brief, "victim", value=114)
    assert str(caught.value) == "error: statistics: unknown statistic 'victim' (did you mean 'victims'?)"
    with pytest.raises(LoadError) as caught:
        update_statistic(brief, "deaths", value=114)
    assert str(caught.value) == "error: statistics: unknown statistic 'deaths' (known: share, victims)"
    empty = brief_from_dict({**minimal_data(tmp_path), "statistics": [],
                             "sections": [{"id": "findings", "heading": {"en": "Findings", "ko": "조사 결과"},
                                           "text": {"en": "Many vanished.", "ko": "많은 이가 실종되었습니다."}}]})
    with pytest.raises(LoadError) as caught:
        update_statistic(empty, "victims", value=114)
    assert str(caught.value) == "error: statistics: unknown statistic 'victims' (the brief has no statistics)"


def test_a_brief_assembled_from_model_objects_is_checked_by_field_path(tmp_path: Path) -> None:
    parts = brief_from_dict(minimal_data(tmp_path))
    assembled = Brief(brief=parts.brief, sources=parts.sources, sections=parts.sections,
                      statistics=[parts.statistics[0].replace(value="many"), parts.statistics[1]])
    with pytest.raises(LoadError) as caught:
        check_brief(assembled)
    [problem] = caught.value.problems
    assert str(problem.location) == "<python>:statistics[0].value" and "must be a number" in problem.message


def _peak_bytes(action: Callable[[], Any]) -> int:
    """The most memory ``action`` held at once, counted by tracemalloc (the same on any machine)."""
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        tracemalloc.reset_peak()
        action()
        return tracemalloc.get_traced_memory()[1] - before
    finally:
        tracemalloc.stop()


def test_updating_a_figure_of_a_large_brief_costs_about_what_loading_it_does(tmp_path: Path) -> None:
    """A brief of 100,000 statistics is validated again on each update: one plain copy of it at a time, not two."""
    data = yaml.safe_load(MINIMAL_BRIEF)
    victims, share = data["statistics"]
    data["statistics"] = [item for number in range(1_000) for item in (
        {**victims, "id": f"victims-{number}"}, {**share, "id": f"share-{number}", "base": f"victims-{number}"})]
    data["statistics"][:2] = [victims, share]
    file = tmp_path / "large.yaml"
    file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    brief = load_brief(file)
    loading = _peak_bytes(lambda: load_brief(file))
    updating = _peak_bytes(lambda: update_statistic(brief, "victims-500", value=114))
    assert updating < 1.6 * loading, f"updating peaks at {updating / loading:.2f} times a load"
