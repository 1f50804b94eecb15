"""Render stage: inputs + audience pack + language → one Markdown document.

The document is CommonMark with footnotes and pipe tables; both writers read
it. Nothing here touches output files.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from babel.lists import format_list
from jinja2 import TemplateError, TemplateNotFound, TemplateSyntaxError
from jinja2.exceptions import SecurityError

from ..audience import Pack, field_value
from ..document import DocumentInfo, Layout, RenderedDocument
from ..errors import BriefError, Location
from ..links import ALLOWED, refused_links
from ..load.pack import search_path
from ..model import Brief, Text
from ..progress import stage
from ..resources import data_dir
from ..wordcount import count_words
from .budget import MAX_OUTPUT_CHARS, BudgetExceeded, render_budget
from .context import RenderContext
from .corrections import users_facts
from .environment import MESSAGES, template_environment
from ..locale import LocaleData
from ..markdown import Markdown, escape_markdown
from .typography import curl_quotes, keep_together

if TYPE_CHECKING:
    from ..load.inputs import Inputs

__all__ = ["render_document", "Markdown", "RenderContext", "LocaleData"]

_BLANK_LINES = re.compile(r"\n{3,}")


def render_document(inputs: Inputs, audience: str, language: str, *, draft: bool = False) -> RenderedDocument:
    """Render the brief of ``inputs`` for ``audience`` in ``language``: one document, read from no file."""
    stage(f"rendering {audience} ({language})")
    pack = inputs.packs[audience]
    locale = inputs.locale(audience, language).recording()
    brief = withhold_confidential(inputs.brief, pack)
    context = RenderContext(brief, locale, pack, inputs.catalog)
    body = context.notes.place(_render_template(pack, locale, inputs.template_dirs, context, draft))
    _refuse_links(body, pack, locale)
    missing = locale.missing_messages()
    if missing and not draft:  # never a document in two languages; a draft may fall back, marked as a draft
        raise BriefError(missing)
    notes = context.notes.definitions()
    markdown = curl_quotes(_BLANK_LINES.sub("\n\n", body).strip() + "\n" + (f"\n{notes}\n" if notes else ""),
                           locale.quotes)
    markdown = keep_together(markdown, locale.keep_together)
    markdown = _with_word_count(markdown, pack, locale)  # counted on the finished text, notes included
    organisation = context.name(brief.brief.organisation.name)
    return RenderedDocument(
        markdown=markdown,
        info=DocumentInfo(
            title=context.text(brief.brief.title),
            author=organisation,
            language=locale.tag,
            date=brief.brief.date,
            subject=context.name(pack.description),
            keywords=tuple(k.strip() for k in context.text(brief.brief.keywords).split(",") if k.strip())
            if brief.brief.keywords else (),
            draft=draft,
            page_mark=_page_mark(brief, pack, locale, draft),
        ),
        layout=Layout(
            east_asian_font=locale.east_asian_font,
            numbered_paragraphs=pack.numbered_paragraphs,
            reference_docx=pack.reference_docx_path(),
            house_style=pack.house_style_for(language),
            notes=pack.notes_for(language),
            typography=locale.typography,
        ),
        name=brief.name,
        audience=audience,
        language=language,
    )


def _page_mark(brief: Brief, pack: Pack, locale: LocaleData, draft: bool) -> str:
    """What every page of the document says at its head: a draft, or a specimen built on an example case."""
    if draft:
        # Translators: at the head of every page of a document built past failed checks
        return str(locale.pgettext("page header", "DRAFT: not for submission"))
    if pack.case_elements and brief.case is not None and brief.case.illustrative:
        # Translators: at the head of every page of a WGEID case built on an example (a fictitious person)
        return str(locale.pgettext("page header", "SPECIMEN: fictitious case, not for submission"))
    return ""


def _refuse_links(body: str, pack: Pack, locale: LocaleData) -> None:
    """A template's own links follow the brief's policy (:mod:`briefbuilder.links`): data cannot write links."""
    refused = [f"'{destination}' ({why})" for destination, why, _ in refused_links(body)]
    if refused:
        name = pack.template_name(locale.code)
        raise BriefError.at(Location(str(pack.directory.parent / name) if pack.directory else name, 1), "template",
                            f"the template '{name}' writes a link no document may hold: {'; '.join(refused[:3])}",
                            f"link to {ALLOWED} only (docs/security.md)")


def _pack_settings(pack: Pack) -> dict[str, Any]:
    """The pack's settings as templates read them (``pack.word_limit``); where it lives on disk is not theirs."""
    return {key: value for key, value in pack.to_data().items() if key != "directory"}


