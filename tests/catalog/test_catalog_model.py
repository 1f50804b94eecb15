"""Confidence is kept honest for the tricky facts; accessors and listings behave."""

from __future__ import annotations

import pytest

from briefbuilder.catalog import Catalog, Confidence, normalise_article_ref
from briefbuilder.render.treaty_listing import describe_catalog
from briefbuilder.load.locale import load_locale
from briefbuilder.errors import BriefError


def test_icpped_unts_is_unconfirmed(catalog: Catalog) -> None:
    unts = catalog.treaty("icpped").unts
    assert unts is not None and not unts.is_confirmed
    assert unts.confidence.level == "unconfirmed" and "2715" in (unts.confidence.note or "")


def test_kr_icpped_is_confirmed_by_nhrck_only(catalog: Catalog) -> None:
    status = catalog.status("KR", "icpped")
    assert status is not None and status.is_confirmed and status.source == "NHRCK"
    assert status.confidence.note == "not yet seen on a UN page"


@pytest.mark.parametrize(("state", "treaty"), [("MN", "iccpr"), ("VN", "crpd"), ("LA", "icpped"), ("US", "crc")])
def test_year_confirmed_cells_are_not_verified(catalog: Catalog, state: str, treaty: str) -> None:
    status = catalog.status(state, treaty)
    assert status is not None and status.confidence.level == "year-confirmed" and not status.is_confirmed


def test_signature_before_ratification_keeps_its_own_confidence(catalog: Catalog) -> None:
    laos = catalog.status("LA", "iccpr")
    assert laos is not None and laos.is_confirmed
    assert laos.signed is not None and str(laos.signed.date) == "2000-12-07" and not laos.signed.is_confirmed
    korea = catalog.status("KP", "crc")
    assert korea is not None and korea.signed is not None and str(korea.signed.date) == "1990-08-23"


def test_weak_secondary_and_per_language_confidence(catalog: Catalog) -> None:
    crc_unts = catalog.treaty("crc").unts
    assert crc_unts is not None and crc_unts.confidence.qualifier == "weak" and not crc_unts.is_confirmed
    leave = catalog.treaty("iccpr").article("12(2)").text("en")
    assert leave is not None and leave.is_confirmed and leave.confidence.qualifier == "secondary"
    disappearance = catalog.treaty("icpped").article("1(1)")
    assert disappearance.text("ko").is_confirmed and not disappearance.text("en").is_confirmed  # type: ignore[union-attr]


def test_dprk_iccpr_withdrawal_is_kept_as_sourced_remarks(catalog: Catalog) -> None:
    status = catalog.status("KP", "iccpr")
    assert status is not None and status.is_party
    sources = [remark.source for remark in status.remarks]
    assert any("Evatt" in source for source in sources) and any("General Comment No. 26" in source for source in sources)
    assert all(remark.is_confirmed for remark in status.remarks)


def test_confidence_shorthand_and_rules() -> None:
    assert Confidence.written("year-confirmed").level == "year-confirmed"
    assert str(Confidence(level="confirmed", as_of=2016)) == "confirmed as of 2016"
    with pytest.raises(ValueError, match="unconfirmed"):
        Confidence(level="confirmed", qualifier="weak")


@pytest.mark.parametrize(("written", "canonical"), [
    ("art 12(2)", "12(2)"), ("33(1)", "33(1)"), ("1A(2)", "1A(2)"), ("Article 1a (2)", "1A(2)"), ("art. 33", "33"),
])
def test_article_references_are_normalised(written: str, canonical: str) -> None:
    assert normalise_article_ref(written) == canonical


def test_bad_article_reference_lists_known_articles(catalog: Catalog) -> None:
    with pytest.raises(BriefError, match="12\\(2\\)"):
        catalog.treaty("iccpr").article("paragraph two")


def test_titles_short_names_and_state_registers(catalog: Catalog) -> None:
    refugee = catalog.treaty("refugee-convention-1951")
    assert (refugee.short("en"), refugee.short("ko")) == ("Refugee Convention", "난민협약")
    assert refugee.title("ko") == "난민의 지위에 관한 협약"
    with pytest.raises(BriefError, match="no 'es' title"):
        refugee.title("es")
    dprk = catalog.state("KP")
    assert dprk.name("en") == "Democratic People's Republic of Korea" and dprk.name_fact("en").is_confirmed
    assert (dprk.name("en", "plain"), dprk.name("ko", "plain"), dprk.name("ko", "formal")) == (
        "North Korea", "북한", "조선민주주의인민공화국")
    assert not dprk.name_fact("ko", "plain").is_confirmed  # Korean forms are not in the research notes
    assert catalog.state("JP").name("ko", "formal") == "일본"  # falls back to the plain name
    with pytest.raises(BriefError, match="known: CN, JP, KP"):
        catalog.state("KX")


def test_describe_catalog_lists_one_state(catalog: Catalog) -> None:
    korean, english = load_locale("ko"), load_locale("en")
    rows = describe_catalog(catalog, korean, "kp")
    assert [row["treaty"] for row in rows] == list(catalog.treaties)
    first = rows[0]
    assert first == {"state": "KP", "treaty": "refugee-convention-1951", "short": "난민협약", "action": "미가입",
                     "date": None, "confidence": "확인됨(2016년 기준)", "confirmed": True,
                     "source": "UNTC scrape 2013; Asia-Pacific refugee-rights table 2016"}
    assert describe_catalog(catalog, english, "kp")[0]["confidence"] == "confirmed as of 2016"
    assert len(describe_catalog(catalog, english)) == 90
    with pytest.raises(BriefError):
        describe_catalog(catalog, english, "ZZ")


def test_catalog_as_of_and_advice(catalog: Catalog) -> None:
    assert catalog.as_of == "2026-11" and "UN Treaty Collection" in catalog.advice
