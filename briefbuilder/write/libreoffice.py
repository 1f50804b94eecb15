"""LibreOffice, the PDF writer's typesetter: found, started once and kept running, or run per batch.

Two ways to have it lay out documents. :class:`RunningOffice` starts one
headless LibreOffice listening on a private pipe, and a worker
(``uno_worker.py``, run by a Python that can ``import uno``) that drives it over
UNO: each document is loaded, adjusted and exported in one pass, and the office
stays up for the next. Where no Python can import ``uno``,
:func:`convert_by_command` runs ``soffice --convert-to`` once for a batch of files.
"""

from __future__ import annotations

import atexit
import functools
import importlib.util
import json
import os
import queue
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
import weakref
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

from ..errors import BriefError

SOFFICE_NAMES = ("soffice", "libreoffice")
START_TIMEOUT = 300.0  # seconds: a first start of LibreOffice builds its profile
PER_DOCUMENT_TIMEOUT = 60.0  # seconds to lay out one document
# How long a worker may take to say it has no uno once LibreOffice has stopped (a Python starting)
WORKER_GRACE = 5.0
ANSWER_POLL = 0.2  # seconds between checks that LibreOffice still runs while it starts
INSTALL_HINT = ("install LibreOffice (Debian/Ubuntu: sudo apt-get install libreoffice-writer-nogui; "
                "macOS: brew install --cask libreoffice; Windows: https://www.libreoffice.org), "
                "or build --format docx and save it as PDF from Word")
WORKER = Path(__file__).with_name("uno_worker.py")
# Where Debian and Ubuntu's python3-uno puts ``uno``: the system Python's, not a virtual environment's
SYSTEM_PYTHON = Path("/usr/bin/python3")


def soffice() -> str:
    """The LibreOffice command; a one-line error saying how to install it when there is none."""
    for name in SOFFICE_NAMES:
        found = shutil.which(name)
        if found:
            return found
    raise BriefError.at(None, "--format pdf", "PDF output needs LibreOffice, which was not found", INSTALL_HINT)


def uno_python(soffice_command: str) -> str | None:
    """The Python to run the UNO worker with: this one if it has ``uno``, else LibreOffice's own, else the system's.

    The worker says so when the one chosen cannot ``import uno`` after all (:class:`UnoUnavailable`).
    """
    if importlib.util.find_spec("uno"):
        return sys.executable
    program = Path(os.path.realpath(soffice_command)).parent
    return next((str(path) for path in (program / "python", program / "python.exe", SYSTEM_PYTHON)
                 if path.is_file()), None)


def _error(message: str) -> BriefError:
    return BriefError.at(None, "--format pdf", message, INSTALL_HINT)


def _new_profile() -> Path:
    """A LibreOffice profile of our own: the user's own, open in a running LibreOffice, would block."""
    return Path(tempfile.mkdtemp(prefix="briefbuilder-libreoffice-"))


def _profile_option(profile: Path) -> str:
    return f"-env:UserInstallation={profile.as_uri()}"


@functools.cache
def _command_profile() -> Path:
    """One profile for every ``--convert-to`` run of this process, removed when it exits."""
    profile = _new_profile()
    atexit.register(shutil.rmtree, profile, ignore_errors=True)
    return profile


def convert_by_command(soffice_command: str, sources: Sequence[Path], target: str, folder: Path) -> list[Path]:
    """Convert every file of `sources` in one ``soffice --convert-to`` run; the results, in the same order.

    `target` is a format ("fodt") or a format with its export filter and options.
    """
    if not sources:
        return []
    suffix = target.split(":")[0]
    out = folder / suffix
    command = [soffice_command, _profile_option(_command_profile()), "--headless", "--norestore",
               "--convert-to", target, "--outdir", str(out), *map(str, sources)]
    try:
        completed = subprocess.run(command, capture_output=True, text=True,
                                   timeout=START_TIMEOUT + PER_DOCUMENT_TIMEOUT * len(sources))
    except (OSError, subprocess.TimeoutExpired) as error:
        raise _error(f"LibreOffice could not convert the brief: {error}") from None
    results = [out / f"{source.stem}.{suffix}" for source in sources]
    if not all(result.is_file() for result in results):
        detail = (completed.stderr or completed.stdout).strip().splitlines()
        raise _error("LibreOffice could not convert the brief" + (f": {detail[-1]}" if detail else ""))
    return results


