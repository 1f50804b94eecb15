"""The worked example in every audience, language and format, opened with the readers recipients use.

One CLI build writes md, docx and pdf (30 files); the PDFs are LibreOffice's
layout of the .docx, read back with pdftotext and pdffonts. The tests check
what a reviewer would see (gaps, slanted Hangul, broken words) and the OOXML
properties behind each.
"""

from __future__ import annotations

import hashlib
import itertools
import re
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
import yaml
from click.testing import CliRunner
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from lxml import etree
from korean_lines import bad_line_breaks
from testdata import EXAMPLE, footnote_references, require_tool

from briefbuilder.load.pack import load_pack
from briefbuilder.cli import main
from briefbuilder.markdown_tree import parse_markdown, visible_text
from briefbuilder.pipeline import render_brief

NS = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
AUDIENCES = ("general", "un-upr", "un-treaty-body", "un-wgeid", "gov-briefing")
UN = ("un-upr", "un-treaty-body", "un-wgeid")
STEM = "enforced-disappearances"
HANGUL = "\uac00-\ud7a3"


def build(out: Path, formats: str) -> Path:
    result = CliRunner().invoke(main, ["build", str(EXAMPLE), "--audience", "all", "--lang", "ko,en",
                                       "--format", formats, "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    require_tool("soffice")
    return build(tmp_path_factory.mktemp("example"), "md,docx,pdf")


def name(audience: str, language: str, fmt: str) -> str:
    return f"{STEM}.{audience}.{language}.{fmt}"


def tool_output(tool: str, *arguments: str) -> str:
    return subprocess.run([require_tool(tool), *arguments], check=True, capture_output=True, text=True).stdout


@pytest.fixture(scope="module")
def pdf_text(out: Path) -> dict[str, str]:
    """Every PDF as pdftotext reads it, by file stem."""
    return {pdf.stem: tool_output("pdftotext", str(pdf), "-") for pdf in sorted(out.glob("*.pdf"))}


def part(path: Path, member: str) -> etree._Element:
    with zipfile.ZipFile(path) as package:
        return etree.fromstring(package.read(member))


def docx_files(out: Path) -> list[Path]:
    files = sorted(out.glob("*.docx"))
    assert len(files) == 2 * len(AUDIENCES)
    return files


# -- formats and notes --------------------------------------------------------------------


def test_one_build_writes_30_files_and_every_pdf_embeds_its_fonts(out: Path) -> None:
    written = sorted(path.name for path in out.iterdir())
    assert written == sorted(name(a, lang, fmt) for a in AUDIENCES for lang in ("ko", "en")
                             for fmt in ("md", "docx", "pdf"))
    for pdf in out.glob("*.pdf"):
        fonts = tool_output("pdffonts", str(pdf)).splitlines()[2:]
        assert fonts, pdf.name
        assert all(line.split()[-5] == "yes" for line in fonts), f"{pdf.name}: a font is not embedded"


def test_every_citation_is_one_word_note_referenced_from_the_body(out: Path) -> None:
    """Footnotes, or endnotes where the pack says so (UPR); each Markdown citation is one note."""
    for path in docx_files(out):
        audience, language = path.name.split(".")[1:3]
        if load_pack(audience).notes_for(language) == "source-lines":
            continue  # ※ lines under their blocks instead (test_every_figure_of_the_korean_report_...)
        endnotes = load_pack(audience).notes_for(language) == "endnotes"
        kind = "endnote" if endnotes else "footnote"
        cited = len(footnote_references(parse_markdown(path.with_suffix(".md").read_text(encoding="utf-8"))))
        document = docx.Document(str(path))
        notes = etree.fromstring(document.part.part_related_by(RT.ENDNOTES if endnotes else RT.FOOTNOTES).blob)
        ids = notes.xpath(f"w:{kind}[not(@w:type) or @w:type='normal']/@w:id", namespaces=NS)
        references = document.element.body.xpath(f".//w:{kind}Reference/@w:id")
        assert cited > 0 and len(ids) == cited, path.name
        assert sorted(references, key=int) == ids, path.name
        other = "footnote" if endnotes else "endnote"
        assert not document.element.body.xpath(f".//w:{other}Reference"), path.name


def test_upr_endnotes_are_numbered_1_2_3_and_read_back_by_pandoc(out: Path, pdf_text: dict[str, str]) -> None:
    path = out / name("un-upr", "en", "docx")
    settings = part(path, "word/settings.xml")
    assert settings.xpath("w:endnotePr/w:numFmt/@w:val", namespaces=NS) == ["decimal"]
    styles = docx.Document(str(path)).styles
    assert styles["endnote text"].font.size.pt == 10 and styles["endnote reference"].font.superscript
    markdown = tool_output("pandoc", "-f", "docx", "-t", "markdown", "--wrap=none", str(path))
    assert re.search(r"^\[\^1\]: Transitional Justice Working Group", markdown, flags=re.MULTILINE)
    text = pdf_text[f"{STEM}.un-upr.en"]
    assert re.search(r"^2\s*Transitional", text, re.MULTILINE)  # arabic, not Word's default i, ii, iii for endnotes
    assert not re.search(r"^i{1,3}\s*(Reuters|Transitional|Ibid)", text, re.MULTILINE)
    pages = pdf_text[f"{STEM}.un-upr.en"].split("\f")[:-1]
    assert pages[-1].split()[-1] == str(len(pages))  # endnote pages are numbered like the others
    # the sources of a sentence share one mark after its full stop (issues 10, 21), never two run together as "12"
    assert re.search(r"escaped the\s+country\.\s?1\s", pdf_text[f"{STEM}.un-upr.en"])


@pytest.mark.parametrize("language", ["ko", "en"])
def test_pandoc_reads_footnotes_and_headings(out: Path, language: str) -> None:
    markdown = tool_output("pandoc", "-f", "docx", "-t", "markdown", "--wrap=none",
                           str(out / name("general", language, "docx")))
    assert re.search(r"^\[\^1\]: ", markdown, flags=re.MULTILINE)  # a footnote, not a typed number
    assert re.search(r"^# \S", markdown, flags=re.MULTILINE)  # a heading, not a bold paragraph
    assert "81.4%" in markdown


# -- Korean typography --------------------------------------------------------------------


def test_korean_pages_have_no_gap_between_hangul_and_digits(out: Path, pdf_text: dict[str, str]) -> None:
    for audience in AUDIENCES:
        markdown = (out / name(audience, "ko", "md")).read_text(encoding="utf-8")
        joined = set(re.findall(rf"\d+[{HANGUL}]+", markdown))  # "113명", "1982년" as written
        text = pdf_text[f"{STEM}.{audience}.ko"].replace("\n", "")  # a gap is a space, not a line's end
        assert joined and all(token in text for token in joined), (audience, [t for t in joined if t not in text])
        assert not re.search(rf"\d [명건]\b", text), audience
        defaults = part(out / name(audience, "ko", "docx"), "word/styles.xml").xpath(
            "w:docDefaults/w:pPrDefault/w:pPr", namespaces=NS)[0]
        assert defaults.xpath("w:autoSpaceDE/@w:val", namespaces=NS) == ["0"]
        assert defaults.xpath("w:autoSpaceDN/@w:val", namespaces=NS) == ["0"]
    english = part(out / name("general", "en", "docx"), "word/styles.xml")
    assert not english.xpath("//w:autoSpaceDE", namespaces=NS)  # English keeps Word's defaults


def test_no_hangul_is_slanted(out: Path) -> None:
    """No italic anywhere in a Korean file: not in a style, not in a run, not in a font the PDF uses."""
    for audience in AUDIENCES:
        path = out / name(audience, "ko", "docx")
        for member in ("word/styles.xml", "word/document.xml", "word/footnotes.xml", "word/endnotes.xml"):
            try:
                root = part(path, member)
            except KeyError:
                continue
            assert not root.xpath("//w:i[not(@w:val='0')] | //w:iCs[not(@w:val='0')]", namespaces=NS), \
                (audience, member)
        fonts = tool_output("pdffonts", str(path.with_suffix(".pdf")))
        assert not re.search(r"Italic|Oblique", fonts), audience


def test_headings_keep_with_the_next_paragraph(out: Path) -> None:
    for path in docx_files(out):
        styles = docx.Document(str(path)).styles
        for level in (1, 2, 3):
            assert styles[f"Heading {level}"].paragraph_format.keep_with_next, (path.name, level)


# -- house styles -------------------------------------------------------------------------


def test_korean_report_levels_are_list_styles_with_hanging_indents(out: Path) -> None:
    """□ ○ - are the list's level markers, wrapped lines align under the text; none is typed."""
    path = out / name("gov-briefing", "ko", "docx")
    document = docx.Document(str(path))
    body, numbering = document.element.body, part(path, "word/numbering.xml")
    assert not any(p.text.lstrip()[:1] in "□○-·ㅇ" for p in document.paragraphs if p.text.strip())
    items = body.xpath(".//w:p[w:pPr/w:numPr]")
    levels = {int(p.xpath("string(w:pPr/w:numPr/w:ilvl/@w:val)")) for p in items}
    assert {0, 1} <= levels
    num_id = items[0].xpath("string(w:pPr/w:numPr/w:numId/@w:val)")
    abstract = numbering.xpath(f"w:num[@w:numId='{num_id}']/w:abstractNumId/@w:val", namespaces=NS)[0]
    definition = numbering.xpath(f"w:abstractNum[@w:abstractNumId='{abstract}']", namespaces=NS)[0]
    markers, indents = [], []
    for level in range(4):
        lvl = definition.xpath(f"w:lvl[@w:ilvl='{level}']", namespaces=NS)[0]
        markers.append(lvl.xpath("string(w:lvlText/@w:val)", namespaces=NS))
        left, hanging = (int(lvl.xpath(f"string(w:pPr/w:ind/@w:{side})", namespaces=NS))
                         for side in ("left", "hanging"))
        indents.append((left, hanging))
    assert markers == ["□", "○", "-", "·"]
    assert all(hanging > 0 for _, hanging in indents)  # text after the marker; wrapped lines align there
    marker_positions = [left - hanging for left, hanging in indents]
    assert marker_positions == sorted(set(marker_positions))  # each level starts right of its parent
    summary_box = body.xpath("w:tbl[1]")[0]
    assert summary_box.xpath("count(w:tr)") == 1 and summary_box.xpath("count(w:tr/w:tc)") == 1
    assert summary_box.xpath("w:tblPr/w:tblBorders/w:left/@w:val") == ["single"]
    assert "요약" in "".join(summary_box.itertext())


def test_wrapped_report_lines_align_under_their_text_not_the_marker(out: Path) -> None:
    """Where LibreOffice wraps a □ or ○ item, the next line starts where the item's text starts."""
    document = etree.fromstring(tool_output("pdftotext", "-bbox-layout",
                                            str(out / name("gov-briefing", "ko", "pdf")), "-").encode())
    lines: dict[tuple[int, int], list[tuple[float, str]]] = {}
    for number, page in enumerate(document.iter("{*}page")):
        for word in page.iter("{*}word"):  # one page and baseline, one line
            lines.setdefault((number, round(float(word.get("yMax")))), []).append((float(word.get("xMin")), word.text))
    ordered = [sorted(line) for _, line in sorted(lines.items())]
    wrapped = 0
    for line, following in zip(ordered, ordered[1:]):
        if line[0][1] in ("□", "○") and following[0][1] not in ("□", "○", "-", "·") and len(line) > 1:
            if abs(following[0][0] - line[1][0]) < 1:
                wrapped += 1
            else:  # a new block (heading, notes) starts left of the text, never between marker and text
                assert not line[0][0] < following[0][0] < line[1][0], (line[:2], following[:1])
    assert wrapped >= 3


def test_un_packs_use_no_colour_and_no_italic_cover_lines(out: Path) -> None:
    for audience in UN:
        for language in ("en", "ko"):
            path = out / name(audience, language, "docx")
            styles = part(path, "word/styles.xml")
            colours = set(styles.xpath("//w:color/@w:val", namespaces=NS)) | set(
                part(path, "word/document.xml").xpath("//w:color/@w:val", namespaces=NS))
            assert colours <= {"auto", "000000"}, (path.name, colours)
            assert not styles.xpath("//w:shd[@w:fill and not(@w:fill='auto')]", namespaces=NS), path.name
            document = docx.Document(str(path))
            for style in ("Title", "Subtitle"):
                assert not document.styles[style].font.italic, (path.name, style)
            normal = document.styles["Normal"]
            # English justified (C5); a Korean copy flush left (its lines break only between 어절)
            assert normal.font.size.pt == 12 and normal.paragraph_format.alignment == (3 if language == "en" else 0)
            assert document.styles["footnote text"].font.size.pt == 10
            fonts = part(path, "word/styles.xml").xpath("w:docDefaults//w:rFonts/@w:ascii", namespaces=NS)
            assert fonts == ["Times New Roman"]


def test_a_brief_can_restyle_its_pack_and_ask_for_source_lines(tmp_path: Path) -> None:
    """Settings change a house style value by value; ※ lines replace footnotes in Word, not in Markdown."""
    brief = (EXAMPLE / "brief.yaml").read_text(encoding="utf-8")
    restyled = brief.replace("  audience: general\n", "  audience: general\n  settings:\n    pack:\n"
                             "      notes: {ko: source-lines}\n      house_style: {ko: {size: 14}}\n", 1)
    assert restyled != brief
    (tmp_path / "brief.yaml").write_text(restyled, encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(tmp_path), "--audience", "gov-briefing", "--lang", "ko",
                                       "--format", "md,docx", "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    path = tmp_path / "out" / "enforced-disappearances.gov-briefing.ko.docx"
    document = docx.Document(str(path))
    assert document.styles["Normal"].font.size.pt == 14
    assert document.styles["Heading 1"].font.size.pt == 16  # the rest of the pack's style stays
    assert not document.element.body.xpath(".//w:footnoteReference")
    lines = [p for p in document.paragraphs if p.style.name == "Source Line"]
    assert lines and any(p.text.startswith("출처: 전환기정의워킹그룹") for p in lines)
    numbering = part(path, "word/numbering.xml")
    assert "※" in numbering.xpath("//w:lvlText/@w:val", namespaces=NS)
    assert "[^1]:" in (tmp_path / "out" / "enforced-disappearances.gov-briefing.ko.md").read_text(encoding="utf-8")


# -- tables -------------------------------------------------------------------------------


def test_table_rows_never_split_and_columns_follow_their_content(out: Path) -> None:
    for path in docx_files(out):
        body = docx.Document(str(path)).element.body
        for table in body.xpath(".//w:tbl"):
            assert all(row.xpath("w:trPr/w:cantSplit") for row in table.xpath("w:tr")), path.name
    general = docx.Document(str(out / name("general", "en", "docx")))
    evidence = next(table for table in general.tables if table.rows[0].cells[0].text == "Statistic")
    header = [cell.text for cell in evidence.rows[0].cells]
    widths = [int(w) for w in evidence._tbl.xpath("w:tblGrid/w:gridCol/@w:w")]
    assert evidence._tbl.xpath("w:tr[1]/w:trPr/w:tblHeader")  # repeated on every page
    assert widths[header.index("Count")] < widths[header.index("Statistic")] / 2


@pytest.mark.parametrize("audience", [a for a in AUDIENCES if load_pack(a).annex])
@pytest.mark.parametrize("language", ["ko", "en"])
def test_evidence_annex_breaks_no_word(out: Path, pdf_text: dict[str, str], audience: str, language: str) -> None:
    """Read at A4: the annex gets landscape pages and columns sized so no word is cut."""
    markdown = (out / name(audience, language, "md")).read_text(encoding="utf-8")
    annex = [block for block in parse_markdown(markdown).blocks if block.tag == "table"][-2]  # then treaty statuses
    words = {word for cell in annex.iter("td", "th") for word in visible_text(cell).split()}
    heading = markdown.split("\n## ")[-1].split("\n")[0]
    text = pdf_text[f"{STEM}.{audience}.{language}"]
    shown = text[text.rindex(heading.split()[-1]):]
    broken = sorted(word for word in words if len(word) > 1 and word not in shown
                    and not all(part in shown for part in word.split("-")))  # a compound may break at its hyphen
    assert words and not broken
    sections = docx.Document(str(out / name(audience, language, "docx"))).sections
    # portrait text; the wide evidence table on landscape pages (the narrow treaty table may turn back upright)
    assert sections[0].orientation == 0 and any(section.orientation == 1 for section in sections)


# -- package ------------------------------------------------------------------------------


def test_package_names_briefbuilder_current_word_and_its_fonts(out: Path) -> None:
    for path in docx_files(out):
        audience, language = path.name.split(".")[1:3]
        with zipfile.ZipFile(path) as package:
            app = package.read("docProps/app.xml").decode()
        assert "<Application>briefbuilder/" in app and "Microsoft" not in app
        assert re.search(r"<AppVersion>\d\d\.\d{4}</AppVersion>", app)
        settings = part(path, "word/settings.xml")
        assert settings.xpath("w:compat/w:compatSetting[@w:name='compatibilityMode']/@w:val",
                              namespaces=NS) == ["15"]
        listed = set(part(path, "word/fontTable.xml").xpath("w:font/@w:name", namespaces=NS))
        used = set(part(path, "word/styles.xml").xpath(
            "//w:rFonts/@w:ascii | //w:rFonts/@w:eastAsia | //w:rFonts/@w:hAnsi", namespaces=NS))
        assert used and used <= listed, (path.name, used - listed)
        assert not {"ＭＳ 明朝", "ＭＳ ゴシック"} & listed
        fallbacks = load_pack(audience).house_style_for(language).font_fallbacks
        table = part(path, "word/fontTable.xml")
        for font in used & set(fallbacks):
            assert table.xpath(f"w:font[@w:name='{font}']/w:altName/@w:val", namespaces=NS) == [fallbacks[font]]
    gov = part(out / name("gov-briefing", "ko", "docx"), "word/fontTable.xml")
    assert gov.xpath("w:font[@w:name='휴먼명조']/w:altName/@w:val", namespaces=NS) == ["NanumMyeongjo"]


def test_korean_text_is_set_in_korean_faces_named_so_and_embedded_in_every_korean_pdf(out: Path) -> None:
    """The Korean fonts of each style (휴먼명조, Batang, Malgun Gothic: not installed here) are replaced by the
    free Korean fonts named beside them, and the PDF names those: not a Japanese or Chinese face of a CJK
    collection (the Noto CJK .ttc names every regional face "NotoSerifCJKjp")."""
    for audience in AUDIENCES:
        styles = part(out / name(audience, "ko", "docx"), "word/styles.xml")
        table = part(out / name(audience, "ko", "docx"), "word/fontTable.xml")
        korean = set(styles.xpath("//w:rFonts/@w:eastAsia", namespaces=NS))
        faces = {face.replace(" ", "") for font in korean
                 for face in table.xpath(f"w:font[@w:name='{font}']/w:altName/@w:val", namespaces=NS)}
        assert faces, audience
        fonts = [line.split() for line in tool_output("pdffonts", str(out / name(audience, "ko", "pdf"))).splitlines()[2:]]
        embedded = {line[0].split("+")[-1] for line in fonts if line[-5] == "yes"}
        for face in faces:
            assert any(font.startswith(face) for font in embedded), (audience, face, embedded)
        assert not [font for font in embedded if re.search(r"CJK(jp|sc|tc|hk)", font, re.IGNORECASE)], (audience, embedded)


@pytest.mark.parametrize("language", ["ko", "en"])
def test_the_government_briefing_fits_on_two_pages(pdf_text: dict[str, str], language: str) -> None:
    """One to two pages (un-formats.md, Government audiences); the Korean report by its ※ source lines,
    one per block, where numbered footnotes would take a third page."""
    pages = pdf_text[f"{STEM}.gov-briefing.{language}"].split("\f")[:-1]
    assert len(pages) == 2, f"{language}: {len(pages)} pages"


@pytest.mark.parametrize("language", ["ko", "en"])
def test_the_wgeid_case_fits_on_one_page(pdf_text: dict[str, str], language: str) -> None:
    """The case form, circumstances, steps, submitter and context on one page, its notes with it: a context
    paragraph whose last lines and note spill onto a second page is what a reviewer sends back."""
    pages = pdf_text[f"{STEM}.un-wgeid.{language}"].split("\f")[:-1]
    assert len(pages) == 1, f"{language}: {len(pages)} pages"


def test_every_figure_of_the_korean_report_keeps_its_sources_in_the_source_line_of_its_block(out: Path) -> None:
    """The 개조식 report notes its sources in ※ lines, one under each block (a □ item with the ○ items under
    it): every figure of the brief printed in a block has each of its sources named in that block's ※ line."""
    with open(EXAMPLE / "brief.yaml", encoding="utf-8") as file:
        data = yaml.safe_load(file)
    titles = {source["id"]: _one(source.get("short") or source["title"], "ko") for source in data["sources"]}
    figures = {f"{statistic['value']}%": statistic["sources"] for statistic in data["statistics"]
               if statistic["unit"] == "percent"}
    document = docx.Document(str(out / name("gov-briefing", "ko", "docx")))
    source_line = document.styles["Source Line"].style_id
    blocks: list[list[str]] = [[]]  # the paragraphs of each block, its ※ line last
    for paragraph in document.element.body.iter(f"{{{NS['w']}}}p"):
        style = paragraph.xpath("string(w:pPr/w:pStyle/@w:val)")
        level = paragraph.xpath("string(w:pPr/w:numPr/w:ilvl/@w:val)")
        text = "".join(paragraph.xpath(".//w:t/text()")).replace("\u2019", "'")
        if style != source_line and level in ("", "0") and blocks[-1]:
            blocks.append([])  # a □ item or a paragraph opens a block
        blocks[-1].append(("※ " if style == source_line else "") + text)
        if style == source_line:
            blocks.append([])
    traced = 0
    for block in blocks:
        for figure, sources in figures.items():
            if any(figure in line for line in block if not line.startswith("※")):
                assert block[-1].startswith("※ 출처: "), f"{figure}: no source line under {block[0]!r}"
                for source in sources:
                    assert titles[source] in block[-1], f"{figure}: {source} missing from {block[-1]!r}"
                traced += 1
    assert traced >= len(data["briefing"]["figures"]), traced


def _one(value: object, language: str) -> str:
    return value[language] if isinstance(value, dict) else str(value)


def test_core_properties_are_each_files_own(out: Path) -> None:
    titles = {}
    for path in docx_files(out):
        audience, language = path.name.split(".")[1:3]
        document = docx.Document(str(path))
        properties = document.core_properties
        assert properties.title == document.paragraphs[0].text  # the title on page 1
        assert properties.language == {"ko": "ko-KR", "en": "en-GB"}[language]
        assert properties.subject == load_pack(audience).description.root.get(language)
        titles[audience, language] = properties.title
    assert titles["un-wgeid", "en"] != titles["general", "en"]


def test_two_builds_give_the_same_bytes(out: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    again = build(tmp_path, "docx")
    for docx_file in docx_files(out):
        first = hashlib.sha256(docx_file.read_bytes()).hexdigest()
        assert hashlib.sha256((again / docx_file.name).read_bytes()).hexdigest() == first, docx_file.name


def test_no_pdf_ends_on_an_empty_page(pdf_text: dict[str, str]) -> None:
    """A document ending on a table (the annex) closes with a 1 pt paragraph, not a page of its own."""
    for stem, text in pdf_text.items():
        last_page = text.split("\f")[:-1][-1]
        assert len(last_page.split()) > 1, f"{stem}: the last page holds only its number"


@pytest.mark.parametrize("language", ["ko", "en"])
def test_a_table_stays_on_the_page_of_the_line_that_introduces_it(out: Path, pdf_text: dict[str, str],
                                                                   language: str) -> None:
    """The annex's treaty-status table follows its lead-in line onto the landscape pages."""
    blocks = parse_markdown((out / name("general", language, "md")).read_text(encoding="utf-8")).blocks
    table_at = max(index for index, block in enumerate(blocks) if block.tag == "table")
    lead_in = visible_text(blocks[table_at - 1]).split()[:3]
    header = visible_text(blocks[table_at].find("thead/tr/th")).strip()
    pages = [" ".join(page.split()) for page in pdf_text[f"{STEM}.general.{language}"].split("\f")]
    [page] = [page for page in pages if " ".join(lead_in) in page]
    assert header in page


def word_gaps(pdf: Path) -> list[tuple[float, str, str]]:
    """Each space between two Hangul words on a line, as a share of the line's height, with its words."""
    page = etree.fromstring(tool_output("pdftotext", "-bbox-layout", str(pdf), "-").encode())
    gaps = []
    for line in page.iter("{*}line"):
        words = list(line.iter("{*}word"))
        height = float(line.get("yMax")) - float(line.get("yMin"))
        for left, right in itertools.pairwise(words):
            if re.search(f"[{HANGUL}]", left.text or "") and re.search(f"[{HANGUL}]", right.text or ""):
                gap = float(right.get("xMin")) - float(left.get("xMax"))
                gaps.append((gap / height, left.text, right.text))
    return gaps


def test_korean_lines_are_not_stretched_to_the_margin(out: Path) -> None:
    """No wide gap between two Korean words ("당사국입니다.    중화인민공화국은"): a space stays about a
    quarter of the line's height (Korean is set flush left, as 어절 wrapping leaves few spaces to stretch)."""
    for audience in AUDIENCES:
        gaps = word_gaps(out / name(audience, "ko", "pdf"))
        assert len(gaps) > 50, audience
        widest = max(gaps)
        assert widest[0] < 0.5, (audience, widest)


def test_korean_lines_break_between_words_only(out: Path) -> None:
    """No number parted from its counter ("23 / 명"), no word split ("「난민협 / 약」"), no note mark or
    closing bracket starting a line, in any Korean PDF of the example."""
    no_line_start = render_brief(EXAMPLE, "ko").layout.typography.no_line_start
    for audience in AUDIENCES:
        found = bad_line_breaks(out / name(audience, "ko", "pdf"), out / name(audience, "ko", "docx"), no_line_start)
        # A mark inside an 어절 ("66건²의") is the note placement's to move (after the 어절, D1);
        # LibreOffice may break after it, as a note's anchor cannot be declared a no-break character.
        found.pop("after a note mark inside an 어절", None)
        assert found == {}, audience
