"""What a translator's .po is told, and plural rules read as GNU gettext reads them.

The expected forms below were measured with GNU gettext 0.21 and glibc 2.36: ``msgfmt --check``
accepts every rule in AS_GNU_GETTEXT_READS_THEM, and glibc's ``ngettext`` chose these forms for
n = 0..11 from the compiled catalog. GNU gettext computes in C's ``unsigned long`` (64 bits on
64-bit Linux), so ``n - 5`` for n = 2 is a huge number, not -3.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefbuilder.errors import BriefError, Problem
from briefbuilder.load.locale import compile_messages
from briefbuilder.load.po_check import MAX_PLURAL_DEPTH, checked_catalog, plural_rule

AS_GNU_GETTEXT_READS_THEM = {
    "six forms in parentheses": ("(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5)",
                                 6, [0, 1, 2, 3, 3, 3, 3, 3, 3, 3, 3, 4]),
    "parentheses three deep": ("(n==1) ? 0 : ((n%10>=2) && (n%10<=4) && ((n%100<10) || (n%100>=20))) ? 1 : 2",
                               3, [2, 0, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2]),
    "a condition inside a condition": ("n < 5 ? n == 1 ? 0 : 1 : 2", 3, [1, 0, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2]),
    "not": ("!(n == 1)", 2, [1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]),
    "a difference below zero wraps": ("n - 5 > 0", 2, [1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1]),
    "dividing a wrapped difference": ("n < 3 ? (n - 3 < 5 ? 1 : 0) : (n - 7) / 2 % 2",
                                      2, [0, 0, 0, 0, 0, 1, 1, 0, 0, 1, 1, 0]),
    "a difference wraps at 64 bits": ("n == 0 ? (n - 1) / 100000000 / 100000000 == 1844 : 0",
                                      2, [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
    "a product wraps at 64 bits": ("999999999 * 999999999 * 999999999 / 100000000 / 100000000 % 7 == 4", 2, [1] * 12),
    "a sum wraps at 64 bits": ("(999999999 * 999999999 * 18 + 999999999 * 999999999) / 100000000 / 100000000 % 7 == 6",
                               2, [1] * 12),
}


def _po(tmp_path: Path, plural: str, messages: str) -> Path:
    """A Korean catalog with the Plural-Forms ``plural`` (line 4) and ``messages`` (from line 6)."""
    folder = tmp_path / "locales" / "ko" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    po = folder / "briefbuilder.po"
    po.write_text(f'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
                  f'"Plural-Forms: {plural};\\n"\n\n{messages}', encoding="utf-8")
    return po


def _problems(po: Path) -> tuple[Problem, ...]:
    with pytest.raises(BriefError) as refused:
        checked_catalog(po, po.read_bytes(), "ko", "briefbuilder")
    return refused.value.problems


@pytest.mark.parametrize("name", list(AS_GNU_GETTEXT_READS_THEM))
def test_a_plural_rule_chooses_the_forms_gnu_gettext_chooses(name: str) -> None:
    expression, forms, chosen = AS_GNU_GETTEXT_READS_THEM[name]
    rule = plural_rule(expression, forms)
    assert [rule(n) for n in range(12)] == chosen


def test_a_catalog_in_use_chooses_its_forms_as_gnu_gettext_does_not_as_python_gettext(tmp_path: Path) -> None:
    """Python's gettext reads n - 5 as -3 for n = 2 and would choose the first form; GNU gettext the second."""
    po = _po(tmp_path, "nplurals=2; plural=n - 5 > 0",
             'msgid "%(num)s case"\nmsgid_plural "%(num)s cases"\n'
             'msgstr[0] "first %(num)s"\nmsgstr[1] "second %(num)s"\n')
    translations = compile_messages(po, "ko")
    assert [translations.ngettext("%(num)s case", "%(num)s cases", n) for n in (2, 5, 6)] == [
        "second %(num)s", "first %(num)s", "second %(num)s"]


def test_parentheses_side_by_side_are_read_and_only_nesting_deeper_than_the_limit_is_refused(tmp_path: Path) -> None:
    side_by_side = " + ".join(f"(n == {k})" for k in range(1, 4))
    nested = "(" * MAX_PLURAL_DEPTH + "n == 0" + ")" * MAX_PLURAL_DEPTH
    assert [plural_rule(f"{side_by_side} + {nested}", 2)(n) for n in (0, 1, 4)] == [1, 1, 0]
    too_deep = "(" + nested + ")"
    for expression in (f"{side_by_side} + {too_deep}", "(" * 140 + "n" + ")" * 140, "!" * 31 + "n",
                       "n ? " * 31 + "0" + " : 1" * 31, "n ? 0 : " * 31 + "1"):
        with pytest.raises(ValueError, match=f"nests parentheses, conditions or '!' more than {MAX_PLURAL_DEPTH} deep"):
            plural_rule(expression, 2)
    po = _po(tmp_path, f"nplurals=2; plural={too_deep}", "")
    (problem,) = _problems(po)
    assert str(problem) == (f"{po}:4: error: Plural-Forms: the plural rule cannot be used: it nests parentheses, "
                            f"conditions or '!' more than {MAX_PLURAL_DEPTH} deep (copy the Plural-Forms line of "
                            "your language from the GNU gettext manual or CLDR)")


def test_a_translation_with_c_style_placeholders_is_told_which_ones_the_msgid_has(tmp_path: Path) -> None:
    po = _po(tmp_path, "nplurals=1; plural=0",
             'msgid "%(num)s case"\nmsgid_plural "%(num)s cases"\nmsgstr[0] "%s건 %s"\n')
    (problem,) = _problems(po)
    assert str(problem) == (f"{po}:6: error: msgstr[0]: the translation of '%(num)s case' has the placeholders %s, %s, "
                            "the msgid %(num)s (use exactly the msgid's placeholders, each as %(name)s)")
