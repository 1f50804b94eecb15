"""Long runs show a status line on a terminal's stderr; scripts, pipes and --quiet see nothing."""

from __future__ import annotations

import os
import pty
import re
import time
from pathlib import Path

from click.testing import CliRunner

from briefbuilder.cli import main
from briefbuilder.progress import reporting, stage
from testdata import EXAMPLE


def _run_on_terminal(seconds: float, *, quiet: bool = False, after: float = 0.05) -> str:
    """What a terminal shows while a run of ``seconds`` reports (a real pseudo-terminal)."""
    master, slave = pty.openpty()
    with os.fdopen(slave, "w", encoding="utf-8") as terminal:
        with reporting("briefbuilder build big", terminal, quiet=quiet, after=after):
            stage("rendering un-upr (ko)")
            time.sleep(seconds)
    shown = b""
    os.set_blocking(master, False)
    try:
        while chunk := os.read(master, 65536):
            shown += chunk
    except (BlockingIOError, OSError):
        pass
    os.close(master)
    return shown.decode()


def test_a_long_run_shows_what_it_is_doing_then_clears_the_line() -> None:
    shown = _run_on_terminal(0.6)
    assert re.search(r"briefbuilder build big: rendering un-upr \(ko\) \(\d+ s\)", shown)
    assert shown.endswith("\r\x1b[K")  # erased before the run's own output


def test_a_short_run_shows_nothing() -> None:
    assert _run_on_terminal(0.01, after=2.0) == ""


def test_quiet_shows_nothing() -> None:
    assert _run_on_terminal(0.6, quiet=True) == ""


def test_nothing_is_written_when_stderr_is_not_a_terminal(tmp_path: Path) -> None:
    log = tmp_path / "stderr.log"
    with log.open("w", encoding="utf-8") as stream:
        with reporting("briefbuilder build big", stream, after=0.01):
            time.sleep(0.2)
    assert log.read_text(encoding="utf-8") == ""


def test_quiet_is_an_option_of_build_and_check(tmp_path: Path) -> None:
    built = CliRunner().invoke(main, ["build", str(EXAMPLE), "--quiet", "-o", str(tmp_path / "out")])
    assert built.exit_code == 0, built.output
    checked = CliRunner().invoke(main, ["check", str(EXAMPLE), "-q"])
    assert checked.exit_code == 0, checked.output
    assert not re.search(r"\(\d+ s\)", built.output + checked.output)
