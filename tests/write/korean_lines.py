"""How Korean lines break in a PDF: each line end checked against the text of the .docx it was made from."""

from __future__ import annotations

import itertools
import re
import subprocess
import zipfile
from pathlib import Path

from lxml import etree
from testdata import require_tool

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NOTE_REFERENCES = {f"{{{W}}}footnoteReference", f"{{{W}}}endnoteReference"}
NOTE_NUMBERS = {f"{{{W}}}footnoteRef", f"{{{W}}}endnoteRef"}


def docx_text(path: Path) -> str:
    """The text of the body and notes, paragraph per line, each note mark as the number the reader sees."""
    paragraphs = []
    counters: dict[str, int] = {}
    with zipfile.ZipFile(path) as package:
        members = [m for m in ("word/document.xml", "word/footnotes.xml", "word/endnotes.xml")
                   if m in package.namelist()]
        roots = {member: etree.fromstring(package.read(member)) for member in members}
    numbers: dict[tuple[str, str], str] = {}  # (kind, id) -> the number printed
    for paragraph in roots["word/document.xml"].iter(f"{{{W}}}p"):
        text = []
        for element in paragraph.iter(f"{{{W}}}t", *NOTE_REFERENCES):
            if element.tag in NOTE_REFERENCES:
                kind = etree.QName(element).localname
                counters[kind] = counters.get(kind, 0) + 1
                numbers[(kind.replace("Reference", ""), element.get(f"{{{W}}}id"))] = str(counters[kind])
                text.append(str(counters[kind]))
            else:
                text.append(element.text or "")
        paragraphs.append("".join(text))
    for member in members[1:]:
        for note in roots[member]:
            kind = etree.QName(note).localname
            for paragraph in note.iter(f"{{{W}}}p"):
                paragraphs.append("".join(
                    numbers.get((kind, note.get(f"{{{W}}}id")), "") if element.tag in NOTE_NUMBERS
                    else element.text or "" for element in paragraph.iter(f"{{{W}}}t", *NOTE_NUMBERS)))
    return "\n".join(paragraphs)


def pdf_lines(pdf: Path) -> list[list[list[tuple[str, bool]]]]:
    """Each page's lines in reading order (pdftotext), as (word, set smaller than the line: a note mark)."""
    xhtml = subprocess.run([require_tool("pdftotext"), "-bbox-layout", str(pdf), "-"], check=True,
                           capture_output=True, text=True).stdout
    pages = []
    for page in etree.fromstring(xhtml.encode()).iter("{*}page"):
        lines = []
        for line in page.iter("{*}line"):
            words = [(word.text or "", float(word.get("yMax")) - float(word.get("yMin")))
                     for word in line.iter("{*}word")]
            tallest = max((height for _, height in words), default=0)
            lines.append([(text, height < 0.8 * tallest) for text, height in words])
        pages.append([line for line in lines if line])
    return pages


def _glued(words: list[tuple[str, bool]], forward: bool) -> list[str]:
    """The line's first (or last) word, then with each note mark next to it and the word beyond:
    pdftotext parts a word from a note mark set on it ("66건²의" reads "66건 2 의")."""
    sequence = words if forward else words[::-1]
    text = sequence[0][0]
    found = [text]
    for (_, was_mark), (word, is_mark) in itertools.pairwise(sequence):
        if not (was_mark or is_mark):
            break
        text = text + word if forward else word + text
        found.append(text)
    return found


def bad_line_breaks(pdf: Path, docx: Path, no_line_start: str) -> dict[str, list[str]]:
    """The line breaks that split an 어절 (a number from its counter, a word), fall on a no-break space,
    put a closing bracket or punctuation at a line's start, or follow a note mark set inside an 어절."""
    source = docx_text(docx)
    tokens = set(re.split(r"[ \n\t]+", source))
    glued = {token for token in tokens if "\u00a0" in token}
    found: dict[str, list[str]] = {}
    for page in pdf_lines(pdf):
        for line, following in itertools.pairwise(page):
            where = " ".join(word for word, _ in line)[-25:] + " / " + " ".join(word for word, _ in following)[:25]
            kind = None
            if following[0][0][0] in no_line_start:
                kind = "line starts with a closing mark"
            for left in _glued(line, forward=False):
                for right in _glued(following, forward=True):
                    joined = left + right
                    # an address may break anywhere; two numbers are two notes' or pages' numbers
                    if joined in tokens and "://" not in joined and not joined.isdigit():
                        kind = kind or ("after a note mark inside an 어절" if line[-1][1] else
                                        "note mark at a line's start" if following[0][1] else "word split")
                    elif any(f"{left}\u00a0{right}" in token for token in glued):
                        kind = kind or "break at a no-break space"
            if kind:
                found.setdefault(kind, []).append(where)
    return found
