"""The ``briefbuilder`` command: a thin layer over the public API.

Exit codes: 0 success, 1 the brief failed its checks, 2 unusable input.
Problems are printed one per line as ``file:line: ...``; never a traceback.
"""

from __future__ import annotations

import gc
import json
import os
import signal
import sys
from collections import Counter
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from .errors import BriefError
from .progress import reporting

if TYPE_CHECKING:
    from .audience import Pack
    from .check.findings import Finding

EXIT_CHECKS_FAILED = 1
EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 3
EXIT_CLOSED_PIPE = 141  # 128 + SIGPIPE: what a shell reports for any command whose reader closed the pipe
STDOUT = "-"
# Stopping a build (kill, Ctrl-C, a closed terminal) undoes its writing and exits 128 + the signal's number.
STOPPING_SIGNALS = (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)


def _split(value: str | None) -> list[str] | None:
    return [part.strip() for part in value.split(",") if part.strip()] if value else None


def reports_errors(command: Callable[..., Any]) -> Callable[..., Any]:
    """Turn errors into one line per problem and the documented exit code."""

    @wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except BriefError as exc:
            # imported here, not above: a PDF build starts LibreOffice before the checks are imported
            from .check.findings import ChecksFailed

            if isinstance(exc, ChecksFailed):
                _echo_findings(exc.findings, err=True)
                click.echo("briefbuilder: the brief failed its checks; nothing was written "
                           "(fix the errors, or pass --draft to build a marked draft)", err=True)
                sys.exit(EXIT_CHECKS_FAILED)
            for problem in exc.problems:
                click.echo(str(problem), err=True)
            sys.exit(EXIT_BAD_INPUT)
        except click.ClickException:
            raise  # usage errors: click prints them with the command's usage line (exit 2)
        except BrokenPipeError:
            _closed_pipe()
        except OSError as exc:
            click.echo(f"error: {exc.filename or ''}: {exc.strerror or exc}", err=True)
            sys.exit(EXIT_BAD_INPUT)
        except Exception as exc:  # noqa: BLE001 - the CLI never shows a bare traceback
            click.echo(f"internal error: {type(exc).__name__}: {exc} "
                       "(please report this with the brief that caused it)", err=True)
            sys.exit(EXIT_INTERNAL)

    return run


def _closed_pipe() -> None:
    """The reader went away (``briefbuilder audiences | head``): stop quietly, as ``yes | head`` does.

    Standard output is pointed at /dev/null so that the interpreter's final
    flush does not fail a second time (the recipe of Python's signal docs).
    """
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    sys.exit(EXIT_CLOSED_PIPE)


WARNINGS_PER_RULE = 3  # shown by default; -v shows every one, --quiet none


def _echo_findings(findings: list[Finding], *, err: bool = False, verbosity: int = 1) -> None:
    """One line per finding; when several audiences were checked, each line names the ones it concerns.

    Errors are always shown. Warnings: every one at ``verbosity`` 2 (``-v``), the first few of each
    rule and a count of the rest at 1 (default), none at 0 (``--quiet``: the summary counts them).
    """
    several = len({audience for finding in findings for audience in finding.audiences}) > 1
    shown: Counter[str] = Counter()
    held: Counter[str] = Counter()
    for finding in findings:
        if finding.severity != "error" and verbosity < 2:
            if verbosity == 0 or shown[finding.rule] >= WARNINGS_PER_RULE:
                held[finding.rule] += 1
                continue
            shown[finding.rule] += 1
        suffix = f" [{', '.join(finding.audiences)}]" if several and finding.audiences else ""
        click.echo(f"{finding}{suffix}", err=err)
    if verbosity == 1:
        for rule, count in held.items():
            click.echo(f"briefbuilder: {count} more {rule} warning(s) (-v shows every one)", err=err)


def _summary(findings: list[Finding]) -> str:
    errors = sum(f.severity == "error" for f in findings)
    return f"{errors} error(s), {len(findings) - errors} warning(s)"


brief_argument = click.argument("brief", type=click.Path(path_type=Path))
templates_option = click.option(
    "--templates", "template_dirs", multiple=True, type=click.Path(file_okay=False, path_type=Path),
    help="A folder of audience packs searched before the built-in ones (repeatable).")
