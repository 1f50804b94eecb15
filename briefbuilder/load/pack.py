"""Find audience packs on the template search path and read their manifests.

Built-in packs live in ``templates/``; a user's template folders are searched
first (``--templates``, then a ``templates/`` folder beside the brief), so a
pack can be overridden or added without touching the package. A
pack may extend another (its manifest and templates start from the parent's),
and a brief's ``settings.pack`` overrides the manifest without copying it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..audience import BASE_PACK, INTERFACE, MANIFEST, Pack
from ..errors import BriefError
from ..house_style import merge_layers
from ..model import IDENTIFIER, Brief
from ..resources import data_dir
from .confine import confined_file
from .located import finish, read_mapping, validate_located
from .yamlsource import SourceMap


PACKS_BESIDE_BRIEF = "templates"  # a brief's own pack folder, searched after --templates


def search_path(template_dirs: tuple[Path, ...] = ()) -> tuple[Path, ...]:
    """Template folders in lookup order: the user's first, the built-ins last."""
    return tuple(Path(d) for d in template_dirs) + (data_dir("templates"),)


def user_template_dirs(template_dirs: tuple[Path, ...], brief_directory: Path | None) -> tuple[Path, ...]:
    """The user's template folders in lookup order: ``--templates``, then ``templates/`` beside the brief.

    The folder beside the brief counts only when it holds a pack, so a brief
    kept beside an unrelated ``templates/`` folder is built as before.
    """
    beside = packs_beside(brief_directory)
    folders = tuple(Path(d) for d in template_dirs)
    if not beside or any(folder.resolve() == beside[0].parent.parent.resolve() for folder in folders):
        return folders
    return (*folders, beside[0].parent.parent)


def packs_beside(brief_directory: Path | None) -> list[Path]:
    """The manifests of the packs in the ``templates/`` folder beside a brief, by name."""
    if brief_directory is None:
        return []
    return sorted(Path(brief_directory, PACKS_BESIDE_BRIEF).glob(f"*/{MANIFEST}"))


def is_builtin(pack: Pack) -> bool:
    """Whether ``pack`` is one of the package's own (its files are not the user's to edit)."""
    return pack.directory is not None and pack.directory.parent == data_dir("templates")


def available_packs(template_dirs: tuple[Path, ...] = ()) -> list[str]:
    names = {
        manifest.parent.name
        for root in search_path(template_dirs)
        for manifest in root.glob(f"*/{MANIFEST}")
        if manifest.parent.name != BASE_PACK
    }
    return sorted(names)


def load_pack(name: str, template_dirs: tuple[Path, ...] = (), overrides: dict[str, Any] | None = None,
              overrides_map: SourceMap | None = None) -> Pack:
    """Find pack ``name`` on the search path and read its manifest.

    ``overrides`` are the brief's own settings (``brief.settings.pack``): they
    win over the manifest, so a user can change a limit without copying the pack.
    ``overrides_map`` says where they were written, so a bad one is reported there.
    """
    pack = _read_pack(name, search_path(template_dirs))
    if not overrides:
        return pack
    updated = validate_located(_merge(pack.to_data(), overrides), overrides_map or pack._source_map, Pack)
    finish(updated, pack._source_map, (), [], refine=False)  # a bad override was reported in the brief; the rest is pack.yaml's
    return updated


def pack_for_brief(brief: Brief, audience: str | None = None, template_dirs: tuple[Path, ...] = ()) -> Pack:
    """The pack a brief is built for, with the brief's ``settings.pack`` applied.

    A reference .docx named in the brief's settings is relative to the brief's folder.
    """
    overrides = dict(brief.brief.settings.get("pack") or {})
    if overrides.get("reference_docx") and brief.directory is not None:
        overrides["reference_docx"] = str(confined_file(
            brief.directory, Path(brief.directory) / str(overrides["reference_docx"]),
            what="reference .docx", field="brief.settings.pack.reference_docx", must_exist=False))
    source_map: SourceMap | None = brief._source_map
    written = source_map.under("brief", "settings", "pack") if overrides and source_map is not None else None
    return load_pack(audience or brief.brief.audience, tuple(Path(d) for d in template_dirs), overrides, written)


