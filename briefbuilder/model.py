"""The typed brief: what the loader produces and every later stage reads.

Models are msgspec Structs: msgspec checks types and constraints in C, which
keeps a cold start and a 100,000-statistic brief cheap, and the loader
(:mod:`.load.located`) reports every invalid field at once with its line.
Models are frozen: once loaded, a brief is never changed, only copied
(:meth:`Located.replace`). Every model object remembers where it was written
(:meth:`Located.where`), so a check or a render error can point at ``brief.yaml:42``.

A field's rule that a type cannot say is data beside the type: ``Refine(fn)``
(applied to every value: normalise it or refuse it) or ``Explain(fn)`` (only
says why a value msgspec refused is wrong); patterns carry their description
and hint in ``Meta``.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from pathlib import PurePath
from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeVar, cast

import msgspec
from msgspec import Meta, Struct, field

from .errors import BriefError, Location, dotted

IDENTIFIER = r"^[A-Za-z0-9][A-Za-z0-9_.-]*$"
LANGUAGE = r"^[a-z]{2,3}$"
DATE_FORM = "YYYY-MM-DD, e.g. 2024-11-20"
LARGEST_FIGURE = 10**15  # no statistic about people or cases comes near it; Babel and k/N arithmetic stay cheap
MOST_DECIMALS = 6
# A figure written as text, with the separators of any locale: "81,4 %", "1,234.5", "59 600", "1.234.567".
_QUOTED_NUMBER = re.compile(r"\s*([-+]?[0-9](?:[0-9,.'\u00a0\u202f ]*[0-9])?)\s*(%|per ?cent|퍼센트|프로)?\s*",
                            re.IGNORECASE)
M = TypeVar("M", bound="Located")
W = TypeVar("W", bound="_Whereabouts")


class Refine:
    """A field's rule beyond its type, run on every value msgspec accepted: returns the value to keep, or
    raises ValueError saying what is wrong and how to write it. It is also asked why a refused raw value is wrong."""

    __slots__ = ("rule",)

    def __init__(self, rule: Callable[[Any], Any]) -> None:
        self.rule = rule


class Explain(Refine):
    """A rule msgspec's type already enforces; run only on a refused value, to say why in the user's terms."""

    __slots__ = ()


_IDENTIFIER = re.compile(IDENTIFIER)
_IDENTIFIER_HINT = "use letters, digits, '-', '_' and '.', starting with a letter or digit"
Identifier = Annotated[str, Meta(pattern=IDENTIFIER, description="a valid identifier", extra={"hint": _IDENTIFIER_HINT})]
LanguageCode = Annotated[str, Meta(pattern=LANGUAGE, description="a language code",
                                   extra={"hint": "use a two- or three-letter code in lower case: 'en', 'ko', ..."})]


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


_FLAG_WORDS = {"true": True, "yes": True, "on": True, "false": False, "no": False, "off": False}


def _flag(value: bool | str) -> bool:
    """A spreadsheet cell says yes or no as YAML 1.1 does ("yes", "no", "true", ...); YAML itself gives a bool."""
    if isinstance(value, bool):
        return value
    word = value.strip().lower()
    if word in _FLAG_WORDS:
        return _FLAG_WORDS[word]
    raise ValueError(f"'{value}' is not yes or no; write true or false")


if TYPE_CHECKING:  # what a field holds once its rule has run; msgspec reads the wider type it accepts
    Flag = bool
else:
    Flag = Annotated[bool | str, Refine(_flag)]
PlainDate = Annotated[dt.date, Explain(_plain_date)]  # msgspec takes a date or an ISO string, never a datetime
Count = Annotated[int, Meta(gt=-LARGEST_FIGURE, lt=LARGEST_FIGURE)]
Ordinal = Annotated[int, Meta(ge=1, le=1000, description="a session or cycle number, 1 or more")]

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

    They live in two slots beside the object's fields, so they take no part in
    equality and are never read from YAML. Copies and pickles keep them, with
    any other slot a model adds (a catalog entry's key, a brief's file name).
    """

    __slots__ = ("_located_map", "_located_path")

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
        return dotted(self.path)

    def _slot_values(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in _slot_names(type(self)) if hasattr(self, name)}

    def _parts(self) -> tuple[Callable[..., Any], tuple[Any, ...], dict[str, Any]]:
        """How to make this object again: a function, its arguments, and the slots to set after."""
        raise NotImplementedError

    def __reduce__(self) -> tuple[Any, ...]:
        return _restored, self._parts()

    def __copy__(self: W) -> W:
        return _restored(*self._parts())  # type: ignore[no-any-return]

    def __deepcopy__(self: W, memo: dict[int, Any]) -> W:
        import copy

        rebuild, arguments, slots = self._parts()
        return _restored(rebuild, copy.deepcopy(arguments, memo), slots)  # type: ignore[no-any-return]


