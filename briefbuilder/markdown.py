"""Markdown that is safe to emit, and escaping for everything else.

Data is never trusted to be markup: a source title containing ``*``, ``[``,
``<script>`` or ``[^1]`` must print as those characters. Anything that is not a
:class:`Markdown` instance is escaped on its way into the output. Only our own
templates, translations and helpers produce :class:`Markdown`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from .links import link_refusal

_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&])")
_LINE_START_SPECIAL = re.compile(r"^(\s*)([-+=]|\d+(?=[.)]))")
# Control characters, and the two private-use characters the note registry marks citations with.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ue000\ue001]")
_BREAKS = re.compile(r"[\r\n\t\u2028\u2029]+")


def escape_markdown(text: str) -> Markdown:
    """Make ``text`` print literally in CommonMark (one line, no markup)."""
    text = _BREAKS.sub(" ", _CONTROL.sub("", text))
    text = _INLINE_SPECIAL.sub(r"\\\1", text)
    text = _LINE_START_SPECIAL.sub(_escape_line_start, text)
    return Markdown(text)


def _escape_line_start(match: re.Match[str]) -> str:
    marker = match.group(2)
    # "-", "+", "=" start lists or setext headings; "12." or "12)" an ordered list.
    return f"{match.group(1)}\\{marker}" if not marker[0].isdigit() else f"{match.group(1)}{marker}\\"


def safe(value: Any) -> Any:
    """Escape strings that are not already :class:`Markdown`; leave numbers alone."""
    if isinstance(value, Markdown) or not isinstance(value, str):
        return value
    return escape_markdown(value)


class Markdown(str):
    """A string of trusted Markdown. Formatting it escapes what is put in."""

    def __mod__(self, values: Any) -> Markdown:
        if isinstance(values, dict):
            values = {key: safe(value) for key, value in values.items()}
        elif isinstance(values, tuple):
            values = tuple(safe(value) for value in values)
        else:
            values = safe(values)
        return Markdown(str.__mod__(self, values))

    def __add__(self, other: str) -> Markdown:
        return Markdown(str.__add__(self, safe(other)))

    def join(self, items: Iterable[str]) -> Markdown:  # type: ignore[override]
        return Markdown(str.join(self, (safe(item) for item in items)))


_UNSAFE_IN_DESTINATION = re.compile(r"[\s<>\\]")


def link(text: str, url: str) -> Markdown:
    """``[text](<url>)`` for an address :mod:`briefbuilder.links` allows; anything else prints as plain text."""
    if link_refusal(url) is not None:
        return escape_markdown(text)
    destination = _UNSAFE_IN_DESTINATION.sub(lambda m: f"%{ord(m.group()):02X}", url)
    return Markdown("[%s](<%s>)") % (text, Markdown(destination))


def finalize(value: Any) -> str:
    """Jinja's ``finalize``: every ``{{ value }}`` passes through here."""
    if value is None:
        return ""
    return value if isinstance(value, Markdown) else escape_markdown(str(value))
