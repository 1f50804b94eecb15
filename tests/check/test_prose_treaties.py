"""Treaty statements in the author's prose are judged against the catalog, in ko, en and fr.

The corpus (data/prose_treaties.yaml) holds sentences with the verdict the
check must reach. Each becomes a section of a brief, so every finding has a
line to be matched to its sentence. The test prints precision and recall for
errors (a false claim caught) and fails on any missed false claim, any false
alarm, or any other verdict than the one expected.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import yaml

from briefbuilder.check import CheckContext, Finding, run_rules
from briefbuilder.load.inputs import load_inputs
from testdata import EXAMPLE

CORPUS = Path(__file__).with_name("data") / "prose_treaties.yaml"
DEFAULT_DATE = dt.date(2024, 11, 15)
RULES = {"claims.prose-contradiction": "error", "claims.prose-unverifiable": "warning"}


def _corpus() -> list[dict[str, object]]:
    return yaml.safe_load(CORPUS.read_text(encoding="utf-8"))["sentences"]  # type: ignore[no-any-return]


def _prose_findings(path: Path) -> list[Finding]:
    inputs = load_inputs(path)
    pack = next(iter(inputs.packs.values()))
    context = CheckContext(inputs.brief, pack, inputs.languages, inputs.catalog, statements=inputs.statements)
    return [finding for finding in run_rules(context) if finding.rule in RULES]


def _brief_of(sentences: list[dict[str, object]], day: dt.date) -> tuple[str, dict[int, int]]:
    """A brief with one section per sentence, and the line each sentence is on -> its index."""
    lines = ["brief:", "  title: Corpus", "  organisation: {name: Corpus}", f"  date: {day}",
             "  languages: [en, ko, fr]", "sections:"]
    on_line: dict[int, int] = {}
    for index, sentence in enumerate(sentences):
        lines += [f"  - id: s{index}", "    heading: Section", "    text:", f"      {sentence['lang']}: |"]
        lines.append(f"        {sentence['text']}")
        on_line[len(lines)] = index
    return "\n".join(lines) + "\n", on_line


def test_corpus_verdicts(tmp_path: Path) -> None:
    corpus = _corpus()
    assert len(corpus) >= 60 and {s["lang"] for s in corpus} == {"en", "ko", "fr"}
    by_date: dict[dt.date, list[int]] = defaultdict(list)
    for index, sentence in enumerate(corpus):
        by_date[sentence.get("date", DEFAULT_DATE)].append(index)  # type: ignore[arg-type]
    got: dict[int, str] = {}
    for day, indices in by_date.items():
        text, on_line = _brief_of([corpus[i] for i in indices], day)
        path = tmp_path / str(day) / "brief.yaml"
        path.parent.mkdir()
        path.write_text(text, encoding="utf-8")
        for finding in _prose_findings(path):
            assert finding.location is not None and finding.location.line in on_line, finding
            index = indices[on_line[finding.location.line]]
            if got.get(index) != "error":  # an error outranks a warning on the same sentence
                got[index] = RULES[finding.rule]
    verdicts = [(sentence["expect"], got.get(index, "none"), sentence) for index, sentence in enumerate(corpus)]
    caught = sum(1 for expect, found, _ in verdicts if expect == found == "error")
    flagged = sum(1 for _, found, _ in verdicts if found == "error")
    false_claims = sum(1 for expect, _, _ in verdicts if expect == "error")
    print(f"\nprose treaty statements: {len(corpus)} sentences, {false_claims} false; "
          f"errors: precision {caught}/{flagged} = {caught / max(flagged, 1):.2f}, "
          f"recall {caught}/{false_claims} = {caught / max(false_claims, 1):.2f}")
    missed = [s["text"] for expect, found, s in verdicts if expect == "error" and found != "error"]
    false_alarms = [s["text"] for expect, found, s in verdicts if found == "error" and expect != "error"]
    assert not missed, f"false claims not caught: {missed}"
    assert not false_alarms, f"true or non-statements flagged as errors: {false_alarms}"
    wrong = [(s["text"], expect, found) for expect, found, s in verdicts if expect != found]
    assert not wrong, f"(sentence, expected, found): {wrong}"


SEED = """\
brief:
  title: Seed
  organisation: {name: Seed}
  date: 2024-11-15
  languages: [en, ko, fr]
