"""One WGEID case file per row of a case table, each checked; bad rows reported at their cell, the rest built."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from briefbuilder.cases import CaseResult, build_cases
from briefbuilder.errors import BriefError
from briefbuilder.cli import main
from briefbuilder.check import ChecksFailed
from testdata import EXAMPLE

COLUMNS = ["id", "name.en", "name.ko", "nationality.en", "nationality.ko", "date_of_birth", "date", "place.en", "place.ko", "responsible.en", "responsible.ko",
           "steps.1.en", "steps.1.ko", "submitter.name.en", "submitter.name.ko", "submitter.confidential"]


def case_row(number: int) -> list[str]:
    return [f"case-{number:03d}", f"KIM Example-{number}", f"김예시{number}", "Democratic People's Republic of Korea",
            "조선민주주의인민공화국", "1980-01-01", "2023-03-12", "Hoeryong", "회령",
            "Ministry of State Security officers", "국가보위성 요원", "His sister asked the local office.",
            "누나가 지역 사무소에 문의하였습니다.", "KIM Relative", "김친척", "yes"]


def write_cases(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream).writerows([COLUMNS, *rows])
    return path


@pytest.mark.slow
def test_two_hundred_rows_build_two_hundred_submissions_in_english_and_korean(tmp_path: Path) -> None:
    rows = [case_row(number) for number in range(1, 201)]
    rows[6][COLUMNS.index("date")] = ""  # the seventh case lacks element (b)
    table = write_cases(tmp_path / "cases.csv", rows)
    result = CliRunner().invoke(main, ["cases", str(EXAMPLE), str(table), "--lang", "en,ko",
                                       "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    progress = [line for line in result.stderr.splitlines() if line.startswith("case ")]
    assert len(progress) == 200 and progress[-1].startswith("case 200/200")
    assert f"{table}:A8: error: constraints.case-elements: WGEID element (b)" in result.stderr
    written = sorted(path.name for path in (tmp_path / "out").iterdir())
    assert len(written) == 199 * 2
    assert "enforced-disappearances-case-007.un-wgeid.en.md" not in written
    korean = (tmp_path / "out" / "enforced-disappearances-case-123.un-wgeid.ko.md").read_text(encoding="utf-8")
    assert "김예시123" in korean and "김예시124" not in korean
    assert "199 of 200 case(s) built; 1 failed" in result.stderr


def test_the_confidential_submitter_rule_is_applied_to_each_case(tmp_path: Path) -> None:
    table = write_cases(tmp_path / "cases.csv", [case_row(1), case_row(2)])
    results = build_cases(EXAMPLE, table, tmp_path / "out", languages=["en"], audiences=["un-wgeid", "general"])
    assert all(result.ok for result in results)
    general = (tmp_path / "out" / "enforced-disappearances-case-001.general.en.md").read_text(encoding="utf-8")
    assert "KIM Relative" not in general
    wgeid = (tmp_path / "out" / "enforced-disappearances-case-001.un-wgeid.en.md").read_text(encoding="utf-8")
    assert "KIM Relative" in wgeid


def test_an_xlsx_case_table_reports_bad_cells_and_can_stop_at_the_first(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Cases"
    sheet.append(COLUMNS)
    sheet.append(case_row(1))
    sheet.append([*case_row(2)[:6], "2023-02-30", *case_row(2)[7:]])
    sheet.append(case_row(3))
    workbook.save(tmp_path / "cases.xlsx")
    heard: list[CaseResult] = []
    results = build_cases(EXAMPLE, tmp_path / "cases.xlsx", tmp_path / "out", languages=["en"], progress=heard.append)
    assert heard == results and [result.ok for result in results] == [True, False, True]
    assert results[1].error is not None
    assert str(results[1].error.problems[0].location) == f"{tmp_path / 'cases.xlsx'}:Cases!G3"
    with pytest.raises(ChecksFailed):
        build_cases(EXAMPLE, write_cases(tmp_path / "bad.csv", [[*case_row(1)[:6], "", *case_row(1)[7:]]]),
                    tmp_path / "out2", keep_going=False)


def test_a_case_id_that_is_not_a_plain_name_cannot_escape_the_output_folder(tmp_path: Path) -> None:
    row = case_row(1)
    row[0] = "../escaped"
    [result] = build_cases(EXAMPLE, write_cases(tmp_path / "cases.csv", [row]), tmp_path / "out")
    assert result.error is not None and "cannot name a file" in str(result.error)
    assert not list(tmp_path.glob("**/*.md"))


def test_each_row_stands_alone_and_names_are_judged_before_any_is_written(tmp_path: Path) -> None:
    rows = [case_row(number) for number in range(1, 6)]
    rows[1][0] = "x" * 300  # a file name no file system takes
    rows[2][0] = "CASE-001"  # the first row's files on a disk that ignores case
    out = tmp_path / "out"
    (out / "enforced-disappearances-case-004.un-wgeid.en.md").mkdir(parents=True)  # the 4th row cannot be written
    table = write_cases(tmp_path / "cases.csv", rows)
    results = build_cases(EXAMPLE, table, out, languages=["en"])
    assert [result.ok for result in results] == [True, False, False, False, True]
    too_long, same, unwritable = (result.error for result in results[1:4])
    assert str(too_long.problems[0].location) == f"{table}:A3" and "longer than 255 bytes" in str(too_long)
    assert str(same.problems[0].location) == f"{table}:A4" and "used twice, ignoring case" in str(same)
    assert str(unwritable.problems[0].location) == f"{table}:A5" and "Is a directory" in str(unwritable)
    assert sorted(path.name for path in out.iterdir() if path.is_file()) == [
        "enforced-disappearances-case-001.un-wgeid.en.md", "enforced-disappearances-case-005.un-wgeid.en.md"]
    with pytest.raises(BriefError):
        build_cases(EXAMPLE, table, tmp_path / "stopped", languages=["en"], keep_going=False)
