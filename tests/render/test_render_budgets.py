"""A user template that asks for huge text or endless loops is stopped quickly, by name, with its line."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefbuilder import BriefError, render_brief
from briefbuilder.cli import main
from testdata import MINIMAL_BRIEF

ATTACKS = {
    # the two cases
    "string times three billion": ("{{ 'A' * 3000000000 }}", "a string of 3,000,000,000 characters"),
    "nested ranges of 100,000": ("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
                                 "loop iterations"),
    # other ways to the same place
    "list times a big number": ("{{ (range(100000)|list) * 100000 }}", "a list of 10,000,000,000 items"),
    "huge power": ("{{ 10 ** 100000000 }}", "a power of more than"),
    "float overflow": ("{{ 2.5 ** 100000 }}", "a number too large"),
    "center filter": ("{{ 'x' | center(3000000000) }}", "an argument of 3,000,000,000"),
    "center method": ("{{ 'x'.center(3000000000) }}", "an argument of 3,000,000,000"),
    "printf width": ("{{ '%0999999999d' % 1 }}", "format width"),
    "format filter width": ("{{ '%0999999999d' | format(1) }}", "format width"),
    "str.format width": ("{{ '{:>999999999}'.format(1) }}", "format width"),
    "concatenation": ("{% set x = 'A' * 15000000 %}{{ x ~ x ~ x ~ x }}", "a string of 60,000,000 characters"),
    "namespace doubling": ("{% set ns = namespace(x='A' * 1000000) %}{% for i in range(40) %}"
                           "{% set ns.x = ns.x ~ ns.x %}{% endfor %}", "a string of 32,000,000 characters"),
    "replace squaring": ("{% set x = 'A' * 10000 %}{{ x.replace('A', x) }}", "a string of 100,000,000 characters"),
    "indent": ("{{ ('a\n' * 1000000) | indent(1000) }}", "a string of 1,002,000,000 characters"),
    "recursion": ("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", "macros calling each other without end"),
    "output": ("{% for i in range(100000) %}{{ 'B' * 2000 }}{% endfor %}", "a document longer than 100,000,000"),
}


def test_lorem_ipsum_without_end_is_not_available(tmp_path: Path) -> None:
    brief, root = _pack(tmp_path, "{{ lipsum(1000000000) }}")
    started = time.process_time()
    with pytest.raises(BriefError) as error:
        render_brief(brief, "en", audience="memo", template_dirs=(root,))
    assert time.process_time() - started < 10
    assert "lipsum" in str(error.value)


def _pack(tmp_path: Path, body: str) -> tuple[Path, Path]:
    brief = tmp_path / "brief.yaml"
    brief.write_text(MINIMAL_BRIEF, encoding="utf-8")
    pack = tmp_path / "packs" / "memo"
    pack.mkdir(parents=True)
    (pack / "pack.yaml").write_text("description: {en: Memo, ko: 메모}\ntemplate: memo.md.j2\n", encoding="utf-8")
    (pack / "memo.md.j2").write_text('{% extends "base/brief.md.j2" %}\n{% block cover %}\n# Memo\n\n'
                                     f"{body}\n{{% endblock %}}\n", encoding="utf-8")
    return brief, pack.parent


@pytest.mark.parametrize("attack", list(ATTACKS))
def test_a_template_over_budget_is_stopped_by_name(attack: str, tmp_path: Path) -> None:
    body, asked = ATTACKS[attack]
    brief, root = _pack(tmp_path, body)
    started = time.process_time()
    with pytest.raises(BriefError) as error:
        render_brief(brief, "en", audience="memo", template_dirs=(root,))
    assert time.process_time() - started < 10
    (problem,) = error.value.problems
    assert problem.message.startswith("the template 'memo/memo.md.j2' asked for") and asked in problem.message
    assert problem.location is not None and problem.location.file == str(root / "memo" / "memo.md.j2")


@pytest.mark.parametrize("attack", ["string times three billion", "nested ranges of 100,000"])
def test_the_command_line_reports_it_without_an_internal_error(attack: str, tmp_path: Path) -> None:
    brief, root = _pack(tmp_path, ATTACKS[attack][0])
    result = CliRunner().invoke(main, ["build", str(brief), "--audience", "memo", "--templates", str(root),
                                       "-o", str(tmp_path / "out")])
    assert result.exit_code == 1, result.output
    assert "constraints.renders" in result.output and "the template 'memo/memo.md.j2' asked for" in result.output
    assert "internal error" not in result.output and "MemoryError" not in result.output


def test_ordinary_loops_and_strings_within_budget_render(tmp_path: Path) -> None:
    body = ("{% set ns = namespace(n=0) %}{% for i in range(1000) %}{% for s in brief.statistics %}"
            "{% set ns.n = ns.n + 1 %}{% endfor %}{% endfor %}COUNTED {{ ns.n }} {{ '=' * 10 ~ 'x' }} "
            "{{ '%05d' % 42 }} {{ 'ab' | center(6) }}")
    brief, root = _pack(tmp_path, body)
    markdown = render_brief(brief, "en", audience="memo", template_dirs=(root,)).markdown
    assert "COUNTED 2000" in markdown and "==========x" in markdown and "00042" in markdown