def _merge(base: dict[str, Any], update: dict[str, Any]) -> dict[str, Any]:
    """``update`` over ``base``; ``terms`` and ``fields`` are merged one by one, ``house_style`` value by value."""
    merged = base | update
    for by_name in ("terms", "fields"):
        if by_name in update:
            merged[by_name] = {**(base.get(by_name) or {}), **(update[by_name] or {})}
    if isinstance(update.get("house_style"), dict):
        merged["house_style"] = merge_layers(base.get("house_style") or {}, update["house_style"])
    return merged


def _check_name(name: str) -> None:
    """An audience is a pack's name, looked up on the search path; never a path to a folder."""
    if not re.match(IDENTIFIER, name):
        raise BriefError.at(None, "audience", f"'{name}' is not an audience pack name",
                            "name a pack (briefbuilder audiences lists them); for a pack in a folder of "
                            "your own, pass that folder's parent with --templates and the pack's name")


@lru_cache(maxsize=64)
def _read_pack(name: str, roots: tuple[Path, ...]) -> Pack:
    _check_name(name)
    for index, root in enumerate(roots):
        manifest = root / name / MANIFEST
        if manifest.is_file() or manifest.is_symlink():
            confined_file(root, manifest, what=f"manifest of the pack '{name}'")
            data, source_map = read_mapping(manifest, "a pack manifest", "write settings as 'key: value' lines")
            data.setdefault("name", name)
            data["directory"] = str(manifest.parent)
            data["parent_directories"] = []
            if isinstance(data.get("reference_docx"), str):
                data["reference_docx"] = str(confined_file(
                    root, manifest.parent / data["reference_docx"], what="reference .docx", field="reference_docx",
                    must_exist=False))
            if data.get("extends"):
                # A pack may extend one of the same name further down the path (a user's un-upr extending the built-in).
                parent = _read_pack(data["extends"], roots[index + 1:] if data["extends"] == name else roots)
                data["parent_directories"] = [str(folder) for folder in parent.directories()]
                data = _inherit(parent, data, manifest.parent)
            return _supported(validate_located(data, source_map, Pack))
    known = ", ".join(available_packs(roots[:-1])) or "none"
    raise BriefError.at(None, "brief.audience", f"unknown audience pack '{name}'",
                        f"use one of: {known}, or pass the folder holding it with --templates")


def _supported(pack: Pack) -> Pack:
    """``pack``, unless it was written for a template interface newer than this briefbuilder's."""
    if pack.interface > INTERFACE:
        raise BriefError.at(pack.where("interface") or pack.where(), "interface",
                            f"the pack '{pack.name}' was written for template interface {pack.interface}; this "
                            f"briefbuilder knows interfaces up to {INTERFACE}",
                            "upgrade briefbuilder (pip install --upgrade briefbuilder; CHANGELOG.md says which "
                            "release brought which interface)")
    return pack


def _inherit(parent: Pack, data: dict[str, Any], directory: Path) -> dict[str, Any]:
    """The parent's settings under the child's; a template or file the child lacks is the parent's.

    The child's ``data`` always has its own name, folder and ``extends``; its interface is never inherited.
    """
    merged = _merge({key: value for key, value in parent.to_data().items() if key != "interface"}, data)

    def resolve(file: str, language: str) -> str:
        return file if "/" in file or (directory / file).is_file() else parent.template_name(language)

    merged["template"] = resolve(merged["template"], "")
    files = parent.templates | (data.get("templates") or {})
    merged["templates"] = {language: resolve(file, language) for language, file in files.items()}
    if "reference_docx" not in data and parent.reference_docx_path() is not None:
        merged["reference_docx"] = str(parent.reference_docx_path())
    return merged
