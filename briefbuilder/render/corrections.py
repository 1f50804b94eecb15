"""The catalog facts a user confirmed or replaced beside the brief, for the evidence annex.

A reviewer must see which treaty facts rest on the bundled research and which
on the user's own source: every fact read from a ``catalog.yaml`` beside the
brief is listed with that source, in the document's language.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from ..catalog import Catalog, DateFact, Fact, State, Status, Treaty, UntsFact
from ..catalog.model import DATA_DIR
from ..markdown import Markdown, escape_markdown
from ..messages import C_
from .treaty_listing import ACTION_NAMES, confidence_text

if TYPE_CHECKING:
    from .context import RenderContext

FACT_NAMES: dict[str, tuple[str, str]] = {
    "adopted": C_("catalog fact", "adopted"),
    "in_force": C_("catalog fact", "entry into force"),
    "unts": C_("catalog fact", "Treaty Series reference"),
    "status": C_("catalog fact", "status"),
}
# Translators: volume, page: numbers of the United Nations Treaty Series volume and first page
SERIES_VALUE = C_("catalog fact", "vol. %(volume)s, p. %(page)s")
# Translators: action: ratification, accession... (the treaty action messages); date: formatted, may be empty
STATUS_VALUE = C_("catalog fact", "%(action)s %(date)s")


def users_facts(catalog: Catalog, context: RenderContext) -> list[dict[str, Markdown]]:
    """One row per fact read from a file outside the package: what it is, its value, its source."""
    locale = context.locale
    rows = []
    for subject, name, fact in _user_facts(catalog):
        if isinstance(fact, DateFact):
            value = context.date(fact.date)
        elif isinstance(fact, UntsFact):
            value = locale.pgettext(*SERIES_VALUE) % {"volume": str(fact.volume), "page": str(fact.page)}
        elif isinstance(fact, Status):
            value = locale.pgettext(*STATUS_VALUE) % {
                "action": locale.pgettext(*ACTION_NAMES[fact.action]),
                "date": context.date(fact.date) if fact.date else Markdown("")}
        else:
            continue
        rows.append({
            "subject": escape_markdown(subject(locale.code)),
            "fact": locale.pgettext(*FACT_NAMES[name]),
            "value": Markdown(str(value).strip()),
            "source": escape_markdown(fact.source),
            "confidence": escape_markdown(confidence_text(fact.confidence, locale)),
        })
    return rows


Naming = Callable[[str], str]  # a subject's name in a language


def _user_facts(catalog: Catalog) -> Iterator[tuple[Naming, str, Fact]]:
    """(how to name the subject in a language, which fact, the fact) for every fact outside the package."""
    for treaty in catalog.treaties.values():
        for name in ("adopted", "in_force", "unts"):
            fact = getattr(treaty, name)
            if fact is not None and _is_users(fact):
                yield treaty.short, name, fact
    for status in catalog.statuses_of():
        if _is_users(status):
            treaty, state = catalog.treaties[status.treaty], catalog.states[status.state]
            yield _status_subject(treaty, state), "status", status


def _status_subject(treaty: Treaty, state: State) -> Naming:
    return lambda lang: f"{state.name(lang)}: {treaty.short(lang)}"


def _is_users(fact: Fact) -> bool:
    location = fact.where()
    return location is not None and Path(location.file).resolve().parent != DATA_DIR
