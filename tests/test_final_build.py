"""Nothing illustrative in a final build: example rows refuse it, a draft says DRAFT on every page,
an example case is a specimen on every page; grouped treaty statuses; derived counts never given as data."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import docx
from click.testing import CliRunner
from testdata import EXAMPLE, require_tool

from briefbuilder import render_brief
from briefbuilder.cli import main

FOLLOW_UP = """\
  follow_up:
    - illustrative: true
      recommendation: {en: Cooperate with the Working Group., ko: 실무그룹과 협력할 것., fr: Coopérer avec le Groupe de travail.}
      response: noted
      assessment: {en: Not implemented., ko: 이행되지 않았습니다., fr: Non mise en œuvre.}
"""


def _example_with(make_brief: Callable[..., Path], old: str, new: str) -> Path:
    text = (EXAMPLE / "brief.yaml").read_text(encoding="utf-8")
    assert old in text
    return make_brief(text.replace(old, new, 1))


def test_an_illustrative_row_refuses_a_final_build_and_a_draft_marks_every_page(
        make_brief: Callable[..., Path], tmp_path: Path) -> None:
    brief = _example_with(make_brief, "  report: {en: list of issues", FOLLOW_UP + "  report: {en: list of issues")
    refused = CliRunner().invoke(main, ["build", str(brief), "--audience", "un-upr", "--lang", "en",
                                        "--format", "md,docx", "-o", str(tmp_path / "final")])
    assert refused.exit_code == 1
    line = brief.read_text(encoding="utf-8").splitlines().index("    - illustrative: true") + 1
    assert f"brief.yaml:{line}: error: provenance.illustrative: follow-up row 1 is illustrative" in refused.output
    assert not (tmp_path / "final").exists()
    require_tool("soffice")
    drafted = CliRunner().invoke(main, ["build", str(brief), "--audience", "un-upr", "--lang", "en,fr", "--draft",
                                        "--format", "docx,pdf", "-o", str(tmp_path / "draft")])
    assert drafted.exit_code == 0, drafted.output
    for language, mark in (("en", "DRAFT: not for submission"), ("fr", "PROJET\u00a0: ne pas soumettre")):
        word = docx.Document(str(tmp_path / "draft" / f"enforced-disappearances.un-upr.{language}.docx"))
        assert all(mark in section.header.paragraphs[0].text for section in word.sections)
        rows = [row.cells[0].text for table in word.tables for row in table.rows[1:]]
        assert rows and all(row.startswith(("[Illustrative row]", "[Ligne donnée à titre d’exemple]")) for row in rows)
        pages = _pdf_pages(tmp_path / "draft" / f"enforced-disappearances.un-upr.{language}.pdf")
        assert len(pages) > 1 and all(mark.replace("\u00a0", " ") in page.replace("\u00a0", " ") for page in pages)


def test_an_example_case_is_built_as_a_specimen_marked_on_every_page(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["build", str(EXAMPLE), "--audience", "un-wgeid", "--lang", "en,ko",
                                       "--format", "md,docx", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "warning: provenance.illustrative: the case is illustrative (not a real person)" in result.output
    for language, mark in (("en", "SPECIMEN: fictitious case, not for submission"), ("ko", "견본: 가상 사건, 제출용 아님")):
        word = docx.Document(str(tmp_path / f"enforced-disappearances.un-wgeid.{language}.docx"))
        assert all(mark in section.header.paragraphs[0].text for section in word.sections)
    assert "Specimen: the person in this case is fictitious." in \
        (tmp_path / "enforced-disappearances.un-wgeid.en.md").read_text(encoding="utf-8")
    upr = docx.Document(str(_build_one(tmp_path / "upr", "un-upr")))
    assert not any(paragraph.text for section in upr.sections for paragraph in section.header.paragraphs)


def _build_one(out: Path, audience: str) -> Path:
    result = CliRunner().invoke(main, ["build", str(EXAMPLE), "--audience", audience, "--lang", "en",
                                       "--format", "docx", "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out / f"enforced-disappearances.{audience}.en.docx"


def _pdf_pages(pdf: Path) -> list[str]:
    text = subprocess.run([require_tool("pdftotext"), "-layout", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout
    return [page for page in text.split("\f") if page.strip()]


def test_statuses_of_several_states_under_one_treaty_are_one_sentence() -> None:
    english = render_brief(EXAMPLE, "en", audience="un-upr").markdown
    assert ("China and the Russian Federation acceded to the Refugee Convention on 24 September 1982 and "
            "2 February 1993 respectively.") in english
    # read without note calls: French puts the call before the final stop ("1993[^12].")
    french = re.sub(r"\[\^\d+\]", "", render_brief(EXAMPLE, "fr", audience="un-upr").markdown)
    assert ("La Chine et la Fédération de Russie ont adhéré à la Convention de 1951 le 24 septembre 1982 et le "
            "2 février 1993 respectivement.") in french.replace("\u00a0", " ")
    assert french.count("a adhéré") == 1  # the DPRK to the Covenant; no sentence repeated per State


def test_a_count_derived_from_a_share_is_never_in_the_count_column() -> None:
    for language, men, note in (("en", "| victims who were men | 58.4% | 113 |  |", "victims who were men: 66"),
                                ("ko", "| 남성 피해자 | 58.4% | 113 |  |", "남성 피해자: 66")):
        annex = render_brief(EXAMPLE, language, audience="general").markdown.split("\n## ")[-1]
        assert men in annex, annex
        [explained] = [block for block in annex.split("\n\n") if note in block]
        assert not explained.startswith("|")  # in the note under the table, which says how it is derived
    upr_annex = render_brief(EXAMPLE, "en", audience="un-treaty-body").markdown.split("\n## ")[-1]
    assert "| victims who were men | 58.4 per cent | 113 |  |" in upr_annex and "derived, not data" in upr_annex


def test_check_warns_of_an_example_case_at_its_illustrative_line_and_says_how_to_send_a_real_one(
        tmp_path: Path) -> None:
    example = tmp_path / "example"
    shutil.copytree(EXAMPLE, example)
    text = (example / "brief.yaml").read_text(encoding="utf-8")  # 'illustrative' after the case's name, not first
    name = next(line for line in text.splitlines() if line.startswith("  name: {en: HONG Gil-dong"))
    text = text.replace("  illustrative: true\n" + name + "\n", name + "\n  illustrative: true\n")
    (example / "brief.yaml").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(example), "--audience", "un-wgeid", "--lang", "en"])
    line = text.splitlines().index(name) + 2
    assert (f"brief.yaml:{line}: warning: provenance.illustrative: the case is illustrative (not a real person): the "
            "'un-wgeid' document is a specimen, every page marked as a fictitious case not for submission; replace it "
            "with a real case and remove 'illustrative' before sending it") in result.output
