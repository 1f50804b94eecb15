"""How a language writes figures in prose, read from ``locales/<code>/prose-figures.yaml``.

The prose checks (``check/prose_figures.py``) find the numbers an author
writes, tell a date or an article number from a figure, find the group that
frames a share and the body a figure is attributed to. All of that differs by
language, so it is data: each language's folder brings its own file, and a
new language brings its phrases without touching code. Each list is compiled
here into one expression per language, so a brief is read once per rule.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import BriefError
from ..resources import data_dir
from .confine import confined_file
from .yamlsource import SourceMap, read_yaml

PROSE_FIGURES = "prose-figures.yaml"
_FLAGS = re.IGNORECASE | re.MULTILINE
_SIDES = ("before", "after")


@dataclass(frozen=True, eq=False)
class ProseFigures:
    """One language's ways of writing figures, compiled."""

    code: str
    number: re.Pattern[str]  # a number as the language writes it: 1,234.5 / 1 234,5
    decimal: str
    group: tuple[str, ...]
    percent: re.Pattern[str]  # what turns the number before it into a percentage: %, per cent
    not_figures: re.Pattern[str]  # dates, years, ordinals, article numbers, ages
    deadlines: re.Pattern[str] | None  # "within 30 days": exempt in recommendations
    framing: re.Pattern[str] | None  # "Of the 113 victims," with named groups group0, group1, ...
    common_words: frozenset[str]
    qualifiers: re.Pattern[str] | None  # "aged 0 to 9", "10세 미만"
    group_noun: str  # where a label's group noun sits: "before" or "after" its qualifier
    words_take_suffixes: bool  # Korean: particles attach to the noun (아동이), so a noun may start a word
    attribution_markers: tuple[str, ...]
    attribution: re.Pattern[str] | None  # "according to <body>", with named groups body0, body1, ...
    not_names: frozenset[str]
    articles: tuple[str, ...]
    unit_nouns: dict[str, frozenset[str]]  # unit -> the nouns a count of it prints
    participle_endings: tuple[str, ...]  # a label's word with one of these endings describes; it is not a noun
    label_units: dict[str, re.Pattern[str]]  # unit -> the words of a label that say its figure counts that unit
    recommendation_subject: re.Pattern[str] | None  # the addressee of a recommendation, named groups subject0, ...
    other_addressees: tuple[str, ...]  # bodies a recommendation to the State under review is not addressed to

    def value(self, written: str) -> Decimal:
        """The number ``written`` (as :attr:`number` matched it) as a Decimal."""
        plain = written
        for separator in self.group:
            plain = plain.replace(separator, "")
        return Decimal(plain.replace(self.decimal, "."))

    def parse(self, written: str) -> Decimal | None:
        """``written`` as a number of this language, or None when it is not one."""
        match = self.number.fullmatch(written.strip())
        if match is None:
            return None
        try:
            return self.value(match.group())
        except InvalidOperation:
            return None


def prose_figures_for(search_path: Sequence[Path] = ()) -> dict[str, ProseFigures]:
    """Every language with a prose-figures file on ``search_path`` (default: the package's), first folder wins."""
    roots = tuple(Path(root) for root in search_path) or (data_dir("locales"),)
    found: dict[str, ProseFigures] = {}
    for root in roots:
        for path in sorted(root.glob(f"*/{PROSE_FIGURES}")):
            code = path.parent.name
            if code not in found:
                confined_file(root, path, what=f"prose figures file of '{code}'")
                found[code] = _load(path)
    return found


