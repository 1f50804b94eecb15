"""A sheet at each limit of docs/security.md is read; one past it is refused, naming its size and the limit."""

from __future__ import annotations

import io
import random
import zipfile
import zlib
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from briefbuilder import LoadError
from briefbuilder.load import sheet
from briefbuilder.load.sheet import read_table

HINT = ("a brief's figures or a batch of cases fit well within this; split the sheet, "
        "or save it again from a spreadsheet program (docs/security.md)")


def refusal(path: Path) -> str:
    """What reading ``path`` tells the user; the refusal points at the file."""
    with pytest.raises(LoadError) as error:
        read_table(path)
    (problem,) = error.value.problems
    assert str(problem.location) == f"{path}:1" and problem.hint == HINT
    return problem.message


def csv_file(path: Path, rows: list[str]) -> Path:
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_rows_up_to_the_limit_are_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sheet, "MAX_ROWS", 5)
    rows = ["id", "a", "b", "c", "d"]
    assert len(read_table(csv_file(tmp_path / "full.csv", rows)).rows) == 4
    assert refusal(csv_file(tmp_path / "over.csv", [*rows, "e"])) == \
        "the sheet is too large to read: more than 5 rows (at most 5)"


def test_columns_up_to_the_limit_are_read(tmp_path: Path) -> None:
    header = ",".join(f"c{number}" for number in range(sheet.MAX_COLUMNS))
    [row] = read_table(csv_file(tmp_path / "full.csv", [header, "1" + "," * (sheet.MAX_COLUMNS - 1)])).rows
    assert list(row.cells) == ["c0"]
    assert refusal(csv_file(tmp_path / "over.csv", ["id", "1" + "," * sheet.MAX_COLUMNS])) == \
        "the sheet is too large to read: 1,001 columns in row 2 (at most 1,000)"


def test_cells_up_to_the_limit_are_read_counting_the_empty_ones(tmp_path: Path) -> None:
    """A thousand rows of a thousand cells, empty but for the first: a million cells, the limit."""
    width = sheet.MAX_COLUMNS
    rows = ["id" + "," * (width - 1), *("x" + "," * (width - 1) for _ in range(sheet.MAX_CELLS // width - 1))]
    assert len(read_table(csv_file(tmp_path / "full.csv", rows)).rows) == sheet.MAX_CELLS // width - 1
    assert refusal(csv_file(tmp_path / "over.csv", [*rows, "x"])) == \
        "the sheet is too large to read: more than 1,000,000 cells (at most 1,000,000)"


def test_a_csv_of_the_byte_limit_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = csv_file(tmp_path / "stats.csv", ["id,value", "victims,113"])
    monkeypatch.setattr(sheet, "MAX_SHEET_BYTES", path.stat().st_size)
    assert len(read_table(path).rows) == 1
    monkeypatch.setattr(sheet, "MAX_SHEET_BYTES", path.stat().st_size - 1)
    assert refusal(path) == f"the sheet is too large to read: {path.stat().st_size} bytes (at most {sheet.MAX_SHEET_BYTES} bytes)"


def workbook(path: Path, extra: dict[str, bytes] | None = None) -> Path:
    """A one-row workbook, with ``extra`` parts (a picture, say) stored deflated beside its sheet."""
    book = openpyxl.Workbook()
    figures = book.active
    assert figures is not None
    figures.append(["id", "value"])
    figures.append(["victims", 113])
    book.save(path)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return path


def test_a_workbook_at_the_part_and_unpacked_size_limits_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = workbook(tmp_path / "stats.xlsx")
    with zipfile.ZipFile(path) as archive:
        parts = archive.infolist()
    unpacked = sum(part.file_size for part in parts)
    monkeypatch.setattr(sheet, "MAX_XLSX_MEMBERS", len(parts))
    monkeypatch.setattr(sheet, "MAX_SHEET_BYTES", unpacked)
    assert len(read_table(path).rows) == 1
    monkeypatch.setattr(sheet, "MAX_XLSX_MEMBERS", len(parts) - 1)
    assert refusal(path) == f"the sheet is too large to read: {len(parts)} parts (at most {len(parts) - 1} parts)"
    monkeypatch.setattr(sheet, "MAX_XLSX_MEMBERS", len(parts))
    monkeypatch.setattr(sheet, "MAX_SHEET_BYTES", unpacked - 1)
    assert refusal(path) == \
        f"the sheet is too large to read: {unpacked:,} bytes once unpacked (at most {unpacked - 1:,} bytes)"


def test_a_workbook_with_a_large_picture_is_read(tmp_path: Path) -> None:
    """A part over 1 MB that packs little (a photograph) is no bomb."""
    photo = random.Random(26).randbytes(1_200_000)
    assert len(read_table(workbook(tmp_path / "stats.xlsx", {"xl/media/image1.png": photo})).rows) == 1


def exactly_a_hundred_times(prefix: bytes) -> bytes:
    """``prefix`` followed by zeros until the whole deflates (as zipfile does) to exactly 1/100 of its size."""
    def deflater() -> Any:
        return zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)

    zeros = 1_000_000
    for _ in range(8):  # where the size would be exact if the packed size stayed: close, as deflate is not monotone
        packer = deflater()
        zeros = sheet.MAX_INFLATION * len(packer.compress(prefix + bytes(zeros)) + packer.flush()) - len(prefix)
    zeros -= 1_000
    packer = deflater()
    packed = len(packer.compress(prefix + bytes(zeros)))
    for zeros in range(zeros, zeros + 10_000):  # then one zero at a time
        if sheet.MAX_INFLATION * (packed + len(packer.copy().flush())) == len(prefix) + zeros:
            return prefix + bytes(zeros)
        packed += len(packer.compress(b"\0"))
    raise AssertionError("no size found that deflates to exactly 1/100")


def test_parts_are_judged_by_inflation_from_over_1_mb_and_past_100_times(tmp_path: Path) -> None:
    """A blank part of exactly 1 MB is not judged; a part over 1 MB unpacking exactly 100 times is allowed."""
    part = exactly_a_hundred_times(random.Random(26).randbytes(10_500))
    path = workbook(tmp_path / "stats.xlsx", {"xl/media/blank.bin": bytes(1_000_000), "xl/media/image1.bin": part})
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("xl/media/image1.bin")
    assert info.file_size > 1_000_000 and info.file_size == sheet.MAX_INFLATION * info.compress_size
    assert len(read_table(path).rows) == 1
