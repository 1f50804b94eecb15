"""Listings of the catalog in the user's language, for ``briefbuilder treaties [STATE]``.

Every word of a listing (actions, confidence levels, the footer) is a gettext
message, so ``--lang`` translates the listing like a brief; names come from the
catalog in that language, and sources are data, shown as recorded.
"""

from __future__ import annotations

from typing import Any

from ..catalog import Catalog, Confidence
from ..i18n import C_
from ..locale import LocaleData


ACTION_NAMES: dict[str, tuple[str, str]] = {
    "ratification": C_("treaty action", "ratification"),
    "accession": C_("treaty action", "accession"),
    "succession": C_("treaty action", "succession"),
    "signature": C_("treaty action", "signature"),
    "none": C_("treaty action", "none"),
}
LEVEL_NAMES: dict[str, tuple[str, str]] = {
    "confirmed": C_("confidence", "confirmed"),
    "year-confirmed": C_("confidence", "year confirmed, day unconfirmed"),
    "unconfirmed": C_("confidence", "unconfirmed"),
}
QUALIFIER_NAMES: dict[str, tuple[str, str]] = {
    "secondary": C_("confidence qualifier", "secondary source"),
    "weak": C_("confidence qualifier", "weak source"),
    "partial": C_("confidence qualifier", "partly seen"),
}
# Translators: level: a confidence level (confirmed); qualifier: how the source is qualified (secondary source)
QUALIFIED = C_("confidence", "%(level)s (%(qualifier)s)")
# Translators: confidence: a confidence level; year: the year a "no action" status was last confirmed
AS_OF_YEAR = C_("confidence", "%(confidence)s as of %(year)s")
# Translators: as_of: the month the bundled catalog was compiled (2026-11)
FOOTER = C_("treaties command", "catalog as of %(as_of)s: treaty status changes; check the treaty's page in the "
                                "UN Treaty Collection before relying on a row")
# Translators: the columns of 'briefbuilder treaties', tab-separated: keep the tabs and the order
HEADER = C_("treaties command", "State\tTreaty id\tTreaty\tAction\tDate\tConfidence\tSource")


def describe_catalog(catalog: Catalog, locale: LocaleData, state: str | None = None) -> list[dict[str, Any]]:
    """One row per status cell (of ``state``, or of every State), in ``locale``'s language.

    Raises :class:`~briefbuilder.errors.BriefError` for a State the catalog
    does not have, so a typo is not mistaken for "no treaties".
    """
    if state is not None:
        catalog.state(state)
    return [
        {
            "state": status.state,
            "treaty": status.treaty,
            "short": catalog.treaties[status.treaty].short(locale.code),
            "action": str(locale.pgettext(*ACTION_NAMES[status.action])),
            "date": status.date,
            "confidence": confidence_text(status.confidence, locale),
            "confirmed": status.is_confirmed,
            "source": status.source,
        }
        for status in catalog.statuses_of(state)
    ]


def confidence_text(confidence: Confidence, locale: LocaleData) -> str:
    """"confirmed as of 2016" / "확인됨(2016년 기준)", from the level, qualifier and year."""
    text = locale.pgettext(*LEVEL_NAMES[confidence.level])
    if confidence.qualifier:
        text = locale.pgettext(*QUALIFIED) % {"level": text,
                                               "qualifier": locale.pgettext(*QUALIFIER_NAMES[confidence.qualifier])}
    if confidence.as_of:
        text = locale.pgettext(*AS_OF_YEAR) % {"confidence": text, "year": str(confidence.as_of)}
    return str(text)


def listing_header(locale: LocaleData) -> str:
    return str(locale.pgettext(*HEADER))


def listing_footer(catalog: Catalog, locale: LocaleData) -> str:
    return str(locale.pgettext(*FOOTER) % {"as_of": catalog.as_of})
