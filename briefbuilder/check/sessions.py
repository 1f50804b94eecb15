"""A submission can still reach its session: dates checked against the mechanism's calendar (pack data).

The calendar (``calendar:`` in pack.yaml) lists sessions with their dates, the
States they review and, where a source gives one, the stakeholder deadline.
A submission is dated by ``submission.date`` when given, else by the brief's
date. Sessions the calendar does not list are not judged.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from babel.dates import format_date

from ..audience import Pack
from ..load.pack import load_pack
from ..errors import Location
from ..mechanism_calendar import MechanismCalendar, Session, held_before
from ..model import Brief, Text
from .findings import CheckContext, Finding, register_rule


def submission_date(brief: Brief) -> dt.date:
    """The day the submission is sent: its own date, else the brief's."""
    submission = brief.submission
    return submission.date if submission and submission.date else brief.brief.date


def _where(brief: Brief, *field: str) -> Location | None:
    submission = brief.submission
    # a submission field without a place has a submission without one too (no source map): the brief's block
    return (submission.where(*field) if submission is not None else None) or brief.brief.where()


def _dates(session: Session) -> str:
    return f"{format_date(session.start, 'd MMMM y', locale='en')} to {format_date(session.end, 'd MMMM y', locale='en')}"


def _cycles(low: int | None, high: int | None) -> str:
    """The cycles a session can be in by the calendar: "4", "2 to 3", "1 to 2" (before the first known), "4 or later"."""
    if low == high:
        return str(low)
    return f"{low} or later" if high is None else f"{low or 1} to {high}"


def _target(context: CheckContext) -> tuple[MechanismCalendar, Session] | None:
    calendar = context.pack.calendar
    submission = context.brief.submission
    if calendar is None or submission is None or submission.session is None:
        return None
    session = calendar.session(submission.session)
    return (calendar, session) if session is not None else None


def session_held(context: CheckContext) -> Iterator[Finding]:
    target = _target(context)
    if target is None:
        return
    calendar, session = target
    day = submission_date(context.brief)
    if held_before(session, day):
        yield Finding("error", "calendar.session-held",
                      f"the submission is dated {day}, but session {session.session} of the "
                      f"{calendar.mechanism.get('en', fallback=True)} began on "
                      f"{format_date(session.start, 'd MMMM y', locale='en')} ({_dates(session)}; source: "
                      f"{session.source}); target a later session, or give 'submission.date' the day it was sent",
                      _where(context.brief, "session"))


register_rule(
    session_held, "calendar.session-held",
    "A submission is dated before the first day of the session it is for (the pack's calendar).",
    severity="error",
    example="brief.yaml:368: error: calendar.session-held: the submission is dated 2024-11-20, but session 47 "
            "of the Universal Periodic Review began on 4 November 2024 (4 November 2024 to 15 November 2024; "
            "source: UPR Info …); target a later session, or give 'submission.date' the day it was sent")


def deadline(context: CheckContext) -> Iterator[Finding]:
    target = _target(context)
    if target is None or target[1].deadline is None:
        return
    _, session = target
    due = session.deadline
    assert due is not None
    day = submission_date(context.brief)
    if day > due:
        yield Finding("warning", "calendar.deadline",
                      f"the submission is dated {day}, after the deadline for session {session.session} ({due}; "
                      f"source: {session.source}); OHCHR may not accept it", _where(context.brief, "session"))
    for source in context.brief.sources:
        if source.date is not None and source.date > due:
            yield Finding("warning", "calendar.deadline",
                          f"source '{source.id}' is dated {source.date}, after the deadline for session "
                          f"{session.session} ({due}): a submission sent in time could not cite it",
                          source.where("date"))


register_rule(
    deadline, "calendar.deadline",
    "A submission is dated no later than its session's stakeholder deadline, where the calendar knows it; "
    "no source it cites is dated after that deadline.",
    severity="warning",
    example="brief.yaml:368: warning: calendar.deadline: the submission is dated 2015-04-01, after the deadline "
            "for session 23 (2015-03-23; source: UPR Info …); OHCHR may not accept it")


def source_after_submission(context: CheckContext) -> Iterator[Finding]:
    submission = context.brief.submission
    if submission is None or submission.date is None:
        return
    for source in context.brief.sources:
        if source.date is not None and source.date > submission.date:
            yield Finding("error", "calendar.source-after-submission",
                          f"source '{source.id}' is dated {source.date}, after the submission's date "
                          f"{submission.date}", source.where("date"))


