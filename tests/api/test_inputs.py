"""Briefs from Python data and statistics from spreadsheets get exactly the YAML path's validation."""

from __future__ import annotations

import csv
import io
import re
import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from briefbuilder import (Brief, LoadError, Text, brief_from_dict, build, check_brief, load_brief, render_brief,
                          update_statistic)
from briefbuilder.load.yamlsource import read_yaml
from testdata import EXAMPLE, MINIMAL_BRIEF


def minimal_data(tmp_path: Path) -> dict[str, Any]:
    (tmp_path / "brief.yaml").write_text(MINIMAL_BRIEF, encoding="utf-8")
    data, _ = read_yaml(tmp_path / "brief.yaml")
    return data


def with_statistics_from(sheet: str, tmp_path: Path) -> Path:
    """The worked example with its statistics: block replaced by a reference to ``sheet`` beside it."""
    folder = tmp_path / sheet / EXAMPLE.name
    shutil.copytree(EXAMPLE, folder)
    brief = folder / "brief.yaml"
    text, count = re.subn(r"(?ms)^statistics:\n.*?(?=^\S)", f"statistics: {sheet}\n\n",
                          brief.read_text(encoding="utf-8"))
    assert count == 1
    brief.write_text(text, encoding="utf-8")
    return folder


# --- Python-native briefs -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("share", [81.4, Decimal("81.4"), "81.4"])
@pytest.mark.parametrize("victims", [113, 113.0, "113", Decimal(113)])
def test_numbers_may_be_int_float_str_or_decimal(tmp_path: Path, share: Any, victims: Any) -> None:
    data = minimal_data(tmp_path)
    data["statistics"][0]["value"] = victims
    data["statistics"][1]["value"] = share
    brief = brief_from_dict(data)
    assert [f for f in check_brief(brief) if f.severity == "error"] == []
    assert "81.4% (92 of 113)" in render_brief(brief, "en").markdown


def test_a_dict_brief_gets_the_reference_checks_located_by_field_path(tmp_path: Path) -> None:
    data = minimal_data(tmp_path)
    data["sections"][0]["text"]["en"] = "Of [[stat:nope]], many vanished."
    with pytest.raises(LoadError) as caught:
        brief_from_dict(data)
    [problem] = caught.value.problems
    assert str(problem.location) == "<python>:sections[0].text.en"
    assert "unknown statistic 'nope'" in problem.message


def test_a_brief_built_from_objects_is_validated_before_it_is_used(tmp_path: Path) -> None:
    valid = brief_from_dict(minimal_data(tmp_path))
    section = valid.sections[0]
    unchecked = valid.replace(sections=[section.replace(text=Text({**section.text.root, "ko": "[[stat:nope]]"}))])
    with pytest.raises(LoadError, match="unknown statistic 'nope'"):
        check_brief(unchecked)


def test_findings_on_a_dict_brief_point_at_the_field(tmp_path: Path) -> None:
    data = minimal_data(tmp_path)
    data["statistics"][1]["count"] = 90
    findings = [f for f in check_brief(brief_from_dict(data)) if f.rule == "consistency.count"]
    assert findings and all(str(f.location).startswith("<python>:statistics[1]") for f in findings)


def test_updating_a_statistic_revalidates_and_keeps_locations() -> None:
    brief = load_brief(EXAMPLE)
    updated = update_statistic(brief, "victims", value=114.0)
    new, old = updated.statistic("victims"), brief.statistic("victims")
    assert new is not None and old is not None and (new.value, old.value) == (114, 113)
    counts = [f for f in check_brief(updated) if f.rule == "consistency.count"]
    assert counts and all(f.location and f.location.file.endswith("brief.yaml") for f in counts)
    with pytest.raises(LoadError, match="must be a number"):
        update_statistic(brief, "victims", value="many")
    with pytest.raises(LoadError, match="unknown statistic 'victim'"):
        update_statistic(brief, "victim", value=1)


# --- statistics from spreadsheets ---------------------------------------------------------------------------------

