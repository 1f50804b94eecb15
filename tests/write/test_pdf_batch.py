"""All the PDFs of a build come from one LibreOffice run per pass, each to its own document; and they are
archival (PDF/A-2b) and tagged, with their language and title."""

from __future__ import annotations

import hashlib
import io
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from testdata import EXAMPLE, require_tool

import briefbuilder
from briefbuilder.write import document_bytes

# A stand-in for soffice: logs each run, and "converts" a .docx to a flat ODF carrying the .docx's digest,
# and anything to a PDF carrying the digest of the .docx it came from.
FAKE_SOFFICE = r'''#!{python}
import hashlib, json, re, sys
from pathlib import Path
args = sys.argv[1:]
target = args[args.index("--convert-to") + 1]
out = Path(args[args.index("--outdir") + 1])
sources = [a for a in args[args.index("--outdir") + 2:]]
with open({log!r}, "a") as log:
    log.write(json.dumps({{"target": target, "files": len(sources)}}) + "\n")
out.mkdir(parents=True, exist_ok=True)
for source in map(Path, sources):
    data = source.read_bytes()
    if source.suffix == ".docx":
        digest = hashlib.sha256(data).hexdigest()
    else:
        digest = re.search(rb'source="([0-9a-f]+)"', data).group(1).decode()
    suffix = target.split(":")[0]
    if suffix == "fodt":
        (out / (source.stem + ".fodt")).write_text(
            '<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" source="%s"><office:body/></office:document>'
            % digest)
    else:
        (out / (source.stem + ".pdf")).write_text("PDF:" + digest)
'''


def test_a_build_starts_libreoffice_once_per_pass_and_each_pdf_is_its_own_document(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    log = tmp_path / "runs.log"
    fake = tmp_path / "bin" / "soffice"
    fake.parent.mkdir()
    fake.write_text(FAKE_SOFFICE.format(python=sys.executable, log=str(log)), encoding="utf-8")
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{fake.parent}{os.pathsep}{os.environ['PATH']}")
    built = briefbuilder.build_documents(EXAMPLE, languages=["ko", "en"], audiences=["all"])
    result = briefbuilder.build(EXAMPLE, tmp_path / "out", languages=["ko", "en"], audiences=["all"],
                                formats=["pdf"])
    runs = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    assert len(result.outputs) == len(built.documents) == 10
    assert len(runs) <= 2 and sum(run["files"] for run in runs if run["target"].startswith("pdf")) == 10
    for document in built.documents.values():
        expected = "PDF:" + hashlib.sha256(document_bytes(document, "docx")).hexdigest()
        assert (tmp_path / "out" / document.file_name("pdf")).read_text(encoding="utf-8") == expected


def test_a_pdf_is_archival_tagged_and_says_its_language_and_title(tmp_path: Path) -> None:
    require_tool("soffice")
    document = briefbuilder.render_brief(EXAMPLE, "ko", audience="un-wgeid")
    pdf = tmp_path / "case.pdf"
    pdf.write_bytes(document_bytes(document, "pdf"))
    info = subprocess.run([require_tool("pdfinfo"), str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "Tagged:          yes" in info
    title = docx.Document(io.BytesIO(document_bytes(document, "docx"))).core_properties.title
    assert title and f"Title:           {title}" in info  # the Word file's title, the case's here
    data = pdf.read_bytes()
    assert b"<pdfaid:part>2</pdfaid:part>" in data and b"<pdfaid:conformance>B</pdfaid:conformance>" in data
    assert b"/Lang(ko-KR)" in data
    fonts = subprocess.run([require_tool("pdffonts"), str(pdf)], capture_output=True, text=True, check=True).stdout
    assert all(line.split()[-5] == "yes" for line in fonts.splitlines()[2:])  # every font embedded
