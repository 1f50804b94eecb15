"""Where a State stands under a treaty on a given day, as treaty law counts it.

A State that deposits its ratification or accession has consented to be
bound; it is a *party* only once the treaty is in force for it (Vienna
Convention on the Law of Treaties, art. 2(1)(f)-(g); shared/facts/un-formats.md,
"'Party' in treaty law"). The catalog gives that date for the State where a
source does (``in_force:`` in the status cell), or the treaty gives its own
rule (``in_force_for_state:``, e.g. ICPPED art. 39(2): the thirtieth day after
the deposit). A State that deposited before the treaty itself entered into
force is counted a party from that entry into force, not earlier: a treaty not
in force has no parties. Where nothing else is known, the deposit date stands
for both, as the catalog always counted it. The structured claims, the prose check and the
rendered status sentence all read this one judgement.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .model import PARTY_ACTIONS, Action, Fact, Status, Treaty


@dataclass(frozen=True)
class Standing:
    """What the State had done by the day, and whether the treaty was in force for it then."""

    action: Action  # as at the day: a later action is not counted
    date: dt.date | None  # of that action (the deposit, or the signature)
    in_force: dt.date | None  # when the treaty entered (or enters) into force for the State; None: not known
    in_force_fact: Fact | None  # what the in-force date rests on (the cell's own fact, or the treaty's rule)
    day: dt.date | None

    @property
    def consented(self) -> bool:
        """The State had deposited its instrument (ratification, accession, succession)."""
        return self.action in PARTY_ACTIONS

    @property
    def is_party(self) -> bool:
        """Consented, and the treaty in force for it by the day (or no later date known)."""
        return self.consented and (self.in_force is None or self.day is None or self.in_force <= self.day)

    @property
    def pending(self) -> bool:
        """Consented but the treaty not yet in force for it: a contracting State, not yet a party."""
        return self.consented and not self.is_party


def entry_into_force(status: Status, treaty: Treaty) -> tuple[dt.date | None, Fact | None]:
    """When ``treaty`` entered into force for the State of ``status``, and the fact that says so."""
    if status.action not in PARTY_ACTIONS or status.date is None:
        return None, None
    if status.in_force is not None:
        return status.in_force.date, status.in_force
    if treaty.in_force is not None and status.date < treaty.in_force.date:
        return treaty.in_force.date, treaty.in_force  # no State is a party to a treaty not yet in force
    rule = treaty.in_force_for_state
    if rule is None:
        return None, None
    return status.date + dt.timedelta(days=rule.days_after_deposit), rule


def standing(status: Status, treaty: Treaty, day: dt.date | None) -> Standing:
    """``status`` as at ``day`` (None: as the catalog records it now)."""
    action, date = status.as_at(day)
    in_force, fact = entry_into_force(status, treaty) if action in PARTY_ACTIONS else (None, None)
    return Standing(action, date, in_force, fact, day)


def signed_by(status: Status, day: dt.date | None) -> bool | None:
    """Had the State signed by ``day``? None where the catalog cannot tell (a ratification with no
    recorded signature; an accession, which needs none)."""
    action, date = status.as_at(day)
    if action == "signature" or (status.signed is not None and (day is None or status.signed.date <= day)):
        return True
    if action == "none":
        return False
    return None
