"""One comparable form of text, for rules that must find a string however it was typed.

A confidential name must not slip into a document because it was typed in NFD,
in full-width letters, with a zero-width space or a bidirectional control in
it, in another case, across a line break, or with Markdown's backslash escapes.
NFKC folds compatibility forms, format characters (Unicode category Cf: zero-width
and bidi controls, soft hyphens) are removed, case is folded and whitespace runs
become one space.
"""

from __future__ import annotations

import re
import unicodedata

_MARKDOWN_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_WHITESPACE = re.compile(r"\s+")


def comparable(text: str) -> str:
    """``text`` in the form two spellings of the same words share."""
    folded = unicodedata.normalize("NFKC", _MARKDOWN_ESCAPE.sub(r"\1", text))
    invisible = {ord(char): None for char in set(folded) if unicodedata.category(char) == "Cf"}
    visible = folded.translate(invisible) if invisible else folded
    return _WHITESPACE.sub(" ", visible.casefold()).strip()


def mentions(document: str, secrets: set[str]) -> bool:
    """Whether ``document`` contains any of ``secrets``, compared in their comparable forms."""
    haystack = comparable(document)
    return any(needle and needle in haystack for needle in map(comparable, secrets))
