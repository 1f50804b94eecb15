"""Typography of the finished text, as the language prints it (``locale.yaml``): quotation marks, unbroken spans.

Briefs and catalogs are typed with straight quotes; UN documents and Korean
print curly ones (“ ” ‘ ’, the closing single quote doubling as the
apostrophe). Code, link destinations and bare URLs keep their characters.
"""

from __future__ import annotations

import re

from ..locale import Quotes

# What must keep its characters: code, link destinations, autolinks and bare web addresses.
_KEEP = re.compile(r"```[\s\S]*?```|`[^`\n]*`|\]\(<[^>\n]*>\)|\]\([^)\s]*\)|<[A-Za-z][A-Za-z0-9+.-]*:[^>\s]*>"
                   r"|https?://[^\s)>\]]+")
_QUOTE = re.compile(r"[\"']")
# A quote after one of these (or at the start) opens; after anything else it closes.
_BEFORE_OPENING = frozenset(" \t\n([{*_/\u2014\u2013-\u201c\u2018\u300c\u300e")


def curl_quotes(markdown: str, quotes: Quotes | None) -> str:
    """``markdown`` with straight quotes made typographic; unchanged for a language without ``quotes``."""
    if quotes is None:
        return markdown
    out: list[str] = []
    position = 0
    for keep in _KEEP.finditer(markdown):
        out.append(_curl(markdown[position:keep.start()], quotes, out[-1][-1:] if out else ""))
        out.append(keep.group())
        position = keep.end()
    out.append(_curl(markdown[position:], quotes, out[-1][-1:] if out else ""))
    return "".join(out)


def _curl(text: str, quotes: Quotes, before: str) -> str:
    def replace(match: re.Match[str]) -> str:
        previous = text[match.start() - 1] if match.start() else before
        following = text[match.end():match.end() + 1]
        opening = previous == "" or previous in _BEFORE_OPENING
        if match.group() == '"':
            return quotes.double[0 if opening else 1]
        if previous.isalnum() and following.isalnum():
            return quotes.single[1]  # an apostrophe: State's, don't
        return quotes.single[0 if opening else 1]

    return _QUOTE.sub(replace, text)


def keep_together(markdown: str, spans: re.Pattern[str] | None) -> str:
    """``markdown`` with the spaces inside each of ``spans`` made no-break, so no line ends inside one."""
    if spans is None:
        return markdown
    return spans.sub(lambda span: span.group().replace(" ", "\u00a0"), markdown)
