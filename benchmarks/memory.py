"""Peak memory of building one .docx of the worked example scaled 1x to 7143x (100,000 statistics).

Usage: python benchmarks/memory.py [--scales 1,1000,7143] [--lang en] [--audience general]

Each scale's brief is written by ``stages.scaled_brief`` (the brief grows as a
user's does: statistics, groups and sections repeated, each copy with its own
ids), then built by ``briefbuilder.pipeline.build`` in a fresh process, one
language, one audience, .docx only. The figure is that process's peak resident
size, read by the process itself from ``VmHWM`` in ``/proc/self/status`` as it
ends. (Not the parent's ``ru_maxrss`` of its children: Linux counts in a child's
peak the pages it shared with the parent when it was forked, here the parent's
copy of the scaled brief, about 600 MB at 7143x.)
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

REPOSITORY = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPOSITORY))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from stages import scaled_brief  # noqa: E402

_BUILD = """
import sys
from briefbuilder.pipeline import build
build(sys.argv[1], sys.argv[2], languages=sys.argv[3], audiences=sys.argv[4], formats="docx", draft=True)
with open("/proc/self/status") as status:
    print(next(line.split()[1] for line in status if line.startswith("VmHWM:")))
"""


def peak_mib(brief: Path, out: Path, language: str, audience: str) -> tuple[float, float]:
    """The peak resident size (MiB) and the seconds of a build of `brief` in a process of its own."""
    start = time.perf_counter()
    built = subprocess.run([sys.executable, "-c", _BUILD, str(brief), str(out), language, audience],
                           check=True, cwd=REPOSITORY, capture_output=True, text=True)
    return int(built.stdout.split()[-1]) / 1024, time.perf_counter() - start  # VmHWM is in KiB


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="1,1000,7143")
    parser.add_argument("--lang", default="en")
    parser.add_argument("--audience", default="general")
    arguments = parser.parse_args()
    print("| copies | statistics | YAML | peak | seconds |\n|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        for copies in sorted(int(scale) for scale in arguments.scales.split(",")):
            brief = Path(folder) / f"brief-{copies}.yaml"
            brief.write_text(yaml.dump(scaled_brief(copies), Dumper=yaml.CSafeDumper, allow_unicode=True),
                             encoding="utf-8")
            peak, seconds = peak_mib(brief, Path(folder) / "out", arguments.lang, arguments.audience)
            statistics = len(scaled_brief(1)["statistics"]) * copies
            print(f"| {copies} | {statistics:,} | {brief.stat().st_size / 2**20:.1f} MB | {peak:.0f} MiB "
                  f"| {seconds:.1f} |", flush=True)


if __name__ == "__main__":
    main()
