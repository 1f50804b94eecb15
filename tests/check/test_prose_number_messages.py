"""prose.untraceable-number: what the finding says, and where, for a bare number and for a broken literal.

A bare number is quoted as written, with the literal that would mark it; a
literal without a number of the language or without its reason is quoted as
the author wrote it, with the language it must be written in and an example.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rulecheck import check

FIGURES = """\
sources:
  - {id: tjwg-2024, kind: report, title: Existing Nowhere, publisher: Transitional Justice Working Group, date: 2024-10-31}
statistics:
  - {id: victims, value: 113, unit: persons, sources: [tjwg-2024], status: verified, label: {en: victims, ko: 피해자, fr: victimes}}
"""


def findings(tmp_path: Path, lang: str, text: str) -> list[tuple[str, int, str]]:
    body = FIGURES + f"summary:\n  {lang}: |\n    The victims' families.\n    {text}\n"
    result = check(tmp_path, body, languages=(lang,))
    return [(f.severity, f.location.line - result.line(text[:12]), f.message)
            for f in result.of("prose.untraceable-number")]


@pytest.mark.parametrize(("lang", "text", "written"), [
    ("en", "The families waited 1,234 days.", "1,234"),
    ("fr", "Les familles ont attendu 1 234 jours.", "1 234"),
    ("ko", "가족들은 1,234일을 기다렸습니다.", "1,234"),
])
def test_a_bare_number_is_quoted_with_the_literal_that_marks_it(tmp_path: Path, lang: str, text: str,
                                                                written: str) -> None:
    assert findings(tmp_path, lang, text) == [(
        "error", 0, f"'{written}' in summary.{lang} is not a value, count or base of any statistic; cite the "
                    f"statistic with [[stat:ID]], or mark a number that is not data [[n:{written}|why]]")]


@pytest.mark.parametrize(("lang", "literal"), [
    ("en", "[[n:30]]"),  # no reason
    ("en", "[[n:30| ]]"),  # a blank reason
    ("en", "[[n:thirty|days allowed]]"),  # a number word
    ("fr", "[[n:30.000,5|jours]]"),  # not a number as French writes it
])
def test_a_broken_literal_is_quoted_as_written(tmp_path: Path, lang: str, literal: str) -> None:
    assert findings(tmp_path, lang, f"Waited {literal} days.") == [(
        "error", 0, f"{literal} in summary.{lang} must hold a number as '{lang}' writes it and say why it is not "
                    f"data: [[n:30|days allowed for a reply]]")]


def test_a_literal_with_a_number_and_a_reason_passes(tmp_path: Path) -> None:
    assert findings(tmp_path, "fr", "Attente de [[n:30 000,5|jours depuis l'arrestation]] jours.") == []