locales_option = click.option(
    "--locales", "locale_dirs", multiple=True, type=click.Path(file_okay=False, path_type=Path),
    help="A folder of languages (<code>/locale.yaml + LC_MESSAGES/briefbuilder.po) searched before "
         "locales/ beside the brief and the built-in ones (repeatable).")
lang_option = click.option("--lang", "languages", help="Languages to build, e.g. ko,en (default: the brief's).")
quiet_option = click.option("-q", "--quiet", is_flag=True,
                            help="Errors and a one-line summary only: no warnings, no file list, no progress line.")
verbose_option = click.option("-v", "--verbose", is_flag=True,
                              help=f"Every warning (by default, the first {WARNINGS_PER_RULE} of each rule and a count).")
audience_option = click.option("--audience", "audiences",
                               help="Audience packs, e.g. un-upr,gov-briefing, or 'all' (default: the brief's).")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="briefbuilder")
def main() -> None:
    """Build localised advocacy briefs from one YAML source."""


def run() -> None:
    """The ``briefbuilder`` command: :func:`main`, then a quick exit.

    At exit Python scans every object still alive for cycles (the imported
    pipeline alone holds hundreds of thousands); the operating system frees
    the memory anyway. Freezing them first took 0.08 s off every build (0.46 s
    to 0.38 s, benchmarks/cold_start.py). Files are closed and flushed as
    before: only cyclic garbage goes unscanned. Only the process entry point
    does this: a script or test that calls :func:`main` keeps its collector.
    """
    for number in STOPPING_SIGNALS:
        signal.signal(number, _stop)
    try:
        main(prog_name="briefbuilder")
    except Stopped as stopped:
        click.echo(f"briefbuilder: stopped by {signal.Signals(stopped.signal).name}; the files it was writing were not written", err=True)
        sys.exit(128 + stopped.signal)
    finally:
        gc.freeze()


class Stopped(BaseException):
    """A signal asked the command to stop: raised where it runs, so a write in progress is undone (not an error)."""

    def __init__(self, number: int) -> None:
        super().__init__(number)
        self.signal = number


def _stop(number: int, frame: Any) -> None:
    for other in STOPPING_SIGNALS:  # one stop is enough: a second signal must not cut the undoing short
        signal.signal(other, signal.SIG_IGN)
    raise Stopped(number)


@main.command("build")
@brief_argument
@lang_option
@click.option("--format", "formats", default="md", show_default=True, help="Output formats: md, docx, pdf (needs LibreOffice), hwpx (needs the hwpx extra), e.g. md,docx,pdf.")
@audience_option
@click.option("-o", "--output", "out_dir", default="out", show_default=True, type=click.Path(path_type=Path),
              help="Folder to write into; '-' writes the one document built to standard output.")
@templates_option
@locales_option
@click.option("--draft", is_flag=True, help="Build even if checks fail; the output is marked as a draft.")
@click.option("--evidence", is_flag=True, help="Also write the evidence annex as CSV and JSON for reviewers.")
@quiet_option
@verbose_option
@reports_errors
def build_command(brief: Path, languages: str | None, formats: str, audiences: str | None, out_dir: Path,
                  template_dirs: tuple[Path, ...], locale_dirs: tuple[Path, ...], draft: bool, evidence: bool,
                  quiet: bool, verbose: bool) -> None:
    """Check BRIEF (a YAML file or a folder holding brief.yaml) and write its documents."""
    if str(out_dir) == STDOUT:
        _build_to_stdout(brief, languages, formats, audiences, template_dirs, locale_dirs, draft, evidence)
        return
    from .write import running_pdf_converter

    format_names = _split(formats) or ["md"]
    with reporting(f"briefbuilder build {brief}", sys.stderr, quiet=quiet):
        # LibreOffice takes longer to start than the brief takes to load, check and render: for PDFs it
        # starts first, before the rest of briefbuilder is even imported.
        with running_pdf_converter(format_names) as pdf_converter:
            from .pipeline import build

            result = build(brief, out_dir, languages=_split(languages), formats=format_names,
                           audiences=_split(audiences), template_dirs=template_dirs, locale_dirs=locale_dirs,
                           draft=draft, evidence=evidence, pdf_converter=pdf_converter)
    verbosity = _verbosity(quiet, verbose)
    _report_build(result.findings, result.skipped, result.draft, verbosity)
    if verbosity == 0:
        click.echo(f"briefbuilder: {len(result.outputs)} file(s) written to {out_dir}, {_summary(result.findings)}",
                   err=True)
        return
    for path in result.outputs:
        click.echo(str(path))
    click.echo(f"briefbuilder: {len(result.outputs)} file(s) written; {_packs_used(result.packs)}", err=True)


