"""Read a language: its ``locale.yaml`` and its messages, into a :class:`~briefbuilder.locale.LocaleData`.

A language is a folder named by its code: ``locale.yaml`` (which CLDR locale,
which language tag, which East Asian font) and ``LC_MESSAGES/briefbuilder.po``
(the translators' source of truth, compiled in memory when first used). Code
never branches on the language.

Locale folders are found on a search path, like audience packs: the user's
folders (``--locales``), then a ``locales/`` folder beside the brief, then the
package's own. The first folder holding ``<code>/locale.yaml`` wins, so a
language is added or replaced without touching the package.

A language that is not the source language (``source_language: true`` in
``locale.yaml``) must translate every message: the ones the package's .pot
lists are compared when the locale is loaded, and the ones a document looks up
(a pack's own strings too) are recorded while it renders, so a document never
mixes languages silently.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, get_type_hints

from babel import Locale, UnknownLocaleError
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations
from msgspec import Struct, defstruct
from msgspec.structs import asdict

from ..cache import digest, remembered_bytes, remembered_object
from ..document import Typography
from ..errors import BriefError
from ..locale import CONTEXT_SEPARATOR, DOMAIN, PACK_DOMAIN, LocaleData, Message, NoteMarks, Quotes
from ..model import LANGUAGE
from ..resources import data_dir
from .confine import confined_file
from .located import validate_located
from .po_check import checked_catalog, with_bounded_plural
from .yamlsource import SourceMap, read_yaml

SETTINGS = "locale.yaml"
LANGUAGE_CATALOG = "catalog.yaml"  # a language's names of States and treaties, beside its locale.yaml
LOCALES_BESIDE_BRIEF = "locales"  # a brief's own locale folder, searched after --locales


def locale_search_path(locale_dirs: Sequence[str | Path] = (), brief_directory: Path | None = None) -> tuple[Path, ...]:
    """Locale folders in lookup order: the user's, the brief's own ``locales/``, the package's."""
    beside = [Path(brief_directory) / LOCALES_BESIDE_BRIEF] if brief_directory is not None else []
    return (*(Path(d) for d in locale_dirs), *(d for d in beside if d.is_dir()), data_dir("locales"))


def language_catalogs(locales: Iterable[LocaleData]) -> list[Path]:
    """The ``catalog.yaml`` beside each language's ``locale.yaml``: State names and treaty titles in that language.

    So a language added with ``--locales`` brings its names with it ("la República Popular
    Democrática de Corea"), read as a catalog extension beside the brief is.
    """
    found = []
    for locale in locales:
        if locale.messages_file is None:
            continue
        folder = locale.messages_file.parents[1]
        path = folder / LANGUAGE_CATALOG
        if path.is_file() or path.is_symlink():
            found.append(confined_file(folder.parent, path, what=f"catalog of '{locale.code}'"))
    return found


def available_languages(search_path: Sequence[Path] = ()) -> list[str]:
    """Every language code with a ``locale.yaml`` on ``search_path`` (default: the package's)."""
    roots = search_path or (data_dir("locales"),)
    return sorted({settings.parent.name for root in roots for settings in Path(root).glob(f"*/{SETTINGS}")})


def load_locale(code: str, search_path: Sequence[Path] = ()) -> LocaleData:
    """The locale for language ``code`` (``en``, ``ko``), from the first folder on ``search_path`` that has it.

    ``search_path`` defaults to the package's locales (see :func:`locale_search_path`);
    an unknown code is an input error naming the languages that are there.
    """
    roots = tuple(Path(root) for root in search_path) or (data_dir("locales"),)
    for root in roots if re.fullmatch(LANGUAGE, code) else ():
        if (root / code / SETTINGS).is_file() or (root / code / SETTINGS).is_symlink():
            confined_file(root, root / code / SETTINGS, what=f"locale file of '{code}'")
            return _load_locale(root / code)
    raise BriefError.at(None, "brief.languages", f"unknown language '{code}'",
                        f"use one of: {', '.join(available_languages(roots))}; or add a folder '{code}/' "
                        f"with {SETTINGS} and LC_MESSAGES/{DOMAIN}.po (docs/translating.md) and pass it with --locales")


# What a locale.yaml may leave out. Numbers, dates, lists and plurals always come from CLDR
# (Babel, through ``babel:``); these are the conventions CLDR's data in Babel does not carry.
# A mark after the word holding each reference (finding sentence ends needs the language's abbreviations),
# after the punctuation there, figures gathered with their sentence's sources, no "Ibid.".
DEFAULT_NOTE_MARKS: dict[str, Any] = {"at": "word", "punctuation": "after", "figures": "gather", "ibid": False}
DEFAULT_RANGE_DASH = "\u2013"  # en dash: "pp. 3–4"


