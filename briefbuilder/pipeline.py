"""The public pipeline: load → check → render → write, as scripts call it.

A build reads its inputs once (:func:`~briefbuilder.load.inputs.load_inputs`),
renders each (audience, language) once, runs the rules over the brief and
over those very documents, and writes them all or none: a failed build leaves
no new file behind and earlier outputs as they were.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from .check import CheckContext, Finding, run_rules
from .document import RenderedDocument
from .errors import BriefError
from .load.inputs import ALL, Inputs, load_inputs
from .model import Brief
from .render import render_document
from .render.evidence import evidence_rows
from .write import WRITERS, writer
from .write.atomic import write_all
from .write.evidence import evidence_csv, evidence_json

__all__ = ["ALL", "BuildResult", "ChecksFailed", "build", "check_brief", "render_brief"]

Rendered = dict[tuple[str, str], "RenderedDocument | BriefError"]  # (audience, language) -> document


class ChecksFailed(Exception):
    """The brief failed its checks; nothing was written."""

    def __init__(self, findings: list[Finding]):
        self.findings = findings
        super().__init__("\n".join(str(f) for f in findings))


@dataclass(frozen=True)
class BuildResult:
    outputs: list[Path]
    findings: list[Finding]
    draft: bool


def check_brief(
    brief: Brief | str | Path,
    *,
    audience: str | Sequence[str] | None = None,
    languages: Sequence[str] | None = None,
    template_dirs: Sequence[str | Path] = (),
    today: dt.date | None = None,
) -> list[Finding]:
    """Every finding for ``brief``, errors first, for each audience in turn.

    ``audience`` is a pack name, several, or ``all``; by default the brief's own.
    """
    audiences = [audience] if isinstance(audience, str) else audience
    inputs = load_inputs(brief, audiences=audiences, languages=languages, template_dirs=template_dirs)
    return _findings(inputs, _render_all(inputs), today)


def render_brief(
    brief: Brief | str | Path,
    language: str,
    *,
    audience: str | None = None,
    template_dirs: Sequence[str | Path] = (),
    draft: bool = False,
) -> RenderedDocument:
    """One document: ``brief`` in ``language`` for ``audience`` (default: the brief's own)."""
    inputs = load_inputs(brief, audiences=[audience] if audience else None, languages=[language],
                         template_dirs=template_dirs)
    return render_document(inputs, inputs.audiences[0], language, draft=draft)


def build(
    brief: Brief | str | Path,
    out_dir: str | Path,
    *,
    languages: Sequence[str] | None = None,
    formats: Sequence[str] = ("md",),
    audiences: Sequence[str] | None = None,
    template_dirs: Sequence[str | Path] = (),
    draft: bool = False,
    evidence: bool = False,
) -> BuildResult:
    """Build every (audience × language × format) of ``brief`` into ``out_dir``.

    With ``evidence``, also write the evidence annex as ``<brief>.evidence.<lang>.csv``
    and ``.json`` for reviewers.

    Raises :class:`ChecksFailed` when the checks find errors and ``draft`` is
    false, and :class:`BriefError` for unusable input; in both cases no file is
    written.
    """
    for fmt in formats:
        if fmt not in WRITERS:
            raise BriefError.at(None, "--format", f"unknown format '{fmt}'", f"use one of: {', '.join(WRITERS)}")
    inputs = load_inputs(brief, audiences=audiences, languages=languages, template_dirs=template_dirs)
    documents = _render_all(inputs)
    findings = _findings(inputs, documents)
    failed = any(f.severity == "error" for f in findings)
    if failed and not draft:
        raise ChecksFailed(findings)
    if failed:  # the rare second render: a draft says so on its first page
        documents = _render_all(inputs, draft=True)
    several = len(inputs.audiences) > 1
    files = [
        (Path(out_dir) / _file_name(_written(document), audience, fmt, several), writer(fmt)(_written(document)))
        for (audience, _), document in documents.items()
        for fmt in formats
    ]
    if evidence:
        files += _evidence_files(inputs.brief, inputs.languages, Path(out_dir))
    write_all(files, inputs=_inputs(inputs.brief))
    return BuildResult(outputs=[path for path, _ in files], findings=findings, draft=failed)


def _render_all(inputs: Inputs, *, draft: bool = False) -> Rendered:
    """Every (audience, language) rendered once; a document that cannot be rendered is kept as its error."""
    documents: Rendered = {}
    for audience in inputs.audiences:
        for language in inputs.languages:
            try:
                documents[(audience, language)] = render_document(inputs, audience, language, draft=draft)
            except BriefError as error:
                documents[(audience, language)] = error
    return documents


def _findings(inputs: Inputs, documents: Mapping[tuple[str, str], RenderedDocument | BriefError],
              today: dt.date | None = None) -> list[Finding]:
    findings: list[Finding] = []
    for audience, pack in inputs.packs.items():
        context = CheckContext(
            brief=inputs.brief, pack=pack, languages=inputs.languages, catalog=inputs.catalog,
            today=today or dt.date.today(),
            documents={language: documents[(audience, language)] for language in inputs.languages},
        )
        findings += run_rules(context)
    return findings


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


def _file_name(document: RenderedDocument, audience: str, fmt: str, several_audiences: bool) -> str:
    parts: Iterable[str] = (document.name, audience, document.language, fmt) if several_audiences \
        else (document.name, document.language, fmt)
    return ".".join(parts)


def _inputs(brief: Brief) -> list[Path]:
    location = brief.brief.where()
    return [Path(location.file)] if location else []
