"""Consistency rules: the numbers of a brief hold together.

A percentage of N people can only be k/N; a count cannot exceed its whole;
shares of one whole add up to it. One figure that fails these tests makes a
reader doubt every other, so each is an error. The arithmetic lives in
:mod:`.consistency_math`.

Figures with a qualifier ("about 80%", "more than 81%") are not rounded k/N
values but approximations or bounds: the k/N test does not apply to them, and
a count given with a bound is checked against the bound instead.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ..model import Brief, Statistic
from .consistency_math import (
    HUNDRED,
    count_matches,
    decimals,
    nearest_reachable,
    percent_reachable,
    share,
    shares_sum_ok,
)
from .findings import CheckContext, Finding, register_rule

COUNT_UNITS = {"persons", "cases", "interviews", "incidents"}


def _percent(value: Decimal | int) -> str:
    return f"{value}%"


def _places(value: Decimal | int) -> str:
    places = decimals(value)
    return {0: "as a whole number", 1: "at one decimal"}.get(places, f"at {places} decimals")


def _exact_base(brief: Brief, statistic: Statistic) -> int | None:
    """The percentage's N, when it is a usable whole count (other cases are other rules' findings)."""
    if isinstance(statistic.base, str):
        referenced = brief.statistic(statistic.base)
        if referenced is None or base_problem(referenced) is not None:
            return None
    base = brief.base_of(statistic)
    return base if base is not None and base >= 1 else None


def percent_base(context: CheckContext) -> Iterator[Finding]:
    brief = context.brief
    for statistic in brief.statistics:
        if statistic.unit != "percent" or statistic.base is None:
            continue
        if statistic.base == 0:  # a negative base is a part-exceeds-whole finding
            yield Finding("error", "consistency.percent-base",
                          f"'{statistic.id}' is a percentage of 0; a base must be at least 1",
                          statistic.where("base"))
            continue
        base = _exact_base(brief, statistic)
        value = statistic.value
        if base is None or statistic.qualifier is not None or not 0 <= value <= HUNDRED:
            continue
        if not percent_reachable(value, base):
            nearest = ", ".join(f"{_percent(p)} ({k}/{base})" for p, k in nearest_reachable(value, base))
            yield Finding("error", "consistency.percent-base",
                          f"{_percent(value)} cannot be k/{base} {_places(value)}; nearest: {nearest}",
                          statistic.where("value"))


register_rule(
    percent_base, "consistency.percent-base", "A percentage of N is reachable as k/N rounded to the precision it is written with.",
    severity="error",
    example="brief.yaml:18: error: consistency.percent-base: 81.4% cannot be k/100 at one decimal; nearest: 81.0% (81/100), 82.0% (82/100)")


def count(context: CheckContext) -> Iterator[Finding]:
    brief = context.brief
    for statistic in brief.statistics:
        k = statistic.count
        if statistic.unit != "percent" or k is None:
            continue
        base = _exact_base(brief, statistic)
        if base is None or not 0 <= k <= base:
            continue
        value = statistic.value
        if statistic.qualifier is None:
            agrees = count_matches(value, k, base)
        else:
            agrees = meets_bound(statistic.qualifier, Decimal(100 * k) / Decimal(base), value)
        if not agrees:
            # a bound is compared with the exact share: show it one digit finer than the bound
            places = decimals(value) + (statistic.qualifier is not None)
            actual = " or ".join(_percent(p) for p in sorted(share(k, base, places)))
            claim = _percent(value)
            if statistic.qualifier:
                claim = f"{statistic.qualifier.replace('-', ' ')} {claim}"
            yield Finding("error", "consistency.count",
                          f"{k} of {base} is {actual}, not {claim}; correct the count or the percentage",
                          statistic.where("value"))


register_rule(
    count, "consistency.count", "A percentage given with its count agrees with it: k of N rounds to the percentage (or meets its bound).",
    severity="error",
    example="brief.yaml:18: error: consistency.count: 92 of 113 is 81.4%, not 80.5%; correct the count or the percentage")


def meets_bound(qualifier: str, exact: Decimal, bound: Decimal | int) -> bool:
    """Does the exact share satisfy a qualified figure ("more than 81%")? "about" states no bound."""
    checks = {
        "more-than": exact > bound,
        "at-least": exact >= bound,
        "fewer-than": exact < bound,
        "up-to": exact <= bound,
    }
    return checks.get(qualifier, True)


def part_exceeds_whole(context: CheckContext) -> Iterator[Finding]:
    brief = context.brief
    for statistic in brief.statistics:
        yield from _whole_problems(brief, statistic)


register_rule(
    part_exceeds_whole, "consistency.part-exceeds-whole", "No count exceeds its base, no share exceeds 100%, and no count, share or base is negative.",
    severity="error",
    example="brief.yaml:22: error: consistency.part-exceeds-whole: 'mss-jurisdiction' counts 114 of a whole of 113")


def _whole_problems(brief: Brief, statistic: Statistic) -> Iterator[Finding]:
    # A percentage outside 0-100 never gets here: the loader refuses it (model.Statistic).
    value, rule_id = statistic.value, "consistency.part-exceeds-whole"
    if value < 0 and statistic.unit in COUNT_UNITS:
        yield Finding("error", rule_id, f"'{statistic.id}' is negative ({value})", statistic.where("value"))
    if statistic.count is not None and statistic.count < 0:
        yield Finding("error", rule_id, f"'{statistic.id}' has a negative count ({statistic.count})",
                      statistic.where("count"))
    if isinstance(statistic.base, int) and statistic.base < 0:
        yield Finding("error", rule_id, f"'{statistic.id}' has a negative base ({statistic.base})",
                      statistic.where("base"))
    base = _exact_base(brief, statistic)
    if base is None:
        return
    if statistic.count is not None and statistic.count > base:
        yield Finding("error", rule_id, f"'{statistic.id}' counts {statistic.count} of a whole of {base}",
                      statistic.where("count"))
    if statistic.unit != "percent" and value > base:
        yield Finding("error", rule_id, f"'{statistic.id}' is {value} of a whole of {base}", statistic.where("value"))


def group_sum(context: CheckContext) -> Iterator[Finding]:
    brief = context.brief
    for group in brief.groups:
        parts = [s for s in (brief.statistic(part) for part in group.parts) if s is not None]
        units = {part.unit == "percent" for part in parts}
        if units == {False}:  # counts without a stated whole: nothing to add up
            continue
        if units == {True, False}:
            yield Finding("error", "consistency.group-sum",
                          f"group '{group.id}' mixes percentages with other units; its parts must all be shares (unit: percent)",
                          group.where("parts"))
            continue
        bases = {base for base in (brief.base_of(part) for part in parts) if base is not None}
        if len(bases) > 1:
            listed = ", ".join(f"{part.id}: {brief.base_of(part)}" for part in parts if part.base is not None)
            yield Finding("error", "consistency.group-sum",
                          f"group '{group.id}' has parts of different wholes ({listed})", group.where("parts"))
            continue
        total = sum(Decimal(part.value) for part in parts)
        if not shares_sum_ok([part.value for part in parts], group.exhaustive):
            expected = "100%" if group.exhaustive else "at most 100%"
            yield Finding("error", "consistency.group-sum",
                          f"the parts of group '{group.id}' sum to {total}%, not {expected} within rounding",
                          group.where("parts"))
        counts = [part.count for part in parts if part.count is not None]
        if len(bases) == 1 and len(counts) == len(parts):  # exact counts of one whole: no rounding to allow
            (base,) = bases
            counted = sum(counts)
            if counted > base or (group.exhaustive and counted != base):
                expected_count = str(base) if group.exhaustive else f"at most {base}"
                yield Finding("error", "consistency.group-sum",
                              f"the counts of group '{group.id}' sum to {counted}, not {expected_count}",
                              group.where("parts"))


register_rule(
    group_sum, "consistency.group-sum", "Shares of one whole have the same base and sum to 100% within rounding (at most 100% if not exhaustive).",
    severity="error",
    example="brief.yaml:50: error: consistency.group-sum: the parts of group 'sex' sum to 103.5%, not 100% within rounding")


def base_unit(context: CheckContext) -> Iterator[Finding]:
    brief = context.brief
    for statistic in brief.statistics:
        if not isinstance(statistic.base, str):
            continue
        referenced = brief.statistic(statistic.base)
        problem = base_problem(referenced) if referenced is not None else None
        if problem is not None:
            yield Finding("error", "consistency.base-unit",
                          f"'{statistic.id}' is a share of '{statistic.base}', which {problem}",
                          statistic.where("base"))


register_rule(
    base_unit, "consistency.base-unit", "A percentage's base statistic is an exact whole count: not a percentage, a fraction or a qualified figure.",
    severity="error",
    example="brief.yaml:20: error: consistency.base-unit: 'children' is a share of 'men', which is a percentage, not a count; use the statistic counting the whole")


def base_problem(base: Statistic) -> str | None:
    """Why a statistic cannot serve as the N of a percentage, or None if it can."""
    if base.unit == "percent":
        return "is a percentage, not a count; use the statistic counting the whole"
    if base.value != int(base.value):
        return f"is not a whole number ({base.value})"
    if base.qualifier is not None:
        return f"is approximate ({base.qualifier} {base.value}); a share needs an exact whole"
    return None
