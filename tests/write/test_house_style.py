"""House styles as data: layered per language, validated with locations; table widths from content."""

from __future__ import annotations

from pathlib import Path

import pytest
from testdata import EXAMPLE

from briefbuilder.load.pack import load_pack
from briefbuilder.errors import BriefError
from briefbuilder.pipeline import render_brief
from briefbuilder.write.docx.tables import column_widths, measure


def brief_with_settings(tmp_path: Path, settings: str) -> Path:
    text = (EXAMPLE / "brief.yaml").read_text(encoding="utf-8")
    changed = text.replace("  audience: general\n", f"  audience: general\n  settings:\n    pack:\n{settings}", 1)
    assert changed != text
    (tmp_path / "brief.yaml").write_text(changed, encoding="utf-8")
    return tmp_path


def test_language_layer_overrides_the_all_languages_layer_value_by_value() -> None:
    pack = load_pack("gov-briefing")
    korean, english = pack.house_style_for("ko"), pack.house_style_for("en")
    assert korean.bullets == ("□", "○", "-", "·") and english.bullets != korean.bullets
    assert korean.heading_sizes == (16,)
    assert korean.margins.top == 15 and english.margins.top == 20
    assert korean.table_size == 12 and english.table_size == 10


def test_a_bad_house_style_value_is_a_located_error(tmp_path: Path) -> None:
    folder = brief_with_settings(tmp_path, "      house_style: {ko: {size: big}}\n      notes: {ko: sidenotes}\n")
    with pytest.raises(BriefError) as caught:
        render_brief(folder, "ko", audience="gov-briefing")
    problems = [str(problem) for problem in caught.value.problems]
    assert any("brief.yaml:" in p and "house_style.ko.size" in p and "number" in p for p in problems)
    assert any("notes.ko" in p and "source-lines" in p for p in problems)


def test_a_language_layer_keeps_the_all_languages_values_through_a_brief_override(tmp_path: Path) -> None:
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "pack.yaml").write_text(
        "extends: un-upr\ndescription: Mine\nhouse_style:\n  ko: {size: 13}\n", encoding="utf-8")
    pack = load_pack("mine", (tmp_path,), overrides={"house_style": {"ko": {"line_spacing": 2}}})
    korean = pack.house_style_for("ko")
    assert (korean.font, korean.size, korean.line_spacing) == ("Times New Roman", 13, 2)


def test_a_brief_margin_changes_one_side_and_keeps_the_others(tmp_path: Path) -> None:
    folder = brief_with_settings(tmp_path, "      house_style: {ko: {margins: {left: 30}}}\n")
    layout = render_brief(folder, "ko", audience="gov-briefing").layout
    assert layout.house_style.margins.left == 30 and layout.house_style.margins.top == 15
    assert layout.house_style.bullets[0] == "□"


def test_every_column_keeps_its_longest_word_and_short_cells_stay_whole() -> None:
    cells = [["Recommendation", "Response", "Assessment"],
             ["Establish an independent mechanism to trace the disappeared " * 3, "Accepted",
              "Not implemented: no mechanism exists and families receive no answer " * 2]]
    widths = column_widths(measure(cells, 10), 9000)
    assert sum(widths) == 9000
    twips_per_em = 10 * 20
    assert widths[1] >= len("Response") * 0.55 * twips_per_em  # the short column is not squeezed
    assert widths[1] < widths[0] / 2 and widths[1] < widths[2] / 2  # and takes no more than it needs
    korean = column_widths(measure([["기준일", "출처"], ["2024년 10월 31일", "전환기정의워킹그룹, 『존재할 수 없는 존재』 " * 3]],
                                   10), 4300)  # hardly more than the longest words
    assert korean[0] >= 9.4 * twips_per_em  # a Korean date is never wrapped ("31/일")


def test_widths_scale_down_together_when_even_the_words_do_not_fit() -> None:
    widths = column_widths(measure([["Supercalifragilistic", "Antidisestablishmentarianism"]], 10), 2000)
    assert sum(widths) == 2000 and widths[0] < widths[1]