_SLOT_NAMES: dict[type, tuple[str, ...]] = {}


def _slot_names(cls: type) -> tuple[str, ...]:
    """The slots our classes add beside a model's fields (location, key, file name), once per class."""
    names = _SLOT_NAMES.get(cls)
    if names is None:
        names = _SLOT_NAMES[cls] = tuple(
            name for base in cls.__mro__
            if issubclass(base, _Whereabouts) and not issubclass(base, (Struct, Text))
            for name in base.__dict__.get("__slots__", ()))
    return names


def set_slots(value: Any, slots: dict[str, Any]) -> None:
    """Set slots through their descriptors: a frozen Struct refuses ``object.__setattr__``."""
    mro = type(value).__mro__
    for name, slot_value in slots.items():
        next(base.__dict__[name] for base in mro if name in base.__dict__).__set__(value, slot_value)


def _restored(rebuild: Callable[..., Any], arguments: tuple[Any, ...], slots: dict[str, Any]) -> Any:
    value = rebuild(*arguments)
    set_slots(value, slots)
    return value


def _plain_data(value: Any) -> Any:
    """What msgspec cannot write as plain data by itself: a Text is its mapping, a path its text."""
    if isinstance(value, Text):
        return value.to_data()
    if isinstance(value, PurePath):
        return str(value)
    raise NotImplementedError(f"{type(value).__name__} is not model data")


_MAP_SLOT = _Whereabouts._located_map  # type: ignore[attr-defined]
_PATH_SLOT = _Whereabouts._located_path  # type: ignore[attr-defined]


def place(value: _Whereabouts, source_map: Any, path: tuple[str | int, ...]) -> None:
    """Tell a model object where it was written (set through the slots: models are frozen)."""
    _MAP_SLOT.__set__(value, source_map)
    _PATH_SLOT.__set__(value, path)


class Located(_Whereabouts, Struct, frozen=True, forbid_unknown_fields=True):
    """A model object that knows the file and line it was read from."""

    def _parts(self) -> tuple[Callable[..., Any], tuple[Any, ...], dict[str, Any]]:
        rebuild, arguments = cast("tuple[Callable[..., Any], tuple[Any, ...]]", Struct.__reduce__(self))
        return rebuild, arguments, self._slot_values()

    def replace(self: M, **changes: Any) -> M:
        """A copy with ``changes``, still located where this object was written. Nothing is validated
        here: a brief changed this way is validated as a new brief when a build receives it."""
        copied = msgspec.structs.replace(self, **changes)  # type: ignore[type-var]
        set_slots(copied, self._slot_values())  # type: ignore[attr-defined]
        return copied

    def to_data(self) -> Any:
        """This object as the plain data it was made from (dicts, lists, dates, Decimals), as brief.yaml holds it."""
        return msgspec.to_builtins(self, builtin_types=(dt.date, Decimal), enc_hook=_plain_data)


ANY_LANGUAGE = "*"  # the key of a text written once for every language (a name, an English-only title)


class Text(_Whereabouts):
    """Text per language: ``{en: ..., ko: ...}``.

    A plain string is accepted where the same text serves every language (a
    name, an English-only title): it is stored under ``"*"``.
    """

    __slots__ = ("root",)
    root: dict[str, str]

    def __init__(self, root: dict[str, str] | str) -> None:
        object.__setattr__(self, "root", {ANY_LANGUAGE: root} if isinstance(root, str) else root)

    @classmethod
    def parse(cls, value: Any) -> Text:
        """``value`` as a Text, or ValueError saying how to write one (the loader calls this for every Text field)."""
        if isinstance(value, Text):
            return value
        if isinstance(value, str):
            return cls(value)
        if not isinstance(value, dict) or not value:
            raise ValueError("write text, or text per language such as {en: ..., ko: ...}")
        for lang, text in value.items():
            if lang != ANY_LANGUAGE and not (isinstance(lang, str) and re.match(LANGUAGE, lang)):
                raise ValueError(f"'{lang}' is not a language code (use 'en', 'ko', ...)")
            if not isinstance(text, str):
                raise ValueError(f"the '{lang}' text must be text, not {type(text).__name__}")
        return cls(value)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("a Text is frozen; make a new one")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Text) and other.root == self.root

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Text({self.root!r})"

    def _parts(self) -> tuple[Callable[..., Any], tuple[Any, ...], dict[str, Any]]:
        return Text, (self.root,), self._slot_values()

    def to_data(self) -> dict[str, str]:
        return dict(self.root)

    def has(self, lang: str) -> bool:
        return lang in self.root or ANY_LANGUAGE in self.root

    def get(self, lang: str, *, fallback: bool = False) -> str:
        """The text in ``lang``; with ``fallback``, the original when no translation exists.

        Without a fallback a missing language is an input error pointing at
        this text, because a brief must never silently switch language.
        """
        if lang in self.root:
            return self.root[lang]
        if ANY_LANGUAGE in self.root:
            return self.root[ANY_LANGUAGE]
        if fallback and self.root:
            return next(iter(self.root.values()))
        raise BriefError.at(
            self.where(), self.field_name, f"no '{lang}' text",
            f"add a '{lang}:' entry, or drop '{lang}' from the languages to build",
        )


