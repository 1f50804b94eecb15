"""What a statistics or case sheet reads (its named columns, numbers, sources, dates, lists) and the cell a problem names."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
import yaml

from briefbuilder import BriefError, LoadError, brief_from_dict, load_brief
from briefbuilder.cases import build_cases
from briefbuilder.errors import Location
from briefbuilder.load.sheet import read_table, row_data
from testdata import EXAMPLE, MINIMAL_BRIEF

HEADER = ["id", "value", "unit", "base", "count", "as_of", "status", "sources", "label.en", "label.ko"]
VICTIMS = ["victims", "113", "persons", "", "", "2024-05-31", "verified", "report page=12", "victims", "피해자"]
SHARE = ["share", "81.4", "percent", "113", "92", "2024-05-31", "verified", "report page=15", "share", "비율"]


def brief_text(statistics: str) -> str:
    """The minimal brief with its statistics read from ``statistics``."""
    head, rest = MINIMAL_BRIEF.split("statistics:\n")
    return head + f"statistics: {statistics}\n" + rest[rest.index("sections:"):]


def csv_brief(folder: Path, rows: list[list[str]], header: list[str] = HEADER) -> Path:
    """A brief in ``folder`` whose statistics are ``rows`` of stats.csv."""
    lines = [",".join(header), *(",".join(row) for row in rows)]
    (folder / "stats.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "brief.yaml").write_text(brief_text("stats.csv"), encoding="utf-8")
    return folder / "brief.yaml"


def load_problem(brief: Path) -> tuple[str, str]:
    """The one problem loading ``brief`` gives: where it points and its field."""
    with pytest.raises(BriefError) as error:
        load_brief(brief)
    (problem,) = error.value.problems
    assert problem.location is not None
    return problem.location.place, problem.field


def test_whole_numbers_counts_bases_and_located_sources_are_read_as_yaml_writes_them(tmp_path: Path) -> None:
    """"113" and "-3" are whole numbers as YAML's 113 is (brief.to_data() is the same data), "81.4" keeps its
    decimals, count and base cells are whole numbers, and 'report page=12' cites page 12."""
    brief = load_brief(csv_brief(tmp_path, [VICTIMS, SHARE, ["drop", "-3", "number", "", "", "2024-05-31", "reported",
                                                              "report section=II=3; report", "change", "변화"],
                                            ["rise", "+7", "number", "", "", "", "", "", "rise", "증가"]]))
    victims, share, drop, rise = brief.statistics
    assert (type(victims.value), victims.value) == (int, 113)
    assert (type(drop.value), drop.value) == (int, -3) and (type(rise.value), rise.value) == (int, 7)
    assert str(share.value) == "81.4" and (share.base, share.count) == (113, 92)
    assert [(ref.id, ref.page) for ref in victims.sources] == [("report", "12")]
    assert [(ref.id, ref.section) for ref in drop.sources] == [("report", "II=3"), ("report", None)]


def test_a_figure_missing_from_a_row_is_reported_at_the_row(tmp_path: Path) -> None:
    no_unit = VICTIMS[:2] + [""] + VICTIMS[3:]
    assert load_problem(csv_brief(tmp_path, [no_unit, SHARE])) == ("A2", "statistics[0].unit")


def test_an_unknown_source_is_reported_at_its_sources_cell(tmp_path: Path) -> None:
    cited = SHARE[:7] + ["report page=15; no-such-report"] + SHARE[8:]
    place, field = load_problem(csv_brief(tmp_path, [VICTIMS, cited]))
    assert place == "H3" and field.startswith("statistics[1].sources")


def test_a_bad_label_is_reported_at_its_cell(tmp_path: Path) -> None:
    bad = VICTIMS[:8] + ["vic\x1btims"] + VICTIMS[9:]
    assert load_problem(csv_brief(tmp_path, [bad, SHARE])) == ("I2", "statistics[0].label.en")


def test_a_date_cell_with_a_time_is_refused_at_its_cell(tmp_path: Path) -> None:
    """A date at midnight is the date; a time of day would make 'as of' mean two things."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Statistics"
    for row in [HEADER, VICTIMS, SHARE]:
        sheet.append(row)
    sheet["F2"] = dt.datetime(2024, 5, 31)
    sheet["F3"] = dt.datetime(2024, 5, 31, 14, 30)
    workbook.save(tmp_path / "stats.xlsx")
    (tmp_path / "brief.yaml").write_text(brief_text("stats.xlsx"), encoding="utf-8")
    with pytest.raises(BriefError) as error:
        load_brief(tmp_path / "brief.yaml")
    (problem,) = error.value.problems
    assert problem.location is not None and problem.location.place == "Statistics!F3"
    assert "'2024-05-31T14:30:00' has a time" in problem.message


