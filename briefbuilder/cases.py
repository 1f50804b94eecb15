"""One WGEID case file per disappeared person: a brief plus a case table (CSV or XLSX), one row per case.

The Working Group takes one submission per person (the six elements of
``../shared/facts/un-formats.md``), while an NGO keeps its cases in one
spreadsheet. Each row becomes the ``case:`` of a copy of the brief and goes
through everything a single brief does: validation located at the row's cells,
every check (the six elements, the confidential-submitter rule) and an
all-or-nothing write. A bad row is reported with its cell and, unless told to
stop, the batch goes on with the next one.

Columns are the ``case:`` fields, a column per language (``name.en``,
``name.ko``), numbered steps (``steps.1.en``), ``submitter.name.en``,
``submitter.confidential``; an ``id`` column names each case's files.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .check.findings import ChecksFailed
from .errors import BriefError, LoadError, Location
from .load.brief import load_brief, validate_brief
from .load.native import FieldPaths, validated
from .load.sheet import CellMap, Row, read_table, row_data
from .load.yamlsource import SourceMap
from .model import IDENTIFIER, Brief
from .pipeline import Folders, Names, build_documents, known_formats
from .write import document_files, running_pdf_converter
from .write.atomic import write_all

if TYPE_CHECKING:
    from .write.pdf import PdfConverter

WGEID = "un-wgeid"


@dataclass(frozen=True)
class CaseResult:
    """What became of one row: its files, or the error that stopped it."""

    number: int  # 1-based among the table's cases
    total: int
    location: Location  # the row's first cell
    case_id: str
    outputs: list[Path] = field(default_factory=list)
    error: BriefError | None = None
    warnings: int = 0

    @property
    def ok(self) -> bool:
        return self.error is None

    def __str__(self) -> str:
        head = f"case {self.number}/{self.total} ({self.location}, {self.case_id})"
        if self.error is None:
            return f"{head}: {len(self.outputs)} file(s)" + (f", {self.warnings} warning(s)" if self.warnings else "")
        return f"{head}: failed"


def build_cases(
    brief: Brief | str | Path,
    table: str | Path,
    out_dir: str | Path,
    *,
    sheet: str | None = None,
    languages: Names | None = None,
    formats: Names = ("md",),
    audiences: Names = (WGEID,),
    template_dirs: Folders = (),
    keep_going: bool = True,
    progress: Callable[[CaseResult], None] | None = None,
) -> list[CaseResult]:
    """Build one submission per row of ``table`` into ``out_dir``; ``progress`` hears of each row as it is done.

    Files are named ``<brief>-<id>.<audience>.<lang>.<format>``. A row that
    fails to load or fails its checks writes nothing and is reported in its
    :class:`CaseResult`; with ``keep_going=False`` its error is raised instead.
    """
    format_names = known_formats(formats)
    base = validated(brief) if isinstance(brief, Brief) else load_brief(brief)
    rows = read_table(table, sheet).rows
    results: list[CaseResult] = []
    longest = max(len(f".{audience}.{language}.{fmt}".encode())  # "en,ko" as one: a little long, never short
                  for audience in ([audiences] if isinstance(audiences, str) else audiences or [WGEID])
                  for language in ([languages] if isinstance(languages, str) else languages or base.brief.languages)
                  for fmt in format_names)
    names = _case_names(rows, base.name, longest)  # every name judged before any row is written
    with running_pdf_converter(format_names) as pdf_converter:  # one LibreOffice for every case's PDFs
        for number, row in enumerate(rows, start=1):
            judged = names[number - 1]
            case_id = judged if isinstance(judged, str) else f"case-{number}"
            try:
                if isinstance(judged, BriefError):
                    raise judged
                outputs, warnings = _build_row(base, row, case_id, Path(out_dir), languages, format_names,
                                               audiences, template_dirs, pdf_converter)
                result = CaseResult(number, len(rows), row.location, case_id, outputs, warnings=warnings)
            except BriefError as error:
                if not keep_going:
                    raise
                result = CaseResult(number, len(rows), row.location, case_id, error=error)
            results.append(result)
            if progress is not None:
                progress(result)
    return results


def case_brief(base: Brief, row: Row, case_id: str) -> Brief:
    """``base`` with the row as its ``case:`` and its own id, validated as a loaded brief is."""
    cells: dict[tuple[str | int, ...], Location] = {}
    case = row_data(row, ("case",), cells)
    case.pop("id", None)
    data: dict[str, Any] = base.to_data()
    data["case"] = case
    data["brief"]["id"] = f"{base.name}-{case_id}"
    source_map: SourceMap = base._source_map if base._source_map is not None else FieldPaths()
    try:
        return validate_brief(data, CellMap(source_map, cells), name=data["brief"]["id"], directory=base.directory)
    except BriefError as error:
        raise LoadError.from_error(error) from None


def _build_row(base: Brief, row: Row, case_id: str, out_dir: Path, languages: Names | None, formats: list[str],
               audiences: Names, template_dirs: Folders, pdf_converter: PdfConverter | None) -> tuple[list[Path], int]:
    built = build_documents(case_brief(base, row, case_id), languages=languages, audiences=audiences,
                            template_dirs=template_dirs)
    files = document_files(list(built.documents.values()), formats, out_dir, pdf_converter)
    try:
        write_all(files, inputs={Path(row.location.file): row.location, **built.read})
    except OSError as exc:  # this row's files only: the next row may well be written
        raise BriefError.at(row.location, "output", f"{exc.filename or out_dir}: {exc.strerror or exc}",
                            "check that the output folder can be written to") from None
    return [path for path, _ in files], len(built.findings)


MAX_NAME_BYTES = 255  # a file name's limit on every common file system


def _case_names(rows: list[Row], brief_name: str, suffix_bytes: int) -> list[str | BriefError]:
    """Each row's case id, or the error that stops it: not a plain name, too long, or the same as an
    earlier row's when case is ignored (as it is on Windows and macOS disks).

    A device name of Windows (CON, NUL...) cannot arise: every file name starts with the brief's name
    and a hyphen.
    """
    names: list[str | BriefError] = []
    seen: dict[str, Location] = {}
    for number, row in enumerate(rows, start=1):
        where = row.cells["id"].location if "id" in row.cells else row.location
        try:
            case_id = _case_id(row, number)
            stem = f"{brief_name}-{case_id}"
            if len(stem.encode()) + suffix_bytes > MAX_NAME_BYTES:
                raise LoadError.at(where, "id", f"the case id '{case_id[:40]}...' makes file names longer than "
                                   f"{MAX_NAME_BYTES} bytes", "use a shorter id")
            folded = case_id.casefold()
            if folded in seen:
                raise LoadError.at(where, "id", f"the case id '{case_id}' is used twice, ignoring case "
                                   f"(first at {seen[folded]})", "give each case its own id")
            seen[folded] = where
            names.append(case_id)
        except BriefError as error:
            names.append(error)
    return names


def _case_id(row: Row, number: int) -> str:
    """The row's ``id`` cell, else its number: it names the case's files, so it must be a plain identifier."""
    cell = row.cells.get("id")
    if cell is None:
        return f"case-{number}"
    case_id = str(cell.value).strip()
    if not re.match(IDENTIFIER, case_id):
        raise LoadError.at(cell.location, "id", f"'{case_id}' cannot name a file",
                           "use letters, digits, '-', '_' and '.', starting with a letter or digit")
    return case_id


def row_problems(error: BriefError) -> list[str]:
    """The lines to show for a failed row: the errors among failed checks' findings, else every problem."""
    if isinstance(error, ChecksFailed):
        return [str(finding) for finding in error.findings if finding.severity == "error"]
    return [str(problem) for problem in error.problems]
