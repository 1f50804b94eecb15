"""The worked example passes every rule: the rules do not cry wolf on consistent figures."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from conftest import Check


def test_tjwg_example_has_no_findings(check: Check, tjwg: str) -> None:
    result = check(tjwg, minimum_status="reported", staleness_years=5)
    assert result.findings == []
