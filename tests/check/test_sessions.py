"""The calendar rules (briefbuilder/check/sessions.py) on small briefs: their exact messages and locations."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefbuilder.mechanism_calendar import MechanismCalendar, Session
from briefbuilder.model import Submission, Text

from rulecheck import check

HEADER = """\
brief:
  title: Test brief
  organisation:
    name: Transitional Justice Working Group
  date: 2024-11-20
  state: KP
"""
SESSION_47 = Session(session=47, cycle=4, start=dt.date(2024, 11, 4), end=dt.date(2024, 11, 15), states=["KP"],
                     source="UPR Info", confidence="confirmed")


def upr(*, names: dict[str, list[str]] | None = None, next_words: dict[str, list[str]] | None = None,
        sessions: tuple[Session, ...] = (SESSION_47,)) -> MechanismCalendar:
    """A UPR calendar as a pack gives it: the review's names and 'next' words per language, and its sessions."""
    return MechanismCalendar(
        mechanism=Text({"en": "Universal Periodic Review"}),
        names={"en": ["Universal Periodic Review", "UPR"]} if names is None else names,
        next_words={"en": ["next"]} if next_words is None else next_words, sessions=list(sessions))


@pytest.mark.parametrize("system_locale", [None, "fr_FR"])
def test_a_late_submission_gives_the_sessions_first_and_last_day_in_english(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, system_locale: str | None) -> None:
    if system_locale:  # babel reads the system's time locale (LC_TIME, LANG) once, when it is imported
        monkeypatch.setattr("babel.dates.LC_TIME", system_locale)
    body = "submission:\n  cycle: 4\n  session: 47\n"
    result = check(tmp_path, body, header=HEADER, calendar=upr())
    [finding] = result.of("calendar.session-held")
    assert finding.message == (
        "the submission is dated 2024-11-20, but session 47 of the Universal Periodic Review began on "
        "4 November 2024 (4 November 2024 to 15 November 2024; source: UPR Info); target a later session, "
        "or give 'submission.date' the day it was sent")
    assert finding.location is not None and finding.location.line == result.line("session: 47")


RECOMMENDATION = "recommendations:\n  - {{en: {sentence}}}\n"


@pytest.mark.parametrize(("sentence", "warned"), [
    ("Raise the cases at the universal periodic review.", True),  # the review named in lower case
    ("Raise the cases at the upr.", True),
    ("Raise the cases at the NEXT UPR.", False),  # 'next' in capitals still points past the review held
    ("Raise the cases with the Human Rights Council.", False),  # no review named
])
def test_a_recommendation_naming_a_review_already_held_is_warned_whatever_its_case(
        tmp_path: Path, sentence: str, warned: bool) -> None:
    result = check(tmp_path, RECOMMENDATION.format(sentence=sentence), header=HEADER, calendar=upr())
    found = result.of("calendar.review-held")
    assert [finding.message for finding in found] == ([(
        "recommendation 1 ('en') points at the Universal Periodic Review, but the review of KP was held at "
        "session 47 (4 November 2024 to 15 November 2024), before the brief's date 2024-11-20; point at the "
        "next review or at the follow-up")] if warned else [])
    assert [finding.location.line for finding in found if finding.location] == (
        [result.line("Raise the cases")] if warned else [])


def test_a_recommendation_written_once_for_every_language_is_checked_too(tmp_path: Path) -> None:
    """A plain string (no language keys) is the recommendation in every language of the brief."""
    result = check(tmp_path, "recommendations:\n  - Raise the cases at the Universal Periodic Review.\n",
                   header=HEADER, calendar=upr())
    [finding] = result.of("calendar.review-held")
    assert finding.message.startswith("recommendation 1 ('en') points at the Universal Periodic Review")


def test_a_calendar_without_next_words_for_a_language_still_warns_in_it(tmp_path: Path) -> None:
    sentence = "Raise the cases at the Universal Periodic Review."
    result = check(tmp_path, RECOMMENDATION.format(sentence=sentence), header=HEADER, calendar=upr(next_words={}))
    assert len(result.of("calendar.review-held")) == 1


