"""The typed brief: what the loader produces and every later stage reads.

Models are pydantic classes (validation with precise error locations comes for
free) and they are frozen: once loaded, a brief is never changed. Every model
object remembers where it was written (:meth:`Located.where`), so a check or a
render error can point at ``brief.yaml:42``.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from decimal import ROUND_HALF_UP, Decimal
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PrivateAttr, RootModel, field_validator

from .errors import BriefError, Location

IDENTIFIER = r"^[A-Za-z0-9][A-Za-z0-9_.-]*$"
LANGUAGE = r"^[a-z]{2,3}$"
Identifier = Annotated[str, Field(pattern=IDENTIFIER)]
LanguageCode = Annotated[str, Field(pattern=LANGUAGE)]
DATE_FORM = "YYYY-MM-DD, e.g. 2024-11-20"
LARGEST_FIGURE = 10**15  # no statistic about people or cases comes near it; Babel and k/N arithmetic stay cheap
MOST_DECIMALS = 6
_QUOTED_NUMBER = re.compile(r"\s*([-+]?[0-9][0-9,]*(?:\.[0-9]+)?)\s*(%|per ?cent|퍼센트|프로)?\s*", re.IGNORECASE)


def _plain_date(value: Any) -> Any:
    """A calendar date and nothing more: a time or a zone would make 'as of' mean two things."""
    if isinstance(value, dt.datetime):
        raise ValueError(f"'{value.isoformat()}' has a time or a time zone; write the date alone as {DATE_FORM}")
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"'{value}' is not a real date; write it as {DATE_FORM}") from None
    raise ValueError(f"'{value}' is not a date; write it as {DATE_FORM}")


PlainDate = Annotated[dt.date, BeforeValidator(_plain_date)]
Count = Annotated[int, Field(gt=-LARGEST_FIGURE, lt=LARGEST_FIGURE)]

Unit = Literal["persons", "cases", "interviews", "incidents", "percent", "number"]
VerificationStatus = Literal["verified", "reported", "unverified"]
Qualifier = Literal["about", "more-than", "at-least", "fewer-than", "up-to"]
SourceKind = Literal[
    "report", "news", "un-document", "government-data", "interview",
    "legal", "academic", "website", "other",
]
STATUS_RANK: dict[str, int] = {"unverified": 0, "reported": 1, "verified": 2}


class _Whereabouts:
    """Where a model object was written: the loader files its source map and path (:func:`place`).

    They live in two slots of each object (``_located_map``, ``_located_path``)
    rather than in pydantic private attributes, which cost a dict per object: a
    brief of 100,000 statistics has over 400,000 model objects. Copies and
    pickles keep them, as they kept private attributes.
    """

    __slots__ = ()

    def where(self, *field: str | int) -> Location | None:
        """Location of this object, or of one of its fields."""
        source_map = self._source_map
        if source_map is None:
            return None
        return source_map.locate(*self.path, *field)

    @property
    def _source_map(self) -> Any:
        """The source map of the file this object was read from (None for an object made in Python)."""
        return getattr(self, "_located_map", None)

    @property
    def path(self) -> tuple[str | int, ...]:
        return getattr(self, "_located_path", ())

    @property
    def field_name(self) -> str:
        """The dotted field path, e.g. ``statistics[3].label``."""
        from .load.yamlsource import dotted

        return dotted(self.path)

    def __copy__(self) -> Any:
        copied = super().__copy__()  # type: ignore[misc]
        place(copied, self._source_map, self.path)
        return copied

    def __deepcopy__(self, memo: dict[int, Any] | None = None) -> Any:
        copied = super().__deepcopy__(memo)  # type: ignore[misc]
        place(copied, self._source_map, self.path)
        return copied

    def __getstate__(self) -> dict[Any, Any]:
        return {**super().__getstate__(), _WHEREABOUTS: (self._source_map, self.path)}  # type: ignore[misc,dict-item]

    def __setstate__(self, state: dict[Any, Any]) -> None:
        source_map, path = state.get(_WHEREABOUTS, (None, ()))
        super().__setstate__({key: value for key, value in state.items() if key != _WHEREABOUTS})  # type: ignore[misc]
        place(self, source_map, path)


_WHEREABOUTS = "__whereabouts__"
_LOCATED_SLOTS = ("_located_map", "_located_path")


def place(value: _Whereabouts, source_map: Any, path: tuple[str | int, ...]) -> None:
    """Tell a model object where it was written (frozen models are set through ``object``)."""
    object.__setattr__(value, "_located_map", source_map)
    object.__setattr__(value, "_located_path", path)


class Located(_Whereabouts, BaseModel):
    """A model object that knows the file and line it was read from."""

    __slots__ = _LOCATED_SLOTS
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class Text(_Whereabouts, RootModel[dict[str, str]]):
    """Text per language: ``{en: ..., ko: ...}``.

    A plain string is accepted where the same text serves every language (a
    name, an English-only title): it is stored under ``"*"``.
    """

    __slots__ = _LOCATED_SLOTS
    model_config = ConfigDict(frozen=True, defer_build=True)

    @field_validator("root", mode="before")
    @classmethod
    def _plain_string(cls, value: Any) -> Any:
        return {"*": value} if isinstance(value, str) else value

    @field_validator("root")
    @classmethod
    def _languages(cls, value: dict[str, str]) -> dict[str, str]:
        for lang in value:
            if lang != "*" and not re.match(LANGUAGE, lang):
                raise ValueError(f"'{lang}' is not a language code (use 'en', 'ko', ...)")
        return value

    def has(self, lang: str) -> bool:
        return lang in self.root or "*" in self.root

    def get(self, lang: str, *, fallback: bool = False) -> str:
        """The text in ``lang``; with ``fallback``, the original when no translation exists.

        Without a fallback a missing language is an input error pointing at
        this text, because a brief must never silently switch language.
        """
        if lang in self.root:
            return self.root[lang]
        if "*" in self.root:
            return self.root["*"]
        if fallback and self.root:
            return next(iter(self.root.values()))
        raise BriefError.at(
            self.where(), self.field_name, f"no '{lang}' text",
            f"add a '{lang}:' entry, or drop '{lang}' from the languages to build",
        )


class Organisation(Located):
    name: Text
    contact: str | None = None
    url: str | None = None


class Metadata(Located):
    """The ``brief:`` block."""

    id: Identifier | None = None
    title: Text
    subtitle: Text | None = None
    organisation: Organisation
    date: PlainDate
    audience: Identifier = "general"
    languages: list[LanguageCode] = Field(default_factory=lambda: ["en"], min_length=1)
    state: str | None = None  # the State the brief is about (ISO 3166-1 alpha-2)
    keywords: Text | None = None
    settings: dict[str, Any] = Field(default_factory=dict)  # overrides of the audience pack
    fields: dict[str, Any] = Field(default_factory=dict)  # values of the fields audience packs declare (checked per pack)


class Source(Located):
    id: Identifier
    kind: SourceKind
    title: Text
    short: Text | None = None  # short title for later citations
    publisher: Text | None = None
    author: Text | None = None
    date: PlainDate | None = None
    url: str | None = None
    symbol: str | None = None  # UN document symbol, e.g. A/HRC/25/63
    relays: Text | None = None  # whose figures this source reports (e.g. a news item relaying Human Rights Watch)


class SourceRef(Located):
    """A pointer into a source: the source id plus page, paragraph, section, chapter or annex."""

    id: Identifier
    page: str | None = None
    paragraph: str | None = None
    section: str | None = None
    chapter: str | None = None
    annex: str | None = None

    @field_validator("page", "paragraph", "section", "chapter", "annex", mode="before")
    @classmethod
    def _as_text(cls, value: Any) -> Any:
        return str(value) if isinstance(value, (int, Decimal)) else value

    @property
    def locator(self) -> tuple[tuple[str, str], ...]:
        return tuple(
            (kind, value)
            for kind, value in (("page", self.page), ("paragraph", self.paragraph), ("section", self.section),
                                ("chapter", self.chapter), ("annex", self.annex))
            if value
        )


class Statistic(Located):
    id: Identifier
    value: Decimal | int
    unit: Unit
    qualifier: Qualifier | None = None
    base: Count | Identifier | None = None  # N that a percentage is of: a number or a statistic id
    count: Count | None = None  # k of N, when a percentage is given with its count
    as_of: PlainDate | None = None
    sources: list[SourceRef] = Field(default_factory=list)
    status: VerificationStatus = "unverified"
    label: Text

    @field_validator("sources", mode="before")
    @classmethod
    def _source_forms(cls, value: Any) -> Any:
        """Accept ``tjwg-2024``, ``{id: tjwg-2024, page: 3}`` or a list of either."""
        items = value if isinstance(value, list) else [value]
        return [{"id": item} if isinstance(item, str) else item for item in items]

    @field_validator("value", mode="before")
    @classmethod
    def _number(cls, value: Any) -> Any:
        """int and Decimal as given; a float through its shortest repr (81.4 stays 81.4, 113.0 becomes 113).

        A float cannot say how many decimals were meant, so a whole one is
        read as a whole number; pass a Decimal or a string to keep "113.0".
        A figure written as text ("81.4%") is refused with the form to write instead.
        """
        if isinstance(value, float) and math.isfinite(value):
            value = int(value) if value.is_integer() else Decimal(repr(value))
        if isinstance(value, str) and (quoted := _QUOTED_NUMBER.fullmatch(value)):
            number, sign = quoted.groups()
            unit = " and 'unit: percent'" if sign else ""
            raise ValueError(f"'{value}' is text, not a number; write 'value: {number.replace(',', '')}'{unit}, "
                             "without quotes" + (" or a per cent sign" if sign else ""))
        if isinstance(value, bool) or not isinstance(value, (int, Decimal)) or not Decimal(value).is_finite():
            raise ValueError("must be a number such as 81.4 or 113 (in YAML, written without quotes)")
        if abs(value) >= LARGEST_FIGURE:
            raise ValueError(f"{value} is too large for a statistic (the limit is {LARGEST_FIGURE:.0e})")
        if isinstance(value, Decimal) and -value.as_tuple().exponent > MOST_DECIMALS:  # type: ignore[operator]
            raise ValueError(f"{value} has more than {MOST_DECIMALS} decimal places; round it as the source does")
        return value


class Group(Located):
    """Statistics that are shares of one whole (e.g. men and women)."""

    id: Identifier
    parts: list[Identifier] = Field(min_length=2)
    exhaustive: bool = True  # the parts cover the whole: shares sum to 100%


class Section(Located):
    id: Identifier
    heading: Text
    text: Text
    article: str | None = None  # treaty article the section is organised under


class Claim(Located):
    """A statement of treaty status made by the brief, checked against the catalog."""

    state: str
    treaty: Identifier
    party: bool
    since: PlainDate | None = None


class Submitter(Located):
    """Who submits a WGEID case; ``confidential`` keeps them out of every other audience's output."""

    name: Text
    relationship: Text | None = None  # to the disappeared person, e.g. "mother" or "NGO"
    contact: str | None = None
    confidential: bool = False


