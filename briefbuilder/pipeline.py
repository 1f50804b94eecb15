"""The public pipeline: load → check → render → write, as scripts call it.

``build`` runs ``check`` first and writes nothing when it finds errors (unless
asked for a draft), renders every requested document before writing any, and
writes each file atomically: a failed build leaves no output behind.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .audience import available_packs, pack_for_brief
from .catalog import Catalog, catalog_for_brief
from .check import CheckContext, Finding, run_rules
from .document import RenderedDocument
from .errors import BriefError
from .load import load_brief
from .model import Brief
from .render import load_locale, render
from .render.evidence import evidence_rows
from .write import WRITERS, writer
from .write.atomic import write_atomic
from .write.evidence import evidence_csv, evidence_json

ALL = "all"


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


def check(
    brief: Brief | str | Path,
    *,
    audience: str | None = None,
    languages: Sequence[str] | None = None,
    template_dirs: Sequence[Path] = (),
    catalog: Any = None,
    today: dt.date | None = None,
) -> list[Finding]:
    """Every finding for ``brief`` under ``audience``, errors first."""
    brief = _as_brief(brief)
    pack = pack_for_brief(brief, audience, tuple(template_dirs))
    languages = tuple(languages or brief.brief.languages)
    for language in languages:
        load_locale(language)
    context = CheckContext(brief=brief, pack=pack, languages=languages, catalog=catalog or _catalog_for(brief),
                           today=today or dt.date.today())
    return run_rules(context)


def build(
    brief: Brief | str | Path,
    out_dir: str | Path,
    *,
    languages: Sequence[str] | None = None,
    formats: Sequence[str] = ("md",),
    audiences: Sequence[str] | None = None,
    template_dirs: Sequence[Path] = (),
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
    brief = _as_brief(brief)
    template_dirs = tuple(Path(d) for d in template_dirs)
    audiences = _audiences(brief, audiences, template_dirs)
    languages = tuple(languages or brief.brief.languages)
    for fmt in formats:
        if fmt not in WRITERS:
            raise BriefError.at(None, "--format", f"unknown format '{fmt}'", f"use one of: {', '.join(WRITERS)}")
    catalog = _catalog_for(brief)
    findings = [f for audience in audiences for f in check(brief, audience=audience, languages=languages,
                                                           template_dirs=template_dirs, catalog=catalog)]
    failed = any(f.severity == "error" for f in findings)
    if failed and not draft:
        raise ChecksFailed(findings)
    documents = [
        render(brief, language, audience=audience, template_dirs=template_dirs, catalog=catalog, draft=failed)
        for audience in audiences
        for language in languages
    ]
    files = [
        (Path(out_dir) / _file_name(document, audience, fmt, len(audiences) > 1), writer(fmt)(document))
        for document, audience in zip(documents, [a for a in audiences for _ in languages])
        for fmt in formats
    ]
    if evidence:
        files += _evidence_files(brief, languages, Path(out_dir))
    inputs = _inputs(brief)
    for path, data in files:
        write_atomic(path, data, inputs=inputs)
    return BuildResult(outputs=[path for path, _ in files], findings=findings, draft=failed)


def _evidence_files(brief: Brief, languages: Sequence[str], out_dir: Path) -> list[tuple[Path, bytes]]:
    files = []
    for language in languages:
        rows = evidence_rows(brief, language)
        files.append((out_dir / f"{brief.name}.evidence.{language}.csv", evidence_csv(rows)))
        files.append((out_dir / f"{brief.name}.evidence.{language}.json", evidence_json(rows)))
    return files


def render_brief(brief: Brief | str | Path, language: str, **options: Any) -> RenderedDocument:
    """Render one document (see :func:`briefbuilder.render.render` for the options)."""
    brief = _as_brief(brief)
    return render(brief, language, catalog=options.pop("catalog", None) or _catalog_for(brief), **options)


def _as_brief(brief: Brief | str | Path) -> Brief:
    return brief if isinstance(brief, Brief) else load_brief(brief)


def _audiences(brief: Brief, audiences: Sequence[str] | None, template_dirs: tuple[Path, ...]) -> list[str]:
    if not audiences:
        return [brief.brief.audience]
    if ALL in audiences:
        return available_packs(template_dirs)
    return list(dict.fromkeys(audiences))


def _file_name(document: RenderedDocument, audience: str, fmt: str, several_audiences: bool) -> str:
    parts: Iterable[str] = (document.name, audience, document.language, fmt) if several_audiences \
        else (document.name, document.language, fmt)
    return ".".join(parts)


def _inputs(brief: Brief) -> list[Path]:
    location = brief.brief.where()
    return [Path(location.file)] if location else []


def _catalog_for(brief: Brief) -> Catalog:
    """The treaty catalog with the brief's own extensions (catalog.yaml beside it)."""
    return catalog_for_brief(brief.directory)
