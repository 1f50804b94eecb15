"""The files a build reports as read (``Documents.read``, ``Inputs.files_read``): no output may land on one,
and a refusal points at the line where the file is named."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from briefbuilder import load_inputs
from briefbuilder.cli import main
from briefbuilder.errors import Location
from briefbuilder.load.native import brief_from_dict
from testdata import MINIMAL_BRIEF, REPO

REFERENCE = REPO / "templates" / "reference.docx"
PACK = """\
# A user's pack beside the brief, on top of the general one.
interface: 1
extends: general
description: {en: Our own, ko: 우리}

reference_docx: house.docx
"""


def _line(path: Path, needle: str) -> int:
    return next(number for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                if needle in text)


@pytest.fixture
def brief(tmp_path: Path) -> Path:
    """A brief after two comment lines, built for the pack ``ours`` in ``templates/`` beside it."""
    path = tmp_path / "brief.yaml"
    path.write_text("# Our brief.\n\n" + MINIMAL_BRIEF.replace("  languages: [en, ko]\n",
                                                              "  languages: [en, ko]\n  id: x\n  audience: ours\n"),
                    encoding="utf-8")
    pack = tmp_path / "templates" / "ours"
    (pack / "partials").mkdir(parents=True)
    (pack / "pack.yaml").write_text(PACK, encoding="utf-8")
    (pack / "house.docx").write_bytes(REFERENCE.read_bytes())
    (pack / "partials" / "note.md.j2").write_text("A note.\n", encoding="utf-8")
    return path


def test_the_brief_is_read_where_its_brief_block_starts(brief: Path) -> None:
    read = load_inputs(brief).files_read()
    assert read[brief] == Location(str(brief), 4, 3)  # 'title:', the first key under 'brief:', not line 1


def test_every_file_of_the_pack_is_read_down_to_its_subfolders_each_at_its_first_line(brief: Path) -> None:
    pack = brief.parent / "templates" / "ours"
    read = load_inputs(brief).files_read()
    for file in (pack / "pack.yaml", pack / "partials" / "note.md.j2"):
        assert read[file] == Location(str(file), 1)


def test_the_files_of_the_pack_it_extends_are_read_too(brief: Path) -> None:
    """'ours' extends 'general': the general pack's templates are read for the build, so none may be overwritten."""
    general = REPO / "templates" / "general"
    read = load_inputs(brief).files_read()
    for file in (general / "pack.yaml", *general.glob("*.j2")):
        assert read[file] == Location(str(file), 1)


def test_a_reference_docx_named_by_the_pack_is_read_where_pack_yaml_names_it(brief: Path) -> None:
    pack = brief.parent / "templates" / "ours"
    where = load_inputs(brief).files_read()[pack / "house.docx"]
    assert (where.file, where.line) == (str(pack / "pack.yaml"), _line(pack / "pack.yaml", "reference_docx"))


def test_a_reference_docx_named_by_the_brief_is_read_where_the_brief_names_it(brief: Path) -> None:
    """Not at ``settings`` or ``pack``, nor at another setting before it: at ``reference_docx`` itself."""
    (brief.parent / "mine.docx").write_bytes(REFERENCE.read_bytes())
    brief.write_text(brief.read_text(encoding="utf-8").replace(
        "  audience: ours\n", "  audience: ours\n  settings:\n    pack:\n      minimum_status: reported\n"
        "      reference_docx: mine.docx\n"), encoding="utf-8")
    where = load_inputs(brief).files_read()[brief.parent / "mine.docx"]
    assert (where.file, where.line) == (str(brief), _line(brief, "reference_docx: mine.docx"))


def test_each_language_s_messages_settings_and_treaty_words_are_read(brief: Path) -> None:
    read = load_inputs(brief).files_read()
    for language in ("en", "ko"):
        folder = REPO / "locales" / language
        for file in (folder / "LC_MESSAGES" / "briefbuilder.po", folder / "locale.yaml", folder / "statements.yaml"):
            assert read[file] == Location(str(file), 1)


def test_the_catalog_beside_the_brief_is_protected_even_before_it_exists(brief: Path) -> None:
    catalog = brief.parent / "catalog.yaml"
    assert not catalog.exists()
    assert load_inputs(brief).files_read()[catalog] == Location(str(catalog), 1)


def test_a_brief_built_in_python_reads_no_brief_file() -> None:
    """Its items are located at '<python>', which is no file: nothing outside the package is read."""
    read = load_inputs(brief_from_dict(yaml.safe_load(MINIMAL_BRIEF))).files_read()
    assert read and all(path.is_relative_to(REPO) for path in read), sorted(map(str, read))


def test_an_output_over_a_pack_file_is_refused_at_that_file(brief: Path) -> None:
    """Built into the pack's own folder, the output would replace a template named like it."""
    pack = brief.parent / "templates" / "ours"
    template = pack / "x.ours.en.md"
    template.write_text("kept\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(brief), "--lang", "en", "-o", str(pack)])
    assert result.exit_code == 2, result.output
    assert f"{template}:1: error: output: the output {template} is a file this build reads" in result.output
    assert template.read_text(encoding="utf-8") == "kept\n"


def test_the_inputs_say_which_audiences_and_languages_they_hold(brief: Path) -> None:
    inputs = load_inputs(brief, audiences=["ours", "general"], languages=["ko", "en"])
    assert repr(inputs).endswith(": audiences ours, general; languages ko, en>")
