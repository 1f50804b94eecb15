"""language.*: what each finding says, the line it points at, and which texts each audience reads."""

from __future__ import annotations

from pathlib import Path

import pytest

from rulecheck import HEADER, check

KP = HEADER + "  state: KP\n"


def test_a_text_missing_a_language_is_an_error_at_that_text(tmp_path: Path) -> None:
    body = "summary:\n  en: Families are not told.\n"
    result = check(tmp_path, body, languages=("en", "ko"))
    assert [(f.severity, f.rule, f.message, f.location.line) for f in result.of("language.missing")] == [
        ("error", "language.missing", "summary has no 'ko' text; add a 'ko:' entry", result.line("en: Families"))]


BRIEFING = """\
briefing:
  summary: [{en: Families are not told.}]
  recommendations: [{en: Support families.}]
case:
  name: {en: HONG Gil-dong}
  circumstances: {en: He was taken from his home.}
statistics:
  - {id: victims, value: 113, unit: persons, label: {en: victims}}
"""


@pytest.mark.parametrize(("pack", "missing"), [
    ({}, ["statistics[0].label"]),   # a briefing and a case the pack does not print need no Korean
    ({"recommendations_field": "briefing.recommendations"},
     ["briefing.summary[0]", "briefing.recommendations[0]", "statistics[0].label"]),
    ({"case_elements": True}, ["case.circumstances", "statistics[0].label"]),
])
def test_the_blocks_an_audience_prints_need_every_language(tmp_path: Path, pack: dict[str, object],
                                                           missing: list[str]) -> None:
    result = check(tmp_path, BRIEFING, languages=("en", "ko"), **pack)
    assert sorted(f.message.split(" has no")[0] for f in result.of("language.missing")) == sorted(missing)


SHORT_NAMES = """\
summary:
  en: ""
sections:
  - id: findings
    heading: Findings
    text:
      en: |
        In the words of the report's own title, "North Korea" is quoted,
        and the Democratic People's Republic of Korea is named officially.
        People fled North Korea
        to China.
"""


def test_a_short_state_name_is_a_warning_at_its_own_line(tmp_path: Path) -> None:
    """Quotations and official names before the name are blanked without moving it: the line is its own."""
    result = check(tmp_path, SHORT_NAMES, state_names="un")
    assert [(f.severity, f.message, f.location.line) for f in result.of("language.short-state-name")] == [
        ("warning", "'North Korea' in sections[0].text.en: the 't' audience names States officially "
         "('Democratic People's Republic of Korea'); write [[state:KP]]", result.line("People fled North Korea"))]


def test_a_language_without_short_names_does_not_stop_the_check(tmp_path: Path) -> None:
    """French names States only officially in the catalog: English is still read after it."""
    body = SHORT_NAMES.replace('  en: ""\n', '  en: ""\n  fr: ""\n').replace(
        "      en: |", "      fr: Les personnes ont fui.\n      en: |")
    result = check(tmp_path, body, languages=("fr", "en"), state_names="un")
    assert [f.message.split(" in ")[0] for f in result.of("language.short-state-name")] == ["'North Korea'"]


PRINTED = """\
briefing:
  summary: [{en: People fled North Korea.}]
  recommendations: [{en: Support families.}]
case:
  name: {en: HONG Gil-dong}
  circumstances: {en: He was taken to North Korea.}
"""


@pytest.mark.parametrize(("pack", "flagged"), [
    ({}, []),   # neither the briefing nor the case is printed
    ({"recommendations_field": "briefing.recommendations"}, ["briefing.summary[0].en"]),
    ({"case_elements": True}, ["case.circumstances.en"]),
])
def test_short_state_names_are_read_in_what_the_audience_prints(tmp_path: Path, pack: dict[str, object],
                                                                  flagged: list[str]) -> None:
    result = check(tmp_path, PRINTED, state_names="un", **pack)
    assert [f.message.split(" in ")[1].split(":")[0] for f in result.of("language.short-state-name")] == flagged


REMIT = """\
recommendations:
  - en: China and [[state:RU]] should end forced returns within 30 days.
  - en: "[[state:KP]] should free them within 30 days."
  - en: End forced returns to China within 30 days.
    ko: 중국은 30일 이내에 강제송환을 중단하여야 합니다.
"""


