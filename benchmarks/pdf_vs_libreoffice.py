"""Time briefbuilder's PDFs against LibreOffice converting the same .docx files itself.

Usage: python benchmarks/pdf_vs_libreoffice.py [--runs N]

Side by side on this machine, each figure the median of N runs (default 3):

1. Builds. For one audience (the worked example's own, ko and en) and for every
   audience (ko and en): ``briefbuilder build --format docx,pdf`` as a user runs
   it (a new process: load, check, render, the Word files, then the PDFs),
   against one ``soffice --convert-to pdf`` call converting the .docx files that
   build wrote, with a fresh profile as briefbuilder uses: LibreOffice's own
   cost for the same pages, the floor of any PDF build that goes through it.
2. Warm, per document. Every document of the every-audience build, by turns:
   ``PdfConverter.pdf_bytes(document)`` with LibreOffice already running (the
   Word file written, adjusted, laid out; the Word writer's share is shown
   apart), then LibreOffice's own conversion of
   that document's .docx in another running instance (load, export with the
   same PDF options, close; driven over UNO from outside, nothing adjusted).

The ratio is the first figure over the second.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPOSITORY))

import briefbuilder  # noqa: E402
from briefbuilder.write.libreoffice import uno_python  # noqa: E402
from briefbuilder.write.pdf import PDF_FILTER, PDF_OPTIONS  # noqa: E402

EXAMPLE = REPOSITORY / "examples" / "enforced-disappearances"
JOBS = {"one audience": ["general"], "every audience": ["all"]}
# Run by a Python with uno: LibreOffice's own conversion, in a running instance, of each .docx path it reads
# on its standard input; it answers each with the seconds that took.
PLAIN_CONVERSION = """
import json, sys, time, uno
from com.sun.star.beans import PropertyValue
def properties(**values): return tuple(PropertyValue(Name=k, Value=v) for k, v in values.items())
pipe, out, options = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
local = uno.getComponentContext()
resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
for _ in range(1200):
    try:
        context = resolver.resolve(f"uno:{pipe};StarOffice.ComponentContext"); break
    except Exception: time.sleep(0.05)
desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
for line in sys.stdin:
    started = time.perf_counter()
    document = desktop.loadComponentFromURL(uno.systemPathToFileUrl(line.strip()), "_blank", 0,
                                            properties(Hidden=True, ReadOnly=True))
    data = uno.Any("[]com.sun.star.beans.PropertyValue", properties(**options["filter_data"]))
    document.storeToURL(uno.systemPathToFileUrl(out), properties(FilterName=options["filter"], FilterData=data))
    document.close(True)
    print(time.perf_counter() - started, flush=True)
"""


def timed(command: list[str], cwd: Path | None = None) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, cwd=cwd)
    return time.perf_counter() - started


def build_command(audiences: list[str], out: Path) -> list[str]:
    return [sys.executable, "-m", "briefbuilder", "build", str(EXAMPLE), "--audience", ",".join(audiences),
            "--lang", "ko,en", "--format", "docx,pdf", "-o", str(out)]


def builds(soffice: str, runs: int) -> None:
    print(f"{'job':<16} {'files':>5} {'briefbuilder':>13} {'LibreOffice':>12} {'ratio':>6}")
    for job, audiences in JOBS.items():
        ours, theirs = [], []
        for _ in range(runs):
            with tempfile.TemporaryDirectory() as folder:
                out = Path(folder) / "out"
                ours.append(timed(build_command(audiences, out), cwd=REPOSITORY))
                docx = sorted(str(path) for path in out.glob("*.docx"))
                profile = Path(folder) / "profile"
                theirs.append(timed([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
                                     "--norestore", "--convert-to", "pdf", "--outdir", str(Path(folder) / "lo"),
                                     *docx]))
        mine, floor = statistics.median(ours), statistics.median(theirs)
        print(f"{job:<16} {len(docx):>5} {mine:>12.2f}s {floor:>11.2f}s {mine / floor:>5.2f}x")


def warm(soffice: str, runs: int) -> None:
    """Each document, by turns: the warm converter, then LibreOffice's own conversion in its running instance."""
    python = uno_python(soffice)
    if python is None:
        sys.exit("no Python can import uno: the warm converter runs soffice --convert-to per call")
    built = briefbuilder.build_documents(EXAMPLE, languages=["ko", "en"], audiences=["all"])
    documents = list(built.documents.values())
    ours: dict[str, list[float]] = {document.file_name("pdf"): [] for document in documents}
    word: dict[str, list[float]] = {document.file_name("pdf"): [] for document in documents}
    theirs: dict[str, list[float]] = {document.file_name("pdf"): [] for document in documents}
    with tempfile.TemporaryDirectory() as folder, briefbuilder.PdfConverter() as converter:
        work = Path(folder)
        files = {}
        for document in documents:
            files[document.file_name("pdf")] = path = work / document.file_name("docx")
            path.write_bytes(briefbuilder.document_bytes(document, "docx"))
        pipe = f"pipe,name=benchmark-{uuid.uuid4().hex};urp"
        office = subprocess.Popen([soffice, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless",
                                   "--invisible", "--norestore", "--nodefault", f"--accept={pipe};"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        options = json.dumps({"filter": PDF_FILTER, "filter_data": PDF_OPTIONS})
        plain = subprocess.Popen([python, "-c", PLAIN_CONVERSION, pipe, str(work / "lo.pdf"), options],
                                 stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert plain.stdin is not None and plain.stdout is not None

        def libreoffice_alone(path: Path) -> float:
            plain.stdin.write(f"{path}\n")
            plain.stdin.flush()
            return float(plain.stdout.readline())

        try:
            converter.pdf_bytes(documents[0])  # both LibreOffices started and warm
            libreoffice_alone(files[documents[0].file_name("pdf")])
            for _ in range(runs):
                for document in documents:
                    name = document.file_name("pdf")
                    started = time.perf_counter()
                    briefbuilder.document_bytes(document, "docx")  # the Word writer's share, measured apart
                    word[name].append(time.perf_counter() - started)
                    started = time.perf_counter()
                    converter.pdf_bytes(document)
                    ours[name].append(time.perf_counter() - started)
                    theirs[name].append(libreoffice_alone(files[name]))
        finally:
            plain.stdin.close()
            plain.wait()
            os.killpg(office.pid, signal.SIGKILL)  # soffice runs LibreOffice as its child, in its process group
            office.wait()
    print(f"\n{'warm, per document':<48} {'briefbuilder':>13} {'(Word file)':>12} {'LibreOffice':>12} {'ratio':>6}")
    for name in ours:
        mine, docx, floor = (statistics.median(spans[name]) for spans in (ours, word, theirs))
        print(f"{name:<48} {mine:>12.3f}s {docx:>11.3f}s {floor:>11.3f}s {mine / floor:>5.2f}x")
    mine, docx, floor = (sum(statistics.median(spans) for spans in measured.values()) for measured in (ours, word, theirs))
    print(f"{'all ten':<48} {mine:>12.3f}s {docx:>11.3f}s {floor:>11.3f}s {mine / floor:>5.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        sys.exit("LibreOffice is not installed")
    builds(soffice, runs)
    warm(soffice, runs)


if __name__ == "__main__":
    main()