class Case(Located):
    """An individual case for the WGEID.

    Every element is optional here so that ``check`` can name each missing
    one (constraints.case-elements) instead of the loader failing on the first.
    """

    name: Text | None = None  # (a) full name of the disappeared person
    identity: Text | None = None  # date of birth, nationality, occupation: anything that identifies
    date: PlainDate | None = None  # (b) year, month and day of the disappearance
    place: Text | None = None  # (c) place of arrest or abduction, or where last seen
    responsible: Text | None = None  # (d) who is believed to have carried out the arrest or abduction
    circumstances: Text | None = None
    steps: list[Text] = Field(default_factory=list)  # (e) steps taken by relatives or others to locate the person
    submitter: Submitter | None = None  # (f)


class FollowUp(Located):
    """A recommendation of the previous UPR cycle and how far it was implemented."""

    number: str | None = None  # paragraph in the Working Group's report, e.g. "126.45"
    recommendation: Text
    by: Text | None = None  # recommending State(s)
    response: Literal["accepted", "noted"]
    assessment: Text
    illustrative: bool = False  # example data, not the real matrix: marked in every output


class Question(Located):
    """A question the brief suggests a treaty body put to the State (list of issues)."""

    article: str | None = None
    text: Text


class Submission(Located):
    """Where a UN submission goes: the cycle and session, its co-submitters, its follow-up data."""

    cycle: int | None = None  # UPR cycle
    session: int | None = None  # UPR Working Group session
    body: Text | None = None  # the treaty body, e.g. Human Rights Committee
    partners: list[Organisation] = Field(default_factory=list)  # co-submitters: the submission is joint
    follow_up: list[FollowUp] = Field(default_factory=list)
    questions: list[Question] = Field(default_factory=list)


