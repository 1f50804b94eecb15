"""Provenance rules: every figure can be traced to a source a reader can find.

A desk officer checks a figure by opening the source at the page cited. These
rules make sure there is a source, that it says who published it and when,
that its address is usable, and that it is pointed at precisely.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

from ..load.brief import narrative_texts
from ..model import Brief
from ..narrative import find_references
from .findings import CheckContext, Finding, register_rule


def no_source(context: CheckContext) -> Iterator[Finding]:
    for statistic in context.brief.statistics:
        if not statistic.sources:
            yield Finding("error", "provenance.no-source",
                          f"statistic '{statistic.id}' cites no source; add 'sources:' with the id of the source it is drawn from",
                          statistic.where("sources"))


register_rule(
    no_source, "provenance.no-source", "Every statistic cites at least one source.",
    severity="error",
    example="brief.yaml:13: error: provenance.no-source: statistic 'victims' cites no source; add 'sources:' with the id of the source it is drawn from")


def no_locator(context: CheckContext) -> Iterator[Finding]:
    for statistic in context.brief.statistics:
        for ref in statistic.sources:
            if not ref.locator:
                yield Finding("warning", "provenance.no-locator",
                              f"statistic '{statistic.id}' cites '{ref.id}' without a page, paragraph or section",
                              ref.where())


register_rule(
    no_locator, "provenance.no-locator", "Every cited source is pointed at by page, paragraph or section, so a reader can find the figure.",
    severity="warning",
    example="brief.yaml:21: warning: provenance.no-locator: statistic 'victims' cites 'tjwg-2024' without a page, paragraph or section")


def source_publisher(context: CheckContext) -> Iterator[Finding]:
    for source in context.brief.sources:
        if source.publisher is None and source.author is None:
            yield Finding("error", "provenance.source-publisher",
                          f"source '{source.id}' names neither a publisher nor an author; add 'publisher:'",
                          source.where())


register_rule(
    source_publisher, "provenance.source-publisher", "Every source names its publisher or author.",
    severity="error",
    example="brief.yaml:7: error: provenance.source-publisher: source 'blog' names neither a publisher nor an author; add 'publisher:'")


def source_date(context: CheckContext) -> Iterator[Finding]:
    for source in context.brief.sources:
        if source.date is None:
            yield Finding("error", "provenance.source-date",
                          f"source '{source.id}' has no date; add 'date: YYYY-MM-DD' (its publication date)",
                          source.where())


register_rule(
    source_date, "provenance.source-date", "Every source has a publication date.",
    severity="error",
    example="brief.yaml:7: error: provenance.source-date: source 'tjwg-2024' has no date; add 'date: YYYY-MM-DD' (its publication date)")


def url(context: CheckContext) -> Iterator[Finding]:
    organisation = context.brief.brief.organisation
    owners = [(f"source '{s.id}'", s.url, s.where("url")) for s in context.brief.sources]
    owners.append(("the organisation", organisation.url, organisation.where("url")))
    for owner, address, location in owners:
        if address is not None and not well_formed_url(address):
            yield Finding("error", "provenance.url",
                          f"{owner} has a malformed URL '{address}'; write it in full, e.g. https://example.org/report",
                          location)


register_rule(
    url, "provenance.url", "Every URL (of a source or the organisation) is absolute: an http(s) scheme and a host.",
    severity="error",
    example="brief.yaml:12: error: provenance.url: source 'tjwg-2024' has a malformed URL 'en.tjwg.org/report'; write it in full, e.g. https://example.org/report")


def well_formed_url(address: str) -> bool:
    """An absolute http(s) address with a public host name and no whitespace: one a reader can open."""
    if any(character.isspace() for character in address):
        return False
    try:
        parts = urlsplit(address)
        host = parts.hostname or ""
        parts.port  # noqa: B018  (raises ValueError on a malformed port)
    except ValueError:
        return False
    labels = host.split(".")
    return parts.scheme in {"http", "https"} and len(labels) > 1 and all(labels)


def unused_source(context: CheckContext) -> Iterator[Finding]:
    cited = cited_sources(context.brief)
    for source in context.brief.sources:
        if source.id not in cited:
            yield Finding("warning", "provenance.unused-source",
                          f"source '{source.id}' is never cited; cite it or remove it",
                          source.where("id"))


register_rule(
    unused_source, "provenance.unused-source", "Every source is cited by a statistic or by a [[cite:ID]] reference in the narrative.",
    severity="warning",
    example="brief.yaml:14: warning: provenance.unused-source: source 'reuters-2024' is never cited; cite it or remove it")


def cited_sources(brief: Brief) -> set[str]:
    """Ids of sources cited by a statistic or a ``[[cite:ID]]`` in any language."""
    cited = {ref.id for statistic in brief.statistics for ref in statistic.sources}
    for text in narrative_texts(brief):
        for body in text.root.values():
            cited.update(ref.target for ref in find_references(body) if ref.kind == "cite")
    return cited

