"""The Jinja2 environment: sandboxed, Markdown-escaping, translated.

One environment per template search path, shared by every language: a
template is compiled once per build, and its messages are translated at render
time by the locale passed in as ``MESSAGES``. Templates are always
run in Jinja2's immutable sandbox, because an audience pack may come from
someone else; the sandbox is also denied file-system paths and modules, so a
template cannot reach the disk through an object we hand it. Templates are read
by the load stage's loader (:class:`briefbuilder.load.templates.ConfinedLoader`),
only when they resolve inside their own folder (no symlink out of a pack).
"""

from __future__ import annotations

import io
import os
import types
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, FileSystemBytecodeCache, PrefixLoader, StrictUndefined, nodes, pass_context
from jinja2.bccache import Bucket
from jinja2.compiler import CodeGenerator, Frame
from jinja2.runtime import BlockReference, Context
from jinja2.sandbox import ImmutableSandboxedEnvironment

from ..cache import cache_folder, entry_bytes
from ..load.templates import ConfinedLoader
from ..locale import LocaleData
from ..markdown import Markdown, finalize
from ..resources import data_dir
from . import budget

BUILTIN_PREFIX = "builtin"
MESSAGES = "messages"  # the render variable holding the document's LocaleData


# Where the types a template may look into come from. Everything else handed to a template (a babel
# Translations or Locale, a compiled pattern) is shared by every render of the process and has methods
# that change it (``translations.merge``, ``add_fallback``, ``install``): a template may pass such an
# object on, never read or call anything of it.
_TEMPLATE_VISIBLE_MODULES = frozenset({"builtins", "datetime", "decimal", "markupsafe", "jinja2"})


def _shared_safely(value: Any) -> bool:
    """Whether a template may look into ``value``: our own (frozen) models and helpers, values, Jinja's own."""
    module = type(value).__module__ or ""
    return module.partition(".")[0] in _TEMPLATE_VISIBLE_MODULES or module.startswith(f"{__package__.partition('.')[0]}.")


class BudgetCodeGenerator(CodeGenerator):
    """Compiles ``~`` to a join that refuses to build an oversized string."""

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        self.write("environment.bounded_concat((")
        for part in node.nodes:
            self.visit(part, frame)
            self.write(", ")
        self.write("))")


class BriefSandbox(ImmutableSandboxedEnvironment):
    """Jinja2's sandbox, also refusing attributes that lead to files or modules, held to a render budget."""

    code_generator_class = BudgetCodeGenerator
    intercepted_binops = frozenset({"*", "**", "+", "%"})
    bounded_concat = staticmethod(budget.concat)
    counted = staticmethod(budget.counted)

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if isinstance(value, (os.PathLike, types.ModuleType)):
            return False
        if not (_shared_safely(obj) and _shared_safely(value)):
            return False
        return super().is_safe_attribute(obj, attr, value)

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        return budget.binop(operator, left, right)

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805 - Jinja's names
        owner = getattr(getattr(__obj, "__wrapped__", __obj), "__self__", None)  # str.format comes wrapped
        if isinstance(owner, str):  # center, ljust, zfill, format...: widths; our own helpers take any figure
            budget.check_format(owner, [*args, *kwargs.values()])
        return budget.check_size(super().call(__context, __obj, *args, **kwargs))

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        """The template's syntax tree, with every ``{% for %}`` counted against the loop budget."""
        tree = super()._parse(source, name, filename)
        for loop in tree.find_all(nodes.For):
            loop.iter = nodes.Call(nodes.EnvironmentAttribute("counted", lineno=loop.lineno), [loop.iter], [],
                                   None, None, lineno=loop.lineno)
        return tree


class QuietBytecodeCache(FileSystemBytecodeCache):
    """Compiled templates kept between runs (:mod:`briefbuilder.cache`); a cache that fails is only a miss.

    Jinja2 keys each entry by template name and file and checks the source's
    checksum, so an edited template is compiled again.
    """

    def load_bytecode(self, bucket: Bucket) -> None:
        kept = entry_bytes(self._get_cache_filename(bucket))  # a regular file only, of a bounded size
        if kept is None:
            return
        try:
            bucket.load_bytecode(io.BytesIO(kept))
        except Exception:  # noqa: BLE001 - a truncated or foreign entry: compile the template again
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass


def _bytecode_cache() -> QuietBytecodeCache | None:
    folder = cache_folder("templates")
    return QuietBytecodeCache(str(folder)) if folder is not None else None


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
def template_environment(search_path: tuple[Path, ...]) -> BriefSandbox:
    """The environment for templates on ``search_path``; render with ``MESSAGES=<LocaleData>``.

    A user's folder can shadow a built-in template and still extend it as
    ``builtin/<pack>/<template>``.
    """
    env = BriefSandbox(
        loader=ChoiceLoader([
            ConfinedLoader([str(p) for p in search_path]),
            PrefixLoader({BUILTIN_PREFIX: ConfinedLoader(str(data_dir("templates")))}),
        ]),
        undefined=StrictUndefined,
        finalize=finalize,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.i18n"],
        bytecode_cache=_bytecode_cache(),
    )
    env.context_class = BriefContext
    env.filters["indent"] = indent
    env.filters = {name: budget.bounded_filter(function) for name, function in env.filters.items()}
    del env.globals["lipsum"]  # lipsum(10**9) writes lorem ipsum without end; a brief never needs it
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
    budget.check_size_of(len(text) + text.count("\n") * width)
    indented = text.replace("\n", "\n" + " " * width)
    return Markdown(indented) if isinstance(text, Markdown) else indented
