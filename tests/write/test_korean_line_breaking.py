"""Korean line breaking in the Word file: 어절 kept whole, no closing bracket at a line start, flush left.

Fast: reads the .docx XML the writer makes, without LibreOffice (the PDF side is in
test_example_docx.py).
"""

from __future__ import annotations

import io
import zipfile

import pytest
from lxml import etree
from testdata import EXAMPLE

from briefbuilder.pipeline import render_brief
from briefbuilder.write.docx import docx_bytes

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def parts(audience: str, language: str) -> dict[str, etree._Element]:
    data = docx_bytes(render_brief(EXAMPLE, language, audience=audience))
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {member: etree.fromstring(package.read(f"word/{member}.xml")) for member in ("styles", "settings")}


@pytest.mark.parametrize("audience", ["gov-briefing", "un-upr"])
def test_korean_is_wrapped_by_word_in_every_paragraph_style(audience: str) -> None:
    """w:wordWrap on (Word's 한글 단어 잘림 허용 off) and w:kinsoku on, in the defaults and every style."""
    styles = parts(audience, "ko")["styles"]
    holders = styles.xpath("w:docDefaults/w:pPrDefault/w:pPr | w:style[@w:type='paragraph']/w:pPr", namespaces=NS)
    assert len(holders) > 10
    for pPr in holders:
        assert pPr.xpath("w:wordWrap/@w:val", namespaces=NS) == ["1"], etree.tostring(pPr.getparent())[:80]
        assert pPr.xpath("w:kinsoku/@w:val", namespaces=NS) == ["1"]


def test_korean_lines_never_start_with_a_closing_bracket_nor_end_with_an_opening_one() -> None:
    settings = parts("general", "ko")["settings"]
    [before] = settings.xpath("w:noLineBreaksBefore", namespaces=NS)
    [after] = settings.xpath("w:noLineBreaksAfter", namespaces=NS)
    assert before.get(f"{{{W}}}lang") == after.get(f"{{{W}}}lang") == "ko-KR"
    assert set(")」』”.,%") <= set(before.get(f"{{{W}}}val"))
    assert set("(「『“") <= set(after.get(f"{{{W}}}val"))
    # schema order: after w:characterSpacingControl, the "after" list first, before w:savePreviewPicture
    names = [etree.QName(child).localname for child in settings]
    assert names.index("characterSpacingControl") < names.index("noLineBreaksAfter") \
        < names.index("noLineBreaksBefore") < names.index("compat")


def test_english_keeps_words_defaults() -> None:
    found = parts("general", "en")
    assert not found["styles"].xpath("//w:wordWrap | //w:kinsoku", namespaces=NS)
    assert not found["settings"].xpath("w:noLineBreaksBefore | w:noLineBreaksAfter", namespaces=NS)


@pytest.mark.parametrize("audience", ["un-upr", "un-treaty-body", "un-wgeid"])
def test_korean_un_documents_are_flush_left_and_english_ones_justified(audience: str) -> None:
    """Justified 어절-wrapped lines are filled by widening their few spaces: Korean is set left."""
    def body_alignment(language: str) -> list[str]:
        return parts(audience, language)["styles"].xpath("w:style[@w:styleId='Normal']/w:pPr/w:jc/@w:val",
                                                         namespaces=NS)
    assert body_alignment("ko") == ["left"]
    assert body_alignment("en") == ["both"]
