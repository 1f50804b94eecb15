"""The evidence CSV never hands a spreadsheet a formula (OWASP "CSV Injection")."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from testdata import MINIMAL_BRIEF

import briefbuilder

FORMULAS = ['=HYPERLINK("https://example.org/x","click")', "+1+1", "-2+3", "@SUM(A1:A2)", "\tx", "\r=1"]


@pytest.mark.parametrize("label", FORMULAS)
def test_a_label_that_a_spreadsheet_would_run_is_written_as_text(label: str, tmp_path: Path) -> None:
    quoted = label.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t").replace("\r", "\\r")
    text = MINIMAL_BRIEF.replace("label: {en: victims, ko: 피해자}", f'label: {{en: "{quoted}", ko: 피해자}}')
    (tmp_path / "brief.yaml").write_text(text, encoding="utf-8")
    result = briefbuilder.build(tmp_path / "brief.yaml", tmp_path / "out", languages=["en"], evidence=True, draft=True)
    [written] = [path for path in result.outputs if path.suffix == ".csv"]
    raw = written.read_bytes().decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(raw, newline="")))
    victims = next(row for row in rows if row["id"] == "victims")
    assert victims["label"] == "'" + label  # shown as typed, never run
    assert victims["value"] == "113" and victims["count"] == ""  # figures stay figures
    assert raw.startswith('"id","label","value",') and '"victims","\'' in raw  # every field quoted
