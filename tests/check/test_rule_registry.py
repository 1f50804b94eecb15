"""One rule registry: `check --rules` lists every rule, and docs/rules.md is generated from it."""

from __future__ import annotations

import json
import re

from click.testing import CliRunner

from briefbuilder.check import RULES
from briefbuilder.check.findings import rules_markdown
from briefbuilder.cli import main
from testdata import REPO


def test_check_rules_lists_every_registered_rule() -> None:
    result = CliRunner().invoke(main, ["check", "--rules", "--format", "json"])
    assert result.exit_code == 0, result.output
    listed = {row["rule"]: row for row in json.loads(result.output)}
    assert set(listed) == set(RULES)
    assert all(row["severity"] in {"error", "warning"} and row["example"] for row in listed.values())


def test_every_example_finding_names_its_own_rule_and_severity() -> None:
    for info in RULES.values():
        assert re.search(rf": {info.severity}: {re.escape(info.id)}: ", info.example), info.id


def test_docs_rules_table_is_the_generated_one() -> None:
    """Run scripts/update-rules-doc after changing a rule's declaration."""
    doc = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")
    region = re.search(r"<!-- rules: .*? -->\n(.*?)<!-- end rules -->", doc, re.S)
    assert region is not None
    assert region.group(1) == rules_markdown()


def test_check_without_a_brief_explains_itself() -> None:
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 2 and "--rules" in result.output
