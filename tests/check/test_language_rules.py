"""Official State names and the remit of recommendations in UN packs; illustrative rows (issue 10)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from testdata import EXAMPLE, MINIMAL_BRIEF

from briefbuilder import check_brief, render_brief
from rulecheck import HEADER, check


def findings(path: Path, rule: str, audience: str) -> list[str]:
    return [f.message for f in check_brief(path, audience=audience, languages=["en", "ko"]) if f.rule == rule]


def brief_with(make_brief: Callable[..., Path], en: str, ko: str, extra: str = "") -> Path:
    text = MINIMAL_BRIEF.replace("  languages: [en, ko]\n", "  languages: [en, ko]\n  state: KP\n")
    text = text.replace("Of [[stat:victims]], [[stat:share|share]] vanished.", en)
    text = text.replace("[[stat:victims]] 중 [[stat:share|share]]이 실종되었습니다.", ko)
    return make_brief(text + extra)


def test_short_state_names_are_flagged_in_un_packs_only(make_brief: Callable[..., Path]) -> None:
    path = brief_with(make_brief, "People fled North Korea and Russia, and North Korean guards “North Korea” said.",
                      "북한이탈주민이 북한을 떠났습니다.")
    messages = findings(path, "language.short-state-name", "un-treaty-body")
    assert len(messages) == 3  # North Korea, Russia, 북한; not "North Korean", a quotation or 북한이탈주민
    assert any("'North Korea'" in m and "[[state:KP]]" in m for m in messages)
    assert any("'Russia'" in m and "[[state:RU]]" in m for m in messages)
    assert findings(path, "language.short-state-name", "general") == []


def test_state_reference_prints_each_packs_name(make_brief: Callable[..., Path]) -> None:
    path = brief_with(make_brief, "People fled [[state:KP]].", "[[state:KP]]을 떠났습니다.")
    assert findings(path, "language.short-state-name", "un-treaty-body") == []
    assert "People fled the Democratic People\u2019s Republic of Korea." in render_brief(path, "en", audience="un-upr").markdown
    assert "People fled North Korea." in render_brief(path, "en", audience="general").markdown


RECOMMENDATIONS = """\
recommendations:
  - en: The Democratic People's Republic of Korea should free them within 30 days.
    ko: 조선민주주의인민공화국은 30일 이내에 그들을 석방하여야 합니다.
  - en: China and the Russian Federation should end forced returns within 30 days.
    ko: 중국과 러시아는 30일 이내에 강제송환을 중단하여야 합니다.
  - en: The Working Group on Enforced or Involuntary Disappearances should act within 30 days.
    ko: 유엔 강제적·비자발적 실종에 관한 실무그룹은 30일 이내에 조치하여야 합니다.
  - en: Cooperate with the Working Group within 30 days.
    ko: 30일 이내에 실무그룹과 협력할 것.
"""


@pytest.mark.parametrize("audience", ["un-upr", "un-treaty-body"])
def test_recommendations_go_to_the_state_under_review(make_brief: Callable[..., Path], audience: str) -> None:
    path = brief_with(make_brief, "x", "x", RECOMMENDATIONS)
    messages = findings(path, "language.remit", audience)
    assert sorted(m.split(" is addressed")[0] for m in messages) == [
        "recommendation 2 (en)", "recommendation 2 (ko)", "recommendation 3 (en)", "recommendation 3 (ko)"]
    assert findings(path, "language.remit", "general") == []


def test_worked_example_follows_the_official_name_and_remit_rules() -> None:
    for audience in ("un-upr", "un-treaty-body", "un-wgeid"):
        assert findings(EXAMPLE, "language.short-state-name", audience) == []
        assert findings(EXAMPLE, "language.remit", audience) == []


def test_upr_cover_states_cycle_and_session_in_un_form(make_brief: Callable[..., Path]) -> None:
    text = (EXAMPLE / "brief.yaml").read_text(encoding="utf-8").replace("  cycle: 5\n", "  cycle: 4\n  session: 47\n")
    path = make_brief(text)
    assert "fourth cycle, forty-seventh session" in render_brief(path, "en", audience="un-upr").markdown
    assert "국가별 정례인권검토(UPR) 제4주기 제47차 회기" in render_brief(path, "ko", audience="un-upr").markdown
    # the worked example writes for the next review, whose session is not yet scheduled
    assert "Universal Periodic Review: fifth cycle\n" in render_brief(EXAMPLE, "en", audience="un-upr").markdown
    assert "국가별 정례인권검토(UPR) 제5주기\n" in render_brief(EXAMPLE, "ko", audience="un-upr").markdown


FRENCH_RECOMMENDATIONS = """\
sections: []
recommendations:
  - fr: La Chine et la Fédération de Russie devraient mettre fin aux renvois forcés dans un délai de 30 jours.
  - fr: Le Groupe de travail sur les disparitions forcées ou involontaires devrait agir dans un délai de 30 jours.
  - fr: Coopérer avec le Groupe de travail dans un délai de 30 jours.
  - fr: La République populaire démocratique de Corée devrait libérer les personnes détenues.
"""


def test_french_recommendations_are_read_from_the_french_data(tmp_path: Path) -> None:
    """The French subject and addressees are data (locales/fr/prose-figures.yaml), like English and Korean."""
    result = check(tmp_path, FRENCH_RECOMMENDATIONS, header=HEADER + "  state: KP\n", languages=("fr",),
                   recommendations_to_state=True)
    remit = sorted(f.message.split(" is addressed to ")[1].split(";")[0]
                   for f in result.findings if f.rule == "language.remit")
    # 3 has no subject (addressed to the State under review), 4 names the State under review.
    assert remit == ["CN, RU", "Groupe de travail"]
