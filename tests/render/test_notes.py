"""Notes as UN and Korean practitioners write them (issue 10).

One note per citation point, marks after the closing punctuation and never on
a figure, full citations once then short forms and ibid., locators in each
language's form, qualifiers kept, attribution as a clause of its own, status
as at the brief's date. Small briefs state one behaviour each; the worked
example is read back from Markdown here and from Word in test_notes_docx.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from testdata import MINIMAL_BRIEF

from briefbuilder import BriefError, render_brief
from briefbuilder import check_brief as check
from briefbuilder.markdown_tree import parse_markdown, visible_text

MARK = re.compile(r"\[\^(\d+)\]")


def notes(markdown: str) -> dict[str, str]:
    return dict(re.findall(r"^\[\^(\d+)\]: (.*)$", markdown, flags=re.MULTILINE))


def visible_notes(markdown: str) -> dict[str, str]:
    """The notes as a reader sees them (Markdown escapes resolved)."""
    return {label: visible_text(note).strip() for label, note in parse_markdown(markdown).footnotes.items()}


def body(markdown: str) -> str:
    return markdown.split("\n[^1]: ")[0]


def with_text(en: str, ko: str = "", extra: str = "") -> str:
    """The minimal brief with its findings text replaced (and sources or statistics added)."""
    text = MINIMAL_BRIEF.replace(
        '''      en: "Of [[stat:victims]], [[stat:share|share]] vanished."
      ko: "[[stat:victims]] 중 [[stat:share|share]]이 실종되었습니다."''',
        f"      en: {en!r}\n      ko: {(ko or en)!r}".replace("\\\\", "\\"))
    return text.replace("statistics:\n", extra + "statistics:\n") if extra else text


def rendered(make_brief: Callable[..., Path], en: str, ko: str = "", extra: str = "", lang: str = "en",
             audience: str = "general") -> str:
    return render_brief(make_brief(with_text(en, ko, extra)), lang, audience=audience).markdown


SECOND_SOURCE = """\
  - id: wire
    kind: news
    title: Figures confirmed
    publisher: Wire Agency
    date: 2024-11-01
"""
TWO_SOURCED = """\
  - id: both
    value: 66
    unit: cases
    as_of: 2024-05-31
    sources: [{id: report, page: 3}, wire]
    status: verified
    label: {en: cases, ko: 사건}
