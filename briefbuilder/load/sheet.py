"""Tables from spreadsheets: CSV through the standard library, XLSX through openpyxl (the ``xlsx`` extra).

NGOs keep their figures and their case lists in spreadsheets. A table is read
into the same plain data a YAML brief holds, and every value remembers its
cell, so a problem points where the user will fix it:
``stats.xlsx:Statistics!C7: error: statistics[5].value: must be a number ...``.

The first row names the columns; a column per language is written
``label.en``, ``label.ko``. Empty cells are left out, as an absent YAML key is.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from ..errors import BriefError, LoadError, Location, did_you_mean
from .confine import confined_file
from .yamlsource import SourceMap

SHEET_SUFFIXES = (".csv", ".xlsx")

# What a sheet may hold (docs/security.md). A brief's figures or a batch of cases fill a small part of
# each; the bounds stop a sheet that would take minutes or gigabytes before anything is parsed or kept.
# An .xlsx is a zip: its declared sizes are checked before openpyxl opens it (Python's zipfile never
# inflates a member past its declared size), and its declared dimension is not used at all.
MAX_ROWS = 100_000
MAX_COLUMNS = 1_000
MAX_CELLS = 1_000_000  # cells read, empty ones between filled ones included
MAX_SHEET_BYTES = 50_000_000  # a CSV file, or all of an .xlsx's members once inflated
MAX_XLSX_MEMBERS = 1_000
MAX_INFLATION = 100  # how many times its compressed size a member over 1 MB may inflate to
_INFLATION_CHECKED_FROM = 1_000_000
_DECIMALS_SHOWN = re.compile(r"^[#,]*0\.(0+)(?:;|$)")  # an Excel number format such as 0.0 or #,##0.00


@dataclass(frozen=True)
class Cell:
    value: Any
    location: Location


@dataclass(frozen=True)
class Row:
    """One row of a table: its cells by column name, and where the row starts."""

    cells: dict[str, Cell]
    location: Location


@dataclass(frozen=True)
class Table:
    """A sheet's rows below the row naming its columns."""

    rows: list[Row]


def read_table(path: str | Path, sheet: str | None = None) -> Table:
    """The table in ``path`` (.csv, or .xlsx at ``sheet``, by default its first sheet)."""
    path = Path(path)
    if path.suffix.lower() not in SHEET_SUFFIXES:
        raise LoadError.at(None, "", f"{path}: not a spreadsheet", "use a .csv or .xlsx file")
    if not path.is_file():
        raise LoadError.at(None, "", f"{path}: no such file", "check the path")
    grid = _xlsx_grid(path, sheet) if path.suffix.lower() == ".xlsx" else _csv_grid(path)
    return _table(str(path), grid)


def _csv_grid(path: Path) -> Iterator[tuple[str, list[Any]]]:
    """Rows of cell values with the sheet prefix of their cell names ('' for CSV). A BOM (Excel's CSV) is skipped."""
    if path.stat().st_size > MAX_SHEET_BYTES:
        raise _too_big(path, f"{path.stat().st_size:,} bytes", f"{MAX_SHEET_BYTES:,} bytes")
    try:
        with path.open(encoding="utf-8-sig", newline="") as stream:
            for row in csv.reader(stream):
                yield "", [_cell_text(value) for value in row]
    except UnicodeDecodeError as exc:
        raise LoadError.at(Location(str(path), 1), "", f"not UTF-8 text ({exc.reason})",
                           "save the sheet as 'CSV UTF-8'") from None
    except csv.Error as exc:
        raise LoadError.at(Location(str(path), 1), "", f"malformed CSV: {exc}", "save the sheet again as CSV") from None


def _xlsx_grid(path: Path, sheet: str | None) -> Iterator[tuple[str, list[Any]]]:
    try:
        import openpyxl  # type: ignore[import-untyped]  # no stubs shipped; only load_workbook is used
    except ImportError:
        raise LoadError.at(None, "", f"{path}: reading .xlsx needs openpyxl",
                           "install it with: pip install 'briefbuilder[xlsx]', or save the sheet as CSV") from None
    _check_inflation(path)
    try:
        # Formulas, not the values a spreadsheet program last saved for them: a formula cell is refused
        # (its saved value may be stale or absent), so a figure is always what the cell says.
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=False)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a damaged file
        raise LoadError.at(Location(str(path), 1), "", f"cannot read the workbook: {exc}",
                           "open it in a spreadsheet program and save it again as .xlsx") from None
    try:
        if sheet is not None and sheet not in workbook.sheetnames:
            raise LoadError.at(Location(str(path), 1), "sheet", f"no sheet named '{sheet}'",
                               did_you_mean(sheet, workbook.sheetnames))
        worksheet = workbook[sheet] if sheet is not None else workbook.worksheets[0]
        worksheet.reset_dimensions()  # the declared range ("A1:XFD1048576") is the writer's word, not the cells
        prefix = f"{worksheet.title}!"
        for number, row in enumerate(worksheet.iter_rows(min_row=1, min_col=1), start=1):
            yield prefix, [_xlsx_value(cell, _location(str(path), prefix, index, number))
                           for index, cell in enumerate(row)]
    finally:
        workbook.close()