class Organisation(Located, frozen=True, kw_only=True):
    name: Text
    contact: str | None = None
    url: str | None = None
    mandate: Text | None = None  # who the organisation is and what it does: the UPR cover presents it
    consultative_status: Literal["general", "special", "roster"] | None = None  # with ECOSOC, if any


class Metadata(Located, frozen=True, kw_only=True):
    """The ``brief:`` block."""

    id: Identifier | None = None
    title: Text
    subtitle: Text | None = None
    organisation: Organisation
    date: PlainDate
    audience: Identifier = "general"
    languages: Annotated[list[LanguageCode], Meta(min_length=1)] = field(default_factory=lambda: ["en"])
    state: str | None = None  # the State the brief is about (ISO 3166-1 alpha-2)
    keywords: Text | None = None
    settings: dict[str, Any] = {}  # overrides of the audience pack
    fields: dict[str, Any] = {}  # values of the fields audience packs declare (checked per pack)


class Source(Located, frozen=True, kw_only=True):
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
    aliases: list[str] = []  # other names prose may give its publisher, author or relayed body (UNHCR, HCR)


def _as_text(value: Any) -> Any:
    """A page or paragraph written as a number (``page: 12``) is the text "12"."""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise ValueError("write it as text or a whole number, e.g. 12 or 'iv'")
    return str(value)


if TYPE_CHECKING:
    Locator = str
else:
    Locator = Annotated[str | int, Refine(_as_text)]


class SourceRef(Located, frozen=True, kw_only=True):
    """A pointer into a source: the source id plus page, paragraph, section, chapter or annex; or the article
    of a law ("3(1)": article 3, paragraph 1), a legal provision rather than a paragraph of a text."""

    id: Identifier
    article: Locator | None = None
    page: Locator | None = None
    paragraph: Locator | None = None
    section: Locator | None = None
    chapter: Locator | None = None
    annex: Locator | None = None

    @property
    def locator(self) -> tuple[tuple[str, str], ...]:
        return tuple(
            (kind, value)
            for kind, value in (("article", self.article), ("page", self.page), ("paragraph", self.paragraph),
                                ("section", self.section),
                                ("chapter", self.chapter), ("annex", self.annex))
            if value
        )


def _source_list(value: Any) -> list[SourceRef]:
    """Accept ``tjwg-2024``, ``{id: tjwg-2024, page: 3}`` or a list of either."""
    items = value if isinstance(value, list) else [value]
    refs = []
    for item in items:
        if isinstance(item, str):
            if not _IDENTIFIER.match(item):
                raise ValueError(f"'{item}' is not a valid identifier; {_IDENTIFIER_HINT}")
            item = SourceRef(id=item)
        refs.append(item)
    return refs


def _readings(number: str) -> list[str]:
    """What a number typed with a locale's separators means, as a brief writes it (a full stop for decimals).

    "81,4" is 81.4 (decimal comma: French, German, Spanish); "1,234.5" is 1234.5; "59 600" and
    "1.234.567" are grouped thousands. "1,234" alone could be either: both readings are given.
    """
    digits = re.sub(r"['\u00a0\u202f ]", "", number)
    if "," in digits and "." in digits:  # the later one is the decimal separator
        decimal, grouping = (",", ".") if digits.rfind(",") > digits.rfind(".") else (".", ",")
        return [digits.replace(grouping, "").replace(decimal, ".")]
    for mark in ",.":
        groups = digits.split(mark)
        if len(groups) == 1:
            continue
        thousands = all(len(group) == 3 for group in groups[1:]) and 1 <= len(groups[0].lstrip("+-")) <= 3
        whole = "".join(groups)
        if len(groups) == 2 and thousands:  # "1,234" or "1.234": a grouped thousand, or three decimals
            readings = [whole, f"{groups[0]}.{groups[1]}"]
            return readings if mark == "," else readings[::-1]  # the reading English would mean first
        if len(groups) == 2:
            return [f"{groups[0]}.{groups[1]}"]
        return [whole]
    return [digits]


