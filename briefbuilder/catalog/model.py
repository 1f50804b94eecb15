"""Catalog models: treaties, states and statuses, each fact with its confidence and source.

The catalog exists so that a brief cannot state a treaty status the research
does not support. That only works if the data is honest about how sure it is:
every fact (a date, a title, a UNTS reference, a status cell) carries a
:class:`Confidence` and a ``source``, copied exactly from the research notes,
and only ``confirmed`` facts count as verified.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

from msgspec import UNSET, Meta, Struct, UnsetType, field

from ..errors import BriefError, Location, did_you_mean
from ..model import Explain, Identifier, LanguageCode, Located, PlainDate, Refine, set_slots, _Whereabouts

ConfidenceLevel = Literal["confirmed", "year-confirmed", "unconfirmed"]
# How the research notes qualify a level: "secondary" (seen only in a third
# party's summary), "weak" (seen only in a weak source, e.g. public code),
# "partial" (partly seen, e.g. blog and wiki).
Qualifier = Literal["secondary", "weak", "partial"]
Action = Literal["ratification", "accession", "succession", "signature", "none"]
PARTY_ACTIONS: frozenset[str] = frozenset({"ratification", "accession", "succession"})
Register = Literal["un", "plain", "formal"]
# Which name to use when a register is not given for a language, in order.
REGISTER_FALLBACK: dict[str, tuple[str, ...]] = {
    "un": ("un", "formal", "plain"),
    "formal": ("formal", "un", "plain"),
    "plain": ("plain", "un", "formal"),
}

_ARTICLE_PREFIX = re.compile(r"^\s*art(?:icle)?s?\.?\s*", re.IGNORECASE)
_ARTICLE_REF = re.compile(r"(\d+)([A-Za-z]?)((?:\((?:\d+|[a-z]{1,4})\))*)")
_CANONICAL_ARTICLE_REF = r"^\d+[A-Z]?(?:\((?:\d+|[a-z]{1,4})\))*$"  # what normalise_article_ref writes


def normalise_article_ref(text: str) -> str:
    """``"art 12 (2)"`` -> ``"12(2)"``; ``"1a(2)"`` -> ``"1A(2)"``. Raise ValueError if not an article."""
    compact = re.sub(r"\s+", "", _ARTICLE_PREFIX.sub("", text))
    match = _ARTICLE_REF.fullmatch(compact)
    if match is None:
        raise ValueError(f"'{text}' is not an article reference; write it like '33', '12(2)' or '1A(2)'")
    number, letter, paragraphs = match.groups()
    return f"{number}{letter.upper()}{paragraphs}"


def _canonical_article_ref(value: str) -> str:
    canonical = normalise_article_ref(value)
    if canonical != value:
        raise ValueError(f"write the article reference '{value}' as '{canonical}'")
    return value


StateCode = Annotated[str, Meta(pattern=r"^[A-Z]{2}$", description="a state code", extra={
    "hint": "use the ISO 3166-1 alpha-2 code in capitals (e.g. KP)"})]
ArticleRef = Annotated[str, Meta(pattern=_CANONICAL_ARTICLE_REF), Explain(_canonical_article_ref)]
NonEmpty = Annotated[str, Meta(min_length=1)]


class Confidence(Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    """How sure the research is of one fact; written as a level, or a mapping with qualifiers.

    ``as_of`` is the year a negative fact ("no action") was last confirmed:
    such a fact can go stale without any source changing.
    """

    level: ConfidenceLevel
    qualifier: Qualifier | None = None
    as_of: Annotated[int, Meta(ge=1900, le=2100)] | None = None
    note: str | None = None

    def __post_init__(self) -> None:
        if self.qualifier in ("weak", "partial") and self.level != "unconfirmed":
            raise ValueError(f"a '{self.qualifier}' fact is not {self.level}; use level 'unconfirmed'")
        if self.qualifier == "secondary" and self.level == "unconfirmed":
            raise ValueError("'secondary' qualifies a fact seen in a source; an unconfirmed fact was not seen")

    @classmethod
    def written(cls, value: Confidence | str) -> Confidence:
        """A confidence as the catalog writes it: a mapping, or just its level."""
        return cls(level=value) if isinstance(value, str) else value  # type: ignore[arg-type]

    def __str__(self) -> str:
        text = self.level
        if self.qualifier:
            text += f" ({self.qualifier})"
        if self.as_of is not None:
            text += f" as of {self.as_of}"
        if self.note:
            text += f": {self.note}"
        return text


if TYPE_CHECKING:  # what the field holds once its rule has run; msgspec reads the wider type it accepts
    WrittenConfidence = Confidence
else:
    WrittenConfidence = Annotated[Confidence | ConfidenceLevel, Refine(Confidence.written)]


class _Filed(_Whereabouts):
    """A catalog entry knows the key it is filed under (a treaty's id, a State's code), set by the loader."""

    __slots__ = ("_key",)

    def file_under(self, key: Any) -> None:
        set_slots(self, {"_key": key})

    @property
    def _filed_as(self) -> Any:
        return getattr(self, "_key", "")


class Fact(_Filed, Located, frozen=True, kw_only=True):
    """Anything the catalog asserts: it says how sure it is and where it comes from."""

    confidence: WrittenConfidence
    source: NonEmpty

    @property
    def is_confirmed(self) -> bool:
        """Only a fully confirmed fact may be presented as verified."""
        return self.confidence.level == "confirmed"


class TextFact(Fact, frozen=True, kw_only=True):
    text: NonEmpty


class StateName(TextFact, frozen=True, kw_only=True):
    """A State's name, with the article it takes in running text ("the Russian Federation")."""

    article: str | None = None

    @property
    def in_text(self) -> str:
        return f"{self.article} {self.text}" if self.article else self.text


