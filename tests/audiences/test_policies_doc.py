"""docs/audiences.md states each built-in pack's policies in a table generated from the manifests."""

from __future__ import annotations

import re
import subprocess
import sys

from briefbuilder.load.pack import available_packs, load_pack
from briefbuilder.render.pack_policies import policies_markdown

from packdata import REPO

REGION = re.compile(r"<!-- packs: .*? -->\n(.*?)<!-- end packs -->", re.S)


def _documented() -> str:
    region = REGION.search((REPO / "docs" / "audiences.md").read_text(encoding="utf-8"))
    assert region is not None, "docs/audiences.md lost its generated pack table"
    return region.group(1)


def test_docs_pack_table_is_the_generated_one() -> None:
    """Run scripts/update-audiences-doc after changing a pack's manifest."""
    assert _documented() == policies_markdown(load_pack(name) for name in available_packs())


def test_the_table_states_each_policy_a_build_can_fail_on() -> None:
    rows = {line.split(" | ")[0].strip("| `"): line for line in _documented().splitlines()[2:]}
    assert set(rows) == set(available_packs())
    assert "`verified`" in rows["gov-briefing"] and "`reported`" in rows["general"]  # minimum status
    assert "1,000 (en), 700 (ko)" in rows["gov-briefing"] and "2,815; joint: 5,630" in rows["un-upr"]
    assert "`submission.cycle`" in rows["un-upr"] and "a case's six elements" in rows["un-wgeid"]
    assert "endnotes" in rows["un-upr"] and "en, ko, fr" in rows["un-treaty-body"]


def test_update_script_writes_the_table(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The script rewrites only the region; run on a copy whose table is stale, it restores the current one."""
    repository = tmp_path / "repo"
    (repository / "docs").mkdir(parents=True)
    (repository / "scripts").mkdir()
    doc = (REPO / "docs" / "audiences.md").read_text(encoding="utf-8")
    (repository / "docs" / "audiences.md").write_text(REGION.sub(
        "<!-- packs: stale -->\n| old |\n<!-- end packs -->", doc), encoding="utf-8")
    script = (REPO / "scripts" / "update-audiences-doc").read_text(encoding="utf-8")
    (repository / "scripts" / "update-audiences-doc").write_text(script, encoding="utf-8")
    subprocess.run([sys.executable, str(repository / "scripts" / "update-audiences-doc")], check=True,
                   env={"PYTHONPATH": str(REPO)})
    written = (repository / "docs" / "audiences.md").read_text(encoding="utf-8")
    assert written == doc.replace(REGION.search(doc).group(0).split("\n", 1)[0], "<!-- packs: stale -->")  # type: ignore[union-attr]
