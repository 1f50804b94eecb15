"""Constraints checked by `check`: word limits, WGEID elements, recommendations, confidentiality."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from briefbuilder.wordcount import count_words
from briefbuilder.load import load_brief
from briefbuilder.pipeline import check_brief as check, render_brief

from packdata import EXAMPLE, PACKS, SMALL_BRIEF

SMALL_BRIEF_CASE_LINE = SMALL_BRIEF.splitlines().index("case:") + 2  # the case mapping starts under "case:"

UPR_LIMIT = 2815


def _errors(folder: Path, audience: str, rule: str) -> list[str]:
    return [f.message for f in check(folder, audience=audience) if f.severity == "error" and f.rule == rule]


def _upr_brief_with(write_brief: Callable[..., Path], words: int, **options: object) -> Path:
    """A UPR brief whose English document counts exactly ``words`` words."""
    base = count_words(render_brief(write_brief(**options), "en", audience="un-upr").markdown, ["cover", "notes"])
    return write_brief(filler=" ".join(["word"] * (words - base)), **options)


def test_counting_rules() -> None:
    markdown = ("# Title words\n\nCover line\n\n## I. Heading\n\n1. One two[^1] 81.4 per cent.\n\n"
                "| 요약 |\n|---|\n| ○ 피해자 113명 중 92명(81.4%) 확인 |\n\n□ 검토 필요\n\n[^1]: Note text here.\n")
    # Heading (2) + paragraph (5) + table (1 + 5 어절) + line (2); markers, list numbers and note marks are not words.
    assert count_words(markdown, ["cover", "notes"]) == 15
    assert count_words(markdown, ["cover"]) == 18
    assert count_words(markdown, []) == 22


def test_upr_brief_one_word_over_the_limit_fails_with_the_count(write_brief: Callable[..., Path]) -> None:
    assert _errors(_upr_brief_with(write_brief, UPR_LIMIT), "un-upr", "constraints.word-limit") == []
    errors = _errors(_upr_brief_with(write_brief, UPR_LIMIT + 1), "un-upr", "constraints.word-limit")
    assert len(errors) == 1
    assert "2,816 words in the 'en' document; the un-upr limit for a single organisation is 2,815" in errors[0]
    assert "not counted: the cover" in errors[0] and "footnotes" in errors[0]


def test_joint_submission_has_the_joint_limit(write_brief: Callable[..., Path]) -> None:
    joint = {"  body: {en": "  partners: [{name: Partner Centre}]\n  body: {en"}
    assert _errors(_upr_brief_with(write_brief, UPR_LIMIT + 1, replace=joint), "un-upr", "constraints.word-limit") == []


def test_limit_is_a_setting_the_brief_can_override(write_brief: Callable[..., Path]) -> None:
    folder = write_brief(replace={"  state: KP": "  state: KP\n  settings: {pack: {word_limit: 20}}"})
    [message] = _errors(folder, "un-upr", "constraints.word-limit")[:1]
    assert "the un-upr limit for a single organisation is 20" in message


def test_wgeid_case_missing_the_date_fails_naming_that_element(write_brief: Callable[..., Path]) -> None:
    folder = write_brief(replace={"  date: 2023-03-12\n": ""})
    errors = _errors(folder, "un-wgeid", "constraints.case-elements")
    assert errors == ["WGEID element (b) date of the disappearance (year, month and day) is missing; add 'case.date:'"]


@pytest.mark.parametrize(("line", "field"), [("  nationality: {en: Democratic People's Republic of Korea, ko: 조선민주주의인민공화국}\n", "nationality"),
                                             ("  date_of_birth: 1985-04-15\n", "date_of_birth")])
def test_wgeid_case_without_nationality_or_birth_date_fails_at_the_case(write_brief: Callable[..., Path], line: str,
                                                                       field: str) -> None:
    folder = write_brief(replace={line: ""})
    [finding] = [f for f in check(folder, audience="un-wgeid") if f.rule == "constraints.case-elements"]
    assert finding.severity == "error" and f"add 'case.{field}:'" in finding.message
    assert finding.location is not None and finding.location.line == SMALL_BRIEF_CASE_LINE
    assert _errors(folder, "un-upr", "constraints.case-elements") == []  # only the WGEID asks


def test_wgeid_table_prints_nationality_and_full_birth_date(write_brief: Callable[..., Path]) -> None:
    english = render_brief(write_brief(), "en", audience="un-wgeid").markdown
    assert "| Nationality | Democratic People\u2019s Republic of Korea |" in english
    assert "| Date of birth | 15 April 1985 |" in english
    assert "| 생년월일 | 1985년 4월 15일 |" in render_brief(write_brief(), "ko", audience="un-wgeid").markdown


def test_wgeid_without_a_case_lists_the_six_elements(write_brief: Callable[..., Path]) -> None:
    text = (write_brief() / "brief.yaml").read_text(encoding="utf-8")
    folder = write_brief(replace={text[text.index("case:"):text.index("briefing:")]: ""})
    [message] = _errors(folder, "un-wgeid", "constraints.case-elements")
    assert "(a) full name" in message and "(f) identity of the submitter" in message


def test_too_many_recommendations_for_a_briefing(write_brief: Callable[..., Path]) -> None:
    four = "recommendations: [{en: A., ko: 가.}, {en: B., ko: 나.}, {en: C., ko: 다.}, {en: D., ko: 라.}]\n"
    folder = write_brief(replace={"  recommendations: [{en: Support families., ko: 가족 지원 필요}]\n": "  " + four})
    assert _errors(folder, "gov-briefing", "constraints.max-recommendations") == [
        "4 recommendations in 'briefing.recommendations'; the 'gov-briefing' audience takes at most 3"]


def test_required_fields(write_brief: Callable[..., Path]) -> None:
    folder = write_brief(replace={"  cycle: 5\n": ""})
    assert _errors(folder, "un-upr", "constraints.required-fields") == [
        "the 'un-upr' audience requires 'submission.cycle'; add it"]


RECOMMENDATION = "  - {en: Disclose the fate of every detainee within 30 days., ko: 30일 이내에 모든 구금자의 생사를 밝혀야 합니다.}\n"


@pytest.mark.parametrize(("replace", "required"), [
    ({"    contact: contact@example.org\n": '    contact: ""\n'}, "brief.organisation.contact"),  # empty text
    ({"recommendations:\n" + RECOMMENDATION: "recommendations: []\n",  # an empty list, required by the brief's settings
      "  date: 2024-11-20\n": "  date: 2024-11-20\n  settings:\n    pack: {required_fields: [recommendations]}\n"},
     "recommendations"),
    ({"  date: 2024-11-20\n": "  date: 2024-11-20\n  settings:\n    pack: {required_fields: [brief.nothing]}\n"},
     "brief.nothing"),  # a field the brief cannot have is reported as missing, not a crash
])
def test_a_required_field_given_empty_is_missing(write_brief: Callable[..., Path], replace: dict[str, str],
                                                 required: str) -> None:
    assert _errors(write_brief(replace=replace), "un-upr", "constraints.required-fields") == [
        f"the 'un-upr' audience requires '{required}'; add it"]


SECRETS = ("HONG Mi-ran", "홍미란", "submitter@example.org")


@pytest.mark.parametrize("audience", [a for a in PACKS if a != "un-wgeid"] + ["general"])
@pytest.mark.parametrize("language", ["ko", "en"])
def test_confidential_submitter_is_left_out_of_other_outputs(audience: str, language: str) -> None:
    assert load_brief(EXAMPLE).case.submitter.confidential
    markdown = render_brief(EXAMPLE, language, audience=audience).markdown
    assert not [secret for secret in SECRETS if secret in markdown]


@pytest.mark.parametrize("language", ["ko", "en"])
def test_confidential_submitter_appears_only_in_the_wgeid_submitter_section(language: str) -> None:
    markdown = render_brief(EXAMPLE, language, audience="un-wgeid").markdown
    sections = markdown.split("\n## ")
    holding = [section for section in sections if any(secret in section for secret in SECRETS)]
    assert len(holding) == 1 and holding[0].startswith(("IV. The submitter", "IV. 제출인"))
    assert sum(markdown.count(secret) for secret in SECRETS) == 2  # the name (in this language) and the contact


def test_a_narrative_naming_the_confidential_submitter_is_an_error(write_brief: Callable[..., Path]) -> None:
    folder = write_brief(filler="Her sister HONG Mi-ran reported it.")
    assert _errors(folder, "un-upr", "constraints.confidential-submitter")
    assert _errors(folder, "un-wgeid", "constraints.confidential-submitter") == []


def test_the_confidential_submitter_named_in_one_language_only_is_found_there(write_brief: Callable[..., Path]) -> None:
    """Every language's document is read, not only the first."""
    folder = write_brief(replace={'확인하였습니다. "': '확인하였습니다. 홍미란 씨가 신고하였습니다."'})
    assert _errors(folder, "un-upr", "constraints.confidential-submitter") == [
        "the confidential submitter is named in the 'un-upr' document ('ko'); "
        "remove their name and contact from the narrative"]


