"""Peak memory of building one .docx of the worked example scaled 1x to 7143x (100,000 statistics).

Usage: python benchmarks/memory.py [--scales 1,1000,7143] [--lang en] [--audience general]

Each scale's brief is written by ``stages.scaled_brief`` (the brief grows as a
user's does: statistics, groups and sections repeated, each copy with its own
ids), then built by ``briefbuilder.pipeline.build`` in a fresh process, one
language, one audience, .docx only. The figure is that process's peak resident
size (``ru_maxrss``), so nothing measured before stays in it.
"""

from __future__ import annotations

import argparse
import resource
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
"""


def peak_mib(brief: Path, out: Path, language: str, audience: str) -> tuple[float, float]:
    """The peak resident size (MiB) and the seconds of a build of `brief` in a process of its own."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", _BUILD, str(brief), str(out), language, audience],
                   check=True, cwd=REPOSITORY)
    # ru_maxrss of the children waited for: the largest, in KiB on Linux
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="1,1000,7143")
    parser.add_argument("--lang", default="en")
    parser.add_argument("--audience", default="general")
    arguments = parser.parse_args()
    print("| copies | statistics | YAML | peak | seconds |\n|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        # smallest first: a child's peak is the largest so far
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
