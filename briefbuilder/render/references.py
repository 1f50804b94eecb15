"""Resolving ``[[kind:target|option]]`` references in narrative text.

Each kind has a handler registered with :func:`reference`; the statistics and
source kinds live here, legal kinds (treaty, status, state) in their own
module. An unknown kind or target is an input error pointing at the line of
the narrative that holds it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..errors import BriefError, Location
from ..model import Text
from ..narrative import Reference, Sentences, find_references, reference_location
from .markdown import Markdown

if TYPE_CHECKING:
    from .context import RenderContext

Handler = Callable[["RenderContext", Reference, "Location | None"], Markdown]
HANDLERS: dict[str, Handler] = {}

# Raw HTML and footnote syntax are the template's business, never the narrative's.
_NARRATIVE_UNSAFE = re.compile(r"<|\[\^")
# The note registry's placeholder characters (private use) cannot come from a brief.
_PLACEHOLDER_CHARS = re.compile("[\ue000\ue001]")


def reference(kind: str) -> Callable[[Handler], Handler]:
    """Register the handler for references of ``kind``."""

    def register(handler: Handler) -> Handler:
        HANDLERS[kind] = handler
        return handler

    return register


def resolve_narrative(context: RenderContext, text: Text) -> Markdown:
    """The narrative in the context's language, with every reference resolved.

    A sentence holding ``[[stat:ID|attributed]]`` gets its attribution as a
    clause of its own: leading the sentence when the figure opens it
    ("According to …, more than 500 people …"), else closing it.
    """
    lang = context.locale.code
    body = text.get(lang).strip()
    refs = find_references(body)
    resolved = [_handle(context, ref, reference_location(text, lang, ref), text) for ref in refs]
    next_ref = 0

    def assemble(position: int, end: int) -> str:
        """``body[position:end]`` with its references resolved (called in order: sentences never split one)."""
        nonlocal next_ref
        out: list[str] = []
        while next_ref < len(refs) and refs[next_ref].start < end:
            out += [_neutralise(body[position:refs[next_ref].start]), resolved[next_ref]]
            position = refs[next_ref].end
            next_ref += 1
        out.append(_neutralise(body[position:end]))
        return "".join(out)

    out: list[str] = []
    position = 0
    for first, last, ref in _attributed_sentences(body, refs):
        statistic = context.brief.statistic(ref.target)
        source = context.attribution(statistic) if statistic is not None else None
        out.append(assemble(position, first))
        sentence = Markdown(assemble(first, last))
        out.append(context.attributed(sentence, source, leads=ref.start == first) if source is not None else sentence)
        position = last
    out.append(assemble(position, len(body)))
    return Markdown("".join(out))


def _attributed_sentences(body: str, refs: list[Reference]) -> list[tuple[int, int, Reference]]:
    """(start, end, reference) of each sentence holding an attributed figure, in order."""
    attributed = [ref for ref in refs if ref.kind == "stat" and ref.option == "attributed"]
    if not attributed:
        return []
    sentences = Sentences(body)
    found: list[tuple[int, int, Reference]] = []
    for ref in attributed:
        first, last = sentences.around(ref.start, ref.end)
        first += len(body[first:last]) - len(body[first:last].lstrip())
        if not found or first >= found[-1][1]:
            found.append((first, last, ref))
    return found


def _neutralise(markdown: str) -> str:
    return _NARRATIVE_UNSAFE.sub(lambda m: "\\" + m.group(), _PLACEHOLDER_CHARS.sub("", markdown))


def _handle(context: RenderContext, ref: Reference, where: Location | None, text: Text) -> Markdown:
    handler = HANDLERS.get(ref.kind)
    if handler is None:
        raise BriefError.at(where, f"{text.field_name}.{context.locale.code}",
                            f"unknown reference kind '[[{ref.kind}:...]]'",
                            f"use one of: {', '.join(sorted(HANDLERS))}")
    return handler(context, ref, where)


@reference("stat")
def _statistic(context: RenderContext, ref: Reference, where: Location | None) -> Markdown:
    return context.stat(ref.target, ref.option, where=where)


@reference("cite")
def _source(context: RenderContext, ref: Reference, where: Location | None) -> Markdown:
    return context.cite(ref.target, ref.option, where=where)


@reference("term")
def _term(context: RenderContext, ref: Reference, where: Location | None) -> Markdown:
    return context.term(ref.target, where=where)
