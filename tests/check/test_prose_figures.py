"""prose.*: numbers, bases, qualified groups, attributions and unit nouns in what the author writes.

The corpus (test_prose_corpus.py) measures each rule over many sentences; these
tests follow the seed errors of issue 20 through the API and the command line,
with the file and line each is reported at, in en, ko and fr, and check the
literal syntax, the locale data's validation and the worked example.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from briefbuilder import build, check_brief, render_brief
from briefbuilder.audience import Pack
from briefbuilder.load.catalog import catalog_for_brief
from briefbuilder.check import RULES, CheckContext
from briefbuilder.errors import BriefError
from briefbuilder.resources import data_dir
from briefbuilder.load.brief import load_brief
from briefbuilder.load.prose_figures import PROSE_FIGURES, prose_figures_for

from rulecheck import check
from testdata import EXAMPLE

FIGURES = """\
sources:
  - id: tjwg-2024
    kind: report
    title: Existing "Nowhere"
    publisher: {en: Transitional Justice Working Group, ko: 전환기정의워킹그룹, fr: Transitional Justice Working Group}
    date: 2024-10-31
  - id: ucan-2024
    kind: news
    title: Hundreds returned
    publisher: UCA News
    relays: {en: Human Rights Watch, ko: 휴먼라이츠워치, fr: Human Rights Watch}
    date: 2024-05-02
