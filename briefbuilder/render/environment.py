"""The Jinja2 environment: sandboxed, Markdown-escaping, translated.

One environment per template search path, shared by every language: a
template is compiled once per build, and its messages are translated at render
time by the locale passed in as ``MESSAGES``. Templates are always
run in Jinja2's immutable sandbox, because an audience pack may come from
someone else; the sandbox is also denied file-system paths and modules, so a
template cannot reach the disk through an object we hand it.
"""

from __future__ import annotations

import os
import types
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, FileSystemLoader, PrefixLoader, StrictUndefined, pass_context
from jinja2.runtime import BlockReference, Context
from jinja2.sandbox import ImmutableSandboxedEnvironment

from ..resources import data_dir
from .locale import LocaleData
from .markdown import Markdown, finalize

BUILTIN_PREFIX = "builtin"
MESSAGES = "messages"  # the render variable holding the document's LocaleData


class BriefSandbox(ImmutableSandboxedEnvironment):
    """Jinja2's sandbox, also refusing attributes that lead to files or modules."""

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if isinstance(value, (os.PathLike, types.ModuleType)):
            return False
        return super().is_safe_attribute(obj, attr, value)


class _RenderedBlock(BlockReference):
    """A parent block (``{{ super() }}``): template output, so trusted Markdown, not data to escape."""

    def __call__(self) -> Markdown:
        return Markdown(super().__call__())


class BriefContext(Context):
    def super(self, name: str, current: Any) -> Any:
        reference = super().super(name, current)
        if isinstance(reference, BlockReference):
            return _RenderedBlock(reference.name, self, reference._stack, reference._depth)
        return reference


@lru_cache(maxsize=32)
def environment(search_path: tuple[Path, ...]) -> BriefSandbox:
    """The environment for templates on ``search_path``; render with ``MESSAGES=<LocaleData>``.

    A user's folder can shadow a built-in template and still extend it as
    ``builtin/<pack>/<template>``.
    """
    env = BriefSandbox(
        loader=ChoiceLoader([
            FileSystemLoader([str(p) for p in search_path]),
            PrefixLoader({BUILTIN_PREFIX: FileSystemLoader(str(data_dir("templates")))}),
        ]),
        undefined=StrictUndefined,
        finalize=finalize,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.i18n"],
    )
    env.context_class = BriefContext
    env.filters["indent"] = indent
    env.install_gettext_callables(  # type: ignore[attr-defined]
        gettext=_gettext, ngettext=_ngettext, pgettext=_pgettext, npgettext=_npgettext, newstyle=True,
    )
    return env


@pass_context
def _gettext(context: Context, message: str) -> Markdown:
    return _messages(context).gettext(message)


@pass_context
def _ngettext(context: Context, singular: str, plural: str, n: int) -> Markdown:
    return _messages(context).ngettext(singular, plural, n)


@pass_context
def _pgettext(context: Context, message_context: str, message: str) -> Markdown:
    return _messages(context).pgettext(message_context, message)


@pass_context
def _npgettext(context: Context, message_context: str, singular: str, plural: str, n: int) -> Markdown:
    return _messages(context).npgettext(message_context, singular, plural, n)


def _messages(context: Context) -> LocaleData:
    return context[MESSAGES]


def indent(text: str, width: int = 4) -> str:
    """Indent continuation lines (for list items), keeping trusted Markdown trusted."""
    indented = text.replace("\n", "\n" + " " * width)
    return Markdown(indented) if isinstance(text, Markdown) else indented
