"""Formatting-free listings of the catalog, for ``briefbuilder treaties [STATE]``."""

from __future__ import annotations

from typing import Any

from .load import Catalog


def describe_catalog(catalog: Catalog, state: str | None = None, lang: str = "en") -> list[dict[str, Any]]:
    """One row per status cell (of ``state``, or of every State), short names in ``lang``.

    Raises :class:`~briefbuilder.errors.BriefError` for a State the catalog
    does not have, so a typo is not mistaken for "no treaties".
    """
    if state is not None:
        catalog.state(state)
    return [
        {
            "state": status.state,
            "treaty": status.treaty,
            "short": catalog.treaties[status.treaty].short(lang),
            "action": status.action,
            "date": status.date,
            "confidence": str(status.confidence),
            "confirmed": status.is_confirmed,
            "source": status.source,
        }
        for status in catalog.statuses_of(state)
    ]
