"""A qualifier keeps its meaning in every language: "more than 66" never becomes "at least 66".

Korean statistics distinguish 초과 (more than: 66 left out) from 이상 (at least:
66 taken in), and 미만 (fewer than) from 이하 (up to); French "plus de" from
"au moins". Each (qualifier, language) pair is rendered from the shipped
catalogs and compared with the wording that says exactly that bound.
"""

from __future__ import annotations

import pytest

from briefbuilder.load.locale import load_locale

WORDING = {
    # qualifier: {language: how "66 cases" so qualified must read}
    "more-than": {"en": "more than 66 cases", "ko": "66건 초과", "fr": "plus de 66 cas"},
    "at-least": {"en": "at least 66 cases", "ko": "최소 66건", "fr": "au moins 66 cas"},
    "fewer-than": {"en": "fewer than 66 cases", "ko": "66건 미만", "fr": "moins de 66 cas"},
    "up-to": {"en": "up to 66 cases", "ko": "최대 66건", "fr": "jusqu'à 66 cas"},
    "about": {"en": "about 66 cases", "ko": "약 66건", "fr": "environ 66 cas"},
}
# Words that state another bound than the qualifier's: their presence changes the claim.
WRONG_BOUND = {"more-than": {"ko": ("이상",), "fr": ("au moins",)}, "at-least": {"ko": ("초과",), "fr": ("plus de",)},
               "fewer-than": {"ko": ("이하",), "fr": ("au plus",)}, "up-to": {"ko": ("미만",), "fr": ("moins de",)}}


@pytest.mark.parametrize(("qualifier", "lang"), [(q, lang) for q in WORDING for lang in WORDING[q]])
def test_a_qualifier_says_the_same_bound_in_every_language(qualifier: str, lang: str) -> None:
    rendered = str(load_locale(lang).count(66, "cases", qualifier)).replace("\u00a0", " ").replace("\u202f", " ")
    assert rendered == WORDING[qualifier][lang]
    assert not any(word in rendered for word in WRONG_BOUND.get(qualifier, {}).get(lang, ()))
