"""Mechanism calendars (pack data): a submission can still reach its session; cycle and session are possible."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefbuilder.load.pack import load_pack
from briefbuilder.cli import main
from briefbuilder.pipeline import check_brief as check

from packdata import EXAMPLE, SMALL_BRIEF

CYCLE = "  cycle: 5\n"


def _found(folder: Path, rule: str, audience: str = "un-upr") -> list[tuple[str, str, int | None]]:
    return [(f.severity, f.message, f.location.line if f.location else None)
            for f in check(folder, audience=audience) if f.rule == rule]


def _line(text: str, start: str) -> int:
    return next(number for number, line in enumerate(text.splitlines(), 1) if line.startswith(start))


def test_the_upr_calendar_is_pack_data_with_its_sources() -> None:
    calendar = load_pack("un-upr").calendar
    assert calendar is not None
    session = calendar.session(47)
    assert session is not None and (str(session.start), str(session.end)) == ("2024-11-04", "2024-11-15")
    assert "KP" in session.states and session.cycle == 4 and "UPR Info" in session.source
    third = calendar.session(33)
    assert third is not None and "A/HRC/42/10" in third.source and third.confidence == "confirmed"
    assert all(item.deadline is None for item in calendar.sessions if item.session != 23)  # none invented


def test_a_submission_dated_after_its_session_began_is_an_error_at_the_session(
        write_brief: Callable[..., Path]) -> None:
    folder = write_brief(replace={CYCLE: "  cycle: 4\n  session: 47\n"})
    [(severity, message, line)] = _found(folder, "calendar.session-held")
    assert severity == "error" and "dated 2024-11-20" in message and "began on 4 November 2024" in message
    assert line == _line((folder / "brief.yaml").read_text(encoding="utf-8"), "  session: 47")
    # the same submission sent before the session is not late; its source, though, is dated after it
    sent = write_brief(replace={CYCLE: "  cycle: 4\n  session: 47\n  date: 2024-10-01\n"}, name="sent")
    assert _found(sent, "calendar.session-held") == []
    [(severity, message, _)] = _found(sent, "calendar.source-after-submission")
    assert severity == "error" and "'report' is dated 2024-10-31, after the submission's date 2024-10-01" in message


def test_a_cycle_whose_review_of_the_state_was_already_held_is_an_error(write_brief: Callable[..., Path]) -> None:
    [(severity, message, _)] = _found(write_brief(replace={CYCLE: "  cycle: 4\n"}), "calendar.cycle")
    assert severity == "error" and "KP was reviewed in cycle 4 at session 47" in message and "cycle 5" in message
    assert _found(write_brief(name="next"), "calendar.cycle") == []  # the next cycle is possible


def test_cycle_and_session_must_agree(write_brief: Callable[..., Path]) -> None:
    [(severity, message, _)] = _found(write_brief(replace={CYCLE: "  cycle: 3\n  session: 47\n"}), "calendar.cycle")
    assert severity == "error" and "session 47 cannot be in cycle 3" in message


def test_after_a_known_deadline_the_submission_and_later_sources_are_warned(write_brief: Callable[..., Path]) -> None:
    folder = write_brief(replace={CYCLE: "  cycle: 2\n  session: 23\n  date: 2015-04-01\n"})
    found = sorted(_found(folder, "calendar.deadline"), key=lambda finding: finding[1])
    assert [severity for severity, _, _ in found] == ["warning", "warning"]
    assert found[0][1].startswith("source 'report' is dated 2024-10-31, after the deadline for session 23 (2015-03-23)")
    assert "submission is dated 2015-04-01, after the deadline for session 23 (2015-03-23" in found[1][1]
    in_time = write_brief(replace={CYCLE: "  cycle: 2\n  session: 23\n  date: 2015-03-01\n"}, name="in-time")
    assert [message for _, message, _ in _found(in_time, "calendar.deadline")] == [found[0][1]]


@pytest.mark.parametrize("field", ["session", "cycle"])
def test_session_and_cycle_must_be_positive(write_brief: Callable[..., Path], field: str) -> None:
    folder = write_brief(replace={CYCLE: "  cycle: 0\n" if field == "cycle" else "  cycle: 5\n  session: 0\n"})
    result = CliRunner().invoke(main, ["check", str(folder), "--audience", "un-upr"])
    assert result.exit_code != 0
    line = _line((folder / "brief.yaml").read_text(encoding="utf-8"), f"  {field}: 0")
    assert f"brief.yaml:{line}: error: submission.{field}: 0 is out of range" in result.output


def test_a_recommendation_pointing_at_a_review_already_held_is_warned(write_brief: Callable[..., Path]) -> None:
    held = "Raise the cases at the Universal Periodic Review of the DPRK."
    folder = write_brief(replace={"[{en: Support families., ko: 가족 지원 필요}]": f"[{{en: {held}, ko: 가족 지원 필요}}]"})
    [(severity, message, _)] = _found(folder, "calendar.review-held", "gov-briefing")
    assert severity == "warning" and "review of KP was held at session 47" in message and "('en')" in message
    following = write_brief(replace={"[{en: Support families., ko: 가족 지원 필요}]":
                                     "[{en: Raise the cases at the next Universal Periodic Review., ko: 차기 UPR 시 제기 필요}]"},
                            name="following")
    assert _found(following, "calendar.review-held", "gov-briefing") == []


def test_the_worked_example_is_possible_by_the_calendar() -> None:
    for audience in ("un-upr", "gov-briefing", "general"):
        assert not [f for f in check(EXAMPLE, audience=audience) if f.rule.startswith("calendar.")]
    assert "session:" not in SMALL_BRIEF.split("submission:")[1].split("case:")[0]  # the fixture too
