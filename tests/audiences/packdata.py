"""Briefs shared by the audience-pack tests (import as `from packdata import ...`)."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "enforced-disappearances"
PACKS = ("un-upr", "un-treaty-body", "un-wgeid", "gov-briefing")

# A small brief with everything the four packs require.
SMALL_BRIEF = """\
brief:
  title: {en: Disappearances, ko: 실종}
  organisation:
    name: {en: Example Centre, ko: 예시 센터}
    contact: contact@example.org
    mandate: {en: An organisation that documents disappearances., ko: 실종을 기록하는 단체입니다.}
  date: 2024-11-20
  languages: [en, ko]
  state: KP
  keywords: {en: enforced disappearance, ko: 강제실종}
sources:
  - {id: report, kind: report, title: {en: The Report, ko: 보고서}, publisher: Example Publisher, date: 2024-10-31}
statistics:
  - id: victims
    value: 113
    unit: persons
    as_of: 2024-10-31
    sources: [{id: report, page: 12}]
    status: verified
    label: {en: victims, ko: 피해자}
summary:
  en: Families are not told where the victims are.
  ko: 가족은 피해자의 소재를 통보받지 못하고 있습니다.
sections:
  - id: findings
    heading: {en: Findings, ko: 조사 결과}
    article: "16"
    text:
      en: "The report documents [[stat:victims]]. FILLER"
      ko: "보고서는 피해자 [[stat:victims]]을 확인하였습니다. FILLER"
recommendations:
  - {en: Disclose the fate of every detainee within 30 days., ko: 30일 이내에 모든 구금자의 생사를 밝혀야 합니다.}
submission:
  cycle: 5
  body: {en: Human Rights Committee, ko: 자유권규약위원회}
case:
  name: {en: HONG Gil-dong, ko: 홍길동}
  nationality: {en: Democratic People's Republic of Korea, ko: 조선민주주의인민공화국}
  date_of_birth: 1985-04-15
  date: 2023-03-12
  place: {en: Hoeryong, ko: 회령}
  responsible: {en: Ministry of State Security officers, ko: 국가보위성 요원}
  steps:
    - {en: His sister asked the local office., ko: 누나가 지역 사무소에 문의하였습니다.}
  submitter:
    name: {en: HONG Mi-ran, ko: 홍미란}
    contact: secret@example.org
    confidential: true
briefing:
  summary: [{en: Families are not told., ko: 가족이 통보받지 못함}]
  issue: {en: What to do., ko: 대응 방안 검토 필요}
  recommendations: [{en: Support families., ko: 가족 지원 필요}]
"""


