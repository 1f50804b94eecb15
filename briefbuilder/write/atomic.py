"""Write a file all at once or not at all, and never over an input."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Collection
from pathlib import Path

from ..errors import BriefError


def write_atomic(path: Path, data: bytes, *, inputs: Collection[Path] = ()) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it into place.

    A reader (or a crash) never sees a half-written file, and an output that
    would land on one of ``inputs`` is refused rather than destroying it.
    """
    path = Path(path)
    target = path.resolve()
    if any(target == Path(source).resolve() for source in inputs):
        raise BriefError.at(None, "output", f"{path} is an input file; refusing to overwrite it",
                            "choose another output folder with -o")
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
