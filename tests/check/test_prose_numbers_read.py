"""Which numbers and references the prose rules read as figures, and the line a finding points at.

A deadline exempts a number in a recommendation on top of the other exemptions,
not instead of them; a finding in a block points at the line its number is
written on, at either end of a line; a reference that prints words (``|label``)
or names a source (``[[cite:ID]]``) is not a figure for any rule; a base given
as a number (``base: 250``) is a figure of the brief.
"""

from __future__ import annotations

from pathlib import Path

from rulecheck import check

FIGURES = """\
sources:
  - id: ucan-2024
    kind: news
    title: Hundreds returned
    publisher: UCA News
    relays: Human Rights Watch
    date: 2024-05-02
  - id: returned
    kind: report
    title: Returned from China
    publisher: Amnesty International
    date: 2024-06-01
statistics:
  - {id: victims, value: 113, unit: persons, sources: [ucan-2024], status: verified, label: victims}
  - {id: returned, value: 500, qualifier: more-than, unit: persons, sources: [ucan-2024], status: verified, label: people returned}
  - {id: relative-held, value: 12.4, unit: percent, base: 250, sources: [ucan-2024], status: verified, label: people asked with a relative held}
"""


def test_a_deadline_in_a_recommendation_does_not_unmask_its_dates_and_symbols(tmp_path: Path) -> None:
    body = FIGURES + """\
recommendations:
  - {en: "Implement A/HRC/42/10 by 31 December 2025 and notify the families within 30 days."}
"""
    result = check(tmp_path, body)
    assert result.of("prose.untraceable-number") == []


def test_a_number_at_either_end_of_a_line_is_reported_on_its_own_line(tmp_path: Path) -> None:
    body = FIGURES + """\
summary:
  en: |
    The witnesses heard numbered 7
    1,234 more were named in the annex.
"""
    result = check(tmp_path, body)
    found = {f.message.split("'")[1]: f.location.line for f in result.of("prose.untraceable-number")}
    assert found == {"7": result.line("numbered 7"), "1,234": result.line("1,234 more")}


def test_a_label_reference_prints_words_and_is_not_attributed(tmp_path: Path) -> None:
    result = check(tmp_path, FIGURES + 'summary:\n  en: "According to Reuters, the [[stat:returned|label]] are missing."\n')
    assert result.of("prose.attribution") == []


def test_a_citation_is_not_a_figure_even_when_a_statistic_has_its_id(tmp_path: Path) -> None:
    # The source 'returned' (Amnesty International) and the statistic 'returned' (UCA News) share an id.
    result = check(tmp_path, FIGURES + 'summary:\n  en: "According to Amnesty International [[cite:returned]], '
                                        'families were not told."\n')
    assert result.of("prose.attribution") == []
    result = check(tmp_path, FIGURES + 'summary:\n  en: "According to Amnesty International, '
                                        '[[stat:returned]] were returned."\n')
    assert len(result.of("prose.attribution")) == 1


def test_a_base_given_as_a_number_is_a_figure_of_the_brief(tmp_path: Path) -> None:
    result = check(tmp_path, FIGURES + 'summary:\n  en: "Of the 250 people asked, 12.4 per cent had a relative held."\n')
    assert result.of("prose.untraceable-number") == []