def _number(value: Any) -> Decimal | int:
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
        written = " or ".join(f"'value: {reading}'" for reading in _readings(number))
        raise ValueError(f"'{value}' is text, not a number; write {written}{unit}, "
                         "without quotes" + (" or a per cent sign" if sign else ""))
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)) or not Decimal(value).is_finite():
        raise ValueError("must be a number such as 81.4 or 113 (in YAML, written without quotes)")
    if abs(value) >= LARGEST_FIGURE:
        raise ValueError(f"{value} is too large for a statistic (the limit is {LARGEST_FIGURE:.0e})")
    if isinstance(value, Decimal) and -value.as_tuple().exponent > MOST_DECIMALS:  # type: ignore[operator]
        raise ValueError(f"{value} has more than {MOST_DECIMALS} decimal places; round it as the source does")
    return value


if TYPE_CHECKING:
    Figure = Decimal | int
    SourceRefs = list[SourceRef]
else:
    Figure = Annotated[Any, Refine(_number)]  # _number takes any input, to refuse text in words
    # A lone id is a plain str here, its pattern checked by _source_list: msgspec 0.22 corrupts memory
    # (a crash, at the latest at exit) for a union of a list and a str with a pattern.
    SourceRefs = Annotated[list[SourceRef | Identifier] | SourceRef | str, Refine(_source_list)]


class Statistic(Located, frozen=True, kw_only=True):
    id: Identifier
    value: Figure
    unit: Unit
    qualifier: Qualifier | None = None
    base: Count | Identifier | None = None  # N that a percentage is of: a number or a statistic id
    count: Count | None = None  # k of N, when a percentage is given with its count
    # What k counts, when not what N counts: 1,544 persons recognised of 57,000 applications (cases).
    count_unit: Unit | None = None
    as_of: PlainDate | None = None
    sources: SourceRefs = []
    status: VerificationStatus = "unverified"
    label: Text


class Group(Located, frozen=True, kw_only=True):
    """Statistics that are shares of one whole (e.g. men and women)."""

    id: Identifier
    parts: Annotated[list[Identifier], Meta(min_length=2)]
    exhaustive: Flag = True  # the parts cover the whole: shares sum to 100%


class Section(Located, frozen=True, kw_only=True):
    id: Identifier
    heading: Text
    text: Text
    article: str | None = None  # treaty article the section is organised under


class Claim(Located, frozen=True, kw_only=True):
    """A statement of treaty status made by the brief, checked against the catalog."""

    state: str
    treaty: Identifier
    party: Flag
    since: PlainDate | None = None


class Submitter(Located, frozen=True, kw_only=True):
    """Who submits a WGEID case; ``confidential`` keeps them out of every other audience's output."""

    name: Text
    relationship: Text | None = None  # to the disappeared person, e.g. "mother" or "NGO"
    contact: str | None = None
    confidential: Flag = False


class Case(Located, frozen=True, kw_only=True):
    """An individual case for the WGEID.

    Every element is optional here so that ``check`` can name each missing
    one (constraints.case-elements) instead of the loader failing on the first.
    """

    name: Text | None = None  # (a) full name of the disappeared person
    nationality: Text | None = None  # (a) identity data the Working Group's form asks for
    date_of_birth: PlainDate | None = None  # (a) the full date; the form asks for day, month and year
    identity: Text | None = None  # sex, occupation, anything else that identifies
    date: PlainDate | None = None  # (b) year, month and day of the disappearance
    place: Text | None = None  # (c) place of arrest or abduction, or where last seen
    responsible: Text | None = None  # (d) who is believed to have carried out the arrest or abduction
    circumstances: Text | None = None
    steps: list[Text] = []  # (e) steps taken by relatives or others to locate the person
    submitter: Submitter | None = None  # (f)
    illustrative: Flag = False  # an example person, not a real case: built as a specimen, every page marked


class FollowUp(Located, frozen=True, kw_only=True):
    """A recommendation of the previous UPR cycle and how far it was implemented."""

    number: str | None = None  # paragraph in the Working Group's report, e.g. "126.45"
    recommendation: Text
    by: Text | None = None  # recommending State(s)
    response: Literal["accepted", "noted"]
    assessment: Text
    illustrative: Flag = False  # example data, not the real matrix: refuses a final build


