"""The worked example, built through the CLI, read back with a real Markdown parser (cmark-gfm)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefbuilder import load_brief
from briefbuilder.cli import main
from briefbuilder.markdown_tree import parse_markdown, visible_text
from testdata import EXAMPLE, footnote_references


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    out = tmp_path_factory.mktemp("out")
    result = CliRunner().invoke(main, ["build", str(EXAMPLE), "--lang", "ko,en", "-o", str(out)])
    assert result.exit_code == 0, result.output
    return {path.name.split(".")[-2]: path.read_text(encoding="utf-8") for path in out.glob("*.md")}


def test_both_languages_are_written_with_locale_formats(built: dict[str, str]) -> None:
    assert set(built) == {"ko", "en"}
    assert "2024년 10월 31일" in built["ko"]
    assert "81.4%" in built["ko"] and "113명" in built["ko"]
    assert "113명 중 92명(81.4%)" in built["ko"]
    assert "31 October 2024" in built["en"] and "81.4%" in built["en"]
    assert "81.4% (92 of 113)" in built["en"]
    assert "113 people" in built["en"]


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_no_template_syntax_or_unresolved_reference_is_left(built: dict[str, str], lang: str) -> None:
    text = built[lang]
    for leftover in ("{{", "{%", "[[", "]]"):
        assert leftover not in text
    tree = parse_markdown(text)
    assert not [block for block in tree.blocks if re.search(r"\[\^\d+\]", visible_text(block))], \
        "a footnote reference was left unparsed"


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_every_statistic_is_footnoted_to_a_named_source(built: dict[str, str], lang: str) -> None:
    brief = load_brief(EXAMPLE)
    tree = parse_markdown(built[lang])
    definitions = {label: visible_text(note).strip() for label, note in tree.footnotes.items()}
    assert footnote_references(tree) and set(footnote_references(tree)) == set(definitions)
    publishers = [s.publisher.get(lang, fallback=True) for s in brief.sources if s.publisher]
    for text in definitions.values():
        legal = "UNTS" in text or "Treaty Collection" in text or "조약집" in text  # treaty citations and status notes
        ibid = text in ("ibid.", "Ibid.")  # repeats the note before it (OSCOLA, UN); Korean repeats the short form
        assert legal or ibid or any(publisher in text for publisher in publishers), text
    # Every mark is its own note (as in Word): one reference per definition.
    assert sorted(footnote_references(tree)) == sorted(definitions)
    # Every percentage in the text is cited by a mark in its own paragraph or table cell: at the end of its
    # sentence, or of the run of sentences in a row that cite the same and share one note (issue 21).
    body = re.split(r"\n## (?:Annex|부록)", built[lang])[0]  # the annex table is the trace itself
    percentages = list(re.finditer(r"\d+\.\d%", body))
    assert len(percentages) >= 12
    for match in percentages:
        paragraph = re.split(r"\n\s*\n|(?<!\\)\|", body[match.end():])[0]
        assert re.search(r"\[\^\d+\]", paragraph), body[match.start():match.end() + 60]


def test_outputs_are_named_by_brief_audience_language_and_format(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["build", str(EXAMPLE / "brief.yaml"), "--lang", "en", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert [p.name for p in tmp_path.iterdir()] == ["enforced-disappearances.general.en.md"]


def test_the_findings_are_stated_as_the_report_states_them(built: dict[str, str]) -> None:
    """The press misread 81.4% as cases "the MSS and border guards are responsible for"."""
    english = built["en"]
    assert "under the jurisdiction of the\nMinistry of State Security" in english or \
        "under the jurisdiction of the Ministry of State Security" in english
    assert "responsible for 81.4%" not in english
    assert "13 people (11.5%)" in english and "children under the age of ten" in english
