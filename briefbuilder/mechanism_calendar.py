"""A UN mechanism's calendar as pack data: its sessions, their dates, the States they review, their deadlines.

A submission is written for a session; whether it can still reach it is a
fact of the calendar, not of the brief. Each session keeps the source it was
taken from and that source's confidence, like every other fact the tool ships.
A deadline is data per session (OHCHR publishes each one); none is computed.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from msgspec import Meta

from .model import Located, PlainDate, Text

SessionNumber = Annotated[int, Meta(ge=1)]


class Session(Located, frozen=True, kw_only=True):
    """One session of a mechanism (e.g. the UPR Working Group's forty-seventh)."""

    session: SessionNumber
    cycle: SessionNumber | None = None  # the review cycle it belongs to, where the source says so
    start: PlainDate
    end: PlainDate
    states: list[str] = []  # States reviewed, as far as the source names them (ISO 3166-1 alpha-2)
    deadline: PlainDate | None = None  # for stakeholder submissions, where known
    source: str  # where the dates and States were read
    confidence: str  # confirmed | secondary (../shared/facts/README.md)


class MechanismCalendar(Located, frozen=True, kw_only=True):
    """The sessions a pack's mechanism holds, and how its name is written in prose (to find mentions)."""

    mechanism: Text  # e.g. {en: Universal Periodic Review}: named in messages
    names: dict[str, list[str]] = {}  # per language, the words that name the mechanism in a sentence
    next_words: dict[str, list[str]] = {}  # per language, words saying a sentence is about a later review
    sessions: list[Session] = []

    def session(self, number: int) -> Session | None:
        return next((item for item in self.sessions if item.session == number), None)

    def reviews_of(self, state: str) -> list[Session]:
        """Sessions that reviewed ``state``, earliest first."""
        return sorted((item for item in self.sessions if state in item.states), key=lambda item: item.start)

    def cycle_bounds(self, session: int) -> tuple[int | None, int | None]:
        """The lowest and highest cycle ``session`` can belong to, from the sessions whose cycle is known."""
        low = max((item.cycle for item in self.sessions if item.cycle and item.session <= session), default=None)
        high = min((item.cycle for item in self.sessions if item.cycle and item.session >= session), default=None)
        return low, high


def held_before(session: Session, day: dt.date) -> bool:
    """The session had begun on ``day``: a submission for it is too late."""
    return day >= session.start