def _check_inflation(path: Path) -> None:
    """Refuse an .xlsx that inflates past the sheet budget (a zip bomb) before any of it is inflated."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise LoadError.at(Location(str(path), 1), "", f"cannot read the workbook: {exc}",
                           "open it in a spreadsheet program and save it again as .xlsx") from None
    if len(members) > MAX_XLSX_MEMBERS:
        raise _too_big(path, f"{len(members):,} parts", f"{MAX_XLSX_MEMBERS:,} parts")
    inflated = sum(member.file_size for member in members)
    if inflated > MAX_SHEET_BYTES:
        raise _too_big(path, f"{inflated:,} bytes once unpacked", f"{MAX_SHEET_BYTES:,} bytes")
    for member in members:
        if member.file_size > _INFLATION_CHECKED_FROM and member.file_size > MAX_INFLATION * max(member.compress_size, 1):
            raise _too_big(path, f"a part ({member.filename}) that unpacks {member.file_size // max(member.compress_size, 1):,} "
                           "times larger", f"{MAX_INFLATION} times")


def _too_big(path: Path, size: str, limit: str) -> LoadError:
    return LoadError.at(Location(str(path), 1), "", f"the sheet is too large to read: {size} (at most {limit})",
                        "a brief's figures or a batch of cases fit well within this; split the sheet, "
                        "or save it again from a spreadsheet program (docs/security.md)")


def _xlsx_value(cell: Any, where: Location) -> Any:
    """A cell's value as the sheet shows it: a float at the decimals its number format displays."""
    if getattr(cell, "data_type", None) == "f":
        raise LoadError.at(where, "", f"the cell {where.place} holds a formula ({str(cell.value)[:40]}); "
                           "a brief reads values only",
                           "replace the formula by its value (copy, then paste values), or compute the figure "
                           "with 'count:' and 'base:' in the brief")
    value = cell.value
    if isinstance(value, str):
        return _cell_text(value)
    if isinstance(value, dt.datetime):
        return value.date() if value.time() == dt.time() else value
    if isinstance(value, float):
        shown = _DECIMALS_SHOWN.match(getattr(cell, "number_format", "") or "")
        if shown:
            return Decimal(repr(value)).quantize(Decimal(1).scaleb(-len(shown.group(1))))
    return value


def _table(file: str, grid: Iterator[tuple[str, list[Any]]]) -> Table:
    """The rows below the first filled one, which names the columns; cells under no name are left out."""
    columns: list[str] = []
    rows: list[Row] = []
    seen = 0
    for number, (prefix, values) in enumerate(grid, start=1):
        seen += len(values)
        if number > MAX_ROWS or len(values) > MAX_COLUMNS or seen > MAX_CELLS:
            size, limit = ((f"more than {MAX_ROWS:,} rows", f"{MAX_ROWS:,}") if number > MAX_ROWS else
                           (f"{len(values):,} columns in row {number}", f"{MAX_COLUMNS:,}")
                           if len(values) > MAX_COLUMNS else (f"more than {MAX_CELLS:,} cells", f"{MAX_CELLS:,}"))
            raise _too_big(Path(file), size, limit)
        if not columns:
            if not any(_filled(value) for value in values):
                continue  # blank rows above the header
            columns = [str(value or "").strip() for value in values]
            continue
        cells = {columns[index]: Cell(value, _location(file, prefix, index, number))
                 for index, value in enumerate(values)
                 if index < len(columns) and columns[index] and _filled(value)}
        if cells:
            rows.append(Row(cells, _location(file, prefix, 0, number)))
    if not columns:
        raise LoadError.at(Location(file, 1), "", "the sheet is empty", "name the columns in its first row")
    return Table(rows)