sections:
  - id: seed
    heading: Seed
    text:
      en: |
        North Korea is party to the 1951 Refugee Convention.
        The Democratic People's Republic of Korea has ratified the Refugee Convention.
        [[state:KP]] is a State party to the [[treaty:refugee-convention-1951]].
      ko: |
        북한은 난민협약 당사국이다.
      fr: |
        La République populaire démocratique de Corée est partie à la Convention relative au statut des réfugiés.
"""


def test_seed_error_is_located_in_every_language(tmp_path: Path) -> None:
    path = tmp_path / "brief.yaml"
    path.write_text(SEED, encoding="utf-8")
    findings = _prose_findings(path)
    assert [(f.severity, f.location.line if f.location else None) for f in findings] == \
        [("error", 11), ("error", 12), ("error", 13), ("error", 15), ("error", 17)]
    assert all("is not a party to the Convention relating to the Status of Refugees" in f.message
               or "has not ratified or acceded to the Convention relating to the Status of Refugees" in f.message
               for f in findings)
    assert all("[[status:KP|refugee-convention-1951]]" in f.message for f in findings)


def test_party_between_deposit_and_entry_into_force_is_wrong(tmp_path: Path) -> None:
    """ICPPED art. 39(2): the ROK deposited on 4 January 2023 and became a party on 3 February 2023."""
    path = tmp_path / "brief.yaml"
    path.write_text(SEED.replace("2024-11-15", "2023-01-20").split("sections:")[0] + """\
sections:
  - id: rok
    heading: ROK
    text:
      en: |
        The Republic of Korea is a party to the Convention on Enforced Disappearance.
""", encoding="utf-8")
    [finding] = _prose_findings(path)
    assert finding.rule == "claims.prose-contradiction" and finding.location and finding.location.line == 11
    assert "not yet a party" in finding.message and "enters into force for it on 2023-02-03" in finding.message
    assert "art. 39(2)" in finding.message


def test_worked_example_has_no_prose_finding() -> None:
    assert _prose_findings(EXAMPLE / "brief.yaml") == []


def test_cli_check_fails_at_the_line_of_a_false_sentence(tmp_path: Path) -> None:
    """The worked example with one false sentence added to its prose: check exits non-zero, located."""
    shutil.copytree(EXAMPLE, tmp_path / "example")
    brief = tmp_path / "example" / "brief.yaml"
    text = brief.read_text(encoding="utf-8")
    anchor = "        [[status:KP|refugee-convention-1951]] The two States"
    assert anchor in text
    brief.write_text(text.replace(anchor, "        North Korea is party to the 1951 Refugee Convention.\n" + anchor),
                     encoding="utf-8")
    line = text[:text.index(anchor)].count("\n") + 1
    result = subprocess.run([sys.executable, "-m", "briefbuilder", "check", str(tmp_path / "example")],
                            capture_output=True, text=True, encoding="utf-8")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert re.search(rf"brief\.yaml:{line}: error: claims\.prose-contradiction: the Democratic People's Republic "
                     r"of Korea is not a party to the Convention relating to the Status of Refugees", output), output


def test_references_the_catalog_lacks_are_left_to_their_own_errors(tmp_path: Path) -> None:
    path = tmp_path / "brief.yaml"
    path.write_text(SEED.split("sections:")[0] + """\
sections:
  - id: unknown
    heading: Unknown
    text:
      en: "[[state:XX]] is a party to the [[treaty:no-such-treaty]]; [[state:KP]] has ratified [[law:nope|1]]."
""", encoding="utf-8")
    assert _prose_findings(path) == []
