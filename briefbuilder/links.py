"""The one link policy of every output: web and mail addresses only.

A link in a document opens something when a reader clicks it. Word and PDF
readers act on more than the web: ``\\\\host\\share`` and ``file:`` reach a
file share (and send the reader's Windows credentials to it), ``ms-word:`` starts
a program, ``javascript:`` runs code, and ``mailto:...?attach=`` asks a mail
program to attach a local file. So a link is kept only when it is ``http``,
``https`` or ``mailto`` with at most a subject and a body; the load stage refuses
the others in a brief's text, the render stage in what a template writes, and
the Word writer (hence the PDF made from it) never writes one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import parse_qsl, urlsplit

WEB_SCHEMES = frozenset({"http", "https"})
MAIL_HEADERS = frozenset({"subject", "body"})  # what a mailto link may fill in besides the address
ALLOWED = "an http, https or mailto address (mailto with at most ?subject= and &body=)"

_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
_UNSAFE_CHARACTERS = re.compile(r"[\x00-\x20\x7f\\]")  # controls, spaces and backslashes: a reader may fix them up


def link_refusal(url: str) -> str | None:
    """Why ``url`` may not be a link in a document, or None when it may (``#...`` stays within the document)."""
    if url.startswith("#"):
        return None
    scheme = _SCHEME.match(url)
    if scheme is None:
        return "it has no scheme: a reader takes it for a file beside the document or a network share"
    name = scheme.group(1).lower()
    if _UNSAFE_CHARACTERS.search(url):
        return "it holds a space, a control character or a backslash"
    if name in WEB_SCHEMES:
        return None if urlsplit(url).netloc else "it names no host"
    if name == "mailto":
        headers = {key.lower() for key, _ in parse_qsl(urlsplit(url).query, keep_blank_values=True)}
        extra = sorted(headers - MAIL_HEADERS)
        return f"it asks the mail program for {', '.join(extra)}" if extra else None
    return f"'{name}:' links open files or programs"


# Where a destination is written in Markdown (or HTML a brief or a template may contain): an inline
# link or image "](dest)", an autolink "<scheme:...>", a reference definition "[x]: dest" and an
# href/src attribute in a tag. An odd number of backslashes before "]" or "<" makes it literal text
# (escaped data); an even number is literal backslashes before a real one. An inline destination is
# read to the next space, past its closing parenthesis: a little more than cmark reads, never less.
_UNESCAPED = r"(?<!\\)(?:\\\\)*"
_DESTINATIONS = re.compile(
    _UNESCAPED + r"\]\(\s*(?:<(?P<angled>[^>\n]*)>|(?P<inline>\S*))"
    r"|" + _UNESCAPED + r"<(?P<auto>[A-Za-z][A-Za-z0-9+.\-]{1,31}:[^\s<>]*)>"
    r"|^[ ]{0,3}\[(?P<label>[^\]\n]+)\]:[ \t]*<?(?P<definition>[^\s>]+)"
    r"|" + _UNESCAPED + r"<[A-Za-z][^<>]*?\b(?:href|src)\s*=\s*[\"']?(?P<attribute>[^\"'\s>]*)",
    re.MULTILINE | re.IGNORECASE,
)


def refused_links(markdown: str) -> Iterator[tuple[str, str, int]]:
    """Each link destination in ``markdown`` the policy refuses: (destination, why, line offset from 0)."""
    line, counted_to = 0, 0
    for match in _DESTINATIONS.finditer(markdown):
        if match.group("label") is not None and match.group("label").startswith("^"):
            continue  # a footnote definition "[^1]: text", not a link
        destination = next(match.group(name) for name in ("angled", "inline", "auto", "definition", "attribute")
                           if match.group(name) is not None)
        while match.group("inline") and destination.endswith(")") and destination.count("(") < destination.count(")"):
            destination = destination[:-1]  # the link's own closing parenthesis, and what follows it
        why = link_refusal(destination)
        if why is not None:
            line += markdown.count("\n", counted_to, match.start())
            counted_to = match.start()
            yield destination, why, line
