"""A template folder is a real boundary: nothing outside it reaches a document."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefbuilder.cli import main

SECRET = "root:x:0:0:SECRET-OUTSIDE-THE-PACK"
MANIFEST = "description: {en: Board memo, ko: 이사회 메모}\ntemplate: memo.md.j2\n"
MEMO = '{% extends "base/brief.md.j2" %}\n{% block cover %}\n# Memo\n\n{% include "memo/footer.md.j2" %}\n{% endblock %}\n'


def _secret(tmp_path: Path, folder: str = "elsewhere") -> Path:
    secret = tmp_path / folder / "passwd"
    secret.parent.mkdir(parents=True, exist_ok=True)
    secret.write_text(SECRET + "\n", encoding="utf-8")
    return secret


def _pack(root: Path, files: dict[str, str | Path]) -> Path:
    """A pack 'memo' under ``root``: text files, or symlinks where the value is a Path."""
    folder = root / "memo"
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in {"pack.yaml": MANIFEST, "memo.md.j2": MEMO, **files}.items():
        if isinstance(content, Path):
            (folder / name).symlink_to(content)
        else:
            (folder / name).write_text(content, encoding="utf-8")
    return root


def _build(brief: Path, out: Path, *options: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["build", str(brief), "--format", "md,docx", "--lang", "en,ko",
                                       "-o", str(out), *options])
    assert "internal error" not in result.output and "Traceback" not in result.output
    return result.exit_code, result.output


def _outputs(out: Path) -> str:
    """Every byte written, as text (a .docx is a zip: its members are checked too)."""
    import zipfile

    text = ""
    for path in out.glob("*") if out.exists() else ():
        text += zipfile.ZipFile(path).read("word/document.xml").decode() if path.suffix == ".docx" \
            else path.read_text(encoding="utf-8")
    return text


# "packs-evil" sits beside "packs": its path starts with the pack folder's, and is still outside it.
@pytest.mark.parametrize("target", ["secret", "/etc/passwd", "packs-evil"])
def test_an_include_symlinked_out_of_the_pack_is_refused(target: str, tmp_path: Path,
                                                         write_brief: Callable[..., Path]) -> None:
    link = Path(target) if target.startswith("/") else _secret(tmp_path, "elsewhere" if target == "secret" else target)
    root = _pack(tmp_path / "packs", {"footer.md.j2": link})
    out = tmp_path / "out"
    exit_code, output = _build(write_brief(), out, "--audience", "memo", "--templates", str(root))
    assert exit_code == 1  # the check stage renders every document first: a failed check
    assert f"{root / 'memo' / 'footer.md.j2'}:1: error: constraints.renders: cannot render for 'memo' in 'en': " \
        "template: the template 'memo/footer.md.j2' leads outside" in output
    drafted, draft_output = _build(write_brief(), out, "--audience", "memo", "--templates", str(root), "--draft")
    assert drafted == 2 and "leads outside" in draft_output
    for text in (output, draft_output, _outputs(out)):
        assert SECRET not in text and "root:x:0:0" not in text


def test_a_main_template_symlinked_out_is_refused(tmp_path: Path, write_brief: Callable[..., Path]) -> None:
    root = _pack(tmp_path / "packs", {"footer.md.j2": "footer"})
    (root / "memo" / "memo.md.j2").unlink()
    (root / "memo" / "memo.md.j2").symlink_to(_secret(tmp_path))
    exit_code, output = _build(write_brief(), tmp_path / "out", "--audience", "memo", "--templates", str(root))
    assert exit_code == 1 and "the template 'memo/memo.md.j2' leads outside" in output and SECRET not in output


def test_a_pack_folder_symlinked_in_from_elsewhere_is_refused(tmp_path: Path,
                                                             write_brief: Callable[..., Path]) -> None:
    real = _pack(tmp_path / "elsewhere", {"footer.md.j2": "footer"})
    root = tmp_path / "packs"
    root.mkdir()
    (root / "memo").symlink_to(real / "memo", target_is_directory=True)
    exit_code, output = _build(write_brief(), tmp_path / "out", "--audience", "memo", "--templates", str(root))
    assert exit_code == 2
    assert "manifest of the pack 'memo' leads outside" in output


def test_a_symlink_inside_the_pack_still_works(tmp_path: Path, write_brief: Callable[..., Path]) -> None:
    root = _pack(tmp_path / "packs", {"real-footer.md.j2": "Footer inside the pack"})
    (root / "memo" / "footer.md.j2").symlink_to(root / "memo" / "real-footer.md.j2")
    out = tmp_path / "out"
    exit_code, output = _build(write_brief(), out, "--audience", "memo", "--templates", str(root))
    assert exit_code == 0, output
    assert "Footer inside the pack" in _outputs(out)


@pytest.mark.parametrize("audience", ["{folder}", "../packs/memo", "memo/../memo", "/etc"])
def test_an_audience_is_a_pack_name_never_a_path(audience: str, tmp_path: Path,
                                                 write_brief: Callable[..., Path]) -> None:
    root = _pack(tmp_path / "packs", {"footer.md.j2": "footer"})
    audience = audience.format(folder=root / "memo")
    exit_code, output = _build(write_brief(), tmp_path / "out", "--audience", audience)
    assert exit_code == 2
    assert f"'{audience}' is not an audience pack name" in output


def test_a_reference_docx_outside_the_pack_is_refused(tmp_path: Path, write_brief: Callable[..., Path]) -> None:
    secret = _secret(tmp_path)
    root = _pack(tmp_path / "packs", {"footer.md.j2": "footer",
                                      "pack.yaml": MANIFEST + f"reference_docx: ../../elsewhere/{secret.name}\n"})
    exit_code, output = _build(write_brief(), tmp_path / "out", "--audience", "memo", "--templates", str(root))
    assert exit_code == 2 and "reference .docx leads outside" in output


def test_a_catalog_symlinked_beside_the_brief_is_refused(tmp_path: Path, write_brief: Callable[..., Path]) -> None:
    folder = write_brief()
    (folder / "catalog.yaml").symlink_to(_secret(tmp_path))
    exit_code, output = _build(folder, tmp_path / "out")
    assert exit_code == 2
    assert f"{folder / 'catalog.yaml'}:1: error: the catalog.yaml leads outside" in output
    assert SECRET not in output


@pytest.mark.parametrize("language", ["../en", "en/../ko", "/etc"])
def test_a_language_is_a_code_never_a_path(language: str, tmp_path: Path, write_brief: Callable[..., Path]) -> None:
    result = CliRunner().invoke(main, ["build", str(write_brief()), "--lang", language, "-o", str(tmp_path / "o")])
    assert result.exit_code == 2 and f"unknown language '{language}'" in result.output


def test_a_locale_beside_the_brief_symlinked_out_is_refused(tmp_path: Path, write_brief: Callable[..., Path]) -> None:
    import shutil

    from briefbuilder.resources import data_dir

    folder = write_brief()
    elsewhere = tmp_path / "elsewhere-locale" / "ko"
    shutil.copytree(data_dir("locales") / "ko", elsewhere)
    (folder / "locales").mkdir()
    (folder / "locales" / "ko").symlink_to(elsewhere, target_is_directory=True)
    exit_code, output = _build(folder, tmp_path / "out")
    assert exit_code == 2 and "the locale file of 'ko' leads outside" in output


def test_a_translation_catalog_symlinked_out_is_refused(tmp_path: Path, write_brief: Callable[..., Path]) -> None:
    import shutil

    from briefbuilder.resources import data_dir

    folder = write_brief()
    shutil.copytree(data_dir("locales") / "ko", folder / "locales" / "ko")
    catalog = folder / "locales" / "ko" / "LC_MESSAGES" / "briefbuilder.po"
    catalog.unlink()
    catalog.symlink_to(_secret(tmp_path))
    exit_code, output = _build(folder, tmp_path / "out")
    assert exit_code == 2 and "translation catalog leads outside" in output and SECRET not in output
