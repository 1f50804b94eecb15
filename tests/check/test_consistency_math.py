"""The k/N arithmetic, against cases worked out by hand.

Each row: the percentage as written, the base N, whether some k/N is written
that way, and the arithmetic that decides it. Rounding accepted: half-up and
half-even (not truncation).
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefbuilder.check import consistency_math
from briefbuilder.check.consistency import meets_bound
from briefbuilder.check.consistency_math import (
    count_matches,
    counts_for,
    nearest_reachable,
    percent_reachable,
    share,
    shares_sum_ok,
)

REACHABLE = [
    # --- the TJWG report: every percentage is count/113 at one decimal ---
    ("81.4", 113, True),    # 92/113 = 81.415… → 81.4
    ("47.8", 113, True),    # 54/113 = 47.787… → 47.8
    ("38.9", 113, True),    # 44/113 = 38.938… → 38.9
    ("11.5", 113, True),    # 13/113 = 11.504… → 11.5
    ("79.6", 113, True),    # 90/113 = 79.646… → 79.6
    ("20.4", 113, True),    # 23/113 = 20.353… → 20.4
    ("39.8", 113, True),    # 45/113 = 39.823… → 39.8
    ("25.7", 113, True),    # 29/113 = 25.663… → 25.7
    ("8.8", 113, True),     # 10/113 = 8.849… → 8.8
    ("7.1", 113, True),     # 8/113 = 7.079… → 7.1
    ("5.3", 113, True),     # 6/113 = 5.309… → 5.3
    ("58.4", 113, True),    # 66/113 = 58.407… → 58.4
    ("41.6", 113, True),    # 47/113 = 41.592… → 41.6
    ("54.9", 113, True),    # 62/113 = 54.867… → 54.9
    # --- the same figure against the wrong base ---
    ("81.4", 100, False),   # k/100 is a whole percent: 81/100 = 81.0, 82/100 = 82.0
    ("81.4", 112, False),   # 91/112 = 81.25 → 81.3 (or 81.2), 92/112 = 82.142… → 82.1
    ("81.40", 113, False),  # two decimals claimed: 92/113 = 81.4159… → 81.42; 91/113 = 80.53
    ("81.42", 113, True),   # 92/113 = 81.4159… → 81.42
    ("99.9", 113, False),   # 112/113 = 99.115… → 99.1; 113/113 = 100.0
    ("0.5", 113, False),    # 0/113 = 0.0; 1/113 = 0.884… → 0.9
    # --- whole-number percentages ---
    ("71", 43, False),      # 30/43 = 69.767… → 70; 31/43 = 72.093… → 72
    ("72", 43, True),       # 31/43 = 72.093… → 72
    ("25", 4, True),        # 1/4 = 25 exactly
    ("26", 4, False),       # 1/4 = 25, 2/4 = 50
    ("50", 3, False),       # 1/3 = 33.3…, 2/3 = 66.6…
    # --- 0% and 100% ---
    ("0", 113, True),       # 0/113 = 0
    ("0.0", 113, True),     # 0/113 = 0.0
    ("100", 113, True),     # 113/113 = 100
    ("100.0", 7, True),     # 7/7 = 100.0
    ("101", 113, False),    # k ≤ N: at most 100
    ("-1", 113, False),     # k ≥ 0: at least 0
    # --- ties: half-up and half-even disagree, both accepted ---
    ("12", 8, True),        # 1/8 = 12.5: half-even → 12 (2 is even)
    ("13", 8, True),        # 1/8 = 12.5: half-up → 13
    ("62", 8, True),        # 5/8 = 62.5: half-even → 62
    ("63", 8, True),        # 5/8 = 62.5: half-up → 63
    ("37.5", 8, True),      # 3/8 = 37.5 exactly
    ("64", 8, False),       # 5/8 = 62.5 → 62 or 63; 6/8 = 75
    ("1.2", 80, True),      # 1/80 = 1.25: half-even → 1.2
    ("1.3", 80, True),      # 1/80 = 1.25: half-up → 1.3
    # --- thirds and sevenths ---
    ("33.3", 3, True),      # 1/3 = 33.333… → 33.3
    ("33.4", 3, False),     # 1/3 → 33.3, 2/3 → 66.7
    ("66.7", 3, True),      # 2/3 = 66.666… → 66.7
    ("14.29", 7, True),     # 1/7 = 14.2857… → 14.29
    ("14.28", 7, False),    # 1/7 → 14.29; truncation (14.28) is not accepted
    ("14.3", 7, True),      # 1/7 = 14.285… → 14.3
    # --- a large base ---
    ("81.4", 1_000_000, True),  # 814000/1000000 = 81.4 exactly
    ("0.05", 2000, True),   # 1/2000 = 0.05 exactly
]


@pytest.mark.parametrize(("percent", "base", "reachable"), REACHABLE)
def test_percent_reachable(percent: str, base: int, reachable: bool) -> None:
    assert percent_reachable(Decimal(percent), base) is reachable


@pytest.mark.parametrize(("percent", "base"), [(p, n) for p, n, ok in REACHABLE if p.lstrip("-").isdigit()])
def test_integer_percentages_behave_as_their_decimal(percent: str, base: int) -> None:
    """A percentage written as an int (YAML ``72``) is a whole-number claim, like Decimal("72")."""
    assert percent_reachable(int(percent), base) is percent_reachable(Decimal(percent), base)


@pytest.mark.parametrize(("percent", "base", "counts"), [
    ("81.4", 113, [92]),                    # only 92/113 lies in [81.35, 81.45]
    ("72", 43, [31]),
    ("12", 8, [1]),                         # the tie 12.5 under half-even
    ("50", 3, []),
    ("0", 1000, [0, 1, 2, 3, 4, 5]),        # k/10 in [0, 0.5]; 0.5 → 0 under half-even
    ("58", 1000, list(range(575, 586))),    # k/10 in [57.5, 58.5]: 57.5 → 58 (both), 58.5 → 58 (half-even)
])
def test_counts_for(percent: str, base: int, counts: list[int]) -> None:
    assert counts_for(Decimal(percent), base) == counts


def test_counts_for_a_large_base_only_looks_near_the_figure(monkeypatch: pytest.MonkeyPatch) -> None:
    # k/10000 in [81.35, 81.45]: 813500 → 81.35 → 81.4 (both); 814500 → 81.45 → 81.4 (half-even only)
    tried: list[int] = []
    exact = consistency_math._rounds_to
    monkeypatch.setattr(consistency_math, "_rounds_to", lambda p, k, n: tried.append(k) or exact(p, k, n))
    counts = counts_for(Decimal("81.4"), 1_000_000)
    assert (counts[0], counts[-1], len(counts)) == (813_500, 814_500, 1001)
    assert min(tried) >= 813_499 and max(tried) <= 814_501  # not the 814,501 counts from 0: a base may be millions


@pytest.mark.parametrize(("percent", "count", "base", "matches"), [
    ("81.4", 92, 113, True),    # 92/113 = 81.415… → 81.4
    ("80.5", 92, 113, False),   # 91/113 = 80.53… is 80.5; 92/113 is not
    ("80.5", 91, 113, True),
    ("81.4", 91, 113, False),
    ("12", 1, 8, True),         # 12.5, half-even
    ("13", 1, 8, True),         # 12.5, half-up
    ("38", 3, 8, True),         # 37.5: half-up and half-even both give 38
    ("37", 3, 8, False),        # ... and neither gives 37 (the tie's odd side)
    ("11", 1, 8, False),        # 12.5 is not 11
    ("100", 113, 113, True),
    ("81.4", 114, 113, False),  # more than the whole
])
def test_count_matches(percent: str, count: int, base: int, matches: bool) -> None:
    assert count_matches(Decimal(percent), count, base) is matches


@pytest.mark.parametrize(("percent", "base", "nearest"), [
    ("81.4", 100, [("81.0", 81), ("82.0", 82)]),
    ("81.4", 112, [("81.3", 91), ("82.1", 92)]),   # 91/112 = 81.25: half-up 81.3 is the nearer writing
    ("71", 43, [("70", 30), ("72", 31)]),
    ("81.40", 113, [("80.53", 91), ("81.42", 92)]),
    ("99.9", 113, [("99.1", 112), ("100.0", 113)]),
])
def test_nearest_reachable(percent: str, base: int, nearest: list[tuple[str, int]]) -> None:
    assert nearest_reachable(Decimal(percent), base) == [(Decimal(p), k) for p, k in nearest]


def test_precision_of_the_neighbours_is_the_figure_s() -> None:
    (below, _), (above, _) = nearest_reachable(Decimal("81.40"), 113)
    assert (str(below), str(above)) == ("80.53", "81.42")


def test_a_share_is_exact_at_any_precision_a_figure_is_written_with() -> None:
    """A figure written with 30 decimals is compared and shown exactly, not with the default 28 digits."""
    assert share(1, 3, 30) == {Decimal("33." + "3" * 30)}


@pytest.mark.parametrize("base", [0, -5])
def test_a_base_must_be_positive(base: int) -> None:
    with pytest.raises(ValueError, match=f"a percentage needs a base of at least 1, not {base}"):
        percent_reachable(Decimal("50"), base)


@pytest.mark.parametrize(("percents", "exhaustive", "ok"), [
    (["58.4", "41.6"], True, True),                     # 100.0 exactly
    (["79.6", "20.4"], True, True),
    (["33.3", "33.3", "33.3"], True, True),             # 99.9, tolerance 3 × 0.05 = 0.15
    (["33", "33", "33"], True, True),                   # 99, tolerance 3 × 0.5 = 1.5
    (["58.4", "41.5"], True, True),                     # 99.9, tolerance 0.1: on the boundary
    (["58.4", "41.4"], True, False),                    # 99.8, tolerance 0.1
    (["60.0", "41.6"], True, False),                    # 101.6
    (["50", "51"], True, True),                         # 101, tolerance 1: on the boundary
    (["50", "52"], True, False),                        # 102, tolerance 1
    (["99.95", "0.1"], True, True),                     # 100.05, tolerance 0.005 + 0.05
    (["39.8", "25.7", "8.8", "7.1", "5.3"], False, True),  # 86.7 ≤ 100
    (["60", "50"], False, False),                       # 110 > 101
    (["50.5", "50.0"], False, False),                   # 100.5 > 100.1
    (["50.0", "50.1"], False, True),                    # 100.1 ≤ 100.1
])
def test_shares_sum(percents: list[str], exhaustive: bool, ok: bool) -> None:
    assert shares_sum_ok([Decimal(p) for p in percents], exhaustive) is ok


# --- against exact rational arithmetic -------------------------------------------------------------------

def _written(exact: Fraction, places: int) -> set[Decimal]:
    """``exact`` written with ``places`` decimals, rounded half-up and half-even, by integer arithmetic alone."""
    scaled = exact * 10 ** places
    floor = scaled.numerator // scaled.denominator
    rest = scaled - floor
    half_up = floor + (rest >= Fraction(1, 2))
    half_even = floor + (rest > Fraction(1, 2) or (rest == Fraction(1, 2) and floor % 2 == 1))
    return {Decimal(value).scaleb(-places) for value in (half_up, half_even)}


@settings(max_examples=400, deadline=None)
@given(base=st.integers(1, 80) | st.integers(1, 5000), data=st.data(), places=st.integers(0, 3))  # small bases: ties
def test_a_count_matches_exactly_when_its_share_is_written_that_way(base: int, data: st.DataObject, places: int) -> None:
    """The k/N test agrees with Fraction arithmetic: a wider or narrower window fails here."""
    count = data.draw(st.integers(0, base))
    written = _written(Fraction(100 * count, base), places)
    for figure in written:
        assert count_matches(figure, count, base)
    step = Decimal(1).scaleb(-places)
    for neighbour in (min(written) - step, max(written) + step):  # the next figures written either side
        if neighbour >= 0:
            assert count_matches(neighbour, count, base) is (neighbour in written)
    assert count in counts_for(min(written), base)


@pytest.mark.parametrize("qualifier, exact, bound, meets", [
    ("more-than", "81", "81", False), ("more-than", "81.0001", "81", True),
    ("at-least", "81", "81", True), ("at-least", "80.9999", "81", False),
    ("fewer-than", "81", "81", False), ("fewer-than", "80.9999", "81", True),
    ("up-to", "81", "81", True), ("up-to", "81.0001", "81", False),
    ("about", "50", "81", True),  # "about" states no bound
])
def test_a_bound_at_its_own_value(qualifier: str, exact: str, bound: str, meets: bool) -> None:
    """'more than 81%' is not met by exactly 81%; 'at least 81%' is."""
    assert meets_bound(qualifier, Decimal(exact), Decimal(bound)) is meets
