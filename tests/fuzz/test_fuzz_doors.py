"""Fuzzing the doors other than the brief: packs, translation catalogs, plural rules, sheets, case tables.

Each property: the input is used or refused with a :class:`BriefError`; nothing
else escapes (no KeyError, ValueError, ZeroDivisionError: no exit 3).
"""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefbuilder import BriefError, render_brief
from briefbuilder.cases import build_cases
from briefbuilder.load.locale import compile_messages
from briefbuilder.load.po_check import plural_rule
from briefbuilder.load.sheet import read_table
from testdata import EXAMPLE, MINIMAL_BRIEF

PLURAL_TOKENS = ["n", "0", "1", "2", "10", "100", "1000000", "%", "/", "*", "+", "-", "==", "!=", "<", ">=", "&&",
                 "||", "!", "?", ":", "(", ")", " ", ";", "__import__", "'", "n/0", "999999999999"]
FORMAT_TOKENS = ["%(num)s", "%(num)d", "%(evil)s", "%", "%%", "%s", "%(num)999999999s", "%(num)5s", "%.3f",
                 "%(num)*s", "건", " ", "\\n", "people", "%(", "%()s"]
TEMPLATE_TOKENS = ["{{ messages.translations }}", "{{ messages.babel.territories }}", "{{ lang }}", "[x](file:///x)",
                   "[x](https://example.org)", "<mailto:a@b.c?attach=x>", "{% for i in range(3) %}", "{% endfor %}",
                   "{{ 'A' * 3 }}", "{{ brief.statistics | length }}", "{{ stat('victims') }}", "{{ _('Findings') }}",
                   "{{ pack }}", "{{ self }}", "{%", "}}", "\n", "# Title", "text"]
CELL_TOKENS = ["id", "value", "unit", "label.en", "=1+1", "+", "-3", "@x", "\t", "113", "81.4", "persons", "percent",
               "victims", '"', ",", "\n", "\r", "", "2024-01-01", "\x00", "label.ko", "피해자"]


def _joined(tokens: list[str], size: int = 12) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(tokens), max_size=size).map("".join)


@given(expression=_joined(PLURAL_TOKENS), forms=st.integers(0, 8))
def test_any_plural_rule_is_read_or_refused(expression: str, forms: int) -> None:
    try:
        rule = plural_rule(expression, forms)
    except ValueError:
        return
    assert all(0 <= rule(n) < forms for n in range(200))


@given(plural=_joined(PLURAL_TOKENS, 8), singular=_joined(FORMAT_TOKENS, 6), other=_joined(FORMAT_TOKENS, 6))
def test_any_catalog_is_used_or_refused(plural: str, singular: str, other: str,
                                        tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = tmp_path_factory.mktemp("po") / "xx" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    po = folder / "briefbuilder.po"
    po.write_text(f'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
                  f'"Plural-Forms: nplurals=2; plural={plural};\\n"\n\n'
                  f'msgid "%(num)s case"\nmsgid_plural "%(num)s cases"\n'
                  f'msgstr[0] "{singular}"\nmsgstr[1] "{other}"\n', encoding="utf-8")
    try:
        translations = compile_messages(po, "ko")
    except BriefError:
        return
    for count in range(4):
        translations.ngettext("%(num)s case", "%(num)s cases", count) % {"num": count}


@given(cells=st.lists(st.lists(_joined(CELL_TOKENS, 3), max_size=5), max_size=5))
def test_any_csv_sheet_is_read_or_refused(cells: list[list[str]], tmp_path_factory: pytest.TempPathFactory) -> None:
    path = tmp_path_factory.mktemp("sheet") / "stats.csv"
    buffer = io.StringIO()
    csv.writer(buffer).writerows(cells)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    try:
        read_table(path)
    except BriefError:
        pass


@settings(max_examples=10)
@given(body=_joined(TEMPLATE_TOKENS, 10))
def test_any_pack_template_renders_or_is_refused(body: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    root = tmp_path_factory.mktemp("packs")
    (root / "memo").mkdir()
    (root / "memo" / "pack.yaml").write_text("description: {en: Memo}\ntemplate: memo.md.j2\n", encoding="utf-8")
    (root / "memo" / "memo.md.j2").write_text(body, encoding="utf-8")
    brief = root.parent / "brief.yaml"
    brief.write_text(MINIMAL_BRIEF, encoding="utf-8")
    try:
        render_brief(brief, "en", audience="memo", template_dirs=[root])
    except BriefError:
        pass


@settings(max_examples=5)
@given(ids=st.lists(st.text(min_size=0, max_size=300), min_size=1, max_size=2))
def test_any_case_ids_are_built_or_reported(ids: list[str], tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = tmp_path_factory.mktemp("cases")
    table = folder / "cases.csv"
    with table.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream).writerows([["id", "name.en", "date", "place.en", "responsible.en"],
                                      *([case_id, "KIM Example", "2023-03-12", "Hoeryong", "officers"]
                                        for case_id in ids)])
    try:
        results = build_cases(EXAMPLE, table, folder / "out", languages=["en"])
    except BriefError:
        return
    assert len(results) <= len(ids)
    for result in results:
        assert result.ok or result.error is not None