def _as_written(settings: type, *, optional: bool) -> type[Struct]:
    """The shape a block of ``locale.yaml`` is written in: the fields of ``settings`` (a dataclass of
    :mod:`briefbuilder.locale` or :mod:`briefbuilder.document`), each of its type, and no other key;
    ``optional``: each may be left out (None), for the dataclass's default to apply."""
    fields = [(name, hint | None, None) if optional else (name, hint) for name, hint in get_type_hints(settings).items()]
    return defstruct(f"_{settings.__name__}", fields, frozen=True, forbid_unknown_fields=True)


_Quotes = _as_written(Quotes, optional=False)
_Typography = _as_written(Typography, optional=True)


class _Settings(Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    """The settings a ``locale.yaml`` may write, each of its type: a misspelt or mistyped one is refused at its
    line rather than ignored (docs/translating.md). The blocks with rules of their own are read by their readers."""

    babel: str | None = None
    name: str | None = None
    tag: str | None = None
    east_asian_font: str | None = None
    source_language: bool = False
    particles: dict[str, tuple[str, str]] = {}
    quotes: _Quotes | None = None  # type: ignore[valid-type]  # made from Quotes
    range_dash: str = DEFAULT_RANGE_DASH
    ordinals: list[str] = []
    typography: _Typography = _Typography()  # type: ignore[valid-type]  # made from Typography
    name_articles: Any = None
    contractions: Any = None
    note_marks: Any = None
    keep_together: Any = None
    abbreviations: Any = None


@lru_cache(maxsize=16)
def _load_locale(folder: Path) -> LocaleData:
    data, source_map = read_yaml(folder / SETTINGS)
    if not isinstance(data, dict):
        raise BriefError.at(source_map.locate(), "", "the locale settings must be a mapping",
                            f"write at least 'babel: {folder.name}' (see docs/translating.md)")
    settings = validate_located(data, source_map, _Settings)
    babel = _babel_locale(settings.babel if settings.babel is not None else folder.name, source_map, folder.name)
    po_file = folder / "LC_MESSAGES" / f"{DOMAIN}.po"
    translations = compile_messages(po_file, str(babel))
    return LocaleData(
        code=folder.name,
        name=settings.name or babel.get_display_name() or folder.name,
        babel=babel,
        tag=settings.tag or str(babel).replace("_", "-"),
        east_asian_font=settings.east_asian_font,
        particles=dict(settings.particles),
        name_articles=_words(settings.name_articles, "name_articles", source_map),
        contractions=_words(settings.contractions, "contractions", source_map),
        note_marks=_note_marks(settings.note_marks, source_map),
        quotes=Quotes(**asdict(settings.quotes)) if settings.quotes else None,
        range_dash=settings.range_dash,
        keep_together=_keep_together(settings.keep_together, source_map),
        abbreviations=_abbreviations(settings.abbreviations, source_map),
        ordinals=tuple(settings.ordinals),
        translations=translations,
        source_language=settings.source_language,
        messages_file=po_file,
        shipped=folder.parent == data_dir("locales"),
        package_messages=_package_messages(),
        untranslated=() if settings.source_language else _untranslated(translations),
        typography=Typography(**{name: value for name, value in asdict(settings.typography).items()
                                 if value is not None}),
    )


def _words(written: Any, key: str, source_map: SourceMap) -> dict[str, str]:
    """A mapping of words to words (``name_articles``, ``contractions``), checked where it is written."""
    if written is None:
        return {}
    if not isinstance(written, dict) or not all(isinstance(k, str) and isinstance(v, str) and k and v
                                                for k, v in written.items()) \
            or (key == "contractions" and not all(" " in joined.strip() for joined in written)):
        raise BriefError.at(source_map.locate(key), key, "must map words to words",
                            "write name_articles: {Pacte: le, Convention: la} or contractions: {à le: au} "
                            "(a preposition and an article, then the word they make; docs/translating.md)")
    return dict(written)


def _abbreviations(words: Any, source_map: SourceMap) -> re.Pattern[str] | None:
    """One pattern for the locale's ``abbreviations`` ("para" matches "para." as a whole word)."""
    if not words:
        return None
    if not isinstance(words, list) or not all(isinstance(word, str) and word for word in words):
        raise BriefError.at(source_map.locate("abbreviations"), "abbreviations", "must be a list of words",
                            "write abbreviations: [p, para, ...] (without their full stops)")
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True)) + r")\.")


_NOTE_MARK_CHOICES: dict[str, tuple[Any, ...]] = {
    "at": ("sentence", "word", "block"), "punctuation": ("after", "before"), "figures": ("gather", "mark"), "ibid": (True, False)}


