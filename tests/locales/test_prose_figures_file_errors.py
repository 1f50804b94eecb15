"""A translator's mistake in a language's prose-figures.yaml: the key, line and fix, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefbuilder.errors import BriefError, Problem
from briefbuilder.load.prose_figures import PROSE_FIGURES, prose_figures_for
from briefbuilder.resources import data_dir

ENGLISH = (data_dir("locales") / "en" / PROSE_FIGURES).read_text(encoding="utf-8")


def problem_in(tmp_path: Path, old: str, new: str) -> tuple[int, str, str, str]:
    """The one problem of English's file with ``old`` changed to ``new``, as (line, field, message, hint)."""
    assert old in ENGLISH
    text = ENGLISH.replace(old, new, 1)
    folder = tmp_path / "xx"
    folder.mkdir()
    (folder / PROSE_FIGURES).write_text(text, encoding="utf-8")
    with pytest.raises(BriefError) as raised:
        prose_figures_for([tmp_path])
    [problem] = raised.value.problems
    assert problem.location is not None and problem.location.file == str(folder / PROSE_FIGURES)
    return problem.location.line, problem.field, problem.message, problem.hint


def line_of(start: str) -> int:
    return next(number for number, line in enumerate(ENGLISH.splitlines(), 1) if line.startswith(start))


@pytest.mark.parametrize(("old", "new", "at", "field", "message", "hint"), [
    ('decimal: "."', 'decimal: ""', "decimal:", "decimal", "must be text", f'write decimal: "..." (see locales/en/{PROSE_FIGURES})'),
    ('percent: ["%", "per cent", "percent"]', 'percent: "%"', "percent:", "percent", "must be a list of texts",
     "write [first, second, ...]"),
    ("common_words: [the, ", "common_words: [5, ", "common_words:", "common_words", "must be a list of texts", "write [first, second, ...]"),
    ("  persons: [person, ", "  persons: [5, ", "  persons: [person,", "unit_nouns.persons", "must be a list of texts", "write [first, second, ...]"),
    ("deadlines: ['", "deadlines: ['(unclosed ", "deadlines:", "deadlines.0",
     "not a regular expression: missing ), unterminated subpattern at position 0", "fix the pattern (Python's re syntax)"),
    ("  ordinal: ['", "  ordinal: ['(unclosed ", "  ordinal:", "not_figures.ordinal.0",
     "not a regular expression: missing ), unterminated subpattern at position 0", "fix the pattern (Python's re syntax)"),
    ("(?P<group>", "(", "framing:", "framing.0", "the pattern has no group (?P<group>...)",
     "capture the group it finds with (?P<group>...)"),
])
def test_a_wrong_setting_names_its_key_line_and_fix(tmp_path: Path, old: str, new: str, at: str, field: str,
                                                     message: str, hint: str) -> None:
    assert problem_in(tmp_path, old, new) == (line_of(at), field, message, hint)


def test_a_file_that_is_not_a_mapping_says_to_start_from_english(tmp_path: Path) -> None:
    assert problem_in(tmp_path, ENGLISH, "- decimal\n") == (
        1, PROSE_FIGURES, "the file must be a mapping of settings", f"copy locales/en/{PROSE_FIGURES}")


def test_a_file_linked_from_outside_the_folder_names_the_language(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text(ENGLISH, encoding="utf-8")
    folder = tmp_path / "locales" / "xx"
    folder.mkdir(parents=True)
    (folder / PROSE_FIGURES).symlink_to(outside)
    with pytest.raises(BriefError) as raised:
        prose_figures_for([tmp_path / "locales"])
    [problem] = raised.value.problems
    assert problem.message.startswith("the prose figures file of 'xx' leads outside its folder")
