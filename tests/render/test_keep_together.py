"""A line never breaks inside what the language keeps together (locale.yaml: keep_together): a Korean date."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from testdata import EXAMPLE, REPO

from briefbuilder.errors import LoadError
from briefbuilder.pipeline import render_brief

NBSP = "\u00a0"


def test_a_date_the_brief_writes_itself_never_splits_in_korean() -> None:
    markdown = render_brief(EXAMPLE, "ko", audience="gov-briefing").markdown
    assert f"(2024.{NBSP}10.{NBSP}31.)" in markdown  # typed in the brief with plain spaces
    assert f"2021.{NBSP}1.~2024.{NBSP}5." in markdown  # a range of months
    assert not re.search(r"[0-9]{4}\. [0-9]", markdown)


def test_a_language_without_the_setting_keeps_its_spaces() -> None:
    markdown = render_brief(EXAMPLE, "en", audience="gov-briefing").markdown
    assert NBSP not in markdown


def test_a_bad_pattern_is_reported_where_it_was_written(tmp_path: Path) -> None:
    brief = tmp_path / "brief"
    shutil.copytree(EXAMPLE, brief)
    shutil.copytree(REPO / "locales" / "ko", brief / "locales" / "ko")
    settings = brief / "locales" / "ko" / "locale.yaml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(re.sub(r"keep_together: .*", "keep_together: ['[0-9']", text), encoding="utf-8")
    line = next(number for number, row in enumerate(settings.read_text(encoding="utf-8").splitlines(), 1)
                if row.startswith("keep_together"))
    with pytest.raises(LoadError) as raised:
        render_brief(brief, "ko", audience="gov-briefing")
    [problem] = raised.value.problems
    assert problem.location is not None and (problem.location.file, problem.location.line) == (str(settings), line)
    assert "keep_together" in problem.field and "regular expression" in problem.message
