"""Resource budgets for one render: output size, loop iterations, string size.

Jinja2's sandbox stops a template from reaching Python, not from asking for
``'A' * 3000000000`` or two nested ranges of 100,000: both ran about two
minutes and ended in ``MemoryError``. An audience pack may come from someone
else, so each render gets budgets far above what any brief needs and the
template is stopped, by name, as soon as it asks for more:

- every ``{% for %}`` iteration is counted (:data:`MAX_LOOP_ITERATIONS` per render);
- a string may not grow past :data:`MAX_STRING_CHARS`, a list past :data:`MAX_ITEMS`,
  checked *before* ``*``, ``+``, ``**``, ``%`` and ``~`` build it, and after
  every filter and call;
- a width or count passed to a filter or a string method may not exceed it either
  (``center(10**10)``, ``'%0999999999d'``);
- the document may not grow past :data:`MAX_OUTPUT_CHARS`.

The budget lives in a context variable, so cached environments shared by
several renders (or threads) each count their own.
"""

from __future__ import annotations

import functools
import operator
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from jinja2.filters import do_format
from jinja2.utils import _PassArg

MAX_OUTPUT_CHARS = 100_000_000  # a 10,000-statistic brief renders to 2 MB of Markdown per language
MAX_STRING_CHARS = 20_000_000  # above the longest value a brief may hold (16 million characters)
MAX_ITEMS = 1_000_000  # items in one list or mapping: ten times the statistics of the largest brief measured
MAX_LOOP_ITERATIONS = 10_000_000
MAX_POWER_BITS = 100_000  # 2 ** 100000 is a 30,000-digit number: no brief needs one

_WIDE_FORMAT = re.compile(r"[0-9]{8,}")  # a width or precision of 10,000,000 or more


class BudgetExceeded(Exception):
    """A template asked for more than a render may use (turned into a located error by the render)."""


@dataclass
class _Budget:
    iterations: int = 0


_current: ContextVar[_Budget | None] = ContextVar("render_budget", default=None)


@contextmanager
def render_budget() -> Iterator[None]:
    """Count this render's loop iterations from zero."""
    token = _current.set(_Budget())
    try:
        yield
    finally:
        _current.reset(token)


def counted(iterable: Iterable[Any]) -> Iterator[Any]:
    """``iterable``, counting each item against the render's loop budget."""
    budget = _current.get()
    for item in iterable:
        if budget is not None:
            budget.iterations += 1
            if budget.iterations > MAX_LOOP_ITERATIONS:
                raise BudgetExceeded(f"more than {MAX_LOOP_ITERATIONS:,} loop iterations")
        yield item


def check_size(value: Any) -> Any:
    """``value``, if it is no longer than a string, list or mapping may be."""
    if isinstance(value, str):
        check_size_of(len(value))
    elif isinstance(value, (list, tuple, dict)):
        check_items(len(value))
    return value


def check_size_of(length: int) -> None:
    if length > MAX_STRING_CHARS:
        raise BudgetExceeded(f"a string of {length:,} characters (the limit is {MAX_STRING_CHARS:,})")


def check_items(count: int) -> None:
    if count > MAX_ITEMS:
        raise BudgetExceeded(f"a list of {count:,} items (the limit is {MAX_ITEMS:,})")


def check_arguments(args: Iterable[Any]) -> None:
    """Refuse a width or count argument that would build an oversized value."""
    for arg in args:
        if isinstance(arg, int) and not isinstance(arg, bool) and abs(arg) > MAX_STRING_CHARS:
            raise BudgetExceeded(f"an argument of {arg:,} (the limit is {MAX_STRING_CHARS:,})")


def _sequence_times(left: Any, right: Any) -> None:
    for sequence, times in ((left, right), (right, left)):
        if isinstance(sequence, str) and isinstance(times, int):
            check_size_of(len(sequence) * max(times, 0))
        elif isinstance(sequence, (list, tuple)) and isinstance(times, int):
            check_items(len(sequence) * max(times, 0))


def binop(operator_name: str, left: Any, right: Any) -> Any:
    """A template's ``*``, ``**``, ``+`` or ``%``, refused before it builds something oversized."""
    if operator_name == "*":
        _sequence_times(left, right)
    elif operator_name == "+" and isinstance(left, str) and isinstance(right, str):
        check_size_of(len(left) + len(right))
    elif operator_name == "+" and isinstance(left, (list, tuple)) and isinstance(right, (list, tuple)):
        check_items(len(left) + len(right))
    elif operator_name == "**" and isinstance(left, int) and isinstance(right, int) and abs(left) > 1 \
            and right * left.bit_length() > MAX_POWER_BITS:
        raise BudgetExceeded(f"a power of more than {MAX_POWER_BITS:,} bits")
    elif operator_name == "%" and isinstance(left, str):
        check_format(left, right if isinstance(right, tuple) else (right,))
    return check_size(_OPERATORS[operator_name](left, right))


def check_format(template: str, args: Iterable[Any]) -> None:
    """A printf- or format-style string may not ask for a gigantic width or precision."""
    if _WIDE_FORMAT.search(template) and ("%" in template or "{" in template):
        raise BudgetExceeded("a format width or precision of ten million or more")
    check_arguments(args)


def concat(parts: Iterable[Any]) -> str:
    """Jinja's ``~``, refused before it joins more than a string may hold."""
    strings = [str(part) for part in parts]
    check_size_of(sum(map(len, strings)))
    return "".join(strings)


def bounded_filter(function: Callable[..., Any]) -> Callable[..., Any]:
    """A filter whose width arguments and result are held to the string budget."""

    value_at = 1 if _PassArg.from_obj(function) is not None else 0  # after the context Jinja passes first

    @functools.wraps(function)  # keeps Jinja's pass_context / pass_environment marks
    def run(*args: Any, **kwargs: Any) -> Any:
        options = [*args[value_at + 1:], *kwargs.values()]
        value = args[value_at] if len(args) > value_at else None
        if function is do_format and isinstance(value, str):
            check_format(value, options)
        else:
            check_arguments(options)
        return check_size(function(*args, **kwargs))

    return run


_OPERATORS: dict[str, Callable[[Any, Any], Any]] = {
    "*": operator.mul, "**": operator.pow, "+": operator.add, "%": operator.mod,
}
