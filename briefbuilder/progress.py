"""Progress on stderr for runs that take a while.

A build of a very large brief can take minutes; without a sign of life a user
cannot tell it from a hang. When a run has lasted :data:`QUIET_SECONDS`, one
status line (what is being done, seconds so far) is redrawn on stderr until it
ends, then erased. Nothing is written when stderr is not a terminal (scripts,
CI, pipes) or with ``--quiet``, so the one-problem-per-line output stays clean.

Stages are announced with :func:`stage` from anywhere in the pipeline; it costs
one assignment when no one is reporting.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

QUIET_SECONDS = 2.0
REDRAW_SECONDS = 0.5


class _Status:
    """What the run is doing now (written by the run, read by the reporter thread)."""

    text = ""


_status = _Status()


def stage(text: str) -> None:
    """Say what the run is doing now, e.g. ``"rendering un-upr (ko)"``."""
    _status.text = text


@contextmanager
def reporting(label: str, stream: TextIO, *, quiet: bool = False, after: float = QUIET_SECONDS) -> Iterator[None]:
    """Show ``label: stage (N s)`` on ``stream`` while the body runs longer than ``after`` seconds."""
    if quiet or not stream.isatty():
        yield
        return
    done = threading.Event()
    started = time.monotonic()
    stage("")

    def redraw() -> None:
        # Signals go to the main thread, where a write holds them back while it records its steps.
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM, signal.SIGINT, signal.SIGHUP})
        shown = False
        while not done.wait(after if not shown else REDRAW_SECONDS):
            line = f"{label}: {_status.text or 'working'} ({time.monotonic() - started:.0f} s)"
            stream.write("\r\033[K" + line)
            stream.flush()
            shown = True
        if shown:
            stream.write("\r\033[K")
            stream.flush()

    reporter = threading.Thread(target=redraw, name="briefbuilder-progress", daemon=True)
    reporter.start()
    try:
        yield
    finally:
        done.set()
        reporter.join()
