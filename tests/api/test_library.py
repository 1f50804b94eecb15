"""briefbuilder as a library: documents in memory, one error hierarchy, safe output names, a typed package."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.opc.constants import RELATIONSHIP_TYPE as RT

import briefbuilder
from briefbuilder import (BriefError, ChecksFailed, LoadError, OutputError, TemplateError, build, check_brief,
                          document_bytes, load_brief, render_brief, save_document)
from briefbuilder.cli import main
from testdata import EXAMPLE, MINIMAL_BRIEF, REPO


def footnote_texts(data: bytes) -> list[str]:
    document = docx.Document(io.BytesIO(data))
    part = document.part.part_related_by(RT.FOOTNOTES)
    return [text for text in re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", part.blob.decode("utf-8")) if text.strip()]


# --- documents to files, in memory or on disk ---------------------------------------------------------------------------------

def test_a_rendered_document_gives_docx_bytes_that_word_readers_open_with_their_footnotes() -> None:
    document = render_brief(EXAMPLE, "en")
    data = document_bytes(document, "docx")
    assert docx.Document(io.BytesIO(data)).paragraphs[0].text.startswith("Enforced disappearances")
    assert any("Existing" in text for text in footnote_texts(data))


def test_a_document_saves_to_a_stream_and_to_a_path_by_its_suffix(tmp_path: Path) -> None:
    document = render_brief(EXAMPLE, "ko")
    stream = io.BytesIO()
    save_document(document, stream, "md")
    assert stream.getvalue().decode("utf-8") == document.markdown
    save_document(document, tmp_path / "brief.docx")
    assert docx.Document(str(tmp_path / "brief.docx")).core_properties.language == "ko-KR"
    with pytest.raises(OutputError):
        save_document(document, io.BytesIO())  # a stream has no suffix to tell the format by


def test_a_notebook_shows_what_the_document_is_in_a_line_and_print_shows_the_text() -> None:
    document = render_brief(EXAMPLE, "en")
    shown = document._repr_markdown_()
    assert len(shown) < 300 and "\n" not in shown and document.info.title in shown
    assert str(document) == document.markdown


def test_dash_output_writes_the_single_document_to_stdout(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["build", str(EXAMPLE), "--lang", "en", "-o", "-"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# Enforced disappearances")
    assert not Path("-").exists()


def test_dash_output_writes_a_word_file_as_bytes() -> None:
    result = CliRunner().invoke(main, ["build", str(EXAMPLE), "--lang", "ko", "--format", "docx", "-o", "-"])
    assert result.exit_code == 0, result.output
    assert docx.Document(io.BytesIO(result.stdout_bytes)).core_properties.language == "ko-KR"


def test_dash_output_refuses_several_documents() -> None:
    result = CliRunner().invoke(main, ["build", str(EXAMPLE), "--lang", "ko,en", "-o", "-"])
    assert result.exit_code == 2
    assert "single output" in result.output


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    command = f"{sys.executable} -m briefbuilder audiences | head -n 1"
    result = subprocess.run(["bash", "-c", command], cwd=REPO, capture_output=True, text=True)
    assert result.stdout.count("\n") == 1
    assert result.stderr == ""


# --- one exception hierarchy ------------------------------------------------------------------------------------

def test_each_stage_raises_its_own_kind_of_error_under_brief_error(
        tmp_path: Path, make_brief: Callable[..., Path]) -> None:
    with pytest.raises(LoadError):
        load_brief(tmp_path / "nowhere.yaml")
    with pytest.raises(LoadError):
        render_brief(make_brief("brief: [unclosed"), "en")
    with pytest.raises(LoadError) as unknown_language:
        render_brief(EXAMPLE, "xx")
    assert unknown_language.value.problems[0].message == "unknown language 'xx'"
    with pytest.raises(OutputError):
        build(EXAMPLE, tmp_path / "out", formats=["odt"])
    pack = tmp_path / "packs" / "nosy"
    pack.mkdir(parents=True)
    (pack / "pack.yaml").write_text("description: {en: Nosy}\ntemplate: t.md.j2\n", encoding="utf-8")
    (pack / "t.md.j2").write_text("{{ brief.__class__.__mro__ }}\n", encoding="utf-8")
    with pytest.raises(TemplateError) as breach:
        render_brief(EXAMPLE, "en", audience="nosy", template_dirs=[tmp_path / "packs"])
    assert "sandbox" in breach.value.problems[0].message
    for error in (LoadError, TemplateError, OutputError, ChecksFailed):
        assert issubclass(error, BriefError)


def test_errors_and_findings_serialise_to_json(make_brief: Callable[..., Path]) -> None:
    broken = MINIMAL_BRIEF.replace("[[stat:victims]],", "[[stat:victim]],")
    with pytest.raises(LoadError) as caught:
        load_brief(make_brief(broken))
    data = json.loads(json.dumps(caught.value.as_dict()))
    assert data["error"] == "load"
    [problem] = data["problems"]
    line = next(number for number, text in enumerate(broken.splitlines(), 1) if "[[stat:victim]]," in text)
    assert (problem["field"], problem["line"]) == ("sections[0].text.en", line)
    assert "did you mean 'victims'" in problem["hint"]
    findings = check_brief(EXAMPLE)
    assert json.loads(json.dumps([finding.as_dict() for finding in findings]))[0]["audiences"] == ["general"]


def test_failed_checks_are_a_brief_error_carrying_every_finding(
        tmp_path: Path, make_brief: Callable[..., Path]) -> None:
    wrong = make_brief(MINIMAL_BRIEF.replace("count: 92", "count: 90"))
    with pytest.raises(BriefError) as caught:
        build(wrong, tmp_path / "out")
    assert isinstance(caught.value, ChecksFailed)
    assert any(f.rule == "consistency.count" for f in caught.value.findings)
    assert caught.value.as_dict()["error"] == "checks"
    assert not (tmp_path / "out").exists()


# --- safe output names --------------------------------------------------------------------------------------------

def test_building_two_audiences_in_turn_into_one_folder_keeps_both(tmp_path: Path) -> None:
    runner = CliRunner()
    for audience in ("un-upr", "gov-briefing"):
        result = runner.invoke(main, ["build", str(EXAMPLE), "--audience", audience, "--lang", "en",
                                      "-o", str(tmp_path)])
        assert result.exit_code == 0, result.output
    names = sorted(path.name for path in tmp_path.iterdir())
    assert names == ["enforced-disappearances.gov-briefing.en.md", "enforced-disappearances.un-upr.en.md"]


def test_audience_all_builds_the_packs_that_apply_and_says_which_it_skipped(
        tmp_path: Path, make_brief: Callable[..., Path]) -> None:
    result = CliRunner().invoke(main, ["build", str(make_brief()), "--audience", "all", "-o", str(tmp_path / "o")])
    assert result.exit_code == 0, result.output
    built = sorted(path.name.split(".", 1)[1] for path in (tmp_path / "o").iterdir())
    assert built == ["general.en.md", "general.ko.md"]
    assert "skipped un-wgeid: it needs a 'case:' block" in result.stderr
    assert "skipped gov-briefing: it needs a 'briefing:' block" in result.stderr
    checked = CliRunner().invoke(main, ["check", str(make_brief()), "--audience", "all"])
    assert "skipped un-wgeid: it needs a 'case:' block" in checked.stderr


def test_findings_for_several_audiences_appear_once_naming_their_audiences() -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["check", str(EXAMPLE), "--audience", "all", "--format", "json"])
    findings = json.loads(result.stdout)
    keys = [(f["file"], f["line"], f["rule"], f["message"]) for f in findings]
    assert len(keys) == len(set(keys))
    assert all(f["audiences"] for f in findings)
    shared = [f for f in findings if len(f["audiences"]) > 1]
    assert shared, "the worked example has warnings common to several audiences"
    text = runner.invoke(main, ["check", str(EXAMPLE), "--audience", "all", "-v"]).stdout.splitlines()
    assert len(text) == len(findings)
    assert all(line.endswith("]") for line in text)


def test_build_all_prints_each_warning_once(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["build", str(EXAMPLE), "--audience", "all", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if ": warning: " in line]
    assert len(warnings) == len(set(warnings))


# --- a typed package --------------------------------------------------------------------------------------------

def test_version_comes_from_the_package_metadata() -> None:
    from importlib.metadata import version

    assert briefbuilder.__version__ == version("briefbuilder")


def test_python_dash_m_runs_the_command() -> None:
    result = subprocess.run([sys.executable, "-m", "briefbuilder", "--help"], cwd=REPO, capture_output=True,
                            text=True)
    assert result.returncode == 0 and "build" in result.stdout


def test_the_licence_is_the_mit_text_pyproject_names() -> None:
    assert re.search(r'^license = "MIT"$', (REPO / "pyproject.toml").read_text(encoding="utf-8"), re.M)
    text = (REPO / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License") and "Permission is hereby granted, free of charge" in text


def test_check_as_json_gives_each_finding_its_place_severity_rule_and_message(
        make_brief: Callable[..., Path]) -> None:
    """``briefbuilder check --format json`` is what scripts read: the keys are the contract."""
    wrong = MINIMAL_BRIEF.replace("count: 92", "count: 90")
    shown = CliRunner().invoke(main, ["check", str(make_brief(wrong)), "--format", "json"])
    findings = json.loads(shown.output)
    [count] = [finding for finding in findings if finding["rule"] == "consistency.count"]
    line = next(number for number, text in enumerate(wrong.splitlines(), 1) if "value: 81.4" in text)
    assert set(count) == {"file", "line", "place", "severity", "rule", "message", "audiences"}
    assert (Path(count["file"]).name, count["line"], count["severity"]) == ("brief.yaml", line, "error")
    assert "90 of 113" in count["message"]


def test_a_finding_with_no_place_says_so_in_text_and_json() -> None:
    from briefbuilder.check import Finding

    finding = Finding("warning", "packs.unused", "the pack 'x' is not used")
    assert str(finding) == "warning: packs.unused: the pack 'x' is not used"
    assert finding.as_dict() == {"file": None, "line": None, "place": None, "severity": "warning",
                                 "rule": "packs.unused", "message": "the pack 'x' is not used", "audiences": []}


def test_failed_checks_as_json_carry_each_error_as_a_problem_and_every_finding(
        tmp_path: Path, make_brief: Callable[..., Path]) -> None:
    """A script catching ChecksFailed reads the errors as problems (place, rule, message) like any BriefError,
    and every finding, warnings included, beside them."""
    wrong = MINIMAL_BRIEF.replace("count: 92", "count: 90").replace("{id: report, page: 12}", "{id: report}")
    with pytest.raises(ChecksFailed) as caught:
        build(make_brief(wrong), tmp_path / "out")
    data = json.loads(json.dumps(caught.value.as_dict()))
    errors = [f for f in caught.value.findings if f.severity == "error"]
    assert errors and len(errors) < len(caught.value.findings)  # warnings too, which are not problems
    severities = [f.severity for f in caught.value.findings]
    assert severities == sorted(severities, key=lambda severity: severity != "error")  # errors first
    assert [(p["file"], p["line"], p["field"], p["message"]) for p in data["problems"]] == [
        (str(f.location.file), f.location.line, f.rule, f.message) for f in errors if f.location]
    assert len(data["problems"]) == len(errors)
    assert [f["rule"] for f in data["findings"]] == [f.rule for f in caught.value.findings]


def test_the_rules_as_json_give_id_severity_explanation_and_example() -> None:
    shown = CliRunner().invoke(main, ["check", "--rules", "--format", "json"])
    rules = json.loads(shown.output)
    assert rules and all(set(rule) == {"rule", "severity", "explanation", "example"} for rule in rules)
    count = next(rule for rule in rules if rule["rule"] == "consistency.count")
    assert count["severity"] == "error" and "percentage" in count["explanation"] and "92 of 113" in count["example"]
