"""A paragraph of any size is written whole, and counted whole, or refused with its location."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from briefbuilder import BriefError, build, check_brief, load_brief
from briefbuilder.load.yamlsource import MAX_TEXT_CHARS
from testdata import MINIMAL_BRIEF

WORDS = 2_100_000  # "word " x 2.1 million: 10.5 MB, past libxml2's default 10 MB limit for one text node
ENGLISH = 'en: "Of [[stat:victims]], [[stat:share|share]] vanished."'


def _brief_with_paragraph(filler: str) -> str:
    assert ENGLISH in MINIMAL_BRIEF
    text = MINIMAL_BRIEF.replace(ENGLISH, f'en: "Of [[stat:victims]], [[stat:share|share]] vanished. {filler}'
                                          'END-OF-PARAGRAPH"')
    return text + "recommendations:\n  - {en: AFTER-THE-PARAGRAPH, ko: 석방}\n"


@pytest.mark.slow
def test_a_ten_megabyte_paragraph_is_written_whole(make_brief: Callable[..., Path], tmp_path: Path) -> None:
    brief = make_brief(_brief_with_paragraph("word " * WORDS))
    result = build(brief, tmp_path / "out", languages=["en"], formats=["docx"])
    document = zipfile.ZipFile(result.outputs[0]).read("word/document.xml").decode()
    assert document.count("word ") >= WORDS
    assert "END-OF-PARAGRAPH" in document and "AFTER-THE-PARAGRAPH" in document


@pytest.mark.slow
def test_the_word_limit_counts_the_whole_paragraph(make_brief: Callable[..., Path]) -> None:
    text = _brief_with_paragraph("word " * WORDS).replace(
        "  languages: [en, ko]", "  languages: [en, ko]\n  settings: {pack: {word_limit: 1000}}")
    findings = [f for f in check_brief(make_brief(text), languages=["en"]) if f.rule == "constraints.word-limit"]
    assert len(findings) == 1
    counted = int(findings[0].message.split(" words")[0].replace(",", ""))
    assert counted > WORDS


def test_a_value_beyond_the_limit_is_refused_with_its_line(make_brief: Callable[..., Path]) -> None:
    text = _brief_with_paragraph("w" * (MAX_TEXT_CHARS + 1))
    with pytest.raises(BriefError) as error:
        load_brief(make_brief(text))
    (problem,) = error.value.problems
    assert problem.field == "sections[0].text.en"
    assert problem.location is not None
    assert problem.location.line == next(i for i, line in enumerate(text.splitlines(), 1) if "END-OF" in line)
