"""Shared fixtures. Shared constants and helpers live in testdata.py, since several
conftest.py files exist and `import conftest` would pick an arbitrary one."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from collections.abc import Callable
from pathlib import Path

import pytest
from testdata import MINIMAL_BRIEF, REPO


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--slow", action="store_true",
                     help="also run the tests marked slow (new environments, whole builds to PDF, 10 MB inputs)")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Skip, with the reason shown, what the quick default run leaves out; README command 2 (CI) runs it all."""
    if config.getoption("--slow"):
        return
    skip = pytest.mark.skip(reason="slow: run with --slow (README command 2 and CI do)")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True, scope="session")
def _cache_of_this_run(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Every test, and every process a test starts, caches in a folder of this run, not the user's."""
    os.environ["BRIEFBUILDER_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))


@pytest.fixture
def make_brief(tmp_path: Path) -> Callable[..., Path]:
    """Write a brief (the minimal valid one by default) and return its path."""

    def write(text: str = MINIMAL_BRIEF, name: str = "brief.yaml") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write


@pytest.fixture(scope="session")
def installed_python(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Python of a new virtual environment holding the built wheel, its declared dependencies and mypy.

    Nothing comes from the interpreter running the tests (no system site packages), so the
    environment has what a user's ``pip install`` gives: a dependency missing from pyproject.toml,
    or a data file missing from the wheel, fails here, whether the suite runs in a venv or not.
    """
    folder = tmp_path_factory.mktemp("installed")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(folder), str(REPO)],
                   check=True)
    venv.create(folder / "venv", with_pip=True)
    python = folder / "venv" / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                    str(next(folder.glob("briefbuilder-*.whl"))), "mypy"], check=True)
    return python