class DateFact(Fact, frozen=True, kw_only=True):
    date: PlainDate


class NumberFact(Fact, frozen=True, kw_only=True):
    number: int


class InForceRule(Fact, frozen=True, kw_only=True):
    """The treaty's own rule for when it enters into force for a State that consents once it is in force:
    ``days_after_deposit`` after the State deposits its instrument (ICPPED art. 39(2): the thirtieth day)."""

    days_after_deposit: Annotated[int, Meta(gt=0)]
    article: ArticleRef


class UntsFact(Fact, frozen=True, kw_only=True):
    """United Nations Treaty Series reference: volume and first page of the instrument."""

    volume: Annotated[int, Meta(gt=0)]
    page: Annotated[int, Meta(gt=0)]


class UntcFact(Fact, frozen=True, kw_only=True):
    """UN Treaty Collection chapter, e.g. ``IV-4``: it names the treaty's status page."""

    chapter: Annotated[str, Meta(pattern=r"^[IVXL]+-\d+[a-z]?$", description="a UN Treaty Collection chapter",
                                 extra={"hint": "write it as the UNTC does, e.g. IV-4"})]

    @property
    def status_url(self) -> str:
        roman = self.chapter.split("-")[0]
        return (
            "https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY"
            f"&mtdsg_no={self.chapter}&chapter={_roman_to_int(roman)}&clang=_en"
        )


class Remark(Fact, frozen=True, kw_only=True):
    """A separately sourced fact bearing on a status (e.g. the DPRK's 1997 ICCPR withdrawal notice)."""

    text: NonEmpty


class Article(_Filed, Located, frozen=True, kw_only=True):
    """One article or paragraph: a heading and/or its text, per language."""

    headings: dict[LanguageCode, TextFact] = field(default_factory=dict, name="heading")
    texts: dict[LanguageCode, TextFact] = field(default_factory=dict, name="text")

    def __post_init__(self) -> None:
        if not self.headings and not self.texts:
            raise ValueError("an article needs a 'heading:' or a 'text:' (per language, each with confidence and source)")

    @property
    def ref(self) -> str:
        return self._filed_as  # type: ignore[no-any-return]

    def heading(self, lang: str) -> TextFact | None:
        return self.headings.get(lang)

    def text(self, lang: str) -> TextFact | None:
        return self.texts.get(lang)