def _build_to_stdout(brief: Path, languages: str | None, formats: str, audiences: str | None,
                     template_dirs: tuple[Path, ...], locale_dirs: tuple[Path, ...], draft: bool,
                     evidence: bool) -> None:
    """``-o -``: one document in one format, written to standard output (findings still go to stderr)."""
    from .pipeline import build_documents
    from .write import document_bytes

    format_names = _split(formats) or ["md"]
    if evidence or len(format_names) != 1:
        raise click.UsageError("-o - writes a single output: choose one --format, and write --evidence to a folder")
    built = build_documents(brief, languages=_split(languages), audiences=_split(audiences),
                            template_dirs=template_dirs, locale_dirs=locale_dirs, draft=draft)
    if len(built.documents) != 1:
        built_as = ", ".join(f"{audience}/{language}" for audience, language in built.documents)
        raise click.UsageError(f"-o - writes a single output, but this builds {len(built.documents)} ({built_as}): "
                               "choose one --lang and one --audience")
    data = document_bytes(next(iter(built.documents.values())), format_names[0])
    _report_build(built.findings, built.skipped, built.draft)
    click.echo(f"briefbuilder: 1 document written to standard output; {_packs_used(built.packs)}", err=True)
    sys.stdout.flush()  # whatever text went before stays before the bytes
    sys.stdout.buffer.write(data)  # click.get_binary_stream is deprecated since Click 8.5
    sys.stdout.buffer.flush()


def _packs_used(manifests: dict[str, Path]) -> str:
    """"pack my-un-upr (templates/my-un-upr/pack.yaml)": the file each audience was built with."""
    return ("packs " if len(manifests) > 1 else "pack ") + ", ".join(f"{audience} ({_shown(manifest)})" for audience, manifest in manifests.items())


