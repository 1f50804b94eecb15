"""Where note marks go, per language and pack, and what they never do (issues 20.5 and 21.1).

English: the citations of a sentence in one note at its end, after the punctuation (UN
Editorial Manual, Footnotes ch. IX). French: before the final punctuation (Imprimerie
nationale). Korean: after the punctuation, and a figure sourced apart from its sentence marked
after its whole 어절 (noun and particle). In every language a mark only ever goes between
words: the property test renders arbitrary prose and takes the marks out again.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import msgspec
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from testdata import MINIMAL_BRIEF

from briefbuilder import load_brief, render_brief
from briefbuilder.model import Brief, Text

MARK = re.compile(r"\[\^\d+\]")
WIRE = """\
  - id: wire
    kind: news
    title: Figures confirmed
    publisher: Wire Agency
    date: 2024-11-01
"""
CASES = """\
  - id: cases
    value: 66
    unit: cases
    as_of: 2024-05-31
    sources: [wire]
    status: verified
    label: {en: cases, ko: 사건, fr: cas}
"""
TRILINGUAL = (MINIMAL_BRIEF
              .replace("languages: [en, ko]", "languages: [en, ko, fr]")
              .replace("title: {en: Disappearances, ko: 실종}", "title: {en: Disappearances, ko: 실종, fr: Disparitions}")
              .replace("title: {en: The Report, ko: 보고서}", "title: {en: The Report, ko: 보고서, fr: Le rapport}")
              .replace("heading: {en: Findings, ko: 조사 결과}", "heading: {en: Findings, ko: 조사 결과, fr: Constatations}")
              .replace("label: {en: victims, ko: 피해자}", "label: {en: victims, ko: 피해자, fr: victimes}")
              .replace("label: {en: share, ko: 비율}", "label: {en: share, ko: 비율, fr: part}")
              .replace("statistics:\n", WIRE + "statistics:\n" + CASES, 1))
AUDIENCE = {"en": "general", "ko": "general", "fr": "un-treaty-body"}


def with_findings(en: str, ko: str = "x", fr: str = "x", settings_block: str = "") -> str:
    text = TRILINGUAL.replace(
        '      en: "Of [[stat:victims]], [[stat:share|share]] vanished."\n'
        '      ko: "[[stat:victims]] 중 [[stat:share|share]]이 실종되었습니다."',
        f"      en: {json.dumps(en, ensure_ascii=False)}\n      ko: {json.dumps(ko, ensure_ascii=False)}\n"
        f"      fr: {json.dumps(fr, ensure_ascii=False)}")
    return text.replace("  date: 2024-11-20\n", "  date: 2024-11-20\n" + settings_block, 1)


def findings(markdown: str) -> str:
    """The findings paragraph, without the UN paragraph number."""
    paragraph = markdown.split("\n\n")[[i for i, block in enumerate(markdown.split("\n\n")) if block.startswith("## ")][0] + 1]
    return re.sub(r"^\d+\. ", "", paragraph)


def render(make_brief: Callable[..., Path], lang: str, **text: str) -> str:
    return findings(render_brief(make_brief(with_findings(**text)), lang, audience=AUDIENCE[lang]).markdown)


def test_english_gathers_a_sentence_into_one_note_after_its_final_punctuation(make_brief: Callable[..., Path]) -> None:
    text = render(make_brief, "en", en="It found [[stat:cases]] involving [[stat:victims]], all missing. Few returned.")
    assert text == "It found 66 cases involving 113 people, all missing.[^1] Few returned."


def test_french_puts_the_call_before_the_final_punctuation(make_brief: Callable[..., Path]) -> None:
    text = render(make_brief, "fr", en="x", fr="Il a recensé [[stat:cases]] et [[stat:victims]], toutes disparues. Peu sont revenues.")
    # a number and the word it counts keep together (no-break space: fr locale.yaml keep_together)
    assert re.fullmatch(r"Il a recensé 66\u00a0cas et 113\u00a0personnes, toutes disparues\[\^1\]\. Peu sont revenues\.",
                        text), text


def test_french_call_goes_before_a_question_mark_and_its_no_break_space(make_brief: Callable[..., Path]) -> None:
    text = render(make_brief, "fr", en="x", fr="Combien de [[stat:victims]] ?")
    assert text.endswith("personnes[^1]\u00a0?"), text  # the typed space made no-break


def test_korean_marks_a_figure_sourced_apart_after_its_whole_word(make_brief: Callable[..., Path]) -> None:
    text = render(make_brief, "ko", en="x", ko="[[stat:cases]]의 사건과 [[stat:victims]]과의 면담을 확인하였습니다.")
    # 66 cases come from the wire, 113 people from the report: the figure sourced apart is marked after
    # 66건의 (noun and particle), the rest of the sentence after its full stop
    assert text == "66건의[^1] 사건과 113명과의 면담을 확인하였습니다.[^2]"


def test_korean_sentence_with_one_source_has_one_note_after_the_full_stop(make_brief: Callable[..., Path]) -> None:
    text = render(make_brief, "ko", en="x", ko="[[stat:victims]]과의 면담에서 [[stat:share|share]]이 실종되었습니다.")
    assert text == "113명과의 면담에서 113명 중 92명(81.4%)이 실종되었습니다.[^1]"


def test_a_pack_can_change_the_placement_for_one_language(make_brief: Callable[..., Path]) -> None:
    settings_block = "  settings:\n    pack: {note_marks: {en: {at: word}}}\n"
    path = make_brief(with_findings(en="It found [[stat:cases]] involving [[stat:victims]], all missing.",
                                    settings_block=settings_block))
    assert findings(render_brief(path, "en").markdown) == "It found 66 cases[^1] involving 113 people,[^2] all missing."
    assert findings(render_brief(path, "ko").markdown) == "x"  # Korean keeps its own placement


def test_adjacent_sentences_citing_the_same_share_one_note(make_brief: Callable[..., Path]) -> None:
    text = render(make_brief, "en", en="[[stat:cases]] were found. [[stat:cases|value]] remain open. "
                                       "Nobody knows why. [[stat:cases|value]] were closed.")
    # the first two cite the same and follow one another: one note; an uncited sentence breaks the run
    assert text == "66 cases were found. 66 remain open.[^1] Nobody knows why. 66 were closed.[^2]"


def test_consecutive_identical_notes_say_ibid_with_a_capital(make_brief: Callable[..., Path]) -> None:
    path = make_brief(with_findings(en="[[stat:cases]] were found.\n\n[[stat:cases|value]] remain open."))
    for audience in ("general", "un-treaty-body"):  # OSCOLA (general, gov-briefing) and UN style
        markdown = render_brief(path, "en", audience=audience).markdown
        notes = re.findall(r"^\[\^\d+\]: (.*)$", markdown, flags=re.MULTILINE)
        assert notes[-1] == "Ibid.", (audience, notes)


# --- the property: a mark never changes a figure or a word --------------------------------------------
WORDS = {"en": ["the", "victims", "Ministry", "were", "found", "and", "in", "2024", "1,234", "81.4", "3.5", "No."],
         "fr": ["les", "victimes", "ont", "été", "et", "en", "2024", "1 234", "81,4", "l’État", "art."],
         "ko": ["피해자", "사건을", "확인하였습니다", "그리고", "2024년", "1,234명", "81.4%", "가족은"]}
STATUS = "[[status:CN|refugee-convention-1951]]"  # its first mention names the treaty in full: used once at most
REFERENCES = ["[[stat:victims|value]]", "[[stat:victims]]", "[[stat:share]]", "[[stat:cases]]",
              "[[cite:report|p. 2]]", "[[cite:wire]]", "[[stat:share|share]]", "[[law:refugee-convention-1951|33(1)]]",
              STATUS]
PARTICLES = {"en": [""], "fr": [""], "ko": ["", "의", "과의", "이", "을"]}
SEPARATORS = [" ", " ", " ", ", ", ". ", "; ", ": "]


def _prose(lang: str) -> st.SearchStrategy[list[str]]:
    piece = st.one_of(st.sampled_from(WORDS[lang]),
                      st.tuples(st.sampled_from(REFERENCES), st.sampled_from(PARTICLES[lang])).map("".join))
    return st.lists(st.tuples(piece, st.sampled_from(SEPARATORS)).map("".join), min_size=1, max_size=14)


_BRIEF: dict[str, Brief] = {}


def _brief(tmp_path_factory: object) -> Brief:
    if "brief" not in _BRIEF:
        folder = Path(__import__("tempfile").mkdtemp(prefix="note-marks-"))
        (folder / "brief.yaml").write_text(TRILINGUAL, encoding="utf-8")
        _BRIEF["brief"] = load_brief(folder / "brief.yaml")
    return _BRIEF["brief"]


def _rendered(brief: Brief, lang: str, prose: str) -> str:
    section = brief.sections[0]
    text = Text.parse({"en": prose, "ko": prose, "fr": prose})
    changed = msgspec.structs.replace(brief, sections=[msgspec.structs.replace(section, text=text)])
    return findings(render_brief(changed, lang, audience=AUDIENCE[lang]).markdown)


def _resolved(brief: Brief, lang: str) -> dict[str, str]:
    """What each reference prints, marks taken out: rendered once, alone, between two words."""
    key = f"resolved-{lang}"
    if key not in _BRIEF:
        _BRIEF[key] = {ref: MARK.sub("", _rendered(brief, lang, f"A {ref} B"))[2:-2] for ref in REFERENCES}  # type: ignore[assignment]
    return _BRIEF[key]  # type: ignore[return-value]


@settings(max_examples=40, deadline=None, derandomize=True, database=None)
@given(lang=st.sampled_from(["en", "fr", "ko"]), data=st.data())
def test_taking_the_marks_out_gives_back_the_text_with_its_references_resolved(lang: str, data: st.DataObject) -> None:
    brief = _brief(None)
    pieces = data.draw(_prose(lang))
    assume(sum(piece.count(STATUS) for piece in pieces) <= 1)
    prose = "Start " + "".join(pieces).rstrip()
    expected = prose
    for ref, printed in _resolved(brief, lang).items():
        expected = expected.replace(ref, printed)
    body = _rendered(brief, lang, prose)
    marks = list(MARK.finditer(body))
    text = MARK.sub("", body)
    assert text.replace("\u00a0", " ") == " ".join(expected.replace("\u00a0", " ").split(" ")), body
    offset = 0
    for mark in marks:
        at = mark.start() - offset
        offset += mark.end() - mark.start()
        # between words only: never followed by a letter or digit of the same word or figure ("1,[^7]234")
        assert at == len(text) or not text[at].isalnum(), (body, at)
    if any(ref in prose for ref in REFERENCES):
        assert marks, body  # the sources are still cited


def test_a_mark_never_lands_inside_a_number(make_brief: Callable[..., Path]) -> None:
    # issue 20: this printed "113 victims and 1,[^1]234 witnesses", a figure the brief never gave
    text = render(make_brief, "en", en="[[stat:victims|value]] victims and 1,234 witnesses came forward.")
    assert text == "113 victims and 1,234 witnesses came forward.[^1]"


def test_a_korean_dotted_date_ends_no_sentence(make_brief: Callable[..., Path]) -> None:
    # "2024. 10. 31." is a date (document-style.md A14), not three sentence ends
    text = render(make_brief, "ko", en="x", ko="[[stat:victims]]은 2024. 10. 31. 기준 [[stat:cases]]의 사건에서 확인되었습니다.")
    assert text == "113명은[^1] 2024.\u00a010.\u00a031. 기준 66건의 사건에서 확인되었습니다.[^2]"


def test_source_lines_gather_a_whole_block_into_one_note_naming_each_source_once(make_brief: Callable[..., Path]) -> None:
    """A Korean report's ※ line under each block (gov-briefing): a list item with the items under it is one block,
    its citations one note at its end, each source named once however often its figures cite it."""
    settings_block = "  settings:\n    pack: {notes: {ko: source-lines}, note_marks: {ko: {at: block}}}\n"
    ko = ("- 주요 수치: [[stat:victims]]\n  - [[stat:share|share]]\n  - [[stat:cases]]의 사건\n"
          "- [[stat:share|share]]이 실종됨")
    markdown = render_brief(make_brief(with_findings(en="x", ko=ko, settings_block=settings_block)), "ko").markdown
    assert findings(markdown) == ("- 주요 수치: 113명\n  - 113명 중 92명(81.4%)\n  - 66건의 사건[^1]\n"
                                  "- 113명 중 92명(81.4%)이 실종됨[^2]")
    notes = re.findall(r"^\[\^\d+\]: (.*)$", markdown, flags=re.MULTILINE)
    assert len(notes) == 2 and all(note.startswith("출처: ") for note in notes), notes
    assert notes[0].count("보고서") == 1 and notes[0].count("Wire Agency") == 1, notes[0]
    assert "Wire Agency" not in notes[1] and "보고서" in notes[1], notes[1]
