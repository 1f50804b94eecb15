"""An organisation's own Word template, made in LibreOffice: letterhead, logo and page setup kept, the pack's
structure, notes and Korean typography still hold, and LibreOffice and pandoc read the result."""

from __future__ import annotations

import struct
import subprocess
import zipfile
import zlib
from pathlib import Path

import docx
import pytest
from docx.shared import Cm

from briefbuilder import build
from testdata import MINIMAL_BRIEF, require_tool

LETTERHEAD = "Example Centre for Human Rights"
ADDRESS = "Example Centre, 1 Example Street, Seoul"


def logo_png(width: int = 40, height: int = 20) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\x00" + b"\xcc\x00\x00" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A letterhead with a logo in its header, saved by LibreOffice as .docx and as a Word template (.dotx)."""
    soffice = require_tool("soffice")
    folder = tmp_path_factory.mktemp("template")
    (folder / "logo.png").write_bytes(logo_png())
    draft = docx.Document()
    section = draft.sections[0]
    section.left_margin = Cm(3.5)
    header = section.header.paragraphs[0]
    header.text = LETTERHEAD + " "
    header.add_run().add_picture(str(folder / "logo.png"), width=Cm(2))
    section.footer.paragraphs[0].text = ADDRESS
    draft.add_paragraph("Letter text the brief replaces.")
    draft.save(str(folder / "draft.docx"))
    made = {}
    for suffix, filter_name in (("docx", "MS Word 2007 XML"), ("dotx", "MS Word 2007 XML Template")):
        subprocess.run([soffice, f"-env:UserInstallation=file://{folder}/profile", "--headless", "--convert-to",
                        f"{suffix}:{filter_name}", "--outdir", str(folder / "lo"), str(folder / "draft.docx")],
                       check=True, capture_output=True, timeout=300)
        made[suffix] = folder / "lo" / f"draft.{suffix}"
    return made


def build_with(template: Path, folder: Path, formats: list[str]) -> Path:
    (folder / "brief").mkdir()
    (folder / "brief" / f"letterhead{template.suffix}").write_bytes(template.read_bytes())
    brief = MINIMAL_BRIEF.replace("  date: 2024-11-20\n", "  date: 2024-11-20\n  settings: {pack: "
                                  f"{{reference_docx: letterhead{template.suffix}}}}}\n")
    (folder / "brief" / "brief.yaml").write_text(brief, encoding="utf-8")
    build(folder / "brief", folder / "out", formats=formats)
    return folder / "out"


def run(*command: str) -> str:
    return subprocess.run(command, check=True, capture_output=True, text=True, timeout=300).stdout


@pytest.mark.slow
def test_a_libreoffice_letterhead_frames_the_brief_in_word_libreoffice_and_pandoc(
        templates: dict[str, Path], tmp_path: Path) -> None:
    out = build_with(templates["docx"], tmp_path, ["docx", "pdf"])
    written = docx.Document(str(out / "brief.general.en.docx"))
    section = written.sections[0]
    assert abs(section.left_margin.cm - 3.5) < 0.01  # the template's page setup
    assert LETTERHEAD in "".join(p.text for p in section.header.paragraphs)
    assert any("image" in rel.reltype for rel in section.header.part.rels.values())  # the logo
    assert [p.style.name for p in written.paragraphs][:2] == ["Title", "Subtitle"]  # the pack's structure

    english = run(require_tool("pdftotext"), str(out / "brief.general.en.pdf"), "-")
    assert LETTERHEAD in english and ADDRESS in english and "Findings" in english
    assert "Example Publisher, The Report (31 October 2024), p" in english  # the notes
    images = run(require_tool("pdfimages"), "-list", str(out / "brief.general.en.pdf")).splitlines()[2:]
    assert any(line.split()[3:5] == ["40", "20"] for line in images), "the logo is on the page"

    markdown = run(require_tool("pandoc"), str(out / "brief.general.en.docx"), "-t", "markdown")
    assert "[^1]" in markdown.split("# Annex")[0] and "[^1]: Example Publisher, *The Report*" in markdown

    korean = run(require_tool("pdftotext"), str(out / "brief.general.ko.pdf"), "-")
    assert LETTERHEAD in korean and "2024년 11월 20일" in korean  # set solid: no space between 2024 and 년
    styles = docx.Document(str(out / "brief.general.ko.docx")).styles.element.xml
    assert 'w:eastAsia="en-US"' not in styles  # the template's own East Asian language does not tag Korean text


def test_a_word_template_dotx_is_accepted(templates: dict[str, Path], tmp_path: Path) -> None:
    out = build_with(templates["dotx"], tmp_path, ["docx"])
    written = docx.Document(str(out / "brief.general.en.docx"))
    assert LETTERHEAD in "".join(p.text for p in written.sections[0].header.paragraphs)
    with zipfile.ZipFile(out / "brief.general.en.docx") as package:  # a document, not a template, as Word's New does
        assert b"wordprocessingml.document.main" in package.read("[Content_Types].xml")
