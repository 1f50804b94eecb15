"""Every built-in pack renders the worked example in Korean and English and passes its checks."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from briefbuilder.cli import main
from briefbuilder.pipeline import check_brief as check, render_brief
from briefbuilder.write import writer

from packdata import EXAMPLE, PACKS


@pytest.mark.parametrize("language", ["ko", "en"])
@pytest.mark.parametrize("audience", PACKS)
def test_pack_renders_the_worked_example(audience: str, language: str) -> None:
    document = render_brief(EXAMPLE, language, audience=audience)
    assert document.markdown.startswith("# ")
    assert "{{" not in document.markdown and "{%" not in document.markdown
    assert writer("docx")(document)[:2] == b"PK"


@pytest.mark.parametrize("audience", PACKS)
def test_check_passes_for_every_pack(audience: str) -> None:
    errors = [f for f in check(EXAMPLE, audience=audience, languages=["ko", "en"]) if f.severity == "error"]
    assert errors == []


def test_un_packs_follow_un_style() -> None:
    english = render_brief(EXAMPLE, "en", audience="un-upr").markdown
    korean = render_brief(EXAMPLE, "ko", audience="un-upr").markdown
    assert "20 November 2024" in english and "per cent" in english and "%" not in english.split("[^1]:")[0]
    assert "State under review: Democratic People’s Republic of Korea" in english
    assert "심의 대상국: 조선민주주의인민공화국" in korean and "81.4%" in korean
    assert "\n1. " in english and "## I. " in english


def test_korean_government_briefing_is_a_gaejosik_report() -> None:
    korean = render_brief(EXAMPLE, "ko", audience="gov-briefing").markdown
    english = render_brief(EXAMPLE, "en", audience="gov-briefing").markdown
    title, rest = korean.split("\n", 1)
    assert title.startswith("# ") and "> **요약**" in rest.split("## ")[0]  # the 요약 box under the title
    # □ and ○ levels are nested lists (the house style draws the markers), never typed into the text
    assert "\n- " in korean and "\n  - " in korean and "□" not in korean and "○" not in korean
    assert "탈북민" in korean  # the pack's term for defectors
    for heading in ("## Summary", "## Issue", "## Background", "## Considerations", "## Recommendations"):
        assert heading in english
    assert "□" not in english


def test_one_command_builds_every_pack_language_and_format(tmp_path) -> None:
    formats = "md,docx"
    result = CliRunner().invoke(main, ["build", str(EXAMPLE), "--audience", "all", "--lang", "ko,en",
                                       "--format", formats, "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    for audience in PACKS:
        for language in ("ko", "en"):
            for fmt in formats.split(","):
                assert (tmp_path / f"enforced-disappearances.{audience}.{language}.{fmt}").is_file()


def test_audiences_lists_packs_with_constraints() -> None:
    result = CliRunner().invoke(main, ["audiences"])
    assert result.exit_code == 0, result.output
    for audience in PACKS:
        assert f"{audience}:" in result.output
    assert "2,815" in result.output and "5,630" in result.output and "at most 3 recommendations" in result.output