"""


def test_citations_at_one_point_become_one_note(make_brief: Callable[..., Path]) -> None:
    extra = SECOND_SOURCE.replace("  - id: wire", "  - id: wire") + "statistics:\n" + TWO_SOURCED
    text = MINIMAL_BRIEF.replace("statistics:\n", extra, 1).replace(
        "Of [[stat:victims]], [[stat:share|share]] vanished.", "It found [[stat:both]][[cite:report|p. 9]] in all.")
    markdown = render_brief(make_brief(text), "en").markdown
    assert "It found 66 cases in all.[^1]" in markdown
    assert notes(markdown)["1"] == ("Example Publisher, *The Report* (31 October 2024), p. 3; "
                                    "Wire Agency, “Figures confirmed”, 1 November 2024; "
                                    "Example Publisher, *The Report*, p. 9.")


@pytest.mark.parametrize(("lang", "en", "ko", "expected"), [
    ("en", "Leaving is free[[cite:report|p. 2]]. So it is.", "", "Leaving is free.[^1] So it is."),
    ("en", "Leaving is free[[cite:report|p. 2]], they say.", "", "Leaving is free, they say.[^1]"),
    ("en", "It counted [[stat:victims|value]] victims in all, then stopped.", "",
     "It counted 113 victims in all, then stopped.[^1]"),
    ("ko", "", "떠날 자유가 있습니다[[cite:report|p. 2]]. 그렇습니다.", "떠날 자유가 있습니다.[^1] 그렇습니다."),
])
def test_mark_goes_after_closing_punctuation_and_never_touches_a_figure(
        make_brief: Callable[..., Path], lang: str, en: str, ko: str, expected: str) -> None:
    markdown = rendered(make_brief, en or "x", ko or en, lang=lang)
    assert expected in markdown
    assert not re.search(r"\d\[\^", body(markdown)) and not re.search(r"\]\[\^", body(markdown))


def test_first_citation_full_then_short_then_ibid(make_brief: Callable[..., Path]) -> None:
    en = ("One[[cite:report|para. 4]]. Two[[cite:report|para. 4]]. Three[[cite:report|para. 5]]. "
          "Four[[cite:wire]]. Five[[cite:report|para. 6]].")
    text = with_text(en, en).replace("statistics:\n", SECOND_SOURCE + "statistics:\n", 1)
    un = list(notes(render_brief(make_brief(text), "en", audience="un-treaty-body").markdown).values())
    assert un[0] == "Example Publisher, *The Report* (31 October 2024), para. 4."  # "One" and "Two": one note
    assert un[1] == "Ibid., para. 5."
    assert un[3] == "Example Publisher, *The Report*, para. 6."  # not ibid.: the note before cites another work
    oscola = list(notes(render_brief(make_brief(text), "en", audience="general").markdown).values())
    assert oscola[1] == "Ibid para. 5."  # OSCOLA's ibid, capitalised where it opens a note
    korean = list(notes(render_brief(make_brief(text), "ko", audience="un-treaty-body").markdown).values())
    assert korean[1] == "Example Publisher, 『보고서』, 5번째 문단."  # Korean repeats the short form


@pytest.mark.parametrize(("written", "en", "ko"), [
    ("para. 4", "para. 4", "4번째 문단"),  # a paragraph of a report is a passage, not a provision (제4항)
    ("paras. 4-6", "paras. 4\u20136", "4~6번째 문단"),
    ("pp. 3-4", "pp. 3\u20134", "3~4쪽"),
    ("p. 15", "p. 15", "15쪽"),
    ("section 2", "section 2", "2절"),
    ("chap. IV", "chap. IV", "제IV장"),
    ("annex II", "annex II", "부속서 II"),
])
def test_locators_render_in_each_language(make_brief: Callable[..., Path], written: str, en: str, ko: str) -> None:
    source = f"It is so[[cite:report|{written}]]."
    assert visible_notes(rendered(make_brief, source))["1"] == f"Example Publisher, The Report (31 October 2024), {en}."
    assert visible_notes(rendered(make_brief, source, lang="ko"))["1"] == f"Example Publisher, 『보고서』(2024년 10월 31일), {ko}."


def test_locator_in_the_sources_list_uses_the_same_forms(make_brief: Callable[..., Path]) -> None:
    text = MINIMAL_BRIEF.replace("sources: [{id: report, page: 12}]", "sources: [{id: report, page: 3-4}]")
    assert "*The Report* (31 October 2024), pp. 3\u20134;" in render_brief(make_brief(text), "en").markdown


@pytest.mark.parametrize("written", ["para four", "folio 3", "p. 3-", "pp. 3 to 4"])
def test_unreadable_locator_is_a_located_error(make_brief: Callable[..., Path], written: str) -> None:
    with pytest.raises(BriefError) as raised:
        rendered(make_brief, f"It is so[[cite:report|{written}]].")
    problem = raised.value.problems[0]
    assert problem.location is not None and problem.location.line > 1
    assert "locator" in problem.message and "para. 64" in problem.hint


QUALIFIED = MINIMAL_BRIEF.replace("    value: 113\n    unit: persons\n", "    value: 500\n    unit: persons\n    qualifier: more-than\n")


@pytest.mark.parametrize(("option", "en", "ko"), [
    ("", "more than 500 people", "500명 초과"),
    ("|value", "more than 500", "500 초과"),
    ("|attributed", "more than 500 people", "500명 초과"),
])
def test_a_qualified_figure_keeps_its_qualifier_in_every_form(make_brief: Callable[..., Path], option: str,
                                                              en: str, ko: str) -> None:
    text = QUALIFIED.replace("Of [[stat:victims]], [[stat:share|share]] vanished.", f"There were [[stat:victims{option}]].")
    text = text.replace("[[stat:victims]] 중 [[stat:share|share]]이 실종되었습니다.", f"[[stat:victims{option}]]이었습니다.")
    path = make_brief(text)
    assert en in render_brief(path, "en").markdown
    assert ko in render_brief(path, "ko").markdown


def test_a_share_of_a_qualified_figure_keeps_the_qualifier(make_brief: Callable[..., Path]) -> None:
    text = MINIMAL_BRIEF.replace("    value: 81.4\n", "    value: 81.4\n    qualifier: about\n")
    path = make_brief(text)
    assert "Of 113 people, about 81.4% vanished.[^1]" in render_brief(path, "en").markdown
    assert "113명 중 약 81.4%이 실종되었습니다.[^1]" in render_brief(path, "ko").markdown


RELAYED = """\
  - id: uca
    kind: news
    title: Detainees in the north
    publisher: UCA News
    relays: {en: Human Rights Watch, ko: 휴먼라이츠워치}
    date: 2023-10-17
