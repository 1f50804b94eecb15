"""The ``briefbuilder`` command: a thin layer over the public API.

Exit codes: 0 success, 1 the brief failed its checks, 2 unusable input.
Problems are printed one per line as ``file:line: ...``; never a traceback.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from .errors import BriefError
from .progress import reporting

if TYPE_CHECKING:
    from .audience import Pack

EXIT_CHECKS_FAILED = 1
EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 3


def _split(value: str | None) -> list[str] | None:
    return [part.strip() for part in value.split(",") if part.strip()] if value else None


def reports_errors(command: Callable[..., Any]) -> Callable[..., Any]:
    """Turn errors into one line per problem and the documented exit code."""

    @wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        from .pipeline import ChecksFailed

        try:
            return command(*args, **kwargs)
        except BriefError as exc:
            for problem in exc.problems:
                click.echo(str(problem), err=True)
            sys.exit(EXIT_BAD_INPUT)
        except ChecksFailed as exc:
            for finding in exc.findings:
                click.echo(str(finding), err=True)
            click.echo("briefbuilder: the brief failed its checks; nothing was written "
                       "(fix the errors, or pass --draft to build a marked draft)", err=True)
            sys.exit(EXIT_CHECKS_FAILED)
        except click.ClickException:
            raise  # usage errors: click prints them with the command's usage line (exit 2)
        except OSError as exc:
            click.echo(f"error: {exc.filename or ''}: {exc.strerror or exc}", err=True)
            sys.exit(EXIT_BAD_INPUT)
        except Exception as exc:  # noqa: BLE001 - the CLI never shows a bare traceback
            click.echo(f"internal error: {type(exc).__name__}: {exc} "
                       "(please report this with the brief that caused it)", err=True)
            sys.exit(EXIT_INTERNAL)

    return run


brief_argument = click.argument("brief", type=click.Path(path_type=Path))
templates_option = click.option(
    "--templates", "template_dirs", multiple=True, type=click.Path(file_okay=False, path_type=Path),
    help="A folder of audience packs searched before the built-in ones (repeatable).")
lang_option = click.option("--lang", "languages", help="Languages to build, e.g. ko,en (default: the brief's).")
quiet_option = click.option("-q", "--quiet", is_flag=True,
                            help="No progress line on stderr (it only appears on a terminal, after about two seconds).")
audience_option = click.option("--audience", "audiences",
                               help="Audience packs, e.g. un-upr,gov-briefing, or 'all' (default: the brief's).")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="briefbuilder")
def main() -> None:
    """Build localised advocacy briefs from one YAML source."""


@main.command("build")
@brief_argument
@lang_option
@click.option("--format", "formats", default="md", show_default=True, help="Output formats: md, docx or md,docx.")
@audience_option
@click.option("-o", "--output", "out_dir", default="out", show_default=True, type=click.Path(path_type=Path),
              help="Folder to write into.")
@templates_option
@click.option("--draft", is_flag=True, help="Build even if checks fail; the output is marked as a draft.")
@click.option("--evidence", is_flag=True, help="Also write the evidence annex as CSV and JSON for reviewers.")
@quiet_option
@reports_errors
def build_command(brief: Path, languages: str | None, formats: str, audiences: str | None, out_dir: Path,
                  template_dirs: tuple[Path, ...], draft: bool, evidence: bool, quiet: bool) -> None:
    """Check BRIEF (a YAML file or a folder holding brief.yaml) and write its documents."""
    from .pipeline import build

    with reporting(f"briefbuilder build {brief}", sys.stderr, quiet=quiet):
        result = build(brief, out_dir, languages=_split(languages), formats=_split(formats) or ["md"],
                       audiences=_split(audiences), template_dirs=template_dirs, draft=draft, evidence=evidence)
    for finding in result.findings:
        click.echo(str(finding), err=True)
    if result.draft:
        click.echo("briefbuilder: built as a DRAFT despite failed checks", err=True)
    for path in result.outputs:
        click.echo(str(path))


@main.command("check")
@click.argument("brief", type=click.Path(path_type=Path), required=False)
@lang_option
@audience_option
@templates_option
@click.option("--format", "output_format", type=click.Choice(["text", "json", "markdown"]), default="text",
              show_default=True, help="markdown: only with --rules (the table of docs/rules.md).")
@click.option("--rules", "list_rules", is_flag=True, help="List every rule (id, severity, what it checks) and exit.")
@quiet_option
@reports_errors
def check_command(brief: Path | None, languages: str | None, audiences: str | None, template_dirs: tuple[Path, ...],
                  output_format: str, list_rules: bool, quiet: bool) -> None:
    """Run every rule over BRIEF; exit 1 if any error is found."""
    if list_rules:
        _print_rules(output_format)
        return
    if brief is None:
        raise click.UsageError("missing BRIEF (or pass --rules to list the rules)")
    if output_format == "markdown":
        raise click.UsageError("--format markdown goes with --rules; findings are text or json")
    from .pipeline import check_brief

    with reporting(f"briefbuilder check {brief}", sys.stderr, quiet=quiet):
        findings = check_brief(brief, audience=_split(audiences), languages=_split(languages),
                               template_dirs=template_dirs)
    if output_format == "json":
        click.echo(json.dumps([f.as_dict() for f in findings], ensure_ascii=False, indent=2))
    else:
        for finding in findings:
            click.echo(str(finding))
        errors = sum(f.severity == "error" for f in findings)
        click.echo(f"{errors} error(s), {len(findings) - errors} warning(s)", err=True)
    if any(f.severity == "error" for f in findings):
        sys.exit(EXIT_CHECKS_FAILED)


def _print_rules(output_format: str) -> None:
    from .check import RULES
    from .check.findings import rules_markdown

    if output_format == "json":
        click.echo(json.dumps([info.as_dict() for info in RULES.values()], ensure_ascii=False, indent=2))
    elif output_format == "markdown":
        click.echo(rules_markdown(), nl=False)
    else:
        for info in RULES.values():
            click.echo(f"{info.id}\t{info.severity}\t{info.explanation}")


@main.command("audiences")
@templates_option
@reports_errors
def audiences_command(template_dirs: tuple[Path, ...]) -> None:
    """List the audience packs (yours first on the search path) with their constraints."""
    from .audience import available_packs, load_pack
    from .check.wordcount import counted_parts

    for name in available_packs(template_dirs):
        pack = load_pack(name, template_dirs)
        click.echo(f"{name}: {pack.description.get('en', fallback=True)}")
        for line in _constraints(pack, counted_parts(pack.uncounted)):
            click.echo(f"    {line}")
        click.echo(f"    folder: {pack.directory}")


def _constraints(pack: Pack, counting: str) -> list[str]:
    """The rules a pack enforces, one line each, as ``briefbuilder audiences`` shows them."""
    lines = [f"languages: {', '.join(pack.languages)}; State names: {pack.state_names}; "
             f"figures must be at least '{pack.minimum_status}'"]
    if pack.word_limit:
        limits = ", ".join(f"{n:,}" + ("" if lang == "*" else f" ({lang})") for lang, n in pack.word_limit.items())
        joint = ", ".join(f"{n:,}" for n in pack.joint_word_limit.values())
        lines.append(f"word limit: {limits}" + (f"; joint submission: {joint}" if joint else "")
                     + f" (Korean counted by 어절; {counting})")
    if pack.max_recommendations is not None:
        lines.append(f"at most {pack.max_recommendations} recommendations")
    if pack.smart_recommendations:
        lines.append("recommendations should be S.M.A.R.T. (a warning names any without a deadline or target)")
    if pack.numbered_paragraphs:
        lines.append("UN numbered paragraphs")
    if pack.required_fields or pack.required_sections:
        lines.append("requires: " + ", ".join([*pack.required_fields, *(f"section '{s}'" for s in pack.required_sections)]))
    if pack.case_elements:
        lines.append("a WGEID case with its six elements: name, date, place, responsible, steps taken, submitter")
    if pack.shows_confidential_submitter:
        lines.append("the only output that may name a confidential submitter")
    return lines


@main.command("init")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--audience", default="general", show_default=True, help="The built-in pack to start from.")
@templates_option
@reports_errors
def init_command(directory: Path, audience: str, template_dirs: tuple[Path, ...]) -> None:
    """Scaffold DIRECTORY: a brief.yaml with every field, and a starter pack my-AUDIENCE extending AUDIENCE."""
    import datetime as dt
    from string import Template

    from .audience import load_pack
    from .resources import data_dir

    pack = load_pack(audience, template_dirs)
    starter = directory / "templates" / f"my-{audience}"
    template = pack.template.rsplit("/", 1)[-1]
    values = {
        "audience": audience, "directory": str(directory), "today": dt.date.today().isoformat(),
        "templates": str(directory / "templates"), "template": template,
        "builtin": pack.template if "/" in pack.template else f"{audience}/{pack.template}",
    }
    files = {directory / "brief.yaml": "brief.yaml", starter / "pack.yaml": "pack.yaml", starter / template: "template.md.j2"}
    existing = [str(path) for path in files if path.exists()]
    if existing:
        raise BriefError.at(None, "init", f"would overwrite {', '.join(existing)}", "choose an empty folder")
    scaffold = data_dir("templates") / "base" / "scaffold"
    for path, source in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(Template((scaffold / source).read_text(encoding="utf-8")).safe_substitute(values), encoding="utf-8")
        click.echo(str(path))


@main.command("treaties")
@click.argument("state", required=False)
@click.option("--lang", "language", default="en", show_default=True, help="Language of treaty names: en or ko.")
@click.option("--brief", "brief_path", type=click.Path(exists=True, path_type=Path),
              help="Include the catalog.yaml beside this brief (a file or its folder).")
@reports_errors
def treaties_command(state: str | None, language: str, brief_path: Path | None) -> None:
    """List what the treaty catalog knows: status, date, confidence and source (optionally for one STATE)."""
    from .catalog import catalog_for_brief, describe_catalog

    folder = None if brief_path is None else brief_path if brief_path.is_dir() else brief_path.parent
    catalog = catalog_for_brief(folder)
    for row in describe_catalog(catalog, state, language):
        date = row["date"] or ""
        click.echo(f"{row['state']}\t{row['short']}\t{row['action']}\t{date}\t{row['confidence']}\t{row['source']}")
    click.echo(f"catalog as of {catalog.as_of}: {catalog.advice}", err=True)
