"""Numbers and dates mean one thing: anything else is a located error (or a warning) naming the right form."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefbuilder import BriefError, check_brief, load_brief
from briefbuilder.cli import main
from testdata import MINIMAL_BRIEF

SHARE = """\
  - id: share
    value: 81.4
    unit: percent
    base: victims
    count: 92
"""


def replace(old: str, new: str, text: str = MINIMAL_BRIEF) -> str:
    assert old in text
    return text.replace(old, new, 1)


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def build(brief: Path) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["build", str(brief), "--format", "md,docx", "-o", str(brief.parent / "out")])
    assert "internal error" not in result.output and "Traceback" not in result.output
    return result.exit_code, result.output


@pytest.mark.parametrize("statistic", [
    "  - id: share\n    value: 150\n    unit: percent\n",  # no base: "814%" used to be built
    "  - id: share\n    value: -5\n    unit: percent\n",
    "  - id: share\n    value: 100.4\n    unit: percent\n    base: 1000\n",
])
def test_a_percent_outside_0_to_100_is_an_error_with_or_without_a_base(statistic: str,
                                                                       make_brief: Callable[..., Path]) -> None:
    text = replace(SHARE, statistic)
    brief = make_brief(text)
    exit_code, output = build(brief)
    assert exit_code == 2
    value = statistic.split("value: ")[1].split("\n")[0]
    assert f"{brief}:{line_of(text, f'value: {value}')}: error: statistics[1].value: {value} is not a percentage" \
        in output


@pytest.mark.parametrize("value", ["0", "100"])
def test_the_ends_of_the_range_are_percentages(value: str, make_brief: Callable[..., Path]) -> None:
    text = replace(SHARE, f"  - id: share\n    value: {value}\n    unit: percent\n")
    assert load_brief(make_brief(text)).statistic("share") is not None


@pytest.mark.parametrize(("fraction", "percent"), [("0.814", "81.4"), ("0.9", "90"), ("0.5", "50"), ("0.0001", "0.01")])
def test_a_percent_that_looks_like_a_fraction_is_questioned(fraction: str, percent: str,
                                                            make_brief: Callable[..., Path]) -> None:
    text = replace(SHARE, f"  - id: share\n    value: {fraction}\n    unit: percent\n")
    brief = make_brief(text)
    warnings = [f for f in check_brief(brief) if f.rule == "consistency.percent-as-fraction"]
    assert [f.severity for f in warnings] == ["warning"]
    assert warnings[0].location is not None and warnings[0].location.line == line_of(text, f"value: {fraction}")
    assert f"the source says {percent}%, write 'value: {percent}'" in warnings[0].message  # as a user writes it


def test_a_whole_percent_is_not_questioned(make_brief: Callable[..., Path]) -> None:
    assert not [f for f in check_brief(make_brief()) if f.rule == "consistency.percent-as-fraction"]


@pytest.mark.parametrize("written, shown", [
    ('"81.4%"', "write 'value: 81.4' and 'unit: percent', without quotes or a per cent sign"),
    ('"81.4 per cent"', "write 'value: 81.4' and 'unit: percent'"),
    ('"1,113"', "write 'value: 1113' or 'value: 1.113', without quotes"),  # thousands, or a decimal comma
])
def test_a_number_written_as_text_gets_the_right_form(written: str, shown: str,
                                                      make_brief: Callable[..., Path]) -> None:
    text = replace("value: 81.4", f"value: {written}")
    with pytest.raises(BriefError) as error:
        load_brief(make_brief(text))
    (problem,) = error.value.problems
    assert problem.field == "statistics[1].value" and shown in problem.message
    assert problem.location is not None and problem.location.line == line_of(text, f"value: {written}")


@pytest.mark.parametrize("value", [".inf", ".nan", "1.0e+100", "1000000000000000", "81.12345678"])
def test_a_value_that_is_no_figure_is_refused(value: str, make_brief: Callable[..., Path]) -> None:
    text = replace("value: 113", f"value: {value}")
    with pytest.raises(BriefError) as error:
        load_brief(make_brief(text))
    assert error.value.problems[0].field == "statistics[0].value"


@pytest.mark.parametrize("field, written", [
    ("as_of", "2024-05-31T00:00:00Z"),
    ("as_of", "2024-05-31 09:00:00+09:00"),
    ("as_of", "20240531"),  # an integer: used to be read as seconds since 1970 ("zero time")
    ("as_of", '"31/05/2024"'),
    ("date", "2024-11-20T10:00:00"),
])
def test_dates_are_plain_dates_and_every_error_names_the_form(field: str, written: str,
                                                              make_brief: Callable[..., Path]) -> None:
    old = "  as_of: 2024-05-31" if field == "as_of" else "  date: 2024-11-20"
    text = replace(old, f"  {field}: {written}")
    brief = make_brief(text)
    exit_code, output = build(brief)
    assert exit_code == 2
    assert f"{brief}:{line_of(text, written)}: error:" in output
    assert "YYYY-MM-DD" in output
    assert "zero time" not in output


def test_an_impossible_date_names_the_form(make_brief: Callable[..., Path]) -> None:
    text = replace("  date: 2024-11-20", "  date: 2024-13-01")
    exit_code, output = build(make_brief(text))
    assert exit_code == 2 and "YYYY-MM-DD" in output and f":{line_of(text, '2024-13-01')}:" in output


def test_a_base_must_be_a_count_not_a_percentage(make_brief: Callable[..., Path]) -> None:
    # The KeyError: 'percent' (exit 3): a share of a share, used as [[stat:a|share]].
    text = replace("sections:\n", """\
  - id: of-share
    value: 50
    unit: percent
    base: share
    sources: [{id: report, page: 15}]
    status: verified
    label: {en: half the share, ko: 절반}