"""
DETAINED = """\
  - id: detained
    value: 500
    unit: persons
    qualifier: more-than
    as_of: 2023-10-09
    sources: [uca]
    status: reported
    label: {en: detained, ko: 구금}
"""


@pytest.mark.parametrize(("lang", "en", "ko", "expected"), [
    ("en", "[[stat:detained|attributed]] remain detained.", "",
     "According to Human Rights Watch, as reported by UCA News, more than 500 people remain detained.[^1]"),
    ("en", "Officials said that [[stat:detained|attributed]] remain detained.", "",
     "Officials said that more than 500 people remain detained, according to Human Rights Watch, "
     "as reported by UCA News.[^1]"),
    ("ko", "", "2023. 10. 9. 현재 [[stat:detained|attributed]]가 구금되어 있습니다.",
     # the date keeps together (locale.yaml keep_together): no-break spaces
     "휴먼라이츠워치(UCA News 보도)에 따르면 2023.\u00a010.\u00a09. 현재 500명 초과가 구금되어 있습니다.[^1]"),
])
def test_attribution_is_a_clause_of_its_own_naming_the_producer(make_brief: Callable[..., Path], lang: str,
                                                                 en: str, ko: str, expected: str) -> None:
    text = MINIMAL_BRIEF.replace("statistics:\n", RELAYED + "statistics:\n" + DETAINED, 1)
    text = text.replace("Of [[stat:victims]], [[stat:share|share]] vanished.", en or "x")
    text = text.replace("[[stat:victims]] 중 [[stat:share|share]]이 실종되었습니다.", ko or "x")
    markdown = render_brief(make_brief(text), lang).markdown
    assert expected in markdown


def test_attribution_rule_reads_past_a_korean_date(make_brief: Callable[..., Path]) -> None:
    text = MINIMAL_BRIEF.replace("statistics:\n", RELAYED + "statistics:\n" + DETAINED, 1)
    text = text.replace("Of [[stat:victims]], [[stat:share|share]] vanished.",
                        "According to Human Rights Watch, [[stat:detained]] remain detained.")
    text = text.replace("[[stat:victims]] 중 [[stat:share|share]]이 실종되었습니다.",
                        "휴먼라이츠워치에 따르면 2023. 10. 9. 기준 [[stat:detained]]이 구금되어 있습니다.")
    findings = [f for f in check(make_brief(text), languages=["en", "ko"]) if f.rule == "status.reported-unattributed"]
    assert findings == []


def test_no_empty_slot_when_a_source_has_no_publisher(make_brief: Callable[..., Path]) -> None:
    source = "  - id: experts\n    kind: website\n    title: UN experts\n    date: 2023-10-17\n"
    text = MINIMAL_BRIEF.replace("statistics:\n", source + "statistics:\n", 1)
    text = text.replace("Of [[stat:victims]], [[stat:share|share]] vanished.", "Experts spoke[[cite:experts]].")
    text = text.replace("[[stat:victims]] 중 [[stat:share|share]]이 실종되었습니다.", "전문가들이 말했습니다[[cite:experts]].")
    path = make_brief(text)
    assert notes(render_brief(path, "en").markdown)["1"] == "“UN experts” (17 October 2023)."
    assert notes(render_brief(path, "ko").markdown)["1"] == "\u201cUN experts\u201d (2023년 10월 17일)."


def test_english_prints_curly_quotes_but_urls_keep_their_characters(make_brief: Callable[..., Path]) -> None:
    source = ("  - id: site\n    kind: website\n    title: The \"Nowhere\" people\n    publisher: Example\n"
              "    date: 2023-10-17\n    url: https://example.org/it's\"here\"\n")
    text = MINIMAL_BRIEF.replace("statistics:\n", source + "statistics:\n", 1)
    text = text.replace("Of [[stat:victims]], [[stat:share|share]] vanished.",
                        "The State's \\\"answer\\\" came late[[cite:site]].")
    markdown = render_brief(make_brief(text), "en").markdown
    assert "The State\u2019s \u201canswer\u201d came late." in markdown
    assert "\u201cThe \u201cNowhere\u201d people\u201d" in notes(markdown)["1"]
    assert "(<https://example.org/it's%22here%22>)" in notes(markdown)["1"] or \
        "<https://example.org/it's\"here\">" in notes(markdown)["1"]


ICPPED = """\
  - id: law
    heading: {en: Law, ko: 법}
    text:
      en: "[[status:KR|icpped]]"
      ko: "[[status:KR|icpped]]"