@lru_cache(maxsize=32)
def _load(path: Path) -> ProseFigures:
    data, source_map = read_yaml(path)
    reader = _Reader(data if isinstance(data, dict) else {}, source_map)
    if not isinstance(data, dict):
        raise reader.error((), "the file must be a mapping of settings", f"copy locales/en/{PROSE_FIGURES}")
    decimal = reader.text("decimal")
    group = reader.texts("group")
    digits = r"\d"
    grouped = "|".join(re.escape(separator) for separator in group)
    number = (rf"(?<![\w.,/]){digits}{{1,3}}(?:(?:{grouped}){digits}{{3}})+(?:{re.escape(decimal)}{digits}+)?(?!\d)"
              rf"|(?<![\w.,/]){digits}+(?:{re.escape(decimal)}{digits}+)?(?!\d)") if group else \
        rf"(?<![\w.,/]){digits}+(?:{re.escape(decimal)}{digits}+)?(?!\d)"
    attribution = reader.mapping("attribution")
    sub = _Reader(attribution, source_map, ("attribution",))
    recommendations = _Reader(reader.mapping("recommendations"), source_map, ("recommendations",))
    side = reader.text("group_noun")
    if side not in _SIDES:
        raise reader.error(("group_noun",), f"'{side}' is not 'before' or 'after'",
                           "say where a label's group noun sits next to its qualifier")
    return ProseFigures(
        code=path.parent.name,
        number=re.compile(number),
        decimal=decimal,
        group=tuple(group),
        percent=re.compile(r"[ \u00a0\u202f]*(?:" + "|".join(re.escape(p) for p in reader.texts("percent")) + ")",
                           re.IGNORECASE),
        not_figures=reader.patterns(("not_figures", kind) for kind in reader.mapping("not_figures")),
        deadlines=reader.optional_patterns("deadlines"),
        framing=reader.optional_patterns("framing", named="group"),
        common_words=frozenset(word.casefold() for word in reader.texts("common_words")),
        qualifiers=reader.optional_patterns("qualifiers"),
        group_noun=side,
        words_take_suffixes=bool(data.get("words_take_suffixes", False)),
        attribution_markers=tuple(sub.texts("markers")),
        attribution=sub.optional_patterns("patterns", named="body"),
        not_names=frozenset(name.casefold() for name in sub.texts("not_names")),
        articles=tuple(article.casefold() for article in sub.texts("articles")),
        unit_nouns={unit: frozenset(noun.casefold() for noun in reader.texts(("unit_nouns", unit)))
                    for unit in reader.mapping("unit_nouns")},
        participle_endings=tuple(ending.casefold() for ending in reader.texts("participle_endings")),
        label_units={unit: reader.patterns([("label_units", unit)]) for unit in reader.mapping("label_units")},
        recommendation_subject=recommendations.optional_patterns("subject", named="subject"),
        other_addressees=tuple(recommendations.texts("other_addressees")),
    )


class _Reader:
    """Typed reads of the file's settings, each error located at the key it is about."""

    def __init__(self, data: dict[str, Any], source_map: SourceMap, prefix: tuple[str, ...] = ()) -> None:
        self.data, self.source_map, self.prefix = data, source_map, prefix

    def error(self, key: tuple[str | int, ...], message: str, hint: str) -> BriefError:
        path = (*self.prefix, *key)
        return BriefError.at(self.source_map.locate(*path), ".".join(map(str, path)) or PROSE_FIGURES, message, hint)

    def _get(self, key: str | tuple[str, ...]) -> tuple[tuple[str, ...], Any]:
        keys = (key,) if isinstance(key, str) else key
        value: Any = self.data
        for part in keys:
            value = value.get(part) if isinstance(value, dict) else None
        return keys, value

    def text(self, key: str) -> str:
        keys, value = self._get(key)
        if not isinstance(value, str) or not value:
            raise self.error(keys, "must be text", f"write {key}: \"...\" (see locales/en/{PROSE_FIGURES})")
        return value

    def texts(self, key: str | tuple[str, ...]) -> list[str]:
        keys, value = self._get(key)
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(item, str) and item for item in value):
            raise self.error(keys, "must be a list of texts", "write [first, second, ...]")
        return value

    def mapping(self, key: str) -> dict[str, Any]:
        keys, value = self._get(key)
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise self.error(keys, "must be a mapping", f"see locales/en/{PROSE_FIGURES}")
        return value

    def patterns(self, keys: Any, named: str | None = None) -> re.Pattern[str]:
        """One expression for every pattern listed under ``keys``; ``named`` groups are numbered apart."""
        alternatives: list[str] = []
        for key in keys:
            for index, pattern in enumerate(self.texts(key)):
                where = (*((key,) if isinstance(key, str) else key), index)
                try:
                    compiled = re.compile(pattern, _FLAGS)
                except re.error as error:
                    raise self.error(where, f"not a regular expression: {error}",
                                     "fix the pattern (Python's re syntax)") from None
                if named is not None:
                    if named not in compiled.groupindex:
                        raise self.error(where, f"the pattern has no group (?P<{named}>...)",
                                         f"capture the {named} it finds with (?P<{named}>...)")
                    pattern = pattern.replace(f"(?P<{named}>", f"(?P<{named}{len(alternatives)}>")
                alternatives.append(f"(?:{pattern})")
        return re.compile("|".join(alternatives) or r"(?!)", _FLAGS)

    def optional_patterns(self, key: str, named: str | None = None) -> re.Pattern[str] | None:
        return self.patterns([key], named) if self.texts(key) else None


def named_group(match: re.Match[str], name: str) -> tuple[int, int] | None:
    """(start, end) of whichever numbered ``name`` group (group0, group1, ...) took part in ``match``."""
    for key, value in match.groupdict().items():
        if value is not None and key.rstrip("0123456789") == name:
            return match.span(key)
    return None
