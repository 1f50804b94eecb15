"""The worked example passes every rule: the rules do not cry wolf on consistent figures."""

from __future__ import annotations

from pathlib import Path

from rulecheck import TJWG, check


def test_tjwg_example_has_no_findings(tmp_path: Path) -> None:
    result = check(tmp_path, TJWG, minimum_status="reported", staleness_years=5)
    assert result.findings == []
