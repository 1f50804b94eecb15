"""The note registry on its own: where :class:`Footnotes` puts marks and what its notes say, on small texts.

The tests through a whole brief (test_note_placement.py, test_notes.py) follow the
styles the shipped packs use; these pin the corners a template or a pack setting can
reach that no shipped brief does: French notes gathered by block or placed by word,
a Korean source line citing one work at two places, marks beside a table cell's
border or an escaped pipe, a stop inside quotation marks, blanks at a block's end.
Each was found by mutation testing (docs/testing.md): changing the line that
handles it failed no test before.
"""

from __future__ import annotations

import dataclasses
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from briefbuilder.load.locale import load_locale
from briefbuilder.markdown import Markdown
from briefbuilder.render.notes import IBID_FORMS, Citation, Footnotes

REFERENCE = re.compile(r"\{(\w+)(?::([^}]*))?\}")
MARK = re.compile(r"\[\^(\d+)\]")


def citation(work: str, locator: str = "") -> Citation:
    """A citation of ``work``; a work named ``L…`` is online, at ``https://example.org/L…``."""
    place = f", {locator}" if locator else ""
    return Citation(work, locator, full=lambda: Markdown(f"{work} in full{place}"),
                    short=lambda: Markdown(f"{work}{place}"), pinpoint=lambda: Markdown(locator),
                    link=lambda: Markdown(f"https://example.org/{work}") if work.startswith("L") else None)


def placed(lang: str, text: str, source_lines: bool = False, **marks: object) -> tuple[str, list[str]]:
    """``text`` with its ``{work}`` or ``{work:locator}`` references placed as notes, and the notes."""
    locale = load_locale(lang)
    notes = Footnotes(locale, IBID_FORMS["un"], dataclasses.replace(locale.note_marks, **marks),
                      source_lines=source_lines)
    body = REFERENCE.sub(lambda match: notes.cite(citation(match.group(1), match.group(2) or "")), text)
    return notes.place(body), re.findall(r"^\[\^\d+\]: (.*)$", notes.definitions(), flags=re.MULTILINE)


def test_french_block_note_goes_before_the_final_punctuation_of_the_block() -> None:
    text, notes = placed("fr", "Une phrase{A} ici. Puis{B} la fin.", at="block")
    assert text == "Une phrase ici. Puis la fin[^1]."
    assert notes == ["A in full ; B in full."]


def test_english_block_note_goes_after_the_final_punctuation_of_the_block() -> None:
    assert placed("en", "A sentence{A} here. Then{B} the end.", at="block")[0] == "A sentence here. Then the end.[^1]"


def test_a_reference_after_the_stop_joins_the_note_of_its_french_block() -> None:
    text, notes = placed("fr", "Une phrase{A} ici. La fin.{B}", at="block")
    assert text == "Une phrase ici. La fin[^1]."
    assert notes == ["A in full ; B in full."]


def test_french_word_marks_go_before_the_punctuation_after_the_word() -> None:
    assert placed("fr", "Le mot{A}, puis le mot{B}.", at="word")[0] == "Le mot[^1], puis le mot[^2]."


def test_english_word_marks_go_after_the_punctuation_after_the_word() -> None:
    assert placed("en", "The word{A}, then the word{B}.", at="word")[0] == "The word,[^1] then the word.[^2]"


def test_a_word_mark_on_the_last_word_of_the_text() -> None:
    assert placed("en", "The last word{A}", at="word")[0] == "The last word[^1]"


def test_a_korean_source_line_names_a_work_once_with_each_place_cited_in_it() -> None:
    text, notes = placed("ko", "첫째{A:12쪽} 문장. 둘째{A:15쪽} 문장.", at="block", source_lines=True)
    assert text == "첫째 문장. 둘째 문장.[^1]"
    assert notes == ["출처: A in full, 12쪽, 15쪽."]


def test_a_word_mark_stops_at_a_table_cells_border() -> None:
    assert placed("en", "| 66 cases{A}| next |", at="word")[0] == "| 66 cases[^1]| next |"


def test_an_escaped_pipe_is_part_of_the_word_not_a_cell_border() -> None:
    assert placed("en", r"| a\|b{A} c |", at="word")[0] == r"| a\|b[^1] c |"
    assert placed("en", r"| a{A}\|b c |", at="word")[0] == r"| a\|b[^1] c |"  # the word runs on past it


def test_a_reference_after_a_quoted_stop_is_marked_after_the_closing_quotes() -> None:
    assert placed("en", "It was “final.”{A} Then more.")[0] == "It was “final.”[^1] Then more."
    assert placed("en", "It was (“final.”){A} Then more.")[0] == "It was (“final.”)[^1] Then more."