@pytest.mark.parametrize("sheet", ["statistics.csv", "statistics.xlsx"])
def test_the_worked_example_builds_identically_from_a_spreadsheet(tmp_path: Path, sheet: str) -> None:
    from_yaml = build(EXAMPLE, tmp_path / "yaml", languages=["ko", "en"], formats=["md", "docx"])
    from_sheet = build(with_statistics_from(sheet, tmp_path), tmp_path / "sheet", languages=["ko", "en"],
                       formats=["md", "docx"])
    assert [p.name for p in from_sheet.outputs] == [p.name for p in from_yaml.outputs]
    for expected, built in zip(from_yaml.outputs, from_sheet.outputs):
        assert built.read_bytes() == expected.read_bytes(), built.name


def test_an_xlsx_error_points_at_its_cell(tmp_path: Path) -> None:
    folder = with_statistics_from("statistics.xlsx", tmp_path)
    workbook = openpyxl.load_workbook(folder / "statistics.xlsx")
    sheet = workbook.active
    assert sheet is not None
    row = next(cell.row for cell in sheet["A"] if cell.value == "victims")
    value_column = next(cell.column_letter for cell in sheet[1] if cell.value == "value")
    sheet[f"{value_column}{row}"] = "many"
    workbook.save(folder / "statistics.xlsx")
    with pytest.raises(LoadError) as caught:
        load_brief(folder)
    assert str(caught.value.problems[0]).startswith(
        f"{folder / 'statistics.xlsx'}:{sheet.title}!{value_column}{row}: error: statistics[")
    assert "must be a number" in str(caught.value)


def test_a_csv_error_points_at_its_cell(tmp_path: Path) -> None:
    folder = with_statistics_from("statistics.csv", tmp_path)
    rows = list(csv.reader(io.StringIO((folder / "statistics.csv").read_text(encoding="utf-8"))))
    unit = rows[0].index("unit")
    rows[3][unit] = "peple"
    with (folder / "statistics.csv").open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream).writerows(rows)
    with pytest.raises(LoadError) as caught:
        load_brief(folder)
    [problem] = caught.value.problems
    assert str(problem.location) == f"{folder / 'statistics.csv'}:{'ABCDEFGHIJ'[unit]}4"
    assert problem.field == "statistics[2].unit"


def test_a_missing_sheet_is_reported_where_the_brief_names_it(tmp_path: Path) -> None:
    folder = with_statistics_from("statistics.xlsx", tmp_path)
    brief = folder / "brief.yaml"
    brief.write_text(brief.read_text(encoding="utf-8").replace(
        "statistics: statistics.xlsx", "statistics: {file: statistics.xlsx, sheet: Stats}"), encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        load_brief(folder)
    assert "no sheet named 'Stats' (did you mean 'Statistics'?)" in str(caught.value)
    assert caught.value.problems[0].location is not None
    assert caught.value.problems[0].location.file == str(brief)


def test_an_xlsx_figure_keeps_the_decimals_its_cell_shows(tmp_path: Path) -> None:
    from briefbuilder.load.sheet import read_table

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["id", "value"])
    sheet.append(["share", 81.4])
    sheet["B2"].number_format = "0.00"
    workbook.save(tmp_path / "stats.xlsx")
    [row] = read_table(tmp_path / "stats.xlsx").rows
    assert str(row.cells["value"].value) == "81.40"


def test_a_brief_changed_with_replace_is_validated_and_reads_a_float_as_written() -> None:
    brief = load_brief(EXAMPLE)
    share = brief.statistic("mss-jurisdiction")
    assert share is not None
    index = brief.statistics.index(share)
    statistics = [*brief.statistics]
    statistics[index] = share.replace(value=81.4)  # replace validates nothing
    copied = brief.replace(statistics=statistics)
    assert "81.4%" in render_brief(copied, "en", audience="general").markdown
    statistics[index] = share.replace(value="a lot")
    with pytest.raises(LoadError, match="must be a number"):
        check_brief(brief.replace(statistics=statistics))
