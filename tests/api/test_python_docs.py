"""The examples of docs/python.md run as written, do what the page says, and pass mypy --strict."""

from __future__ import annotations

import io
import re
import runpy
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT

from testdata import REPO, require_tool, without_source_tree

PAGE = REPO / "docs" / "python.md"
EXAMPLES = re.findall(r"```python\n(.*?)```", PAGE.read_text(encoding="utf-8"), flags=re.S)
NAMES = ["in_memory", "spreadsheet", "records", "cases", "pdf", "errors"]


def test_the_page_has_an_example_for_each_way_in() -> None:
    assert len(EXAMPLES) == len(NAMES)


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A user's folder holding the examples, as the page assumes."""
    shutil.copytree(REPO / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(name: str, capsys: pytest.CaptureFixture[str]) -> tuple[dict[str, Any], str, str]:
    namespace = runpy.run_path(str(write_example(Path.cwd(), name)))
    captured = capsys.readouterr()
    return namespace, captured.out, captured.err


def write_example(folder: Path, name: str) -> Path:
    path = folder / f"{name}.py"
    path.write_text(EXAMPLES[NAMES.index(name)], encoding="utf-8")
    return path


def test_the_in_memory_example_returns_docx_bytes_that_open_with_their_footnotes(
        workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    namespace, out, _ = run("in_memory", capsys)
    document = docx.Document(io.BytesIO(namespace["data"]))
    notes = document.part.part_related_by(RT.FOOTNOTES).blob.decode("utf-8")
    assert "Existing" in notes  # the report the figures are cited from
    assert docx.Document(io.BytesIO(namespace["stream"].getvalue())).core_properties.language == "ko-KR"
    assert out.startswith("# Enforced disappearances")
    assert not (workdir / "out").exists(), "in memory means nothing written"


def test_the_spreadsheet_example_reads_the_figures_at_their_cells(workdir: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    namespace, out, _ = run("spreadsheet", capsys)
    location = namespace["victims"].where("value")
    assert location.file == str(Path("examples/enforced-disappearances/statistics.xlsx"))
    assert location.place == "Statistics!B4"  # the victims' row, the value column
    assert "0 errors after the update" in out


def test_the_records_example_reads_nan_as_missing_and_flat_labels(workdir: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    namespace, out, _ = run("records", capsys)
    victims = namespace["from_records"].statistic("victims")
    assert victims.count is None and victims.base is None and victims.value == 113
    assert victims.label.get("ko") == "조사한 강제실종 피해자"
    assert "0 errors with the figures from records" in out


def test_the_batch_example_builds_every_case_with_progress(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    namespace, out, err = run("cases", capsys)
    assert all(result.ok for result in namespace["results"])
    assert err.count("case ") == len(namespace["results"]) == 2
    assert len(list((workdir / "out" / "cases").iterdir())) == 2 * 2 * 2


def test_the_pdf_example_lays_out_pdfs_and_a_build_with_one_libreoffice(
        workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    require_tool("soffice")
    namespace, out, _ = run("pdf", capsys)
    assert sorted(namespace["pdfs"]) == [("un-wgeid", "en"), ("un-wgeid", "ko")]
    assert all(pdf.startswith(b"%PDF-") for pdf in namespace["pdfs"].values())
    assert (workdir / "out" / "enforced-disappearances.un-wgeid.en.pdf").read_bytes().startswith(b"%PDF-")
    assert out.strip().endswith("enforced-disappearances.un-wgeid.en.pdf")


def test_the_errors_example_catches_each_kind(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run("errors", capsys)
    assert "<python>:sections[0].text.en: error: sections[0].text.en: unknown statistic 'no-such-figure'" in out
    assert "enforced-disappearances.gov-briefing.ko.docx" in out


@pytest.mark.slow
def test_the_examples_pass_mypy_strict_against_the_installed_package(installed_python: Path, tmp_path: Path) -> None:
    scripts = [str(write_example(tmp_path, name)) for name in NAMES]
    result = subprocess.run([str(installed_python), "-m", "mypy", "--strict", "--no-incremental",
                             "--python-executable", str(installed_python), *scripts],
                            cwd=tmp_path, capture_output=True, text=True, env=without_source_tree())
    assert result.returncode == 0, result.stdout + result.stderr
    located = subprocess.run([str(installed_python), "-c", "import briefbuilder; print(briefbuilder.__file__)"],
                             cwd=tmp_path, capture_output=True, text=True, check=True,
                             env=without_source_tree()).stdout
    assert str(installed_python.parent.parent) in located, "mypy must have checked the installed copy"
