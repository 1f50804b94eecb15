"""A hostile YAML file gets a located error, fast, from the project's own error type."""

from __future__ import annotations

import json
import subprocess
import sys
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefbuilder import BriefError, load_brief
from briefbuilder.cli import main
from briefbuilder.load.yamlsource import ALIAS_NODE_BUDGET, parse_yaml
from testdata import MINIMAL_BRIEF


def replace(old: str, new: str) -> str:
    assert old in MINIMAL_BRIEF
    return MINIMAL_BRIEF.replace(old, new, 1)


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def alias_bomb(depth: int) -> str:
    """Nine aliases per level, ``depth`` levels: 9**depth strings once expanded."""
    names = [f"l{i}" for i in range(depth + 1)]
    lines = [f'{names[0]}: &{names[0]} ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"{names[i]}: &{names[i]} [{', '.join([f'*{names[i - 1]}'] * 9)}]" for i in range(1, depth + 1)]
    return MINIMAL_BRIEF + "extra:\n" + "".join(f"  {line}\n" for line in lines)


def test_an_alias_bomb_is_refused_in_under_a_second(make_brief: Callable[..., Path]) -> None:
    """Loaded in a child process with a deadline, so a missing guard fails the test instead of hanging it."""
    text = alias_bomb(9)
    assert len(text.encode()) < 2600  # the 2.4 KB bomb, plus a valid brief around it
    brief = make_brief(text)
    load = (
        "import json, sys, time\n"
        "from briefbuilder import BriefError, load_brief\n"
        "started = time.process_time()\n"
        "try:\n"
        "    load_brief(sys.argv[1])\n"
        "except BriefError as error:\n"
        "    problem = error.problems[0]\n"
        "    print(json.dumps({'seconds': time.process_time() - started, 'message': problem.message,\n"
        "                      'file': problem.location.file, 'line': problem.location.line}))\n"
    )
    try:
        child = subprocess.run([sys.executable, "-c", load, str(brief)], capture_output=True, text=True, timeout=20)
    except subprocess.TimeoutExpired:
        pytest.fail("the alias bomb was still being expanded after 20 s: the alias budget is not enforced")
    assert child.returncode == 0 and child.stdout, child.stderr[-2000:]
    refused = json.loads(child.stdout)
    assert refused["seconds"] < 1
    assert f"more than {ALIAS_NODE_BUDGET:,} values" in refused["message"]
    assert refused["file"] == str(brief) and refused["line"] > line_of(text, "extra:")


def test_ordinary_anchors_and_merge_keys_still_work(make_brief: Callable[..., Path]) -> None:
    text = replace("    sources: [{id: report, page: 12}]", "    sources: &cited [{id: report, page: 12}]")
    text = text.replace("    sources: [{id: report, page: 15}]", "    sources: *cited")
    text = text.replace("  - id: victims\n", "  - &common\n    id: victims\n").replace(
        "  - id: share\n", "  - <<: *common\n    id: share\n")
    brief = load_brief(make_brief(text))
    share = brief.statistic("share")
    assert share is not None and share.sources[0].page == "12" and share.unit == "percent"


@pytest.mark.parametrize("tagged", [
    "  languages: !!python/object/apply:os.system [en, ko]",  # on a list: the silently dropped tag
    "  languages: !!python/object/new:list [[en, ko]]",
    "  languages: !custom [en, ko]",
])
def test_a_non_standard_tag_on_a_list_is_refused(tagged: str, make_brief: Callable[..., Path]) -> None:
    text = replace("  languages: [en, ko]", tagged)
    brief = make_brief(text)
    result = CliRunner().invoke(main, ["check", str(brief)])
    assert result.exit_code == 2, result.output
    assert f"{brief}:{line_of(text, 'languages:')}: error: brief.languages: the tag" in result.output
    assert "is not allowed" in result.output


@pytest.mark.parametrize("tagged", ["organisation: !!python/name:os.system {name: X}", "date: !!binary MjAyNA==",
                                    "date: !date 2024-11-20"])
def test_a_non_standard_tag_anywhere_is_refused(tagged: str) -> None:
    key = tagged.split(":")[0]
    with pytest.raises(BriefError) as error:
        parse_yaml(f"brief:\n  {tagged}\n", "b.yaml")
    assert error.value.problems[0].field == f"brief.{key}"
    assert "is not allowed" in error.value.problems[0].message


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x1b", "\x7f", "\x9b"])
def test_a_raw_control_character_is_refused_with_line_and_column(char: str,
                                                                 make_brief: Callable[..., Path]) -> None:
    text = replace("label: {en: victims", f"label: {{en: vic{char}tims")
    brief = make_brief(text)
    result = CliRunner().invoke(main, ["build", str(brief), "-o", str(brief.parent / "out")])
    assert result.exit_code == 2, result.output
    line = line_of(text, "{en: vic")
    column = text.splitlines()[line - 1].index(char) + 1
    assert f"{brief}:{line}: error: the control character U+{ord(char):04X} at column {column}" in result.output
    assert "internal error" not in result.output and "Traceback" not in result.output
    with pytest.raises(BriefError):  # the API raises the project's error, not yaml.reader.ReaderError
        load_brief(brief)


@pytest.mark.parametrize("escape", ["\\0", "\\x1b", "\\uD800", "\\u202E"])
def test_an_escaped_control_character_or_lone_surrogate_is_refused(escape: str,
                                                                   make_brief: Callable[..., Path]) -> None:
    text = replace("label: {en: victims", f'label: {{en: "vic{escape}tims"')
    with pytest.raises(BriefError) as error:
        load_brief(make_brief(text))
    problem = error.value.problems[0]
    assert problem.location is not None and problem.location.line == line_of(text, '{en: "vic')
    assert "column" in problem.message


def test_a_right_to_left_override_in_a_name_is_refused(make_brief: Callable[..., Path]) -> None:
    text = replace("name: Example Centre", "name: Example \u202eertneC")
    with pytest.raises(BriefError) as error:
        load_brief(make_brief(text))
    problem = error.value.problems[0]
    assert "U+202E" in problem.message and problem.location is not None
    assert problem.location.line == line_of(text, "Example")


def test_text_is_nfc_on_load(make_brief: Callable[..., Path]) -> None:
    decomposed = unicodedata.normalize("NFD", "피해자 Société")
    assert decomposed != unicodedata.normalize("NFC", decomposed)
    brief = load_brief(make_brief(replace("label: {en: victims, ko: 피해자}",
                                          f"label: {{en: {decomposed}, ko: {decomposed}}}")))
    victims = brief.statistic("victims")
    assert victims is not None and victims.label.get("ko") == unicodedata.normalize("NFC", decomposed)


def test_deep_nesting_is_refused_not_a_crash(make_brief: Callable[..., Path]) -> None:
    depth = 100_000  # libyaml's own composer crashes the interpreter on this
    text = MINIMAL_BRIEF + "extra: " + "[" * depth + "]" * depth + "\n"
    started = time.process_time()
    with pytest.raises(BriefError) as error:
        load_brief(make_brief(text))
    assert time.process_time() - started < 1
    # Refused at the line that nests, by our limit or by the YAML parser's own (PyYAML 6.0.4 has one,
    # worded its way): which one stops it first is the parser's business, not this test's.
    problem = error.value.problems[0]
    assert problem.location is not None and problem.location.line == text.count("\n")


@pytest.mark.parametrize("text, message", [
    ("a: 1\n---\nb: 2\n", "more than one YAML document"),
    ("", "the file is empty"),
    ("? [a]\n: b\n", "a key must be a name"),
    ("a: *nowhere\n", "has no anchor"),
    ("a: &x [*x]\n", "has no anchor"),
])
def test_unusual_documents_are_located_errors(text: str, message: str) -> None:
    with pytest.raises(BriefError) as error:
        parse_yaml(text, "odd.yaml")
    assert message in str(error.value) and error.value.problems[0].location is not None


def test_invalid_utf8_names_its_line(tmp_path: Path) -> None:
    brief = tmp_path / "brief.yaml"
    brief.write_bytes(MINIMAL_BRIEF.encode().replace(b"victims, ko", b"vic\xfftims, ko"))
    with pytest.raises(BriefError) as error:
        load_brief(brief)
    problem = error.value.problems[0]
    assert "not UTF-8" in problem.message
    assert problem.location is not None and problem.location.line == line_of(MINIMAL_BRIEF, "label: {en: victims")


def test_a_merged_field_is_located_where_it_was_written(make_brief: Callable[..., Path]) -> None:
    """An error in a field that '<<' merged in from a list of mappings points at the value, not at the list."""
    merged = "<<: [{status: verified}, {unit: percentage}]"
    text = replace("    unit: percent\n", f"    {merged}\n")
    with pytest.raises(BriefError) as error:
        load_brief(make_brief(text))
    problem = next(p for p in error.value.problems if p.field.endswith(".unit"))
    line = line_of(text, merged)
    assert problem.location is not None
    column = text.splitlines()[line - 1].index("percentage") + 1
    assert (problem.location.line, problem.location.column) == (line, column)
