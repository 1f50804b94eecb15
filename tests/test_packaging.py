"""A non-editable install works on its own: templates and locales ship in the wheel."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from testdata import EXAMPLE, REPO, without_source_tree


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(dist), str(REPO)],
                   check=True)
    return next(dist.glob("briefbuilder-*.whl"))


def test_wheel_carries_templates_locales_and_catalog(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "briefbuilder/templates/base/brief.md.j2" in names
    assert "briefbuilder/locales/ko/LC_MESSAGES/briefbuilder.po" in names
    assert "briefbuilder/locales/ko/locale.yaml" in names
    assert "briefbuilder/locales/fr/LC_MESSAGES/briefbuilder.po" in names
    assert "briefbuilder/locales/briefbuilder.pot" in names  # the messages every language must translate
    assert "briefbuilder/py.typed" in names, "without the marker, type checkers ignore the package's hints"
    assert any(name.startswith("briefbuilder/catalog/") and name.endswith(".yaml") for name in names)


@pytest.mark.slow
def test_installed_cli_builds_the_example_away_from_the_source_tree(installed_python: Path, tmp_path: Path) -> None:
    python = installed_python
    environment = python.parent.parent
    out = tmp_path / "out"
    result = subprocess.run([str(environment / "bin" / "briefbuilder"), "build", str(EXAMPLE), "--lang", "ko,en",
                             "-o", str(out)], cwd=tmp_path, capture_output=True, text=True, env=without_source_tree())
    assert result.returncode == 0, result.stderr
    located = subprocess.run([str(python), "-c", "import briefbuilder; print(briefbuilder.__file__)"],
                             cwd=tmp_path, capture_output=True, text=True, check=True,
                             env=without_source_tree()).stdout
    assert str(environment) in located, "the test must exercise the installed copy"
    assert "2024년 10월 31일" in (out / "enforced-disappearances.general.ko.md").read_text(encoding="utf-8")
    # A language placed beside the brief, not in the package: the installed copy finds and checks it.
    brief = tmp_path / "brief"
    shutil.copytree(EXAMPLE, brief)
    shutil.copytree(REPO / "locales" / "fr", brief / "locales" / "fr")
    po = brief / "locales" / "fr" / "LC_MESSAGES" / "briefbuilder.po"
    po.write_text(po.read_text(encoding="utf-8").replace('msgstr "Nom complet"', 'msgstr "Nom et prénom"'),
                  encoding="utf-8")
    french = subprocess.run([str(environment / "bin" / "briefbuilder"), "build", str(brief), "--lang", "fr",
                             "--audience", "un-wgeid", "-o", str(tmp_path / "fr")], cwd=tmp_path, capture_output=True, text=True, env=without_source_tree())
    assert french.returncode == 0, french.stderr
    assert "| Nom et prénom |" in (tmp_path / "fr" / "enforced-disappearances.un-wgeid.fr.md").read_text(encoding="utf-8")
