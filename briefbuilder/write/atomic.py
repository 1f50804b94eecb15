"""Write files all at once or not at all, and never over an input.

A build writes many files. :func:`write_all` stages every one of them in a
folder beside its destination, then moves them into place; if any step fails,
every file already moved is put back as it was, so a failed build leaves
neither a new file nor a changed one behind.
"""

from __future__ import annotations

import os
import shutil
import signal
import tempfile
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

from ..errors import Location, OutputError

STAGING_PREFIX = ".briefbuilder-"
_STOPPING = {signal.SIGTERM, signal.SIGINT, signal.SIGHUP}


def write_atomic(path: Path, data: bytes, *, inputs: Collection[Path] | Mapping[Path, Location] = ()) -> None:
    """Write one file atomically (see :func:`write_all`)."""
    write_all([(Path(path), data)], inputs=inputs)


def write_all(files: Sequence[tuple[Path, bytes]], *,
              inputs: Collection[Path] | Mapping[Path, Location] = ()) -> None:
    """Write every ``(path, data)`` or none of them.

    Nothing is written if an output would land on one of ``inputs`` or if two
    outputs share a path. Files are first written in full to a staging folder
    on the destination's file system, then renamed into place (a rename there
    is atomic); a file being replaced is kept aside until every output is in
    place, and put back if any of them fails.
    """
    targets = [Path(path) for path, _ in files]
    _refuse_clashes(targets, inputs)
    created: list[Path] = []
    staging: dict[Path, Path] = {}
    placed: list[tuple[Path, Path | None]] = []  # (target, its previous version kept aside): new file in place
    try:
        with _signals_held():
            created = _make_folders({target.parent for target in targets})
        for parent in dict.fromkeys(target.parent for target in targets):
            with _signals_held():  # a folder made is a folder known, to remove
                staging[parent] = Path(tempfile.mkdtemp(dir=parent, prefix=STAGING_PREFIX))
        staged = [_stage(staging[target.parent] / f"{index}.new", data)
                  for index, (target, (_, data)) in enumerate(zip(targets, files))]
        for index, (target, new) in enumerate(zip(targets, staged)):
            with _signals_held():  # a file replaced is a file recorded, to put back
                previous = _keep_aside(target, staging[target.parent] / f"{index}.old")
                os.replace(new, target)
                placed.append((target, previous))
    except BaseException:
        with _signals_held():
            _put_back(placed)
            _remove_staging(staging.values())
            _remove_if_empty(created)
        raise
    with _signals_held():
        _remove_staging(staging.values())


@contextmanager
def _signals_held() -> Iterator[None]:
    """Hold back kill, Ctrl-C and hang-up while the bookkeeping of a write changes with the disk.

    A command stopped by one of them (``briefbuilder.cli``) gets it as an
    exception, which undoes the writing; held, it arrives once a step is
    complete and recorded, so the undoing knows every folder and file made.
    """
    held = signal.pthread_sigmask(signal.SIG_BLOCK, _STOPPING)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def _refuse_clashes(targets: list[Path], inputs: Collection[Path] | Mapping[Path, Location]) -> None:
    """No output on an input, compared by real path and by file identity (a hard link, another spelling
    of the name on a case-insensitive disk); no two outputs on one file."""
    named = inputs if isinstance(inputs, Mapping) else {Path(source): Location(str(source), 1) for source in inputs}
    protected = {Path(source).resolve(): where for source, where in named.items()}
    identities = {identity: where for source, where in named.items() if (identity := _identity(source)) is not None}
    seen: set[Path] = set()
    for target in targets:
        resolved = target.resolve()
        identity = _identity(target)
        where = protected.get(resolved) or (identities.get(identity) if identity is not None else None)
        if where is not None:
            raise OutputError.at(where, "output", f"the output {target} is a file this build reads; "
                                 "refusing to overwrite it",
                                 "choose another output folder with -o, or give the input another name")
        if resolved in seen:
            raise OutputError.at(None, "output", f"two outputs would both be written to {target}",
                                "build the audiences into separate folders, or name the outputs apart")
        seen.add(resolved)


def _identity(path: Path) -> tuple[int, int] | None:
    """The device and inode of the file at ``path`` (after links), or None if there is none."""
    try:
        status = os.stat(path)
    except (OSError, ValueError):
        return None
    return status.st_dev, status.st_ino


def _make_folders(folders: set[Path]) -> list[Path]:
    """Create missing folders; return the ones created, deepest first, to remove on failure."""
    created: list[Path] = []
    for folder in folders:
        missing = [parent for parent in (folder, *folder.parents) if not parent.exists()]
        folder.mkdir(parents=True, exist_ok=True)
        created.extend(missing)
    return sorted(set(created), key=lambda path: len(path.parts), reverse=True)


def _stage(path: Path, data: bytes) -> Path:
    with open(path, "wb") as stream:
        stream.write(data)
        stream.flush()
        os.fsync(stream.fileno())
    os.chmod(path, 0o644)
    return path


def _keep_aside(target: Path, aside: Path) -> Path | None:
    """Keep the file at ``target`` (if any) at ``aside`` without moving it: the old file stays readable."""
    if not target.exists():
        return None
    try:
        os.link(target, aside)
    except OSError:
        shutil.copy2(target, aside)
    return aside


def _put_back(placed: list[tuple[Path, Path | None]]) -> None:
    for target, previous in reversed(placed):
        if previous is not None:
            os.replace(previous, target)
        else:
            target.unlink(missing_ok=True)


def _remove_staging(folders: Iterable[Path]) -> None:
    for folder in folders:
        shutil.rmtree(folder, ignore_errors=True)


def _remove_if_empty(folders: list[Path]) -> None:
    for folder in folders:
        try:
            folder.rmdir()
        except OSError:
            pass
