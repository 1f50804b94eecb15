"""Arithmetic of reported shares: can a percentage be k out of N at the precision written?

A percentage of N people can only take the values 100·k/N, rounded. Written
with one decimal, "81.4% of 113" is possible (92/113 = 81.415…) but "81.4% of
100" is not: this is the GRIM test (Brown & Heathers, 2016) applied to shares.

Precision is read from the figure as written: trailing zeros count, so
``Decimal("81.40")`` claims two decimals and must match 100·k/N to 0.005.

Rounding conventions accepted: round-half-up (what people and spreadsheets do)
and round-half-even (what Python's ``round`` and many statistics packages do).
They differ only on exact ties: 1/8 = 12.5% is written "13" under half-up and
"12" under half-even, so both are accepted. Truncation is *not* accepted: it
would double the window around every figure and let most wrong figures
through; a source that truncates should be quoted with its count.

Everything is exact: Decimal and integer arithmetic, never float. The test
``|100·k − p·N| ≤ h·N`` needs only multiplication, which Decimal does exactly
under a context wide enough for the operands.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import (
    ROUND_CEILING,
    ROUND_FLOOR,
    ROUND_HALF_EVEN,
    ROUND_HALF_UP,
    Context,
    Decimal,
)

HUNDRED = Decimal(100)
# Wide enough that products of a written figure and a base are never rounded.
_EXACT = Context(prec=200)


def decimals(value: Decimal | int) -> int:
    """Decimal places a figure is written with ("81.40" → 2, "81" → 0)."""
    if isinstance(value, int):
        return 0
    exponent = value.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def half_unit(value: Decimal | int) -> Decimal:
    """Half a unit of the last written digit: how far the true value may lie from the figure."""
    return Decimal(5).scaleb(-decimals(value) - 1)


def _as_decimal(value: Decimal | int) -> Decimal:
    return value if isinstance(value, Decimal) else Decimal(value)


def _check_base(base: int) -> None:
    if base < 1:
        raise ValueError(f"a percentage needs a base of at least 1, not {base}")


def _rounds_to(percent: Decimal, count: int, base: int) -> bool:
    """Does 100·count/base round to ``percent`` under half-up or half-even?"""
    h = half_unit(percent)
    # distance·N, exact: 100·k − p·N compared with ±h·N
    gap = _EXACT.subtract(Decimal(100 * count), _EXACT.multiply(percent, Decimal(base)))
    limit = _EXACT.multiply(h, Decimal(base))
    if abs(gap) < limit:
        return True
    if gap == -limit:  # a tie just below: half-up rounds it up to the figure
        return True
    if gap == limit:  # a tie just above: only half-even, and only to an even last digit
        last_digit = int(percent.scaleb(decimals(percent)).to_integral_value()) % 10
        return last_digit % 2 == 0
    return False


def counts_for(percent: Decimal | int, base: int) -> list[int]:
    """Every count k in 0..base whose share 100·k/base is written as ``percent``."""
    _check_base(base)
    p = _as_decimal(percent)
    h = half_unit(p)
    lowest = _EXACT.divide(_EXACT.multiply(p - h, Decimal(base)), HUNDRED).to_integral_value(ROUND_CEILING)
    highest = _EXACT.divide(_EXACT.multiply(p + h, Decimal(base)), HUNDRED).to_integral_value(ROUND_FLOOR)
    candidates = range(max(0, int(lowest)), min(base, int(highest)) + 1)
    return [k for k in candidates if _rounds_to(p, k, base)]


def percent_reachable(percent: Decimal | int, base: int) -> bool:
    """Is there a count k out of ``base`` that is written as ``percent``?"""
    return bool(counts_for(percent, base))


def count_matches(percent: Decimal | int, count: int, base: int) -> bool:
    """Is ``count`` out of ``base`` written as ``percent``?"""
    _check_base(base)
    return 0 <= count <= base and _rounds_to(_as_decimal(percent), count, base)


def share(count: int, base: int, places: int) -> set[Decimal]:
    """100·count/base written with ``places`` decimals, under each accepted rounding."""
    _check_base(base)
    exact = _EXACT.divide(Decimal(100 * count), Decimal(base))
    quantum = Decimal(1).scaleb(-places)
    return {exact.quantize(quantum, rounding=mode, context=_EXACT) for mode in (ROUND_HALF_UP, ROUND_HALF_EVEN)}


def nearest_reachable(percent: Decimal | int, base: int) -> list[tuple[Decimal, int]]:
    """The reachable figures just below and just above ``percent``, with their counts.

    Shares grow with k, so the neighbours come from the last k whose exact
    share is at most ``percent`` and the first k above it.
    """
    _check_base(base)
    p = _as_decimal(percent)
    places = decimals(p)
    below = int(_EXACT.divide(_EXACT.multiply(p, Decimal(base)), HUNDRED).to_integral_value(ROUND_FLOOR))
    neighbours: list[tuple[Decimal, int]] = []
    if 0 <= below <= base:
        lower = [value for value in share(below, base, places) if value < p]
        if lower:
            neighbours.append((max(lower), below))
    if 0 <= below + 1 <= base:
        upper = [value for value in share(below + 1, base, places) if value > p]
        if upper:
            neighbours.append((min(upper), below + 1))
    return neighbours


def shares_sum_ok(percents: Iterable[Decimal | int], exhaustive: bool) -> bool:
    """Do shares of one whole add up, allowing each its rounding (±half a unit of its last digit)?

    Exhaustive parts must sum to 100 within the accumulated tolerance; parts
    that leave something out must not exceed 100 plus that tolerance.
    """
    values = [_as_decimal(p) for p in percents]
    total = sum(values, Decimal(0))
    tolerance = sum((half_unit(p) for p in values), Decimal(0))
    if exhaustive:
        return abs(total - HUNDRED) <= tolerance
    return total <= HUNDRED + tolerance