def test_a_recommendation_to_another_state_names_it_by_code(tmp_path: Path) -> None:
    """A [[state:..]] reference counts like a name; one to the State under review is its own remit."""
    result = check(tmp_path, REMIT, header=KP, languages=("en", "ko"), recommendations_to_state=True)
    assert [(f.severity, f.message, f.location.line) for f in result.of("language.remit")] == [
        ("warning", "recommendation 1 (en) is addressed to CN, RU; a t recommendation goes to the State under "
         "review (KP): address it to [[state:KP]], or put the request to others in the narrative",
         result.line("- en: China and")),
        # the English sentence has no subject the English data finds; the Korean one is read all the same
        ("warning", "recommendation 3 (ko) is addressed to CN; a t recommendation goes to the State under "
         "review (KP): address it to [[state:KP]], or put the request to others in the narrative",
         result.line("ko: 중국은")),
    ]


def test_a_state_reference_in_lower_case_is_named_in_upper_case(tmp_path: Path) -> None:
    body = "recommendations:\n  - en: \"[[state:cn]] should end forced returns within 30 days.\"\n"
    result = check(tmp_path, body, header=KP, recommendations_to_state=True)
    assert [f.message.split(";")[0] for f in result.of("language.remit")] == [
        "recommendation 1 (en) is addressed to CN"]


def test_briefing_recommendations_are_read_when_they_go_to_the_state_under_review(tmp_path: Path) -> None:
    """A pack printing the briefing's recommendations and addressing them to the State reads them there."""
    body = "briefing:\n  recommendations: [{en: China should end forced returns within 30 days.}]\n"
    result = check(tmp_path, body, header=KP, recommendations_to_state=True,
                   recommendations_field="briefing.recommendations")
    assert [f.message.split(";")[0] for f in result.of("language.remit")] == [
        "recommendation 1 (en) is addressed to CN"]


def test_a_language_without_recommendation_data_is_not_read_for_the_remit(tmp_path: Path) -> None:
    body = "recommendations:\n  - {en: China should end forced returns within 30 days., de: China soll.}\n"
    result = check(tmp_path, body, header=KP, languages=("de", "en"), recommendations_to_state=True)
    assert [f.message.split(";")[0] for f in result.of("language.remit")] == [
        "recommendation 1 (en) is addressed to CN"]


def _fact(text: str) -> str:
    return f"{{text: {text}, confidence: unconfirmed, source: ours}}"


RURITANIA = f"""\
states:
  XA:
    names:
      en: {{un: {_fact("Republic of Ruritania")}, plain: {_fact("Ruritania")}}}
  XB:
    names:
      en: {{un: {_fact("Federation of Ruritania Minor")}, plain: {_fact("Ruritania Minor")}}}
"""


def test_a_short_name_that_begins_another_is_not_read_inside_it(tmp_path: Path) -> None:
    """'Ruritania Minor' is read as itself, not as 'Ruritania' followed by a word (a catalog beside the brief)."""
    (tmp_path / "catalog.yaml").write_text(RURITANIA, encoding="utf-8")
    result = check(tmp_path, "summary:\n  en: People fled Ruritania Minor.\n", state_names="un")
    assert [f.message.split(":")[0] for f in result.of("language.short-state-name")] == [
        "'Ruritania Minor' in summary.en"]


def _states(**names: tuple[str, str]) -> str:
    """A catalog beside the brief adding States: code -> (UN name, plain name), in English."""
    return "states:\n" + "".join(f"  {code}:\n    names:\n      en: {{un: {_fact(un)}, plain: {_fact(plain)}}}\n"
                                 for code, (un, plain) in names.items())


def test_an_official_name_holding_another_is_blanked_whole(tmp_path: Path) -> None:
    """Like "Democratic People's Republic of Korea" holding "Republic of Korea": the longer name goes first,
    so what is left of it ('Ruritania') is not read as a short name."""
    (tmp_path / "catalog.yaml").write_text(_states(
        XA=("Republic of Ruritania", "Ruritania"), XC=("Ruritania Zone", "Zonia"), XD=("Zone", "Zoneland")),
        encoding="utf-8")
    result = check(tmp_path, "summary:\n  en: The Ruritania Zone acted.\n", state_names="un")
    assert result.of("language.short-state-name") == []


