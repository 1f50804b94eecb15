"""Text that does not come from YAML (a statistics sheet, a Python dict) meets the same rules, at its cell or field."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from briefbuilder import BriefError, load_brief
from briefbuilder.load.native import brief_from_dict
from testdata import MINIMAL_BRIEF

HEADER = "id,value,unit,as_of,status,sources,label.en,label.ko\n"
ROW = "victims,113,persons,2024-05-31,verified,report page=12,{label},피해자\n"


def _sheet_brief(tmp_path: Path, label: str, sheet: str = "stats.csv") -> Path:
    """A brief whose statistics are one CSV row with ``label``; the narrative cites only that row."""
    text = MINIMAL_BRIEF[:MINIMAL_BRIEF.index("statistics:")] + f"statistics: {sheet}\n" + \
        MINIMAL_BRIEF[MINIMAL_BRIEF.index("sections:"):].replace(", [[stat:share|share]] vanished", " vanished") \
        .replace(" 중 [[stat:share|share]]이 실종되었습니다", "이 실종되었습니다")
    (tmp_path / "brief.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "stats.csv").write_text(HEADER + ROW.format(label=label), encoding="utf-8")
    return tmp_path / "brief.yaml"


def test_a_sheet_brief_loads(tmp_path: Path) -> None:
    victims = load_brief(_sheet_brief(tmp_path, "victims")).statistic("victims")
    assert victims is not None and victims.value == 113


@pytest.mark.parametrize("char", ["\x1b", "\u202e", "\x00"])
def test_a_control_character_in_a_sheet_is_refused_at_its_cell(char: str, tmp_path: Path) -> None:
    with pytest.raises(BriefError) as error:
        load_brief(_sheet_brief(tmp_path, f"vic{char}tims"))
    (problem,) = error.value.problems
    assert f"U+{ord(char):04X}" in problem.message and problem.field == "statistics[0].label.en"
    assert problem.location is not None and problem.location.file.endswith("stats.csv")


def test_sheet_text_is_nfc(tmp_path: Path) -> None:
    decomposed = unicodedata.normalize("NFD", "Société")
    victims = load_brief(_sheet_brief(tmp_path, decomposed)).statistic("victims")
    assert victims is not None and victims.label.get("en") == unicodedata.normalize("NFC", decomposed)


@pytest.mark.parametrize("named", ["../outside/stats.csv", "{outside}/stats.csv", "link.csv"])
def test_a_sheet_outside_the_brief_folder_is_refused(named: str, tmp_path: Path) -> None:
    folder = tmp_path / "brief"
    folder.mkdir()
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "stats.csv").write_text(HEADER + ROW.format(label="SECRET-ROW"), encoding="utf-8")
    (folder / "link.csv").symlink_to(outside / "stats.csv")
    brief = _sheet_brief(folder, "victims", sheet=named.format(outside=outside))
    with pytest.raises(BriefError) as error:
        load_brief(brief)
    assert "statistics sheet leads outside" in str(error.value) and "SECRET-ROW" not in str(error.value)


@pytest.mark.parametrize("char", ["\u202e", "\x07"])
def test_a_python_brief_meets_the_same_rules(char: str) -> None:
    data = yaml.safe_load(MINIMAL_BRIEF)
    data["brief"]["organisation"]["name"] = f"Example {char}Centre"
    with pytest.raises(BriefError) as error:
        brief_from_dict(data)
    (problem,) = error.value.problems
    assert problem.field == "brief.organisation.name" and f"U+{ord(char):04X}" in problem.message


def test_a_python_brief_is_nfc(make_brief: Callable[..., Path]) -> None:
    data = yaml.safe_load(MINIMAL_BRIEF)
    data["brief"]["organisation"]["name"] = unicodedata.normalize("NFD", "한국 Société")
    brief = brief_from_dict(data)
    assert brief.brief.organisation.name.get("en") == unicodedata.normalize("NFC", "한국 Société")
