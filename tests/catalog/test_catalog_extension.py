"""A user's catalog.yaml extends the catalog and is validated exactly like the bundled data."""

from __future__ import annotations

from pathlib import Path

import pytest
from testdata import REPO

from briefbuilder.load.catalog import catalog_for_brief, load_catalog
from briefbuilder.errors import BriefError, Location, Problem

TREATY = """\
treaties:
  echr:
    title:
      en: {text: Convention for the Protection of Human Rights and Fundamental Freedoms, confidence: confirmed, source: Council of Europe}
    short:
      en: {text: European Convention on Human Rights, confidence: confirmed, source: Council of Europe}
    adopted: {date: 1950-11-04, confidence: confirmed, source: Council of Europe}
    status_url: https://www.coe.int/en/web/conventions/full-list?module=treaty-detail&treatynum=005
    articles:
      "3":
        text:
          en: {text: No one shall be subjected to torture or to inhuman or degrading treatment or punishment., confidence: confirmed, source: Council of Europe}
states:
  FR:
    names:
      en: {un: {text: France, confidence: unconfirmed, source: test}}
status:
  FR:
    echr: {action: ratification, date: 1974-05-03, confidence: confirmed, source: Council of Europe treaty office}
"""


def write(tmp_path: Path, text: str, name: str = "catalog.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def only_problem(text: str, tmp_path: Path) -> Problem:
    path = write(tmp_path, text)
    with pytest.raises(BriefError) as caught:
        load_catalog([path])
    [problem] = caught.value.problems
    assert problem.location is not None and problem.location.file == str(path)
    return problem


def test_user_treaty_state_and_status_are_loaded(tmp_path: Path) -> None:
    write(tmp_path, TREATY)
    catalog = catalog_for_brief(tmp_path)
    treaty = catalog.treaty("echr")
    assert treaty.short("en") == "European Convention on Human Rights"
    assert treaty.status_page is not None and treaty.status_page.startswith("https://www.coe.int/")
    assert treaty.article("art. 3").text("en") is not None
    status = catalog.status("fr", "echr")
    assert status is not None and status.is_party and status.source == "Council of Europe treaty office"
    assert status.where() is not None and status.where().line == 19
    assert "iccpr" in catalog.treaties  # the bundled catalog is still there


def test_the_documented_extension_loads(tmp_path: Path) -> None:
    """docs/legal.md shows a catalog.yaml; a user copying it must get a working catalog."""
    documented = (REPO / "docs" / "legal.md").read_text(encoding="utf-8").split("```yaml\n")[-1].split("```")[0]
    write(tmp_path, documented)
    catalog = catalog_for_brief(tmp_path)
    status = catalog.status("FR", "echr")
    assert status is not None and status.is_party and status.date is not None and status.date.year == 1974


def test_user_article_extends_a_bundled_treaty_without_touching_the_bundle(tmp_path: Path) -> None:
    path = write(tmp_path, "articles:\n  refugee-convention-1951:\n    \"31(1)\":\n"
                           "      heading: {en: {text: Refugees unlawfully in the country of refuge, confidence: unconfirmed, source: test}}\n")
    extended = load_catalog([path])
    assert extended.treaty("refugee-convention-1951").article("31(1)").heading("en") is not None
    assert "31(1)" not in load_catalog().treaty("refugee-convention-1951").articles


def test_no_catalog_beside_the_brief_means_the_bundled_one(tmp_path: Path) -> None:
    assert catalog_for_brief(tmp_path) is load_catalog()


def test_malformed_date_is_located(tmp_path: Path) -> None:
    problem = only_problem("status:\n  KP:\n    cat: {action: accession,\n          date: 4 January 2023,\n"
                           "          confidence: confirmed, source: test, replaces: true}\n", tmp_path)
    assert problem.field == "status.KP.cat.date" and "YYYY-MM-DD" in problem.message
    assert problem.location is not None and problem.location.line == 4


def test_impossible_date_is_located(tmp_path: Path) -> None:
    only_problem("status:\n  KP:\n    cat: {action: accession, date: 2023-13-01, confidence: confirmed, source: t}\n", tmp_path)


def test_unknown_state_in_a_status_is_located(tmp_path: Path) -> None:
    problem = only_problem("status:\n  KP: {}\n  XX:\n    iccpr: {action: none, confidence: confirmed, source: t}\n",
                           tmp_path)
    assert "unknown state 'XX'" in problem.message and "states:" in problem.hint
    assert problem.location is not None and problem.location.line == 4


def test_unknown_treaty_in_a_status_is_located(tmp_path: Path) -> None:
    problem = only_problem("status:\n  KP:\n    icpr: {action: none, confidence: confirmed, source: t}\n", tmp_path)
    assert "unknown treaty 'icpr'" in problem.message and "did you mean 'iccpr'?" in problem.hint
    assert problem.location is not None and problem.location.line == 3


def test_article_without_heading_or_text_is_located(tmp_path: Path) -> None:
    problem = only_problem("articles:\n  iccpr:\n    \"7\": {}\n", tmp_path)
    assert "heading" in problem.message and problem.location is not None and problem.location.line == 3


def test_article_ref_must_be_canonical(tmp_path: Path) -> None:
    problem = only_problem("articles:\n  iccpr:\n    art 7: {text: {en: {text: t, confidence: unconfirmed, source: t}}}\n",
                           tmp_path)
    assert "'7'" in problem.message and problem.location is not None and problem.location.line == 3


def test_article_the_catalog_does_not_list() -> None:
    where = Location("brief.yaml", 12)
    with pytest.raises(BriefError) as caught:
        load_catalog().treaty("refugee-convention-1951").article("art 33(2)", location=where, field="sections[0].article")
    [problem] = caught.value.problems
    assert problem.location == where and problem.field == "sections[0].article"
    assert "33(2)" in problem.message and "1A(2), 33, 33(1)" in problem.hint


def test_missing_confidence_and_source_are_located(tmp_path: Path) -> None:
    path = write(tmp_path, "status:\n  KP:\n    cat: {action: accession, date: 2023-01-04}\n")
    with pytest.raises(BriefError) as caught:
        load_catalog([path])
    assert {(p.field, p.location.line if p.location else 0) for p in caught.value.problems} == {
        ("status.KP.cat.confidence", 3), ("status.KP.cat.source", 3)}


def test_bundled_status_cannot_be_redefined_silently(tmp_path: Path) -> None:
    problem = only_problem("status:\n  KP:\n    refugee-convention-1951: {action: accession, date: 2020-01-01, "
                           "confidence: confirmed, source: a blog}\n", tmp_path)
    assert "already gives KP's status" in problem.message and "replaces: true" in problem.hint
    assert "status.yaml:" in problem.message  # where the bundled fact is


def test_status_date_before_the_treaty_is_caught(tmp_path: Path) -> None:
    problem = only_problem("status:\n  KP:\n    icpped: {action: accession, date: 1906-01-01, confidence: confirmed, "
                           "source: t, replaces: true}\n", tmp_path)
    assert "before the treaty was adopted" in problem.message and problem.location.line == 3


def test_weak_fact_cannot_be_confirmed(tmp_path: Path) -> None:
    problem = only_problem("status:\n  KP:\n    cat: {action: none, source: t, replaces: true,\n"
                           "          confidence: {level: confirmed, qualifier: weak}}\n", tmp_path)
    assert "unconfirmed" in problem.message and problem.location.line == 4