def test_a_name_of_the_state_under_review_holding_another_is_blanked_whole(tmp_path: Path) -> None:
    (tmp_path / "catalog.yaml").write_text(_states(
        XA=("Republic of Ruritania", "Ruritania"), XB=("Ruritania Zone", "Zone")), encoding="utf-8")
    body = "recommendations:\n  - en: The Ruritania Zone should free them within 30 days.\n"
    result = check(tmp_path, body, header=HEADER + "  state: XB\n", recommendations_to_state=True)
    assert result.of("language.remit") == []


def test_a_state_named_in_english_only_does_not_stop_the_korean_remit(tmp_path: Path) -> None:
    (tmp_path / "catalog.yaml").write_text(_states(XA=("Republic of Ruritania", "Ruritania")), encoding="utf-8")
    body = "recommendations:\n  - en: End forced returns within 30 days.\n    ko: 중국은 30일 이내에 강제송환을 중단하여야 합니다.\n"
    result = check(tmp_path, body, header=KP, languages=("en", "ko"), recommendations_to_state=True)
    assert [f.message.split(";")[0] for f in result.of("language.remit")] == [
        "recommendation 1 (ko) is addressed to CN"]


def test_a_short_name_after_a_blank_first_line_is_found_at_its_line(tmp_path: Path) -> None:
    result = check(tmp_path, "summary:\n  en: |\n\n    People fled North Korea.\n", state_names="un")
    assert [f.location.line for f in result.of("language.short-state-name")] == [
        result.line("People fled North Korea")]


def test_a_language_the_audience_is_not_written_in_is_an_error(tmp_path: Path) -> None:
    result = check(tmp_path, "summary: {en: x, ko: x, fr: x}\n", languages=("fr",))
    assert [(f.severity, f.message) for f in result.of("language.unsupported")] == [
        ("error", "the 't' audience is written in en, ko, not 'fr'; build another language, or add 'fr' to the "
                  "pack's languages once its templates and terms are translated")]


def test_a_state_without_a_short_name_in_a_language_does_not_hide_the_next_ones(tmp_path: Path) -> None:
    """Spanish names the first State (KP) only officially; the second (KR) also plainly."""
    (tmp_path / "catalog.yaml").write_text(
        f"states:\n  KP:\n    names:\n      es: {{un: {_fact('República Popular Democrática de Corea')}}}\n"
        f"  KR:\n    names:\n      es: {{un: {_fact('República de Corea')}, plain: {_fact('Corea del Sur')}}}\n",
        encoding="utf-8")
    result = check(tmp_path, "summary:\n  es: Huyeron a Corea del Sur.\n", languages=("es",), state_names="un")
    assert [f.message.split(":")[0] for f in result.of("language.short-state-name")] == [
        "'Corea del Sur' in summary.es"]


DOUBLED = """\
summary:
  en: |
    People were returned to the
    [[state:KP]]. The [[state:RU]] and the [[state:CN]] were asked; other [[state:KP]] officials said.
  fr: |
    Des personnes ont été renvoyées vers la [[state:KP]] et l’[[state:KR]]; Chine [[state:CN]].
"""


def test_an_article_written_before_a_state_that_prints_its_own_is_a_warning(tmp_path: Path) -> None:
    """The articles are each language's data: any one before a name that prints its own doubles it; China prints
    none in English, and 'other' is no article."""
    result = check(tmp_path, DOUBLED, languages=("en", "fr"), state_names="un")
    assert [(f.severity, f.message, f.location.line) for f in result.of("language.doubled-article")] == [
        ("warning", "'the [[state:KP]]' in summary.en prints 'the the Democratic People's Republic of Korea': "
         "the name carries its own 'the'; write [[state:KP]] without 'the' before it", result.line("[[state:KP]]. The")),
        ("warning", "'The [[state:RU]]' in summary.en prints 'The the Russian Federation': the name carries its own "
         "'the'; write [[state:RU]] without 'The' before it", result.line("[[state:KP]]. The")),
        ("warning", "'la [[state:KP]]' in summary.fr prints 'la la République populaire démocratique de Corée': the "
         "name carries its own 'la'; write [[state:KP]] without 'la' before it", result.line("renvoyées vers")),
        ("warning", "'l’[[state:KR]]' in summary.fr prints 'l’la République de Corée': the name carries its own "
         "'la'; write [[state:KR]] without 'l’' before it", result.line("renvoyées vers")),
    ]