def _render_template(pack: Pack, locale: LocaleData, template_dirs: tuple[Path, ...],
                     context: RenderContext, draft: bool) -> str:
    env = template_environment(_template_roots(pack, template_dirs))
    name = pack.template_name(locale.code)
    try:
        template = env.get_template(name)
        with render_budget():
            return _within_output_budget(template.generate(
                brief=context.brief, meta=context.brief.brief, lang=locale.code,
                pack=_pack_settings(pack), draft=draft, fields=_fields(pack, context),
                word_count=_word_count_mark, word_limit=lambda: _word_limit(pack, context),
                courtesy_languages=lambda: _courtesy_languages(pack, locale),
                users_facts=lambda: users_facts(context.catalog, context),
                **{MESSAGES: locale}, **context.helpers(),
            ))
    except BriefError:
        raise
    except (BudgetExceeded, MemoryError, OverflowError, RecursionError) as exc:
        asked = str(exc) if isinstance(exc, BudgetExceeded) else {
            MemoryError: "more memory than there is", OverflowError: "a number too large to hold",
            RecursionError: "macros calling each other without end"}[type(exc)]
        raise BriefError.at(_template_location() or Location(template.filename or name, 1), "template",
                            f"the template '{name}' asked for {asked}; a render stops there",
                            "templates lay out the brief's data; they cannot build huge text or loop without end "
                            "(limits in docs/security.md)") from None
    except TemplateSyntaxError as exc:
        raise BriefError.at(Location(exc.filename or exc.name or "?", exc.lineno or 1), "template",
                            f"template syntax error: {exc.message}", "fix the template") from None
    except TemplateNotFound as exc:
        raise BriefError.at(None, "template", f"template not found: {exc.name}",
                            f"add it to the pack folder '{pack.directory}'") from None
    except SecurityError as exc:
        raise BriefError.at(_template_location() or Location(template.filename or name, 1), "template",
                            f"the template tried something the sandbox forbids: {exc}",
                            "templates may only use the brief's data and briefbuilder's helpers") from None
    except TemplateError as exc:
        raise BriefError.at(_template_location() or Location(template.filename or name, 1), "template",
                            f"template error: {exc}", "fix the template") from None


def _within_output_budget(pieces: Iterator[str]) -> str:
    """The rendered text, stopped as soon as it grows past the output budget."""
    kept: list[str] = []
    size = 0
    for piece in pieces:
        size += len(piece)
        if size > MAX_OUTPUT_CHARS:
            raise BudgetExceeded(f"a document longer than {MAX_OUTPUT_CHARS:,} characters")
        kept.append(piece)
    return "".join(kept)


# What ``word_count()`` leaves in the text until the document is complete. Data cannot
# carry it: escaping removes control characters from everything a brief says.
_WORD_COUNT = "\x00word-count\x00"


def _word_count_mark() -> Markdown:
    """The document's word count, as the audience counts it: filled in once the document is rendered."""
    return Markdown(_WORD_COUNT)


def _with_word_count(body: str, pack: Pack, locale: LocaleData) -> str:
    """``body`` with every ``word_count()`` replaced by the count of the finished document (itself one word)."""
    if _WORD_COUNT not in body:
        return body
    words = count_words(body.replace(_WORD_COUNT, "0"), pack.uncounted)
    return body.replace(_WORD_COUNT, str(locale.number(words)))


def _word_limit(pack: Pack, context: RenderContext) -> Markdown | None:
    """The audience's word limit for this document (the joint one for a joint submission), or None."""
    limit = pack.limit(context.locale.code, joint=context.brief.joint_submission)
    return None if limit is None else context.number(limit)


def _courtesy_languages(pack: Pack, locale: LocaleData) -> Markdown | None:
    """For a translation the mechanism does not accept, the languages it does ("English, French or Spanish")."""
    if pack.accepts(locale.code):
        return None
    names = [locale.babel.languages.get(code, code) for code in pack.accepted_languages]
    return Markdown(format_list([str(escape_markdown(name)) for name in names], style="or", locale=locale.babel))


def _fields(pack: Pack, context: RenderContext) -> dict[str, Any]:
    """The pack's declared fields as the brief fills them, in the document's language; a bad value is left
    out here and reported by the constraints.pack-fields rule."""
    values: dict[str, Any] = {}
    for name, declared in pack.fields.items():
        try:
            value = field_value(declared, context.brief.brief.fields[name])
        except (KeyError, ValueError):
            values[name] = None
            continue
        if isinstance(value, Text):
            values[name] = context.text(value)
        elif isinstance(value, dt.date):
            values[name] = context.date(value)
        elif isinstance(value, (int, Decimal)) and not isinstance(value, bool):
            values[name] = context.number(value)
        else:
            values[name] = value
    return values


def withhold_confidential(brief: Brief, pack: Pack) -> Brief:
    """The brief as this pack may see it: a confidential WGEID submitter only reaches the Working Group.

    Removing the submitter before rendering (rather than trusting each
    template to leave it out) keeps it out of user templates too.
    """
    case = brief.case
    if case is None or case.submitter is None or not case.submitter.confidential or pack.shows_confidential_submitter:
        return brief
    return brief.replace(case=case.replace(submitter=None))


def _template_roots(pack: Pack, template_dirs: tuple[Path, ...]) -> tuple[Path, ...]:
    """The search path, with the pack's own folder first: a pack found once is always renderable."""
    roots = search_path(template_dirs)
    own = pack.directory.parent if pack.directory is not None else None
    return roots if own is None or own in roots else (own, *roots)


def _template_location() -> Location | None:
    """The template file and line of the error being handled (Jinja maps frames to templates).

    The innermost line of a user's template when one is on the way (its
    ``{{ super() }}`` into a built-in block): the user's file is the one they
    can edit, never the installed package's.
    """
    traceback = sys.exc_info()[2]
    found = users = None
    builtin = str(data_dir("templates"))
    while traceback is not None:
        filename = traceback.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            found = Location(filename, traceback.tb_lineno)
            users = found if not filename.startswith(builtin) else users
        traceback = traceback.tb_next
    return users or found
