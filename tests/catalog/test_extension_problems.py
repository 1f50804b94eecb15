"""What a user sees when a catalog.yaml is wrong: every problem at once, each with file, line, field and fix.

And what a right one changes: its entries keep the keys they were written under, so a later error
about them (a missing language) still names the field to fix.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefbuilder.errors import BriefError, Problem
from briefbuilder.load.catalog import catalog_for_brief, load_catalog

FACT = "confidence: unconfirmed, source: test"


def extension(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "catalog.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def problems(tmp_path: Path, text: str) -> list[Problem]:
    path = extension(tmp_path, text)
    with pytest.raises(BriefError) as caught:
        load_catalog([path])
    assert all(p.location is not None and p.location.file == str(path) for p in caught.value.problems)
    return list(caught.value.problems)


def seen(problem: Problem) -> tuple[int, str, str, str]:
    assert problem.location is not None
    return problem.location.line, problem.field, problem.message, problem.hint


def test_a_file_that_is_not_a_mapping_says_how_a_catalog_file_starts(tmp_path: Path) -> None:
    [problem] = problems(tmp_path, "- iccpr\n- cat\n")
    assert (problem.message, problem.hint) == (
        "a catalog file must be a mapping", "start with 'treaties:', 'articles:', 'states:' or 'status:'")


def test_every_bad_entry_of_an_extension_is_reported_in_one_run(tmp_path: Path) -> None:
    """Names, corrections and new entries are read apart; a problem in one must not hide another."""
    found = problems(tmp_path, """\
states:
  KP:
    names:
      es: {un: {text: Corea del Norte, source: ours}}
  KR:
    names:
      es: {un: {text: Corea del Sur, source: ours}}
treaties:
  iccpr:
    title:
      es: {text: Pacto, source: ours}
  cat:
    replaces: true
    unts: {volume: 1, page: 1, confidence: sure, source: x}
  icpped:
    replaces: true
    unts: {volume: 1, page: 1, confidence: sure, source: x}
  echr:
    title:
      en: {text: European Convention on Human Rights, source: x}
""")
    assert sorted({p.location.line for p in found if p.location}) == [4, 7, 11, 14, 17, 19, 20]


def test_a_bundled_treaty_written_again_points_at_the_bundled_one_and_says_how_to_correct_it(tmp_path: Path) -> None:
    [problem] = problems(tmp_path, f"""\
treaties:
  cat:
    title:
      en: {{text: Convention against Torture, {FACT}}}
    adopted: {{date: 1984-12-10, {FACT}}}
""")
    assert seen(problem) == (
        3, "treaties.cat", f"the treaty 'cat' is already in the catalog ({load_catalog().treaty('cat').where()})",
        "give the new treaty another id; to add articles to it use 'articles:'; to correct a fact of it, "
        "add 'replaces: true' and give only that fact, with your source")


def test_an_article_the_catalog_has_names_its_treaty_and_where_it_is(tmp_path: Path) -> None:
    [problem] = problems(tmp_path, f"articles:\n  iccpr:\n    \"12(2)\":\n      heading: {{en: {{text: Liberty of movement, {FACT}}}}}\n")
    first = load_catalog().treaty("iccpr").articles["12(2)"].where()
    assert seen(problem) == (4, "articles.iccpr.12(2)", f"article 12(2) of iccpr is already in the catalog ({first})",
                             "give each article once")


def test_articles_of_an_unknown_treaty_name_the_treaty_field(tmp_path: Path) -> None:
    [problem] = problems(tmp_path, f"articles:\n  icpr:\n    \"7\":\n      heading: {{en: {{text: Torture, {FACT}}}}}\n")
    assert seen(problem) == (3, "articles.icpr", "unknown treaty 'icpr'", "did you mean 'iccpr'?")


def test_every_bad_status_row_is_reported_with_its_field_and_fix(tmp_path: Path) -> None:
    found = problems(tmp_path, f"""\
status:
  XK:
    iccpr: {{action: none, {FACT}}}
  KP:
    icpr: {{action: none, {FACT}}}
    icpped:
      action: accession
      date: 1906-01-01
      replaces: true
      {FACT.replace(', ', chr(10) + '      ')}
    refugee-convention-1951: {{action: accession, date: 2020-01-01, {FACT}}}
""")
    refugees = load_catalog().status("KP", "refugee-convention-1951")
    assert refugees is not None
    assert [seen(p) for p in found] == [
        (3, "status.XK", "unknown state 'XK'", "known: CN, JP, KP, KR, LA, MN, RU, TH, US, VN; or define it under 'states:'"),
        (5, "status.KP.icpr", "unknown treaty 'icpr'", "did you mean 'iccpr'?; or define it under 'treaties:'"),
        (8, "status.KP.icpped.date", "1906-01-01 is before the treaty was adopted (2006-12-20)", "check the year"),
        (12, "status.KP.refugee-convention-1951",
         f"the catalog already gives KP's status under refugee-convention-1951 ({refugees.where()})",
         "to record a newer status, add 'replaces: true' with its source"),
    ]


def test_a_state_can_sign_on_the_day_a_treaty_is_adopted(tmp_path: Path) -> None:
    catalog = load_catalog([extension(tmp_path, f"""\
