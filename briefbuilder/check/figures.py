"""Figures whose form suggests a slip in writing them down."""

from __future__ import annotations

from collections.abc import Iterator

from .findings import CheckContext, Finding, register_rule


def percent_as_fraction(context: CheckContext) -> Iterator[Finding]:
    for statistic in context.brief.statistics:
        if statistic.unit == "percent" and 0 < statistic.value < 1:
            as_percent = f"{(statistic.value * 100).normalize():f}"  # 90, as written; never 9E+1
            yield Finding("warning", "consistency.percent-as-fraction",
                          f"'{statistic.id}' is {statistic.value}%, less than one per cent; if the source says "
                          f"{as_percent}%, write 'value: {as_percent}' (values are in per cent, not fractions)",
                          statistic.where("value"))


register_rule(
    percent_as_fraction, "consistency.percent-as-fraction",
    "A percentage between 0 and 1 (exclusive) is questioned: 0.814 is often 81.4% written as a fraction.",
    severity="warning",
    example="brief.yaml:18: warning: consistency.percent-as-fraction: 'share' is 0.814%, less than one per cent; "
            "if the source says 81.4%, write 'value: 81.4' (values are in per cent, not fractions)")
