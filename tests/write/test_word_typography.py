"""Word typography on small documents, in memory: no LibreOffice, a second or two in all.

tests/write/test_example_docx.py checks the same properties on the worked example
laid out by LibreOffice; these fail first, and fast, when the writer loses one.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from briefbuilder import render_brief
from briefbuilder.document import DocumentInfo, Layout, RenderedDocument, Typography
from briefbuilder.write import document_bytes

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
KOREAN = Typography(east_asian_autospace=False, italic=False, emphasis="bold")  # as locales/ko/locale.yaml sets it
MARKDOWN = """# 보고서

본문에 *강조*와 **굵게**가 있습니다.[^1]

| 구분 | 인원 |
|---|---|
| 피해자 | 113명 |
| 면담 | 62명 |

[^1]: 『존재할 수 없는 존재』, *기울임* 없는 각주.
"""


def _document(layout: Layout, markdown: str = MARKDOWN, tag: str = "ko-KR") -> dict[str, etree._Element]:
    info = DocumentInfo(title="보고서", author="센터", language=tag, date=dt.date(2024, 11, 20))
    data = document_bytes(RenderedDocument(markdown=markdown, info=info, layout=layout, language=tag[:2]), "docx")
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {name: etree.fromstring(package.read(name)) for name in package.namelist() if name.endswith(".xml")}


def test_korean_text_gets_no_automatic_gap_between_hangul_and_digits() -> None:
    styles = _document(Layout(typography=KOREAN))["word/styles.xml"]
    defaults = styles.xpath("w:docDefaults/w:pPrDefault/w:pPr", namespaces=NS)[0]
    assert defaults.xpath("w:autoSpaceDE/@w:val", namespaces=NS) == ["0"]
    assert defaults.xpath("w:autoSpaceDN/@w:val", namespaces=NS) == ["0"]


def test_english_keeps_word_s_own_spacing() -> None:
    styles = _document(Layout(), "# Report\n\nText.\n", "en-GB")["word/styles.xml"]
    assert not styles.xpath("//w:autoSpaceDE | //w:autoSpaceDN", namespaces=NS)


def test_no_hangul_is_slanted_and_emphasis_is_bold() -> None:
    parts = _document(Layout(typography=KOREAN))
    for name in ("word/styles.xml", "word/document.xml", "word/footnotes.xml"):
        assert not parts[name].xpath("//w:i[not(@w:val='0')] | //w:iCs[not(@w:val='0')]", namespaces=NS), name
    body = parts["word/document.xml"]
    emphasised = body.xpath("//w:r[w:t='강조']", namespaces=NS)[0]
    style = emphasised.xpath("string(w:rPr/w:rStyle/@w:val)", namespaces=NS)
    bold_style = parts["word/styles.xml"].xpath(f"//w:style[@w:styleId='{style}']/w:rPr/w:b", namespaces=NS)
    assert emphasised.xpath("w:rPr/w:b", namespaces=NS) or bold_style


def test_english_emphasis_stays_italic() -> None:
    parts = _document(Layout(), "# Report\n\nText with *emphasis*.\n", "en-GB")
    run = parts["word/document.xml"].xpath("//w:r[w:t='emphasis']", namespaces=NS)[0]
    style = run.xpath("string(w:rPr/w:rStyle/@w:val)", namespaces=NS)
    assert run.xpath("w:rPr/w:i", namespaces=NS) or parts["word/styles.xml"].xpath(
        f"//w:style[@w:styleId='{style}']/w:rPr/w:i[not(@w:val='0')]", namespaces=NS)


def test_table_rows_never_split_across_pages() -> None:
    body = _document(Layout(typography=KOREAN))["word/document.xml"]
    rows = body.xpath("//w:tbl/w:tr", namespaces=NS)
    assert len(rows) == 3 and all(row.xpath("w:trPr/w:cantSplit", namespaces=NS) for row in rows)


def test_the_sentence_introducing_a_table_stays_on_its_page() -> None:
    """"Treaty statuses stated in this document …, and where to verify them:" never ends a page whose next
    page opens with its table (the French treaty-body annex did); text not before a table flows freely."""
    body = _document(Layout(), "# Report\n\nFirst.\n\nStatuses:\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\nLast.\n",
                     "en-GB")["word/document.xml"]
    kept = {paragraph.xpath("string(.)"): bool(paragraph.xpath("w:pPr/w:keepNext", namespaces=NS))
            for paragraph in body.xpath("w:body/w:p[w:r]", namespaces=NS)}
    assert kept == {"Report": kept["Report"], "First.": False, "Statuses:": True, "Last.": False}


@pytest.mark.parametrize("placement", ["footnotes", "endnotes"])
def test_notes_go_where_the_pack_places_them(placement: str) -> None:
    parts = _document(Layout(typography=KOREAN, notes=placement))  # type: ignore[arg-type]
    kind = placement[:-1]  # footnote / endnote
    other = "endnote" if kind == "footnote" else "footnote"
    body = parts["word/document.xml"]
    assert len(body.xpath(f"//w:{kind}Reference", namespaces=NS)) == 1
    assert not body.xpath(f"//w:{other}Reference", namespaces=NS)
    notes = parts[f"word/{placement}.xml"].xpath(f"w:{kind}[not(@w:type)]", namespaces=NS)
    assert ["".join(note.itertext()).strip() for note in notes] == ["『존재할 수 없는 존재』, 기울임 없는 각주."]
    if kind == "endnote":  # arabic numbers, not Word's default i, ii, iii for endnotes
        settings = parts["word/settings.xml"]
        assert settings.xpath("w:endnotePr/w:numFmt/@w:val", namespaces=NS) == ["decimal"]


def test_korean_report_levels_are_list_levels_with_hanging_indents(tmp_path: Path) -> None:
    """□ ○ - · are the numbering's level markers, each level right of its parent, wrapped lines under the text."""
    from testdata import EXAMPLE

    parts = _document_of(render_brief(EXAMPLE, "ko", audience="gov-briefing"))
    body, numbering = parts["word/document.xml"], parts["word/numbering.xml"]
    items = body.xpath("//w:p[w:pPr/w:numPr]", namespaces=NS)
    assert {int(p.xpath("string(w:pPr/w:numPr/w:ilvl/@w:val)", namespaces=NS)) for p in items} >= {0, 1}
    num_id = items[0].xpath("string(w:pPr/w:numPr/w:numId/@w:val)", namespaces=NS)
    abstract = numbering.xpath(f"w:num[@w:numId='{num_id}']/w:abstractNumId/@w:val", namespaces=NS)[0]
    levels = numbering.xpath(f"w:abstractNum[@w:abstractNumId='{abstract}']/w:lvl", namespaces=NS)[:4]
    assert [lvl.xpath("string(w:lvlText/@w:val)", namespaces=NS) for lvl in levels] == ["□", "○", "-", "·"]
    indents = [(int(lvl.xpath("string(w:pPr/w:ind/@w:left)", namespaces=NS)),
                int(lvl.xpath("string(w:pPr/w:ind/@w:hanging)", namespaces=NS))) for lvl in levels]
    assert all(hanging > 0 for _, hanging in indents)
    markers = [left - hanging for left, hanging in indents]
    assert markers == sorted(set(markers))


def _document_of(document: RenderedDocument) -> dict[str, etree._Element]:
    with zipfile.ZipFile(io.BytesIO(document_bytes(document, "docx"))) as package:
        return {name: etree.fromstring(package.read(name)) for name in package.namelist() if name.endswith(".xml")}