class Briefing(Located):
    """Short points for a government briefing, in the register a ministry reads (개조식 in Korean)."""

    summary: list[Text] = Field(default_factory=list)
    issue: Text | None = None
    background: list[Text] = Field(default_factory=list)
    figures: list[Identifier] = Field(default_factory=list)  # key statistics listed under the background
    considerations: list[Text] = Field(default_factory=list)
    recommendations: list[Text] = Field(default_factory=list)


class Brief(Located):
    """A whole brief, as loaded from one YAML file."""

    brief: Metadata
    sources: list[Source] = Field(default_factory=list)
    statistics: list[Statistic] = Field(default_factory=list)
    groups: list[Group] = Field(default_factory=list)
    summary: Text | None = None
    sections: list[Section] = Field(default_factory=list)
    recommendations: list[Text] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    submission: Submission | None = None
    case: Case | None = None  # an individual case (WGEID)
    briefing: Briefing | None = None
    _name: str = PrivateAttr(default="brief")
    _directory: Any = PrivateAttr(default=None)
    _index: tuple[Any, Any, dict[str, Source], dict[str, Statistic]] | None = PrivateAttr(default=None)

    @property
    def name(self) -> str:
        """File stem for outputs: the brief's id, else its file or folder name."""
        return self.brief.id or self._name

    @property
    def directory(self) -> Any:
        """The folder the brief was read from (for catalog extensions, user packs)."""
        return self._directory

    @property
    def joint_submission(self) -> bool:
        """Co-submitters are named (submission.partners): the audience's joint word limit applies."""
        return bool(self.submission and self.submission.partners)

    def source(self, source_id: str) -> Source | None:
        return self._indexes()[2].get(source_id)

    def statistic(self, statistic_id: str) -> Statistic | None:
        return self._indexes()[3].get(statistic_id)

    def _indexes(self) -> tuple[Any, Any, dict[str, Source], dict[str, Statistic]]:
        """Sources and statistics by id, built once: every reference is a lookup, not a scan.

        The index remembers which lists it was built from, so a copy made with
        ``model_copy(update=...)`` never answers from its original's lists.
        """
        index = self._index
        if index is None or index[0] is not self.sources or index[1] is not self.statistics:
            index = (self.sources, self.statistics,
                     {s.id: s for s in reversed(self.sources)}, {s.id: s for s in reversed(self.statistics)})
            self._index = index
        return index

    def count_of(self, statistic: Statistic) -> int | None:
        """k of N for a percentage with a base: as given, else derived (half-up)."""
        base = self.base_of(statistic)
        if statistic.unit != "percent" or base is None:
            return None
        if statistic.count is not None:
            return statistic.count
        return int((Decimal(statistic.value) * base / 100).quantize(Decimal(1), ROUND_HALF_UP))

    def base_of(self, statistic: Statistic) -> int | None:
        """The N of a percentage, following a base given as a statistic id."""
        base = statistic.base
        if isinstance(base, str):
            referenced = self.statistic(base)
            return int(referenced.value) if referenced is not None else None
        return base