def _shown(path: Path) -> str:
    """``path`` relative to the current folder when it is under it (the user's own files), else absolute."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path.resolve())


def _verbosity(quiet: bool, verbose: bool) -> int:
    if quiet and verbose:
        raise click.UsageError("choose --quiet or --verbose, not both")
    return 0 if quiet else 2 if verbose else 1


def _report_build(findings: list[Finding], skipped: dict[str, str], draft: bool, verbosity: int = 1) -> None:
    _echo_findings(findings, err=True, verbosity=verbosity)
    for audience, reason in skipped.items():
        click.echo(f"briefbuilder: skipped {audience}: it {reason}", err=True)
    if draft:
        click.echo("briefbuilder: built as a DRAFT despite failed checks", err=True)


@main.command("cases")
@brief_argument
@click.argument("table", type=click.Path(path_type=Path))
@click.option("--sheet", help="The workbook's sheet holding the cases (default: its first).")
@lang_option
@click.option("--format", "formats", default="md", show_default=True, help="Output formats: md, docx or md,docx.")
@click.option("--audience", "audiences", default="un-wgeid", show_default=True, help="Audience packs to build.")
@click.option("-o", "--output", "out_dir", default="out", show_default=True, type=click.Path(path_type=Path),
              help="Folder to write into.")
@templates_option
@click.option("--stop-on-error", is_flag=True, help="Stop at the first bad row instead of reporting it and going on.")
@reports_errors
def cases_command(brief: Path, table: Path, sheet: str | None, languages: str | None, formats: str,
                  audiences: str, out_dir: Path, template_dirs: tuple[Path, ...], stop_on_error: bool) -> None:
    """One WGEID submission per row of TABLE (CSV or XLSX), each BRIEF with the row as its case.

    Progress goes to standard error, one line per case; the files written go to
    standard output. Exits 1 if any row failed.
    """
    from .cases import CaseResult, build_cases, row_problems

    def report(result: CaseResult) -> None:
        click.echo(str(result), err=True)
        if result.error is not None:
            for line in row_problems(result.error):
                click.echo(f"    {line}", err=True)

    results = build_cases(brief, table, out_dir, sheet=sheet, languages=_split(languages),
                          formats=_split(formats) or ["md"], audiences=_split(audiences) or ["un-wgeid"],
                          template_dirs=template_dirs, keep_going=not stop_on_error, progress=report)
    for result in results:
        for path in result.outputs:
            click.echo(str(path))
    failed = [result for result in results if not result.ok]
    click.echo(f"briefbuilder: {len(results) - len(failed)} of {len(results)} case(s) built"
               + (f"; {len(failed)} failed (nothing written for them)" if failed else ""), err=True)
    if failed:
        sys.exit(EXIT_CHECKS_FAILED)


@main.command("check")
@click.argument("brief", type=click.Path(path_type=Path), required=False)
@lang_option
@audience_option
@templates_option
@locales_option
@click.option("--format", "output_format", type=click.Choice(["text", "json", "markdown"]), default="text",
              show_default=True, help="markdown: only with --rules (the table of docs/rules.md).")
@click.option("--rules", "list_rules", is_flag=True, help="List every rule (id, severity, what it checks) and exit.")
@quiet_option
@verbose_option
@reports_errors
def check_command(brief: Path | None, languages: str | None, audiences: str | None, template_dirs: tuple[Path, ...],
                  locale_dirs: tuple[Path, ...], output_format: str, list_rules: bool, quiet: bool,
                  verbose: bool) -> None:
    """Run every rule over BRIEF; exit 1 if any error is found."""
    if list_rules:
        _print_rules(output_format)
        return
    if brief is None:
        raise click.UsageError("missing BRIEF (or pass --rules to list the rules)")
    if output_format == "markdown":
        raise click.UsageError("--format markdown goes with --rules; findings are text or json")
    from .audience import MANIFEST
    from .load.inputs import load_inputs
    from .pipeline import check_brief

    with reporting(f"briefbuilder check {brief}", sys.stderr, quiet=quiet):
        # Read once here: to name the packs used, and which ones 'all' left out, as build does.
        inputs = load_inputs(brief, audiences=_split(audiences), languages=_split(languages),
                             template_dirs=template_dirs, locale_dirs=locale_dirs)
        for audience, reason in inputs.skipped.items():
            click.echo(f"briefbuilder: skipped {audience}: it {reason}", err=True)
        findings = check_brief(inputs.brief, audience=list(inputs.audiences), languages=_split(languages),
                               template_dirs=template_dirs, locale_dirs=locale_dirs)
    if output_format == "json":
        click.echo(json.dumps([f.as_dict() for f in findings], ensure_ascii=False, indent=2))
    else:
        _echo_findings(findings, verbosity=_verbosity(quiet, verbose))
        manifests = {name: pack.directory / MANIFEST for name, pack in inputs.packs.items() if pack.directory}
        click.echo(f"{_summary(findings)}; {_packs_used(manifests)}", err=True)
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


@main.group("locale")
def locale_group() -> None:
    """Add a language without touching the installed package (docs/translating.md)."""


@locale_group.command("init")
@click.argument("code")
@click.option("--to", "folder", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Your locales folder: pass it to build with --locales, or name it locales/ beside the brief.")
@click.option("--babel", "babel_locale", help="The CLDR locale to format with, e.g. es_ES (default: CODE).")
@reports_errors
def locale_init_command(code: str, folder: Path, babel_locale: str | None) -> None:
    """Start language CODE in FOLDER: the package's .pot, CODE/locale.yaml and CODE/LC_MESSAGES/briefbuilder.po."""
    from .write.new_language import start_language

    for path in start_language(code, folder, babel_locale):
        click.echo(str(path))
    click.echo(f"briefbuilder: translate every msgstr of {folder / code / 'LC_MESSAGES' / 'briefbuilder.po'}, "
               f"then build with --lang {code} --locales {folder}", err=True)


