"""What the YAML reader says about a refused file, and where it says a value was written.

An error names the file, line and column, the field and how to fix it; a
value found through a '<<' merge or a part of the map (``under``) is located
where it was written. Each case was found by mutation testing
(docs/testing.md): changing the line that handles it failed no test before.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from testdata import MINIMAL_BRIEF

from briefbuilder import BriefError
from briefbuilder.load.native import brief_from_dict
from briefbuilder.load import yamlsource
from briefbuilder.load.yamlsource import ALIAS_NODE_BUDGET, SourceMap, parse_yaml

INVISIBLE = "delete it; it is invisible in most editors"


def refused(text: str, name: str = "t.yaml") -> BriefError:
    with pytest.raises(BriefError) as error:
        parse_yaml(text, name)
    return error.value


@pytest.mark.parametrize(("char", "message"), [
    ("\x07", "the control character U+0007 at column 8 is not allowed"),
    ("\u202e", "the bidirectional control U+202E at column 8 can make text read differently from what it says"),
])
def test_a_refused_character_is_named_with_its_column_and_the_fix(char: str, message: str) -> None:
    (problem,) = refused(f"name: x{char}y\n", "inline.yaml").problems
    assert (problem.location.file, problem.location.line) == ("inline.yaml", 1)  # type: ignore[union-attr]
    assert (problem.message, problem.hint) == (message, INVISIBLE)


@pytest.mark.parametrize(("char", "message", "hint"), [
    ("\ud800", "a lone surrogate (U+D800) in this text is not a character", "write the character itself, or its full \\U escape"),
    ("\udfff", "a lone surrogate (U+DFFF) in this text is not a character", "write the character itself, or its full \\U escape"),
    ("\u202e", "the bidirectional control U+202E in this text can make text read differently from what it says", INVISIBLE),
    ("\x07", "the control character U+0007 in this text is not allowed", INVISIBLE),
])
def test_a_refused_character_in_a_python_brief_is_named_with_the_fix(char: str, message: str, hint: str) -> None:
    data = yaml.safe_load(MINIMAL_BRIEF)
    data["brief"]["organisation"]["name"] = f"Example {char}Centre"
    with pytest.raises(BriefError) as error:
        brief_from_dict(data)
    (problem,) = error.value.problems
    assert (problem.field, problem.message, problem.hint) == ("brief.organisation.name", message, hint)


def test_malformed_yaml_names_the_file_it_was_given() -> None:
    (problem,) = refused("a: [1, 2\n", "inline.yaml").problems
    assert problem.location is not None and problem.location.file == "inline.yaml"


def test_a_key_given_twice_is_located_at_its_second_line_and_column() -> None:
    (problem,) = refused("a:\n  b: 1\n  b: 2\n").problems
    assert problem.location is not None and (problem.location.line, problem.location.column) == (3, 3)
    assert (problem.field, problem.message, problem.hint) == ("a.b", "this key is given twice", "keep one of them")


@pytest.mark.parametrize(("text", "field"), [("m:\n  <<: {a: !custom x}\n", "m.a"), ('m:\n  "": !custom x\n', "m.")])
def test_a_refused_value_in_a_merged_mapping_or_under_an_empty_key_names_its_field(text: str, field: str) -> None:
    (problem,) = refused(text).problems
    assert problem.field == field


def test_a_tag_on_a_key_names_the_mapping_holding_it() -> None:
    (problem,) = refused("a:\n  !!python/name:x : 1\n").problems
    assert problem.field == "a" and "'!!python/name:x' is not allowed" in problem.message


@pytest.mark.parametrize("merged", ["[x, y]", "\n    - x", "text"])
def test_a_merge_of_something_else_than_mappings_is_located_where_it_is_written(merged: str) -> None:
    (problem,) = refused(f"top: 1\na:\n  <<: {merged}\n").problems
    assert problem.location is not None and problem.location.line == (4 if merged.startswith("\n") else 3)
    assert problem.field == "a" and problem.message == "'<<' must be followed by a mapping or a list of mappings"


def test_a_merged_key_is_located_where_it_is_written() -> None:
    _, where = parse_yaml("m:\n  <<: {x: 1, y: 2}\n  z: 3\n", "t.yaml")
    assert (where.locate("m", "y").line, where.locate("m", "y").column) == (2, 17)
    _, where = parse_yaml("a: [{y: 0}]\nm:\n  <<: [{x: 1}, {y: 2}]\n", "t.yaml")
    assert (where.locate("m", "y").line, where.locate("m", "y").column) == (3, 20)
    _, where = parse_yaml("b: &b {y: 0}\nm:\n  <<: *b\n  z: 1\n", "t.yaml")
    assert where.locate("m", "y").line == 3 and where.locate("m", "z").line == 4  # an alias: at the '<<'


def test_part_of_a_map_locates_paths_relative_to_it() -> None:
    _, where = parse_yaml("a:\n  b:\n    c: 1\n  d: 2\n", "t.yaml")
    assert where.under("a").locate("b", "c") == where.locate("a", "b", "c")
    assert where.under("a").locate("d").line == 4
    assert where.under("a", "missing").locate("d").line == 4  # the closest recorded ancestor
    assert SourceMap("built.yaml").under("a").locate("b").line == 1  # a brief built in Python: nothing recorded


def test_a_path_past_the_end_of_a_list_is_located_at_the_list() -> None:
    _, where = parse_yaml("top: 1\nitems:\n  - a\n  - b\n", "t.yaml")
    assert where.locate("items", 1).line == 4
    assert where.locate("items", 2).line == where.locate("items", "x").line == where.locate("items").line == 3


def test_an_alias_without_its_anchor_says_where_to_define_it() -> None:
    (problem,) = refused("a: 1\nb: *nope\n").problems
    assert problem.location is not None and problem.location.line == 2
    assert problem.message == "the alias '*nope' has no anchor before it (or refers to the mapping it is in)"
    assert problem.hint == "define '&nope' earlier in the file"


def test_a_merge_of_an_aliased_text_is_located_at_the_alias() -> None:
    (problem,) = refused("s: &s text\nm:\n  <<: *s\n").problems
    assert problem.location is not None and problem.location.line == 3
    assert problem.message == "'<<' must be followed by a mapping or a list of mappings"


def aliases(texts: int) -> str:
    """A list of 99 values anchored once (100 nodes with the list) aliased 999 times, and a text aliased ``texts`` times."""
    return (f"base: &b [{', '.join(['x'] * 99)}]\none: &one x\ncopies:\n" + "  - *b\n" * 999
            + "texts:\n" + "  - *one\n" * texts)


def test_aliases_add_up_to_the_budget_and_not_one_node_more() -> None:
    assert ALIAS_NODE_BUDGET == 100_000  # 999 aliases of 100 nodes each and 100 of one
    data, _ = parse_yaml(aliases(100), "t.yaml")
    assert (len(data["copies"]), data["texts"]) == (999, ["x"] * 100)
    (problem,) = refused(aliases(101)).problems
    assert problem.message == "aliases expand to more than 100,000 values"
    assert problem.location is not None and problem.location.line == 3 + 999 + 1 + 101


def test_standard_tags_plain_symbols_and_an_empty_key_read_as_written() -> None:
    data, _ = parse_yaml('a: !!str 123\nb: !!float 1\nc: =\nd: <<\n"": empty key\n', "t.yaml")
    assert data == {"a": "123", "b": Decimal("1"), "c": "=", "d": "<<", "": "empty key"}


def test_an_escaped_control_character_is_located_in_its_file_and_field() -> None:
    (problem,) = refused('top: 1\nm: "x\\ay"\n', "inline.yaml").problems
    assert problem.location is not None and (problem.location.file, problem.location.line) == ("inline.yaml", 2)
    assert (problem.field, problem.message) == ("m", "the control character U+0007 at column 4 is not allowed")


def test_a_value_may_hold_max_text_chars_and_not_one_more(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlsource, "MAX_TEXT_CHARS", 10)  # 16 million as shipped, in miniature
    assert parse_yaml("a: " + "x" * 10, "t.yaml")[0] == {"a": "x" * 10}
    (problem,) = refused("a: " + "x" * 11).problems
    assert problem.field == "a" and problem.message.startswith("this value is 11 characters long, more than the 10")


@pytest.mark.parametrize(("text", "message"), [
    ("? [a]\n: 1\n", "a key must be a name, not a list, mapping or alias"),
    ("~: 1\n", "a key must be a name, not NoneType"),
    ("1.5: x\n", "a key must be a name, not Decimal"),
])
def test_a_key_that_is_not_a_name_is_refused_with_the_fix(text: str, message: str) -> None:
    (problem,) = refused(text).problems
    assert (problem.message, problem.hint) == (message, "write the key as plain text")


def test_standard_and_non_specific_tags_on_lists_and_mappings_are_accepted() -> None:
    assert parse_yaml("a: !!map {b: 1}\nc: !!seq [1]\nd: ! [2]\n", "t.yaml")[0] == {"a": {"b": 1}, "c": [1], "d": [2]}


def test_a_refused_tag_is_shown_as_written() -> None:
    (problem,) = refused("a: !custom x\n").problems
    assert problem.message == "the tag '!custom' is not allowed"
    assert problem.hint == "remove it: a brief holds only text, numbers, dates, true/false, lists and mappings"


@pytest.mark.parametrize("chunk_chars", [1, 2, 3, 5, 8])
def test_refused_characters_are_located_alike_however_the_file_is_streamed(
        chunk_chars: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The file is read in chunks (1 MiB as shipped); a line or column must not depend on where a chunk ends."""
    text = "ab\x07c\n\x07d\n\nlong line \x07 here\x07\n" + "x\x07" * 25
    path = tmp_path / "b.yaml"
    path.write_text(text, encoding="utf-8")
    monkeypatch.setattr(yamlsource, "_CHUNK_CHARS", chunk_chars)
    with pytest.raises(BriefError) as error:
        yamlsource.read_yaml(path)
    problems = error.value.problems
    expected = [(line, column) for line, row in enumerate(text.split("\n"), 1)
                for column, char in enumerate(row, 1) if char == "\x07"][:20]
    assert [(p.location.line, int(p.message.split("column ")[1].split()[0])) for p in problems] == expected
    assert len(problems) == 20 and {p.field for p in problems} == {""}  # at most 20, each at its place


