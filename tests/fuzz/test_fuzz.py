"""Never exit 3 on input: property-based fuzzing of the loader, the reference syntax and Markdown-to-Word.

Whatever a brief or a rendered document holds, the tool either works or says
what is wrong (BriefError, or failed checks); any other exception is an
internal error and fails these tests. The saved corpus (corpus/*.yaml) holds
the hostile inputs found so far and runs on every build; Hypothesis adds new
ones within a bounded budget (the 'ci' profile in conftest.py).
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import example, given
from hypothesis import strategies as st
from lxml import etree

from briefbuilder import BriefError, check_brief, load_brief, render_brief
from briefbuilder.cli import EXIT_INTERNAL, main
from briefbuilder.document import DocumentInfo, Layout, RenderedDocument
from briefbuilder.load.yamlsource import parse_yaml
from briefbuilder.narrative import find_references
from briefbuilder.pipeline import ChecksFailed, build
from briefbuilder.write import writer
from testdata import MINIMAL_BRIEF

CORPUS = sorted((Path(__file__).parent / "corpus").glob("*.yaml"))
MINIMAL_LINES = MINIMAL_BRIEF.splitlines(keepends=True)

# Pieces that have broken YAML readers, reference parsers or Markdown writers before.
YAML_TOKENS = ["~", "null", "true", "no", ".inf", "-.nan", "0x1F", "0o17", "1_000", "1e9", "2024-02-30",
               "20241120", "2024-05-31T00:00:00Z", "!!python/object/apply:os.system [x]", "!custom x",
               "!!binary aGk=", "&a x", "*a", "<<: *a", "{", "}", "[", "]", "'", '"', '"\\uD800"', '"\\0"',
               "|", ">-", "? x", "- ", ": ", "#", "%YAML 1.1", "---", "...", "\t", "\u202e", "\u200b", "\x85",
               "\ufeff", "e\u0301", "81.4%", "-5", "150", "0.814"]
REFERENCE_PIECES = ["[[", "]]", "[", "]", "stat:", "cite:", "law:", "victims", "share", "report", "|", "share",
                    "count", "iccpr", "art. 9", "9(1)", "\n", "\n\n", "*", "_", "`", "#", "[^1]", "<b>", "&amp;",
                    " ", "{{", "{%", "\\", "1.", "- ", "> ", "|---|", "\u200b", "e\u0301", "한국어", "text"]
MARKDOWN_PIECES = ["# ", "## ", "\n", "\n\n", "1. ", "3) ", "- ", "* ", "> ", "    ", "```", "`", "**", "*",
                   "_", "[a](http://x)", "[a](javascript:x)", "![i](x.png)", "<b>", "</p>", "&amp;", "&#0;",
                   "[^1]", "[^1]: note", "| a | b |\n|---|:-:|\n| 1 | 2 |", "\\", "\x00", "\x0b", "\ud800",
                   "\ufffe", "\u202e", "\u200f", "한국어", "T", " ", "<!-- c -->", "<?pi?>", "---"]

ALLOWED = (BriefError, ChecksFailed)


PRINTABLE = st.text(st.characters(exclude_categories=("Cc", "Cs")), max_size=4)


def _pieces(pieces: list[str], max_size: int = 30, other: st.SearchStrategy[str] = PRINTABLE) -> st.SearchStrategy[str]:
    """Strings made of ``pieces`` and a little ``other`` text in between."""
    return st.lists(st.one_of(st.sampled_from(pieces), other), max_size=max_size).map("".join)


def _through_the_pipeline(path: Path, tmp: Path) -> None:
    """Load, check, render in both languages, write .md and .docx: only input errors may stop it."""
    try:
        brief = load_brief(path)
        check_brief(brief)
        for language in ("en", "ko"):
            render_brief(brief, language)
        build(brief, tmp / "out", languages=["en", "ko"], formats=["md", "docx"], draft=True)
    except ALLOWED:
        pass


@pytest.mark.parametrize("path", CORPUS, ids=[path.stem for path in CORPUS])
def test_the_saved_corpus_never_gives_an_internal_error(path: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["build", str(path), "--format", "md,docx", "--lang", "en,ko",
                                       "-o", str(tmp_path / "out")])
    assert result.exit_code in (0, 1, 2), result.output
    assert result.exit_code != EXIT_INTERNAL and "internal error" not in result.output
    assert "Traceback" not in result.output
    _through_the_pipeline(path, tmp_path)


@given(st.text(max_size=200))
@example("=")  # YAML 1.1's 'value' tag: once a KeyError
@example("a: <<")
@example("a: \x00")
@example("a: &a [*a]")
@example("? [a]\n: b")
def test_any_text_is_read_or_refused_as_yaml(text: str) -> None:
    try:
        parse_yaml(text, "fuzz.yaml")
    except BriefError:
        pass


@given(data=st.binary(max_size=200))
def test_any_bytes_are_read_or_refused_as_a_brief(data: bytes, tmp_path_factory: pytest.TempPathFactory) -> None:
    path = tmp_path_factory.mktemp("bytes") / "brief.yaml"
    path.write_bytes(data)
    try:
        load_brief(path)
    except BriefError:
        pass


@given(line=st.integers(0, len(MINIMAL_LINES) - 1), how=st.sampled_from(["value", "line", "insert"]),
       token=_pieces(YAML_TOKENS, 6, st.text(max_size=4)))
@example(line=12, how="value", token='"\\uD800"')
@example(line=26, how="value", token="!!python/object/apply:os.system [x]")
def test_a_mutated_brief_is_built_or_refused(line: int, how: str, token: str,
                                             tmp_path_factory: pytest.TempPathFactory) -> None:
    lines = list(MINIMAL_LINES)
    original = lines[line]
    if how == "value" and ": " in original:
        lines[line] = original.split(": ", 1)[0] + ": " + token + "\n"
    elif how == "line":
        lines[line] = token + "\n"
    else:
        lines.insert(line, original[: len(original) - len(original.lstrip())] + token + "\n")
    tmp = tmp_path_factory.mktemp("mutated")
    path = tmp / "brief.yaml"
    path.write_text("".join(lines), encoding="utf-8", errors="surrogatepass")
    _through_the_pipeline(path, tmp)


def _brief_with(changes: dict[str, Any]) -> str:
    data = yaml.safe_load(MINIMAL_BRIEF)
    data = copy.deepcopy(data)
    data["sections"][0]["text"] = {"en": changes["en"], "ko": changes["ko"]}
    data["statistics"][1].update(changes.get("share", {}))
    data["statistics"][0].update(changes.get("victims", {}))
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


FIGURES = st.fixed_dictionaries({}, optional={
    "value": st.one_of(st.integers(-10**20, 10**20), st.decimals(allow_nan=False, allow_infinity=False, places=3)
                       .map(float), st.sampled_from(["81.4%", "", "1,113"])),
    "unit": st.sampled_from(["persons", "cases", "percent", "number"]),
    "base": st.one_of(st.integers(-5, 10**6), st.sampled_from(["victims", "share", "nobody"])),
    "count": st.integers(-5, 10**6),
    "as_of": st.one_of(st.dates(), st.datetimes(timezones=st.just(dt.timezone.utc)).map(str), st.integers()),
    "qualifier": st.sampled_from(["about", "more-than", "at-least", "fewer-than", "up-to"]),
})


@given(english=_pieces(REFERENCE_PIECES), korean=_pieces(REFERENCE_PIECES),
       share=st.one_of(st.just({}), FIGURES), victims=st.one_of(st.just({}), FIGURES))
@example(english="[[stat:share|share]]", korean="[[stat:share|share]]", share={"base": "share"}, victims={})
@example(english="[[stat:share|share]]", korean="[[stat:victims]]", share={"base": "share", "unit": "persons"},
         victims={"base": "share"})
def test_any_narrative_and_figures_are_built_or_refused(english: str, korean: str, share: dict[str, Any],
                                                         victims: dict[str, Any],
                                                         tmp_path_factory: pytest.TempPathFactory) -> None:
    find_references(english)
    tmp = tmp_path_factory.mktemp("narrative")
    path = tmp / "brief.yaml"
    path.write_text(_brief_with({"en": english, "ko": korean, "share": share, "victims": victims}), encoding="utf-8")
    _through_the_pipeline(path, tmp)


@given(_pieces(MARKDOWN_PIECES, 60, st.text(max_size=4)), st.booleans())
@example("1. a[^1]\n\n[^1]: " + "x" * 100, True)
@example("\ud800\x00[^1]", False)
def test_any_markdown_becomes_a_readable_word_file(markdown: str, numbered: bool) -> None:
    document = RenderedDocument(markdown=markdown,
                                info=DocumentInfo(title=markdown[:50], author="Org", language="en-GB",
                                                  date=dt.date(2024, 11, 20)),
                                layout=Layout(numbered_paragraphs=numbered))
    data = writer("docx")(document)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in ("word/document.xml", "word/footnotes.xml", "docProps/core.xml"):
            if name in package.namelist():
                etree.fromstring(package.read(name))