def _cell_text(text: str) -> str:
    """A cell's text with its line breaks as YAML gives them: a break typed in a web form or on Windows is
    CR LF, whose CR would otherwise be left at the end of a line of the built brief."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def _filled(value: Any) -> bool:
    return value is not None and value != ""


def _location(file: str, prefix: str, column: int, row: int) -> Location:
    return Location(file, row, column + 1, place=f"{prefix}{_column_letters(column)}{row}")


def _column_letters(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


class CellMap(SourceMap):
    """A brief's source map with some of its paths read from spreadsheet cells.

    Paths below one of ``cells`` are located at that cell (``statistics[3].label.en``
    at the ``label.en`` cell of the fourth row); every other path is the
    original map's.
    """

    def __init__(self, base: SourceMap, cells: Mapping[tuple[str | int, ...], Location]) -> None:
        super().__init__(base.file)
        self._base = base
        self._cells = dict(cells)

    def locate(self, *path: str | int) -> Location:
        key = tuple(path)
        while key:
            if key in self._cells:
                return self._cells[key]
            key = key[:-1]
        return self._base.locate(*path)

    def under(self, *prefix: str | int) -> SourceMap:
        return self._base.under(*prefix)


def row_data(row: Row, path: tuple[str | int, ...], cells: dict[tuple[str | int, ...], Location]) -> dict[str, Any]:
    """A row as nested data: column ``label.en`` is ``{label: {en: ...}}``, ``steps.2.ko`` the second step's Korean.

    Records in ``cells`` where each value came from, under ``path``.
    """
    tree: dict[str, Any] = {}
    for column, cell in row.cells.items():
        *parents, leaf = column.split(".")
        node = tree
        for part in parents:
            node = node.setdefault(part, {})
            if isinstance(node, Cell):
                raise LoadError.at(cell.location, column, f"column '{column}' clashes with column '{part}'",
                                   "keep one of them")
        node[leaf] = cell
    cells[path] = row.location
    return {key: _nested(value, path + (key,), cells) for key, value in tree.items()}


def _nested(node: Any, path: tuple[str | int, ...], cells: dict[tuple[str | int, ...], Location]) -> Any:
    if isinstance(node, Cell):
        cells[path] = node.location
        return node.value
    if node and all(key.isdigit() for key in node):  # steps.1, steps.2: a list, in their order
        return [_nested(node[key], path + (index,), cells) for index, key in enumerate(sorted(node, key=int))]
    return {key: _nested(value, path + (key,), cells) for key, value in node.items()}


def number_from_text(text: str) -> Decimal | int | str:
    """"113" → 113, "81.40" → Decimal("81.40"), its precision kept; other text is left for validation to refuse."""
    cleaned = text.strip()
    try:
        number = Decimal(cleaned)
    except InvalidOperation:
        return text
    if not number.is_finite():
        return text
    return int(number) if cleaned.lstrip("+-").isdigit() else number


def whole_number(value: Any) -> Any:
    """A count or base read from a sheet: "92" or 92.0 is 92; anything else is left for validation.

    Digits as int() reads them (isdecimal: full-width ones too), not isdigit's, which takes a footnote mark ("92¹").
    """
    if isinstance(value, str) and value.strip().isdecimal():
        return int(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def statistics_from_sheet(data: Any, source_map: SourceMap, directory: Path | None) -> tuple[Any, SourceMap]:
    """``data`` with ``statistics: stats.csv`` (or ``{file:, sheet:}``) replaced by the sheet's rows.

    One row per statistic, columns named as the YAML fields are (``label.en``,
    ``label.ko`` per language; ``sources`` as ``id; id page=12``). The source
    map returned locates every statistic's fields at their cells.
    """
    reference = sheet_reference(data.get("statistics")) if isinstance(data, dict) else None
    if reference is None:
        return data, source_map
    file, sheet = reference
    try:
        path = resolve(file, directory)
        if directory is not None:  # a brief reads files in its own folder only, as it does catalog.yaml
            confined_file(directory, path, what="statistics sheet", must_exist=False)
        table = read_table(path, sheet)
    except BriefError as error:  # the sheet as a whole: reported where the brief names it
        problem = error.problems[0]
        in_sheet = problem.location is not None and bool(problem.location.place)
        message = problem.message if problem.message.startswith(file) else f"{file}: {problem.message}"
        raise LoadError.at(problem.location if in_sheet else source_map.locate("statistics"), "statistics",
                           message, problem.hint) from None
    cells: dict[tuple[str | int, ...], Location] = {}
    statistics = []
    for index, row in enumerate(table.rows):
        statistics.append(typed_statistic(row_data(row, ("statistics", index), cells)))
    return {**data, "statistics": statistics}, CellMap(source_map, cells)


def source_refs(text: str) -> list[Any]:
    """"tjwg-2024; reuters-2024 page=3" -> [tjwg-2024, {id: reuters-2024, page: "3"}]."""
    refs: list[Any] = []
    for entry in filter(None, (part.strip() for part in text.split(";"))):
        source_id, *locators = entry.split()
        pairs = dict(locator.partition("=")[::2] for locator in locators)
        refs.append({"id": source_id, **pairs} if pairs else source_id)
    return refs


def sheet_reference(value: Any) -> tuple[str, str | None] | None:
    """``statistics: stats.xlsx`` or ``statistics: {file: stats.xlsx, sheet: Statistics}``: the file and sheet."""
    if isinstance(value, str) and value.lower().endswith(SHEET_SUFFIXES):
        return value, None
    if isinstance(value, Mapping) and set(value) <= {"file", "sheet"} and isinstance(value.get("file"), str):
        sheet = value.get("sheet")
        return value["file"], None if sheet is None else str(sheet)
    return None


def resolve(file: str | Path, directory: Path | None) -> Path:
    """A sheet named in a brief is relative to the brief's folder."""
    path = Path(file)
    return path if path.is_absolute() or directory is None else Path(directory) / path


def typed_statistic(statistic: dict[str, Any]) -> dict[str, Any]:
    """A statistic given as cells (a sheet's row, a record): its value, base, count and sources as a brief writes them."""
    if isinstance(statistic.get("value"), str):
        statistic["value"] = number_from_text(statistic["value"])
    for field in ("base", "count"):
        if field in statistic:
            statistic[field] = whole_number(statistic[field])
    if isinstance(statistic.get("sources"), str):
        statistic["sources"] = source_refs(statistic["sources"])
    return statistic