def test_a_submission_set_in_python_is_located_at_the_brief(tmp_path: Path) -> None:
    """A script that gives a loaded brief a submission made in Python still learns which file is late."""
    result = check(tmp_path, "", header=HEADER, calendar=upr(),
                   edit=lambda brief: brief.replace(submission=Submission(cycle=4, session=47)))
    [finding] = result.of("calendar.session-held")
    title = HEADER.splitlines().index("  title: Test brief") + 1  # where the 'brief:' block's fields begin
    assert finding.location is not None and (finding.location.file, finding.location.line) == (
        str(tmp_path / "brief.yaml"), title)


def test_a_session_the_calendar_does_not_list_is_not_judged(tmp_path: Path) -> None:
    result = check(tmp_path, "submission:\n  session: 99\n", header=HEADER, calendar=upr())
    assert [finding for finding in result.findings if finding.rule.startswith("calendar.")] == []


@pytest.mark.parametrize(("mechanism", "named"), [
    ({"ko": "국가별 정례인권검토", "en": "Universal Periodic Review"}, "Universal Periodic Review"),  # English, not the first
    ({"fr": "Examen périodique universel"}, "Examen périodique universel"),  # no English name: the one there is
])
def test_the_calendar_rules_name_the_mechanism_in_english_where_the_pack_can(
        tmp_path: Path, mechanism: dict[str, str], named: str) -> None:
    body = "submission:\n  session: 47\n" + RECOMMENDATION.format(sentence="Raise the cases at the UPR.")
    result = check(tmp_path, body, header=HEADER, calendar=upr().replace(mechanism=Text(mechanism)))
    [late] = result.of("calendar.session-held")
    assert f"session 47 of the {named} began on 4 November 2024" in late.message
    [held] = result.of("calendar.review-held")
    assert f"points at the {named}, but the review of KP was held" in held.message


SESSION_23 = Session(session=23, cycle=2, start=dt.date(2015, 11, 2), end=dt.date(2015, 11, 13),
                     deadline=dt.date(2015, 3, 23), source="UPR Info", confidence="confirmed")
SOURCES = """\
sources:
  - id: on-the-day
    kind: report
    title: On the deadline
    publisher: TJWG
    date: 2015-03-23
  - id: the-day-after
    kind: report
    title: After the deadline
    publisher: TJWG
    date: 2015-03-24
  - id: undated
    kind: report
    title: Undated
    publisher: TJWG
submission:
  cycle: 2
  session: 23
"""


@pytest.mark.parametrize("sent", ["2015-03-23", "2015-03-24"])
def test_a_submission_and_its_sources_may_be_dated_on_the_deadline_not_after(tmp_path: Path, sent: str) -> None:
    result = check(tmp_path, f"{SOURCES}  date: {sent}\n", header=HEADER, calendar=upr(sessions=(SESSION_23,)))
    late_source = (("source 'the-day-after' is dated 2015-03-24, after the deadline for session 23 (2015-03-23): "
                    "a submission sent in time could not cite it"), result.line("    date: 2015-03-24"))
    late_submission = (("the submission is dated 2015-03-24, after the deadline for session 23 (2015-03-23; "
                        "source: UPR Info); OHCHR may not accept it"), result.line("session: 23"))
    assert sorted((finding.message, finding.location.line if finding.location else None)
                  for finding in result.of("calendar.deadline")) == (
        [late_source] if sent == "2015-03-23" else [late_source, late_submission])


def test_a_source_dated_after_the_submission_is_an_error_at_its_date(tmp_path: Path) -> None:
    result = check(tmp_path, f"{SOURCES}  date: 2015-03-23\n", header=HEADER)
    assert [(finding.message, finding.location.line if finding.location else None)
            for finding in result.of("calendar.source-after-submission")] == [
        ("source 'the-day-after' is dated 2015-03-24, after the submission's date 2015-03-23",
         result.line("    date: 2015-03-24"))]


