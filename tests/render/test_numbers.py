"""Percentages and decimals follow each locale's own CLDR pattern, at the precision the figure was written with."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from babel import Locale

from briefbuilder.load.locale import load_locale
from briefbuilder.locale import LocaleData


def locale_for(code: str) -> LocaleData:
    """A shipped locale switched to ``code``'s CLDR data: number formats need no shipped translation."""
    return replace(load_locale("en"), code=code, babel=Locale.parse(code), tag=code)


def spaced(text: str) -> str:
    """CLDR separates '%' with a no-break space in some locales; a reader sees a space."""
    return str(text).replace("\u00a0", " ").replace("\u202f", " ")


@pytest.mark.parametrize(("code", "expected"), [
    ("en", "81.4%"), ("ko", "81.4%"), ("fr", "81,4 %"), ("de", "81,4 %"), ("es", "81,4 %"),
])
def test_a_percentage_keeps_its_decimal_in_every_locale(code: str, expected: str) -> None:
    assert spaced(locale_for(code).percent(Decimal("81.4"))) == expected


def test_the_shipped_locales_format_percentages_as_their_readers_expect() -> None:
    assert load_locale("en").percent(Decimal("81.4")) == "81.4%"
    assert load_locale("ko").percent(Decimal("81.4")) == "81.4%"


@pytest.mark.parametrize(("code", "expected"), [
    ("en", "12,345.50"), ("ko", "12,345.50"), ("fr", "12 345,50"), ("de", "12.345,50"), ("es", "12.345,50"),
])
def test_a_decimal_keeps_the_precision_it_was_written_with(code: str, expected: str) -> None:
    assert spaced(locale_for(code).number(Decimal("12345.50"))) == expected


@pytest.mark.parametrize("code", ["en", "ko", "fr", "de", "es"])
def test_whole_numbers_and_whole_percentages_get_no_decimals(code: str) -> None:
    locale = locale_for(code)
    assert spaced(locale.percent(50)).startswith("50") and "," not in spaced(locale.percent(50))
    assert spaced(locale.number(113)) == "113"


def test_more_decimals_than_the_locale_default_are_kept() -> None:
    assert locale_for("en").number(Decimal("3.14159")) == "3.14159"
    assert locale_for("fr").percent(Decimal("12.345")).startswith("12,345")
