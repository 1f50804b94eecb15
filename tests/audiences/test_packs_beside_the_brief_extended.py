"""A pack beside the brief that a pack of the same name in --templates extends is used, and never called unused."""

from __future__ import annotations

import shutil
from pathlib import Path

from briefbuilder.pipeline import check_brief

from packdata import REPO

CHINA = REPO / "tests" / "userbriefs" / "china-repatriation"


def test_a_pack_beside_the_brief_extended_by_its_namesake_in_templates_is_no_warning(tmp_path: Path) -> None:
    """--templates/my-un-upr extends my-un-upr: the one beside the brief, further down the path, is its parent."""
    china = Path(shutil.copytree(CHINA, tmp_path / "china"))
    override = tmp_path / "mine" / "my-un-upr"
    override.mkdir(parents=True)
    (override / "pack.yaml").write_text("interface: 1\nextends: my-un-upr\ndescription: {en: Mine}\n",
                                        encoding="utf-8")
    findings = check_brief(china, languages="en", template_dirs=[tmp_path / "mine"])
    assert not [f for f in findings if f.rule == "packs.unused-beside-brief"], [str(f) for f in findings]
