"""A catalog.yaml beside a brief confirms or replaces a bundled fact with the user's own source."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from testdata import MINIMAL_BRIEF

from briefbuilder.load.catalog import catalog_for_brief, load_catalog
from briefbuilder.errors import BriefError
from briefbuilder.pipeline import ChecksFailed, build, render_brief

# The ICPPED's UNTS volume is unconfirmed in the bundled catalog (2716 and 2715 were both seen).
CITING_ICPPED = """
  - id: law
    heading: {en: Law, ko: 법}
    text:
      en: "Disappearance is prohibited.[[law:icpped|1]]"
      ko: "실종은 금지됩니다.[[law:icpped|1]]"
"""
ARTICLE_1 = """\
articles:
  icpped:
    "1":
      heading:
        en: {text: Prohibition of enforced disappearance, confidence: confirmed, source: ICPPED text}
        ko: {text: 강제실종의 금지, confidence: confirmed, source: ICPPED 국문본}
"""
CONFIRMATION = """\
treaties:
  icpped:
    replaces: true
    unts: {volume: 2716, page: 3, confidence: confirmed, source: "UNTS vol. 2716, I-48088 (our check, 2026-11-20)"}
"""


@pytest.fixture
def icpped_brief(make_brief: Callable[..., Path]) -> Callable[[str], Path]:
    def write(catalog: str) -> Path:
        path = make_brief(MINIMAL_BRIEF.rstrip("\n") + CITING_ICPPED)
        (path.parent / "catalog.yaml").write_text(catalog, encoding="utf-8")
        return path

    return write


def test_confirming_a_bundled_fact_lets_a_verified_only_audience_cite_it(icpped_brief: Callable[[str], Path]) -> None:
    refused = icpped_brief(ARTICLE_1)
    with pytest.raises(BriefError) as caught:
        render_brief(refused, "en", audience="un-treaty-body")
    [problem] = caught.value.problems
    assert problem.location is not None and problem.location.file == str(refused)  # the user's file, not the package
    assert "catalog.yaml" in problem.hint and "replaces: true" in problem.hint
    confirmed = icpped_brief(ARTICLE_1 + CONFIRMATION)
    markdown = render_brief(confirmed, "en", audience="un-treaty-body").markdown
    assert "United Nations, *Treaty Series*, vol. 2716, p. 3, art. 1." in markdown


def test_a_correction_replaces_only_the_facts_it_gives_and_keeps_its_source(tmp_path: Path) -> None:
    (tmp_path / "catalog.yaml").write_text(CONFIRMATION, encoding="utf-8")
    bundled, corrected = load_catalog().treaty("icpped"), catalog_for_brief(tmp_path).treaty("icpped")
    assert corrected.unts is not None and corrected.unts.is_confirmed
    assert corrected.unts.source.startswith("UNTS vol. 2716") and corrected.unts.where().file == str(tmp_path / "catalog.yaml")
    assert corrected.titles == bundled.titles and corrected.adopted == bundled.adopted
    assert bundled.unts is not None and not bundled.unts.is_confirmed  # the shared bundled catalog is untouched


@pytest.mark.parametrize(("catalog", "line", "says"), [
    ("treaties:\n  icped:\n    replaces: true\n    unts: {volume: 1, page: 1, confidence: confirmed, source: x}\n",
     3, "did you mean 'icpped'"),
    ("treaties:\n  icpped:\n    replaces: true\n    unts: {volume: 1, page: 1, confidence: sure, source: x}\n",
     4, "confidence"),
    ("treaties:\n  cat:\n    title:\n      en: {text: CAT, confidence: confirmed, source: x}\n    adopted: {date: 1984-12-10, confidence: confirmed, source: x}\n",
     3, "replaces: true"),
])
def test_a_bad_correction_is_located_in_the_users_file(tmp_path: Path, catalog: str, line: int, says: str) -> None:
    path = tmp_path / "catalog.yaml"
    path.write_text(catalog, encoding="utf-8")
    with pytest.raises(BriefError) as caught:
        catalog_for_brief(tmp_path)
    [problem] = caught.value.problems
    assert problem.location is not None and (problem.location.file, problem.location.line) == (str(path), line)
    assert says in str(problem)


def test_cat_article_3_is_cited_in_a_upr_submission_from_the_bundled_catalog(make_brief: Callable[..., Path],
                                                                          tmp_path: Path) -> None:
    """Re-examined: CAT's adoption (10 December 1984) is confirmed, so a verified-only pack may cite art. 3."""
    brief = make_brief(MINIMAL_BRIEF.rstrip("\n") + CITING_ICPPED.replace("icpped|1", "cat|3(1)"))
    try:
        build(brief, tmp_path / "out", audiences=["un-upr"], languages=["en"])
    except ChecksFailed as failed:  # the minimal brief lacks what un-upr requires; no finding may be about CAT
        assert not [f for f in failed.findings if "cat" in f.message.lower() and "catalog" in f.message], failed
    markdown = render_brief(brief, "en", audience="un-upr").markdown
    assert "(10 December 1984), United Nations, *Treaty Series*, vol. 1465, p. 85, art. 3 (1)." in markdown


@pytest.mark.parametrize(("language", "row"), [
    ("en", "| ICPPED | Treaty Series reference | vol. 2716, p. 3 | UNTS vol. 2716, I-48088 (our check, 2026-11-20) | confirmed |"),
    ("ko", "| 강제실종방지협약 | 유엔 조약집(UNTS) 수록 | 제2716권 3쪽 | UNTS vol. 2716, I-48088 (our check, 2026-11-20) | 확인됨 |"),
])
def test_the_evidence_annex_shows_a_correction_with_the_users_source(icpped_brief: Callable[[str], Path],
                                                                     language: str, row: str) -> None:
    brief = icpped_brief(ARTICLE_1 + CONFIRMATION)
    markdown = render_brief(brief, language, audience="un-treaty-body").markdown
    annex = markdown[markdown.index("\n## "):]
    assert row.replace("ICPPED", _short_en()) in annex
    plain = render_brief(icpped_brief(ARTICLE_1), language, audience="general").markdown
    assert "catalog.yaml)" not in plain  # nothing listed when the brief corrects nothing


def _short_en() -> str:
    return load_catalog().treaty("icpped").short("en")
