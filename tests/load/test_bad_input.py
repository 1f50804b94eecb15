"""Unusable input: a clear, located error, the documented exit code, no output."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefbuilder import BriefError, load_brief
from briefbuilder.cli import main
from testdata import MINIMAL_BRIEF


def replace(old: str, new: str) -> str:
    assert old in MINIMAL_BRIEF
    return MINIMAL_BRIEF.replace(old, new, 1)


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


CASES = {
    # name: (brief text, exit code, text the message must contain, line marker)
    "malformed YAML": (replace("  date: 2024-11-20", "  date: [2024-11-20"), 2, "malformed YAML", None),
    "missing field": (replace("  organisation: {name: Example Centre, contact: contact@example.org}\n", ""), 2,
                      "brief.organisation: is required", "title: {en: Disappearances"),
    "wrong type": (replace("  date: 2024-11-20", "  date: last week"), 2, "brief.date", "date: last week"),
    "number in quotes": (replace("value: 113", 'value: "113"'), 2, "statistics[0].value", 'value: "113"'),
    "unknown source": (replace("sources: [{id: report, page: 12}]", "sources: [{id: reprot, page: 12}]"), 2,
                       "unknown source 'reprot' (did you mean 'report'?)", "id: reprot"),
    "unknown statistic in narrative": (replace("[[stat:share|share]] vanished", "[[stat:shares]] vanished"), 2,
                                       "unknown statistic 'shares'", "[[stat:shares]]"),
    "unknown language": (replace("languages: [en, ko]", "languages: [en, xx]"), 2, "unknown language 'xx'", None),
    "missing Korean narrative": (replace('      ko: "[[stat:victims]] 중 [[stat:share|share]]이 실종되었습니다."\n', ""),
                                 1, "language.missing", "en: \"Of"),
    "template in narrative": (replace("vanished.", "vanished {{ 7*7 }}."), 2, "template syntax", "{{ 7*7 }}"),
    "template in source title": (replace("title: {en: The Report, ko: 보고서}",
                                         "title: {en: \"{% for x in range(9) %}x{% endfor %}\", ko: 보고서}"),
                                 2, "sources[0].title.en: template syntax", "{% for"),
    "unknown field": (replace("    unit: persons", "    unit: persons\n    colour: red"), 2,
                      "statistics[0].colour: unknown field", "colour: red"),
    "unknown unit": (replace("unit: persons", "unit: people"), 2, "'people' is not allowed", "unit: people"),
    # YAML itself lets the last of two equal keys win: a brief refuses it, at the second one.
    "key given twice": (replace("  date: 2024-11-20", "  date: 2024-11-20\n  date: 2024-11-21"), 2,
                        "brief.date: this key is given twice", "date: 2024-11-21"),
}


@pytest.mark.parametrize("name", list(CASES))
def test_bad_input_gives_a_located_error_and_writes_nothing(name: str, make_brief: Callable[..., Path],
                                                            tmp_path: Path) -> None:
    text, exit_code, message, marker = CASES[name]
    brief = make_brief(text)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(brief), "-o", str(out)])
    assert result.exit_code == exit_code, result.output
    assert message in result.output
    assert "Traceback" not in result.output
    if marker is not None:
        assert f"{brief}:{line_of(text, marker)}:" in result.output
    else:
        assert str(brief) in result.output or "unknown language" in result.output
    assert not out.exists() or not any(out.iterdir())


def test_every_problem_is_reported_at_once(make_brief: Callable[..., Path]) -> None:
    text = replace("unit: persons", "unit: people").replace("value: 81.4", "value: high")
    with pytest.raises(BriefError) as error:
        load_brief(make_brief(text))
    fields = {problem.field for problem in error.value.problems}
    assert {"statistics[0].unit", "statistics[1].value"} <= fields


def test_a_folder_without_a_brief_is_explained(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["build", str(tmp_path)])
    assert result.exit_code == 2
    assert "no brief.yaml in this folder" in result.output


def test_an_output_never_overwrites_the_brief(make_brief: Callable[..., Path], tmp_path: Path) -> None:
    """A brief named like an output file, built into its own folder, must survive."""
    original = MINIMAL_BRIEF.replace("languages: [en, ko]", "languages: [en]\n  id: x")
    brief = make_brief(original, name="x.general.en.md")
    result = CliRunner().invoke(main, ["build", str(brief), "-o", str(tmp_path)])
    assert result.exit_code == 2
    assert "refusing to overwrite" in result.output
    assert brief.read_text(encoding="utf-8") == original


def test_a_reference_docx_named_like_an_output_is_never_overwritten(make_brief: Callable[..., Path],
                                                                     tmp_path: Path) -> None:
    """The brief's own house template, named as the .docx the build makes, in the folder it builds into."""
    reference = (Path(__file__).resolve().parents[2] / "templates" / "reference.docx").read_bytes()
    (tmp_path / "x.general.en.docx").write_bytes(reference)
    brief = make_brief(MINIMAL_BRIEF.replace("languages: [en, ko]", "languages: [en]\n  id: x\n  settings:\n"
                                             "    pack: {reference_docx: x.general.en.docx}"))
    result = CliRunner().invoke(main, ["build", str(brief), "--format", "md,docx", "-o", str(tmp_path)])
    assert result.exit_code == 2
    line = next(number for number, text in enumerate(brief.read_text(encoding="utf-8").splitlines(), 1)
                if "reference_docx" in text)
    assert f"{brief}:{line}:" in result.output and "is a file this build reads" in result.output
    assert (tmp_path / "x.general.en.docx").read_bytes() == reference
    assert not (tmp_path / "x.general.en.md").exists()  # nothing written at all


def test_an_output_that_is_the_brief_under_another_name_is_refused(make_brief: Callable[..., Path],
                                                                   tmp_path: Path) -> None:
    """Compared by file identity, not by name: a hard link to the brief in the output folder."""
    original = MINIMAL_BRIEF.replace("languages: [en, ko]", "languages: [en]\n  id: x")
    brief = make_brief(original)
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "x.general.en.md").hardlink_to(brief)
    result = CliRunner().invoke(main, ["build", str(brief), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2 and "is a file this build reads" in result.output
    assert brief.read_text(encoding="utf-8") == original
