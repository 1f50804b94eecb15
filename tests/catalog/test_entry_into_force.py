"""A State is a party once the treaty is in force for it (VCLT art. 2(1)(g)), not on the day it deposits.

The Republic of Korea deposited its accession to the ICPPED on 4 January 2023;
by the Convention's art. 39(2) it entered into force for it on the thirtieth
day after, 3 February 2023 (shared/facts/un-formats.md). On 20 January 2023 it
had acceded but was not yet a party: the structured claims, the prose check and
the generated status sentence must all say so.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from briefbuilder import render_brief
from briefbuilder.load.catalog import load_catalog
from briefbuilder.catalog.standing import standing
from briefbuilder.check import CheckContext, run_rules
from briefbuilder.load.inputs import load_inputs

BETWEEN = dt.date(2023, 1, 20)
BRIEF = """\
brief:
  title: ROK and the ICPPED
  organisation: {name: Test}
  date: DATE
  languages: [en, ko, fr]
  audience: un-treaty-body
claims:
  - {state: KR, treaty: icpped, party: true}
sections:
  - id: law
    heading: {en: Law, ko: 법, fr: Droit}
    text:
      en: "[[status:KR|icpped]]"
      ko: "[[status:KR|icpped]]"
      fr: "[[status:KR|icpped]]"
"""


def _brief(tmp_path: Path, day: dt.date) -> Path:
    path = tmp_path / "brief.yaml"
    path.write_text(BRIEF.replace("DATE", day.isoformat()), encoding="utf-8")
    return path


def test_the_treaty_rule_gives_the_date_of_entry_into_force() -> None:
    catalog = load_catalog()
    assert {"icpped"} <= set(catalog.treaties) and "KR" in catalog.states
    treaty = catalog.treaties["icpped"]
    assert treaty.in_force_for_state is not None and treaty.in_force_for_state.article == "39(2)"
    now = standing(catalog.status("KR", "icpped"), treaty, BETWEEN)  # type: ignore[arg-type]
    assert (now.date, now.in_force, now.consented, now.is_party) == (dt.date(2023, 1, 4), dt.date(2023, 2, 3), True, False)
    assert standing(catalog.status("KR", "icpped"), treaty, dt.date(2023, 2, 3)).is_party  # type: ignore[arg-type]


def test_a_party_claim_between_deposit_and_entry_into_force_is_a_contradiction(tmp_path: Path) -> None:
    inputs = load_inputs(_brief(tmp_path, BETWEEN))
    context = CheckContext(inputs.brief, inputs.packs["un-treaty-body"], inputs.languages, inputs.catalog)
    [finding] = [f for f in run_rules(context) if f.rule.startswith("claims.")]
    assert finding.rule == "claims.contradiction" and finding.location and finding.location.line == 8
    assert "not yet a party" in finding.message and "2023-02-03" in finding.message
    later = load_inputs(_brief(tmp_path, dt.date(2023, 2, 3)))
    context = CheckContext(later.brief, later.packs["un-treaty-body"], later.languages, later.catalog)
    assert [f for f in run_rules(context) if f.rule.startswith("claims.")] == []


@pytest.mark.parametrize(("language", "expected"), [
    ("en", "The Republic of Korea has acceded to the International Convention for the Protection of All Persons "
           "from Enforced Disappearance (Convention on Enforced Disappearance) (4 January 2023); it is in force "
           "for it from 3 February 2023."),
    ("ko", "대한민국은 2023년 1월 4일 「강제실종으로부터 모든 사람을 보호하기 위한 국제협약」(이하 「강제실종방지협약」)에 "
           "가입하였으며, 이 조약은 2023년 2월 3일부터 대한민국에 대하여 발효합니다."),
    # no French short form in the catalog: the title alone, no "(ci-après « <the same title> »)"
    ("fr", "La République de Corée a adhéré à la Convention internationale pour la protection de toutes les "
           "personnes contre les disparitions forcées le 4 janvier 2023 ; l’entrée en vigueur à son égard est fixée "
           "au 3 février 2023."),
])
def test_status_between_deposit_and_entry_into_force_says_both(tmp_path: Path, language: str, expected: str) -> None:
    between = render_brief(_brief(tmp_path, BETWEEN), language).markdown
    # the sentence as read: French puts the note call before the final stop ("2023[^1].")
    assert expected in re.sub(r"\[\^\d+\]", "", between).replace("\u00a0", " ")
    after = render_brief(_brief(tmp_path, dt.date(2023, 3, 1)), language).markdown
    assert "3 February 2023" not in after and "2월 3일" not in after and "3 février 2023" not in after
