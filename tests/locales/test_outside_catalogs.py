"""A language from outside (--locales) is checked like any input: each problem at its line, never a crash."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from testdata import EXAMPLE, REPO

from briefbuilder.cli import EXIT_BAD_INPUT, main
from briefbuilder.load.po_check import plural_rule

CASES = ('msgstr[0] "%(num)s건"', 'msgid_plural "%(num)s cases"')
BROKEN = {
    "a placeholder the code never fills": ('msgstr[0] "%(num)s건 %(evil)s"', "has the placeholders %(evil)s, %(num)s"),
    "a placeholder left out": ('msgstr[0] "여러 건"', "has the placeholders none"),
    "a huge field width": ('msgstr[0] "%(num)999999999s건"', "wider than 100"),
    "a stray percent sign": ('msgstr[0] "%(num)s건 100%"', "a '%' that is no placeholder"),
}
PLURALS = {
    "division by zero": ("nplurals=1; plural=n/0;", "divides by zero"),
    "Python instead of C": ("nplurals=1; plural=__import__('os').getpid();", "is not part of a plural rule"),
    "a form that is not there": ("nplurals=1; plural=n;", "gives form 1 for n = 1"),
    "nested without end": ("nplurals=1; plural=" + "(" * 500 + "0" + ")" * 500 + ";", "longer than 300"),
    "no number of forms": ("nplurals=x; plural=0;", "nplurals=x is not a number"),
}


def _korean(tmp_path: Path, old: str, new: str) -> tuple[Path, int]:
    """A copy of the Korean locale with ``old`` replaced by ``new``; the line of the change."""
    folder = tmp_path / "locales"
    shutil.copytree(REPO / "locales" / "ko", folder / "ko")
    po = folder / "ko" / "LC_MESSAGES" / "briefbuilder.po"
    text = po.read_text(encoding="utf-8")
    assert old in text
    po.write_text(text.replace(old, new, 1), encoding="utf-8")
    return folder, text[:text.index(old)].count("\n") + 1


def _build(locales: Path, out: Path) -> tuple[int, str, float]:
    started = time.perf_counter()
    result = CliRunner().invoke(main, ["build", str(EXAMPLE), "--lang", "ko", "--audience", "general",
                                       "--locales", str(locales), "-o", str(out)])
    assert "Traceback" not in result.output and "internal error" not in result.output, result.output
    return result.exit_code, result.output, time.perf_counter() - started


@pytest.mark.parametrize("broken", list(BROKEN))
def test_a_translation_that_would_fail_a_render_is_refused_at_its_line(broken: str, tmp_path: Path) -> None:
    new, message = BROKEN[broken]
    locales, _ = _korean(tmp_path, CASES[0], new)
    po = locales / "ko" / "LC_MESSAGES" / "briefbuilder.po"
    message_line = po.read_text(encoding="utf-8").splitlines().index('msgid "%(num)s case"') + 1
    exit_code, output, seconds = _build(locales, tmp_path / "out")
    assert exit_code == EXIT_BAD_INPUT and f"{po}:{message_line}: error: msgstr[0]: " in output
    assert message in output and seconds < 30
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("plural", list(PLURALS))
def test_a_plural_rule_that_cannot_be_used_is_refused_at_its_line(plural: str, tmp_path: Path) -> None:
    header, message = PLURALS[plural]
    locales, line = _korean(tmp_path, "nplurals=1; plural=0;", header)
    exit_code, output, _ = _build(locales, tmp_path / "out")
    po = locales / "ko" / "LC_MESSAGES" / "briefbuilder.po"
    assert exit_code == EXIT_BAD_INPUT and f"{po}:{line}: " in output and message in output, output


def test_the_plural_rules_of_the_shipped_languages_read_as_gettext_reads_them() -> None:
    french = plural_rule("(n == 0 || n == 1) ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2", 3)
    assert [french(n) for n in (0, 1, 2, 1_000_000, 1_000_001)] == [0, 0, 2, 1, 2]
    assert [plural_rule("(n != 1)", 2)(n) for n in (0, 1, 2)] == [1, 0, 1]
    assert plural_rule("0", 1)(5) == 0
