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
from ..narrative import Reference, find_references, reference_location
from .markdown import Markdown

if TYPE_CHECKING:
    from .context import RenderContext

Handler = Callable[["RenderContext", Reference, "Location | None"], Markdown]
HANDLERS: dict[str, Handler] = {}

# Raw HTML and footnote syntax are the template's business, never the narrative's.
_NARRATIVE_UNSAFE = re.compile(r"<|\[\^")


def reference(kind: str) -> Callable[[Handler], Handler]:
    """Register the handler for references of ``kind``."""

    def register(handler: Handler) -> Handler:
        HANDLERS[kind] = handler
        return handler

    return register


def resolve_narrative(context: RenderContext, text: Text) -> Markdown:
    """The narrative in the context's language, with every reference resolved."""
    lang = context.locale.code
    body = text.get(lang).strip()
    out: list[str] = []
    position = 0
    for ref in find_references(body):
        out.append(_neutralise(body[position:ref.start]))
        out.append(_handle(context, ref, reference_location(text, lang, ref), text))
        position = ref.end
    out.append(_neutralise(body[position:]))
    return Markdown("".join(out))


def _neutralise(markdown: str) -> str:
    return _NARRATIVE_UNSAFE.sub(lambda m: "\\" + m.group(), markdown)


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