def test_an_aliased_text_and_a_figure_with_underscores_read_as_written() -> None:
    data, _ = parse_yaml("a: &x text\nb: *x\nc: 1_000.50\n", "t.yaml")
    assert data == {"a": "text", "b": "text", "c": Decimal("1000.50")} and str(data["c"]) == "1000.50"


@pytest.mark.parametrize(("text", "field"), [("d: 2023-13-01\n", "d"), ("m:\n  2023-13-01: x\n", "m")])
def test_an_impossible_date_is_refused_with_its_field_and_the_fix(text: str, field: str) -> None:
    (problem,) = refused(text).problems
    assert (problem.field, problem.message) == (field, "'2023-13-01' cannot be read: month must be in 1..12")
    assert problem.hint == "write dates as YYYY-MM-DD, numbers as digits"


def test_an_escaped_control_character_in_a_key_names_the_mapping_holding_it() -> None:
    (problem,) = refused('m:\n  "a\\ab": 1\n').problems
    assert (problem.field, problem.message) == ("m", "the control character U+0007 at column 3 is not allowed")


@pytest.mark.parametrize(("text", "line", "column", "message", "hint"), [
    ("", 1, 1, "the file is empty", "write the brief as YAML"),
    ("a: 1\n---\nb: 2\n", 2, 1, "the file holds more than one YAML document",
     "remove the '---' line and everything after it, or make it a separate file"),
    ("a: [1, 2\nb: 3\n", 2, 2, "malformed YAML at column 2: did not find expected ',' or ']'",
     "check indentation, colons and quotes on this line"),
])
def test_a_file_that_is_no_one_yaml_document_is_refused_with_the_fix(text: str, line: int, column: int, message: str,
                                                                    hint: str) -> None:
    (problem,) = refused(text, "whole.yaml").problems
    assert problem.location is not None
    assert (problem.location.file, problem.location.line, problem.location.column) == ("whole.yaml", line, column)
    assert (problem.field, problem.message, problem.hint) == ("", message, hint)


def test_a_file_that_is_not_utf8_is_refused_at_the_line_of_the_bad_byte(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes("top: 1\na: café\n".encode("latin-1"))
    with pytest.raises(BriefError) as error:
        yamlsource.read_yaml(path)
    (problem,) = error.value.problems
    assert problem.location is not None and (problem.location.file, problem.location.line) == (str(path), 2)
    assert (problem.field, problem.message, problem.hint) == (
        "", "not UTF-8 text (invalid continuation byte at byte 13)", "save the file as UTF-8")


def test_nesting_may_go_max_depth_levels_deep_and_not_one_more(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlsource, "MAX_DEPTH", 3)  # 64 as shipped, in miniature
    assert parse_yaml("a: {b: {c: 1}}\n", "t.yaml")[0] == {"a": {"b": {"c": 1}}}
    (problem,) = refused("a: {b: {c: {d: 1}}}\n").problems
    assert (problem.field, problem.message) == ("a.b.c", "nested more than 3 levels deep")
    assert problem.hint == "a brief needs only a few levels of nesting; flatten this part"
