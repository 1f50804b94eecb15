"""Write files all at once or not at all, and never over an input.

A build writes many files. :func:`write_all` stages every one of them in a
folder beside its destination, then moves them into place; if any step fails,
every file already moved is put back as it was, so a failed build leaves
neither a new file nor a changed one behind.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Collection, Iterable, Mapping, Sequence
from pathlib import Path

from ..errors import Location, OutputError

STAGING_PREFIX = ".briefbuilder-"


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
    created = _make_folders({target.parent for target in targets})
    staging: dict[Path, Path] = {}
    placed: list[tuple[Path, Path | None, bool]] = []  # (target, its previous version kept aside, new file in place)
    try:
        for parent in dict.fromkeys(target.parent for target in targets):
            staging[parent] = Path(tempfile.mkdtemp(dir=parent, prefix=STAGING_PREFIX))
        staged = [_stage(staging[target.parent] / f"{index}.new", data)
                  for index, (target, (_, data)) in enumerate(zip(targets, files))]
        for index, (target, new) in enumerate(zip(targets, staged)):
            previous = _keep_aside(target, staging[target.parent] / f"{index}.old")
            placed.append((target, previous, False))
            os.replace(new, target)
            placed[-1] = (target, previous, True)
    except BaseException:
        _put_back(placed)
        _remove_staging(staging.values())
        _remove_if_empty(created)
        raise
    _remove_staging(staging.values())


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


def _put_back(placed: list[tuple[Path, Path | None, bool]]) -> None:
    for target, previous, in_place in reversed(placed):
        if previous is not None:
            os.replace(previous, target)
        elif in_place:
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
