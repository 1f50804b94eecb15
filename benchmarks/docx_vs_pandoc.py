"""Time briefbuilder's Word writer against pandoc on the same Markdown.

Usage: python benchmarks/docx_vs_pandoc.py [MARKDOWN] [--lang ko|en] [--audience NAME] [--runs N]

By default the input is the worked example (examples/enforced-disappearances)
rendered in process for AUDIENCE (default: its own) in LANG (default: Korean);
a MARKDOWN file is used as given. The body (everything from the first ``##``
heading up to the footnote definitions) is repeated to make 1x, 10x and 100x
documents, with footnote labels renumbered so every copy has its own notes.

briefbuilder is timed in process (``docx_bytes``, parse to bytes, as the CLI
calls it); pandoc as the ``pandoc -f markdown -t docx`` process a user would
run, so its figure includes process start-up, shown separately. Each figure
is the median of N runs.
"""

from __future__ import annotations

import argparse
import gc
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPOSITORY))

from briefbuilder import render_brief  # noqa: E402
from briefbuilder.document import RenderedDocument  # noqa: E402
from briefbuilder.write.docx import docx_bytes  # noqa: E402

EXAMPLE = REPOSITORY / "examples" / "enforced-disappearances"
SCALES = (1, 10, 100)
_DEFINITION = re.compile(r"^\[\^([^\]]+)\]:", re.MULTILINE)


def scaled(markdown: str, copies: int) -> str:
    """`markdown` with its body repeated `copies` times and footnotes renumbered."""
    first_definition = _DEFINITION.search(markdown)
    definitions_at = first_definition.start() if first_definition else len(markdown)
    body_at = markdown.find("\n## ")
    head, body, notes = markdown[:body_at], markdown[body_at:definitions_at], markdown[definitions_at:]
    labels = _DEFINITION.findall(notes)

    def relabel(text: str, copy: int) -> str:
        for label in labels:
            text = text.replace(f"[^{label}]", f"[^{copy}x{label}]")
        return text

    return head + "".join(relabel(body, copy) for copy in range(copies)) + "\n" + "".join(
        relabel(notes, copy) for copy in range(copies)
    )


def paused_collector(write: Callable[[RenderedDocument], bytes], document: RenderedDocument) -> bytes:
    """``write(document)`` with the cyclic collector paused, as ``briefbuilder build`` runs its writers."""
    gc.disable()
    try:
        return write(document)
    finally:
        gc.enable()


def median_seconds(action: Callable[[], object], runs: int) -> float:
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("markdown", nargs="?", type=Path, help="a Markdown file (default: the worked example)")
    parser.add_argument("--lang", default="ko", help="language of the worked example (default: ko)")
    parser.add_argument("--audience", help="audience pack for the worked example (default: its own)")
    parser.add_argument("--runs", type=int, default=7)
    arguments = parser.parse_args()
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        print("pandoc is not installed", file=sys.stderr)
        return 1
    example = render_brief(EXAMPLE, arguments.lang, audience=arguments.audience)
    source = arguments.markdown.read_text(encoding="utf-8") if arguments.markdown else example.markdown
    name = arguments.markdown or f"{EXAMPLE.relative_to(REPOSITORY)} ({arguments.audience or 'own audience'}, {arguments.lang})"
    version = subprocess.run([pandoc, "--version"], capture_output=True, text=True).stdout.split("\n")[0]
    print(f"input: {name}, {len(source)} characters; {version}; median of {arguments.runs} runs")

    with tempfile.TemporaryDirectory() as directory:
        output = Path(directory) / "out.docx"

        def run_pandoc(markdown_file: Path) -> None:
            subprocess.run([pandoc, "-f", "markdown", "-t", "docx", "-o", str(output), str(markdown_file)], check=True)

        empty = Path(directory) / "empty.md"
        empty.write_text("")
        startup = median_seconds(lambda: run_pandoc(empty), arguments.runs)
        print(f"pandoc start-up (empty input): {startup * 1000:.0f} ms")
        print(f"{'size':>5} {'chars':>9} {'briefbuilder':>13} {'pandoc':>9} {'ratio':>6}")
        for copies in SCALES:
            markdown = scaled(source, copies)
            markdown_file = Path(directory) / f"brief-{copies}.md"
            markdown_file.write_text(markdown, encoding="utf-8")
            document = RenderedDocument(markdown, example.info, example.layout)
            docx_bytes(document)  # warm-up: builds the default reference once
            ours = median_seconds(lambda: paused_collector(docx_bytes, document), arguments.runs)
            theirs = median_seconds(lambda: run_pandoc(markdown_file), arguments.runs)
            print(f"{copies:>4}x {len(markdown):>9} {ours * 1000:>10.1f} ms {theirs * 1000:>6.0f} ms {theirs / ours:>5.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
