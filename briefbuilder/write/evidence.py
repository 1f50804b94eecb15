"""Evidence files for reviewers: the annex's rows as CSV and JSON."""

from __future__ import annotations

import csv
import io
import json

from ..render.evidence import EvidenceRow

CSV_COLUMNS = ("id", "label", "value", "unit", "qualifier", "base", "count", "derived_count",
               "sources", "status", "as_of")
NUMBER_COLUMNS = frozenset({"value", "base", "count"})
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def evidence_json(rows: list[EvidenceRow]) -> bytes:
    return (json.dumps([row.as_dict() for row in rows], ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def evidence_csv(rows: list[EvidenceRow]) -> bytes:
    """One line per statistic; sources as "id (p. 15); id" so a spreadsheet shows them in one cell.

    A spreadsheet runs a cell opening with ``=``, ``+``, ``-``, ``@``, a tab or a
    carriage return as a formula: as OWASP advises ("CSV Injection"), every field
    is quoted and such a text cell starts with a single quote. The figures
    (``value``, ``base``, ``count``) are numbers and stay as written: -3.5 is data.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        data = row.as_dict()
        data["sources"] = "; ".join(_source_text(source) for source in data["sources"])
        writer.writerow("" if data[column] is None else data[column] if column in NUMBER_COLUMNS
                        else _inert(str(data[column])) for column in CSV_COLUMNS)
    return buffer.getvalue().encode("utf-8")


def _inert(text: str) -> str:
    """``text`` as a spreadsheet shows it and never runs it."""
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def _source_text(source: dict[str, str | None]) -> str:
    locators = ", ".join(f"{kind} {source[kind]}" for kind in ("page", "paragraph", "section") if source[kind])
    return f"{source['id']} ({locators})" if locators else str(source["id"])