sections:
""").replace("[[stat:share|share]] vanished", "[[stat:of-share|share]] vanished")
    brief = make_brief(text)
    exit_code, output = build(brief)
    assert exit_code == 2
    assert f"{brief}:{line_of(text, 'base: share')}: error: statistics[2].base: the base 'share' is a percentage" \
        in output


@pytest.mark.parametrize("unit", ["percent", "persons"])
def test_a_statistic_cannot_be_its_own_base(unit: str, make_brief: Callable[..., Path]) -> None:
    text = replace("    base: victims\n    count: 92\n", "    base: share\n").replace(
        "    unit: percent", f"    unit: {unit}")
    brief = make_brief(text)
    exit_code, output = build(brief)
    assert exit_code == 2
    assert f"{brief}:{line_of(text, 'base: share')}: error: statistics[1].base: 'share' is given as its own base" \
        in output


def test_bases_in_a_circle_are_a_located_error(make_brief: Callable[..., Path]) -> None:
    text = replace("    unit: persons\n", "    unit: persons\n    base: others\n")
    text = replace("sections:\n", """\
  - id: others
    value: 200
    unit: persons
    base: victims
    sources: [{id: report, page: 15}]
    status: verified
    label: {en: others, ko: 기타}
sections:
""", text)
    brief = make_brief(text)
    exit_code, output = build(brief)
    assert exit_code == 2
    circle = [line for line in output.splitlines() if "in a circle" in line]
    assert len(circle) == 1
    assert circle[0].startswith(f"{brief}:{line_of(text, 'base: others')}: error: statistics[0].base: "
                                "bases go round in a circle: victims -> others -> victims")


@pytest.mark.parametrize("value", ["1", "1.5"])
def test_one_per_cent_or_more_is_not_questioned(value: str, make_brief: Callable[..., Path]) -> None:
    text = replace(SHARE, f"  - id: share\n    value: {value}\n    unit: percent\n")
    assert not [f for f in check_brief(make_brief(text)) if f.rule == "consistency.percent-as-fraction"]


def test_a_fraction_like_percent_is_questioned_in_full(make_brief: Callable[..., Path]) -> None:
    text = replace(SHARE, "  - id: share\n    value: 0.814\n    unit: percent\n")
    [warning] = [f for f in check_brief(make_brief(text)) if f.rule == "consistency.percent-as-fraction"]
    assert warning.message == ("'share' is 0.814%, less than one per cent; if the source says 81.4%, "
                               "write 'value: 81.4' (values are in per cent, not fractions)")
