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
from rulecheck import check

Judged = list[tuple[str, str]]


def judged(tmp_path: Path, lang: str, sentence: str) -> Judged:
    """(severity, STATE|TREATY) of each treaty-status finding on ``sentence`` written in ``lang``."""
    body = f"sections:\n  - id: s\n    heading: S\n    text:\n      {lang}: {json.dumps(sentence, ensure_ascii=False)}\n"
    result = check(tmp_path, body, languages=("en", "ko", "fr"))
    found = []
    for finding in result.findings:
        if finding.rule.startswith("claims.prose-"):
            reference = re.search(r"\[\[status:([^\]]+)\]\]", finding.message)
            assert reference is not None, finding.message
            found.append((finding.severity, reference[1]))
    return found


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
