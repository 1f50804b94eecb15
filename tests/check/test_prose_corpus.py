"""The prose rules against a corpus of sentences with their expected verdicts (tests/check/corpus/prose-figures.yaml).

Every sentence becomes a section of one brief, in its language, on a line of
its own; each finding of a prose rule is matched to its sentence by line. The
test prints precision and recall per rule and fails on any verdict the corpus
does not mark as a known limit.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

from briefbuilder.audience import Pack
from briefbuilder.load.catalog import catalog_for_brief
from briefbuilder.check import RULES, CheckContext
from briefbuilder.load.brief import load_brief
from briefbuilder.load.prose_figures import prose_figures_for

CORPUS = Path(__file__).with_name("corpus") / "prose-figures.yaml"
RULES_JUDGED = ("untraceable-number", "wrong-base", "qualified-group", "attribution")
HEADER = """\
brief:
  title: Prose corpus
  organisation:
    name: Example Centre
  date: 2024-11-20
  languages: [en, ko, fr]
"""


def corpus_brief(corpus: dict[str, Any]) -> tuple[str, dict[int, dict[str, Any]]]:
    """The corpus as one brief, and each sentence by the line its text is written on."""
    lines = [*HEADER.splitlines(), "sources:", *("  " + line for line in corpus["sources"].splitlines()),
             "statistics:", *("  " + line for line in corpus["statistics"].splitlines()), "sections:"]
    by_line = {}
    for index, sentence in enumerate(corpus["sentences"]):
        lines += [f"  - id: s{index}", "    heading: Sentence"]
        text = json.dumps(sentence["text"], ensure_ascii=False)
        lines.append(f"    text: {{{sentence['lang']}: {text}}}")
        by_line[len(lines)] = sentence
    return "\n".join(lines) + "\n", by_line


def judged(tmp_path: Path) -> tuple[dict[int, dict[str, Any]], dict[int, set[str]]]:
    corpus = yaml.safe_load(CORPUS.read_text(encoding="utf-8"))
    text, by_line = corpus_brief(corpus)
    path = tmp_path / "brief.yaml"
    path.write_text(text, encoding="utf-8")
    brief = load_brief(path)
    context = CheckContext(brief, Pack(name="t", description={"en": "t"}), ("en", "ko", "fr"),
                           catalog=catalog_for_brief(brief.directory), prose=prose_figures_for())
    found: dict[int, set[str]] = {line: set() for line in by_line}
    for rule in RULES_JUDGED:
        for finding in RULES[f"prose.{rule}"].function(context):
            assert finding.location is not None and finding.location.line in by_line, str(finding)
            found[finding.location.line].add(rule)
    return by_line, found


def test_corpus_verdicts(tmp_path: Path) -> None:
    by_line, found = judged(tmp_path)
    counts: Counter[tuple[str, str]] = Counter()
    unexpected = []
    for line, sentence in by_line.items():
        expected = set(sentence["expect"])
        for rule in RULES_JUDGED:
            outcome = {(True, True): "tp", (False, True): "fp", (True, False): "fn", (False, False): "tn"}[
                (rule in expected, rule in found[line])]
            counts[rule, outcome] += 1
        if found[line] != expected and not sentence.get("known"):
            unexpected.append(f"line {line} ({sentence['lang']}): expected {sorted(expected)}, "
                              f"found {sorted(found[line])}: {sentence['text']}")
        if sentence.get("known") and found[line] == expected:
            unexpected.append(f"line {line}: marked known '{sentence['known']}' but judged right now: "
                              f"remove the mark: {sentence['text']}")
    for rule in RULES_JUDGED:
        tp, fp, fn = counts[rule, "tp"], counts[rule, "fp"], counts[rule, "fn"]
        print(f"prose.{rule}: precision {tp}/{tp + fp}, recall {tp}/{tp + fn}")
    print(f"{len(by_line)} sentences ({', '.join(f'{k} {v}' for k, v in sorted(Counter(s['lang'] for s in by_line.values()).items()))})")
    assert not unexpected, "\n".join(unexpected)