def test_a_block_note_goes_before_the_blanks_that_end_its_last_line() -> None:
    assert placed("en", "Last line{A} ends.  \n\nNext.", at="block")[0] == "Last line ends.[^1]  \n\nNext."
    assert placed("en", "Last line{A} ends. \t\n\nNext.", at="block")[0] == "Last line ends.[^1] \t\n\nNext."


def test_a_stop_followed_by_a_lower_case_word_ends_no_sentence() -> None:
    assert placed("en", "A list{A} of things etc. and more. Next.")[0] == "A list of things etc. and more.[^1] Next."


def test_a_latin_stop_without_a_space_after_it_ends_no_sentence_a_cjk_one_does() -> None:
    assert placed("en", "See example.com{A} for more. Next.")[0] == "See example.com for more.[^1] Next."
    assert placed("ko", "첫 문장{A}。둘째 문장{B}。")[0] == "첫 문장。[^1]둘째 문장。[^2]"


def test_a_mark_never_splits_an_escaped_stop() -> None:
    assert placed("fr", r"Fin{A}\. Puis.")[0] == r"Fin[^1]\. Puis."  # before the escape, not between it and the stop
    assert placed("en", r"In 1982{A}\. Then.")[0] == r"In 1982\.[^1] Then."


def test_references_in_one_word_share_its_mark() -> None:
    text, notes = placed("ko", "66건{A}의{B} 사건을 확인하였다.", at="word")
    assert text == "66건의[^1] 사건을 확인하였다."
    assert notes == ["A in full; B in full."]


def test_every_reference_of_a_sentence_is_in_its_note_each_place_once() -> None:
    text, notes = placed("en", "One{A} two{B} three{C} and one again{A}.")
    assert text == "One two three and one again.[^1]"
    assert notes == ["A in full; B in full; C in full."]


def test_an_abbreviations_stop_ends_no_sentence() -> None:
    assert placed("en", "The report{A} cites para. 4 of it. Next.")[0] == "The report cites para. 4 of it.[^1] Next."


def test_a_korean_figure_sourced_apart_is_marked_when_the_sentence_ends_on_another() -> None:
    text, notes = placed("ko", "66건{A}의 사건과 113명{B}.")
    assert text == "66건의[^1] 사건과 113명.[^2]"
    assert notes == ["A in full.", "B in full."]


def test_a_korean_date_that_ends_the_text_ends_its_sentence() -> None:
    assert placed("ko", "조사{A} 2023. 10. 9.")[0] == "조사 2023. 10. 9.[^1]"


def test_a_link_follows_its_citation_in_a_note_citing_several_works_and_the_note_otherwise() -> None:
    assert placed("en", "Both{L1} here{B}.")[1] == ["L1 in full, available at https://example.org/L1; B in full."]
    assert placed("en", "Alone{L1} here.")[1] == ["L1 in full. Available at https://example.org/L1."]


def test_a_later_korean_source_line_names_the_work_short_with_each_place() -> None:
    text, notes = placed("ko", "첫째{A} 문장.\n\n둘째{A:12쪽} 문장. 셋째{A:15쪽} 문장.", at="block", source_lines=True)
    assert notes == ["출처: A in full.", "출처: A, 12쪽, 15쪽."]


def test_a_french_call_goes_before_the_stop_after_a_roman_numeral() -> None:
    assert placed("fr", "Voir le chapitre XX{A}.")[0] == "Voir le chapitre XX[^1]."


def test_a_citation_ending_in_an_ellipsis_keeps_it_before_the_notes_stop() -> None:
    assert placed("en", "Quoted{A:and then...} here.")[1] == ["A in full, and then...."]


_PROSE = st.text(alphabet="ab1 .,?!|\\”)\n\u00a0\u3002", max_size=30)


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(pieces=st.lists(_PROSE, min_size=2, max_size=5),
       style=st.sampled_from([("en", "sentence"), ("en", "word"), ("en", "block"), ("fr", "sentence"),
                              ("fr", "word"), ("fr", "block"), ("ko", "sentence")]))
def test_placing_notes_never_changes_the_text(pieces: list[str], style: tuple[str, str]) -> None:
    """Whatever the text and wherever its references stand, the marks are all that is added, numbered in order."""
    lang, at = style
    text, notes = placed(lang, "{A}".join(pieces), at=at)
    assert MARK.sub("", text) == "".join(pieces)
    assert [int(number) for number in MARK.findall(text)] == list(range(1, len(notes) + 1))
    assert notes
