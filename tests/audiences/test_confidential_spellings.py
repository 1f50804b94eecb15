"""A confidential submitter's name is caught however it is typed: NFD, zero-width, full-width, case, escapes."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefbuilder import check_brief
from briefbuilder.check import comparable as comparable_module
from briefbuilder.check.comparable import comparable, mentions
from briefbuilder.cli import main

SPELLINGS = {
    "as written": "HONG Mi-ran",
    "NFD Korean": unicodedata.normalize("NFD", "홍미란"),
    "zero-width space": "HONG Mi\u200b-ran",
    "zero-width joiner in Korean": "홍\u200d미란",
    "soft hyphen": "HONG Mi-\u00adran",
    "word joiner": "홍미\u2060란",
    "another case": "hong mi-ran",
    "full-width letters": "ＨＯＮＧ Mi-ran",
    "two spaces": "HONG  Mi-ran",
    "Markdown escape": "HONG Mi\\\\-ran",  # YAML double quotes: Mi\\-ran in the file, Mi\-ran in Markdown
    "combining grapheme joiner": "HONG Mi-r\u034fan",
    "variation selector": "홍미\ufe0f란",
    "Hangul filler": "홍\u3164미란",
}


def _errors(folder: Path, audience: str) -> list[str]:
    return [f.message for f in check_brief(folder, audience=audience)
            if f.severity == "error" and f.rule == "constraints.confidential-submitter"]


@pytest.mark.parametrize("spelling", list(SPELLINGS))
def test_every_spelling_of_the_confidential_name_is_caught(spelling: str,
                                                           write_brief: Callable[..., Path]) -> None:
    folder = write_brief(filler=f"Her sister {SPELLINGS[spelling]} reported it.")
    assert _errors(folder, "un-upr")
    assert _errors(folder, "un-wgeid") == []


def test_a_disguised_name_is_never_written(write_brief: Callable[..., Path], tmp_path: Path) -> None:
    folder = write_brief(filler="Her sister HONG Mi\u200b-ran reported it.")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(folder), "--audience", "un-upr", "-o", str(out)])
    assert result.exit_code == 1 and "constraints.confidential-submitter" in result.output
    assert not out.exists() or not any(out.iterdir())


def test_other_people_are_not_mistaken_for_the_submitter(write_brief: Callable[..., Path]) -> None:
    assert _errors(write_brief(filler="Her sister HONG Mi-sun reported it."), "un-upr") == []


def test_the_comparable_form_keeps_words_apart() -> None:
    assert comparable("HONG\u200b  Mi-ran\n") == comparable("hong mi-ran") == "hong mi-ran"
    assert comparable("HONG Mi-ran") != comparable("HONGMi-ran")


@pytest.mark.parametrize("piece_chars", [4, 7, 16])
def test_a_long_document_is_searched_piece_by_piece_without_missing_a_name_across_a_cut(
        piece_chars: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(comparable_module, "PIECE_CHARS", piece_chars)  # as a long document is cut, in miniature
    lines = ["Para one.", "", "Her sister", "HONG Mi\u200b-ran", "reported it.", "", "Other text here."]
    for cut in range(len(lines) + 1):  # the name starts on a line of its own after every possible cut
        text = "\n".join(lines[:cut] + ["x" * piece_chars] + lines[cut:])
        assert comparable_module.mentions(text, {"HONG Mi-ran"}) == ("hong mi-ran" in comparable(text))
    assert comparable_module.mentions("HONG\n\n\nMi-ran " * 3, {"hong mi-ran"})
    assert not comparable_module.mentions("HONG\nMi-sun\n" * 5, {"HONG Mi-ran"})


def test_a_long_document_is_folded_in_pieces_as_long_as_the_bound_and_its_line_breaks_allow(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Each piece but the first starts at a line break, none is longer than PIECE_CHARS, and none is cut shorter
    than it must be: folding copies a piece several times, so a piece of the whole text is what took 580 MB."""
    monkeypatch.setattr(comparable_module, "PIECE_CHARS", 32)
    text = "\n".join(f"line {number:03}" for number in range(41))  # 9 characters with its line break
    pieces = list(comparable_module._pieces(text))
    assert "".join(pieces) == text and all(piece.startswith("\n") for piece in pieces[1:])
    assert [len(piece) for piece in pieces] == [26] + [27] * 12 + [18]  # three lines a piece, the two left at the end
    long_lines = "short\n" + "y" * 50 + "\nshort2\n" + "z" * 40  # a line longer than a piece is cut after it
    pieces = list(comparable_module._pieces(long_lines))
    assert "".join(pieces) == long_lines and [len(piece) for piece in pieces] == [5, 51, 7, 41]


def _default_ignorable() -> list[str]:
    """Every Default_Ignorable_Code_Point of the Unicode version the ``regex`` module implements."""
    import regex

    pattern = regex.compile(r"\p{Default_Ignorable_Code_Point}")
    return [chr(code) for code in range(0x110000) if not 0xD800 <= code <= 0xDFFF and pattern.match(chr(code))]


def test_no_default_ignorable_code_point_hides_the_name() -> None:
    invisible = _default_ignorable()
    assert len(invisible) > 4000 and {"\u034f", "\ufe0f", "\u3164", "\U000e0041"} <= set(invisible)
    hidden = [f"U+{ord(char):04X}" for char in invisible
              if not mentions(f"Her sister HONG Mi-r{char}an (홍미{char}란) reported it.", {"HONG Mi-ran", "홍미란"})]
    assert hidden == []