class UnoUnavailable(Exception):
    """The worker's Python cannot ``import uno``: LibreOffice can only be run per batch, by command."""


class OfficeLost(Exception):
    """The running LibreOffice, or the worker driving it, stopped: a new one may do the job."""


class RunningOffice:
    """One headless LibreOffice and its UNO worker, started on demand and restarted when they die.

    :meth:`convert` sends one request to the worker (see ``uno_worker.py``) and
    waits for its answer at most `timeout` seconds; calls from several threads
    wait their turn. A LibreOffice that stopped is started again and the
    request sent once more; one that takes too long is killed, and the next
    call starts a new one. Its profile, of its own, lasts until :meth:`close`.
    """

    def __init__(self, soffice_command: str, python: str, *, timeout: float = PER_DOCUMENT_TIMEOUT,
                 start_timeout: float = START_TIMEOUT) -> None:
        self.soffice = soffice_command
        self.python = python
        self.timeout = timeout
        self.start_timeout = start_timeout
        self._lock = threading.RLock()
        self._state = _Processes()
        self._answers: queue.Queue[dict[str, Any] | None] = queue.Queue()
        weakref.finalize(self, self._state.close)  # a converter the caller forgot still stops LibreOffice

    def start(self) -> None:
        """Start LibreOffice and its worker without waiting for them: a caller can do other work meanwhile."""
        with self._lock:
            state = self._state
            if state.processes:
                return
            if state.profile is None:
                state.profile = _new_profile()
            pipe = f"pipe,name=briefbuilder-{uuid.uuid4().hex};urp"
            temporary = state.profile / "tmp"  # LibreOffice's temporary files go with the folder
            temporary.mkdir(exist_ok=True)
            try:
                with (state.profile / "office.log").open("wb") as office_log:
                    state.processes.append(subprocess.Popen(
                        [self.soffice, _profile_option(state.profile / "user"), "--headless", "--invisible",
                         "--nologo", "--norestore", "--nodefault", "--nolockcheck", f"--accept={pipe};"],
                        stdin=subprocess.DEVNULL, stdout=office_log, stderr=subprocess.STDOUT,
                        start_new_session=True,
                        env={**os.environ, "TMPDIR": str(temporary), "TMP": str(temporary), "TEMP": str(temporary)}))
                worker = subprocess.Popen([self.python, "-I", str(WORKER), pipe, str(self.start_timeout)],
                                          stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, encoding="utf-8",
                                          start_new_session=True)
            except OSError as error:
                state.stop()
                raise _error(f"LibreOffice could not be started: {error}") from None
            state.processes.append(worker)
            self._answers = queue.Queue()
            threading.Thread(target=_read_answers, args=(worker.stdout, self._answers), daemon=True).start()

    def convert(self, request: dict[str, Any], what: str) -> None:
        """Have LibreOffice carry out `request` (one document: `what` names it in errors).

        Raises :class:`UnoUnavailable` when the worker's Python has no ``uno``.
        """
        with self._lock:
            for attempt in (1, 2):
                try:
                    self._ask(request, what)
                    return
                except OfficeLost as lost:
                    self._state.stop()
                    if attempt == 2:
                        raise _error(f"LibreOffice stopped while laying out {what}: {lost}") from None

    def close(self) -> None:
        """Stop LibreOffice and remove its folder; a later call starts afresh."""
        with self._lock:
            self._state.close()

    def _ask(self, request: dict[str, Any], what: str) -> None:
        state = self._state
        if state.processes and state.processes[0].poll() is not None:
            raise OfficeLost("LibreOffice had stopped")
        self.start()
        if not state.connected:
            connected = self._answer(self.start_timeout, "to start", while_running=state.processes[0])
            if connected.get("no_uno"):
                self._state.stop()
                raise UnoUnavailable(connected["error"])
            if "error" in connected:
                raise OfficeLost(f"{connected['error']}{self._office_output()}")
            state.connected = True
        worker = state.processes[1]
        assert worker.stdin is not None
        try:
            worker.stdin.write(json.dumps(request) + "\n")
            worker.stdin.flush()
        except OSError as error:
            raise OfficeLost(str(error)) from None
        answer = self._answer(self.timeout, f"to lay out {what}")
        if "error" in answer:
            if answer.get("office_lost"):
                raise OfficeLost(answer["error"])
            raise _error(f"LibreOffice could not lay out {what}: {answer['error']}")

    def _answer(self, timeout: float, doing: str, while_running: subprocess.Popen[Any] | None = None) -> dict[str, Any]:
        """The worker's next answer; OfficeLost if it stopped (or `while_running` did); past `timeout`,
        everything stopped and a BriefError."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                answer = self._answers.get(timeout=min(ANSWER_POLL, max(deadline - time.monotonic(), 0)))
                break
            except queue.Empty:
                if while_running is not None and while_running.poll() is not None:
                    return self._answer_as_office_stopped()
                if time.monotonic() >= deadline:
                    self._state.stop()
                    raise _error(f"LibreOffice took more than {timeout:g} s {doing}; it was stopped") from None
        if answer is None:
            raise OfficeLost(f"its worker stopped{self._office_output()}")
        return answer

    def _answer_as_office_stopped(self) -> dict[str, Any]:
        """The worker's word that it has no ``uno``, if it comes as LibreOffice stops; else OfficeLost.

        Both start at once, so a LibreOffice that cannot start may stop before the worker has said
        that its Python lacks ``uno``: that, not the stop, decides whether running by command helps.
        """
        try:
            answer = self._answers.get(timeout=WORKER_GRACE)
        except queue.Empty:
            answer = None
        if answer is not None and answer.get("no_uno"):
            return answer
        raise OfficeLost(f"LibreOffice stopped{self._office_output()}") from None

    def _office_output(self) -> str:
        log = self._state.profile / "office.log" if self._state.profile else None
        lines = log.read_text(encoding="utf-8", errors="replace").strip().splitlines() if log and log.is_file() else []
        return f" ({lines[-1]})" if lines else ""


class _Processes:
    """What a :class:`RunningOffice` started: LibreOffice, then its worker; and its folder (profile, temporary files)."""

    def __init__(self) -> None:
        self.processes: list[subprocess.Popen[Any]] = []
        self.profile: Path | None = None
        self.connected = False

    def stop(self) -> None:
        """Kill the worker and LibreOffice: nothing of theirs is kept, their folder is thrown away or reused."""
        for process in reversed(self.processes):
            if process.stdin is not None and not process.stdin.closed:
                try:
                    process.stdin.close()
                except OSError:
                    pass
            _kill(process)
        self.processes.clear()
        self.connected = False

    def close(self) -> None:
        self.stop()
        if self.profile is not None:
            shutil.rmtree(self.profile, ignore_errors=True)
            self.profile = None


def _read_answers(stream: IO[str], answers: queue.Queue[dict[str, Any] | None]) -> None:
    """Pass the worker's answers on, one per line; None when it stops."""
    with stream:
        for line in stream:
            try:
                answers.put(json.loads(line))
            except json.JSONDecodeError:
                continue  # not an answer: something the uno module printed
    answers.put(None)


def _kill(process: subprocess.Popen[Any]) -> None:
    """Kill `process` and what it started (soffice runs LibreOffice as its child, in its process group)."""
    try:
        if hasattr(os, "killpg"):
            os.killpg(process.pid, signal.SIGKILL)
        else:
            process.kill()
    except (ProcessLookupError, PermissionError):
        pass
    process.wait()
