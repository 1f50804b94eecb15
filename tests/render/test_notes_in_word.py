"""The worked example's notes as a reader of the Word files sees them (issue 10, "Done when").

Read back with python-docx (the notes part's XML) and with pandoc: at most one
note per citation point, no two marks adjacent, no mark right after a digit, no
full citation repeated, and nothing of the catalog's own bookkeeping in any note.
Footnotes and endnotes are both read, since a pack may choose either.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from lxml import etree
from testdata import EXAMPLE, MINIMAL_BRIEF, require_tool

from briefbuilder import load_brief
from briefbuilder.cli import main
from briefbuilder.load.pack import load_pack

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
MARKS = f"{{{W}}}footnoteReference", f"{{{W}}}endnoteReference"
AUDIENCES = ("general", "un-upr", "un-treaty-body", "un-wgeid", "gov-briefing")
# What the catalog records about itself (how a fact was compiled, how sure it is): never in a note.
INTERNAL = re.compile(r"UNTC\b|U15|W22|research notes|scrape|compil|confirmed|catalog as of|확인됨|카탈로그")


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("notes")
    result = CliRunner().invoke(main, ["build", str(EXAMPLE), "--audience", "all", "--lang", "ko,en",
                                       "--format", "docx", "-o", str(folder)])
    assert result.exit_code == 0, result.output
    return folder


def word_files(out: Path) -> list[Path]:
    files = sorted(out.glob("*.docx"))
    assert len(files) == 2 * len(AUDIENCES)
    return files


def note_texts(path: Path) -> dict[str, str]:
    """Notes by id, from the footnotes and endnotes parts (separators left out)."""
    package = docx.Document(str(path)).part.package
    texts: dict[str, str] = {}
    for part in package.iter_parts():
        if part.partname.endswith(("/footnotes.xml", "/endnotes.xml")):
            root = etree.fromstring(part.blob)
            for note in root:
                if note.get(f"{{{W}}}type") in (None, "normal"):
                    texts[note.get(f"{{{W}}}id")] = "".join(note.itertext()).strip()
    return texts


def marks_in_body(path: Path) -> list[tuple[str, str, bool]]:
    """For each note mark in the body: the text just before it, just after it, and whether another mark follows."""
    body = docx.Document(str(path)).element.body
    found = []
    for paragraph in body.iter(f"{{{W}}}p"):
        runs = paragraph.findall(".//w:r", NS)
        for index, run in enumerate(runs):
            if not any(child.tag in MARKS for child in run):
                continue
            before = "".join("".join(r.itertext()) for r in runs[:index])
            after_runs = runs[index + 1:]
            next_is_mark = bool(after_runs) and any(c.tag in MARKS for c in after_runs[0])
            found.append((before, "".join("".join(r.itertext()) for r in after_runs), next_is_mark))
    return found


def test_one_mark_per_point_never_adjacent_never_on_a_figure(out: Path) -> None:
    for path in word_files(out):
        audience, language = path.name.split(".")[1:3]
        if load_pack(audience).notes_for(language) == "source-lines":
            continue  # no marks: ※ lines under their blocks (tests/write/test_example_docx.py)
        marks = marks_in_body(path)
        assert marks, path.name
        assert len(marks) == len(note_texts(path)), f"{path.name}: every mark is its own note"
        for before, after, next_is_mark in marks:
            assert not next_is_mark, f"{path.name}: two note marks side by side after '{before[-30:]}'"
            # after a figure only where the figure ends its sentence (French "… 113¹.", a list item
            # "aged 0 to 9¹"), never with more of it, or of its word, to follow
            assert not (before[-1:].isdigit() and after[:1].isalnum()), \
                f"{path.name}: a note mark inside a figure or word: '{before[-30:]}|{after[:10]}'"


@pytest.mark.parametrize("language", ["en", "ko"])
def test_upr_marks_follow_the_closing_punctuation(out: Path, language: str) -> None:
    marks = marks_in_body(out / f"enforced-disappearances.un-upr.{language}.docx")
    closed = [before for before, after, _ in marks if after[:1] and after[:1] in ".,;:"]
    assert closed == [], f"a mark stands before the punctuation closing its clause: {closed[:3]}"


def test_no_full_citation_is_repeated(out: Path) -> None:
    brief = load_brief(EXAMPLE)
    for path in word_files(out):
        language = path.stem.rsplit(".", 1)[-1]
        notes = list(note_texts(path).values())
        for source in brief.sources:
            full_title = source.title.get(language, fallback=True)
            short_title = (source.short or source.title).get(language, fallback=True)
            if full_title != short_title:
                assert sum(full_title in note for note in notes) <= 1, f"{path.name}: {full_title} cited in full twice"
        for marker in ("Treaty Series", "UNTS", "Status of Treaties", "조약 현황 "):
            by_treaty = [re.sub(r"^.*?" + marker, "", note) for note in notes if marker in note and "," in note]
            full = [note for note in by_treaty if len(note) > 40]  # a full form names the treaty after the marker
            assert len(full) == len(set(full)), f"{path.name}: a treaty's full citation is repeated"


def test_no_note_carries_catalog_bookkeeping(out: Path) -> None:
    for path in word_files(out):
        for note in note_texts(path).values():
            assert not INTERNAL.search(note), f"{path.name}: {note}"


@pytest.mark.parametrize(("language", "ibid", "primary"), [
    ("en", "Ibid.", "United Nations, Treaty Collection, Status of Treaties, chapter V.2, "
                    "Convention relating to the Status of Refugees. Available at https://treaties.un.org/"),
    ("ko", None, "유엔 조약집(United Nations Treaty Collection), 조약 현황 V.2, 「난민의 지위에 관한 협약」."),
])
def test_pandoc_reads_the_upr_notes(out: Path, language: str, ibid: str | None, primary: str) -> None:
    pandoc = require_tool("pandoc")
    path = out / f"enforced-disappearances.un-upr.{language}.docx"
    plain = subprocess.run([pandoc, "-f", "docx", "-t", "plain", "--wrap=none", str(path)],
                           check=True, capture_output=True, text=True).stdout
    notes = re.findall(r"^\[(\d+)\] (.*)$", plain, flags=re.MULTILINE)
    assert len(notes) == len(note_texts(path))
    texts = [text for _, text in notes]
    assert any(text.startswith(primary) for text in texts)
    assert ("Ibid." in texts) == (ibid is not None)  # UN English says Ibid.; Korean repeats the short form
    assert not re.search(r"\d\[\d+\]", plain.split("\n[1] ")[0]), "a mark touches a figure"


def test_notes_are_left_aligned_not_justified(out: Path) -> None:
    # issue 21: justified notes holding a URL left wide gaps; the UN packs justify their body text
    for path in word_files(out):
        document = docx.Document(str(path))
        styles = document.styles.element
        for style_id in ("FootnoteText", "EndnoteText"):
            style = styles.find(f"w:style[@w:styleId='{style_id}']", NS)
            assert style is not None, (path.name, style_id)
            assert style.find("w:pPr/w:jc", NS).get(f"{{{W}}}val") == "left", (path.name, style_id)
        for part in document.part.package.iter_parts():
            if part.partname.endswith(("/footnotes.xml", "/endnotes.xml")):
                aligned = etree.fromstring(part.blob).findall(".//w:p/w:pPr/w:jc", NS)
                assert all(jc.get(f"{{{W}}}val") in ("left", "start") for jc in aligned), path.name


def test_an_english_report_title_keeps_its_italics_in_a_korean_note(make_brief: Callable[..., Path], tmp_path: Path) -> None:
    # Hangul has no italic, so Korean emphasis is bold; a Latin-script title cited in a Korean note keeps
    # its Western form (document-style.md D2): italic, never bold, never 『』
    brief = make_brief(MINIMAL_BRIEF.replace("title: {en: The Report, ko: 보고서}", "title: The Western Report"))
    result = CliRunner().invoke(main, ["build", str(brief), "--lang", "ko", "--format", "docx", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    document = docx.Document(str(next(tmp_path.glob("*.docx"))))
    notes = next(part for part in document.part.package.iter_parts() if part.partname.endswith("/footnotes.xml"))
    runs = [run for run in etree.fromstring(notes.blob).iter(f"{{{W}}}r") if "".join(run.itertext()) == "The Western Report"]
    assert runs, "the title is not a run of its own"
    for run in runs:
        assert run.find("w:rPr/w:i", NS) is not None and run.find("w:rPr/w:rStyle", NS) is None
    assert "『The Western Report』" not in "".join(etree.fromstring(notes.blob).itertext())


def test_the_english_briefing_note_cites_a_block_once_not_once_then_ibid(out: Path) -> None:
    """A briefing note's key figures come from one report: one note for the list (gov-briefing's note_marks
    at: block), not a note after each figure and "Ibid." four times."""
    notes = list(note_texts(out / "enforced-disappearances.gov-briefing.en.docx").values())
    assert notes and not [note for note in notes if note.startswith("Ibid")], notes
    assert any("Existing" in note and "8 out of 10" in note for note in notes), notes  # the figures' two sources
