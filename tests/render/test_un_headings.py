"""UN documents number their chapter headings I., II., ... however many chapters a brief has."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefbuilder import brief_from_dict
from briefbuilder.load.yamlsource import read_yaml
from briefbuilder.pipeline import render_brief
from briefbuilder.render.context import roman_numeral
from testdata import MINIMAL_BRIEF


@pytest.mark.parametrize(("number", "numeral"), [(1, "I"), (4, "IV"), (9, "IX"), (14, "XIV"), (17, "XVII"),
                                                  (40, "XL"), (1994, "MCMXCIV")])
def test_roman_numerals(number: int, numeral: str) -> None:
    assert roman_numeral(number) == numeral


@pytest.mark.parametrize("audience", ["un-upr", "un-treaty-body"])
def test_a_un_brief_with_twenty_chapters_numbers_them_all(tmp_path: Path, audience: str) -> None:
    (tmp_path / "brief.yaml").write_text(MINIMAL_BRIEF, encoding="utf-8")
    data, _ = read_yaml(tmp_path / "brief.yaml")
    section = data["sections"][0]
    data["sections"] = [{**section, "id": f"part-{number}", "article": "2",
                         "heading": {"en": f"Part {number}", "ko": f"제{number}부"}} for number in range(1, 21)]
    data["brief"]["state"] = "KP"
    markdown = render_brief(brief_from_dict(data), "en", audience=audience).markdown
    numerals = re.findall(r"^## ([IVXLC]+)\. ", markdown, flags=re.M)
    assert numerals[:20] == [roman_numeral(number) for number in range(1, 21)]