statistics:
  - {id: victims, value: 113, unit: persons, sources: [{id: tjwg-2024, page: 12}], status: verified, label: {en: victims, ko: 피해자, fr: victimes}}
  - {id: women, value: 41.6, unit: percent, base: victims, sources: [{id: tjwg-2024, page: 19}], status: verified, label: {en: victims who were women, ko: 여성 피해자, fr: victimes de sexe féminin}}
  - {id: mss-jurisdiction, value: 81.4, count: 92, unit: percent, base: victims, sources: [{id: tjwg-2024, page: 15}], status: verified, label: {en: victims who disappeared under the Ministry, ko: 국가보위성 관할하에서 실종된 피해자, fr: victimes disparues sous la juridiction du Ministère}}
  - {id: children-under-10, value: 11.5, count: 13, unit: percent, base: victims, sources: [{id: tjwg-2024, page: 16}], status: verified, label: {en: victims who were children aged 0 to 9, ko: 0~9세 아동 피해자, fr: victimes qui étaient des enfants âgés de 0 à 9 ans}}
  - {id: returned, value: 500, qualifier: more-than, unit: persons, sources: [{id: ucan-2024, paragraph: 3}], status: verified, label: {en: people returned, ko: 송환된 사람, fr: personnes renvoyées}}
  - {id: applications, value: 122095, unit: cases, sources: [{id: tjwg-2024, page: 3}], status: verified, label: {en: asylum applications, ko: 난민 신청, fr: demandes d'asile}}
"""

# (rule, language, sentence): each seed error of issue 20, in the three languages.
SEEDS = [
    ("prose.untraceable-number", "en", "[[stat:victims|value]] victims and 1,234 witnesses were named."),
    ("prose.untraceable-number", "en", "Of the 40 people documented, 12 were children."),
    ("prose.untraceable-number", "ko", "피해자 [[stat:victims|value]]명과 증인 1,234명이 확인되었습니다."),
    ("prose.untraceable-number", "fr", "[[stat:victims|value]] victimes et 1 234 témoins ont été recensés."),
    ("prose.wrong-base", "en", "Of the 113 women interviewed, 81.4 per cent disappeared."),
    ("prose.wrong-base", "en", "Of the [[stat:women]], [[stat:mss-jurisdiction|share]] disappeared."),
    ("prose.wrong-base", "ko", "[[stat:women]] 중 [[stat:mss-jurisdiction|share]]이 실종되었습니다."),
    ("prose.wrong-base", "fr", "Parmi les [[stat:women]], [[stat:mss-jurisdiction|share]] ont disparu."),
    ("prose.qualified-group", "en", "Of the victims, 11.5% were children."),
    ("prose.qualified-group", "en", "Of the victims, [[stat:children-under-10|count]] were children."),
    ("prose.qualified-group", "ko", "피해자 중 [[stat:children-under-10|count]]이 아동이었습니다."),
    ("prose.qualified-group", "fr", "Parmi les victimes, [[stat:children-under-10|count]] étaient des enfants."),
    ("prose.attribution", "en", "According to Amnesty International, [[stat:returned]] were returned."),
    ("prose.attribution", "ko", "국제앰네스티에 따르면 [[stat:returned]]가 송환되었습니다."),
    ("prose.attribution", "fr", "Selon Amnesty International, [[stat:returned]] ont été renvoyées."),
    ("prose.unit-noun", "en", "The agency counted [[stat:applications]] applications."),
    ("prose.unit-noun", "ko", "난민 신청은 [[stat:applications]] 신청이었습니다."),
    ("prose.unit-noun", "fr", "L'agence a compté [[stat:applications]] demandes."),
]
# The same sentences, written as the rules ask.
FIXED = [
    "[[stat:victims|value]] victims and [[n:1,234|witnesses named in the annex; no statistic]] witnesses were named.",
    "Of the [[stat:victims]], [[stat:children-under-10|count]] were children aged 0 to 9.",
    "피해자 [[stat:victims|value]]명과 증인 [[n:1,234|부록의 증인 명단; 통계 아님]]명이 확인되었습니다.",
    "Of the 113 victims, 81.4 per cent disappeared.",
    "피해자 중 [[stat:mss-jurisdiction|share]]이 실종되었습니다.",
    "Parmi les victimes, [[stat:mss-jurisdiction|share]] ont disparu.",
    "Of the victims, 11.5% were children under the age of ten.",
    "피해자 중 [[stat:children-under-10|count]]이 10세 미만 아동이었습니다.",
    "According to Human Rights Watch, [[stat:returned]] were returned.",
    "휴먼라이츠워치에 따르면 [[stat:returned]]가 송환되었습니다.",
    "Selon UCA News, [[stat:returned]] ont été renvoyées.",
    "The agency counted [[stat:applications|value]] applications.",
]


def brief_with(lang: str, sentence: str) -> str:
    return FIGURES + f"summary:\n  {lang}: \"{sentence}\"\n"


@pytest.mark.parametrize(("rule", "lang", "sentence"), SEEDS)
def test_each_seed_error_is_reported_at_its_line(tmp_path: Path, rule: str, lang: str, sentence: str) -> None:
    result = check(tmp_path, brief_with(lang, sentence), languages=(lang,))
    found = result.of(rule)
    assert found, f"{rule} missed: {sentence}"
    assert {f.location.line for f in found} == {result.line(sentence[:30])}
    assert all(f.severity == RULES[rule].severity for f in found)


@pytest.mark.parametrize("sentence", FIXED)
def test_the_sentences_written_as_the_rules_ask_pass(tmp_path: Path, sentence: str) -> None:
    lang = "ko" if any("\uac00" <= c <= "\ud7a3" for c in sentence) else "fr" if "Parmi" in sentence or "Selon" in sentence else "en"
    result = check(tmp_path, brief_with(lang, sentence), languages=(lang,))
    assert [f for f in result.findings if f.rule.startswith("prose.")] == []


def test_a_finding_in_a_block_points_at_the_line_of_the_number(tmp_path: Path) -> None:
    body = FIGURES + """\
sections:
  - id: findings
    heading: Findings
    text:
      fr: |
        Parmi les victimes, [[stat:mss-jurisdiction|share]] ont disparu.

        Au total, 1 234 témoins ont été entendus.
"""
    result = check(tmp_path, body, languages=("fr",))
    (finding,) = result.of("prose.untraceable-number")
    assert finding.location.line == result.line("1 234 témoins")
    assert "'1 234'" in finding.message and "sections[0].text.fr" in finding.message


def test_a_deadline_is_exempt_in_a_recommendation_only(tmp_path: Path) -> None:
    body = FIGURES + """\
recommendations:
  - {en: "Notify the families within 30 days."}
summary:
  en: "The families have waited 30 days."
"""
    result = check(tmp_path, body)
    (finding,) = result.of("prose.untraceable-number")
    assert finding.location.line == result.line("waited 30 days")


@pytest.mark.parametrize("literal", ["[[n:30]]", "[[n:thirty|days]]"])
def test_a_literal_says_why_and_holds_a_number(tmp_path: Path, literal: str) -> None:
    result = check(tmp_path, brief_with("en", f"They waited {literal} days."))
    (finding,) = result.of("prose.untraceable-number")
    assert "why it is not data" in finding.message


def test_a_literal_prints_the_plain_number(make_brief) -> None:
    from testdata import MINIMAL_BRIEF
    text = MINIMAL_BRIEF.replace("Of [[stat:victims]], [[stat:share|share]] vanished.",
                                 "They waited [[n:1,234|days since the arrest, from the family]] days.")
    assert "They waited 1,234 days." in render_brief(make_brief(text), "en").markdown


def test_the_check_command_reports_the_line_and_fails(tmp_path: Path) -> None:
    path = tmp_path / "brief.yaml"
    path.write_text("brief:\n  title: T\n  organisation: {name: Example}\n  date: 2024-11-20\n  languages: [en]\n"
                    + brief_with("en", "Of the 50 women interviewed, 81.4 per cent disappeared."), encoding="utf-8")
    line = path.read_text(encoding="utf-8").splitlines().index(
        '  en: "Of the 50 women interviewed, 81.4 per cent disappeared."') + 1
    run = subprocess.run([sys.executable, "-m", "briefbuilder", "check", str(path)], capture_output=True, text=True)
    assert run.returncode != 0
    assert f"brief.yaml:{line}: error: prose.untraceable-number: '50'" in run.stdout + run.stderr
    assert f"brief.yaml:{line}: error: prose.wrong-base: '81.4 per cent' in summary.en is framed by '50 women interviewed'" in run.stdout + run.stderr


def test_the_api_reports_it_and_a_draft_still_builds(tmp_path: Path) -> None:
    path = tmp_path / "brief.yaml"
    path.write_text("brief:\n  title: T\n  organisation: {name: Example}\n  date: 2024-11-20\n  languages: [en]\n"
                    + brief_with("en", "Of the 40 people documented, 12 were children."), encoding="utf-8")
    findings = [f for f in check_brief(path) if f.rule == "prose.untraceable-number"]
    assert [f.message.split("'")[1] for f in findings] == ["40", "12"]
    result = build(path, tmp_path / "out", formats="md", draft=True)
    assert result.draft and result.outputs


def test_the_worked_example_passes_every_prose_rule_in_every_language() -> None:
    brief = load_brief(EXAMPLE / "brief.yaml")
    context = CheckContext(brief, Pack(name="t", description={"en": "t"}), ("ko", "en", "fr"),
                           catalog=catalog_for_brief(brief.directory), prose=prose_figures_for())
    found = [str(f) for rule_id, info in RULES.items() if rule_id.startswith("prose.") for f in info.function(context)]
    assert found == []


def test_a_language_without_prose_data_is_said_to_be_unchecked(tmp_path: Path) -> None:
    path = tmp_path / "brief.yaml"
    path.write_text("brief:\n  title: T\n  organisation: {name: Example}\n  date: 2024-11-20\n", encoding="utf-8")
    brief = load_brief(path)
    context = CheckContext(brief, Pack(name="t", description={"en": "t"}), ("en", "xx"), catalog=catalog_for_brief(None),
                           prose={"en": prose_figures_for()["en"]})
    (finding,) = RULES["prose.unchecked-language"].function(context)
    assert "'xx'" in finding.message and finding.severity == "warning"


def test_a_broken_prose_file_is_an_error_at_its_line(tmp_path: Path) -> None:
    folder = tmp_path / "locales" / "xx"
    folder.mkdir(parents=True)
    english = data_dir("locales") / "en" / PROSE_FIGURES
    text = english.read_text(encoding="utf-8").replace("framing: ['", "framing: ['(unclosed ", 1)
    (folder / PROSE_FIGURES).write_text(text, encoding="utf-8")
    with pytest.raises(BriefError) as raised:
        prose_figures_for([tmp_path / "locales"])
    problem = raised.value.problems[0]
    line = text.splitlines().index(next(l for l in text.splitlines() if l.startswith("framing:"))) + 1
    assert problem.location is not None and problem.location.line == line
    assert "not a regular expression" in problem.message


def test_framing_patterns_must_capture_the_group(tmp_path: Path) -> None:
    folder = tmp_path / "xx"
    folder.mkdir()
    english = data_dir("locales") / "en" / PROSE_FIGURES
    text = english.read_text(encoding="utf-8").replace("(?P<group>", "(", 1)
    (folder / PROSE_FIGURES).write_text(text, encoding="utf-8")
    with pytest.raises(BriefError, match="no group"):
        prose_figures_for([tmp_path])


# The seed errors written into the worked example itself, as a reader of its figures might.
EXAMPLE_SEEDS = [
    ("en", "Of the 50 women interviewed, 81.4 per cent disappeared.", {"untraceable-number", "wrong-base"}),
    ("en", "Of the 40 people documented, 12 were children.", {"untraceable-number"}),
    ("en", "Of the victims, 11.5% were children.", {"qualified-group"}),
    ("en", "According to Amnesty International, [[stat:mss-jurisdiction|share]] disappeared.", {"attribution"}),
    ("en", "[[stat:victims|value]] victims and 1,234 witnesses were heard.", {"untraceable-number"}),
    ("en", "Of the [[stat:women]], [[stat:mss-jurisdiction|share]] disappeared.", {"wrong-base"}),
    ("ko", "피해자 50명 중 81.4%가 실종되었습니다.", {"untraceable-number", "wrong-base"}),
    ("ko", "피해자 중 11.5%가 아동이었습니다.", {"qualified-group"}),
    ("ko", "국제앰네스티에 따르면 [[stat:victims]]이 실종되었습니다.", {"attribution"}),
    ("fr", "Parmi les 50 femmes interrogées, 81,4 % ont disparu.", {"untraceable-number", "wrong-base"}),
    ("fr", "Parmi les victimes, 11,5 % étaient des enfants.", {"qualified-group"}),
    ("fr", "Selon Amnesty International, [[stat:victims]] ont disparu.", {"attribution"}),
]


@pytest.mark.parametrize(("lang", "sentence", "rules"), EXAMPLE_SEEDS)
def test_a_seed_error_in_the_worked_example_fails_at_its_line(tmp_path: Path, lang: str, sentence: str,
                                                             rules: set[str]) -> None:
    text = (EXAMPLE / "brief.yaml").read_text(encoding="utf-8")
    seeded = f"  - id: seeded\n    heading: Seeded\n    text: {{{lang}: \"{sentence}\"}}\n"
    text = text.replace("\nsections:\n", "\nsections:\n" + seeded, 1)
    (tmp_path / "brief.yaml").write_text(text, encoding="utf-8")
    line = text.splitlines().index(seeded.splitlines()[2]) + 1
    brief = load_brief(tmp_path / "brief.yaml")
    context = CheckContext(brief, Pack(name="t", description={"en": "t"}), ("ko", "en", "fr"),
                           catalog=catalog_for_brief(brief.directory), prose=prose_figures_for())
    found = {(rule_id.removeprefix("prose."), f.location.line) for rule_id, info in RULES.items()
             if rule_id.startswith("prose.") for f in info.function(context)}
    assert found == {(rule, line) for rule in rules}