claims:
  - {state: KR, treaty: icpped, party: true}
"""


def test_status_and_claims_are_as_at_the_briefs_date(make_brief: Callable[..., Path]) -> None:
    text = MINIMAL_BRIEF.replace("date: 2024-11-20", "date: 2022-06-01") + ICPPED
    path = make_brief(text)
    english = render_brief(path, "en").markdown
    assert "Korea is not a party to the International Convention for the Protection of All Persons" in english
    assert "acceded" not in english
    korean = render_brief(path, "ko").markdown
    assert "가입하였습니다" not in korean and "당사국이 아닙니다" in korean
    errors = [f for f in check(path) if f.rule == "claims.contradiction"]
    assert len(errors) == 1 and "2022-06-01" in errors[0].message and "2023-01-04" in errors[0].message
    later = make_brief(text.replace("date: 2022-06-01", "date: 2023-06-01"))
    assert "acceded to the International Convention" in render_brief(later, "en").markdown
    assert not [f for f in check(later) if f.rule == "claims.contradiction"]


def test_annex_cites_the_public_treaty_page_and_never_the_catalogs_compilation_notes() -> None:
    from testdata import EXAMPLE
    for audience, language in (("general", "en"), ("un-treaty-body", "fr"), ("un-treaty-body", "ko")):
        markdown = render_brief(EXAMPLE, language, audience=audience).markdown
        annex = markdown.split("\n## ")[-1].split("\n[^1]: ")[0]
        rows = [line for line in annex.splitlines() if "V.2" in line]
        assert len(rows) == 3, annex  # the DPRK, China, the Russian Federation under the Refugee Convention
        for text in (annex, *notes(markdown).values()):
            for internal in ("UNTC scrape", "research notes", "U15", "W22", "not this table", "2026", "confirmed"):
                assert internal not in text, (audience, language, internal)
    english = render_brief(EXAMPLE, "en", audience="general").markdown.split("## Annex")[1]
    assert "| the Democratic People\u2019s Republic of Korea | Refugee Convention | not a party | United Nations, " \
           "*Treaty Collection*, Status of Treaties, chapter V.2, Convention relating to the Status of Refugees |" \
           in english.replace("North Korea", "the Democratic People\u2019s Republic of Korea")


def test_korean_titles_take_korean_marks_and_western_titles_keep_their_own() -> None:
    # document-style.md D2: 『』 and 「」 are Korean marks for Korean titles; an English title cited in a
    # Korean note keeps its English form (quotation marks for an article, italics for a report)
    from testdata import EXAMPLE
    korean = render_brief(EXAMPLE, "ko", audience="general").markdown
    cited = " ".join(notes(korean).values())
    annex = korean.split("## 부록")[1].split("\n[^1]: ")[0]
    for text in (cited, annex):
        assert "Reuters, \u201cMore than 100 North Koreans have gone missing\u201d" in text
        assert "「More than 100" not in text and "『More than 100" not in text and "「8 out of 10" not in text
        assert "전환기정의워킹그룹, 『존재할 수 없는 존재" in text and "「존재할 수 없는 존재」" not in text
    assert "\u201c8 out of 10 North Koreans vanish under the Ministry of State Security\u2019s control\u201d (2024년 10월 31일)" in cited


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_news_reports_author_is_kept_beside_its_agency(lang: str) -> None:
    from testdata import EXAMPLE
    cited = list(notes(render_brief(EXAMPLE, lang, audience="un-upr").markdown).values())
    first = next(note for note in cited if "More than 100" in note)
    assert "Hyonhee Shin, Reuters, \u201cMore than 100 North Koreans have gone missing\u201d, " in first


def test_a_brief_between_signature_and_ratification_reports_the_signature(make_brief: Callable[..., Path]) -> None:
    section = ICPPED.split("claims:")[0].replace("[[status:KR|icpped]]", "[[status:KR|crc]]")
    path = make_brief(MINIMAL_BRIEF.replace("date: 2024-11-20", "date: 1991-01-15") + section)
    english = render_brief(path, "en").markdown
    assert "signed the Convention on the Rights of the Child (CRC) on 25 September 1990 but has not ratified it." in english


def test_a_brief_cannot_forge_a_note_placeholder(make_brief: Callable[..., Path]) -> None:
    text = MINIMAL_BRIEF.replace("Of [[stat:victims]], [[stat:share|share]] vanished.", "Forged \ue0007\ue001 mark.")
    text = text.replace("title: {en: The Report, ko: 보고서}", "title: {en: \"The \ue0009\ue001 Report\", ko: 보고서}")
    markdown = render_brief(make_brief(text), "en").markdown
    assert "Forged 7 mark." in markdown and "\ue000" not in markdown


ACT = """\
  - id: refugee-act
    kind: legal
    title: {en: Refugee Act, ko: 난민법, fr: Loi sur les réfugiés}
    date: 2012-02-10
