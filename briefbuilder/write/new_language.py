"""Start a language outside the package: the .pot, a ``locale.yaml`` skeleton, an empty .po and the prose
checks' phrase lists as English examples, in the user's folder.

``briefbuilder locale init es --to my-locales`` does what ``pybabel init`` does
from a clone, for an installed package whose .pot sits in site-packages: the
folder it writes is then passed with ``--locales`` (or is the ``locales/`` beside
a brief), and the installed package is never touched. The skeleton names every
``locale.yaml`` key with its default and shows what CLDR (through Babel) already
gives the language, so a translator only decides what CLDR does not know.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
from decimal import Decimal
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.lists import format_list
from babel.messages.pofile import read_po, write_po
from babel.numbers import format_decimal

from ..errors import BriefError
from ..locale import DOMAIN
from ..resources import data_dir
from .atomic import write_atomic

TEMPLATE = f"{DOMAIN}.pot"
# The phrase lists the checks of the author's prose read (docs/translating.md), written out as English
# examples: an installed package hides them in site-packages, where a translator cannot copy them.
PROSE_PHRASES = ("statements.yaml", "prose-figures.yaml")
EXAMPLE_HEADER = """\
# The English {file}, as an example for '{language}'. Write each phrase and pattern as '{language}'
# prose says it, then rename this file {file}: until then the prose of '{language}' documents is
# not checked by it (check warns), rather than checked with English words.

"""
_SAMPLE_DATE = dt.date(2024, 10, 31)


def start_language(code: str, folder: str | Path, babel: str | None = None) -> list[Path]:
    """Write ``<folder>/briefbuilder.pot``, ``<folder>/<code>/locale.yaml`` and its empty .po; return their paths.

    An existing ``locale.yaml`` or .po is never overwritten (a translator's work); the .pot is
    refreshed, since it is the package's and a newer package has a newer one.
    """
    try:
        locale = Locale.parse(babel or code)
    except (UnknownLocaleError, ValueError, TypeError) as error:
        raise BriefError.at(None, "babel", f"'{babel or code}' is not a CLDR locale ({error})",
                            "give the language code (es) and, with --babel, its CLDR locale (es_ES)") from None
    root = Path(folder)
    settings = root / code / "locale.yaml"
    messages = root / code / "LC_MESSAGES" / f"{DOMAIN}.po"
    for existing in (settings, messages):
        if existing.exists():
            raise BriefError.at(None, "locale", f"{existing} exists already",
                                "translate in it; or give another --to folder to start afresh")
    template = (data_dir("locales") / TEMPLATE).read_bytes()
    catalog = read_po(io.BytesIO(template), locale=str(locale), domain=DOMAIN)
    catalog.locale = locale
    catalog.fuzzy = False
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=79)
    written = [root / TEMPLATE, settings, messages]
    contents = [template, skeleton(code, locale).encode("utf-8"), buffer.getvalue()]
    for phrases in PROSE_PHRASES:  # examples to translate: the prose checks read only the real names
        written.append(root / code / phrases.replace(".yaml", ".example.yaml"))
        contents.append((EXAMPLE_HEADER.format(language=code, file=phrases)
                         + (data_dir("locales") / "en" / phrases).read_text(encoding="utf-8")).encode("utf-8"))
    for path, data in zip(written, contents):
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, data)
    return written


def skeleton(code: str, locale: Locale) -> str:
    """A ``locale.yaml`` naming every key, its default, and what CLDR already does for the language."""
    name = locale.get_display_name() or code
    tag = str(locale).replace("_", "-")
    number = format_decimal(Decimal("59600.5"), locale=locale)
    pattern = copy.copy(locale.percent_formats[None])
    pattern.frac_prec = (1, 1)
    percent = pattern.apply(Decimal("0.814"), locale)
    date = format_date(_SAMPLE_DATE, format="long", locale=locale)
    listed = format_list(["A", "B", "C"], locale=locale)
    return f"""\
# {name}: how briefs in '{code}' are written (docs/translating.md explains every key).
# CLDR, through Babel, already gives this language its numbers ({number}), percentages
# ({percent}), dates ({date}), lists ({listed}) and plural rules.
# Every key below may be left out; the commented ones show their default.
name: {name}
babel: {locale}    # the CLDR locale everything above is formatted with
tag: {tag}    # the language tag written into .docx runs and properties
# east_asian_font: null    # a font for Chinese, Japanese or Korean text (Korean: Malgun Gothic)
# note_marks: {{at: word, punctuation: after, figures: gather, ibid: false}}
#   at: sentence (one mark at the sentence's end) or word; punctuation: the mark after or before it;
#   figures: gather, or mark (a figure sourced apart gets its own mark); ibid: notes say "Ibid."
# quotes: null    # typographic quotes for straight ones, e.g. {{double: ["«", "»"], single: ["“", "”"]}}
# range_dash: "\\u2013"    # between the ends of a range: "pp. 3–4"
# ordinals: []    # ordinals 1-99 in words for UN covers ("forty-seventh session"); default: digits
"""
