"""A per-user cache of work that depends only on files: compiled messages and templates, reference documents.

A build from a cold start used to spend about 0.1 s redoing, every time,
work whose inputs had not changed: compiling .po catalogs, compiling Jinja
templates, building the house style's reference .docx, reading and
validating the bundled treaty catalog. Each result is kept here, keyed by a
digest of everything it is made from, so a stale entry is never found:

- the entry's key hashes its inputs (file bytes, settings);
- the folder holding the entries is named after the running code (Python's
  version, and the path, size and time of every module of the package), so
  an upgrade or an edited module starts a fresh folder.

The cache is a convenience, never a source of truth: any error reading or
writing it is ignored and the work is done again. Because entries can hold
pickled objects and Jinja bytecode, a folder is used only if it belongs to
the current user and nobody else can write to it (as Jinja2's own bytecode
cache requires). ``BRIEFBUILDER_CACHE_DIR`` moves the cache; set it to an
empty string to turn it off.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import stat
import sys
import tempfile
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

ENVIRONMENT_VARIABLE = "BRIEFBUILDER_CACHE_DIR"
_PACKAGE = Path(__file__).resolve().parent


def digest(*parts: bytes | str) -> str:
    """A key for ``parts``: each part is length-prefixed, so ("ab", "c") and ("a", "bc") differ."""
    hasher = hashlib.blake2b(digest_size=20)
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "little"))
        hasher.update(data)
    return hasher.hexdigest()


def file_digest(paths: Iterable[Path]) -> str:
    """A key for the bytes and names of ``paths``."""
    parts: list[bytes | str] = []
    for path in paths:
        parts += [str(path), Path(path).read_bytes()]
    return digest(*parts)


def remembered_bytes(kind: str, key: str, make: Callable[[], bytes]) -> bytes:
    """The bytes ``make()`` gives for ``key``: from the cache, or made now and kept."""
    return _remembered(kind, key, make, bytes, bytes)


def remembered_object(kind: str, key: str, make: Callable[[], T]) -> T:
    """As :func:`remembered_bytes`, for a picklable object (the cache folder is private to the user)."""
    return _remembered(kind, key, make, lambda value: pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL),
                       pickle.loads)


def _remembered(kind: str, key: str, make: Callable[[], T], encode: Callable[[T], bytes],
                decode: Callable[[bytes], T]) -> T:
    folder = cache_folder(kind)
    if folder is None:
        return make()
    kept = _read(folder / key)
    if kept is not None:
        try:
            return decode(kept)
        except Exception:  # noqa: BLE001 - written by other code of the same fingerprint: make it again
            pass
    value = make()
    try:
        _store(folder / key, encode(value))
    except (pickle.PicklingError, TypeError, AttributeError):  # an object that cannot be kept is only not kept
        pass
    return value


def cache_folder(kind: str) -> Path | None:
    """The folder for entries of ``kind`` (created on first use), or None when caching is off or unsafe."""
    root = _code_folder()
    if root is None:
        return None
    folder = root / kind
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
    except OSError:
        return None
    return folder if _private(folder) else None


@lru_cache(maxsize=1)
def _code_folder() -> Path | None:
    """``<cache>/<code fingerprint>``; making one removes all but the newest few of the others."""
    base = _base_folder()
    if base is None or not _safe_to_make(base):
        return None
    folder = base / _code_fingerprint()
    try:
        folder.mkdir(mode=0o700)
        made = True
    except FileExistsError:
        made = False
    except OSError:
        return None
    if not (_private(base) and _private(folder)):
        return None
    if made:
        _prune(base, keep=folder)
    return folder


KEPT_CODE_FOLDERS = 4
"""Folders of other code kept: two installed versions used in turn do not evict each other."""


def _prune(base: Path, keep: Path) -> None:
    """Remove the folders of code not run lately: their entries can only be found by that code."""
    try:
        others = [folder for folder in base.iterdir()
                  if folder != keep and folder.is_dir() and not folder.is_symlink()]
        others.sort(key=lambda folder: folder.stat().st_mtime, reverse=True)
    except OSError:
        return
    for old in others[KEPT_CODE_FOLDERS:]:
        shutil.rmtree(old, ignore_errors=True)


def _base_folder() -> Path | None:
    configured = os.environ.get(ENVIRONMENT_VARIABLE)
    if configured is not None:
        return Path(configured) if configured else None
    xdg = os.environ.get("XDG_CACHE_HOME")
    home = Path(xdg) if xdg else Path.home() / ".cache"
    return home / "briefbuilder"


def _code_fingerprint() -> str:
    """Names the running code: Python, and the path, size and time of every module of the package."""
    parts: list[str] = [sys.version, str(_PACKAGE)]
    for directory, folders, files in sorted(os.walk(_PACKAGE)):
        folders[:] = sorted(name for name in folders if name != "__pycache__")
        for name in sorted(files):
            if name.endswith(".py"):
                info = os.stat(os.path.join(directory, name))
                parts.append(f"{directory}/{name}:{info.st_size}:{info.st_mtime_ns}")
    return digest(*parts)[:16]


def _safe_to_make(base: Path) -> bool:
    """Judge ``base`` before anything is made: it is private, or is made private where no one else can swap it.

    The nearest folder that exists must be the user's (or the system's) and
    writable by no one else, unless it is a sticky shared folder such as /tmp,
    where no one can rename what the user makes. Missing folders are then made, user-only.
    """
    missing = []
    existing = base
    while not os.path.lexists(existing):
        missing.append(existing)
        if existing.parent == existing:
            return False
        existing = existing.parent
    if not missing:
        return _private(base)
    try:
        info = existing.lstat()
    except OSError:
        return False
    owner = not hasattr(os, "getuid") or info.st_uid in (os.getuid(), 0)
    shared = info.st_mode & (stat.S_IWGRP | stat.S_IWOTH) and not info.st_mode & stat.S_ISVTX
    if not (stat.S_ISDIR(info.st_mode) and owner and not shared):
        return False
    try:
        for folder in reversed(missing):
            folder.mkdir(mode=0o700)
    except OSError:
        return False
    return _private(base)


def _private(folder: Path) -> bool:
    """True when ``folder`` is a real folder of the current user that no one else can write to."""
    try:
        info = folder.lstat()
    except OSError:
        return False
    owned = not hasattr(os, "getuid") or info.st_uid == os.getuid()
    return stat.S_ISDIR(info.st_mode) and owned and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


_CHECK_SIZE = 16
MAX_ENTRY_BYTES = 64_000_000  # the largest entry read: a house style's reference .docx is well under 1 MB


def entry_bytes(entry: Path | str) -> bytes | None:
    """The bytes of the regular file ``entry``: None for a link, a pipe, a device, a folder, or one too large.

    Opened without following a link and without waiting (a pipe would block
    the build), then judged by what was opened, so it cannot be swapped between.
    """
    try:
        handle = os.open(entry, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_ENTRY_BYTES:
            return None
        with os.fdopen(os.dup(handle), "rb") as stream:
            return stream.read(MAX_ENTRY_BYTES + 1)[:MAX_ENTRY_BYTES]
    except OSError:
        return None
    finally:
        os.close(handle)


def _read(entry: Path) -> bytes | None:
    """The data kept in ``entry``, or None when it is missing, cut short, damaged (its checksum differs) or not a file."""
    kept = entry_bytes(entry)
    if kept is None:
        return None
    check, data = kept[:_CHECK_SIZE], kept[_CHECK_SIZE:]
    return data if check == hashlib.blake2b(data, digest_size=_CHECK_SIZE).digest() else None


def _store(entry: Path, data: bytes) -> None:
    """Write ``data`` and its checksum to ``entry`` whole or not at all; a full disk or read-only cache is not an error."""
    try:
        handle, temporary = tempfile.mkstemp(dir=entry.parent, prefix=".tmp-")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(hashlib.blake2b(data, digest_size=_CHECK_SIZE).digest())
                out.write(data)
            os.replace(temporary, entry)
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError:
        pass
