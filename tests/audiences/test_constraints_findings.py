"""What each audience constraint tells the user, and the line of brief.yaml it points at."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from briefbuilder.check import Finding
from briefbuilder.pipeline import check_brief

from packdata import REPO

CHINA = REPO / "tests" / "userbriefs" / "china-repatriation"
SETTINGS = "  state: KP"  # the settings go on the line after it
THREE_RECOMMENDATIONS = {"  - {en: Disclose the fate of every detainee within 30 days.": (
    "  - {en: Release the detainees within 6 months., ko: 6개월 이내에 구금자를 석방해야 합니다.}\n"
    "  - {en: Tell the families., ko: 가족에게 알려야 합니다.}\n"
    "  - {en: Disclose the fate of every detainee within 30 days.")}


def _found(folder: Path, audience: str, rule: str) -> list[tuple[str, str, int | None]]:
    """(severity, message, line) of each finding of ``rule``."""
    findings: list[Finding] = [f for f in check_brief(folder, audience=audience) if f.rule == rule]
    return [(f.severity, f.message, f.location.line if f.location else None) for f in findings]


def _line(folder: Path, marker: str) -> int:
    lines = [n for n, text in enumerate((folder / "brief.yaml").read_text(encoding="utf-8").splitlines(), 1)
             if marker in text]
    assert len(lines) == 1, (marker, lines)
    return lines[0]


def test_a_missing_required_section_points_at_the_sections(write_brief: Callable[..., Path]) -> None:
    folder = write_brief(replace={SETTINGS: SETTINGS + "\n  settings: {pack: {required_sections: [law, findings]}}"})
    assert _found(folder, "un-upr", "constraints.required-sections") == [
        ("error", "the 'un-upr' audience requires a section with id 'law'; add it under 'sections:'",
         _line(folder, "- id: findings"))]


def test_a_missing_required_field_points_at_the_block_it_belongs_in(write_brief: Callable[..., Path]) -> None:
    folder = write_brief(replace={"submission:\n  cycle: 5\n": "submission:\n"})
    assert _found(folder, "un-upr", "constraints.required-fields") == [
        ("error", "the 'un-upr' audience requires 'submission.cycle'; add it", _line(folder, "  body: {en: Human"))]


def test_too_many_recommendations_points_at_the_first_one_too_many(write_brief: Callable[..., Path]) -> None:
    folder = write_brief(replace={SETTINGS: SETTINGS + "\n  settings: {pack: {max_recommendations: 1}}",
                                  **THREE_RECOMMENDATIONS})
    assert _found(folder, "un-upr", "constraints.max-recommendations") == [
        ("error", "3 recommendations in 'recommendations'; the 'un-upr' audience takes at most 1",
         _line(folder, "{en: Tell the families."))]


def test_a_recommendation_without_a_number_is_named_by_its_place(write_brief: Callable[..., Path]) -> None:
    folder = write_brief(replace=THREE_RECOMMENDATIONS)
    assert _found(folder, "un-upr", "constraints.smart-recommendations") == [
        ("warning", "recommendation 2 gives no deadline or target; S.M.A.R.T. recommendations are specific, "
         "measurable, achievable, relevant and time-bound (e.g. 'within 12 months')",
         _line(folder, "{en: Tell the families."))]
    assert _found(folder, "un-treaty-body", "constraints.smart-recommendations") == []  # not a UPR pack's rule


def test_a_wgeid_brief_without_a_case_is_told_the_six_elements(write_brief: Callable[..., Path]) -> None:
    text = (write_brief() / "brief.yaml").read_text(encoding="utf-8")
    folder = write_brief(replace={text[text.index("case:"):text.index("briefing:")]: ""})
    assert _found(folder, "un-wgeid", "constraints.case-elements") == [
        ("error", "the 'un-wgeid' audience needs a 'case:' block with the six elements: "
         "(a) full name of the disappeared person; "
         "(a) nationality of the disappeared person (identity data of the case form); "
         "(a) full date of birth, day, month and year (identity data of the case form); "
         "(b) date of the disappearance (year, month and day); "
         "(c) place of arrest or abduction, or where the person was last seen; "
         "(d) who is believed to have carried out the arrest or abduction; "
         "(e) steps taken by relatives or others to locate the person; "
         "(f) identity of the submitter", _line(folder, "  title: {en: Disappearances"))]


NAMED = "HONG Mi-ran reported it."  # the submitter's name in the narrative
SUBMITTER_NAMED = ("error", "the confidential submitter is named in the 'un-upr' document ('{}'); "
                   "remove their name and contact from the narrative")


def test_a_confidential_submitter_without_a_contact_is_found_by_name(write_brief: Callable[..., Path]) -> None:
    folder = write_brief(filler=NAMED, replace={"    contact: secret@example.org\n": ""})
    at = _line(folder, "    name: {en: HONG Mi-ran")
    assert _found(folder, "un-upr", "constraints.confidential-submitter") == [
        (*SUBMITTER_NAMED[:1], SUBMITTER_NAMED[1].format(language), at) for language in ("en", "ko")]


def test_a_submitter_who_did_not_ask_for_confidentiality_may_be_named(write_brief: Callable[..., Path]) -> None:
    folder = write_brief(filler=NAMED, replace={"    confidential: true\n": ""})
    assert _found(folder, "un-upr", "constraints.confidential-submitter") == []


def test_a_treaty_body_report_without_articles_is_warned_at_its_sections(write_brief: Callable[..., Path]) -> None:
    assert _found(write_brief(), "un-treaty-body", "constraints.treaty-articles") == []  # its section names one
    folder = write_brief(replace={'    article: "16"\n': ""})
    assert _found(folder, "un-treaty-body", "constraints.treaty-articles") == [
        ("warning", "no section names a treaty article; the 'un-treaty-body' report is organised by article "
         "(add 'article:' to the sections that concern one)", _line(folder, "- id: findings"))]


@pytest.fixture
def restarting(tmp_path: Path) -> Path:
    """The China brief with its own UPR pack, whose template adds a list numbered from 1 after the paragraphs."""
    folder = Path(shutil.copytree(CHINA, tmp_path / "china"))
    template = folder / "templates" / "my-un-upr" / "submission.md.j2"
    template.write_text(template.read_text(encoding="utf-8")
                        + '{% block body %}{{ super() }}\n\n1. An annex numbered from one again.\n{% endblock %}\n',
                        encoding="utf-8")
    return folder


def test_paragraph_numbers_that_restart_are_an_error(restarting: Path) -> None:
    """The annex's item joins the first section's list (1, 2), so the recommendations' 2 comes after a 2."""
    at = _line(restarting, "  id: october-2023-repatriation")
    assert _found(restarting, "my-un-upr", "constraints.paragraph-numbering") == [
        ("error", f"in the '{language}' document paragraph 2 follows paragraph 2; number paragraphs with "
         "paragraphs() so they run on", at) for language in ("en", "ko")]


def test_paragraph_numbers_are_checked_after_a_language_that_could_not_be_rendered(restarting: Path) -> None:
    brief = restarting / "brief.yaml"
    text = brief.read_text(encoding="utf-8")
    brief.write_text(text.replace(text[text.index("  en: >-\n    On 9 October"):text.index("  ko: >-")], ""),
                     encoding="utf-8")  # the summary has no English: the English document cannot be rendered
    assert [m for _, m, _ in _found(restarting, "my-un-upr", "constraints.paragraph-numbering")] == [
        "in the 'ko' document paragraph 2 follows paragraph 2; number paragraphs with paragraphs() so they run on"]
