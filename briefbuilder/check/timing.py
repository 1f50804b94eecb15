"""Time rules: dates of evidence are possible and recent enough.

Dates checked are those of the evidence, a statistic's ``as_of`` and a
source's ``date``. The brief's own date is not required to be in the past: a
submission is often dated for the day it is due.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ..errors import Location
from .findings import CheckContext, Finding, register_rule


def _evidence_dates(context: CheckContext) -> Iterator[tuple[str, dt.date, Location | None]]:
    for statistic in context.brief.statistics:
        if statistic.as_of is not None:
            yield f"statistic '{statistic.id}' is as of", statistic.as_of, statistic.where("as_of")
    for source in context.brief.sources:
        if source.date is not None:
            yield f"source '{source.id}' is dated", source.date, source.where("date")


def future(context: CheckContext) -> Iterator[Finding]:
    brief_date = context.brief.brief.date
    for what, date, location in _evidence_dates(context):
        if date > brief_date:
            yield Finding("error", "time.future", f"{what} {date}, after the brief's date {brief_date}", location)
        elif date > context.today:
            yield Finding("error", "time.future", f"{what} {date}, in the future (today is {context.today})", location)


register_rule(
    future, "time.future", "No statistic or source is dated after the brief's date, or after today.",
    severity="error",
    example="brief.yaml:27: error: time.future: statistic 'interviews' is as of 2025-06-01, after the brief's date 2024-11-15")


def source_after_statistic(context: CheckContext) -> Iterator[Finding]:
    brief = context.brief
    for statistic in brief.statistics:
        if statistic.as_of is None:
            continue
        for ref in statistic.sources:
            source = brief.source(ref.id)
            if source is not None and source.date is not None and statistic.as_of > source.date:
                yield Finding("error", "time.source-after-statistic",
                              f"statistic '{statistic.id}' is as of {statistic.as_of}, but its source '{source.id}' "
                              f"was published on {source.date}; check both dates",
                              statistic.where("as_of"))


register_rule(
    source_after_statistic, "time.source-after-statistic",
    "A statistic is not dated after a source it cites: a source published on a date cannot report data from after it.",
    severity="error",
    example="brief.yaml:27: error: time.source-after-statistic: statistic 'interviews' is as of 2025-06-01, but its source 'tjwg-2024' was published on 2024-10-31; check both dates")


def stale(context: CheckContext) -> Iterator[Finding]:
    years = context.pack.staleness_years
    if years is None:
        return
    cutoff = years_before(context.brief.brief.date, years)
    for source in context.brief.sources:
        if source.date is not None and source.date < cutoff:
            yield Finding("warning", "time.stale",
                          f"source '{source.id}' is dated {source.date}, more than {years} years before the brief "
                          f"({context.brief.brief.date}); look for newer evidence or say why it still holds",
                          source.where("date"))


register_rule(
    stale, "time.stale", "No source is older than the audience's staleness limit (staleness_years before the brief's date).",
    severity="warning",
    example="brief.yaml:11: warning: time.stale: source 'kinu-2014' is dated 2014-06-30, more than 5 years before the brief (2024-11-15); look for newer evidence or say why it still holds")


def years_before(date: dt.date, years: int) -> dt.date:
    """The same calendar day ``years`` earlier (29 February becomes 28 February)."""
    try:
        return date.replace(year=date.year - years)
    except ValueError:
        return date.replace(year=date.year - years, day=28)
