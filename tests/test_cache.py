"""The cache between runs (briefbuilder/cache.py) changes how fast a build starts, never what it writes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from testdata import EXAMPLE, REPO

KINDS = {"templates", "messages", "template-messages", "reference-docx", "catalog"}


def build(out: Path, cache: Path | str, *extra: str, audience: str = "un-upr") -> dict[str, bytes]:
    """Run the command as a user does, in a fresh process, and return what it wrote."""
    environment = {**os.environ, "BRIEFBUILDER_CACHE_DIR": str(cache), "PYTHONPATH": str(REPO)}
    subprocess.run([sys.executable, "-m", "briefbuilder", "build", str(EXAMPLE), "--lang", "ko,en",
                    "--format", "md,docx", "--audience", audience, "--quiet", "-o", str(out), *extra],
                   check=True, capture_output=True, env=environment, timeout=120)
    return {path.name: path.read_bytes() for path in sorted(out.iterdir())}


def entries(cache: Path) -> dict[Path, int]:
    return {path: path.stat().st_mtime_ns for path in cache.rglob("*") if path.is_file()}


def test_a_warm_cache_writes_the_same_files_as_no_cache(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    uncached = build(tmp_path / "off", "", audience="all")  # every pack: five house styles, two locales
    first = build(tmp_path / "first", cache, audience="all")
    made = entries(cache)
    assert {path.parent.name for path in made} == KINDS
    second = build(tmp_path / "second", cache, audience="all")
    assert entries(cache) == made  # read, not made again
    assert first == second == uncached


def test_damaged_entries_are_made_again(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    expected = build(tmp_path / "first", cache)
    for path in entries(cache):
        path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 3] + b"\x00garbage")
    assert build(tmp_path / "second", cache) == expected


def test_an_edited_template_is_compiled_again(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    templates = tmp_path / "packs"
    shutil.copytree(REPO / "templates" / "un-upr", templates / "un-upr")
    template = templates / "un-upr" / "submission.md.j2"
    build(tmp_path / "first", cache, "--templates", str(templates))
    template.write_text(template.read_text(encoding="utf-8").replace(
        "{% block body %}", "{% block body %}\nEDITED-BETWEEN-RUNS\n", 1), encoding="utf-8")
    second = build(tmp_path / "second", cache, "--templates", str(templates))
    assert b"EDITED-BETWEEN-RUNS" in second["enforced-disappearances.un-upr.en.md"]


def test_a_folder_others_can_write_to_is_not_used(tmp_path: Path) -> None:
    cache = tmp_path / "shared"
    cache.mkdir()
    cache.chmod(0o777)  # anyone could plant a pickled or compiled entry here
    expected = build(tmp_path / "off", "")
    assert build(tmp_path / "out", cache) == expected
    assert not entries(cache)


def test_a_cache_that_cannot_be_made_does_not_stop_a_build(tmp_path: Path) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    assert build(tmp_path / "out", blocked / "cache") == build(tmp_path / "off", "")


def test_a_folder_made_shared_after_use_is_no_longer_used(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    build(tmp_path / "first", cache)
    made = entries(cache)
    cache.chmod(0o777)  # its entries could now be swapped by anyone
    build(tmp_path / "second", cache, audience="gov-briefing")  # another house style: a new entry if used
    assert entries(cache) == made


def _huge(path: Path) -> None:
    with path.open("wb") as entry:
        entry.truncate(3_000_000_000)  # sparse: takes no disk, would take 3 GB of memory to read


def test_an_entry_that_is_a_pipe_a_link_or_huge_is_ignored_and_replaced(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    expected = build(tmp_path / "first", cache)
    names = list(entries(cache))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    for path in names:
        shutil.copy(path, elsewhere / path.name)  # a link to a valid entry is still not followed
    replacements: dict[str, Callable[[Path], None]] = {
        "pipe": os.mkfifo,  # reading one would wait for a writer for ever
        "link": lambda path: path.symlink_to(elsewhere / path.name),
        "huge": _huge,
    }
    for kind, make in replacements.items():
        for path in names:
            path.unlink()
            make(path)
        assert build(tmp_path / kind, cache) == expected, kind  # in time: build() has a timeout
        assert all(path.is_file() and not path.is_symlink() and path.stat().st_size < 1_000_000
                   for path in names), kind  # each made again, as a file


def test_nothing_is_made_under_a_folder_others_can_write_to(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)  # not sticky: anyone could rename a folder made here and put their own in its place
    expected = build(tmp_path / "off", "")
    assert build(tmp_path / "out", shared / "user" / "cache") == expected
    assert list(shared.iterdir()) == []
