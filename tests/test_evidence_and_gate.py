"""The build gate and the evidence annex (issue: verification)."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from briefbuilder.cli import main
from testdata import EXAMPLE, MINIMAL_BRIEF


@pytest.fixture(scope="module")
def example_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out")
    result = CliRunner().invoke(main, ["build", str(EXAMPLE), "--lang", "ko,en", "--format", "md,docx",
                                       "--evidence", "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


@pytest.mark.parametrize(("lang", "heading", "status"), [("en", "Annex: evidence for every figure", "verified"),
                                                         ("ko", "부록: 수치별 근거", "검증됨")])
def test_annex_lists_every_statistic_in_the_brief_language(example_build: Path, lang: str, heading: str,
                                                          status: str) -> None:
    markdown = (example_build / f"enforced-disappearances.general.{lang}.md").read_text(encoding="utf-8")
    annex = markdown.split(f"## {heading}")[1]
    rows = [line for line in annex.splitlines() if line.startswith("| ") and status in line]
    assert len(rows) == 14  # every statistic of the worked example
    mss = next(row for row in rows if "81.4%" in row)
    assert "| 113 | 92 |" in mss
    word = docx.Document(str(example_build / f"enforced-disappearances.general.{lang}.docx"))
    assert any(heading in p.text for p in word.paragraphs)
    assert any(len(table.rows) == 15 for table in word.tables)


def test_evidence_files_load_back_with_the_standard_library(example_build: Path) -> None:
    with (example_build / "enforced-disappearances.evidence.en.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    data = json.loads((example_build / "enforced-disappearances.evidence.en.json").read_text(encoding="utf-8"))
    assert [row["id"] for row in rows] == [item["id"] for item in data]
    mss = next(item for item in data if item["id"] == "mss-jurisdiction")
    assert (mss["value"], mss["base"], mss["count"]) == ("81.4", 113, 92)
    assert mss["sources"][0]["publisher"] == "Transitional Justice Working Group"
    men = next(row for row in rows if row["id"] == "men")
    # 58.4% of 113 = 65.99 -> 66: derived, so never in the column of given counts
    assert (men["count"], men["derived_count"]) == ("", "66")
    assert (mss["count"], mss["derived_count"]) == (92, None)
    assert next(item for item in data if item["id"] == "men")["count"] is None


def test_a_failing_brief_builds_nothing_unless_drafted(make_brief: Callable[..., Path], tmp_path: Path) -> None:
    brief = make_brief(MINIMAL_BRIEF.replace("value: 81.4", "value: 81.7").replace("    count: 92\n", ""))
    out = tmp_path / "out"
    refused = CliRunner().invoke(main, ["build", str(brief), "--format", "md,docx", "-o", str(out)])
    assert refused.exit_code == 1
    assert "consistency.percent-base" in refused.output
    assert not out.exists()

    drafted = CliRunner().invoke(main, ["build", str(brief), "--format", "md,docx", "--draft", "-o", str(out)])
    assert drafted.exit_code == 0, drafted.output
    assert "DRAFT" in drafted.output
    first_lines = next(out.glob("*.en.md")).read_text(encoding="utf-8").split("## ")[0]
    assert "DRAFT" in first_lines
    assert "초안" in next(out.glob("*.ko.md")).read_text(encoding="utf-8").split("## ")[0]
    properties = docx.Document(str(next(out.glob("*.en.docx")))).core_properties
    assert "Draft" in (properties.content_status, properties.category)
