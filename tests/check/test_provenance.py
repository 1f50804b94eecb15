"""provenance.*: every figure traces to a source a reader can find."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefbuilder.check.provenance import well_formed_url

from rulecheck import check

SOURCE = """\
sources:
  - id: tjwg-2024
    kind: report
    title: Existing "Nowhere"
    publisher: TJWG
    date: 2024-10-31
"""


def test_statistic_without_source(tmp_path: Path) -> None:
    body = SOURCE + """\
statistics:
  - id: victims
    value: 113
    unit: persons
    status: verified
    label: victims
  - {id: cases, value: 66, unit: cases, sources: [tjwg-2024], status: verified, label: cases}
"""
    result = check(tmp_path, body)
    (finding,) = result.of("provenance.no-source")
    assert (finding.severity, finding.location.line) == ("error", result.line("- id: victims"))
    assert "'victims'" in finding.message


def test_empty_source_list_points_at_it(tmp_path: Path) -> None:
    body = SOURCE + """\
statistics:
  - id: victims
    value: 113
    unit: persons
    sources: []
    label: victims
"""
    result = check(tmp_path, body)
    (finding,) = result.of("provenance.no-source")
    assert finding.location.line == result.line("sources: []")


def test_source_without_locator_is_a_warning(tmp_path: Path) -> None:
    body = SOURCE + """\
statistics:
  - id: victims
    value: 113
    unit: persons
    sources:
      - {id: tjwg-2024, page: 12}
      - tjwg-2024
    label: victims
"""
    result = check(tmp_path, body)
    (finding,) = result.of("provenance.no-locator")
    assert (finding.severity, finding.location.line) == ("warning", result.line("- tjwg-2024"))


@pytest.mark.parametrize("locator", ["page: 12", "paragraph: 31", "section: III.B"])
def test_any_locator_will_do(tmp_path: Path, locator: str) -> None:
    body = SOURCE + f"""\
statistics:
  - {{id: victims, value: 113, unit: persons, sources: [{{id: tjwg-2024, {locator}}}], label: victims}}
"""
    assert check(tmp_path, body).of("provenance.no-locator") == []


def test_source_without_publisher_or_author(tmp_path: Path) -> None:
    body = """\
sources:
  - id: anonymous
    kind: website
    title: A blog
    date: 2024-01-01
  - id: by-author
    kind: academic
    title: A paper
    author: Kim
    date: 2024-01-01
statistics:
  - {id: x, value: 1, unit: cases, sources: [{id: anonymous, page: 1}, {id: by-author, page: 1}], label: x}
"""
    result = check(tmp_path, body)
    (finding,) = result.of("provenance.source-publisher")
    assert (finding.severity, finding.location.line) == ("error", result.line("- id: anonymous"))
    assert finding.message == "source 'anonymous' names neither a publisher nor an author; add 'publisher:'"


def test_source_without_date(tmp_path: Path) -> None:
    body = """\
sources:
  - id: undated
    kind: report
    title: A report
    publisher: TJWG
statistics:
  - {id: x, value: 1, unit: cases, sources: [{id: undated, page: 1}], label: x}
"""
    result = check(tmp_path, body)
    (finding,) = result.of("provenance.source-date")
    assert (finding.severity, finding.location.line) == ("error", result.line("- id: undated"))
    assert finding.message == "source 'undated' has no date; add 'date: YYYY-MM-DD' (its publication date)"
    assert check(tmp_path, SOURCE).of("provenance.source-date") == []


def test_malformed_url(tmp_path: Path) -> None:
    body = SOURCE + """\
    url: en.tjwg.org/2024/report
  - id: good
    kind: report
    title: Another
    publisher: TJWG
    date: 2024-10-31
    url: https://en.tjwg.org/2024/10/31/report/
statistics:
  - {id: x, value: 1, unit: cases, sources: [{id: tjwg-2024, page: 1}, {id: good, page: 1}], label: x}
"""
    result = check(tmp_path, body)
    (finding,) = result.of("provenance.url")
    assert (finding.severity, finding.location.line) == ("error", result.line("url: en.tjwg.org"))


def test_organisation_url_is_checked_too(tmp_path: Path) -> None:
    header = """\
brief:
  title: Test brief
  organisation:
    name: TJWG
    url: www.tjwg.org
  date: 2024-11-15
"""
    result = check(tmp_path, SOURCE, header=header)
    (finding,) = result.of("provenance.url")
    assert (finding.severity, finding.location.line) == ("error", 5)
    assert finding.message == ("the organisation has a malformed URL 'www.tjwg.org'; write it in full, "
                               "e.g. https://example.org/report")


@pytest.mark.parametrize(("address", "ok"), [
    ("https://en.tjwg.org/2024/10/31/report/", True),
    ("http://www.ohchr.org", True),
    ("https://tjwg.org:8443/a?b=c#d", True),
    ("en.tjwg.org/report", False),       # no scheme
    ("ftp://tjwg.org/report.pdf", False),
    ("https://", False),                 # no host
    ("https:/tjwg.org", False),
    ("https://tjwg", False),             # not a public host name
    ("https://tjwg..org", False),
    ("https://tjwg.org/a report", False),
    ("https://tjwg.org:99999/", False),  # port out of range
])
def test_well_formed_url(address: str, ok: bool) -> None:
    assert well_formed_url(address) is ok


def test_unused_source(tmp_path: Path) -> None:
    body = SOURCE + """\
  - id: cited-in-text
    kind: report
    title: Cited in the narrative
    publisher: UN
    date: 2024-01-01
  - kind: report
    id: never-cited
    title: Never cited
    publisher: UN
    date: 2024-01-01
statistics:
  - {id: x, value: 1, unit: cases, sources: [{id: tjwg-2024, page: 1}], label: x}
summary:
  en: As the UN found [[cite:cited-in-text|para. 3]].
  ko: 유엔은 [[cite:cited-in-text|para. 3]].
"""
    result = check(tmp_path, body)
    (finding,) = result.of("provenance.unused-source")
    assert (finding.severity, finding.location.line) == ("warning", result.line("id: never-cited"))
    assert finding.message == "source 'never-cited' is never cited; cite it or remove it"