@main.command("audiences")
@templates_option
@reports_errors
def audiences_command(template_dirs: tuple[Path, ...]) -> None:
    """List the audience packs (yours first on the search path) with their constraints."""
    from .load.pack import available_packs, load_pack
    from .wordcount import counted_parts

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
@click.option("--audience", default="general", show_default=True, help="The pack the brief is written for.")
@click.option("--own-pack", is_flag=True,
              help="Also write a starter pack templates/my-AUDIENCE/ extending AUDIENCE, and build with it.")
@templates_option
@reports_errors
def init_command(directory: Path, audience: str, own_pack: bool, template_dirs: tuple[Path, ...]) -> None:
    """Scaffold DIRECTORY: a brief.yaml with the blocks AUDIENCE reads, passing `check` as written."""
    import datetime as dt
    from string import Template

    from jinja2.sandbox import ImmutableSandboxedEnvironment

    from .audience import INTERFACE
    from .load.pack import load_pack
    from .resources import data_dir

    pack = load_pack(audience, template_dirs)
    scaffold = data_dir("templates") / "base" / "scaffold"
    starter = directory / "templates" / f"my-{audience}"
    template = pack.template.rsplit("/", 1)[-1]
    values = {
        "audience": audience, "directory": str(directory), "templates": str(directory / "templates"),
        "template": template, "interface": str(INTERFACE),
        "builtin": pack.template if "/" in pack.template else f"{audience}/{pack.template}",
    }
    brief = ImmutableSandboxedEnvironment(keep_trailing_newline=True, trim_blocks=True).from_string(
        (scaffold / "brief.yaml").read_text(encoding="utf-8")).render(
        audience=f"my-{audience}" if own_pack else audience, directory=str(directory),
        today=dt.date.today().isoformat(), pack=pack, requires=lambda field: field in pack.required_fields,
        audience_block=_scaffold_block(pack))
    files = {directory / "brief.yaml": brief}
    if own_pack:
        files |= {starter / name: Template((scaffold / source).read_text(encoding="utf-8")).safe_substitute(values)
                  for name, source in (("pack.yaml", "pack.yaml"), (template, "template.md.j2"))}
    existing = [str(path) for path in files if path.exists()]
    if existing:
        raise BriefError.at(None, "init", f"would overwrite {', '.join(existing)}", "choose an empty folder")
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        click.echo(str(path))


def _scaffold_block(pack: Pack) -> str:
    """The brief block the pack reads (its ``scaffold.yaml``, or the nearest one up its ``extends`` line)."""
    for folder in pack.directories():
        block = folder / "scaffold.yaml"
        if block.is_file():
            return block.read_text(encoding="utf-8")
    return ""


@main.command("treaties")
@click.argument("state", required=False)
@click.option("--lang", "language", default="en", show_default=True,
              help="Language of the listing and the treaty names: any language on the locale search path (en, ko, fr).")
@click.option("--brief", "brief_path", type=click.Path(exists=True, path_type=Path),
              help="Include the catalog.yaml (and a locales/ folder) beside this brief (a file or its folder).")
@locales_option
@reports_errors
def treaties_command(state: str | None, language: str, brief_path: Path | None, locale_dirs: tuple[Path, ...]) -> None:
    """List what the treaty catalog knows, by treaty id: status, date, confidence and source (optionally for one STATE)."""
    from .load.catalog import catalog_for_brief
    from .render.treaty_listing import describe_catalog, listing_footer, listing_header
    from .load.locale import language_catalogs, load_locale, locale_search_path

    folder = None if brief_path is None else brief_path if brief_path.is_dir() else brief_path.parent
    locale = load_locale(language, locale_search_path(locale_dirs, folder)).recording()
    catalog = catalog_for_brief(folder, language_catalogs([locale]))
    lines = [listing_header(locale)] + [
        f"{row['state']}\t{row['treaty']}\t{row['short']}\t{row['action']}\t{row['date'] or ''}\t"
        f"{row['confidence']}\t{row['source']}"
        for row in describe_catalog(catalog, locale, state)
    ]
    footer = listing_footer(catalog, locale)
    if locale.missing_messages():  # a listing, like a brief, never mixes languages
        raise BriefError(locale.missing_messages())
    click.echo("\n".join(lines))
    click.echo(footer, err=True)
