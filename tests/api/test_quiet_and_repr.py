"""A build says what matters: --quiet gives errors and one summary line, -v every warning; reprs fit a line."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from briefbuilder import build_documents, load_inputs
from briefbuilder.cli import WARNINGS_PER_RULE, main
from testdata import EXAMPLE

ARGS = ["build", str(EXAMPLE), "--audience", "un-upr", "--lang", "en", "--format", "md"]


@pytest.fixture(scope="module")
def warnings() -> list[str]:
    findings = build_documents(EXAMPLE, audiences=["un-upr"], languages=["en"]).findings
    assert findings and all(finding.severity == "warning" for finding in findings)
    return [str(finding) for finding in findings]


def test_quiet_prints_one_summary_line_and_no_warning(tmp_path: object, warnings: list[str]) -> None:
    result = CliRunner().invoke(main, [*ARGS, "-o", str(tmp_path), "--quiet"])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert result.stderr.splitlines() == [f"briefbuilder: 1 file(s) written to {tmp_path}, 0 error(s), "
                                          f"{len(warnings)} warning(s)"]


def test_verbose_prints_every_warning(tmp_path: object, warnings: list[str]) -> None:
    result = CliRunner().invoke(main, [*ARGS, "-o", str(tmp_path), "-v"])
    assert result.exit_code == 0, result.output
    assert [line for line in result.stderr.splitlines() if not line.startswith("briefbuilder: ")] == warnings


def test_by_default_a_rule_shows_its_first_warnings_and_counts_the_rest(tmp_path: object, warnings: list[str]) -> None:
    result = CliRunner().invoke(main, [*ARGS, "-o", str(tmp_path)])
    lines = result.stderr.splitlines()
    rules = [re.search(r"warning: ([\w.-]+):", line).group(1) for line in warnings]  # type: ignore[union-attr]
    crowded = max(set(rules), key=rules.count)
    assert rules.count(crowded) > WARNINGS_PER_RULE
    assert sum(f"warning: {crowded}:" in line for line in lines) == WARNINGS_PER_RULE
    assert f"briefbuilder: {rules.count(crowded) - WARNINGS_PER_RULE} more {crowded} warning(s) (-v shows every one)" \
        in lines
    assert len(lines) < len(warnings)


def test_quiet_still_prints_errors(tmp_path: object) -> None:
    brief = tmp_path / "brief.yaml"  # type: ignore[operator]
    brief.write_text((EXAMPLE / "brief.yaml").read_text(encoding="utf-8").replace("value: 113", "value: 114", 1),
                     encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(brief), "--audience", "un-upr", "-q"])
    assert result.exit_code == 1
    assert any(": error: " in line for line in result.stdout.splitlines())
    assert not any(": warning: " in line for line in result.stdout.splitlines())


def test_public_objects_have_a_short_repr() -> None:
    built = build_documents(EXAMPLE, audiences=["un-upr", "gov-briefing"], languages=["en", "ko"])
    inputs = load_inputs(EXAMPLE)
    document = next(iter(built.documents.values()))
    for value in (built, document, inputs, inputs.brief):
        text = repr(value)
        assert len(text) < 250 and "\n" not in text, text
    assert "enforced-disappearances.un-upr.en.md" in repr(document)
    assert "un-upr/en" in repr(built) and "gov-briefing/ko" in repr(built)
