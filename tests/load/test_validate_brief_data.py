"""``briefbuilder.load.validate_brief``: for scripts that parse a brief themselves and hand over the data."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from testdata import MINIMAL_BRIEF

from briefbuilder import LoadError, load_brief
from briefbuilder.load import validate_brief
from briefbuilder.load.yamlsource import read_yaml


def test_validating_parsed_data_leaves_the_callers_data_as_it_was(make_brief: Callable[..., Path]) -> None:
    """The caller may validate the same data again or keep using it: its lists are not taken out of it."""
    data, source_map = read_yaml(make_brief())
    kept = copy.deepcopy(data)
    brief = validate_brief(data, source_map)
    assert data == kept
    assert [statistic.id for statistic in validate_brief(data, source_map).statistics] == ["victims", "share"]
    assert [statistic.id for statistic in brief.statistics] == ["victims", "share"]


def test_a_brief_validated_without_a_name_writes_files_named_brief(tmp_path: Path) -> None:
    data, source_map = read_yaml(_written(tmp_path, MINIMAL_BRIEF))
    assert validate_brief(data, source_map).file_name == "brief"
    assert validate_brief(data, source_map, name="disappearances").file_name == "disappearances"


@pytest.mark.parametrize("kind, text, written", [
    ("source", "sources: [{id: report, page: 12}]", "sources: [{id: hearings, page: 12}]"),
    ("statistic", "[[stat:share|share]] vanished", "[[stat:arrests|share]] vanished"),
])
def test_an_unknown_id_like_no_known_one_is_told_to_define_it(make_brief: Callable[..., Path], kind: str,
                                                              text: str, written: str) -> None:
    """Nothing close to suggest: the fix is to define what the brief refers to."""
    name = written.split("id: ")[-1].split(",")[0] if kind == "source" else "arrests"
    with pytest.raises(LoadError) as error:
        load_brief(make_brief(MINIMAL_BRIEF.replace(text, written, 1)))
    [problem] = error.value.problems
    assert (problem.message, problem.hint) == (f"unknown {kind} '{name}'", f"define a {kind} with id '{name}'")


def _written(folder: Path, text: str) -> Path:
    path = folder / "parsed.yaml"
    path.write_text(yaml.safe_dump(yaml.safe_load(text), allow_unicode=True), encoding="utf-8")
    return path
