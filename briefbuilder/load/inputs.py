"""Everything a build reads, read once: the brief, its audience packs, the treaty catalog, the locales.

Check and render receive an :class:`Inputs` and open no file of their own, so
the disk is read here and written in the write stage, and nowhere else.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..audience import Pack
from ..catalog import Catalog
from ..errors import BriefError, Location
from ..locale import LocaleData
from ..model import Brief
from .brief import load_brief
from .catalog import EXTENSION_FILE, catalog_for_brief
from .locale import SETTINGS, language_catalogs, load_locale, locale_search_path, pack_messages, pack_messages_file
from .native import PYTHON_SOURCE, validated
from .pack import available_packs, is_builtin, pack_for_brief, packs_beside, user_template_dirs
from .statements import STATEMENTS_FILE, StatementWords, statement_words
from .prose_figures import ProseFigures, prose_figures_for

ALL = "all"  # every audience pack on the search path


@dataclass(frozen=True)
class Inputs:
    """A brief with everything it is checked and rendered against."""

    brief: Brief
    packs: Mapping[str, Pack]  # by audience name, in build order
    catalog: Catalog  # the bundled treaty catalog plus the brief's catalog.yaml
    locales: Mapping[str, LocaleData]  # by language code, in build order
    template_dirs: tuple[Path, ...] = ()
    # A pack's own messages (its .po files) over the core's, where the pack has them.
    pack_locales: Mapping[tuple[str, str], LocaleData] = field(default_factory=dict)
    skipped: Mapping[str, str] = field(default_factory=dict)  # with 'all': audience -> why it does not apply
    # Each language's words of treaty status (statements.yaml beside its locale.yaml), for the brief's
    # languages and the ones built; None for a language without the file.
    statements: Mapping[str, StatementWords | None] = field(default_factory=dict)
    # How each language on the locale search path writes figures in prose, for the prose checks.
    prose: Mapping[str, ProseFigures] = field(default_factory=prose_figures_for)
    unused_packs: tuple[Path, ...] = ()  # manifests of packs beside the brief that this build does not use

    def __repr__(self) -> str:
        return (f"<Inputs {self.brief!r}: audiences {', '.join(self.packs)}; languages {', '.join(self.locales)}>")

    def locale(self, audience: str, language: str) -> LocaleData:
        """The locale a document for ``audience`` in ``language`` is rendered with."""
        return self.pack_locales.get((audience, language), self.locales[language])

    def files_read(self) -> dict[Path, Location]:
        """Every file this build reads, with where it is named: no output may be written over one of them.

        The brief and its sheets, each pack's folder (and those of the packs it extends) and reference .docx, the
        locales' settings and messages, the catalog beside the brief.
        """
        found: dict[Path, Location] = {}

        def add(path: Path | str | None, where: Location | None = None) -> None:
            if path is not None and str(path) != PYTHON_SOURCE:
                found.setdefault(Path(path), where or Location(str(path), 1))

        for item in (self.brief.brief, *self.brief.sources, *self.brief.statistics):
            where = item.where()
            add(where.file if where else None, where)
        for pack in self.packs.values():
            add(pack.reference_docx_path(), self.brief.brief.where("settings", "pack", "reference_docx")
                if (self.brief.brief.settings.get("pack") or {}).get("reference_docx") else pack.where("reference_docx"))
            for path in (path for folder in pack.directories() for path in sorted(folder.rglob("*"))):
                if path.is_file():
                    add(path)
        for locale in (*self.locales.values(), *self.pack_locales.values()):
            if locale.messages_file is not None:
                add(locale.messages_file)
                add(locale.messages_file.parent.parent / SETTINGS)
                add(locale.messages_file.parent.parent / STATEMENTS_FILE)
        if self.brief.directory is not None:
            add(Path(self.brief.directory) / EXTENSION_FILE)
        return found

    @property
    def audiences(self) -> tuple[str, ...]:
        return tuple(self.packs)

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(self.locales)


def load_inputs(
    brief: Brief | str | Path,
    *,
    audiences: Sequence[str] | None = None,
    languages: Sequence[str] | None = None,
    template_dirs: Sequence[str | Path] = (),
    locale_dirs: Sequence[str | Path] = (),
) -> Inputs:
    """Read ``brief`` (a path or a loaded brief) and everything it is built against.

    ``audiences`` default to the brief's own, ``all`` meaning every pack on the
    search path that applies to the brief (the others are listed in
    ``skipped`` with the reason); ``languages`` default to the brief's. A
    brief built in Python is validated here exactly as a YAML brief is.
    Locales are looked for in ``locale_dirs``, then in ``locales/`` beside
    the brief, then in the package; audience packs likewise in
    ``template_dirs``, then in ``templates/`` beside the brief, then in the package.
    """
    brief = validated(brief) if isinstance(brief, Brief) else load_brief(brief)
    roots = user_template_dirs(tuple(Path(folder) for folder in template_dirs), brief.directory)
    packs = {name: pack_for_brief(brief, name, roots) for name in _audience_names(brief, audiences, roots)}
    skipped: dict[str, str] = {}
    if audiences and ALL in audiences:
        skipped = {name: reason for name, pack in packs.items() if (reason := not_applicable(pack, brief))}
        packs = {name: pack for name, pack in packs.items() if name not in skipped}
        if not packs:
            raise BriefError.at(None, "--audience", "no audience pack applies to this brief: " + "; ".join(
                f"{name} {reason}" for name, reason in skipped.items()), "name the audience to build")
    locale_path = locale_search_path(locale_dirs, brief.directory)
    locales = {code: load_locale(code, locale_path) for code in dict.fromkeys(languages or brief.brief.languages)}
    return Inputs(
        brief=brief,
        packs=packs,
        catalog=catalog_for_brief(brief.directory, language_catalogs(locales.values())),
        locales=locales,
        template_dirs=roots,
        pack_locales={
            (name, code): locale.with_messages(messages, None if builtin else pack_messages_file(pack.directory, code))
            for name, pack in packs.items() if pack.directory is not None
            for builtin in (is_builtin(pack),) for code, locale in locales.items()
            if (messages := pack_messages(pack.directory, locale)) is not None or not builtin
        },
        skipped=skipped,
        statements={code: statement_words(code, locale_path)
                    for code in dict.fromkeys([*locales, *brief.brief.languages])},
        prose=prose_figures_for(locale_path),
        unused_packs=_unused_beside(brief, packs),
    )


def _unused_beside(brief: Brief, packs: Mapping[str, Pack]) -> tuple[Path, ...]:
    """The manifests beside the brief that neither a pack built nor any pack it extends was read from."""
    used = {folder.resolve() for pack in packs.values() for folder in pack.directories()}
    return tuple(manifest for manifest in packs_beside(brief.directory) if manifest.parent.resolve() not in used)


def not_applicable(pack: Pack, brief: Brief) -> str:
    """Why ``pack`` cannot apply to ``brief`` at all ("" if it can): the brief lacks a part the pack is built on.

    A WGEID pack is built on a ``case:``, the UPR pack on a ``submission:``, a
    briefing pack on a ``briefing:``. A missing field inside a part the brief
    has is not a reason to skip: the checks report it.
    """
    parts = ["case"] if pack.case_elements else []
    parts += [required.split(".")[0] for required in pack.required_fields]
    for part in dict.fromkeys(parts):
        if part in Brief.__struct_fields__ and getattr(brief, part) in (None, [], {}):
            return f"needs a '{part}:' block, which this brief does not have"
    return ""


def _audience_names(brief: Brief, audiences: Sequence[str] | None, roots: tuple[Path, ...]) -> list[str]:
    if not audiences:
        return [brief.brief.audience]
    if ALL in audiences:
        return available_packs(roots)
    return list(dict.fromkeys(audiences))
