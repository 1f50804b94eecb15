"""Cover blocks each UN mechanism asks for (pack data), and courtesy translations labelled as such."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from briefbuilder.pipeline import check_brief as check, render_brief

from packdata import EXAMPLE

UN_PACKS = ("un-upr", "un-treaty-body", "un-wgeid")


def _cover(folder: Path, language: str, audience: str) -> str:
    return render_brief(folder, language, audience=audience).markdown.split("\n## ")[0]


def test_upr_prints_its_word_count_only_in_languages_ohchr_accepts(write_brief: Callable[..., Path]) -> None:
    folder = write_brief()
    assert "Word count: " in _cover(folder, "en", "un-upr") and "Courtesy translation" not in _cover(folder, "en", "un-upr")
    korean = _cover(folder, "ko", "un-upr")
    assert "단어 수" not in korean and "한도" not in korean
    assert "비공식 번역본입니다. 제출은 영어, 프랑스어 또는 스페인어로 하며" in korean
    french = render_brief(EXAMPLE, "fr", audience="un-upr").markdown.split("\n## ")[0]
    assert "Nombre de mots\u00a0: " in french and "Traduction de courtoisie" not in french


@pytest.mark.parametrize("audience", UN_PACKS)
def test_every_un_pack_labels_a_korean_copy_a_courtesy_translation(audience: str) -> None:
    assert "비공식 번역본입니다." in _cover(EXAMPLE, "ko", audience)
    assert "Courtesy translation" not in render_brief(EXAMPLE, "en", audience=audience).markdown


def test_upr_cover_presents_every_organisation(write_brief: Callable[..., Path]) -> None:
    partner = ("  partners:\n    - name: {en: Partner Watch, ko: 파트너 워치}\n      contact: partner@example.org\n"
               "      consultative_status: special\n"
               "      mandate: {en: A network of lawyers assisting families., ko: 가족을 돕는 변호사 단체입니다.}\n")
    folder = write_brief(replace={"  cycle: 5\n": "  cycle: 5\n" + partner})
    cover = _cover(folder, "en", "un-upr")
    assert "Joint submission by Example Centre and Partner Watch" in cover
    assert "Example Centre: An organisation that documents disappearances." in cover
    assert ("Partner Watch: A network of lawyers assisting families. It holds special consultative status with the "
            "Economic and Social Council.") in cover
    assert "Contact: contact@example.org" in cover and "Contact: partner@example.org" in cover
    single = _cover(write_brief(name="single"), "en", "un-upr")
    assert "Submitted by Example Centre\n\nAn organisation that documents disappearances.\n\nContact:" in single


def test_a_co_submitter_without_a_mandate_is_an_error_at_its_entry(write_brief: Callable[..., Path]) -> None:
    partner = "  partners:\n    - {name: {en: Partner Watch, ko: 파트너 워치}, contact: partner@example.org}\n"
    folder = write_brief(replace={"  cycle: 5\n": "  cycle: 5\n" + partner})
    [finding] = [f for f in check(folder, audience="un-upr") if f.rule == "cover.organisations"]
    assert finding.severity == "error" and "co-submitter 1 (Partner Watch) has no 'mandate'" in finding.message
    lines = (folder / "brief.yaml").read_text(encoding="utf-8").splitlines()
    assert finding.location is not None and "Partner Watch" in lines[finding.location.line - 1]
    lone = write_brief(replace={"    mandate: {en: An organisation that documents disappearances., ko: 실종을 기록하는 단체입니다.}\n": ""},
                       name="lone")
    assert any(f.rule == "constraints.required-fields" and "brief.organisation.mandate" in f.message
               for f in check(lone, audience="un-upr"))


def test_treaty_body_cover_names_committee_session_report_and_articles(write_brief: Callable[..., Path]) -> None:
    folder = write_brief(replace={"  cycle: 5\n": "  cycle: 5\n  session: 142\n"
                                                  "  report: {en: fifth periodic report, ko: 제5차 정기보고서}\n"})
    cover = _cover(folder, "en", "un-treaty-body")
    for line in ("Alternative report to the Human Rights Committee", "State party: Democratic People",
                 "Session: 142", "State report or procedure concerned: fifth periodic report", "Articles concerned: 16"):
        assert line in cover, line
    assert "회기: 제142차" in _cover(folder, "ko", "un-treaty-body")
    unscheduled = [f for f in check(write_brief(name="unscheduled"), audience="un-treaty-body")
                   if f.rule == "cover.recommended-fields"]
    assert [f.severity for f in unscheduled] == ["warning", "warning"]  # no session, no report: said, not refused


def test_french_upr_cover_agrees_with_its_feminine_subject() -> None:
    cover = render_brief(EXAMPLE, "fr", audience="un-upr").markdown.split("\n## ")[0]
    assert "Présentée par\u00a0: " in cover and "Présenté par" not in cover
    assert "Présenté par\u00a0: " in render_brief(EXAMPLE, "fr", audience="un-treaty-body").markdown  # un rapport


@pytest.mark.parametrize("audience", UN_PACKS)
@pytest.mark.parametrize("language", ["en", "ko", "fr"])
def test_no_un_document_calls_itself_a_brief(audience: str, language: str) -> None:
    markdown = render_brief(EXAMPLE, language, audience=audience).markdown.lower()
    assert "this brief" not in markdown and "브리프" not in markdown


@pytest.mark.parametrize(("partner", "missing", "fix"), [
    ("{name: {ko: 파트너 워치}, contact: partner@example.org}", "mandate",
     "say in a sentence who it is and what it does"),
    ("{name: {ko: 파트너 워치, en: Partner Watch}, mandate: {en: Lawyers., ko: 변호사 단체입니다.}}", "contact",
     "give an e-mail address or other contact"),
])
def test_a_co_submitter_missing_a_field_is_told_what_to_write(write_brief: Callable[..., Path], partner: str,
                                                              missing: str, fix: str) -> None:
    """Named in English where it has an English name, else in the language it has (파트너 워치)."""
    folder = write_brief(replace={"  cycle: 5\n": f"  cycle: 5\n  partners:\n    - {partner}\n"})
    [finding] = [f for f in check(folder, audience="un-upr") if f.rule == "cover.organisations"]
    name = "Partner Watch" if "en: Partner Watch" in partner else "파트너 워치"
    assert finding.message == (f"co-submitter 1 ({name}) has no '{missing}'; the 'un-upr' cover presents every "
                               f"organisation: {fix}")


def test_a_field_the_cover_should_name_is_asked_for_at_the_submission_until_given(
        write_brief: Callable[..., Path]) -> None:
    unscheduled = write_brief(name="unscheduled")
    warnings = [f for f in check(unscheduled, audience="un-treaty-body") if f.rule == "cover.recommended-fields"]
    lines = (unscheduled / "brief.yaml").read_text(encoding="utf-8").splitlines()
    first_field = lines.index("submission:") + 2  # the submission block, where the field would go
    assert warnings and all(f.location is not None and f.location.line == first_field for f in warnings)
    assert all(f.message.endswith("add it once it is known (the cover goes without it)") for f in warnings)
    scheduled = write_brief(replace={"  cycle: 5\n": "  cycle: 5\n  session: 142\n"
                                                     "  report: {en: fifth periodic report, ko: 제5차 정기보고서}\n"})
    assert not [f for f in check(scheduled, audience="un-treaty-body") if f.rule == "cover.recommended-fields"]
