"""Claims in a brief are checked against the catalog: contradictions are errors, gaps warnings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from briefbuilder.catalog import Catalog
from briefbuilder.check import Finding
from briefbuilder.check.claims import judge
from briefbuilder.errors import BriefError
from briefbuilder.load import load_brief
from briefbuilder.load.catalog import catalog_for_brief
from briefbuilder.load.statements import StatusKind

Check = Callable[..., list[Finding]]


def test_dprk_is_not_party_to_the_refugee_convention(check_claims: Check) -> None:
    [finding] = check_claims("{state: KP, treaty: refugee-convention-1951, party: true}")
    assert (finding.severity, finding.rule) == ("error", "claims.contradiction")
    message = finding.message
    assert "the Democratic People's Republic of Korea is not a party to the Convention relating to the Status of Refugees" in message
    assert "catalog as of 2026-11: no action, confirmed as of 2016" in message
    assert "source: UNTC scrape 2013; Asia-Pacific refugee-rights table 2016" in message
    assert "https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no=V-2&chapter=5&clang=_en" in message
    assert finding.location is not None and finding.location.line == 7


def test_china_party_since_its_accession_is_fine(check_claims: Check) -> None:
    assert check_claims("{state: CN, treaty: refugee-convention-1951, party: true, since: 1982-09-24}") == []
    assert check_claims("{state: KP, treaty: refugee-convention-1951, party: false}") == []


def test_wrong_since_date_is_an_error(check_claims: Check) -> None:
    [finding] = check_claims("{state: CN, treaty: refugee-convention-1951, party: true, since: 1982-10-24}")
    assert (finding.severity, finding.rule) == ("error", "claims.since")
    assert "since 1982-10-24" in finding.message and "accession on 1982-09-24" in finding.message


def test_denying_a_confirmed_party_is_a_contradiction(check_claims: Check) -> None:
    [finding] = check_claims("{state: KP, treaty: iccpr, party: false}")
    assert finding.rule == "claims.contradiction"
    assert ("is a party to the International Covenant on Civil and Political Rights since 1981-12-14 "
            "(accession deposited 1981-09-14)") in finding.message  # a party once in force for it (VCLT art. 2(1)(g))
    assert "treat the DPRK as bound" in finding.message


def test_a_signatory_is_not_a_party(check_claims: Check) -> None:
    [finding] = check_claims("{state: CN, treaty: iccpr, party: true}")
    assert finding.rule == "claims.contradiction"
    assert "China is not a party" in finding.message and "signed on 1998-10-05" in finding.message
    assert check_claims("{state: CN, treaty: iccpr, party: false}") == []


def test_state_outside_the_catalog_cannot_be_verified(check_claims: Check) -> None:
    [finding] = check_claims("{state: FR, treaty: iccpr, party: true}")
    assert (finding.severity, finding.rule) == ("warning", "claims.unverifiable")
    assert finding.message.startswith("cannot verify") and "'FR'" in finding.message


def test_year_confirmed_day_cannot_be_verified_but_year_can(check_claims: Check) -> None:
    [same_year] = check_claims("{state: MN, treaty: iccpr, party: true, since: 1974-11-18}")
    assert (same_year.severity, same_year.rule) == ("warning", "claims.unverifiable")
    assert "only the year" in same_year.message
    [other_year] = check_claims("{state: MN, treaty: iccpr, party: true, since: 1975-11-18}")
    assert (other_year.severity, other_year.rule) == ("error", "claims.since")
    # the status itself is confirmed: denying it is still a contradiction
    [denied] = check_claims("{state: MN, treaty: iccpr, party: false}")
    assert denied.rule == "claims.contradiction"


def test_unknown_treaty_is_a_located_error(check_claims: Check) -> None:
    """Decision: an unknown treaty id is an error, like an unknown source id (it is almost always a typo)."""
    [finding] = check_claims("{state: KP, treaty: cat, party: false}", "{state: KP, treaty: icpr, party: true}")
    assert (finding.severity, finding.rule) == ("error", "claims.unknown-treaty")
    assert "did you mean 'iccpr'?" in finding.message
    assert finding.location is not None and finding.location.line == 8


def test_since_on_a_non_party_claim_is_an_error(check_claims: Check) -> None:
    [finding] = check_claims("{state: US, treaty: refugee-convention-1951, party: false, since: 1968-11-01}")
    assert (finding.severity, finding.rule) == ("error", "claims.since")


def test_claim_without_a_state_is_a_load_error(write_claims: Callable[..., Path]) -> None:
    path = write_claims("{state: KP, treaty: iccpr, party: true}", "{treaty: iccpr, party: true}")
    with pytest.raises(BriefError) as caught:
        load_brief(path)
    [problem] = caught.value.problems
    assert problem.field == "claims[1].state" and "missing" in problem.message
    assert problem.location is not None and (problem.location.file, problem.location.line) == (str(path), 8)


def unconfirmed_accession_to_cat(folder: Path) -> Catalog:
    """The catalog with a catalog.yaml in `folder` recording a North Korean accession to the CAT, unconfirmed."""
    (folder / "catalog.yaml").write_text(
        "status:\n"
        "  KP:\n"
        "    cat: {action: accession, date: 2025-03-01, confidence: unconfirmed, source: press report, replaces: true}\n",
        encoding="utf-8")
    return catalog_for_brief(folder)


def test_unconfirmed_catalog_record_is_only_a_warning(tmp_path: Path, check_claims: Check) -> None:
    catalog = unconfirmed_accession_to_cat(tmp_path)
    [agrees] = check_claims("{state: KP, treaty: cat, party: true}", catalog=catalog)
    [disagrees] = check_claims("{state: KP, treaty: cat, party: false}", catalog=catalog)
    assert {agrees.rule, disagrees.rule} == {"claims.unverifiable"}
    assert {agrees.severity, disagrees.severity} == {"warning"}
    assert "catalog agrees" in agrees.message and "says otherwise" in disagrees.message


def test_catalog_beside_the_brief_is_used_when_none_is_given(tmp_path: Path, check_claims: Check) -> None:
    (tmp_path / "catalog.yaml").write_text(
        "states:\n"
        "  FR:\n"
        "    names: {en: {un: {text: France, confidence: unconfirmed, source: test}}}\n"
        "status:\n"
        "  FR:\n"
        "    iccpr: {action: accession, date: 1980-11-04, confidence: confirmed, source: test source}\n",
        encoding="utf-8")
    [finding] = check_claims("{state: FR, treaty: iccpr, party: false}")
    assert finding.rule == "claims.contradiction" and "France is a party" in finding.message
    assert "source: test source" in finding.message


def block(state: str, treaty: str, party: str, since: str = "") -> str:
    """A claim written one field per line (the first claim: state on line 7, treaty on 8, party on 9, since on 10)."""
    return f"state: {state}\n    treaty: {treaty}\n    party: {party}" + (f"\n    since: {since}" if since else "")


@pytest.mark.parametrize(("claim", "said"), [(block("KP", "refugee-convention-1951", "true"), "it is a party"),
                                             (block("KP", "iccpr", "false"), "it is not a party")])
def test_a_contradiction_quotes_what_the_brief_said_and_points_at_its_party_line(
        check_claims: Check, claim: str, said: str) -> None:
    [finding] = check_claims(claim)
    assert finding.rule == "claims.contradiction"
    assert f"but the brief says {said} (catalog as of" in finding.message
    assert finding.location is not None and finding.location.line == 9


def test_an_unverifiable_claim_says_what_it_cannot_verify_and_points_at_its_party_line(
        tmp_path: Path, check_claims: Check) -> None:
    catalog = unconfirmed_accession_to_cat(tmp_path)
    title = "Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment"
    for party, said, judged in (("true", "a party", "the catalog agrees"), ("false", "not a party", "the catalog says otherwise")):
        [finding] = check_claims(block("KP", "cat", party), catalog=catalog)
        assert finding.message.startswith(
            f"cannot verify that the Democratic People's Republic of Korea is {said} to the {title}: {judged}")
        assert finding.location is not None and finding.location.line == 9


def test_since_on_a_non_party_claim_says_how_to_fix_it_at_the_since_line(check_claims: Check) -> None:
    [finding] = check_claims(block("US", "refugee-convention-1951", "false", "1968-11-01"))
    assert finding.message == ("'since' is given but the claim says the State is not a party; "
                               "remove 'since' or set 'party: true'")
    assert finding.location is not None and finding.location.line == 10


@pytest.mark.parametrize(("state", "since", "rule"), [("CN", "1982-10-24", "claims.since"),
                                                      ("MN", "1974-11-18", "claims.unverifiable")])
def test_a_since_finding_points_at_the_since_line(check_claims: Check, state: str, since: str, rule: str) -> None:
    treaty = "refugee-convention-1951" if state == "CN" else "iccpr"
    [finding] = check_claims(block(state, treaty, "true", since))
    assert finding.rule == rule
    assert finding.location is not None and finding.location.line == 10


def test_a_party_claim_about_a_signatory_is_one_contradiction_not_a_date_dispute(check_claims: Check) -> None:
    """China signed the ICCPR (1998-10-05) and is not a party: a 'since' matching no deposit adds nothing."""
    [finding] = check_claims(block("CN", "iccpr", "true", "2001-01-01"))
    assert finding.rule == "claims.contradiction"


REFUGEE_CONVENTION = "Convention relating to the Status of Refugees"
REFUGEE_PAGE = "https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no=V-2&chapter=5&clang=_en"
CAT_TITLE = "Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment"
CAT_PAGE = "https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no=IV-9&chapter=4&clang=_en"
COMPILED = "UNTC data as compiled in the research notes (U15; W22)"


def test_an_unknown_treaty_written_one_field_per_line_points_at_its_treaty_line(check_claims: Check) -> None:
    [finding] = check_claims(block("KP", "icpr", "true"))
    assert finding.rule == "claims.unknown-treaty"
    assert finding.location is not None and finding.location.line == 8


def test_an_unknown_state_is_pointed_at_on_its_own_line_with_the_code_it_may_mean(check_claims: Check) -> None:
    """A lower-case alpha-3 code ('kor') is compared upper-case: the hint is the alpha-2 'KR'."""
    [finding] = check_claims("treaty: iccpr\n    state: kor\n    party: true")  # state on line 8, not the claim's first
    assert (finding.severity, finding.rule) == ("warning", "claims.unverifiable")
    assert finding.message.startswith("cannot verify: the catalog has no state 'kor' (did you mean 'KR'?); "
                                      "use an ISO 3166-1 alpha-2 code")
    assert finding.location is not None and finding.location.line == 8


def test_a_wrong_since_names_the_state_the_treaty_and_the_recorded_deposit(check_claims: Check) -> None:
    [finding] = check_claims("{state: CN, treaty: refugee-convention-1951, party: true, since: 1982-10-24}")
    assert finding.message == (
        f"the brief says China has been a party to the {REFUGEE_CONVENTION} since 1982-10-24, but the catalog records "
        f"its accession on 1982-09-24 (catalog as of 2026-11: accession 1982-09-24, confirmed; source: {COMPILED}; "
        f"check {REFUGEE_PAGE})")


def test_denying_a_party_without_an_entry_into_force_date_gives_the_deposit(check_claims: Check) -> None:
    """The catalog has no entry into force for China under the Refugee Convention: 'since' is the deposit."""
    [finding] = check_claims("{state: CN, treaty: refugee-convention-1951, party: false}")
    assert finding.message.startswith(
        f"China is a party to the {REFUGEE_CONVENTION} since 1982-09-24 (accession), but the brief says it is not a party (")


def test_a_non_party_is_only_a_non_party_and_a_signatory_says_when_it_signed(check_claims: Check) -> None:
    [never] = check_claims("{state: KP, treaty: refugee-convention-1951, party: true}")
    assert never.message.startswith(
        f"the Democratic People's Republic of Korea is not a party to the {REFUGEE_CONVENTION}, but the brief says")
    [signatory] = check_claims("{state: CN, treaty: iccpr, party: true}")
    assert signatory.message.startswith(
        "China is not a party to the International Covenant on Civil and Political Rights "
        "(it signed on 1998-10-05 but had not ratified), but the brief says it is a party (")


def made_up_catalog(tmp_path: Path, cells: str) -> Catalog:
    """The bundled catalog with made-up status cells for the DPRK (a catalog.yaml beside the brief)."""
    (tmp_path / "catalog.yaml").write_text("status:\n  KP:\n" + cells, encoding="utf-8")
    return catalog_for_brief(tmp_path)


def test_an_accession_after_the_brief_is_one_contradiction_as_at_its_date(tmp_path: Path, check_claims: Check) -> None:
    """The brief is dated 2026-01-15: an accession of 2026-03-01 makes no party, and no 'since' is disputed."""
    catalog = made_up_catalog(tmp_path, "    cat: {action: accession, date: 2026-03-01, confidence: confirmed, "
                                        "source: made-up record, replaces: true}\n")
    [finding] = check_claims(block("KP", "cat", "true", "2026-02-01"), catalog=catalog)
    assert finding.message == (
        f"the Democratic People's Republic of Korea was not a party to the {CAT_TITLE} as at the brief's date "
        f"(2026-01-15); its accession is dated 2026-03-01, but the brief says it is a party (catalog as of 2026-11: "
        f"accession 2026-03-01, confirmed; source: made-up record; check {CAT_PAGE})")


@pytest.mark.parametrize("wrong", [False, True])
def test_a_since_on_an_unconfirmed_record_is_only_a_warning_at_the_since_line(
        tmp_path: Path, check_claims: Check, wrong: bool) -> None:
    catalog = made_up_catalog(tmp_path, "    cat: {action: accession, date: 2025-03-01, confidence: unconfirmed, "
                                        "source: press report, replaces: true}\n")
    since = "2025-04-01" if wrong else "2025-03-01"
    party, dated = check_claims(block("KP", "cat", "true", since), catalog=catalog)
    assert party.location is not None and party.location.line == 9
    assert (dated.severity, dated.rule) == ("warning", "claims.unverifiable")
    assert dated.location is not None and dated.location.line == 10
    record = f"(catalog as of 2026-11: accession 2025-03-01, unconfirmed; source: press report; check {CAT_PAGE})"
    assert dated.message == (
        f"the brief says the Democratic People's Republic of Korea has been a party to the {CAT_TITLE} since "
        f"2025-04-01, but the catalog records its accession on 2025-03-01 {record}" if wrong else
        f"cannot verify the date 2025-03-01: the catalog agrees but its record is unconfirmed {record}")


def test_an_unconfirmed_entry_into_force_leaves_a_party_claim_unverified_but_not_a_deposit(
        tmp_path: Path, check_claims: Check) -> None:
    """Party (or bound) rests on the entry into force for the State too; having acceded rests on the deposit only."""
    catalog = made_up_catalog(tmp_path, "    cat: {action: accession, date: 2025-03-01, confidence: confirmed, "
                                        "source: made-up record, replaces: true, in_force: {date: 2025-03-31, "
                                        "confidence: unconfirmed, source: made-up report}}\n")
    [finding] = check_claims(block("KP", "cat", "true"), catalog=catalog)
    assert (finding.severity, finding.rule) == ("warning", "claims.unverifiable")
    assert finding.message.startswith(f"cannot verify that the Democratic People's Republic of Korea is a party to the "
                                      f"{CAT_TITLE}: the catalog agrees but its record is unconfirmed (")
    treaty, status = catalog.treaties["cat"], catalog.status("KP", "cat")
    assert status is not None
    day = dt.date(2026, 1, 15)
    assert [judge(catalog, treaty, status, kind, True, day).confirmed for kind in ("party", "bound", "acceded")] == \
        [False, False, True]


def test_a_treaty_without_a_status_page_sends_the_reader_nowhere(tmp_path: Path, check_claims: Check) -> None:
    (tmp_path / "catalog.yaml").write_text(
        "treaties:\n"
        "  made-up-treaty:\n"
        "    title: {en: {text: Made-up Convention, confidence: confirmed, source: test}}\n"
        "    adopted: {date: 2000-01-01, confidence: confirmed, source: test}\n"
        "status:\n"
        "  KP:\n"
        "    made-up-treaty: {action: none, confidence: confirmed, source: test}\n",
        encoding="utf-8")
    [finding] = check_claims("{state: KP, treaty: made-up-treaty, party: true}")
    assert finding.message.endswith("but the brief says it is a party (catalog as of 2026-11: no action, confirmed; "
                                    "source: test)")


ICPPED = "International Convention for the Protection of All Persons from Enforced Disappearance"
CRPD = "Convention on the Rights of Persons with Disabilities"
DPRK = "the Democratic People's Republic of Korea"


@pytest.mark.parametrize(("state", "treaty", "kind", "day", "holds", "truth"), [
    # the ROK acceded to the ICPPED on 2023-01-04; art. 39(2) puts it in force for it 30 days later
    ("KR", "icpped", "party", "2023-01-20", False,
     (f"the Republic of Korea is not yet a party to the {ICPPED} as at the brief's date (2023-01-20): it deposited its "
      "accession on 2023-01-04, and the treaty enters into force for it on 2023-02-03 (art. 39(2): 30 days after the "
      "deposit; source: ICPPED art. 39(2) (research notes: un-formats.md, \"'Party' in treaty law\"))")),
    ("KR", "icpped", "acceded", None, True,
     f"the Republic of Korea deposited its accession of the {ICPPED} on 2023-01-04"),
    ("KR", "icpped", "acceded", "2022-06-01", False,
     (f"the Republic of Korea had not ratified or acceded to the {ICPPED} as at the brief's date (2022-06-01); "
      "its accession is dated 2023-01-04")),
    # the DPRK signed the CRPD on 2013-07-03 and ratified it on 2016-12-06
    ("KP", "crpd", "signed", None, True, f"{DPRK} signed the {CRPD}"),
    ("KP", "crpd", "signed", "2012-01-01", False,
     f"{DPRK} had not signed the {CRPD} as at the brief's date (2012-01-01); its ratification is dated 2016-12-06"),
    ("KP", "crpd", "party", "2014-01-01", False,
     (f"{DPRK} was not a party to the {CRPD} as at the brief's date (2014-01-01) (it signed on 2013-07-03 but had not "
      "ratified); its ratification is dated 2016-12-06")),
    ("KP", "cat", "signed", None, False, f"{DPRK} has not signed the {CAT_TITLE}"),
    # an accession needs no signature: the catalog cannot tell
    ("KR", "icescr", "signed", None, None,
     ("the catalog records the Republic of Korea's accession of the International Covenant on Economic, Social and "
      "Cultural Rights but no signature")),
])
def test_the_judgement_says_what_the_state_had_done_by_the_day(
        catalog: Catalog, state: str, treaty: str, kind: StatusKind, day: str | None, holds: bool | None, truth: str) -> None:
    """What the prose check and the claims quote: a statement that the State is ``kind``, as at ``day``."""
    status = catalog.status(state, treaty)
    assert status is not None
    judgement = judge(catalog, catalog.treaties[treaty], status, kind, True,
                      dt.date.fromisoformat(day) if day else None)
    assert (judgement.truth, judgement.holds, judgement.confirmed) == (truth, holds, True)