register_rule(
    source_after_submission, "calendar.source-after-submission",
    "No source is dated after the submission's own date (submission.date).",
    severity="error",
    example="brief.yaml:40: error: calendar.source-after-submission: source 'tjwg-2024' is dated 2024-10-31, "
            "after the submission's date 2024-04-01")


def cycle(context: CheckContext) -> Iterator[Finding]:
    calendar = context.pack.calendar
    submission = context.brief.submission
    if calendar is None or submission is None or submission.cycle is None:
        return
    if submission.session is not None:
        low, high = calendar.cycle_bounds(submission.session)
        if (low is not None and submission.cycle < low) or (high is not None and submission.cycle > high):
            yield Finding("error", "calendar.cycle",
                          f"session {submission.session} cannot be in cycle {submission.cycle}: by the calendar it "
                          f"is in cycle {_cycles(low, high)}; correct the "
                          "cycle or the session", _where(context.brief, "cycle"))
            return
    state = context.brief.brief.state
    day = submission_date(context.brief)
    for session in calendar.reviews_of(state) if state else []:
        if session.cycle == submission.cycle and held_before(session, day) and session.session != submission.session:
            yield Finding("error", "calendar.cycle",
                          f"{state} was reviewed in cycle {session.cycle} at session {session.session} "
                          f"({_dates(session)}; source: {session.source}), before the submission's date {day}; "
                          f"write for its next review (cycle {session.cycle + 1})", _where(context.brief, "cycle"))


register_rule(
    cycle, "calendar.cycle",
    "The cycle and session agree with the calendar, and the State's review in that cycle has not already "
    "begun on the submission's date.",
    severity="error",
    example="brief.yaml:367: error: calendar.cycle: the Democratic People's Republic of Korea (KP) was reviewed in "
            "cycle 4 at session 47 (4 November 2024 to 15 November 2024), before the submission's date "
            "2024-11-20; write for its next review (cycle 5)")


def review_held(context: CheckContext) -> Iterator[Finding]:
    brief = context.brief
    state = brief.brief.state
    if not state:
        return
    for calendar in _calendars(context.pack):
        held = [session for session in calendar.reviews_of(state) if held_before(session, brief.brief.date)]
        if not held or len(held) < len(calendar.reviews_of(state)):
            continue  # no review held yet, or a later one is scheduled
        last = held[-1]
        for index, text in enumerate(_recommendations(brief), 1):
            for language in context.languages:
                sentence = text.get(language) if text.has(language) else ""  # or the text for every language
                if _names(calendar.names.get(language, []), sentence) \
                        and not _names(calendar.next_words.get(language, []), sentence):
                    yield Finding("warning", "calendar.review-held",
                                  f"recommendation {index} ('{language}') points at the "
                                  f"{calendar.mechanism.get('en', fallback=True)}, but the review of {state} was held "
                                  f"at session {last.session} ({_dates(last)}), before the brief's date "
                                  f"{brief.brief.date}; point at the next review or at the follow-up", text.where())


register_rule(
    review_held, "calendar.review-held",
    "A recommendation that names a review (e.g. the UPR) does not point at a review of the State that was "
    "already held on the brief's date, unless it says 'next' (the calendar's words per language).",
    severity="warning",
    example="brief.yaml:535: warning: calendar.review-held: recommendation 3 ('en') points at the Universal "
            "Periodic Review, but the review of KP was held at session 47 (4 November 2024 to 15 November "
            "2024), before the brief's date 2024-11-20; point at the next review or at the follow-up")


def _calendars(pack: Pack) -> list[MechanismCalendar]:
    """The pack's own calendar and those of the packs it names (``calendars_from``)."""
    found = [pack.calendar] if pack.calendar is not None else []
    for name in pack.calendars_from:
        other = load_pack(name)
        if other.calendar is not None:
            found.append(other.calendar)
    return found


def _recommendations(brief: Brief) -> list[Text]:
    return [*brief.recommendations, *(brief.briefing.recommendations if brief.briefing else [])]


def _names(words: list[str], sentence: str) -> bool:
    """Any of ``words`` in ``sentence``, as a word (one regex per call, not a scan per word)."""
    if not words or not sentence:
        return False
    pattern = "|".join(re.escape(word) for word in words)  # whether any matches: their order does not matter
    return re.search(rf"(?<!\w)(?:{pattern})", sentence, re.IGNORECASE) is not None
