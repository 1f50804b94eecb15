"""The public pipeline: load → check → render → write, as scripts call it.

A build reads its inputs once (:func:`~briefbuilder.load.inputs.load_inputs`),
renders each (audience, language) once, runs the rules over the brief and
over those very documents, and writes them all or none: a failed build leaves
no new file behind and earlier outputs as they were.
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, ParamSpec, TypeVar

from .audience import MANIFEST
from .check import CheckContext, ChecksFailed, Finding, run_rules
from .document import RenderedDocument
from .errors import BriefError, LoadError, Location, OutputError, TemplateError
from .load.inputs import ALL, Inputs, load_inputs
from .model import Brief
from .render import render_document
from .render.evidence import evidence_rows
from .write import WRITERS, document_files, running_pdf_converter
from .write.atomic import write_all
from .write.evidence import evidence_csv, evidence_json

if TYPE_CHECKING:
    from .write.pdf import PdfConverter

__all__ = ["ALL", "BuildResult", "ChecksFailed", "Documents", "Folders", "Names", "build", "build_documents",
           "check_brief", "render_brief"]

P = ParamSpec("P")
R = TypeVar("R")
Rendered = dict[tuple[str, str], "RenderedDocument | BriefError"]  # (audience, language) -> document
Names = str | Sequence[str]  # one name, "ko,en", or any sequence of names
Folders = str | Path | Sequence[str | Path]  # one folder or several


def _collector_paused(function: Callable[P, R]) -> Callable[P, R]:
    """Run a build step with Python's cyclic garbage collector paused.

    A large brief keeps hundreds of thousands of objects alive, and the
    collector scanned them again and again while render and write allocated:
    at 1000x the worked example rendering grew 14x for 10x the brief, 10x
    with the collector paused (benchmarks/stages.py). Reference counting still
    frees almost everything at once; the collector resumes afterwards.
    """
    @wraps(function)
    def paused(*args: P.args, **kwargs: P.kwargs) -> R:
        if not gc.isenabled():
            return function(*args, **kwargs)
        gc.disable()
        try:
            return function(*args, **kwargs)
        finally:
            gc.enable()

    return paused


@dataclass(frozen=True)
class Documents:
    """Every document of a build, checked and rendered, before anything is written."""

    brief: Brief  # as loaded and validated
    documents: dict[tuple[str, str], RenderedDocument]  # by (audience, language), in build order
    findings: list[Finding]  # deduplicated across audiences; each says which audiences it was found for
    draft: bool  # the checks failed and the documents are marked as drafts
    skipped: dict[str, str] = field(default_factory=dict)  # audience -> why it does not apply to this brief
    packs: dict[str, Path] = field(default_factory=dict)  # audience -> the manifest (pack.yaml) it was built with
    read: dict[Path, Location] = field(default_factory=dict)  # every file read, where it is named: never an output

    def __repr__(self) -> str:
        built = ", ".join(f"{audience}/{language}" for audience, language in self.documents)
        return f"<Documents {len(self.documents)} ({built}): {_counted(self.findings)}{', draft' if self.draft else ''}>"


@dataclass(frozen=True)
class BuildResult:
    outputs: list[Path]
    findings: list[Finding]
    draft: bool
    skipped: dict[str, str] = field(default_factory=dict)  # audience -> why it was not built
    packs: dict[str, Path] = field(default_factory=dict)  # audience -> the manifest (pack.yaml) it was built with

    def __repr__(self) -> str:
        return f"<BuildResult {len(self.outputs)} file(s): {_counted(self.findings)}{', draft' if self.draft else ''}>"


def _counted(findings: list[Finding]) -> str:
    errors = sum(finding.severity == "error" for finding in findings)
    return f"{errors} error(s), {len(findings) - errors} warning(s)"


@_collector_paused
def check_brief(
    brief: Brief | str | Path,
    *,
    audience: Names | None = None,
    languages: Names | None = None,
    template_dirs: Folders = (),
    locale_dirs: Folders = (),
    today: dt.date | None = None,
) -> list[Finding]:
    """Every finding for ``brief``, errors first; one finding per problem, naming the audiences it concerns.

    ``audience`` is a pack name, several, or ``all`` (the packs that apply to
    the brief); by default the brief's own. ``locale_dirs`` are searched for
    languages before ``locales/`` beside the brief and the package's own.
    """
    inputs = _load(brief, _names(audience), _names(languages), template_dirs, locale_dirs)
    return _findings(inputs, _render_all(inputs), today)


@_collector_paused
def render_brief(
    brief: Brief | str | Path,
    language: str,
    *,
    audience: str | None = None,
    template_dirs: Folders = (),
    locale_dirs: Folders = (),
    draft: bool = False,
) -> RenderedDocument:
    """One document: ``brief`` in ``language`` for ``audience`` (default: the brief's own), unchecked.

    Its ``.markdown`` is the text; ``document_bytes(document, "docx")`` and ``save_document(...)`` give files.
    """
    inputs = _load(brief, [audience] if audience else None, [language], template_dirs, locale_dirs)
    return _rendered(inputs, inputs.audiences[0], language, draft)


@_collector_paused
def build_documents(
    brief: Brief | str | Path,
    *,
    languages: Names | None = None,
    audiences: Names | None = None,
    template_dirs: Folders = (),
    locale_dirs: Folders = (),
    draft: bool = False,
) -> Documents:
    """Check ``brief`` and render every (audience × language), keeping them in memory.

    PDFs come from ``pdf_converter`` when given (a
    :class:`~briefbuilder.write.pdf.PdfConverter` the caller keeps running
    across builds); otherwise from a LibreOffice started as the build begins
    and stopped at its end.

    Raises :class:`ChecksFailed` when the checks find errors and ``draft`` is
    false; with ``draft``, the documents are marked as drafts instead.
    """
    inputs = _load(brief, _names(audiences), _names(languages), template_dirs, locale_dirs)
    documents = _render_all(inputs)
    findings = _findings(inputs, documents)
    failed = any(f.severity == "error" for f in findings)
    if failed and not draft:
        raise ChecksFailed(findings)
    if failed:  # the rare second render: a draft says so on its first page
        documents = _render_all(inputs, draft=True)
    return Documents(brief=inputs.brief, documents={key: _written(document) for key, document in documents.items()},
                     findings=findings, draft=failed, skipped=dict(inputs.skipped), packs=_manifests(inputs),
                     read=inputs.files_read())


@_collector_paused
def build(
    brief: Brief | str | Path,
    out_dir: str | Path,
    *,
    languages: Names | None = None,
    formats: Names = ("md",),
    audiences: Names | None = None,
    template_dirs: Folders = (),
    locale_dirs: Folders = (),
    draft: bool = False,
    evidence: bool = False,
    pdf_converter: PdfConverter | None = None,
) -> BuildResult:
    """Build every (audience × language × format) of ``brief`` into ``out_dir``.

    Files are named ``<brief>.<audience>.<lang>.<format>``, the brief's own
    audience included, so no build overwrites the files of another audience:
    building one audience after another into one folder keeps both.
    With ``evidence``, also write the evidence annex as
    ``<brief>.evidence.<lang>.csv`` and ``.json`` for reviewers.

    PDFs come from ``pdf_converter`` when given (a
    :class:`~briefbuilder.write.pdf.PdfConverter` the caller keeps running
    across builds); otherwise from a LibreOffice started as the build begins
    and stopped at its end.

    Raises :class:`ChecksFailed` when the checks find errors and ``draft`` is
    false, :class:`LoadError` or :class:`TemplateError` for unusable input and
    :class:`OutputError` when the files cannot be written; in every case no
    file is written.
    """
    format_names = known_formats(formats)
    # LibreOffice starts while the brief is loaded, checked and rendered, and stops with the build
    with running_pdf_converter(format_names, pdf_converter) as pdf_converter:
        built = build_documents(brief, languages=languages, audiences=audiences, template_dirs=template_dirs,
                                locale_dirs=locale_dirs, draft=draft)
        files = document_files(list(built.documents.values()), format_names, Path(out_dir), pdf_converter)
    if evidence:
        languages_built = tuple(dict.fromkeys(language for _, language in built.documents))
        files += _evidence_files(built.brief, languages_built, Path(out_dir))
    try:
        write_all(files, inputs=built.read)
    except OSError as exc:
        raise OutputError.at(None, "output", f"{exc.filename or out_dir}: {exc.strerror or exc}",
                             "check that the folder can be written to") from None
    return BuildResult(outputs=[path for path, _ in files], findings=built.findings, draft=built.draft,
                       skipped=built.skipped, packs=built.packs)


def known_formats(formats: Names) -> list[str]:
    """The formats asked for (``md`` if none), each one a writer knows; else an :class:`OutputError`."""
    names = _names(formats) or ["md"]
    for name in names:
        if name not in WRITERS:
            raise OutputError.at(None, "--format", f"unknown format '{name}'", f"use one of: {', '.join(WRITERS)}")
    return names


def _names(value: Names | None) -> list[str] | None:
    """A string is one name or a comma-separated list ("ko,en"); any other sequence is a list of names."""
    items = value.split(",") if isinstance(value, str) else value or ()
    names = [item.strip() for item in items if item.strip()]
    return names or None


def _load(brief: Brief | str | Path, audiences: list[str] | None, languages: list[str] | None,
          template_dirs: Folders, locale_dirs: Folders = ()) -> Inputs:
    try:
        return load_inputs(brief, audiences=audiences, languages=languages, template_dirs=_folders(template_dirs),
                           locale_dirs=_folders(locale_dirs))
    except BriefError as error:
        raise LoadError.from_error(error) from None


def _folders(value: Folders) -> Sequence[str | Path]:
    return [value] if isinstance(value, (str, Path)) else value


def _rendered(inputs: Inputs, audience: str, language: str, draft: bool) -> RenderedDocument:
    try:
        return render_document(inputs, audience, language, draft=draft)
    except BriefError as error:
        raise TemplateError.from_error(error) from None


def _render_all(inputs: Inputs, *, draft: bool = False) -> Rendered:
    """Every (audience, language) rendered once; a document that cannot be rendered is kept as its error."""
    documents: Rendered = {}
    for audience in inputs.audiences:
        for language in inputs.languages:
            try:
                documents[(audience, language)] = _rendered(inputs, audience, language, draft)
            except BriefError as error:
                documents[(audience, language)] = error
            _free_render_cycles()
    return documents


def _free_render_cycles() -> None:
    """Free what a render leaves in reference cycles (its notes' citations are closures over its state).

    With the collector paused for the build, each document's would stay to the
    end: 300 MB per document of a 100,000-statistic brief. Only the youngest
    generation is collected: after the first time, that is one render's objects.
    """
    if not gc.isenabled():
        gc.collect(0)


def _findings(inputs: Inputs, documents: Mapping[tuple[str, str], RenderedDocument | BriefError],
              today: dt.date | None = None) -> list[Finding]:
    """The findings of every audience, each once: one found for several audiences names them all."""
    found: dict[Finding, tuple[str, ...]] = {}
    for audience, pack in inputs.packs.items():
        context = CheckContext(
            brief=inputs.brief, pack=pack, languages=inputs.languages, catalog=inputs.catalog,
            today=today or dt.date.today(),
            documents={language: documents[(audience, language)] for language in inputs.languages},
            statements=inputs.statements,
            prose=inputs.prose,
            unused_packs=inputs.unused_packs,
        )
        for finding in run_rules(context):
            found[finding] = found.get(finding, ()) + (audience,)
    findings = [replace(finding, audiences=audiences) for finding, audiences in found.items()]
    errors_first = sorted(findings, key=lambda f: f.severity != "error")  # stable: each audience's order kept
    return errors_first


def _manifests(inputs: Inputs) -> dict[str, Path]:
    """Each audience's manifest file: which pack a build used, the user's or the package's, is never a guess."""
    return {name: pack.directory / MANIFEST for name, pack in inputs.packs.items() if pack.directory is not None}


def _written(document: RenderedDocument | BriefError) -> RenderedDocument:
    """A document to write; one that could not be rendered stops the build with its own error."""
    if isinstance(document, BriefError):
        raise document
    return document


def _evidence_files(brief: Brief, languages: Sequence[str], out_dir: Path) -> list[tuple[Path, bytes]]:
    files = []
    for language in languages:
        rows = evidence_rows(brief, language)
        files.append((out_dir / f"{brief.name}.evidence.{language}.csv", evidence_csv(rows)))
        files.append((out_dir / f"{brief.name}.evidence.{language}.json", evidence_json(rows)))
    return files