class Treaty(_Filed, Located, frozen=True, kw_only=True):
    """A treaty's metadata; ``title`` and ``short`` are per-language facts."""

    titles: dict[LanguageCode, TextFact] = field(name="title")
    shorts: dict[LanguageCode, TextFact] = field(default_factory=dict, name="short")
    adopted: DateFact
    in_force: DateFact | None = None
    # When it enters into force for a State (VCLT art. 2(1)(g): only then is the State a party).
    in_force_for_state: InForceRule | None = None
    unts: UntsFact | None = None
    untc: UntcFact | None = None
    status_url: str | None = None  # for a treaty outside the UN Treaty Collection
    rok_treaty_no: NumberFact | None = None  # Republic of Korea treaty number
    oscola: TextFact | None = None  # a confirmed OSCOLA citation, when the research has one
    note: str | None = None  # editorial guidance for writers, not a fact
    articles: dict[ArticleRef, Article] = {}

    def __post_init__(self) -> None:
        if "en" not in self.titles:
            raise ValueError("a treaty needs an English title ('title: {en: ...}')")

    @property
    def id(self) -> str:
        return self._filed_as  # type: ignore[no-any-return]

    @property
    def status_page(self) -> str | None:
        """Where to re-check who is party: the UNTC status page, built from the chapter."""
        return self.untc.status_url if self.untc else self.status_url

    def title(self, lang: str) -> str:
        """The official title in ``lang``; a missing language is an error, never another language."""
        if lang not in self.titles:
            raise BriefError.at(self.where(), f"treaties.{self.id}.title", f"no '{lang}' title",
                                f"add '{lang}:' with text, confidence and source in the catalog")
        return self.titles[lang].text

    def short(self, lang: str) -> str:
        """The short name in ``lang``, else the full title (never another language's)."""
        fact = self.shorts.get(lang)
        return fact.text if fact else self.title(lang)

    def article(self, ref: str, *, location: Location | None = None, field: str = "article") -> Article:
        """The article ``ref`` (``"art 12(2)"``, ``"33(1)"``, ``"1A(2)"``) as the catalog lists it.

        ``location`` and ``field`` say where the reference was written, so an
        unknown article is reported at the user's line, not the catalog's.
        """
        known = ", ".join(self.articles) or "none"
        try:
            canonical = normalise_article_ref(ref)
        except ValueError as exc:
            raise BriefError.at(location, field, str(exc), f"articles of {self.id} in the catalog: {known}") from None
        if canonical not in self.articles:
            raise BriefError.at(
                location, field, f"the catalog does not list article {canonical} of {self.id}",
                f"use one of: {known}; or add it under 'articles: {{{self.id}: ...}}' in catalog.yaml beside the brief",
            )
        return self.articles[canonical]


class TreatyCorrection(Located, frozen=True, kw_only=True):
    """A user's correction of a bundled treaty (``replaces: true``): the facts it gives replace
    the bundled ones, each with the user's own confidence and source; the rest stay as bundled.

    A fact not given is UNSET, so that a correction can also clear a fact (``in_force: null``).
    """

    replaces: Literal[True]
    titles: dict[LanguageCode, TextFact] | UnsetType = field(default=UNSET, name="title")
    shorts: dict[LanguageCode, TextFact] | UnsetType = field(default=UNSET, name="short")
    adopted: DateFact | None | UnsetType = UNSET
    in_force: DateFact | None | UnsetType = UNSET
    unts: UntsFact | None | UnsetType = UNSET
    untc: UntcFact | None | UnsetType = UNSET
    rok_treaty_no: NumberFact | None | UnsetType = UNSET
    oscola: TextFact | None | UnsetType = UNSET

    def applied_to(self, treaty: Treaty) -> Treaty:
        """``treaty`` with these facts in place of its own (a copy: bundled treaties are shared)."""
        given = {name: value for name in self.__struct_fields__
                 if name != "replaces" and (value := getattr(self, name)) is not UNSET}
        for per_language in ("titles", "shorts"):
            if per_language in given:
                given[per_language] = {**getattr(treaty, per_language), **given[per_language]}
        return treaty.replace(**given)