def test_the_confidential_submitter_is_found_after_a_language_that_could_not_be_rendered(
        write_brief: Callable[..., Path]) -> None:
    """An English document that fails to render does not stop the Korean one from being read."""
    folder = write_brief(replace={'확인하였습니다. "': '확인하였습니다. 홍미란 씨가 신고하였습니다."',
                                  '      en: "The report documents [[stat:victims]]. "\n': ""})  # no English text
    findings = check(folder, audience="un-upr", languages=["en", "ko"])
    assert any(f.rule == "constraints.renders" and "'en'" in f.message for f in findings)
    assert [f.message for f in findings if f.rule == "constraints.confidential-submitter"] == [
        "the confidential submitter is named in the 'un-upr' document ('ko'); "
        "remove their name and contact from the narrative"]


def test_a_narrative_giving_the_confidential_submitter_s_contact_is_an_error(write_brief: Callable[..., Path]) -> None:
    """The e-mail identifies her as surely as her name does."""
    folder = write_brief(filler="Write to secret@example.org for details.")
    assert _errors(folder, "un-upr", "constraints.confidential-submitter")


def test_treaty_body_report_is_organised_by_article(write_brief: Callable[..., Path]) -> None:
    markdown = render_brief(write_brief(), "en", audience="un-treaty-body").markdown
    assert "## I. Article 16: Findings" in markdown
    assert "Alternative report to the Human Rights Committee" in markdown
