"""The worked example's Word files, built by the CLI and opened with the readers recipients use."""

from __future__ import annotations

import hashlib
import re
import subprocess
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from lxml import etree
from testdata import EXAMPLE, footnote_references, require_tool

from briefbuilder.cli import main
from briefbuilder.markdown_tree import parse_markdown

NS = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
AUDIENCES = ("general", "un-upr", "un-treaty-body", "un-wgeid", "gov-briefing")


def build(out: Path) -> Path:
    result = CliRunner().invoke(main, ["build", str(EXAMPLE), "--audience", "all", "--lang", "ko,en",
                                       "--format", "docx,md", "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("example"))


@pytest.fixture(scope="module")
def pdf_text(out: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Every .docx laid out by LibreOffice (one run), as pdftotext reads it, by file stem."""
    soffice, pdftotext = require_tool("soffice"), require_tool("pdftotext")
    pdfs = tmp_path_factory.mktemp("pdf")
    profile = tmp_path_factory.mktemp("libreoffice-profile")
    files = sorted(out.glob("*.docx"))
    subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(pdfs), *map(str, files)], check=True, capture_output=True, timeout=600)
    texts = {}
    for file in files:
        pdf = pdfs / f"{file.stem}.pdf"
        assert pdf.is_file(), f"LibreOffice could not convert {file.name}"
        texts[file.stem] = subprocess.run([pdftotext, str(pdf), "-"], check=True, capture_output=True,
                                          text=True).stdout
    return texts


def files(out: Path) -> list[tuple[Path, Path]]:
    """Each .docx with the Markdown built beside it."""
    pairs = [(path, path.with_suffix(".md")) for path in sorted(out.glob("*.docx"))]
    assert len(pairs) == 2 * len(AUDIENCES)
    return pairs


def test_every_citation_is_one_word_footnote_referenced_from_the_body(out: Path) -> None:
    for docx_file, markdown_file in files(out):
        cited = len(footnote_references(parse_markdown(markdown_file.read_text(encoding="utf-8"))))
        document = docx.Document(str(docx_file))
        notes = etree.fromstring(document.part.part_related_by(RT.FOOTNOTES).blob)
        ids = notes.xpath("w:footnote[not(@w:type) or @w:type='normal']/@w:id", namespaces=NS)
        references = document.element.body.xpath(".//w:footnoteReference/@w:id")
        assert cited > 0 and len(ids) == cited, docx_file.name
        assert sorted(references, key=int) == ids, docx_file.name


@pytest.mark.parametrize("language", ["ko", "en"])
def test_pandoc_reads_footnotes_and_headings(out: Path, language: str) -> None:
    markdown = subprocess.run([require_tool("pandoc"), "-f", "docx", "-t", "markdown", "--wrap=none",
                               str(out / f"enforced-disappearances.general.{language}.docx")],
                              check=True, capture_output=True, text=True).stdout
    assert re.search(r"^\[\^1\]: ", markdown, flags=re.MULTILINE)  # a footnote, not a typed number
    assert re.search(r"^# \S", markdown, flags=re.MULTILINE)  # a heading, not a bold paragraph
    assert "81.4%" in markdown


def test_libreoffice_lays_out_every_file_and_korean_in_korean(out: Path, pdf_text: dict[str, str]) -> None:
    korean = pdf_text["enforced-disappearances.general.ko"]
    squeezed = re.sub(r"\s+", "", korean)
    assert "국가보위성관할하의북한주민강제실종" in squeezed and "81.4%" in korean
    assert "국가보위성" in pdf_text["enforced-disappearances.gov-briefing.ko"]
    assert "per cent" in pdf_text["enforced-disappearances.un-upr.en"]


def test_two_builds_give_the_same_bytes(out: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    again = build(tmp_path)
    for docx_file, _ in files(out):
        first = hashlib.sha256(docx_file.read_bytes()).hexdigest()
        assert hashlib.sha256((again / docx_file.name).read_bytes()).hexdigest() == first, docx_file.name
