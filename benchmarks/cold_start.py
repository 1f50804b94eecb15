"""Whole processes, side by side: briefbuilder from a cold start against pandoc.

Usage: python benchmarks/cold_start.py [--runs N] [--audience NAME]

Times, as a user's shell would run them (median of N runs each, interleaved so
both tools see the same machine load):

- ``briefbuilder build`` of one audience, ko+en, md+docx (4 files: load, check,
  render, write), against pandoc converting the same two Markdown files to .docx
  (two processes, as one would script it); once as every run after the first
  (the cache of compiled templates and messages, reference documents and the
  catalog is warm, briefbuilder/cache.py) and once as the first run after an
  install or upgrade (an empty cache folder each time);
- ``briefbuilder build --audience all`` (every pack: 5x the documents) against
  the one-audience build;
- ``briefbuilder --help`` against a bare ``python3 -c pass``.

Needs the ``briefbuilder`` command on PATH (pip install .) and pandoc.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "enforced-disappearances"


def seconds(command: list[str], cache: str | None = None) -> float:
    environment = dict(os.environ, BRIEFBUILDER_CACHE_DIR=cache) if cache is not None else None
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=environment)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--audience", default="un-upr")
    args = parser.parse_args()
    briefbuilder, pandoc = shutil.which("briefbuilder"), shutil.which("pandoc")
    if briefbuilder is None or pandoc is None:
        sys.exit("needs briefbuilder (pip install .) and pandoc on PATH")
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        build = [briefbuilder, "build", str(EXAMPLE), "--lang", "ko,en", "--format", "md,docx", "-o"]
        one = [*build, str(out / "one"), "--audience", args.audience]
        every = [*build, str(out / "all"), "--audience", "all"]
        subprocess.run(one, check=True, capture_output=True)
        markdown = sorted((out / "one").glob("*.md"))
        convert = [[pandoc, "-f", "markdown", "-t", "docx", "-o", str(md.with_suffix(".pandoc.docx")), str(md)]
                   for md in markdown]
        timings: dict[str, list[float]] = {name: [] for name in ("build", "first", "pandoc", "all", "help", "python")}
        for run in range(args.runs):
            timings["build"].append(seconds(one))
            timings["first"].append(seconds(one, cache=str(out / f"empty-cache-{run}")))
            timings["pandoc"].append(sum(seconds(command) for command in convert))
            timings["all"].append(seconds(every))
            timings["help"].append(seconds([briefbuilder, "--help"]))
            timings["python"].append(seconds([sys.executable, "-c", "pass"]))
    median = {name: statistics.median(values) for name, values in timings.items()}
    print(f"| what | median of {args.runs} | ratio |")
    print("|---|---|---|")
    print(f"| briefbuilder build, one audience ({args.audience}; ko+en, md+docx) | {median['build']:.3f} s | "
          f"{median['build'] / median['pandoc']:.1f}x pandoc |")
    print(f"| the same, first run after an install (empty cache) | {median['first']:.3f} s | "
          f"{median['first'] / median['pandoc']:.1f}x pandoc |")
    print(f"| pandoc, the same two .md files to .docx | {median['pandoc']:.3f} s | 1 |")
    print(f"| briefbuilder build --audience all | {median['all']:.3f} s | "
          f"{median['all'] / median['build']:.1f}x one audience |")
    print(f"| briefbuilder --help | {median['help']:.3f} s | {median['help'] / median['python']:.1f}x bare python |")
    print(f"| python3 -c pass | {median['python']:.3f} s | |")


if __name__ == "__main__":
    main()
