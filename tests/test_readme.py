"""The README's promises: its snippet runs as written, CI runs its test command."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from testdata import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def test_python_snippet_runs_as_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    snippet = re.search(r"```python\n(.*?)```", README, re.S)
    assert snippet is not None
    monkeypatch.chdir(REPO)
    code = snippet.group(1).replace('Path("out")', repr(tmp_path / "out").replace("PosixPath", "Path"))
    exec(compile(code, "README.md", "exec"), {})
    printed = capsys.readouterr().out
    assert "# 국가보위성 관할하의 북한 주민 강제실종" in printed
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "enforced-disappearances.en.md", "enforced-disappearances.ko.md"]


def test_ci_runs_exactly_the_readme_test_command() -> None:
    commands = re.search(r"## Start here.*?```sh\n(.*?)```", README, re.S)
    assert commands is not None
    lines = [line for line in commands.group(1).splitlines() if line and not line.startswith("#")]
    assert len(lines) == 2, "the README starts with two commands: build the example, run the tests"
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert lines[1] in ci.splitlines()
    assert os.access(REPO / ".ci" / "run", os.R_OK)
