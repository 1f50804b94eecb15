"""How a brief names its statistics sheet, and where a problem with the sheet as a whole is reported."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from briefbuilder import BriefError, load_brief
from testdata import MINIMAL_BRIEF

HEADER = ["id", "value", "unit", "base", "count", "as_of", "status", "sources", "label.en", "label.ko"]
ROWS = [["victims", "113", "persons", "", "", "2024-05-31", "verified", "report page=12", "victims", "피해자"],
        ["share", "81.4", "percent", "113", "92", "2024-05-31", "verified", "report page=15", "share", "비율"]]
STATISTICS_LINE = 12  # where MINIMAL_BRIEF's statistics: key is


def write_brief(folder: Path, statistics: str) -> Path:
    head, rest = MINIMAL_BRIEF.split("statistics:\n")
    assert head.count("\n") + 1 == STATISTICS_LINE
    (folder / "brief.yaml").write_text(head + f"statistics: {statistics}\n" + rest[rest.index("sections:"):],
                                       encoding="utf-8")
    return folder / "brief.yaml"


def write_csv(path: Path, rows: list[list[str]]) -> None:
    path.write_text("".join(",".join(row) + "\n" for row in rows), encoding="utf-8")


def the_problem(brief: Path) -> str:
    with pytest.raises(BriefError) as error:
        load_brief(brief)
    (problem,) = error.value.problems
    return str(problem)


def test_a_sheet_named_with_a_capitalised_suffix_is_read(tmp_path: Path) -> None:
    write_csv(tmp_path / "Stats.CSV", [HEADER, *ROWS])
    share = load_brief(write_brief(tmp_path, "Stats.CSV")).statistic("share")
    assert share is not None and str(share.where("value")) == f"{tmp_path / 'Stats.CSV'}:B3"


def test_a_sheet_named_by_a_number_is_read(tmp_path: Path) -> None:
    """``sheet: 2024`` is YAML's number 2024, the sheet's name "2024"."""
    workbook = openpyxl.Workbook()
    assert workbook.active is not None
    workbook.active.title = "Notes"
    figures = workbook.create_sheet("2024")
    for row in [HEADER, *ROWS]:
        figures.append(row)
    workbook.save(tmp_path / "stats.xlsx")
    share = load_brief(write_brief(tmp_path, "{file: stats.xlsx, sheet: 2024}")).statistic("share")
    assert share is not None and str(share.where("value")) == f"{tmp_path / 'stats.xlsx'}:2024!B3"


@pytest.mark.parametrize(("content", "problem"), [
    (None, "{path}: no such file (check the path)"),
    ("\n\n", "the sheet is empty (name the columns in its first row)"),
    ("id,value\nvictims,\udcff\n", "not UTF-8 text (invalid start byte) (save the sheet as 'CSV UTF-8')"),
])
def test_a_sheet_that_cannot_be_read_is_reported_where_the_brief_names_it(content: str | None, problem: str,
                                                                          tmp_path: Path) -> None:
    if content is not None:
        (tmp_path / "stats.csv").write_bytes(content.encode("utf-8", "surrogateescape"))
    brief = write_brief(tmp_path, "stats.csv")
    assert the_problem(brief) == \
        f"{brief}:{STATISTICS_LINE}: error: statistics: stats.csv: " + problem.format(path=tmp_path / "stats.csv")


def test_a_problem_at_a_cell_is_reported_at_the_cell(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    figures = workbook.active
    assert figures is not None
    figures.title = "Statistics"
    for row in [HEADER, *ROWS]:
        figures.append(row)
    figures["B3"] = "=B2*0.814"
    workbook.save(tmp_path / "stats.xlsx")
    assert the_problem(write_brief(tmp_path, "stats.xlsx")) == (
        f"{tmp_path / 'stats.xlsx'}:Statistics!B3: error: statistics: stats.xlsx: the cell Statistics!B3 holds a "
        "formula (=B2*0.814); a brief reads values only (replace the formula by its value (copy, then paste values), "
        "or compute the figure with 'count:' and 'base:' in the brief)")


def test_a_mapping_that_is_not_a_sheet_reference_is_left_to_validation(tmp_path: Path) -> None:
    write_csv(tmp_path / "stats.csv", [HEADER, *ROWS])
    assert the_problem(write_brief(tmp_path, "{file: stats.csv, sheets: Statistics}")) == (
        f"{tmp_path / 'brief.yaml'}:{STATISTICS_LINE}: error: statistics: expected a list, got a mapping "
        "(write a list ('- item' lines))")
