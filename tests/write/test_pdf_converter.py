"""A PdfConverter keeps one LibreOffice running across calls: it starts it again when it dies, stops it when a
document takes too long, carries nothing from one document to the next, and serves several threads in turn."""

from __future__ import annotations

import dataclasses
import os
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from testdata import EXAMPLE, require_tool

import briefbuilder
from briefbuilder import BriefError, PdfConverter, RenderedDocument
from briefbuilder.write import libreoffice


def read_back(pdf: bytes, folder: Path) -> tuple[str, str]:
    """The PDF's text as laid out (pdftotext -layout) and the names of its fonts (pdffonts)."""
    path = folder / f"{os.urandom(8).hex()}.pdf"
    path.write_bytes(pdf)
    text = subprocess.run([require_tool("pdftotext"), "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    fonts = subprocess.run([require_tool("pdffonts"), str(path)], capture_output=True, text=True, check=True).stdout
    return text, "\n".join(sorted(line.split()[0].partition("+")[2] for line in fonts.splitlines()[2:]))


def office_of(converter: PdfConverter) -> subprocess.Popen[bytes]:
    assert converter._office is not None
    return converter._office._state.processes[0]


@pytest.fixture(scope="module")
def korean() -> RenderedDocument:
    return briefbuilder.render_brief(EXAMPLE, "ko", audience="un-upr")  # endnotes, Korean line breaking, no gaps


@pytest.fixture(scope="module")
def plain_korean(korean: RenderedDocument) -> RenderedDocument:
    """The same Korean document with none of the adjustments: what would show one that stayed behind."""
    typography = dataclasses.replace(korean.layout.typography, wrap_by_word=False, east_asian_autospace=True)
    return dataclasses.replace(korean, layout=dataclasses.replace(korean.layout, typography=typography,
                                                                  notes="footnotes"))


def test_a_libreoffice_killed_between_two_documents_is_started_again(korean: RenderedDocument,
                                                                      tmp_path: Path) -> None:
    require_tool("soffice")
    with PdfConverter() as converter:
        before = converter.pdf_bytes(korean)
        office = office_of(converter)
        os.killpg(office.pid, signal.SIGKILL)  # LibreOffice and the soffice that started it
        office.wait()
        after = converter.pdf_bytes(korean)
        assert office_of(converter).pid != office.pid
    assert read_back(after, tmp_path) == read_back(before, tmp_path)


def test_no_document_carries_anything_to_the_next(korean: RenderedDocument, plain_korean: RenderedDocument,
                                                  tmp_path: Path) -> None:
    require_tool("soffice")
    with PdfConverter() as converter:
        converted = [converter.pdf_bytes(document) for document in (korean, plain_korean, korean)]
    with PdfConverter() as fresh:
        plain_alone = fresh.pdf_bytes(plain_korean)
    with PdfConverter() as fresh:
        korean_alone = fresh.pdf_bytes(korean)
    plain_text = read_back(plain_alone, tmp_path)
    assert plain_text != read_back(korean_alone, tmp_path)  # the adjustments show, so one left behind would
    assert read_back(converted[1], tmp_path) == plain_text
    assert read_back(converted[0], tmp_path) == read_back(converted[2], tmp_path) == read_back(korean_alone, tmp_path)


def test_threads_converting_at_once_each_get_their_own_pdf_from_one_libreoffice(tmp_path: Path) -> None:
    require_tool("soffice")
    built = briefbuilder.build_documents(EXAMPLE, languages=["ko", "en"], audiences=["general", "un-wgeid"])
    documents = list(built.documents.values())
    with PdfConverter() as converter:
        one_by_one = [read_back(converter.pdf_bytes(document), tmp_path) for document in documents]
        office = office_of(converter)
        with ThreadPoolExecutor(len(documents)) as pool:
            at_once = list(pool.map(converter.pdf_bytes, documents * 2))
        assert office_of(converter) is office and office.poll() is None  # the same LibreOffice throughout
    assert [read_back(pdf, tmp_path) for pdf in at_once] == one_by_one * 2


# A worker that connects and then never answers: a document LibreOffice never finishes.
SILENT_WORKER = """import json, sys, time
print(json.dumps({"connected": True}), flush=True)
sys.stdin.readline()
time.sleep(600)
"""


def test_a_document_past_the_timeout_stops_libreoffice_and_fails_in_one_line(
        korean: RenderedDocument, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    worker = tmp_path / "worker.py"
    worker.write_text(SILENT_WORKER, encoding="utf-8")
    office = tmp_path / "bin" / "soffice"
    office.parent.mkdir()
    office.write_text(f"#!/bin/sh\necho $$ >> {tmp_path / 'started'}\nexec sleep 600\n", encoding="utf-8")
    office.chmod(0o755)
    monkeypatch.setenv("PATH", f"{office.parent}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setattr(libreoffice, "WORKER", worker)
    monkeypatch.setattr(libreoffice, "SYSTEM_PYTHON", Path(sys.executable))
    with PdfConverter(timeout=1) as converter:
        with pytest.raises(BriefError, match=r"LibreOffice took more than 1 s to lay out .*\.un-upr\.ko\.pdf"):
            converter.pdf_bytes(korean)
        [pid] = map(int, (tmp_path / "started").read_text().split())
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)  # stopped, not left running
        with pytest.raises(BriefError, match="took more than 1 s"):  # the next call starts a new one
            converter.pdf_bytes(korean)
    assert len((tmp_path / "started").read_text().split()) == 2


KILLED_MIDWAY = """import os, signal, sys
import briefbuilder
document = briefbuilder.render_brief(sys.argv[1], "en", audience="un-wgeid")
converter = briefbuilder.PdfConverter()
converter.pdf_bytes(document)
print(converter._office._state.profile, flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


def running_with(text: str) -> list[int]:
    """The processes (not zombies) whose command line holds `text`."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and text.encode() in (entry / "cmdline").read_bytes() \
                    and (entry / "stat").read_text().split(") ")[-1][0] != "Z":
                found.append(int(entry.name))
        except OSError:
            continue
    return found


def test_a_briefbuilder_killed_outright_leaves_no_libreoffice_running() -> None:
    require_tool("soffice")
    if not Path("/proc/self/cmdline").is_file():
        pytest.skip("reads the running processes from /proc")
    killed = subprocess.run([sys.executable, "-c", KILLED_MIDWAY, str(EXAMPLE)], capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": str(Path(briefbuilder.__file__).parent.parent)})
    assert killed.returncode == -signal.SIGKILL
    profile = killed.stdout.strip()
    assert profile
    deadline = time.monotonic() + 30
    while running_with(profile) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert running_with(profile) == []


def test_a_worker_python_that_cannot_run_is_a_one_line_error(korean: RenderedDocument, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    office = tmp_path / "bin" / "soffice"
    office.parent.mkdir()
    office.write_text("#!/bin/sh\nexec sleep 600\n", encoding="utf-8")
    office.chmod(0o755)
    unrunnable = tmp_path / "python"
    unrunnable.write_text("not a program", encoding="utf-8")  # a file, but not executable
    monkeypatch.setenv("PATH", f"{office.parent}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setattr(libreoffice, "SYSTEM_PYTHON", unrunnable)
    monkeypatch.setattr(libreoffice.importlib.util, "find_spec", lambda name: None)  # as if this Python had no uno
    with PdfConverter() as converter, pytest.raises(BriefError, match="LibreOffice could not be started: .*python"):
        converter.pdf_bytes(korean)


STARTED_WITH = """
import os, sys
from briefbuilder.write import libreoffice

def start(self):
    loaded = sorted(name for name in sys.modules if name.split(".")[:2] in (["briefbuilder", "check"],
                    ["briefbuilder", "load"], ["briefbuilder", "render"], ["briefbuilder", "pipeline"]))
    print("loaded when LibreOffice started:", loaded, flush=True)
    os._exit(0)

libreoffice.RunningOffice.start = start
from briefbuilder.cli import main
main(["build", sys.argv[1], "--format", "docx,pdf", "-o", sys.argv[2]])
"""


def test_a_pdf_build_starts_libreoffice_before_loading_the_brief(tmp_path: Path) -> None:
    """LibreOffice takes longer to start than a brief takes to load, check and render, so the CLI starts it
    before it imports any of that (docs/performance.md: the every-audience build within 1.3x)."""
    shown = subprocess.run([sys.executable, "-c", STARTED_WITH, str(EXAMPLE), str(tmp_path / "out")],
                           capture_output=True, text=True, timeout=120)
    assert "loaded when LibreOffice started: []" in shown.stdout, shown.stdout + shown.stderr
    assert not (tmp_path / "out").exists()
