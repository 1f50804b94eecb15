"""time.*: dates of evidence are possible and recent enough (brief dated 2024-11-15, today 2025-01-01)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefbuilder.check.timing import years_before

from rulecheck import check


def brief(source_date: str, as_of: str) -> str:
    return f"""\
sources:
  - id: tjwg-2024
    kind: report
    title: Existing "Nowhere"
    publisher: TJWG
    date: {source_date}
statistics:
  - id: victims
    value: 113
    unit: persons
    as_of: {as_of}
    sources: [{{id: tjwg-2024, page: 12}}]
    label: victims
"""


def test_past_dates_pass(tmp_path: Path) -> None:
    result = check(tmp_path, brief("2024-10-31", "2024-05-31"))
    assert result.of("time.future") == result.of("time.source-after-statistic") == []


@pytest.mark.parametrize(("source_date", "as_of", "marker", "says"), [
    ("2024-12-01", "2024-05-31", "date: 2024-12-01", "after the brief's date 2024-11-15"),
    ("2024-10-31", "2025-02-01", "as_of: 2025-02-01", "after the brief's date 2024-11-15"),
])
def test_dates_after_the_brief(tmp_path: Path, source_date: str, as_of: str, marker: str, says: str) -> None:
    result = check(tmp_path, brief(source_date, as_of))
    (finding,) = result.of("time.future")
    assert (finding.severity, finding.location.line) == ("error", result.line(marker))
    assert says in finding.message


def test_dates_after_today_when_the_brief_is_dated_ahead(tmp_path: Path) -> None:
    header = "brief:\n  title: T\n  organisation:\n    name: TJWG\n  date: 2025-03-01\n"
    result = check(tmp_path, brief("2025-02-01", "2024-05-31"), header=header)
    (finding,) = result.of("time.future")
    assert (finding.severity, finding.location.line) == ("error", result.line("date: 2025-02-01"))
    assert "in the future (today is 2025-01-01)" in finding.message


def test_evidence_dated_on_the_brief_s_date_or_today_is_not_in_the_future(tmp_path: Path) -> None:
    assert check(tmp_path, brief("2024-11-15", "2024-11-15")).of("time.future") == []  # the brief's own date
    header = "brief:\n  title: T\n  organisation:\n    name: TJWG\n  date: 2025-03-01\n"
    assert check(tmp_path, brief("2025-01-01", "2024-05-31"), header=header).of("time.future") == []  # today


def test_a_brief_dated_ahead_is_not_itself_a_finding(tmp_path: Path) -> None:
    header = "brief:\n  title: T\n  organisation:\n    name: TJWG\n  date: 2025-03-01\n"
    assert check(tmp_path, brief("2024-10-31", "2024-05-31"), header=header).of("time.future") == []


@pytest.mark.parametrize("as_of", ["2024-05-31", "2024-10-31"])
def test_statistic_up_to_its_source_s_date_passes(tmp_path: Path, as_of: str) -> None:
    assert check(tmp_path, brief("2024-10-31", as_of)).of("time.source-after-statistic") == []


def test_statistic_dated_after_its_source(tmp_path: Path) -> None:
    result = check(tmp_path, brief("2024-10-31", "2024-11-01"))
    (finding,) = result.of("time.source-after-statistic")
    assert (finding.severity, finding.location.line) == ("error", result.line("as_of: 2024-11-01"))
    assert "published on 2024-10-31" in finding.message


@pytest.mark.parametrize(("source_date", "years", "stale"), [
    ("2019-11-15", 5, False),   # exactly five years before the brief: not older than the limit
    ("2019-11-14", 5, True),
    ("2024-10-31", 1, False),
    ("2010-01-01", None, False),  # the audience sets no limit
])
def test_stale(tmp_path: Path, source_date: str, years: int | None, stale: bool) -> None:
    result = check(tmp_path, brief(source_date, "2009-12-31"), staleness_years=years)
    findings = result.of("time.stale")
    assert [(f.severity, f.location.line) for f in findings] == (
        [("warning", result.line(f"date: {source_date}"))] if stale else [])
    assert [f.message for f in findings] == ([
        f"source 'tjwg-2024' is dated {source_date}, more than {years} years before the brief (2024-11-15); "
        "look for newer evidence or say why it still holds"] if stale else [])


def test_years_before_a_leap_day() -> None:
    assert years_before(dt.date(2024, 2, 29), 1) == dt.date(2023, 2, 28)
    assert years_before(dt.date(2024, 11, 15), 5) == dt.date(2019, 11, 15)
