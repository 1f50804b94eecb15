"""The evidence annex: every statistic traced to its source, for reviewers.

One list of rows feeds the annex table in the rendered brief and the CSV and
JSON files written beside the outputs, so the three can never disagree.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from ..model import Brief
from ..messages import C_

STATUS_NAMES: dict[str, tuple[str, str]] = {
    "verified": C_("verification status", "verified"),
    "reported": C_("verification status", "reported"),
    "unverified": C_("verification status", "unverified"),
}


@dataclass(frozen=True)
class EvidenceSource:
    id: str
    title: str
    publisher: str
    date: str | None
    url: str | None
    page: str | None
    paragraph: str | None
    section: str | None


@dataclass(frozen=True)
class EvidenceRow:
    id: str
    label: str
    value: str  # as written in the brief, precision kept ("81.40")
    unit: str
    qualifier: str | None
    base: int | None
    count: int | None  # as the brief gives it, never computed
    derived_count: int | None  # share × base, rounded half up, when the brief gives no count: not data
    sources: tuple[EvidenceSource, ...]
    status: str
    as_of: str | None

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def evidence_rows(brief: Brief, lang: str) -> list[EvidenceRow]:
    """One row per statistic, labels and titles in ``lang`` (titles fall back to the original)."""
    rows = []
    for statistic in brief.statistics:
        sources = []
        for ref in statistic.sources:
            source = brief.source(ref.id)
            assert source is not None  # the loader has checked every source reference
            named = source.publisher or source.author
            sources.append(EvidenceSource(
                id=source.id, title=source.title.get(lang, fallback=True),
                publisher=named.get(lang, fallback=True) if named else "",
                date=source.date.isoformat() if source.date else None, url=source.url,
                page=ref.page, paragraph=ref.paragraph, section=ref.section,
            ))
        computed = brief.count_of(statistic)
        rows.append(EvidenceRow(
            id=statistic.id, label=statistic.label.get(lang), value=str(statistic.value), unit=statistic.unit,
            qualifier=statistic.qualifier, base=brief.base_of(statistic), count=statistic.count,
            derived_count=computed if statistic.count is None else None,
            sources=tuple(sources), status=statistic.status,
            as_of=statistic.as_of.isoformat() if statistic.as_of else None,
        ))
    return rows
