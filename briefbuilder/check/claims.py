"""Claims rules: every treaty-status claim in a brief is checked against the catalog.

The project began with an article saying North Korea is party to the 1951
Refugee Convention; it is not. A claim that contradicts the catalog is an
error naming what the catalog says, how sure it is, its source and where to
re-check. A claim the catalog cannot back (State or status not recorded, or
recorded without confirmation) is a warning: never silently "verified".

An unknown treaty id is an error (``claims.unknown-treaty``), not a warning:
the brief refers to the catalog by id, as it refers to its own sources, so an
unknown id is almost always a typo; a treaty the catalog lacks can be added
in ``catalog.yaml`` beside the brief. An unknown State is only a warning:
any State may be the subject of a claim, the catalog just cannot check it.

Claims are judged as at the brief's date: a brief dated 2022-06-01 that says
the Republic of Korea is party to the ICPPED (it acceded on 4 January 2023)
is wrong, whatever the catalog says today; so is one dated 2023-01-20, since
the Convention entered into force for it only on 3 February 2023 (art. 39(2))
and only then was it a party. :func:`judge` is that judgement, shared with the
check of the brief's prose (``prose_treaties``).

The catalog is the one the build loaded: the bundled catalog, plus
``catalog.yaml`` beside the brief if there is one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from ..catalog import EXTENSION_FILE, Catalog, Fact, Status, Treaty
from ..catalog.model import InForceRule
from ..catalog.standing import signed_by, standing
from ..errors import did_you_mean
from ..load.statements import StatusKind
from ..model import Claim
from .findings import CheckContext, Finding, register_rule

CONTRADICTION = "claims.contradiction"
SINCE = "claims.since"
UNVERIFIABLE = "claims.unverifiable"
UNKNOWN_TREATY = "claims.unknown-treaty"


def contradiction(context: CheckContext) -> Iterator[Finding]:
    yield from _only(context, CONTRADICTION)


register_rule(
    contradiction, CONTRADICTION, "A treaty-status claim must not contradict the catalog (party or not, signed or not), "
    "as at the brief's date: an accession dated after the brief does not count.",
    severity="error",
    example="brief.yaml:17: error: claims.contradiction: the Democratic People's Republic of Korea is not a party to the Convention relating to the Status of Refugees, but the brief says it is a party (catalog as of 2026-11: …)")


def since(context: CheckContext) -> Iterator[Finding]:
    yield from _only(context, SINCE)


register_rule(
    since, SINCE, "A claim's 'since' date must be the date the catalog records for the ratification or accession.",
    severity="error",
    example="brief.yaml:19: error: claims.since: the brief says China has been a party to the Convention relating to the Status of Refugees since 1981-09-24, but the catalog records its accession on 1982-09-24 (…)")


def unverifiable(context: CheckContext) -> Iterator[Finding]:
    yield from _only(context, UNVERIFIABLE)


register_rule(
    unverifiable, UNVERIFIABLE, "A claim the catalog cannot confirm (State or status not recorded, or not confirmed) is flagged.",
    severity="warning",
    example="brief.yaml:21: warning: claims.unverifiable: cannot verify: the catalog has no state 'XX' (…); use an ISO 3166-1 alpha-2 code, or add the State and its status, with a source, to catalog.yaml beside the brief")


def unknown_treaty(context: CheckContext) -> Iterator[Finding]:
    yield from _only(context, UNKNOWN_TREATY)


register_rule(
    unknown_treaty, UNKNOWN_TREATY, "A claim must name a treaty the catalog knows (bundled, or added in catalog.yaml).",
    severity="error",
    example="brief.yaml:23: error: claims.unknown-treaty: unknown treaty 'refugee-convention': did you mean 'refugee-convention-1951'? (…)")


def _only(context: CheckContext, rule_id: str) -> Iterator[Finding]:
    if not context.brief.claims:
        return
    catalog: Catalog = context.catalog
    for claim in context.brief.claims:
        yield from (finding for finding in _assess(claim, catalog, context.brief.brief.date) if finding.rule == rule_id)


def _assess(claim: Claim, catalog: Catalog, day: dt.date | None) -> Iterator[Finding]:
    """All findings for one claim, whatever their rule."""
    treaty = catalog.treaties.get(claim.treaty)
    if treaty is None:
        yield Finding("error", UNKNOWN_TREATY,
                      f"unknown treaty '{claim.treaty}': {did_you_mean(claim.treaty, catalog.treaties)} "
                      f"(a treaty the catalog lacks can be added to {EXTENSION_FILE} beside the brief)",
                      claim.where("treaty"))
        return
    if claim.state.upper() not in catalog.states:
        yield Finding("warning", UNVERIFIABLE,
                      f"cannot verify: the catalog has no state '{claim.state}' "
                      f"({did_you_mean(claim.state.upper(), catalog.states)}); use an ISO 3166-1 alpha-2 code, "
                      f"or add the State and its status, with a source, to {EXTENSION_FILE} beside the brief",
                      claim.where("state"))
        return
    state = catalog.state(claim.state).name_in_text("en", "un")
    status = catalog.status(claim.state, claim.treaty)
    if status is None:
        yield Finding("warning", UNVERIFIABLE,
                      f"cannot verify: the catalog does not record the status of {state} under the {treaty.title('en')}"
                      f" (catalog as of {catalog.as_of}){_check(treaty)}",
                      claim.where())
        return
    yield from _party(claim, catalog, treaty, status, state, day)
    yield from _since(claim, catalog, treaty, status, state, day)


def _party(claim: Claim, catalog: Catalog, treaty: Treaty, status: Status, state: str,
           day: dt.date | None) -> Iterator[Finding]:
    """Party or not, as at ``day``: confirmed and year-confirmed statuses both confirm the status itself."""
    title = treaty.title("en")
    said = "a party" if claim.party else "not a party"
    judgement = judge(catalog, treaty, status, "party", claim.party, day)
    if judgement.holds:
        if not judgement.confirmed:
            yield Finding("warning", UNVERIFIABLE,
                          f"cannot verify that {state} is {said} to the {title}: the catalog agrees but its record "
                          f"is unconfirmed {judgement.record}", claim.where("party"))
        return
    if not judgement.confirmed:
        yield Finding("warning", UNVERIFIABLE,
                      f"cannot verify that {state} is {said} to the {title}: the catalog says otherwise, unconfirmed "
                      f"{judgement.record}", claim.where("party"))
        return
    yield Finding("error", CONTRADICTION, f"{judgement.truth}, but the brief says it is {said} {judgement.record}",
                  claim.where("party"))


@dataclass(frozen=True)
class Judgement:
    """What the catalog makes of one statement about a State and a treaty, as at a day."""

    holds: bool | None  # the statement agrees with the catalog; None: the catalog cannot tell
    truth: str  # what the catalog says, as an English clause ("China is not a party to ...")
    confirmed: bool  # the record it rests on is confirmed: a disagreement is an error, not a warning
    record: str  # "(catalog as of 2026-11: ...; source: ...; check URL)"


def judge(catalog: Catalog, treaty: Treaty, status: Status, kind: StatusKind, asserted: bool,
          day: dt.date | None) -> Judgement:
    """Does ``status`` bear out the statement that the State is (``asserted``) or is not (not ``asserted``)
    ``kind`` (a party, bound, having ratified or acceded, having signed) as at ``day``?

    One judgement for the brief's ``claims:`` and for sentences in its prose:
    a party is a State for which the treaty is in force (VCLT art. 2(1)(g)), so
    between its deposit and the entry into force for it a State has ratified
    or acceded but is not yet a party.
    """
    state = catalog.state(status.state).name_in_text("en", "un")
    title = treaty.title("en")
    now = standing(status, treaty, day)
    at = f" as at the brief's date ({day})" if day is not None and now.date != status.date else ""
    later = f"; its {status.action} is dated {status.date}" if at and status.date is not None else ""
    signature = f" (it signed on {now.date} but had not ratified)" if now.action == "signature" else ""
    actual: bool | None
    if kind in ("party", "bound"):
        actual = now.is_party
        if now.is_party:
            since = f"since {now.in_force} ({now.action} deposited {now.date})" if now.in_force else \
                f"since {now.date} ({now.action})"
            truth = f"{state} is a party to the {title} {since}"
        elif now.pending:
            truth = (f"{state} is not yet a party to the {title} as at the brief's date ({day}): it deposited its "
                     f"{now.action} on {now.date}, and the treaty enters into force for it on {now.in_force} "
                     f"({_basis(now.in_force_fact)})")
        else:
            truth = (f"{state} was not a party to the {title}{at}" if at else
                     f"{state} is not a party to the {title}") + signature + later
    elif kind in ("ratified", "acceded"):
        actual = now.consented
        truth = (f"{state} deposited its {now.action} of the {title} on {now.date}" if now.consented else
                 f"{state} had not ratified or acceded to the {title}{at}{signature}{later}" if at else
                 f"{state} has not ratified or acceded to the {title}{signature}")
    else:
        actual = signed_by(status, day)
        truth = (f"{state} signed the {title}" if actual else
                 f"{state} had not signed the {title}{at}{later}" if actual is False and at else
                 f"{state} has not signed the {title}" if actual is False else
                 f"the catalog records {state}'s {now.action} of the {title} but no signature")
    decisive = now.in_force_fact if now.consented and kind in ("party", "bound") else None
    confirmed = status.confidence.level != "unconfirmed" and (
        decisive is None or decisive.confidence.level != "unconfirmed")
    return Judgement(None if actual is None else actual == asserted, truth, confirmed,
                     _catalog_says(catalog, treaty, status))


def _basis(fact: Fact | None) -> str:
    """What an in-force date rests on: the treaty's own rule, or a source."""
    if isinstance(fact, InForceRule):
        return f"art. {fact.article}: {fact.days_after_deposit} days after the deposit; source: {fact.source}"
    return f"source: {fact.source}" if fact is not None else "date not recorded"


