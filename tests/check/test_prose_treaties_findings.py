"""What a treaty-status finding on the author's prose says, which texts are read, and the line it points at.

The catalog beside each brief records a North Korean accession to the Convention
against Torture, unconfirmed (deposited 2020-03-02, in force 30 days later): the
catalog then agrees with "party" but cannot confirm it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rulecheck import HEADER, check

from briefbuilder.check import RULES, CheckContext, Finding, prose_treaties
from briefbuilder.load.inputs import load_inputs

CAT = "the Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment"
DPRK = "the Democratic People's Republic of Korea"
LANGUAGES = ("en", "ko", "fr")


def section(text: str) -> str:
    """A brief body whose one section has ``text`` (YAML, indented under ``text:``)."""
    return f"sections:\n  - id: s\n    heading: S\n    text:\n{text}"


def prose_findings(tmp_path: Path, body: str) -> list[Finding]:
    (tmp_path / "catalog.yaml").write_text(
        "status:\n  KP:\n    cat: {action: accession, date: 2020-03-02, confidence: unconfirmed, "
        "source: press report, replaces: true}\n", encoding="utf-8")
    return [f for f in check(tmp_path, body, languages=LANGUAGES).findings if f.rule.startswith("claims.prose-")]


@pytest.mark.parametrize(("sentence", "said", "leans"), [
    ("North Korea is a party to the Convention against Torture.", "is a party to",
     "the catalog agrees but its record is unconfirmed"),
    ("North Korea is not a party to the Convention against Torture.", "is not a party to",
     "the catalog says otherwise, unconfirmed"),
])
def test_an_unconfirmed_record_leaves_the_statement_unverified_and_says_which_way_it_leans(
        tmp_path: Path, sentence: str, said: str, leans: str) -> None:
    [finding] = prose_findings(tmp_path, section(f"      en: {sentence}\n"))
    assert (finding.severity, finding.rule) == ("warning", "claims.prose-unverifiable")
    assert finding.message.startswith(f"cannot verify that {DPRK} {said} {CAT}: {leans} (catalog as of ")
    assert "accession 2020-03-02, unconfirmed; source: press report" in finding.message
    assert finding.message.endswith(f': "{sentence}"; state the status with [[status:KP|cat]]')


def test_a_signature_the_catalog_does_not_record_is_unverified_with_what_it_does_record(tmp_path: Path) -> None:
    [finding] = prose_findings(tmp_path, section("      en: China has signed the Convention against Torture.\n"))
    assert (finding.severity, finding.rule) == ("warning", "claims.prose-unverifiable")
    assert finding.message.startswith(
        f"cannot verify that China has signed {CAT}: the catalog records China's ratification of {CAT} "
        "but no signature (catalog as of 2026-11: ratification 1988-10-04, confirmed;")
    assert finding.message.endswith(': "China has signed the Convention against Torture."; '
                                    "state the status with [[status:CN|cat]]")


@pytest.mark.parametrize(("sentence", "truth", "said"), [
    ("North Korea is a party to the Refugee Convention.",
     f"{DPRK} is not a party to the Convention relating to the Status of Refugees", "it is a party to it"),
    ("China is not a party to the Refugee Convention.",
     "China is a party to the Convention relating to the Status of Refugees since 1982-09-24 (accession)",
     "it is not a party to it"),
])
def test_a_contradiction_says_what_is_true_and_what_the_sentence_says(
        tmp_path: Path, sentence: str, truth: str, said: str) -> None:
    [finding] = prose_findings(tmp_path, section(f"      en: {sentence}\n"))
    assert (finding.severity, finding.rule) == ("error", "claims.prose-contradiction")
    assert finding.message.startswith(f'{truth}, but the sentence says {said}: "{sentence}" (catalog as of ')


def test_the_finding_quotes_its_own_sentence_on_one_line_and_points_at_its_status_words(tmp_path: Path) -> None:
    body = section("      en: |\n"
                   "        It signed nothing. North Korea is a\n"
                   "        party to the Refugee   Convention. It returns\n"
                   "        refugees.\n")
    [finding] = prose_findings(tmp_path, body)
    assert '"North Korea is a party to the Refugee Convention." (catalog as of' in finding.message
    assert finding.location is not None and finding.location.line == HEADER.count("\n") + 6


def test_a_block_opening_with_a_blank_line_still_points_at_the_sentence(tmp_path: Path) -> None:
    [finding] = prose_findings(tmp_path, section("      en: |\n\n        North Korea is party to the Refugee Convention.\n"))
    assert finding.location is not None and finding.location.line == HEADER.count("\n") + 7


def test_each_statement_of_a_sentence_over_lines_points_at_its_own_line(tmp_path: Path) -> None:
    """The relative clause's statement is read after the clause it interrupts, yet is found on its own line."""
    body = section("      en: |\n"
                   "        North Korea, which is a party\n"
                   "        to the Refugee Convention, says it\n"
                   "        is not a party to the ICCPR.\n")
    findings = prose_findings(tmp_path, body)
    assert [(f.location.line if f.location else None, f.message.split("; ")[-1]) for f in findings] == [
        (HEADER.count("\n") + 6, "state it with [[status:KP|refugee-convention-1951]]"),
        (HEADER.count("\n") + 8, "state it with [[status:KP|iccpr]]")]


def test_a_text_written_once_for_every_language_is_read(tmp_path: Path) -> None:
    body = "sections:\n  - id: s\n    heading: S\n    text: North Korea is party to the Refugee Convention.\n"
    [finding] = prose_findings(tmp_path, body)
    assert finding.rule == "claims.prose-contradiction" and "[[status:KP|refugee-convention-1951]]" in finding.message


def test_a_text_is_read_with_the_words_of_its_own_language_only(tmp_path: Path) -> None:
    """A Korean text quoting the English article it answers is not judged as English prose."""
    quoting = section("      ko: \"'North Korea is party to the Refugee Convention'이라는 기사는 틀렸다.\"\n")
    assert prose_findings(tmp_path, quoting) == []


def test_each_rule_yields_its_own_findings_from_one_reading_of_the_prose(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "brief.yaml"
    path.write_text(HEADER + section("      en: North Korea is party to the Refugee Convention. "
                                     "China has signed the Convention against Torture.\n"), encoding="utf-8")
    inputs = load_inputs(path)
    context = CheckContext(inputs.brief, next(iter(inputs.packs.values())), LANGUAGES, inputs.catalog,
                           statements=inputs.statements)
    readings = []
    read = prose_treaties.prose_findings
    monkeypatch.setattr(prose_treaties, "prose_findings", lambda c: readings.append(c) or read(c))
    errors = list(RULES["claims.prose-contradiction"].function(context))
    warnings = list(RULES["claims.prose-unverifiable"].function(context))
    assert [(f.severity, f.rule) for f in errors] == [("error", "claims.prose-contradiction")]
    assert [(f.severity, f.rule) for f in warnings] == [("warning", "claims.prose-unverifiable")]
    assert len(readings) == 1
