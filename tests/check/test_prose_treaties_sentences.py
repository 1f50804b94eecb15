"""Which words of a sentence the treaty-status check pairs into a statement, sentence by sentence.

Each case is one sentence an author might write, with the findings it must get
against the bundled catalog at the brief's date (2024-11-15): the severity and
the ``[[status:STATE|TREATY]]`` reference the finding tells the author to use,
which names the statement that was judged. ``[]``: nothing is flagged.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from rulecheck import HEADER, check

from briefbuilder.audience import Pack
from briefbuilder.check import CheckContext, Finding, run_rules
from briefbuilder.load.brief import load_brief
from briefbuilder.load.catalog import catalog_for_brief
from briefbuilder.load.statements import statement_words

Judged = list[tuple[str, str]]
ICCPR_FR = "Pacte international relatif aux droits civils et politiques"


def named(findings: list[Finding]) -> Judged:
    """(severity, STATE|TREATY) of each treaty-status finding."""
    found = []
    for finding in findings:
        if finding.rule.startswith("claims.prose-"):
            reference = re.search(r"\[\[status:([^\]]+)\]\]", finding.message)
            assert reference is not None, finding.message
            found.append((finding.severity, reference[1]))
    return found


def judged(tmp_path: Path, lang: str, sentence: str) -> Judged:
    """The treaty-status findings on ``sentence`` written in ``lang``."""
    body = f"sections:\n  - id: s\n    heading: S\n    text:\n      {lang}: {json.dumps(sentence, ensure_ascii=False)}\n"
    return named(check(tmp_path, body, languages=("en", "ko", "fr")).findings)


KP_REFUGEES = [("error", "KP|refugee-convention-1951")]


@pytest.mark.parametrize(("sentence", "expected"), [
    # The name right against 과/와 달리 is set apart, whatever it names: a treaty ...
    ("북한은 자유권규약과 달리 난민협약에는 가입하지 않았다.", []),
    # ... the States parties ...
    ("북한은 난민협약 당사국과 달리 난민을 강제송환한다.", []),
    # ... or a State.
    ("북한은 중국과 달리 난민협약 당사국이 아니다.", []),
    # A word between the name and the cue: the name is still the subject ("unlike in the past").
    ("북한은 과거와 달리 난민협약 당사국이다.", KP_REFUGEES),
    # The cue opens the sentence ("unlike that"): it sets nothing apart.
    ("그와 달리 난민협약에 가입한 나라는 북한이다.", [("error", "KP|refugee-convention-1951")]),
])
def test_korean_contrast_sets_apart_only_the_name_written_against_it(
        tmp_path: Path, sentence: str, expected: Judged) -> None:
    assert judged(tmp_path, "ko", sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The United States is a party to the 1967 Protocol, not to the Refugee Convention.", []),
    ("The United States is a party to the Refugee Convention, not to the 1967 Protocol.",
     [("error", "US|refugee-convention-1951"), ("error", "US|refugee-protocol-1967")]),
    # Two negations say the same of both treaties; they do not cancel out.
    ("North Korea is not a party to the Convention against Torture, nor to the Refugee Convention.", []),
    ("North Korea is a party to neither the Convention against Torture nor the Refugee Convention.", []),
    # A contrast after the status words denies nothing.
    ("China is a party to the Convention against Torture and, unlike the United States, to the CRC.", []),
])
def test_a_negation_after_the_status_words_denies_the_treaties_after_it(
        tmp_path: Path, sentence: str, expected: Judged) -> None:
    assert judged(tmp_path, "en", sentence) == expected


@pytest.mark.parametrize(("lang", "sentence", "expected"), [
    # Whole words only where the language says so: "North Korea" is not inside "North Koreans".
    ("en", "Many North Koreans have fled to countries that are parties to the Refugee Convention.", []),
    # A name broken over lines, or with a typographic apostrophe, is still the name.
    ("en", "North\nKorea is party to the Refugee\nConvention.", KP_REFUGEES),
    ("en", "The Democratic People\u2019s Republic of Korea is a party to the Refugee Convention.", KP_REFUGEES),
    # A treaty named by reference before the clause that states its status.
    ("en", "The [[treaty:refugee-convention-1951]], to which North Korea acceded, protects refugees.",
     [("error", "KP|refugee-convention-1951")]),
    # [[status:]] output comes from the catalog: it names no State of the sentence.
    ("en", "[[status:KP|refugee-convention-1951]] China, by contrast, is a party to the Refugee Convention.", []),
    # An abbreviation's full stop does not end the sentence; a word ending like one ("camp.", "p.") does.
    ("en", "North Korea, according to Mr. Ojea Quintana, is a party to the Refugee Convention.", KP_REFUGEES),
    ("en", "North Korea holds them in a camp. The Refugee Convention has been ratified by many States.", []),
])
def test_names_and_sentences_are_found_as_the_language_writes_them(
        tmp_path: Path, lang: str, sentence: str, expected: Judged) -> None:
    assert judged(tmp_path, lang, sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # Each status words take the treaty after them, up to the next status words.
    ("China has ratified the Convention against Torture, signed the ICCPR and acceded to the Refugee Convention.", []),
    # The treaty stands after the status words in English, even when another stands before them.
    ("North Korea, a party to the ICCPR, is not a party to the Refugee Convention.", []),
    # Without one after them, the nearest before them, not one in a later clause.
    ("China returns refugees despite the Refugee Convention, which it has ratified; the ICCPR it has only signed.", []),
    # Without a State before them, the first one after them only.
    ("A party to the Refugee Convention since 1982, China forcibly returns refugees to North Korea.", []),
    # A recommendation takes its own status words out, not the next ones of the clause ...
    ("North Korea should be bound by the Convention against Torture, as it is a party to the Refugee Convention.",
     KP_REFUGEES),
    # ... however far it stands from them; a negation counts up to three words away.
    ("North Korea should without further delay become party to the Refugee Convention.", []),
    ("China has not as yet formally ratified the ICCPR.", []),
])
def test_english_status_words_take_their_own_state_and_treaty(
        tmp_path: Path, sentence: str, expected: Judged) -> None:
    assert judged(tmp_path, "en", sentence) == expected


@pytest.mark.parametrize(("lang", "sentence", "expected"), [
    # China acceded to the Refugee Convention and only signed the ICCPR: the relative clause closed by a comma
    # speaks of the name before it, not of the treaty the sentence goes on to name.
    ("en", "The Refugee Convention, which China has ratified, differs from the ICCPR.", []),
    ("fr", f"La Convention de 1951, que la Chine a ratifiée, diffère du {ICCPR_FR}.", []),
    ("en", "The ICCPR, which China has ratified, differs from the Refugee Convention.", [("error", "CN|iccpr")]),
    # After the closing comma the sentence goes on with its own State, not the relative clause's.
    ("en", "North Korea, which China borders, is a party to the Refugee Convention.", KP_REFUGEES),
    # A second relative clause's own comma closes the first: both interrupt the same clause.
    ("en", "North Korea, which China borders, which Russia borders too, is a party to the Refugee Convention.",
     KP_REFUGEES),
    # A list of treaties inside the relative clause goes on past its commas ...
    ("en", "China, which is a party to the Refugee Convention, the 1967 Protocol and the ICCPR, returns refugees.",
     [("error", "CN|iccpr")]),
    ("fr", (f"La Chine, qui est partie à la Convention de 1951, au Protocole de 1967 et au {ICCPR_FR}, "
            "renvoie des réfugiés."), [("error", "CN|iccpr")]),
    # ... but not past ", and": that starts another statement, with its own relative clause.
    ("en", "The Refugee Convention, which China has ratified, and the ICCPR, which it has signed, differ.", []),
])
def test_a_relative_clause_closed_by_a_comma_speaks_of_the_name_before_it(
        tmp_path: Path, lang: str, sentence: str, expected: Judged) -> None:
    assert judged(tmp_path, lang, sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # "ni" between "partie" and "à" denies the first treaty, the second "ni" the next one. The DPRK is party
    # to the ICCPR (accession 1981) and not to the Refugee Convention or the Convention against Torture.
    (f"La République populaire démocratique de Corée n'est partie ni au {ICCPR_FR} ni à la Convention de 1951.",
     [("error", "KP|iccpr")]),
    ("La RPDC n'est partie ni à la Convention contre la torture ni à la Convention de 1951.", []),
    # China acceded to the Refugee Convention and only signed the ICCPR: the second denial is the false one.
    (f"La Chine n'est partie ni au {ICCPR_FR} ni à la Convention de 1951.",
     [("error", "CN|refugee-convention-1951")]),
    (f"La RPDC n'est liée ni par le {ICCPR_FR} ni par la Convention de 1951.", [("error", "KP|iccpr")]),
])
def test_french_partie_ni_a_ni_a_denies_both_treaties(tmp_path: Path, sentence: str, expected: Judged) -> None:
    assert judged(tmp_path, "fr", sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # Without a treaty before them, the first one after them ("the treaty North Korea acceded to is the ICCPR") ...
    ("북한은 난민협약 비당사국이지만 북한이 가입한 조약에는 자유권규약이 있다.", []),
    ("북한이 가입한 조약은 자유권규약이며 난민협약은 아니다.", []),
    # ... else the nearest before them, of the previous status words.
    ("중국은 자유권규약에 서명하였고 당사국이다.", [("error", "CN|iccpr")]),
    ("북한은 고문방지협약에는 가입하지 않았고 자유권규약에는 가입하였으며 그 당사국이다.", []),
])
def test_korean_status_words_take_the_treaty_before_them(tmp_path: Path, sentence: str, expected: Judged) -> None:
    assert judged(tmp_path, "ko", sentence) == expected


@pytest.mark.parametrize(("ending", "expected"), [("입니까", []), ("입니다", KP_REFUGEES)])
def test_a_question_ending_a_language_lists_asks_even_when_a_blank_line_ends_the_sentence(
        tmp_path: Path, ending: str, expected: Judged) -> None:
    """A language may list question endings that are no question mark (Korean 입니까, if a user adds it):
    a sentence so ended, then a blank line, states nothing."""
    path = tmp_path / "brief.yaml"
    path.write_text(HEADER + "sections:\n  - id: s\n    heading: S\n    text:\n      ko: |\n"
                    f"        북한은 난민협약 당사국{ending}\n\n        다음 문단.\n", encoding="utf-8")
    brief = load_brief(path)
    korean = statement_words("ko")
    assert korean is not None
    asking = korean.replace(questions=[*korean.questions, "입니까"])
    context = CheckContext(brief, Pack(name="t", description={"en": "t"}), ("ko",),
                           catalog=catalog_for_brief(brief.directory), statements={"ko": asking})
    assert named(run_rules(context)) == expected
