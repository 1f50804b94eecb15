"""Each language's words of treaty status are data beside its locale.yaml, validated where written."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefbuilder.errors import BriefError
from briefbuilder.load.statements import statement_words
from briefbuilder.resources import data_dir


def test_every_bundled_language_has_its_words() -> None:
    for code in ("en", "ko", "fr"):
        words = statement_words(code)
        assert words is not None and words.statuses["party"], code


def _language(tmp_path: Path, statements: str) -> Path:
    folder = tmp_path / "locales"
    shutil.copytree(data_dir("locales") / "en", folder / "en")
    (folder / "en" / "statements.yaml").write_text(statements, encoding="utf-8")
    return folder


def test_a_language_folder_brings_its_own_words(tmp_path: Path) -> None:
    folder = _language(tmp_path, "word_boundaries: true\ntreaty_side: after\nstatuses: {party: [member of]}\n"
                                 "negation: {before: [not]}\n")
    words = statement_words("en", [folder])
    assert words is not None and words.statuses == {"party": ["member of"]}


def test_a_bad_statements_file_is_a_located_error(tmp_path: Path) -> None:
    folder = _language(tmp_path, "word_boundaries: true\ntreaty_side: after\nstatuses: {party: [party to]}\n"
                                 "negation: {before: [not]}\nnot_assertions: {during: [should]}\n")
    with pytest.raises(BriefError) as caught:
        statement_words("en", [folder])
    [problem] = caught.value.problems
    assert problem.location is not None and problem.location.file.endswith("statements.yaml")
    assert problem.location.line == 5 and "during" in f"{problem.field} {problem.message}"
