"""The README's promises: its snippet runs as written, CI runs its test command."""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from testdata import REPO, require_tool, without_source_tree

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
        "enforced-disappearances.general.en.md", "enforced-disappearances.general.ko.md"]


def test_ci_runs_exactly_the_readme_test_command() -> None:
    commands = re.search(r"## Start here.*?```sh\n(.*?)```", README, re.S)
    assert commands is not None
    lines = [line for line in commands.group(1).splitlines() if line and not line.startswith("#")]
    assert len(lines) == 2, "the README starts with two commands: build the example, run the tests"
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert lines[1] in ci.splitlines()
    assert os.access(REPO / ".ci" / "run", os.R_OK)


def test_readme_commands_install_into_a_virtual_environment_not_the_system_python() -> None:
    """Debian 12 and Ubuntu 24.04 refuse pip in the system Python (PEP 668): both commands go through .venv."""
    commands = re.search(r"## Start here.*?```sh\n(.*?)```", README, re.S)
    assert commands is not None
    install, test = [line for line in commands.group(1).splitlines() if line and not line.startswith("#")]
    for command in (install, test):
        for step in command.split("&&"):
            program = step.split()
            assert program[:3] != ["python3", "-m", "pip"] and program[0] not in ("pip", "pip3", "briefbuilder"), \
                f"'{step.strip()}' uses the system Python or expects a program on PATH"
    assert install.startswith("bash scripts/install ") and ".venv/bin/briefbuilder build" in install
    assert test == "bash scripts/install-test-deps && .venv/bin/python -m pytest --slow"  # CI runs the slow tests too
    # the test dependencies go into the same environment the tests run in
    assert "bash scripts/install test" in (REPO / "scripts" / "install-test-deps").read_text(encoding="utf-8")
    script = (REPO / "scripts" / "install").read_text(encoding="utf-8")
    assert '-m venv "$venv_dir"' in script and '"$venv_dir/bin/python" -m pip install' in script


@pytest.mark.slow
def test_install_script_puts_the_package_in_a_virtual_environment(tmp_path: Path) -> None:
    """scripts/install, run as README command 1 runs it, with the system's Python: .venv gets a working CLI."""
    if not Path("/usr/bin/python3").is_file():
        pytest.skip("no system Python at /usr/bin/python3")
    shutil.copytree(REPO, tmp_path / "clone", ignore=shutil.ignore_patterns(".venv", ".git", "out", "build", "dist"))
    subprocess.run(["bash", "scripts/install"], cwd=tmp_path / "clone", check=True, timeout=900,
                   env={**without_source_tree(), "PYTHON": "/usr/bin/python3"})
    result = subprocess.run([str(tmp_path / "clone" / ".venv" / "bin" / "briefbuilder"), "--help"],
                            capture_output=True, text=True, env=without_source_tree())
    assert result.returncode == 0 and "build" in result.stdout


@pytest.mark.slow
def test_readme_pictures_exist_and_the_script_renders_them(tmp_path: Path) -> None:
    """The pictures the README shows are files in the repository, and their script still renders both."""
    shown = re.findall(r'<img src="([^"]+\.png)"', README)
    assert len(shown) == 2 and all((REPO / picture).is_file() for picture in shown)
    require_tool("soffice")
    require_tool("pdftoppm")
    subprocess.run([sys.executable, str(REPO / "scripts" / "render-readme-pictures"), str(tmp_path)],
                   check=True, capture_output=True, timeout=600)
    rendered = sorted(path.name for path in tmp_path.glob("*.png"))
    assert rendered == sorted(Path(picture).name for picture in shown)
    for path in tmp_path.glob("*.png"):
        width, height = struct.unpack(">II", path.read_bytes()[16:24])  # the PNG header's size
        assert abs(height / width - 297 / 210) < 0.01  # an A4 page, upright