def test_a_sheet_beside_a_python_brief_is_read_from_the_working_folder(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    csv_brief(tmp_path, [VICTIMS, SHARE])
    monkeypatch.chdir(tmp_path)
    for named in ("stats.csv", str(tmp_path / "stats.csv")):
        data = yaml.safe_load(brief_text(named))
        share = brief_from_dict(data).statistic("share")
        assert share is not None and share.where("value") == Location("stats.csv" if named == "stats.csv" else named,
                                                                      3, 2, place="B3")


def test_a_csv_saved_by_excel_with_a_byte_order_mark_names_its_first_column(tmp_path: Path) -> None:
    (tmp_path / "stats.csv").write_text("\ufeffid,value\nvictims,113\n", encoding="utf-8")
    [row] = read_table(tmp_path / "stats.csv").rows
    assert {name: cell.value for name, cell in row.cells.items()} == {"id": "victims", "value": "113"}


def test_cells_under_no_column_name_are_left_out(tmp_path: Path) -> None:
    """A column with an empty header and a note to the right of the table are not fields."""
    (tmp_path / "stats.csv").write_text("id,,value\nvictims,a note,113,another note\n", encoding="utf-8")
    [row] = read_table(tmp_path / "stats.csv").rows
    assert {name: cell.location.place for name, cell in row.cells.items()} == {"id": "A2", "value": "C2"}


def test_numbered_columns_are_a_list_in_their_numbers_order(tmp_path: Path) -> None:
    """steps.1 to steps.11: the eleventh step comes last, not after the first."""
    header = ["id", *(f"steps.{number}.en" for number in range(1, 12))]
    values = ["case-1", *(f"step {number}" for number in range(1, 12))]
    (tmp_path / "cases.csv").write_text(",".join(header) + "\n" + ",".join(values) + "\n", encoding="utf-8")
    [row] = read_table(tmp_path / "cases.csv").rows
    cells: dict[tuple[str | int, ...], Location] = {}
    steps = row_data(row, ("case",), cells)["steps"]
    assert [step["en"] for step in steps] == values[1:]
    assert cells["case", "steps", 10, "en"].place == "L2"


def test_a_named_sheet_is_read_even_when_it_is_not_the_first(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    notes = workbook.active
    assert notes is not None
    notes.title = "Read me"
    notes.append(["id", "value"])
    notes.append(["not-a-figure", "0"])
    figures = workbook.create_sheet("Statistics")
    figures.append(["id", "value"])
    figures.append(["victims", 113])
    workbook.save(tmp_path / "stats.xlsx")
    [row] = read_table(tmp_path / "stats.xlsx", "Statistics").rows
    assert row.cells["id"].value == "victims" and row.cells["value"].location.place == "Statistics!B2"


def test_a_case_sheet_that_is_not_there_is_named_with_the_sheets_that_are(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    assert workbook.active is not None
    workbook.active.title = "Cases"
    workbook.save(tmp_path / "cases.xlsx")
    with pytest.raises(LoadError) as error:
        build_cases(EXAMPLE, tmp_path / "cases.xlsx", tmp_path / "out", sheet="Case")
    (problem,) = error.value.problems
    assert str(problem) == f"{tmp_path / 'cases.xlsx'}:1: error: sheet: no sheet named 'Case' (did you mean 'Cases'?)"
    assert not (tmp_path / "out").exists()


def test_a_formula_is_refused_at_its_cell_with_how_to_keep_its_value(tmp_path: Path) -> None:
    """A calculation beside the table (column AB): its cell, line and column, the formula's start, and the fix."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Statistics"
    sheet.append(HEADER)
    sheet.append(VICTIMS)
    formula = "=ROUND(SUM(B2:B2)/COUNTA(A2:A2)*100+0*LEN(I2)+0*LEN(J2), 1)"
    sheet["AB2"] = formula
    workbook.save(tmp_path / "stats.xlsx")
    with pytest.raises(LoadError) as error:
        read_table(tmp_path / "stats.xlsx")
    assert error.value.as_dict() == {"error": "load", "problems": [{
        "file": str(tmp_path / "stats.xlsx"), "line": 2, "place": "Statistics!AB2", "field": "",
        "message": f"the cell Statistics!AB2 holds a formula ({formula[:40]}); a brief reads values only",
        "hint": "replace the formula by its value (copy, then paste values), or compute the figure "
                "with 'count:' and 'base:' in the brief"}]}
    assert error.value.problems[0].location == Location(str(tmp_path / "stats.xlsx"), 2, 28, place="Statistics!AB2")


def test_a_line_break_in_a_cell_is_read_as_yaml_reads_one(tmp_path: Path) -> None:
    """A break typed in a web form or on Windows is CR LF (or a lone CR): read as YAML's LF, so no CR is left at the
    end of a line of the built brief (the Markdown of a case's circumstances ended its paragraph in one)."""
    typed = "He was taken at night.\r\n\r\nHis family was told nothing.\rNo one came."
    (tmp_path / "cases.csv").write_bytes(f'id,circumstances.en\r\ncase-1,"{typed}"\r\n'.encode())
    workbook = openpyxl.Workbook()
    cases = workbook.active
    assert cases is not None
    cases.append(["id", "circumstances.en"])
    cases.append(["case-1", typed])
    workbook.save(tmp_path / "cases.xlsx")
    for table in ("cases.csv", "cases.xlsx"):
        [row] = read_table(tmp_path / table).rows
        assert row.cells["circumstances.en"].value == \
            "He was taken at night.\n\nHis family was told nothing.\nNo one came.", table


@pytest.mark.parametrize(("count", "read"), [("９２", 92), ("92¹", None)])
def test_a_count_in_full_width_digits_is_read_and_one_with_a_footnote_mark_refused_at_its_cell(
        count: str, read: int | None, tmp_path: Path) -> None:
    """Digits typed with a Korean or Japanese input method are digits; a footnote mark ('92¹') is refused at the
    cell, not an internal error ('¹' is a digit to str.isdigit, not to int)."""
    brief = csv_brief(tmp_path, [VICTIMS, SHARE[:4] + [count] + SHARE[5:]])
    if read is not None:
        share = load_brief(brief).statistic("share")
        assert share is not None and share.count == read
        return
    assert load_problem(brief) == ("E3", "statistics[1].count")
