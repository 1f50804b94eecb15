"""Files read on a folder's behalf stay inside that folder, after every symlink.

A template pack or a brief folder may come from someone else. A symlink in it
(``header.md.j2 -> /etc/passwd``) or a name with ``..`` must not let it read
files elsewhere on the disk into a document, so every template, include,
manifest, locale, reference .docx and catalog file is resolved here and
refused, with its location, when it leaves its root or is not a regular file.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ..errors import BriefError, Location


def is_inside(root: Path | str, path: Path | str) -> bool:
    """Whether ``path`` lies in ``root`` once both are fully resolved (symlinks followed)."""
    real_root = os.path.realpath(root)
    real = os.path.realpath(path)
    return real == real_root or real.startswith(real_root.rstrip(os.sep) + os.sep)


def confined_file(root: Path | str, path: Path | str, *, what: str, field: str = "", must_exist: bool = True) -> Path:
    """``path`` resolved, when it is a regular file inside ``root``; a located error otherwise.

    Callers that only check keep naming ``path`` as the user wrote it in messages.

    Without ``must_exist`` a missing file passes (whoever opens it reports it), a link out does not.
    """
    if not is_inside(root, path):
        raise BriefError.at(Location(str(path), 1), field,
                            f"the {what} leads outside its folder {root} (through a symlink or '..')",
                            "copy the file into the folder instead of linking to it")
    real = Path(os.path.realpath(path))
    try:
        mode = real.stat().st_mode
    except OSError:
        if not must_exist:
            return real
        raise BriefError.at(Location(str(path), 1), field, f"the {what} cannot be read", "check the path") from None
    if not stat.S_ISREG(mode):
        raise BriefError.at(Location(str(path), 1), field, f"the {what} is not a regular file",
                            "replace it with an ordinary file")
    return real