states:
  ZZ:
    names:
      en: {{un: {{text: Zedland, {FACT}}}}}
status:
  ZZ:
    icpped: {{action: signature, date: 2006-12-20, {FACT}}}
""")])
    status = catalog.status("ZZ", "icpped")
    assert status is not None and status.date is not None and status.date.isoformat() == "2006-12-20"


def test_replacing_a_treaty_the_catalog_lacks_says_which_it_may_mean(tmp_path: Path) -> None:
    [problem] = problems(tmp_path, "treaties:\n  icped:\n    replaces: true\n    in_force: null\n")
    assert seen(problem) == (3, "treaties.icped.replaces", "there is no treaty 'icped' to replace",
                             "did you mean 'icpped'?; or define a new treaty without 'replaces:'")


def test_a_corrected_entry_into_force_may_be_the_day_of_adoption_not_before(tmp_path: Path) -> None:
    def corrected(in_force: str) -> str:
        return f"treaties:\n  cat:\n    replaces: true\n    in_force: {in_force}\n"

    same_day = load_catalog([extension(tmp_path, corrected(f"{{date: 1984-12-10, {FACT}}}"))]).treaty("cat")
    assert same_day.in_force is not None and same_day.in_force.date == same_day.adopted.date
    cleared = load_catalog([extension(tmp_path, corrected("null"))]).treaty("cat")
    assert cleared.in_force is None
    [problem] = problems(tmp_path, corrected(f"{{date: 1984-01-01, {FACT}}}"))
    assert seen(problem) == (4, "treaties.cat.in_force", "in force 1984-01-01, before adoption 1984-12-10", "check the dates")


def test_a_name_in_a_language_the_catalog_has_says_where_it_is_and_how_to_correct_it(tmp_path: Path) -> None:
    catalog = load_catalog()
    [state] = problems(tmp_path, f"states:\n  KP:\n    names:\n      fr: {{un: {{text: Corée du Nord, {FACT}}}}}\n")
    assert seen(state)[1:] == ("states.KP.names.fr", f"the catalog already names 'KP' in 'fr' ({catalog.state('KP').where()})",
                               "give only the languages it lacks; to correct a name, add 'replaces: true' with your source")
    [treaty] = problems(tmp_path, f"treaties:\n  iccpr:\n    title:\n      fr: {{text: Pacte, {FACT}}}\n")
    assert seen(treaty)[1:] == ("treaties.iccpr.fr",
                                f"the catalog already names 'iccpr' in 'fr' ({catalog.treaty('iccpr').where()})",
                                "give only the languages it lacks; to correct a title, add 'replaces: true' and give it "
                                "with your source")


def test_entries_from_an_extension_keep_their_keys_so_a_missing_language_names_the_field(tmp_path: Path) -> None:
    catalog = load_catalog([extension(tmp_path, f"""\
states:
  ZZ:
    names:
      en: {{un: {{text: Zedland, {FACT}}}}}
  KP:
    names:
      es: {{un: {{text: Corea del Norte, {FACT}}}}}
treaties:
  echr:
    title:
      en: {{text: European Convention on Human Rights, {FACT}}}
    adopted: {{date: 1950-11-04, {FACT}}}
    articles:
      "3":
        heading: {{en: {{text: Prohibition of torture, {FACT}}}}}
  cat:
    replaces: true
    in_force: null
""")])

    def field_of_missing(lookup: object) -> str:
        with pytest.raises(BriefError) as caught:
            lookup()  # type: ignore[operator]
        return caught.value.problems[0].field

    assert field_of_missing(lambda: catalog.state("ZZ").name("de")) == "states.ZZ.names"
    assert field_of_missing(lambda: catalog.state("KP").name("de")) == "states.KP.names"
    assert field_of_missing(lambda: catalog.treaty("echr").title("de")) == "treaties.echr.title"
    assert field_of_missing(lambda: catalog.treaty("cat").title("de")) == "treaties.cat.title"
    assert catalog.treaty("echr").article("art. 3").ref == "3"


def test_corrections_and_names_of_every_extension_file_apply(tmp_path: Path) -> None:
    """catalog.yaml beside the brief and a --catalog file: the second must not undo what the first corrected."""
    (tmp_path / "catalog.yaml").write_text(f"""\
states:
  KP:
    names:
      es: {{un: {{text: Corea del Norte, {FACT}}}}}
treaties:
  cat:
    replaces: true
    in_force: null
""", encoding="utf-8")
    second = tmp_path / "more.yaml"
    second.write_text(f"""\
states:
  KR:
    names:
      es: {{un: {{text: Corea del Sur, {FACT}}}}}
treaties:
  icpped:
    replaces: true
    in_force: null
""", encoding="utf-8")
    catalog = catalog_for_brief(tmp_path, [second])
    assert catalog.state("KP").name("es") == "Corea del Norte" and catalog.state("KR").name("es") == "Corea del Sur"
    assert catalog.treaty("cat").in_force is None and catalog.treaty("icpped").in_force is None
    assert load_catalog().treaty("cat").in_force is not None
