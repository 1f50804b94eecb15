"""The Word writer, checked with the readers a brief's recipients use.

python-docx reopens the files, pandoc reads them back to Markdown and
LibreOffice lays them out as PDF; the XML is inspected only for what no reader
reports (language tags, numbering instances, reproducibility).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from testdata import require_tool
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from lxml import etree

from briefbuilder.document import DocumentInfo, Layout, RenderedDocument
from briefbuilder.errors import BriefError
from briefbuilder.write.docx import docx_bytes, write_docx
from briefbuilder.load.pack import available_packs, load_pack

FIXTURES = Path(__file__).parent / "fixtures"
REPOSITORY = Path(__file__).resolve().parents[2]
BRIEF_DATE = dt.date(2024, 10, 31)
KOREAN_TITLE = "구금 중 강제실종: 자유권위원회 제출 보고서"
FOOTNOTES_IN_FIXTURE = 6
HOSTILE = "\x00\x01\x08 <b>&amp; \u200f\u05e9\u05dc\u05d5\u05dd\u200f 81.4% & < >"


def brief(language: str, *, numbered_paragraphs: bool = True, **info: object) -> RenderedDocument:
    """The fixture brief in `language` ("ko" or "en") as the render stage would hand it over."""
    korean = language == "ko"
    fields: dict[str, object] = {
        "title": KOREAN_TITLE if korean else "Enforced Disappearances in Detention",
        "author": "정의와 기억을 위한 연대" if korean else "Coalition for Justice and Memory",
        "language": "ko-KR" if korean else "en-GB",
        "date": BRIEF_DATE,
        "subject": "ICCPR review",
        "keywords": ("enforced disappearance", "detention"),
    }
    fields.update(info)
    return RenderedDocument(
        markdown=(FIXTURES / f"brief.{language}.md").read_text(encoding="utf-8"),
        info=DocumentInfo(**fields),  # type: ignore[arg-type]
        layout=Layout(
            east_asian_font="Malgun Gothic" if korean else None,
            numbered_paragraphs=numbered_paragraphs,
        ),
        name="enforced-disappearances",
        language=language,
    )


def part_xml(data: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return etree.fromstring(package.read(name))


def all_xml(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return "".join(
            package.read(name).decode("utf-8")
            for name in package.namelist()
            if name.endswith((".xml", ".rels"))
        )


def paragraphs_with_style(body: etree._Element, style_id: str) -> list[etree._Element]:
    return body.xpath(f".//w:p[w:pPr/w:pStyle/@w:val='{style_id}']", namespaces=NS)


NS = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


# -- files on disk, built once per module ----------------------------------------------


def user_reference(path: Path) -> Path:
    """A reference an organisation might make: its own body font and wide margins."""
    reference = docx.Document()
    reference.styles["Normal"].font.name = "Georgia"
    reference.styles["Normal"].font.size = Pt(12)
    section = reference.sections[0]
    section.left_margin = section.right_margin = Cm(4)
    reference.save(path)
    return path


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The .docx files the reader tests look at."""
    directory = tmp_path_factory.mktemp("docx")
    reference = user_reference(directory / "organisation-reference.docx")
    documents = {
        "ko": brief("ko"),
        "en": brief("en"),
        "en-government": brief("en", numbered_paragraphs=False),
        "hostile": RenderedDocument(
            markdown=f"# {'T' * 10_000}{HOSTILE}\n\n{HOSTILE}\n\n1. {HOSTILE}[^1]\n\n[^1]: {HOSTILE}\n",
            info=DocumentInfo(
                title="T" * 10_000 + HOSTILE,
                author=HOSTILE,
                language="en-GB",
                date=BRIEF_DATE,
                keywords=(HOSTILE,),
            ),
            layout=Layout(numbered_paragraphs=True),
        ),
        "user-reference": RenderedDocument(
            markdown=(FIXTURES / "brief.en.md").read_text(encoding="utf-8"),
            info=DocumentInfo(title="Brief", author="Org", language="en-GB", date=BRIEF_DATE),
            layout=Layout(numbered_paragraphs=True, reference_docx=reference),
        ),
    }
    paths = {}
    for key, document in documents.items():
        paths[key] = directory / f"{key}.docx"
        write_docx(document, paths[key])
    return paths


