"""One comparable form of text, for rules that must find a string however it was typed.

A confidential name must not slip into a document because it was typed in NFD,
in full-width letters, with a zero-width space or a bidirectional control in
it, in another case, across a line break, or with Markdown's backslash escapes.
Characters a reader does not see are removed: every Default_Ignorable_Code_Point
(zero-width and bidi controls, soft hyphens, the combining grapheme joiner,
variation selectors, Hangul fillers, tags...) and every other format character
(category Cf). Python's unicodedata has no such property; the ``regex`` module's
``\\p{Default_Ignorable_Code_Point}`` is Unicode's own list (DerivedCoreProperties),
kept current with each Unicode version by the module's releases. They are removed
before NFKC (a combining grapheme joiner keeps "e" and its accent from composing)
and after it (NFKC turns U+3164 HANGUL FILLER into U+1160, also invisible). NFKC
folds compatibility forms, case is folded and whitespace runs become one space.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

import regex

_MARKDOWN_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_WHITESPACE = re.compile(r"\s+")
_INVISIBLE = regex.compile(r"[\p{Default_Ignorable_Code_Point}\p{Cf}]+")


PIECE_CHARS = 1 << 20
"""How much of a document is folded at once: each step of folding copies its text, and a document of
100,000 statistics is 40 million characters (80 MB); folded whole, its copies took 580 MB at once."""


def comparable(text: str) -> str:
    """``text`` in the form two spellings of the same words share."""
    return _folded(text).strip()


def _folded(text: str) -> str:
    visible = _INVISIBLE.sub("", _MARKDOWN_ESCAPE.sub(r"\1", text))
    folded = _INVISIBLE.sub("", unicodedata.normalize("NFKC", visible))
    return _WHITESPACE.sub(" ", folded.casefold())


def mentions(document: str, secrets: set[str]) -> bool:
    """Whether ``document`` contains any of ``secrets``, compared in their comparable forms.

    The document is folded a piece at a time, cut at line breaks (where no
    character composes with the next and no escape begins), and each piece is
    searched together with the end of the one before, so a secret that runs
    across a cut is found as in the whole text.
    """
    needles = [needle for needle in map(comparable, secrets) if needle]
    if not needles:
        return False
    overlap = max(map(len, needles))
    carried = ""
    for piece in _pieces(document):
        folded = _folded(piece)
        if carried.endswith(" ") and folded.startswith(" "):
            folded = folded[1:]  # one whitespace run, cut in two
        window = carried + folded
        if any(needle in window for needle in needles):
            return True
        carried = window[-overlap:]
    return False


def _pieces(text: str) -> Iterator[str]:
    """``text`` in pieces of about :data:`PIECE_CHARS`, each but the last ending just before a line break."""
    start = 0
    while len(text) - start > PIECE_CHARS:
        cut = text.rfind("\n", start + 1, start + PIECE_CHARS)
        if cut == -1:
            cut = text.find("\n", start + PIECE_CHARS)
            if cut == -1:
                break
        yield text[start:cut]
        start = cut
    yield text[start:]
