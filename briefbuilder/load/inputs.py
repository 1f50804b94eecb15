"""Everything a build reads, read once: the brief, its audience packs, the treaty catalog, the locales.

Check and render receive an :class:`Inputs` and open no file of their own, so
the disk is read here and written in the write stage, and nowhere else.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..audience import Pack, available_packs, pack_for_brief
from ..catalog import Catalog, catalog_for_brief
from ..model import Brief
from ..render.locale import LocaleData, load_locale
from .brief import load_brief

ALL = "all"  # every audience pack on the search path


@dataclass(frozen=True)
class Inputs:
    """A brief with everything it is checked and rendered against."""

    brief: Brief
    packs: Mapping[str, Pack]  # by audience name, in build order
    catalog: Catalog  # the bundled treaty catalog plus the brief's catalog.yaml
    locales: Mapping[str, LocaleData]  # by language code, in build order
    template_dirs: tuple[Path, ...] = ()

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
) -> Inputs:
    """Read ``brief`` (a path or a loaded brief) and everything it is built against.

    ``audiences`` default to the brief's own, ``all`` meaning every pack on the
    search path; ``languages`` default to the brief's.
    """
    brief = brief if isinstance(brief, Brief) else load_brief(brief)
    roots = tuple(Path(folder) for folder in template_dirs)
    names = _audience_names(brief, audiences, roots)
    return Inputs(
        brief=brief,
        packs={name: pack_for_brief(brief, name, roots) for name in names},
        catalog=catalog_for_brief(brief.directory),
        locales={code: load_locale(code) for code in dict.fromkeys(languages or brief.brief.languages)},
        template_dirs=roots,
    )


def _audience_names(brief: Brief, audiences: Sequence[str] | None, roots: tuple[Path, ...]) -> list[str]:
    if not audiences:
        return [brief.brief.audience]
    if ALL in audiences:
        return available_packs(roots)
    return list(dict.fromkeys(audiences))