@pytest.fixture(scope="module")
def pdf_text(built: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Every built file laid out by LibreOffice (one soffice run), as pdftotext reads it."""
    soffice = require_tool("soffice")
    pdftotext = require_tool("pdftotext")
    output = tmp_path_factory.mktemp("pdf")
    profile = tmp_path_factory.mktemp("libreoffice-profile")
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(output), *map(str, built.values())],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    texts = {}
    for key in built:
        pdf = output / f"{key}.pdf"
        assert pdf.is_file(), f"LibreOffice could not convert {key}.docx"
        texts[key] = subprocess.run(
            [pdftotext, "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
        ).stdout
    texts["ko-fonts"] = subprocess.run(
        [require_tool("pdffonts"), str(output / "ko.pdf")], check=True, capture_output=True, text=True
    ).stdout
    return texts


def pandoc_markdown(path: Path) -> str:
    return subprocess.run(
        [require_tool("pandoc"), "-f", "docx", "-t", "markdown", "--wrap=none", str(path)],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip


# -- python-docx ------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["ko", "en"])
def test_each_citation_is_a_word_footnote_referenced_from_the_body(
    built: dict[str, Path], language: str
) -> None:
    document = docx.Document(str(built[language]))
    footnotes_part = document.part.part_related_by(RT.FOOTNOTES)
    footnotes = etree.fromstring(footnotes_part.blob)
    notes = footnotes.xpath("w:footnote[not(@w:type) or @w:type='normal']", namespaces=NS)
    separators = footnotes.xpath("w:footnote/@w:type", namespaces=NS)
    references = document.element.body.xpath(".//w:footnoteReference/@w:id")

    assert {"separator", "continuationSeparator"} <= set(separators)
    assert len(notes) == FOOTNOTES_IN_FIXTURE
    assert sorted(references, key=int) == [note.get(qn("w:id")) for note in notes]
    first_note = notes[0]
    assert first_note.xpath("w:p/w:pPr/w:pStyle/@w:val", namespaces=NS) == ["FootnoteText"]
    assert first_note.xpath(".//w:footnoteRef", namespaces=NS)
    assert first_note.xpath(".//w:rStyle[@w:val='Emphasis']", namespaces=NS)


def test_a_note_cited_twice_becomes_two_footnotes_with_its_text() -> None:
    markdown = "# T\n\n## A\n\nFirst[^n] and again[^n].\n\n[^n]: The *same* source.\n"
    data = docx_bytes(RenderedDocument(markdown, DocumentInfo("T", "O", "en-GB", BRIEF_DATE)))
    footnotes = part_xml(data, "word/footnotes.xml")
    texts = [
        "".join(note.itertext()).strip()
        for note in footnotes.xpath("w:footnote[not(@w:type)]", namespaces=NS)
    ]
    assert texts == ["The same source.", "The same source."]
    body = part_xml(data, "word/document.xml")
    assert body.xpath(".//w:footnoteReference/@w:id", namespaces=NS) == ["1", "2"]


def test_title_block_headings_and_table_use_the_named_styles(built: dict[str, Path]) -> None:
    document = docx.Document(str(built["en"]))
    styles = [(p.style.name, p.text) for p in document.paragraphs]
    assert styles[:3] == [
        ("Title", "Enforced Disappearances in Detention: Submission to the Human Rights Committee"),
        ("Subtitle", "Coalition for Justice and Memory"),
        ("Subtitle", "31 October 2024"),
    ]
    assert ("Heading 1", "Summary") in styles
    assert any(name == "Quote" for name, _ in styles)
    table = document.tables[0]
    assert table.style.name == "Brief Table"
    assert [cell.text for cell in table.rows[0].cells] == ["Year", "Cases", "Unregistered", "Share"]
    assert table.rows[1].cells[3].text == "81.6%"
    assert table.rows[0]._tr.xpath("w:trPr/w:tblHeader")
    assert not table.rows[1]._tr.xpath("w:trPr/w:tblHeader")


def test_links_are_word_hyperlinks_in_body_and_footnotes(built: dict[str, Path]) -> None:
    document = docx.Document(str(built["en"]))
    body_targets = {rel.target_ref for rel in document.part.rels.values() if rel.reltype == RT.HYPERLINK}
    footnotes_part = document.part.part_related_by(RT.FOOTNOTES)
    note_targets = {rel.target_ref for rel in footnotes_part.rels.values() if rel.reltype == RT.HYPERLINK}
    assert any("general-comment-no-35" in target for target in body_targets)
    assert "mailto:advocacy@example.org" in body_targets
    assert note_targets == {"https://www.ohchr.org/en/special-procedures/wg-disappearances"}
    hyperlink_runs = document.element.body.xpath(".//w:hyperlink/w:r/w:rPr/w:rStyle/@w:val")
    assert set(hyperlink_runs) == {"Hyperlink"}


def test_core_properties_describe_the_brief() -> None:
    data = docx_bytes(brief("en", draft=True))
    document = docx.Document(io.BytesIO(data))
    properties = document.core_properties
    # the title a reader sees on page 1 (a WGEID case's own title, not the brief's)
    assert properties.title == document.paragraphs[0].text
    assert properties.title == "Enforced Disappearances in Detention: Submission to the Human Rights Committee"
    assert properties.author == "Coalition for Justice and Memory"
    assert properties.language == "en-GB"
    assert properties.subject == "ICCPR review"
    assert properties.keywords == "enforced disappearance, detention"
    assert properties.created == properties.modified == dt.datetime(2024, 10, 31, tzinfo=dt.timezone.utc)
    assert properties.category == "Draft"
    final = docx.Document(io.BytesIO(docx_bytes(brief("en")))).core_properties
    assert final.category == ""


# -- numbering ------------------------------------------------------------------------------


def numbering_of(data: bytes, opening: str) -> str:
    """The numbering instance (numId) of the paragraph whose text starts with `opening`."""
    document = docx.Document(io.BytesIO(data))
    (paragraph,) = [p for p in document.paragraphs if p.text.startswith(opening)]
    return paragraph._p.xpath("string(w:pPr/w:numPr/w:numId/@w:val)")


def start_override(data: bytes, num_id: str) -> str:
    numbering = part_xml(data, "word/numbering.xml")
    return numbering.xpath(
        f"string(w:num[@w:numId='{num_id}']/w:lvlOverride/w:startOverride/@w:val)",
        namespaces=NS,
    )


def test_each_ordinary_numbered_list_restarts(built: dict[str, Path], pdf_text: dict[str, str]) -> None:
    data = built["en-government"].read_bytes()
    steps = {numbering_of(data, opening) for opening in ("Visiting", "Filing", "Petitioning")}
    responses = {numbering_of(data, opening) for opening in ("No response", "A denial")}
    assert len(steps) == len(responses) == 1 and steps != responses
    assert start_override(data, responses.pop()) == "1"
    text = pdf_text["en-government"]
    assert re.search(r"1\.\s+Visiting police stations", text)
    assert re.search(r"1\.\s+No response at all", text)


def test_line_breaks_tight_items_and_nested_lists_read_as_written() -> None:
    markdown = ("# T\n\n## A\n\n- one\n  continued  \n  after a break\n  - nested *item*\n- two\n\n"
                "Raw <span>tag</span> and \\<escaped\\> text.\n")
    document = docx.Document(io.BytesIO(docx_bytes(RenderedDocument(markdown, DocumentInfo("T", "O", "en-GB", BRIEF_DATE)))))
    texts = [paragraph.text for paragraph in document.paragraphs]
    assert "one continued\nafter a break" in texts  # a soft break is a space, a hard break a Word break
    assert "nested item" in texts and "two" in texts
    assert "Raw tag and <escaped> text." in texts


def test_a_list_starting_at_three_starts_at_three() -> None:
    markdown = "# T\n\n3. third\n4. fourth\n"
    data = docx_bytes(RenderedDocument(markdown, DocumentInfo("T", "O", "en-GB", BRIEF_DATE)))
    assert start_override(data, numbering_of(data, "third")) == "3"


def test_numbered_paragraphs_run_on_across_headings(built: dict[str, Path], pdf_text: dict[str, str]) -> None:
    data = built["ko"].read_bytes()
    body = part_xml(data, "word/document.xml")
    numbered = paragraphs_with_style(body, "NumberedParagraph")
    # every top-level ordered item, the two short lists of family steps included
    assert len(numbered) == 11
    # one instance, carried by the style: no paragraph restarts it
    assert not any(p.xpath("w:pPr/w:numPr", namespaces=NS) for p in numbered)
    text = pdf_text["ko"]
    assert re.search(r"3\.\s+강제적·비자발적", text)
    assert re.search(r"4\.\s+인정되지 않은 구금", text)  # first paragraph after a heading
    assert re.search(r"10\.\s+위원회는", text)
    assert re.search(r"11\.\s+연대는", text)
    # the nested list under paragraph 5 is an ordinary list of its own
    assert re.search(r"a\.\s+체포 순간부터", text)


# -- languages and fonts -------------------------------------------------------------------


def test_korean_document_names_an_east_asian_font_and_korean_language(built: dict[str, Path]) -> None:
    data = built["ko"].read_bytes()
    styles = part_xml(data, "word/styles.xml")
    defaults = styles.find("w:docDefaults/w:rPrDefault/w:rPr", NS)
    assert defaults.find("w:rFonts", NS).get(qn("w:eastAsia")) == "Malgun Gothic"
    assert defaults.find("w:lang", NS).get(qn("w:eastAsia")) == "ko-KR"
    settings = part_xml(data, "word/settings.xml")
    assert settings.find("w:themeFontLang", NS).get(qn("w:eastAsia")) == "ko-KR"


def test_english_document_carries_no_korean_tag(built: dict[str, Path]) -> None:
    data = built["en"].read_bytes()
    assert "ko-KR" not in all_xml(data)
    defaults = part_xml(data, "word/styles.xml").find("w:docDefaults/w:rPrDefault/w:rPr", NS)
    assert defaults.find("w:lang", NS).get(qn("w:val")) == "en-GB"


# -- pandoc ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("language", "heading"), [("en", "# Summary"), ("ko", "# 요약")])
def test_pandoc_reads_footnotes_headings_and_links(
    built: dict[str, Path], language: str, heading: str
) -> None:
    markdown = pandoc_markdown(built[language])
    assert heading in markdown.splitlines()
    for number in range(1, FOOTNOTES_IN_FIXTURE + 1):
        assert f"[^{number}]:" in markdown
        assert f"[^{number}]" in markdown.split(f"[^{number}]:")[0]
    assert "(https://www.ohchr.org/en/special-procedures/wg-disappearances)" in markdown
    assert "81.4%" in markdown


# -- LibreOffice ------------------------------------------------------------------------


def test_libreoffice_sets_korean_text_in_a_korean_font(pdf_text: dict[str, str]) -> None:
    text = pdf_text["ko"]
    assert squeeze(KOREAN_TITLE) in squeeze(text)
    assert "81.4%" in text
    # Malgun Gothic is not installed here: the house style's free Korean fallback, named so in the PDF
    assert "NanumGothic" in pdf_text["ko-fonts"] and "CJKjp" not in pdf_text["ko-fonts"]


def test_hostile_text_still_gives_a_valid_document(built: dict[str, Path], pdf_text: dict[str, str]) -> None:
    document = docx.Document(str(built["hostile"]))
    title = document.core_properties.title
    assert title.startswith("TTT") and len(title) <= 255
    body_text = "\n".join(p.text for p in document.paragraphs)
    # a raw HTML tag is left out, never turned into markup; the text around it stays
    assert "& \u200f\u05e9" in body_text and "81.4% & < >" in body_text
    assert "<b>" not in body_text and "\x01" not in body_text
    assert "& 81.4%" in pdf_text["hostile"]  # pdftotext reorders the right-to-left part


def test_user_reference_styles_and_page_are_honoured(built: dict[str, Path], pdf_text: dict[str, str]) -> None:
    document = docx.Document(str(built["user-reference"]))
    assert document.styles["Normal"].font.name == "Georgia"
    assert document.styles["Normal"].font.size == Pt(12)
    assert round(document.sections[0].left_margin.cm, 2) == 4.0
    assert document.sections[0].page_width == docx.Document().sections[0].page_width  # Letter, theirs
    # styles the reference lacked were added, and numbered paragraphs still number
    assert document.styles["Numbered Paragraph"] and document.styles["footnote text"]
    assert re.search(r"4\.\s+Unacknowledged detention", pdf_text["user-reference"])


def test_unusable_reference_is_reported_against_its_field(tmp_path: Path) -> None:
    not_a_docx = tmp_path / "reference.docx"
    not_a_docx.write_text("not a zip")
    document = RenderedDocument("# T\n", DocumentInfo("T", "O", "en-GB", BRIEF_DATE), Layout(reference_docx=not_a_docx))
    with pytest.raises(BriefError) as raised:
        docx_bytes(document)
    assert raised.value.problems[0].field == "layout.reference_docx"


# -- reproducibility and safe writing ----------------------------------------------------------


def test_same_brief_gives_same_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first, second = docx_bytes(brief("ko")), docx_bytes(brief("ko"))
    assert hashlib.sha256(first).hexdigest() == hashlib.sha256(second).hexdigest()
    with zipfile.ZipFile(io.BytesIO(first)) as package:
        assert {entry.date_time for entry in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert package.namelist()[0] == "[Content_Types].xml"


def test_source_date_epoch_sets_the_zip_times(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    default = docx_bytes(brief("en"))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(dt.datetime(2024, 10, 31, 12, tzinfo=dt.timezone.utc).timestamp())))
    stamped = docx_bytes(brief("en"))
    assert stamped != default
    with zipfile.ZipFile(io.BytesIO(stamped)) as package:
        assert {entry.date_time for entry in package.infolist()} == {(2024, 10, 31, 12, 0, 0)}


def test_build_reference_script_writes_every_pack_and_the_committed_files_are_current(tmp_path: Path) -> None:
    """The script runs (it cannot rot), covers every pack and language, and matches what is committed."""
    environment = {key: value for key, value in os.environ.items() if key != "SOURCE_DATE_EPOCH"}
    subprocess.run([sys.executable, str(REPOSITORY / "scripts" / "build-reference-docx"), str(tmp_path)],
                   check=True, capture_output=True, env=environment)
    built = sorted(str(path.relative_to(tmp_path)) for path in tmp_path.rglob("*.docx"))
    expected = ["reference.docx"] + [f"{pack}/reference.{language}.docx" for pack in available_packs()
                                     for language in load_pack(pack).languages]
    assert built == sorted(expected)
    for name in built:
        assert (tmp_path / name).read_bytes() == (REPOSITORY / "templates" / name).read_bytes(), \
            f"templates/{name} is stale: run scripts/build-reference-docx"
    upr = docx.Document(str(tmp_path / "un-upr" / "reference.en.docx"))
    assert upr.styles["Normal"].font.size == Pt(12)  # built from the pack's house style, not the default


def test_failed_write_leaves_the_previous_file(tmp_path: Path) -> None:
    target = tmp_path / "brief.docx"
    write_docx(brief("en"), target)
    before = target.read_bytes()
    broken = RenderedDocument("# T\n", DocumentInfo("T", "O", "en-GB", BRIEF_DATE), Layout(reference_docx=tmp_path / "missing.docx"))
    with pytest.raises(BriefError):
        write_docx(broken, target)
    assert target.read_bytes() == before
    assert [path.name for path in tmp_path.iterdir()] == ["brief.docx"]


def test_a_users_reference_still_opens_in_current_word_mode_and_names_briefbuilder(built: dict[str, Path]) -> None:
    """python-docx's template (a typical user's start) says Word 2010 and "Microsoft Macintosh Word"."""
    data = built["user-reference"].read_bytes()
    settings = part_xml(data, "word/settings.xml")
    assert settings.xpath("w:compat/w:compatSetting[@w:name='compatibilityMode']/@w:val", namespaces=NS) == ["15"]
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        app = package.read("docProps/app.xml").decode()
    assert "<Application>briefbuilder/" in app and "Microsoft" not in app
    fonts = part_xml(data, "word/fontTable.xml").xpath("w:font/@w:name", namespaces=NS)
    assert "Georgia" in fonts and "ＭＳ 明朝" not in fonts  # the font the user's styles ask for, no leftovers


def test_wide_tables_get_landscape_pages_and_the_text_after_them_is_upright_again() -> None:
    """Two wide tables in a row share one landscape section; headings go with their tables."""
    columns = 9
    table = ("| " + " | ".join(f"Heading {i}" for i in range(columns)) + " |\n|" + "---|" * columns + "\n"
             + ("| " + " | ".join(["several words of running text"] * columns) + " |\n") * 3)
    markdown = f"# T\n\nIntro.\n\n## A\n\n{table}\n## B\n\n{table}\n## C\n\nText after.\n"
    document = docx.Document(io.BytesIO(docx_bytes(RenderedDocument(markdown, DocumentInfo("T", "O", "en-GB",
                                                                                           BRIEF_DATE)))))
    assert [section.orientation for section in document.sections] == [0, 1, 0]
    portrait, landscape, _ = document.sections
    assert landscape.page_width == portrait.page_height and landscape.left_margin == portrait.left_margin
    body = document.element.body
    ends = body.xpath("w:p[w:pPr/w:sectPr]")
    assert [p.xpath("string(.)") for p in ends] == ["Intro.", ""]  # heading A starts the landscape pages
    assert ends[1].getprevious() is body.xpath("w:tbl")[-1]  # and table B ends them
    width = sum(int(w) for w in body.xpath("w:tbl[1]/w:tblGrid/w:gridCol/@w:w"))
    assert width * 635 == landscape.page_width - landscape.left_margin - landscape.right_margin
