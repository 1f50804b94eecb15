"""Releases say what changed: a semantic version, and a changelog section for it (issue 27)."""

from __future__ import annotations

import re

from testdata import REPO


def _version() -> str:
    found = re.search(r'^version = "([^"]+)"', (REPO / "pyproject.toml").read_text(encoding="utf-8"), re.M)
    assert found is not None
    return found.group(1)


def test_the_version_is_semantic_and_the_changelog_has_its_section() -> None:
    version = _version()
    assert re.fullmatch(r"\d+\.\d+\.\d+", version), version
    headings = re.findall(r"^## (\S+)", (REPO / "CHANGELOG.md").read_text(encoding="utf-8"), re.M)
    assert headings[0] == version, f"CHANGELOG.md's first section is {headings[0]}, pyproject says {version}"


def test_the_changelog_names_what_a_user_or_a_pack_author_sees_change_since_0_1_0() -> None:
    section = (REPO / "CHANGELOG.md").read_text(encoding="utf-8").split("\n## ")[1]
    for change in ("brief.<audience>.<lang>.<format>", "Word count", "document_bytes", "save_document",
                   "interface:", "count_unit", "templates/", "init"):
        assert change in section, change
