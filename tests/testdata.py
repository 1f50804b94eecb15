"""Paths and briefs shared by the tests (import as `from testdata import ...`)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from briefbuilder.markdown_tree import MarkdownTree, footnote_reference


REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "enforced-disappearances"

MINIMAL_BRIEF = """\
brief:
  title: {en: Disappearances, ko: 실종}
  organisation: {name: Example Centre, contact: contact@example.org}
  date: 2024-11-20
  languages: [en, ko]
sources:
  - id: report
    kind: report
    title: {en: The Report, ko: 보고서}
    publisher: Example Publisher
    date: 2024-10-31
statistics:
  - id: victims
    value: 113
    unit: persons
    as_of: 2024-05-31
    sources: [{id: report, page: 12}]
    status: verified
    label: {en: victims, ko: 피해자}
  - id: share
    value: 81.4
    unit: percent
    base: victims
    count: 92
    as_of: 2024-05-31
    sources: [{id: report, page: 15}]
    status: verified
    label: {en: share, ko: 비율}
sections:
  - id: findings
    heading: {en: Findings, ko: 조사 결과}
    text:
      en: "Of [[stat:victims]], [[stat:share|share]] vanished."
      ko: "[[stat:victims]] 중 [[stat:share|share]]이 실종되었습니다."
"""



def without_source_tree() -> dict[str, str]:
    """This process's environment minus PYTHONPATH, so a program started with it imports what is installed."""
    return {name: value for name, value in os.environ.items() if name != "PYTHONPATH"}


def footnote_references(tree: MarkdownTree) -> list[str]:
    """The footnote labels a document's text points at, in order (one per mark)."""
    return [label for block in tree.blocks for element in block.iter()
            if (label := footnote_reference(element)) is not None]


def require_tool(name: str) -> str:
    """Path of external program `name`; skip the test without it, fail on CI.

    Locally pandoc or LibreOffice may be missing; CI installs them, so there a
    missing tool is a broken setup, not a reason to skip.
    """
    path = shutil.which(name)
    if path is None:
        message = f"{name} is not installed"
        if os.environ.get("CI"):
            pytest.fail(f"{message} (CI must install it)")
        pytest.skip(message)
    return path
