"""One link policy for every output: http, https and mailto (subject and body only), nothing else.

The links a document holds are read back from what a reader opens: the .docx
relationships and the PDF's link annotations.
"""

from __future__ import annotations

import dataclasses
import html
import io
import re
import zipfile
from pathlib import Path

import pytest
from testdata import MINIMAL_BRIEF, require_tool

import briefbuilder
from briefbuilder.errors import BriefError

TEXT = '      en: "Of [[stat:victims]], [[stat:share|share]] vanished."'
REFUSED = [
    "<https://example.org/in-angle-brackets>",  # escaped in a narrative: a relative link to "%3Chttps..."
    r"\\\\host\\share\\report.docx",
    "//host/share/report.docx",
    "file:///etc/passwd",
    "ms-word:ofe|u|https://example.org/a.docx",
    "javascript:alert(1)",
    "mailto:a@example.org?attach=/etc/passwd",
    "mailto:a@example.org?subject=Hi&bcc=b@example.org",
    "report.docx",
]
OPENING_FILES = [destination for destination in REFUSED if not destination.startswith("<")]
ALLOWED = ["https://example.org/report", "http://example.org/a?b=c", "mailto:a@example.org?subject=Hi&body=Thanks"]


def _brief(tmp_path: Path, destinations: list[str]) -> Path:
    links = " ".join(f"[link {index}]({destination})" for index, destination in enumerate(destinations))
    text = MINIMAL_BRIEF.replace(TEXT, f"      en: |\n        Of [[stat:victims]] vanished.\n\n        {links}\n")
    (tmp_path / "brief.yaml").write_text(text, encoding="utf-8")
    return tmp_path / "brief.yaml"


@pytest.mark.parametrize("destination", REFUSED)
def test_a_link_a_reader_would_open_as_a_file_or_program_is_refused_at_load_with_its_line(
        destination: str, tmp_path: Path) -> None:
    brief = _brief(tmp_path, [ALLOWED[0], destination])
    with pytest.raises(BriefError) as error:
        briefbuilder.load_inputs(brief)
    (problem,) = error.value.problems
    line = brief.read_text(encoding="utf-8").splitlines().index(next(
        line for line in brief.read_text(encoding="utf-8").splitlines() if "[link 1]" in line)) + 1
    assert problem.location is not None and (problem.location.file, problem.location.line) == (str(brief), line)
    assert problem.message.startswith(f"the link '{destination.replace('<', chr(92) + '<')}' is refused")


def _docx_links(docx: bytes) -> set[str]:
    """Every external target the document's relationships point at (what Word opens on a click)."""
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        rels = "".join(package.read(name).decode() for name in package.namelist() if name.endswith(".rels"))
    return {html.unescape(target) for target, mode in re.findall(r'Target="([^"]*)"[^>]*?TargetMode="(\w+)"', rels)
            if mode == "External"}


def _pdf_links(pdf: Path) -> set[str]:
    """Every /URI action in the PDF (LibreOffice writes link annotations as plain objects)."""
    return {uri.decode() for uri in re.findall(rb"/URI\s*\(([^)]*)\)", pdf.read_bytes())}


def _hostile_document(tmp_path: Path) -> briefbuilder.RenderedDocument:
    """A rendered document whose text links everywhere: what a writer gets if a check were ever skipped."""
    document = briefbuilder.render_brief(_brief(tmp_path, ALLOWED), "en")
    links = " ".join(f"[bad {index}]({destination})" for index, destination in enumerate(OPENING_FILES))
    return dataclasses.replace(document, markdown=document.markdown + f"\n{links}\n")


def test_the_word_writer_keeps_allowed_links_and_writes_no_other(tmp_path: Path) -> None:
    docx = briefbuilder.document_bytes(_hostile_document(tmp_path), "docx")
    assert _docx_links(docx) == set(ALLOWED)
    text = zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml").decode()
    assert "bad 0" in text and f"bad {len(OPENING_FILES) - 1}" in text  # the text stays, without its link


def test_the_pdf_holds_the_allowed_links_only(tmp_path: Path) -> None:
    require_tool("soffice")
    target = tmp_path / "out.pdf"
    briefbuilder.save_document(_hostile_document(tmp_path), target, "pdf")
    assert _pdf_links(target) == set(ALLOWED)


def test_a_template_writing_a_refused_link_is_stopped_by_name(tmp_path: Path) -> None:
    pack = tmp_path / "packs" / "memo"
    pack.mkdir(parents=True)
    (pack / "pack.yaml").write_text("description: {en: Memo}\ntemplate: memo.md.j2\n", encoding="utf-8")
    (pack / "memo.md.j2").write_text("# Memo\n\n[open](file:///etc/passwd) [ok](https://example.org)\n",
                                     encoding="utf-8")
    with pytest.raises(BriefError) as error:
        briefbuilder.render_brief(_brief(tmp_path, ALLOWED), "en", audience="memo",
                                  template_dirs=[tmp_path / "packs"])
    (problem,) = error.value.problems
    assert "writes a link no document may hold: 'file:///etc/passwd'" in problem.message
    assert problem.location is not None and problem.location.file == str(pack / "memo.md.j2")
