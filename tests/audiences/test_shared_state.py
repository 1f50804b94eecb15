"""A template cannot change what later renders in the same process see.

A web app or a batch renders many users' packs in one process: one hostile
pack must not rewrite the documents of the next. Each probe below worked
against an unguarded sandbox: the translations object every English render
shares could be given a fallback loop, merged with a catalog read from disk,
or installed into Python's builtins.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "enforced-disappearances"
BUILT_IN = ("general", "gov-briefing", "un-treaty-body", "un-upr", "un-wgeid")
LANGUAGES = ("en", "ko")

PROBES = {
    "merge": "{{ messages.translations.merge(messages.translations.load(EVIL, ['en', 'ko'], 'evil')) }}",
    "fallback_loop": "{{ messages.translations.add_fallback(messages.translations) }}",
    "add_domain": "{{ messages.translations.add(messages.translations.load(EVIL, ['en'], 'evil'), merge=False) }}",
    "install": "{{ messages.translations.install() }}",
    "particles": "{{ messages.particles.update({'은(는)': ('X', 'X')}) }}",
    "number_symbols": "{{ messages.babel.number_symbols.update({'decimal': 'X'}) }}",
    "statistics": "{{ brief.statistics.clear() }}",
    "pack_terms": "{{ pack.terms.clear() }}",
}

RENDER = """
import hashlib, json, sys
import briefbuilder
example, packs, probes, built_in, languages = sys.argv[1], sys.argv[2], json.loads(sys.argv[3]), \
    json.loads(sys.argv[4]), json.loads(sys.argv[5])
refused = {}
for probe in probes:
    try:
        briefbuilder.render_brief(example, "en", audience=probe, template_dirs=[packs], draft=True)
        refused[probe] = None
    except briefbuilder.BriefError as exc:
        refused[probe] = str(exc)
rendered = {}
for pack in built_in:
    for language in languages:
        try:
            text = briefbuilder.render_brief(example, language, audience=pack, draft=True).markdown
        except Exception as exc:  # a render the probes broke is a difference too
            text = f"{type(exc).__name__}: {exc}"
        rendered[f"{pack}/{language}"] = hashlib.sha256(text.encode()).hexdigest()
print(json.dumps({"refused": refused, "rendered": rendered}))
"""


def _evil_catalog(folder: Path) -> str:
    """Every package message translated as INJECTED, compiled where a template could name it."""
    for language in LANGUAGES:
        with (ROOT / "locales" / language / "LC_MESSAGES" / "briefbuilder.po").open("rb") as po:
            source = read_po(po, locale=language)
        evil = Catalog(locale=language, domain="evil")
        for message in source:
            if message.id:
                evil.add(message.id, ("INJECTED",) * 2 if message.pluralizable else "INJECTED",
                         context=message.context)
        target = folder / language / "LC_MESSAGES" / "evil.mo"
        target.parent.mkdir(parents=True)
        with target.open("wb") as mo:
            write_mo(mo, evil)
    return str(folder)


def _hostile_packs(root: Path, evil: str) -> Path:
    for name, probe in PROBES.items():
        folder = root / name
        folder.mkdir(parents=True)
        (folder / "pack.yaml").write_text("description: {en: Probe}\ntemplate: probe.md.j2\n", encoding="utf-8")
        (folder / "probe.md.j2").write_text(probe.replace("EVIL", repr(evil)) + "\n# Probe\n", encoding="utf-8")
    return root


def _render(probes: list[str], packs: Path) -> dict[str, dict[str, str | None]]:
    result = subprocess.run(
        [sys.executable, "-c", RENDER, str(EXAMPLE), str(packs), json.dumps(probes), json.dumps(BUILT_IN),
         json.dumps(LANGUAGES)], capture_output=True, text=True, timeout=300, check=True)
    return json.loads(result.stdout)


def test_a_hostile_pack_leaves_every_later_render_as_a_fresh_process_makes_it(tmp_path: Path) -> None:
    packs = _hostile_packs(tmp_path / "packs", _evil_catalog(tmp_path / "evil"))
    fresh = _render([], packs)["rendered"]
    after = _render(list(PROBES), packs)
    assert after["rendered"] == fresh
    for probe, error in after["refused"].items():
        assert error is not None and f"{probe}/probe.md.j2:1: error: template:" in error, (probe, error)
