"""Shared fixtures. Shared constants and helpers live in testdata.py, since several
conftest.py files exist and `import conftest` would pick an arbitrary one."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from testdata import MINIMAL_BRIEF


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
