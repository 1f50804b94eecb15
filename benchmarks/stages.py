"""Time every pipeline stage on the worked example scaled 1x, 10x, 100x and 1000x.

Usage: python benchmarks/stages.py [--scales 1,10,100,1000] [--runs N] [--audience NAME]

The brief is scaled as a user's brief grows: its statistics, groups and
sections are repeated, each copy with its own ids and references pointing at
its own copy, so a 100x brief has 100 times the figures, notes and text. Each
stage is timed in process (median of N runs, one for the largest scale):

- load:   YAML file -> :class:`~briefbuilder.Brief` plus packs, catalog, locales
- check:  every rule, on the documents rendered for it (``check_brief``)
- render: both languages, once each
- md, docx: the writers on the rendered documents

The last column, ``growth``, is each stage's time over the previous scale's:
linear cost grows about 10x per row.
"""

from __future__ import annotations

import argparse
import copy
import gc
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

REPOSITORY = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPOSITORY))

from briefbuilder.check import run_rules  # noqa: E402
from briefbuilder.check.findings import CheckContext  # noqa: E402
from briefbuilder.document import RenderedDocument  # noqa: E402
from briefbuilder.load.inputs import Inputs, load_inputs  # noqa: E402
from briefbuilder.render import render_document  # noqa: E402
from briefbuilder.write import writer  # noqa: E402

EXAMPLE = REPOSITORY / "examples" / "enforced-disappearances" / "brief.yaml"
LANGUAGES = ("ko", "en")
STAGES = ("load", "check", "render", "md", "docx")


def scaled_brief(copies: int) -> dict[str, Any]:
    """The worked example with its statistics, groups and sections repeated ``copies`` times.

    The first copy keeps the example's ids, so the summary, recommendations and
    other parts that refer to them stay valid.
    """
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    if copies == 1:
        return data
    ids = [statistic["id"] for statistic in data["statistics"]]
    statistics_, groups, sections = [], [], []
    for copy_number in range(copies):
        suffix = f"-{copy_number}" if copy_number else ""

        def own(text: str) -> str:
            for statistic_id in ids:
                text = text.replace(f"[[stat:{statistic_id}|", f"[[stat:{statistic_id}{suffix}|")
                text = text.replace(f"[[stat:{statistic_id}]]", f"[[stat:{statistic_id}{suffix}]]")
            return text

        for statistic in data["statistics"]:
            repeated = copy.deepcopy(statistic)
            repeated["id"] = f"{statistic['id']}{suffix}"
            if isinstance(statistic.get("base"), str):
                repeated["base"] = f"{statistic['base']}{suffix}"
            statistics_.append(repeated)
        groups += [{"id": f"{g['id']}{suffix}", "parts": [f"{p}{suffix}" for p in g["parts"]]}
                   for g in data["groups"]]
        sections += [{**section, "id": f"{section['id']}{suffix}",
                      "text": {lang: own(text) for lang, text in section["text"].items()}}
                     for section in data["sections"]]
    data.update(statistics=statistics_, groups=groups, sections=sections)
    return data


def median_seconds(action: Callable[[], object], runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def time_stages(file: Path, audience: str, runs: int) -> dict[str, float]:
    """Each stage's median, with the cyclic collector paused as briefbuilder.pipeline pauses it for a build."""
    gc.disable()
    try:
        return _time_stages(file, audience, runs)
    finally:
        gc.enable()


def _time_stages(file: Path, audience: str, runs: int) -> dict[str, float]:
    seconds: dict[str, float] = {}
    seconds["load"], inputs = median_seconds(
        lambda: load_inputs(file, audiences=[audience], languages=LANGUAGES), runs)
    seconds["render"], documents = median_seconds(lambda: _render_each(inputs, audience), runs)
    context = CheckContext(brief=inputs.brief, pack=inputs.packs[audience], languages=LANGUAGES,
                           catalog=inputs.catalog, documents=documents, statements=inputs.statements)
    seconds["check"], _ = median_seconds(lambda: run_rules(context), runs)
    for fmt in ("md", "docx"):
        seconds[fmt], _ = median_seconds(lambda: [writer(fmt)(d) for d in documents.values()], runs)
    return seconds


def _render_each(inputs: Inputs, audience: str) -> dict[str, RenderedDocument]:
    """Every language rendered, each render's reference cycles freed after it, as ``pipeline._render_all`` does."""
    documents = {}
    for language in LANGUAGES:
        documents[language] = render_document(inputs, audience, language)
        gc.collect(0)
    return documents


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="1,10,100,1000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--audience", default="general")
    args = parser.parse_args()
    scales = [int(s) for s in args.scales.split(",")]
    print(f"| size | {' | '.join(STAGES)} | total | growth |")
    print(f"|---|{'---|' * len(STAGES)}---|---|")
    previous = None
    with tempfile.TemporaryDirectory() as folder:
        for scale in scales:
            file = Path(folder) / f"scaled-{scale}.yaml"
            file.write_text(yaml.safe_dump(scaled_brief(scale), allow_unicode=True, sort_keys=False), encoding="utf-8")
            seconds = time_stages(file, args.audience, 1 if scale >= 1000 else args.runs)
            total = sum(seconds.values())
            growth = f"{total / previous:.1f}x" if previous else ""
            cells = " | ".join(f"{seconds[stage]:.3f} s" for stage in STAGES)
            print(f"| {scale}x | {cells} | {total:.2f} s | {growth} |", flush=True)
            previous = total


if __name__ == "__main__":
    main()
