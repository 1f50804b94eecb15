"""All the PDFs of a build come from one LibreOffice, each document through it once and to its own PDF;
without UNO, from one ``soffice --convert-to`` run per pass. The PDFs are archival (PDF/A-2b) and tagged,
with their language and title."""

from __future__ import annotations

import hashlib
import importlib.util
import io
import json
import os
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from testdata import EXAMPLE, require_tool

import briefbuilder
from briefbuilder.write import document_bytes, libreoffice

# A stand-in for soffice: logs each run, and "converts" a .docx to a flat ODF carrying the digest of the
# .docx's core properties (which name the document), and anything to a PDF carrying that digest.
FAKE_SOFFICE = r'''#!{python}
import hashlib, json, re, sys, zipfile
from pathlib import Path
args = sys.argv[1:]
with open({log!r}, "a") as log:
    log.write(json.dumps(args) + "\n")
target = args[args.index("--convert-to") + 1]
out = Path(args[args.index("--outdir") + 1])
sources = [a for a in args[args.index("--outdir") + 2:]]
out.mkdir(parents=True, exist_ok=True)
for source in map(Path, sources):
    if source.suffix == ".docx":
        digest = hashlib.sha256(zipfile.ZipFile(source).read("docProps/core.xml")).hexdigest()
    else:
        digest = re.search(rb'source="([0-9a-f]+)"', source.read_bytes()).group(1).decode()
    suffix = target.split(":")[0]
    if suffix == "fodt":
        (out / (source.stem + ".fodt")).write_text(
            '<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" source="%s"><office:body/></office:document>'
            % digest)
    else:
        (out / (source.stem + ".pdf")).write_text("PDF:" + digest)
'''
# A soffice that logs how it was started and starts the real one.
LOGGING_SOFFICE = """#!/bin/sh
printf '%s\\n' "$*" >> {log}
exec {soffice} "$@"
"""


def _on_path(monkeypatch: pytest.MonkeyPatch, folder: Path, script: str) -> None:
    command = folder / "soffice"
    command.parent.mkdir()
    command.write_text(script, encoding="utf-8")
    command.chmod(command.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{command.parent}{os.pathsep}{os.environ['PATH']}")


def test_a_build_starts_one_libreoffice_for_every_pdf_and_each_pdf_is_its_own_document(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    log = tmp_path / "runs.log"
    _on_path(monkeypatch, tmp_path / "bin", LOGGING_SOFFICE.format(log=log, soffice=require_tool("soffice")))
    built = briefbuilder.build_documents(EXAMPLE, languages=["ko", "en"], audiences=["all"])
    result = briefbuilder.build(EXAMPLE, tmp_path / "out", languages=["ko", "en"], audiences=["all"],
                                formats=["pdf"])
    runs = log.read_text(encoding="utf-8").splitlines()
    assert len(runs) == 1 and "--accept=pipe" in runs[0] and "--convert-to" not in runs[0]  # one, driven over UNO
    assert len(result.outputs) == len(built.documents) == 10
    words = {key: set(" ".join(p.text for p in docx.Document(io.BytesIO(document_bytes(document, "docx"))).paragraphs)
                      .split()) for key, document in built.documents.items()}
    for key, document in built.documents.items():
        pdf = tmp_path / "out" / document.file_name("pdf")
        info = subprocess.run([require_tool("pdfinfo"), str(pdf)], capture_output=True, text=True, check=True).stdout
        assert f"Title:           {docx.Document(io.BytesIO(document_bytes(document, 'docx'))).core_properties.title}\n" \
            in info
        shown = set(subprocess.run([require_tool("pdftotext"), str(pdf), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
        closest = max(words, key=lambda other: len(words[other] & shown) / len(words[other] | shown))
        assert closest == key  # the PDF holds this document's text, no other's


# A Python without uno that takes a while to start: LibreOffice (here the stand-in, which cannot be driven
# over UNO and stops at once) has stopped before the worker says it cannot import uno.
SLOW_PYTHON = """#!/bin/sh
sleep 1
exec {python} "$@"
"""


@pytest.mark.parametrize("worker_starts", ["at once", "after LibreOffice stopped"])
def test_without_uno_a_build_runs_soffice_once_per_pass_and_each_pdf_is_its_own_document(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, worker_starts: str) -> None:
    if importlib.util.find_spec("uno") is not None:
        pytest.skip("this Python can import uno: LibreOffice would be driven over UNO")
    python = Path(sys.executable)  # a Python without uno
    if worker_starts == "after LibreOffice stopped":
        python = tmp_path / "slow-python"
        python.write_text(SLOW_PYTHON.format(python=sys.executable), encoding="utf-8")
        python.chmod(0o755)
    monkeypatch.setattr(libreoffice, "SYSTEM_PYTHON", python)
    log = tmp_path / "runs.log"
    _on_path(monkeypatch, tmp_path / "bin", FAKE_SOFFICE.format(python=sys.executable, log=str(log)))
    built = briefbuilder.build_documents(EXAMPLE, languages=["ko", "en"], audiences=["all"])
    result = briefbuilder.build(EXAMPLE, tmp_path / "out", languages=["ko", "en"], audiences=["all"],
                                formats=["pdf"])
    runs = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    conversions = [run[run.index("--convert-to") + 1] for run in runs if "--convert-to" in run]
    assert len(result.outputs) == len(built.documents) == 10
    assert len(conversions) == 2 and conversions[0] == "fodt" and conversions[1].startswith("pdf:")
    expected = set()
    for document in built.documents.values():
        core = zipfile.ZipFile(io.BytesIO(document_bytes(document, "docx"))).read("docProps/core.xml")
        expected.add(digest := "PDF:" + hashlib.sha256(core).hexdigest())
        assert (tmp_path / "out" / document.file_name("pdf")).read_text(encoding="utf-8") == digest
    assert len(expected) == 10


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


def test_a_batch_of_cases_lays_out_every_pdf_with_one_libreoffice(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    log = tmp_path / "runs.log"
    _on_path(monkeypatch, tmp_path / "bin", LOGGING_SOFFICE.format(log=log, soffice=require_tool("soffice")))
    results = briefbuilder.build_cases(EXAMPLE, EXAMPLE / "cases.csv", tmp_path / "out", languages="en",
                                       formats="pdf")
    assert len(results) == 2 and all(result.ok for result in results)
    assert len(log.read_text(encoding="utf-8").splitlines()) == 1
    assert sorted(path.name for path in (tmp_path / "out").iterdir()) == sorted(
        path.name for result in results for path in result.outputs)