class State(_Filed, Located, frozen=True, kw_only=True):
    """A State's names per language and register (``un``, ``plain``, ``formal``)."""

    names: dict[LanguageCode, dict[Register, StateName]]
    # Other names prose uses for the State (abbreviations such as "DPRK"): recognised, never printed.
    aliases: dict[LanguageCode, list[TextFact]] = {}

    def __post_init__(self) -> None:
        if "un" not in self.names.get("en", {}):
            raise ValueError("a state needs its English UN name ('names: {en: {un: ...}}')")

    @property
    def code(self) -> str:
        return self._filed_as  # type: ignore[no-any-return]

    def name_fact(self, lang: str, register: Register = "un") -> StateName:
        """The name in ``lang``; a missing register falls back (formal -> un -> plain, etc.)."""
        names = self.names.get(lang)
        if not names:
            raise BriefError.at(self.where(), f"states.{self.code}.names", f"no '{lang}' name",
                                f"add 'names: {{{lang}: {{plain: ...}}}}' with confidence and source")
        return next(names[r] for r in REGISTER_FALLBACK[register] if r in names)  # type: ignore[index]

    def name(self, lang: str, register: Register = "un") -> str:
        return self.name_fact(lang, register).text

    def name_in_text(self, lang: str, register: Register = "un") -> str:
        """The name as a sentence uses it, with its article where the language has one."""
        return self.name_fact(lang, register).in_text


class StateNames(Located, frozen=True, kw_only=True):
    """A user's names for a State the catalog already has, in languages it lacks (Spanish for 'KP').

    Written like a State (``states: {KP: {names: {es: {un: ...}}}}``) in a ``catalog.yaml`` beside
    the brief or in a language's folder; each name with its confidence and source. A language the
    catalog already names is a correction and needs ``replaces: true``. ``aliases`` are other names
    prose uses for the State in a language, its adjective among them ("North Korean",
    "norcoreano"): added to the catalog's own, recognised by the prose checks, never printed.
    """

    names: dict[LanguageCode, dict[Register, StateName]] = {}
    aliases: dict[LanguageCode, list[TextFact]] = {}
    replaces: bool = False

    def added_to(self, state: State) -> State:
        """``state`` with these names and aliases (a copy: bundled States are shared)."""
        aliases = {language: [*state.aliases.get(language, ()), *more] for language, more in self.aliases.items()}
        return state.replace(names={**state.names, **self.names}, aliases={**state.aliases, **aliases})


class TreatyNames(Located, frozen=True, kw_only=True):
    """A user's title and short name for a treaty the catalog already has, in languages it lacks."""

    titles: dict[LanguageCode, TextFact] = field(default_factory=dict, name="title")
    shorts: dict[LanguageCode, TextFact] = field(default_factory=dict, name="short")

    def added_to(self, treaty: Treaty) -> Treaty:
        return treaty.replace(titles={**treaty.titles, **self.titles}, shorts={**treaty.shorts, **self.shorts})


class Status(Fact, frozen=True, kw_only=True):
    """What a State has done about a treaty, and when (the date the instrument was deposited).

    It is filed under (State code, treaty id).
    """

    action: Action
    date: PlainDate | None = None
    note: str | None = None  # detail from the same source
    signed: DateFact | None = None  # signature before ratification
    in_force: DateFact | None = None  # entry into force for the State, where a source gives it
    remarks: list[Remark] = []
    replaces: bool = False  # an extension overriding a bundled status must say so

    def __post_init__(self) -> None:
        if self.action == "none" and self.date is not None:
            raise ValueError("'none' (no action) has no date; remove 'date:' or give the action")
        if self.action != "none" and self.date is None:
            raise ValueError(f"a {self.action} needs its date ('date: YYYY-MM-DD')")
        if self.signed is not None:
            if self.action != "ratification":
                raise ValueError("'signed:' is for a signature followed by ratification; "
                                 f"for a {self.action} put the date in 'date:'")
            if self.date is not None and self.signed.date > self.date:
                raise ValueError(f"signed on {self.signed.date}, after the ratification on {self.date}")
        if self.in_force is not None:
            if self.action not in PARTY_ACTIONS:
                raise ValueError(f"'in_force:' is the date a treaty entered into force for a party; a {self.action} has none")
            if self.date is not None and self.in_force.date < self.date:
                raise ValueError(f"in force for the State on {self.in_force.date}, before its {self.action} on {self.date}")

    @property
    def state(self) -> str:
        return self._filed_as[0] if self._filed_as else ""  # type: ignore[no-any-return]

    @property
    def treaty(self) -> str:
        return self._filed_as[1] if self._filed_as else ""  # type: ignore[no-any-return]

    @property
    def is_party(self) -> bool:
        return self.action in PARTY_ACTIONS

    def as_at(self, day: dt.date | None) -> tuple[Action, dt.date | None]:
        """What the State had done by ``day`` (action, date): a brief reports nothing done after its date.

        A ratification after ``day`` leaves the signature before it, if the
        catalog has one; any other later action leaves no action at all.
        """
        if day is None or self.date is None or self.date <= day:
            return self.action, self.date
        if self.signed is not None and self.signed.date <= day:
            return "signature", self.signed.date
        return "none", None

    def is_party_at(self, day: dt.date | None) -> bool:
        return self.as_at(day)[0] in PARTY_ACTIONS

    def summary(self) -> str:
        """``"accession 1981-09-14, confirmed"`` / ``"no action, confirmed as of 2016"``."""
        what = "no action" if self.action == "none" else f"{self.action} {self.date}"
        return f"{what}, {self.confidence}"


