"""Fixtures for the catalog tests: the bundled catalog, a pack, a claim checker."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from briefbuilder.audience import Pack
from briefbuilder.load.pack import load_pack
from briefbuilder.catalog import Catalog
from briefbuilder.load.catalog import catalog_for_brief, load_catalog
from briefbuilder.check import CheckContext, Finding, run_rules
from briefbuilder.load import load_brief

BRIEF_HEAD = """\
brief:
  title: {en: Claims, ko: 주장}
  organisation: {name: Example Centre}
  date: 2026-01-15
  languages: [en]
claims:
"""


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog()


@pytest.fixture(scope="session")
def pack() -> Pack:
    return load_pack("general")


@pytest.fixture
def write_claims(tmp_path: Path) -> Callable[..., Path]:
    """Write ``brief.yaml`` whose claims are the given YAML list items; claim N is on line 7 + N."""

    def write(*claims: str) -> Path:
        path = tmp_path / "brief.yaml"
        path.write_text(BRIEF_HEAD + "".join(f"  - {claim}\n" for claim in claims), encoding="utf-8")
        return path

    return write


@pytest.fixture
def check_claims(write_claims: Callable[..., Path], pack: Pack) -> Callable[..., list[Finding]]:
    """Check a brief with the given claims; return its claims.* findings."""

    def run(*claims: str, catalog: Catalog | None = None) -> list[Finding]:
        path = write_claims(*claims)
        brief = load_brief(path)
        context = CheckContext(brief=brief, pack=pack, languages=("en",), catalog=catalog or catalog_for_brief(brief.directory))
        return [finding for finding in run_rules(context) if finding.rule.startswith("claims.")]

    return run
