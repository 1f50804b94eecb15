"""Memory of the load and check stages on the worked example scaled up, each scale in a fresh process.

Usage: python benchmarks/load_memory.py [--scales 1000,7143]

7143 copies are 100,000 statistics (a 90 MB brief.yaml). For each scale a new
Python process imports briefbuilder, loads the brief with its packs, catalog
and locales (``load_inputs``), then runs every rule (``run_rules``, without
rendered documents, so render's memory is not counted), with the cyclic
collector paused as a build pauses it. The process's resident memory
(VmRSS) and its high-water mark (VmHWM, from /proc/self/status) are printed
after each step.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

REPOSITORY = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPOSITORY / "benchmarks"))

from stages import scaled_brief  # noqa: E402

MEASURE = """
import datetime as dt, gc, sys, time
sys.path.insert(0, {repository!r})

def status():
    fields = dict(line.split(":", 1) for line in open("/proc/self/status"))
    return int(fields["VmRSS"].split()[0]) // 1024, int(fields["VmHWM"].split()[0]) // 1024

from briefbuilder.check import run_rules
from briefbuilder.check.findings import CheckContext
from briefbuilder.load.inputs import load_inputs
import briefbuilder.render, briefbuilder.write  # everything a build imports
gc.disable()
print(*status(), 0.0)
start = time.perf_counter()
inputs = load_inputs({file!r}, audiences=["general"], languages=["ko", "en"])
print(*status(), time.perf_counter() - start)
start = time.perf_counter()
context = CheckContext(brief=inputs.brief, pack=inputs.packs["general"], languages=("ko", "en"),
                       catalog=inputs.catalog, today=dt.date(2026, 1, 1), documents={{}},
                       statements=inputs.statements)
findings = run_rules(context)
print(*status(), time.perf_counter() - start)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="1000,7143")
    args = parser.parse_args()
    print("| size | statistics | after imports | after load (peak) | after check (peak) | load | check |")
    print("|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        for scale in (int(s) for s in args.scales.split(",")):
            data = scaled_brief(scale)
            file = Path(folder) / f"scaled-{scale}.yaml"
            file.write_text(yaml.dump(data, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), allow_unicode=True),
                            encoding="utf-8")
            del data
            output = subprocess.run([sys.executable, "-c", MEASURE.format(repository=str(REPOSITORY), file=str(file))],
                                    check=True, capture_output=True, text=True).stdout.split("\n")
            (imported, _, _), (loaded, load_peak, load_s), (checked, check_peak, check_s) = (
                [float(value) for value in line.split()] for line in output[:3])
            print(f"| {scale}x | {scale * 14:,} | {imported:.0f} MB | {loaded:.0f} MB ({load_peak:.0f} MB) | "
                  f"{checked:.0f} MB ({check_peak:.0f} MB) | {load_s:.1f} s | {check_s:.1f} s |", flush=True)


if __name__ == "__main__":
    main()