class CatalogFile(Located, frozen=True, kw_only=True):
    """One catalog file: the bundled ones, or a user's ``catalog.yaml`` beside a brief.

    ``articles`` adds articles to any treaty, bundled or not, without
    repeating the treaty.
    """

    treaties: dict[Identifier, Treaty] = {}
    articles: dict[Identifier, dict[ArticleRef, Article]] = {}
    states: dict[StateCode, State] = {}
    status: dict[StateCode, dict[Identifier, Status]] = {}


class BundledCatalogFile(CatalogFile, frozen=True, kw_only=True):
    """A bundled file; one of them dates the whole compilation."""

    as_of: Annotated[str, Meta(pattern=r"^\d{4}-\d{2}(-\d{2})?$", description="a year and month",
                               extra={"hint": "write YYYY-MM or YYYY-MM-DD"})] | None = None
    advice: str | None = None


def _roman_to_int(roman: str) -> int:
    values = {"I": 1, "V": 5, "X": 10, "L": 50}
    total = 0
    for here, after in zip(roman, roman[1:] + " "):
        total += -values[here] if values.get(after, 0) > values[here] else values[here]
    return total


DATA_DIR = Path(__file__).resolve().parent  # the bundled files below, read by briefbuilder.load.catalog
BUNDLED_FILES = ("treaties.yaml", "states.yaml", "status.yaml")
EXTENSION_FILE = "catalog.yaml"


@dataclass(frozen=True)
class Catalog:
    """Treaties, States and who is party to what, as of one compilation date."""

    as_of: str  # "2026-11": the month the bundled compilation was made
    advice: str  # shown with every status: re-check the UNTC page
    treaties: Mapping[str, Treaty]
    states: Mapping[str, State]
    statuses: Mapping[tuple[str, str], Status]  # (state code, treaty id) -> status

    def treaty(self, treaty_id: str, *, location: Location | None = None, field: str = "treaty") -> Treaty:
        """The treaty ``treaty_id``; unknown -> BriefError at ``location`` (where it was written)."""
        if treaty_id not in self.treaties:
            raise BriefError.at(location, field, f"unknown treaty '{treaty_id}'",
                                f"{did_you_mean(treaty_id, self.treaties)}; or add it to {EXTENSION_FILE} beside the brief")
        return self.treaties[treaty_id]

    def state(self, code: str, *, location: Location | None = None, field: str = "state") -> State:
        """The State ``code`` (ISO 3166-1 alpha-2, any case); unknown -> BriefError."""
        if code.upper() not in self.states:
            raise BriefError.at(location, field, f"the catalog has no state '{code}'",
                                f"{did_you_mean(code.upper(), self.states)}; or add it to {EXTENSION_FILE} beside the brief")
        return self.states[code.upper()]

    def status(self, state: str, treaty: str) -> Status | None:
        """What ``state`` has done about ``treaty``; None when the catalog does not say."""
        return self.statuses.get((state.upper(), treaty))

    def statuses_of(self, state: str | None = None) -> Iterator[Status]:
        """Status cells in catalog order (states, then treaties), optionally of one State."""
        for (code, _), status in self.statuses.items():
            if state is None or code == state.upper():
                yield status
