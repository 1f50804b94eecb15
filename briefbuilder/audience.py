"""Audience packs: what a pack's manifest (``pack.yaml``) says, as a typed model.

A pack says how a brief must look for one audience (a UN mechanism, a
ministry): its templates, the register of names and dates, its constraints and
its policy on unverified figures. Packs are found and read by
:mod:`briefbuilder.load.pack`.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeVar

from msgspec import Struct, field

from .house_style import HouseStyle, HouseStyleLayer, resolve_house_style
from .mechanism_calendar import MechanismCalendar
from .model import Located, Refine, Text, VerificationStatus

MANIFEST = "pack.yaml"
BASE_PACK = "base"
# The version of what templates are given and print (CHANGELOG.md lists each change). A pack says in
# ``interface:`` which one it was written for; one without says nothing and was written for 0 (briefbuilder 0.1).
INTERFACE = 1


PercentStyle = Literal["sign", "words"]
CitationStyleName = Literal["oscola", "un"]
SentenceStyle = Literal["full", "noun-ending"]
Part = Literal["cover", "notes"]
FieldType = Literal["text", "string", "number", "date", "boolean"]
# Where a Word file puts the notes: at the foot of each page, at the end, or as ※ lines under the paragraph.
NotesPlacement = Literal["footnotes", "endnotes", "source-lines"]
T = TypeVar("T")


class PackField(Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    """A field a pack declares and a brief fills under ``brief.fields`` (e.g. an organisation's
    ECOSOC consultative status); templates read it as ``fields.<name>``, in the document's language.

    ``text`` is per language like any narrative; ``string`` is the same in every language.
    """

    type: FieldType
    required: bool = False
    description: str | None = None  # what to write, shown in errors
D = TypeVar("D")


class NoteMarkSettings(Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    """A pack's changes to a language's note style (``locale.yaml`` ``note_marks``); what it leaves out is kept."""

    at: Literal["sentence", "word", "block"] | None = None
    punctuation: Literal["after", "before"] | None = None
    figures: Literal["gather", "mark"] | None = None
    ibid: bool | None = None


def _per_language(value: Any) -> Any:
    """One setting for every language (``notes: endnotes``) is the setting for ``"*"``."""
    return {"*": value} if isinstance(value, str) else value


def _one_limit(value: Any) -> dict[str, int]:
    """One limit for every language (``word_limit: 5000``) is the limit for ``"*"``; none is no limit."""
    return {"*": value} if isinstance(value, int) else value or {}


if TYPE_CHECKING:  # what a field holds once its rule has run; msgspec reads the wider type it accepts
    WordLimit = dict[str, int]
    PerLanguage = dict[str, T]
else:
    WordLimit = Annotated[dict[str, int] | int | None, Refine(_one_limit)]
    PerLanguage = Annotated[dict[str, T] | T, Refine(_per_language)]


class Pack(Located, frozen=True, kw_only=True):
    """An audience pack's manifest, with every setting resolved."""

    name: str
    description: Text
    extends: str | None = None  # a pack whose manifest (and templates) this one starts from
    interface: int = 0  # the template interface the pack was written for (never inherited)
    # Lines the templates print only for packs of that interface or later, by interface: a pack written
    # for an older one keeps its output as it was, and check names each line it does not get yet.
    interface_changes: dict[int, list[str]] = {}
    languages: list[str] = field(default_factory=lambda: ["en", "ko"])
    template: str = "brief.md.j2"
    templates: dict[str, str] = {}  # a template per language, when the structure differs
    state_names: Literal["un", "plain", "formal"] = "plain"  # register of State names
    terms: dict[str, Text] = {}  # e.g. defector: {ko: 북한이탈주민}
    date_format: dict[str, str] = {}  # Babel pattern or style per language
    percent_style: PerLanguage[PercentStyle] = {}  # per language: "81.4%" or "81.4 per cent"
    citation_style: CitationStyleName = "oscola"  # how treaties are cited: OSCOLA, or the UN Editorial Manual's style
    sentence_style: PerLanguage[SentenceStyle] = {}  # per language: full sentences or 개조식 -함
    numbered_paragraphs: bool = False
    minimum_status: VerificationStatus = "reported"
    annex: bool = True
    staleness_years: int | None = None
    word_limit: WordLimit = {}  # per language ("*": all), counted as the audience counts
    joint_word_limit: WordLimit = {}  # when submission.partners names co-submitters
    uncounted: list[Part] = field(default_factory=lambda: ["cover", "notes"])  # parts the word limit leaves out
    max_recommendations: int | None = None
    recommendations_field: str = "recommendations"  # the list this pack prints as its recommendations
    smart_recommendations: bool = False  # warn when a recommendation has no number (no deadline or target)
    recommendations_to_state: bool = False  # recommendations go to the State under review (UPR, treaty bodies)
    required_sections: list[str] = []
    required_fields: list[str] = []  # dotted paths, e.g. submission.cycle
    recommended_fields: list[str] = []  # dotted paths the cover names when given (a warning when empty)
    case_elements: bool = False  # check the WGEID's six required elements of a case
    shows_confidential_submitter: bool = False  # the output goes to the WGEID itself
    organised_by_articles: bool = False
    accepted_languages: list[str] = []  # what the mechanism accepts; a document in another is a courtesy translation
    presents_organisations: bool = False  # the cover presents every submitting organisation (who, mandate, contact)
    calendar: MechanismCalendar | None = None  # the mechanism's sessions, dates and deadlines, with sources
    calendars_from: list[str] = []  # other packs whose calendars this pack's recommendations are checked against
    reference_docx: str | None = None
    fields: dict[str, PackField] = {}  # declared here, filled by the brief (brief.fields)
    house_style: dict[str, HouseStyleLayer] = {}  # per language ("*": all); see docs/house-style.md
    notes: PerLanguage[NotesPlacement] = {}  # per language ("*": all); Markdown keeps footnotes
    note_marks: dict[str, NoteMarkSettings] = {}  # per language ("*": all): where marks go, over locale.yaml's
    directory: Path | None = None
    # The folders of the packs this one extends, nearest first: set by the loader, as ``directory`` is.
    parent_directories: tuple[Path, ...] = ()

    def directories(self) -> tuple[Path, ...]:
        """This pack's folder, then those of the packs it extends: every folder its files are read from."""
        return ((self.directory,) if self.directory is not None else ()) + self.parent_directories

    def house_style_for(self, language: str) -> HouseStyle:
        return resolve_house_style(self.house_style, language)

    def notes_for(self, language: str) -> NotesPlacement:
        return _for_language(self.notes, language, "footnotes")

    def note_marks_for(self, language: str) -> NoteMarkSettings | None:
        return _for_language(self.note_marks, language, None)

    def template_name(self, language: str) -> str:
        """The main template for ``language``, as the Jinja loader knows it.

        A name with a ``/`` is already a loader name (an inherited template).
        """
        file = self.templates.get(language, self.template)
        return file if "/" in file else f"{self.name}/{file}"

    def accepts(self, language: str) -> bool:
        """The mechanism takes a submission in ``language`` (every language, when the pack names none)."""
        return not self.accepted_languages or language in self.accepted_languages

    def percent_words(self, language: str) -> bool:
        return _for_language(self.percent_style, language, "sign") == "words"

    def sentence_style_for(self, language: str) -> SentenceStyle:
        return _for_language(self.sentence_style, language, "full")

    def limit(self, language: str, *, joint: bool) -> int | None:
        """The word limit for ``language``; the joint one for a joint submission, when the pack has one."""
        return _for_language(self.joint_word_limit if joint and self.joint_word_limit else self.word_limit,
                             language, None)

    def reference_docx_path(self) -> Path | None:
        if self.reference_docx is None or self.directory is None:
            return None
        return (self.directory / self.reference_docx).resolve()


def field_value(field: PackField, value: Any) -> Any:
    """The brief's ``value`` for ``field``, typed (a :class:`Text` for ``text``); ValueError saying what is wrong."""
    expected = {"string": str, "date": dt.date, "boolean": bool}
    if field.type == "text":
        try:
            return Text.parse(value)
        except ValueError:
            raise ValueError("write it as text per language, e.g. {en: ..., ko: ...}") from None
    if field.type == "number":
        if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
            raise ValueError("write it as a number, unquoted")
        return value
    if not isinstance(value, expected[field.type]) or (field.type == "date" and isinstance(value, dt.datetime)):
        raise ValueError({"string": "write it as one text for every language",
                          "date": "write it as a date, YYYY-MM-DD", "boolean": "write true or false"}[field.type])
    return value


def _for_language(values: dict[str, T], language: str, default: D) -> T | D:
    """A per-language setting: the language's own value, else the one for every language ("*")."""
    return values.get(language, values.get("*", default))