"""


@pytest.mark.parametrize(("written", "lang", "audience", "expected"), [
    ("article 3", "en", "general", "*Refugee Act* (10 February 2012), art 3."),
    ("art. 3(1)", "en", "general", "*Refugee Act* (10 February 2012), art 3(1)."),
    ("art. 3(1)", "en", "un-treaty-body", "*Refugee Act* (10 February 2012), art. 3 (1)."),
    ("art. 3(1)(a)", "en", "un-treaty-body", "*Refugee Act* (10 February 2012), art. 3 (1) (a)."),
    ("article 3 (1)(a)", "ko", "general", "「난민법」(2012년 2월 10일), 제3조 제1항 (a)."),  # 「」 for a law (D2)
    ("art. 3(1)", "ko", "general", "「난민법」(2012년 2월 10일), 제3조 제1항."),
])
def test_a_law_is_cited_by_article_paragraph_and_subparagraph(make_brief: Callable[..., Path], written: str,
                                                                lang: str, audience: str, expected: str) -> None:
    # issue 27.5: a statute's article, distinct from a paragraph of a text, in each language's form
    text = with_text(f"Return is barred[[cite:refugee-act|{written}]].", f"송환은 금지됩니다[[cite:refugee-act|{written}]].",
                     extra=ACT)
    assert notes(render_brief(make_brief(text), lang, audience=audience).markdown)["1"] == expected


@pytest.mark.parametrize(("kind", "ko"), [("news", "3번째 문단"), ("un-document", "제3항"), ("legal", "제3항")])
def test_korean_paragraph_of_a_text_is_not_a_legal_paragraph(make_brief: Callable[..., Path], kind: str, ko: str) -> None:
    # a news article's paragraph printed as 제1항 (a paragraph of a law) in the example's Korean notes
    text = with_text("x", "그렇습니다[[cite:report|para. 3]].").replace("    kind: report\n", f"    kind: {kind}\n", 1)
    assert notes(render_brief(make_brief(text), "ko").markdown)["1"].endswith(f", {ko}.")


@pytest.mark.parametrize("written", ["article three", "art. 3(1", "art. (1)"])
def test_an_unreadable_article_is_a_located_error(make_brief: Callable[..., Path], written: str) -> None:
    text = with_text(f"Barred[[cite:report|{written}]].")
    with pytest.raises(BriefError) as raised:
        render_brief(make_brief(text), "en")
    problem = raised.value.problems[0]
    assert problem.location is not None and "art. 3(1)(a)" in problem.hint
