"""Validation reports every problem once, in the order it was written, in the user's terms."""

from __future__ import annotations

from collections.abc import Callable
import subprocess
import sys
from pathlib import Path

import pytest

from briefbuilder import LoadError, brief_from_dict, load_brief
from briefbuilder.load.yamlsource import read_yaml
from testdata import MINIMAL_BRIEF


def problems_of(make_brief: Callable[..., Path], text: str) -> list[str]:
    with pytest.raises(LoadError) as error:
        load_brief(make_brief(text))
    return [f"{problem.location.line}: {problem.field}: {problem.message}"  # type: ignore[union-attr]
            for problem in error.value.problems]


def test_problems_come_in_the_order_they_were_written(make_brief: Callable[..., Path]) -> None:
    text = (MINIMAL_BRIEF.replace("  languages: [en, ko]", "  langauges: [en, ko]")
            .replace("  date: 2024-11-20", "  date: last week")
            .replace("    kind: report", "    kind: report\n    colour: red")
            .replace("unit: persons", "unit: people"))
    problems = problems_of(make_brief, text)
    lines = [int(problem.split(":")[0]) for problem in problems]
    assert lines == sorted(lines), problems
    assert [problem.split(": ")[1] for problem in problems] == [
        "brief.date", "brief.langauges", "sources[0].colour", "statistics[0].unit"]


def test_a_pattern_is_named_for_what_it_is(make_brief: Callable[..., Path]) -> None:
    [problem] = problems_of(make_brief, MINIMAL_BRIEF.replace("languages: [en, ko]", "languages: [en, KO]"))
    assert "brief.languages[1]: 'KO' is not a language code" in problem


def test_a_bad_source_id_is_found_alone_or_in_a_list(make_brief: Callable[..., Path]) -> None:
    for sources, field in (("[report, not an id]", "statistics[0].sources[1]"), ("not an id", "statistics[0].sources")):
        [problem] = problems_of(make_brief, MINIMAL_BRIEF.replace("[{id: report, page: 12}]", sources))
        assert f"{field}: 'not an id' is not a valid identifier" in problem
    assert load_brief(make_brief(MINIMAL_BRIEF)).statistic("victims") is not None


def test_the_model_types_do_not_break_msgspec() -> None:
    """msgspec 0.22 corrupts memory for a union of a list and a str with a pattern: converting such a type
    again and again, then the model holding it, crashed the process. Run in a process of its own."""
    script = """
import gc, msgspec
from briefbuilder.model import Statistic, Text
sources = next(field.type for field in msgspec.structs.fields(Statistic) if field.name == "sources")
for _ in range(2000):
    msgspec.convert(["report"], sources)
for _ in range(100):
    msgspec.convert({"id": "a", "value": 1, "unit": "persons", "label": "a", "sources": ["report"]}, Statistic,
                    dec_hook=lambda kind, value: Text.parse(value))
gc.collect()
"""
    finished = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert finished.returncode == 0, finished.stderr[-2000:]


@pytest.mark.parametrize(("cell", "expected"), [("yes", True), ("No", False), ("true", True), ("off", False)])
def test_a_yes_or_no_cell_is_a_flag(tmp_path: Path, cell: str, expected: bool) -> None:
    (tmp_path / "brief.yaml").write_text(MINIMAL_BRIEF, encoding="utf-8")
    data, _ = read_yaml(tmp_path / "brief.yaml")
    data["groups"] = [{"id": "all", "parts": ["victims", "share"], "exhaustive": cell}]
    assert brief_from_dict(data).groups[0].exhaustive is expected


def test_a_flag_that_is_neither_yes_nor_no_is_refused(tmp_path: Path) -> None:
    (tmp_path / "brief.yaml").write_text(MINIMAL_BRIEF, encoding="utf-8")
    data, _ = read_yaml(tmp_path / "brief.yaml")
    data["groups"] = [{"id": "all", "parts": ["victims", "share"], "exhaustive": "maybe"}]
    with pytest.raises(LoadError) as error:
        brief_from_dict(data)
    [problem] = error.value.problems
    assert problem.field == "groups[0].exhaustive" and "'maybe' is not yes or no" in problem.message
