"""Time briefbuilder's PDF build against LibreOffice converting the same .docx files in one call.

Usage: python benchmarks/pdf_vs_libreoffice.py [--runs N]

For one audience (the worked example's own, ko and en) and for every audience
(ko and en), it times, side by side on this machine:

- ``briefbuilder build --format docx,pdf`` as a user runs it (a new process:
  load, check, render, the Word files, then the PDFs);
- ``soffice --convert-to pdf`` of the .docx files that build wrote, all in one
  call, with a fresh profile as briefbuilder uses: LibreOffice's own cost for
  the same pages, the floor of any PDF build that goes through it.

Each figure is the median of N runs (default 3); the ratio is the first over the second.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
EXAMPLE = REPOSITORY / "examples" / "enforced-disappearances"
JOBS = {"one audience": ["general"], "every audience": ["all"]}


def timed(command: list[str], cwd: Path | None = None) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, cwd=cwd)
    return time.perf_counter() - started


def build_command(audiences: list[str], out: Path) -> list[str]:
    return [sys.executable, "-m", "briefbuilder", "build", str(EXAMPLE), "--audience", ",".join(audiences),
            "--lang", "ko,en", "--format", "docx,pdf", "-o", str(out)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        sys.exit("LibreOffice is not installed")
    print(f"{'job':<16} {'files':>5} {'briefbuilder':>13} {'LibreOffice':>12} {'ratio':>6}")
    for job, audiences in JOBS.items():
        ours, theirs = [], []
        for _ in range(runs):
            with tempfile.TemporaryDirectory() as folder:
                out = Path(folder) / "out"
                ours.append(timed(build_command(audiences, out)))
                docx = sorted(str(path) for path in out.glob("*.docx"))
                profile = Path(folder) / "profile"
                theirs.append(timed([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
                                     "--norestore", "--convert-to", "pdf", "--outdir", str(Path(folder) / "lo"),
                                     *docx]))
        mine, floor = statistics.median(ours), statistics.median(theirs)
        print(f"{job:<16} {len(docx):>5} {mine:>12.2f}s {floor:>11.2f}s {mine / floor:>5.1f}x")


if __name__ == "__main__":
    main()
