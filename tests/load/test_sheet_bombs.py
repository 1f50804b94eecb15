"""Hostile spreadsheets: formulas are refused at their cell, bombs are refused quickly, by name, in little memory."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest

from briefbuilder import LoadError
from briefbuilder.load.sheet import read_table

HEADER = ["id", "value", "unit", "label.en"]
SECONDS = 2.0
MEGABYTES = 200

READ = """
import json, sys, time
from briefbuilder.load.sheet import read_table
from briefbuilder.errors import BriefError
started = time.process_time()
try:
    table = read_table(sys.argv[1])
    outcome = f"read {len(table.rows)} rows"
except BriefError as error:
    outcome = str(error)
# The peak of this process image (ru_maxrss would also count the parent's peak before exec).
peak = next(line for line in open("/proc/self/status") if line.startswith("VmHWM:"))
print(json.dumps({"seconds": time.process_time() - started, "outcome": outcome,
                  "megabytes": int(peak.split()[1]) / 1024}))
"""


def _workbook(path: Path, rows: list[list[object]]) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Statistics"
    for row in [HEADER, *rows]:
        sheet.append(row)
    workbook.save(path)
    return path


def _rewrite_member(path: Path, member: str, change: object) -> None:
    """Replace one part of the .xlsx: ``change`` is the new text, or a function of the old text."""
    with zipfile.ZipFile(path) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    old = parts[member].decode()
    parts[member] = (change(old) if callable(change) else str(change)).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)


def _read_apart(path: Path) -> dict[str, object]:
    """Read ``path`` in a fresh process: its time, its outcome and the process's peak memory (Linux)."""
    if not Path("/proc/self/status").exists():
        pytest.skip("peak memory is read from /proc")
    result = subprocess.run([sys.executable, "-c", READ, str(path)], capture_output=True, text=True, timeout=300,
                            check=True)
    return json.loads(result.stdout)


def test_a_formula_cell_is_refused_at_its_cell(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "stats.xlsx", [["victims", 113, "persons", "victims"],
                                                ["share", "=B2/2", "percent", "share"]])
    with pytest.raises(LoadError) as error:
        read_table(path)
    (problem,) = error.value.problems
    assert str(problem.location) == f"{path}:Statistics!B3"
    assert "holds a formula (=B2/2)" in problem.message


def test_a_formula_cell_is_named_at_its_cell_when_the_sheet_starts_further_right(tmp_path: Path) -> None:
    """A sheet whose used range starts at column C: the cell names are the sheet's own, not counted from C."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Statistics"
    for column, name in enumerate(HEADER, start=3):
        sheet.cell(row=2, column=column, value=name)
    sheet["C3"], sheet["D3"] = "victims", "=1+1"
    workbook.save(tmp_path / "right.xlsx")
    with pytest.raises(LoadError) as error:
        read_table(tmp_path / "right.xlsx")
    assert str(error.value.problems[0].location) == f"{tmp_path / 'right.xlsx'}:Statistics!D3"


def test_a_declared_range_of_the_whole_sheet_is_not_trusted(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "declared.xlsx", [["victims", 113, "persons", "victims"]])
    _rewrite_member(path, "xl/worksheets/sheet1.xml",
                    lambda xml: re.sub(r'<dimension ref="[^"]*"', '<dimension ref="A1:XFD1048576"', xml))
    assert path.stat().st_size < 8_000
    read = _read_apart(path)
    assert read["outcome"] == "read 1 rows"
    assert read["seconds"] < SECONDS and read["megabytes"] < MEGABYTES


@pytest.mark.parametrize("far_cell", ["A1048576", "XFD2"])
def test_a_cell_at_the_far_end_of_the_sheet_is_refused_by_name(far_cell: str, tmp_path: Path) -> None:
    path = _workbook(tmp_path / "far.xlsx", [["victims", 113, "persons", "victims"]] * 3)
    far_row = re.sub(r"\D", "", far_cell)
    cell = f'<c r="{far_cell}" t="inlineStr"><is><t>x</t></is></c>'
    if far_row == "2":  # the last cell of a row that is there
        change = lambda xml: re.sub(r'(<row r="2".*?)</row>', lambda m: m.group(1) + cell + "</row>", xml, 1, re.S)
    else:  # a row of its own at the bottom of the sheet
        change = lambda xml: xml.replace("</sheetData>", f'<row r="{far_row}">{cell}</row></sheetData>')
    _rewrite_member(path, "xl/worksheets/sheet1.xml", change)
    read = _read_apart(path)
    assert str(path) in str(read["outcome"]) and "the sheet is too large to read" in str(read["outcome"])
    assert read["seconds"] < SECONDS and read["megabytes"] < MEGABYTES


def test_a_cell_that_inflates_hugely_is_refused_before_it_is_inflated(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "bomb.xlsx", [["victims", 113, "persons", "BOMB"]])
    with zipfile.ZipFile(path) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    huge = 120_000_000
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            if name != "xl/worksheets/sheet1.xml":
                target.writestr(name, data)
                continue
            before, after = data.decode().split("BOMB") if "BOMB" in data.decode() else (None, None)
            if before is None:  # openpyxl put the label in the shared strings: write it inline instead
                before, after = _inline_label(data.decode())
            with target.open(name, "w", force_zip64=True) as stream:
                stream.write(before.encode())
                chunk = b"A" * 1_000_000
                for _ in range(huge // len(chunk)):
                    stream.write(chunk)
                stream.write(after.encode())
    assert path.stat().st_size < 1_000_000
    read = _read_apart(path)
    assert str(path) in str(read["outcome"]) and "the sheet is too large to read" in str(read["outcome"])
    assert read["seconds"] < SECONDS and read["megabytes"] < MEGABYTES


def _inline_label(xml: str) -> tuple[str, str]:
    """The sheet's XML split where the last cell of row 2 is, with that cell written as an inline string."""
    row = re.search(r'<row r="2".*?</row>', xml, re.S)
    assert row is not None
    last_cell = list(re.finditer(r'<c r="D2"[^>]*>.*?</c>', row.group(), re.S))[-1]
    start = row.start() + last_cell.start()
    end = row.start() + last_cell.end()
    return xml[:start] + '<c r="D2" t="inlineStr"><is><t>', "</t></is></c>" + xml[end:]