def _note_marks(written: Any, source_map: SourceMap) -> NoteMarks:
    """The ``note_marks`` block: each setting one of its choices (else an error where it was written), or its default.

    A block that is no mapping, or a setting misspelt, is an error too: ignored, it would leave
    the marks where the defaults put them without a word.
    """
    written = {} if written is None else written
    hint = f"write note_marks: {{at: sentence, punctuation: after}}; its settings are {', '.join(_NOTE_MARK_CHOICES)}"
    if not isinstance(written, dict):
        raise BriefError.at(source_map.locate("note_marks"), "note_marks", "must be a mapping of settings", hint)
    for name in written:
        if name not in _NOTE_MARK_CHOICES:
            raise BriefError.at(source_map.locate("note_marks", name), f"note_marks.{name}", "is no setting", hint)
    settings = {**DEFAULT_NOTE_MARKS, **written}
    for name, choices in _NOTE_MARK_CHOICES.items():
        if settings.get(name) not in choices:
            raise BriefError.at(source_map.locate("note_marks", name), f"note_marks.{name}",
                                f"must be one of {', '.join(map(str, choices))}, not {settings.get(name)!r}",
                                f"write note_marks: {{{name}: {choices[0]}}} (see locales/en/{SETTINGS})")
    return NoteMarks(at=settings["at"], punctuation=settings["punctuation"], figures=settings["figures"],
                     ibid=settings["ibid"])


def _babel_locale(name: Any, source_map: SourceMap, code: str) -> Locale:
    """The CLDR locale ``babel:`` names (default: the folder's code); an unknown one is an error at its line."""
    try:
        return Locale.parse(str(name))
    except (UnknownLocaleError, ValueError, TypeError) as error:
        raise BriefError.at(source_map.locate("babel"), "babel", f"'{name}' is not a CLDR locale ({error})",
                            f"write a CLDR locale such as '{code}' or '{code}_{code.upper()}'") from None


def _keep_together(patterns: Any, source_map: SourceMap) -> re.Pattern[str] | None:
    """One expression for the locale's ``keep_together`` list; a bad one is an error where it was written."""
    if not patterns:
        return None
    if not isinstance(patterns, list) or not all(isinstance(pattern, str) for pattern in patterns):
        raise BriefError.at(source_map.locate("keep_together"), "keep_together", "must be a list of patterns",
                            "write keep_together: ['pattern', ...] (regular expressions)")
    try:
        return re.compile("|".join(f"(?:{pattern})" for pattern in patterns))
    except re.error as error:
        raise BriefError.at(source_map.locate("keep_together"), "keep_together",
                            f"not a regular expression: {error}", "fix the pattern (Python's re syntax)") from None


def compile_messages(po_file: Path, locale: str, domain: str = DOMAIN) -> Translations:
    """Compile a .po catalog in memory: the .po stays the only source of truth; fuzzy entries are left out."""
    if not po_file.is_file():
        return Translations()
    confined_file(po_file.parents[2], po_file, what="translation catalog")
    source = po_file.read_bytes()

    def compiled() -> bytes:  # made only from a catalog that passed its checks: a bad one is never kept
        buffer = io.BytesIO()
        write_mo(buffer, checked_catalog(po_file, source, locale, domain), use_fuzzy=False)
        return buffer.getvalue()

    return with_bounded_plural(Translations(
        io.BytesIO(remembered_bytes("messages", digest(source, locale, domain), compiled)), domain=domain))


def pack_messages(pack_directory: Path | None, locale: LocaleData) -> Translations | None:
    """The messages a pack translates itself (its templates' own strings), or None when it has none."""
    if pack_directory is None:
        return None
    po_file = pack_messages_file(pack_directory, locale.code)
    return compile_messages(po_file, str(locale.babel), PACK_DOMAIN) if po_file.is_file() else None


def pack_messages_file(pack_directory: Path, code: str) -> Path:
    """Where a pack translates its own strings into ``code``: ``<pack>/locales/<code>/LC_MESSAGES/pack.po``."""
    return Path(pack_directory) / LOCALES_BESIDE_BRIEF / code / "LC_MESSAGES" / f"{PACK_DOMAIN}.po"


@lru_cache(maxsize=1)
def _template_messages() -> tuple[tuple[str | tuple[str, int], Message], ...]:
    """Every message of the package's .pot, keyed as a compiled catalog keys it."""
    pot = data_dir("locales") / f"{DOMAIN}.pot"
    if not pot.is_file():
        return ()
    source = pot.read_bytes()

    def listed() -> list[tuple[str | tuple[str, int], Message]]:
        entries: list[tuple[str | tuple[str, int], Message]] = []
        for entry in read_po(io.BytesIO(source), domain=DOMAIN):
            if not entry.id:
                continue
            singular = entry.id[0] if isinstance(entry.id, tuple) else entry.id
            key: str = f"{entry.context}{CONTEXT_SEPARATOR}{singular}" if entry.context else singular
            entries.append(((key, 0) if isinstance(entry.id, tuple) else key, Message(singular, entry.context)))
        return entries

    return tuple(remembered_object("template-messages", digest(source), listed))


@lru_cache(maxsize=1)
def _package_messages() -> frozenset[Message]:
    """The package's own messages: one a document lacks that is not among them is a pack's own string."""
    return frozenset(message for _, message in _template_messages())


def _untranslated(translations: Translations) -> tuple[Message, ...]:
    return tuple(message for key, message in _template_messages() if key not in translations._catalog)