class Question(Located, frozen=True, kw_only=True):
    """A question the brief suggests a treaty body put to the State (list of issues)."""

    article: str | None = None
    text: Text


class Submission(Located, frozen=True, kw_only=True):
    """Where a UN submission goes: the cycle and session, its co-submitters, its follow-up data."""

    cycle: Ordinal | None = None  # UPR cycle
    session: Ordinal | None = None  # UPR Working Group session, or the treaty body's session
    date: PlainDate | None = None  # the day the submission is sent, when not the brief's own date
    report: Text | None = None  # treaty body: the State report or procedure concerned (e.g. "fifth periodic report")
    body: Text | None = None  # the treaty body, e.g. Human Rights Committee
    partners: list[Organisation] = []  # co-submitters: the submission is joint
    follow_up: list[FollowUp] = []
    questions: list[Question] = []


class Briefing(Located, frozen=True, kw_only=True):
    """Short points for a government briefing, in the register a ministry reads (개조식 in Korean)."""

    summary: list[Text] = []
    issue: Text | None = None
    background: list[Text] = []
    figures: list[Identifier] = []  # key statistics listed under the background
    considerations: list[Text] = []
    recommendations: list[Text] = []


class _BriefFile(_Whereabouts):
    """What a brief knows beside its fields: its file name and folder, and its lookup index."""

    __slots__ = ("_name", "_directory", "_index")


class Brief(_BriefFile, Located, frozen=True, kw_only=True, gc=True, weakref=True):
    """A whole brief, as loaded from one YAML file.

    Weakly referable, so the loader can remember
    which brief objects it validated (``load.brief.is_validated``).
    """

    brief: Metadata
    sources: list[Source] = []
    statistics: list[Statistic] = []
    groups: list[Group] = []
    summary: Text | None = None
    sections: list[Section] = []
    recommendations: list[Text] = []
    claims: list[Claim] = []
    submission: Submission | None = None
    case: Case | None = None  # an individual case (WGEID)
    briefing: Briefing | None = None

    def __repr__(self) -> str:  # one line: the whole brief is its YAML, or msgspec.to_builtins(brief)
        return (f"<Brief {self.name!r}: {len(self.statistics)} statistic(s), {len(self.sources)} source(s), "
                f"{len(self.sections)} section(s)>")

    def remember_file(self, name: str, directory: Any) -> None:
        """Set the file name and folder the brief was read from (the loader's job)."""
        set_slots(self, {"_name": name, "_directory": directory})

    @property
    def name(self) -> str:
        """File stem for outputs: the brief's id, else its file or folder name."""
        return self.brief.id or self.file_name

    @property
    def file_name(self) -> str:
        """The brief's file or folder name ("brief" for one made in Python)."""
        return getattr(self, "_name", "brief")

    @property
    def directory(self) -> Any:
        """The folder the brief was read from (for catalog extensions, user packs)."""
        return getattr(self, "_directory", None)

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
        :meth:`replace` never answers from its original's lists.
        """
        index = getattr(self, "_index", None)
        if index is None or index[0] is not self.sources or index[1] is not self.statistics:
            index = (self.sources, self.statistics,
                     {s.id: s for s in reversed(self.sources)}, {s.id: s for s in reversed(self.statistics)})
            set_slots(self, {"_index": index})
        return index

    def count_of(self, statistic: Statistic) -> int | None:
        """k of N for a percentage with a base: as given, else derived (half-up)."""
        base = self.base_of(statistic)
        if statistic.unit != "percent" or base is None:
            return None
        if statistic.count is not None:
            return statistic.count
        return int((Decimal(statistic.value) * base / 100).quantize(Decimal(1), ROUND_HALF_UP))

    def base_unit_of(self, statistic: Statistic) -> Unit:
        """The unit N of "k of N" counts in: its base statistic's unit; "number" for a base given as a bare number."""
        base = self.statistic(statistic.base) if isinstance(statistic.base, str) else None
        return base.unit if base is not None else "number"

    def count_unit_of(self, statistic: Statistic) -> Unit:
        """The unit k of "k of N" counts in: the percentage's own ``count_unit``, else its base's unit."""
        return statistic.count_unit if statistic.count_unit is not None else self.base_unit_of(statistic)

    def base_of(self, statistic: Statistic) -> int | None:
        """The N of a percentage, following a base given as a statistic id."""
        base = statistic.base
        if isinstance(base, str):
            referenced = self.statistic(base)
            return int(referenced.value) if referenced is not None else None
        return base
