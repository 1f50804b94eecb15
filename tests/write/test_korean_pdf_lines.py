"""Korean line breaking in the PDF, on a document written to provoke every bad break.

Long Korean sentences put, at every distance from the line's end, a number and its
counter ("23명(20.4%)은"), a 「long title」 followed by a bracket and a particle, a date
held by no-break spaces, a UN symbol, and note marks after the sentence's full stop (the
Korean placement, document-style.md D1). LibreOffice lays the .docx out (slow: marked by
needing soffice, as the other PDF tests); the three house styles go through one LibreOffice run.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from korean_lines import bad_line_breaks, pdf_lines
from testdata import EXAMPLE, require_tool

from briefbuilder.pipeline import render_brief
from briefbuilder.write.docx import docx_bytes
from briefbuilder.write.pdf import pdfs_bytes

PHRASES = (
    "피해자 113명 중 23명(20.4%)은 해외에서 체포되었습니다.[^a]",
    "중화인민공화국은 1982.\u00a09.\u00a024. 「난민의 지위에 관한 협약」(이하 「난민협약」)에 가입하였습니다.[^b]",
    "「강제실종으로부터 모든 사람을 보호하기 위한 국제협약」 제2조는 국가기관의 자유 박탈을 요건으로 합니다.[^c]",
    "국제사회(유엔)에 A/HRC/52/5의 권고 이행을 요청하였고, 66건의 사건과 62명의 면담 결과를 제출하였습니다.",
)
NOTES = (
    "[^a]: 전환기정의워킹그룹, 『존재할 수 없는 존재』, 2024.\u00a010.\u00a031.",
    "[^b]: 유엔 조약집, 조약 현황 V.2.",
    "[^c]: 국제연합, 「강제실종협약」 제2조.",
)
PARAGRAPHS = 24


def provoking_markdown() -> str:
    """Paragraphs whose lead-in words shift the same phrases by a few syllables each time."""
    filler = "가나다라마바사아자차카타파하"
    paragraphs = []
    for k in range(PARAGRAPHS):
        lead = " ".join(filler[: 2 + (i + k) % 5] for i in range(k % 7 + 1))
        paragraphs.append(lead + " " + " ".join(PHRASES[(k + j) % len(PHRASES)] for j in range(3)))
    return "# 줄바꿈 시험\n\n" + "\n\n".join(paragraphs) + "\n\n" + "\n".join(NOTES) + "\n"


AUDIENCES = ("general", "un-upr", "gov-briefing")


@pytest.fixture(scope="module")
def provoked(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path, str]]:
    """Each audience's Korean house style on the provoking text: .docx, PDF (one LibreOffice run for all)."""
    require_tool("soffice")
    folder = tmp_path_factory.mktemp("provoke")
    documents = [dataclasses.replace(render_brief(EXAMPLE, "ko", audience=audience), markdown=provoking_markdown())
                 for audience in AUDIENCES]
    files = {}
    for audience, document, pdf in zip(AUDIENCES, documents, pdfs_bytes(documents)):
        files[audience] = (folder / f"{audience}.docx", folder / f"{audience}.pdf",
                           document.layout.typography.no_line_start)
        files[audience][0].write_bytes(docx_bytes(document))
        files[audience][1].write_bytes(pdf)
    return files


@pytest.mark.parametrize("audience", AUDIENCES)
def test_no_korean_line_breaks_inside_a_word_nor_before_a_closing_mark(
        provoked: dict[str, tuple[Path, Path, str]], audience: str) -> None:
    docx, pdf, no_line_start = provoked[audience]
    lines = [line for page in pdf_lines(pdf) for line in page]
    assert len(lines) > 3 * PARAGRAPHS  # every paragraph wraps, so every phrase meets line ends
    assert bad_line_breaks(pdf, docx, no_line_start) == {}
