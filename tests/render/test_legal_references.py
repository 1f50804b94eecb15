"""Legal references as each audience cites them: the worked example and small briefs.

The expected wording is the issue's own: OSCOLA in general English briefs, the
UN Editorial Manual's form for UN mechanisms, 「」 and 제33조 제1항 in Korean,
and 개조식 noun endings in the Korean government report.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from testdata import EXAMPLE, MINIMAL_BRIEF

from briefbuilder import BriefError, load_brief, render_brief
from briefbuilder.markdown_tree import parse_markdown, visible_text

LAW_SECTION = """\
  - id: law
    heading: {en: Law, ko: 법}
    text:
      en: "[[status:RU|refugee-convention-1951]] Return is barred[[law:refugee-convention-1951|33(1)]]. See also[[law:refugee-convention-1951|33]]."
      ko: "[[status:RU|refugee-convention-1951]] 송환은 금지됩니다[[law:refugee-convention-1951|33(1)]]. 또한[[law:refugee-convention-1951|33]] 참조."
"""


def notes(markdown: str) -> dict[str, str]:
    """Footnote definitions by label."""
    return dict(re.findall(r"^\[\^(\d+)\]: (.*)$", markdown, flags=re.MULTILINE))


@pytest.fixture(scope="module")
def example() -> Callable[[str, str], str]:
    brief = load_brief(EXAMPLE)
    cache: dict[tuple[str, str], str] = {}

    def markdown(audience: str, language: str) -> str:
        if (audience, language) not in cache:
            cache[audience, language] = render_brief(brief, language, audience=audience).markdown
        return cache[audience, language]

    return markdown


@pytest.fixture
def law_brief(make_brief: Callable[..., Path]) -> Callable[..., Path]:
    def write(settings: str = "") -> Path:
        head, _, rest = MINIMAL_BRIEF.partition("sources:")
        return make_brief(head + settings + "sources:" + rest + LAW_SECTION)

    return write


def test_example_cites_iccpr_and_refugee_convention_in_oscola(example: Callable[[str, str], str]) -> None:
    text = example("general", "en")
    cited = notes(text).values()
    assert ("International Covenant on Civil and Political Rights (adopted 16 December 1966, "
            "entered into force 23 March 1976) 999 UNTS 171, art 12(2).") in cited
    assert ("Convention relating to the Status of Refugees (adopted 28 July 1951, "
            "entered into force 22 April 1954) 189 UNTS 137, art 33(1).") in cited
    assert "North Korea acceded to the International Covenant on Civil and Political Rights (ICCPR) on 14 September 1981." in text
    assert "North Korea is not a party to the Convention relating to the Status of Refugees (Refugee Convention)." in text
    # two States, one action, written side by side: one sentence, not one per State
    assert "China and Russia acceded to the Refugee Convention on 24 September 1982 and 2 February 1993 respectively." in text


def test_example_cites_treaties_in_korean_style(example: Callable[[str, str], str]) -> None:
    text = example("general", "ko")
    cited = notes(text).values()
    assert "「시민적 및 정치적 권리에 관한 국제규약」(1966년 12월 16일 채택, 1976년 3월 23일 발효) 999 UNTS 171 제12조 제2항." in cited
    assert "「난민의 지위에 관한 협약」(1951년 7월 28일 채택, 1954년 4월 22일 발효) 189 UNTS 137 제33조 제1항." in cited
    assert "북한은 「난민의 지위에 관한 협약」(이하 「난민협약」)의 당사국이 아닙니다." in text
    assert "중국 및 러시아는 각각 1982년 9월 24일 및 1993년 2월 2일 「난민협약」에 가입하였습니다." in text


@pytest.mark.parametrize(("language", "primary"), [
    ("en", "United Nations, *Treaty Collection*, Status of Treaties, chapter IV.4, "
           "International Covenant on Civil and Political Rights. Available at "),
    ("ko", "유엔 조약집(United Nations Treaty Collection), 조약 현황 IV.4, 「시민적 및 정치적 권리에 관한 국제규약」."),
])
def test_every_status_sentence_cites_the_treaty_collection(example: Callable[[str, str], str], language: str,
                                                           primary: str) -> None:
    text = example("general", language)
    definitions = notes(text)
    statuses = list(re.finditer(r"acceded to|party to|가입하였습니다|당사국이 아닙니다", text))
    assert len(statuses) == 3  # DPRK under two treaties; China and Russia in one sentence under one
    # each status sentence is cited by the next mark of its paragraph: its own, or the one note that
    # the sentences after it citing the same status page share
    status_marks = [re.search(r"\[\^(\d+)\]", text[status.end():].split("\n\n")[0]).group(1)  # type: ignore[union-attr]
                    for status in statuses]
    assert definitions[status_marks[0]].startswith(primary)
    for label in status_marks:  # the primary source, in full, short or ibid.; never the catalog's provenance
        assert "Treaty Collection" in definitions[label] or "조약집" in definitions[label]
        assert not re.search(r"UNTC|U15|W22|research notes|scrape|confirmed|확인됨", definitions[label])


def test_un_audiences_cite_in_un_document_style(example: Callable[[str, str], str]) -> None:
    text = example("un-upr", "en")
    cited = notes(text).values()
    assert ("Convention relating to the Status of Refugees (28 July 1951), United Nations, *Treaty Series*, "
            "vol. 189, p. 137, art. 33 (1).") in cited
    assert not any("UNTS" in note for note in cited)
    assert "The Democratic People’s Republic of Korea is not a party to the Convention relating to the Status of Refugees" in text
    assert ("China and the Russian Federation acceded to the Refugee Convention on 24 September 1982 and "
            "2 February 1993 respectively.") in text
    assert any(note.startswith("United Nations, *Treaty Collection*, Status of Treaties, chapter V.2, "
                               "Convention relating to the Status of Refugees. Available at") for note in cited)


@pytest.mark.parametrize(("audience", "full", "short"), [
    ("general", "189 UNTS 137, art 33(1).", "Ibid art 33."),  # OSCOLA's ibid, capitalised: it opens the note
    ("un-treaty-body", "United Nations, *Treaty Series*, vol. 189, p. 137, art. 33 (1).", "Ibid., art. 33."),
])
def test_first_citation_is_full_and_the_next_one_ibid(law_brief: Callable[..., Path], audience: str,
                                                      full: str, short: str) -> None:
    cited = list(notes(render_brief(law_brief(), "en", audience=audience).markdown).values())
    treaty_notes = [note for note in cited if "Treaty Collection" not in note and "Report" not in note and "p. 15" not in note]
    assert len(treaty_notes) == 2
    assert treaty_notes[0].endswith(full) and treaty_notes[1] == short


def test_korean_short_citation_follows_the_full_one(law_brief: Callable[..., Path]) -> None:
    cited = list(notes(render_brief(law_brief(), "ko", audience="un-treaty-body").markdown).values())
    assert cited[-2].startswith("「난민의 지위에 관한 협약」(1951년 7월 28일 채택") and cited[-2].endswith("제33조 제1항.")
    # UN style repeats the title, as the English does: a translation may only use the placeholders
    # its msgid has (pybabel compile / msgfmt -c), and the UN-style later citation has only %(title)s.
    assert cited[-1] == "「난민의 지위에 관한 협약」 제33조."


def test_korean_government_report_states_status_in_noun_endings(example: Callable[[str, str], str]) -> None:
    report = example("gov-briefing", "ko")
    blocks = parse_markdown(report).blocks
    lines = [visible_text(block) for block in blocks]
    items = [visible_text(item) for block in blocks for item in block.iter("li")]
    assert "중국은 1982.\u00a09.\u00a024. 「난민의 지위에 관한 협약」(이하 「난민협약」)에 가입함" in items
    assert "러시아는 1993.\u00a02.\u00a02. 「난민협약」에 가입함" in items
    assert "가입하였습니다" not in report
    assert lines[2] == "2024.\u00a011.\u00a020."  # the cover's date, a paragraph: not a list numbered 2024
    english = example("gov-briefing", "en")
    assert ("China and Russia acceded to the Convention relating to the Status of Refugees (Refugee Convention) on "
            "24 September 1982 and 2 February 1993 respectively.") in english


def test_a_brief_can_choose_its_citation_style(law_brief: Callable[..., Path]) -> None:
    path = law_brief("  settings:\n    pack: {citation_style: un, sentence_style: {ko: noun-ending}}\n")
    english = notes(render_brief(path, "en", audience="general").markdown).values()
    assert any(note.endswith("United Nations, *Treaty Series*, vol. 189, p. 137, art. 33 (1).") for note in english)
    korean = render_brief(path, "ko", audience="general").markdown
    assert "러시아는 1993년 2월 2일 「난민의 지위에 관한 협약」(이하 「난민협약」)에 가입함" in korean


def test_unknown_citation_style_is_a_located_error(law_brief: Callable[..., Path]) -> None:
    path = law_brief("  settings:\n    pack: {citation_style: apa}\n")
    with pytest.raises(BriefError) as error:
        render_brief(path, "en", audience="general")
    message = str(error.value)
    assert message.startswith(f"{path}:7: error: citation_style:")  # the brief's line, not the pack's
    assert "'oscola'" in message and "'un'" in message


def test_no_footnote_ends_in_two_full_stops(example: Callable[[str, str], str]) -> None:
    for audience in ("general", "gov-briefing", "un-upr"):
        for language in ("en", "ko"):
            doubled = [note for note in notes(example(audience, language)).values() if note.endswith("..")]
            assert not doubled, (audience, language, doubled)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_treaty_status_table_names_each_state_as_a_table_cell_does(example: Callable[[str, str], str],
                                                                       language: str) -> None:
    """"Chine", "China" in the State column, not "la Chine" or "the Democratic People's Republic of Korea"
    opening a cell in lower case, as a sentence would write them."""
    rows = [line for line in example("un-treaty-body", language).splitlines()
            if re.match(r"\| [^|]+ \| (ICCPR|Refugee Convention|Pacte|Convention de 1951) \|", line)]
    states = [row.split("|")[1].strip() for row in rows]
    assert len(states) == 4, rows
    assert all(state[:1].isupper() for state in states), states