SESSIONS_40_47 = (Session(session=40, cycle=3, start=dt.date(2022, 1, 24), end=dt.date(2022, 2, 4), states=["FR"],
                          source="UPR Info", confidence="confirmed"), SESSION_47)


@pytest.mark.parametrize(("submission", "in_cycle"), [
    ("  session: 47\n  cycle: 3\n", "4"),
    ("  session: 47\n  cycle: 4\n", None),
    ("  session: 47\n  cycle: 5\n", "4"),
    ("  session: 44\n  cycle: 2\n", "3 to 4"),  # between two sessions whose cycles are known
    ("  session: 44\n  cycle: 3\n", None),
    ("  session: 44\n  cycle: 4\n", None),
    ("  session: 44\n  cycle: 5\n", "3 to 4"),
    ("  session: 30\n  cycle: 4\n", "1 to 3"),  # before the first known session
    ("  session: 50\n  cycle: 3\n", "4 or later"),  # after the last known session
])
def test_a_session_and_a_cycle_the_calendar_cannot_pair_are_an_error_at_the_cycle(
        tmp_path: Path, submission: str, in_cycle: str | None) -> None:
    result = check(tmp_path, "submission:\n" + submission, header=HEADER.replace("  state: KP\n", ""),
                   calendar=upr(sessions=SESSIONS_40_47))
    session, cycle = (line.split(": ")[1] for line in submission.splitlines())
    assert [(finding.message, finding.location.line if finding.location else None)
            for finding in result.of("calendar.cycle")] == ([] if in_cycle is None else [
        ((f"session {session} cannot be in cycle {cycle}: by the calendar it is in cycle {in_cycle}; correct the "
          "cycle or the session"), result.line("cycle:"))])


def test_a_cycle_whose_review_of_the_state_has_begun_is_an_error_at_the_cycle(tmp_path: Path) -> None:
    result = check(tmp_path, "submission:\n  date: 2024-11-04\n  cycle: 4\n", header=HEADER, calendar=upr())
    assert [(finding.message, finding.location.line if finding.location else None)
            for finding in result.of("calendar.cycle")] == [
        (("KP was reviewed in cycle 4 at session 47 (4 November 2024 to 15 November 2024; source: UPR Info), "
          "before the submission's date 2024-11-04; write for its next review (cycle 5)"), result.line("cycle: 4"))]


@pytest.mark.parametrize(("state", "sessions"), [
    ("FR", (SESSION_47,)),  # the calendar lists no review of France
    ("KP", (SESSION_47, Session(session=60, start=dt.date(2029, 11, 5), end=dt.date(2029, 11, 16), states=["KP"],
                                source="UPR Info", confidence="secondary"))),  # its next review is scheduled
])
def test_a_recommendation_naming_a_review_is_not_warned_while_one_is_to_come(
        tmp_path: Path, state: str, sessions: tuple[Session, ...]) -> None:
    sentence = "Raise the cases at the Universal Periodic Review."
    result = check(tmp_path, RECOMMENDATION.format(sentence=sentence), header=HEADER.replace("KP", state),
                   calendar=upr(sessions=sessions))
    assert result.of("calendar.review-held") == []


def test_a_recommendation_is_checked_against_each_calendar_the_pack_names(tmp_path: Path) -> None:
    """The pack's own calendar reviews no such State; the UPR calendar it names (un-upr's) held KP's review."""
    sentence = "Raise the cases at the Universal Periodic Review."
    result = check(tmp_path, RECOMMENDATION.format(sentence=sentence), header=HEADER,
                   calendar=upr(sessions=SESSIONS_40_47[:1]), calendars_from=["un-upr"])
    [finding] = result.of("calendar.review-held")
    assert "the review of KP was held at session 47 (4 November 2024 to 15 November 2024)" in finding.message
