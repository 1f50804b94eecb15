"""Fixtures for the audience-pack tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from packdata import SMALL_BRIEF


@pytest.fixture
def write_brief(tmp_path: Path) -> Callable[..., Path]:
    """Write SMALL_BRIEF (with FILLER replaced and optional text edits) to a folder; return the folder."""

    def write(filler: str = "", replace: dict[str, str] | None = None, name: str = "small") -> Path:
        text = SMALL_BRIEF.replace("FILLER", filler)
        for old, new in (replace or {}).items():
            assert old in text, old
            text = text.replace(old, new)
        folder = tmp_path / name
        folder.mkdir(exist_ok=True)
        (folder / "brief.yaml").write_text(text, encoding="utf-8")
        return folder

    return write
