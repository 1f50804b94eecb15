"""The PDF writer: LibreOffice's layout of the .docx, and a clear error where there is no LibreOffice."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from testdata import EXAMPLE, require_tool

import briefbuilder
from briefbuilder.cli import EXIT_BAD_INPUT, main


def test_without_libreoffice_pdf_is_a_one_line_error_saying_how_to_install_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))  # no soffice, no libreoffice
    result = CliRunner().invoke(main, ["build", str(EXAMPLE), "--lang", "en", "--format", "md,pdf",
                                       "-o", str(tmp_path / "out")])
    assert result.exit_code == EXIT_BAD_INPUT
    problem = [line for line in result.output.splitlines() if "LibreOffice" in line]
    assert len(problem) == 1 and "apt-get install libreoffice" in problem[0]
    assert "PDF output needs LibreOffice, which was not found" in problem[0]  # the cause, not a failed conversion
    assert "Traceback" not in result.output
    assert not (tmp_path / "out").exists()  # nothing written, not even the Markdown


def test_the_api_writes_a_pdf_with_embedded_fonts_and_korean_set_solid(tmp_path: Path) -> None:
    require_tool("soffice")
    result = briefbuilder.build(EXAMPLE, tmp_path, languages=["ko"], formats=["pdf"], audiences=["gov-briefing"])
    [pdf] = result.outputs
    assert pdf.read_bytes().startswith(b"%PDF-")
    fonts = subprocess.run([require_tool("pdffonts"), str(pdf)], check=True, capture_output=True,
                           text=True).stdout.splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts)
    assert any("NanumMyeongjo" in line for line in fonts)  # 휴먼명조 missing here: its named fallback
    text = subprocess.run([require_tool("pdftotext"), str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout
    assert "113명" in text and "113 명" not in text