def _since(claim: Claim, catalog: Catalog, treaty: Treaty, status: Status, state: str,
           day: dt.date | None) -> Iterator[Finding]:
    """The 'since' date of a party claim against the recorded deposit date."""
    if claim.since is None:
        return
    if not claim.party:
        yield Finding("error", SINCE, "'since' is given but the claim says the State is not a party; "
                      "remove 'since' or set 'party: true'", claim.where("since"))
        return
    if not standing(status, treaty, day).is_party or status.date is None:
        return  # the party contradiction is already reported
    title = treaty.title("en")
    level = status.confidence.level
    if level == "year-confirmed" and claim.since.year == status.date.year:
        yield Finding("warning", UNVERIFIABLE,
                      f"cannot verify the day: the catalog confirms only the year of {state}'s {status.action} of the "
                      f"{title} ({status.date.year}) {_catalog_says(catalog, treaty, status)}", claim.where("since"))
    elif claim.since != status.date:
        severity, rule_id = ("warning", UNVERIFIABLE) if level == "unconfirmed" else ("error", SINCE)
        yield Finding(severity, rule_id,
                      f"the brief says {state} has been a party to the {title} since {claim.since}, but the catalog "
                      f"records its {status.action} on {status.date} {_catalog_says(catalog, treaty, status)}",
                      claim.where("since"))
    elif level == "unconfirmed":
        yield Finding("warning", UNVERIFIABLE,
                      f"cannot verify the date {claim.since}: the catalog agrees but its record is unconfirmed "
                      f"{_catalog_says(catalog, treaty, status)}", claim.where("since"))


def _catalog_says(catalog: Catalog, treaty: Treaty, status: Status) -> str:
    """``(catalog as of 2026-11: no action, confirmed as of 2016; source: ...; check URL)``."""
    parts = [f"catalog as of {catalog.as_of}: {status.summary()}"]
    if status.note:
        parts.append(f"note: {status.note}")
    parts.append(f"source: {status.source}")
    return "(" + "; ".join(parts) + _check(treaty) + ")"


def _check(treaty: Treaty) -> str:
    return f"; check {treaty.status_page}" if treaty.status_page else ""
