"""Safe, bounded YAML reading that remembers where every value came from.

Briefs, audience packs, locale files and catalog extensions may come from
someone else, so the reader treats every file as hostile:

- it builds plain data straight from the parser's event stream (libyaml's C
  parser when PyYAML has it), never Python objects: any tag other than YAML's
  standard ones (``!!python/...``, ``!custom``) is refused wherever it appears;
- aliases may add at most :data:`ALIAS_NODE_BUDGET` nodes to what the file
  spells out, and nesting may go :data:`MAX_DEPTH` levels deep, so a few
  kilobytes of nested anchors ("billion laughs") are refused in milliseconds
  instead of filling memory;
- one value holds at most :data:`MAX_TEXT_CHARS` characters;
- control characters, lone surrogates and bidirectional overrides are refused
  with file, line and column, in the raw text and in escaped scalars alike;
- all text is put in Unicode NFC, so the same name typed on two systems is one name;
- every reader, scanner and parser error becomes a located :class:`BriefError`.

Positions are kept in a :class:`SourceMap`, a few bytes per value, and looked
up by the value's path (``("statistics", 3, "value")``) so validation errors
and check findings can say ``brief.yaml:42``. Floats are read as :class:`~decimal.Decimal` from their
text, because the precision a figure is reported with ("81.40" vs "81.4") is
part of the claim.
"""

from __future__ import annotations

import copy
import re
import unicodedata
from array import array
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import partial
from pathlib import Path
from typing import Any, BinaryIO

import yaml

from ..errors import BriefError, Location, Problem, dotted

Path_ = tuple[str | int, ...]

ALIAS_NODE_BUDGET = 100_000
"""Nodes that aliases may add in one file (an alias of a 10-node mapping adds 10)."""
MAX_DEPTH = 64
"""Deepest nesting of mappings and sequences a file may use (a brief needs about 6)."""
MAX_TEXT_CHARS = 16_000_000
"""Longest single value (a paragraph of a brief is a few thousand characters); far below libxml2's
1 GB ceiling for one text node, so whatever is loaded can be written whole into a .docx."""
MAX_PROBLEMS = 20

_YAML = "tag:yaml.org,2002:"
_SCALAR_TAGS = frozenset(_YAML + name for name in ("str", "int", "float", "bool", "null", "timestamp"))
_MAPPING_TAG, _SEQUENCE_TAG, _MERGE_TAG, _FLOAT_TAG = (_YAML + n for n in ("map", "seq", "merge", "float"))
_NON_SPECIFIC = "!"

# YAML 1.1's printable set, minus the bidirectional embeddings, overrides and
# isolates that can make text read differently from what it says ("Trojan Source").
_BIDI_CONTROLS = "\u202a-\u202e\u2066-\u2069"
FORBIDDEN_CHARACTER = re.compile(f"[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|[{_BIDI_CONTROLS}]")

_CHUNK_CHARS = 1 << 20
_SHARED_TEXT_CHARS = 64  # keys, ids, units, statuses, names: repeated across a large brief
_Loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # same events and marks, 5-10x faster


class _Merged:
    """The key a '<<' merge is filed under in a mapping's shape (a quoted '<<' key is an ordinary key)."""

    def __repr__(self) -> str:
        return "<<"

    def __reduce__(self) -> str:
        return "MERGED"  # unpickled as this module's one MERGED


MERGED = _Merged()
_NO_CHILD = -1
_LINE_SHIFT = 32  # a position is one int: line << 32 | column


class SourceMap:
    """Where each value of a parsed YAML document was written, in a few flat arrays.

    A brief of 100,000 statistics has over a million values, so nothing is
    kept per value but two numbers: every value is a *slot* holding its
    position (line and column packed into one int) and the number of the
    mapping or sequence it opens, if any. The slots of one container are
    contiguous; a mapping names its keys through a *shape* shared by every
    mapping written with the same keys in the same order (all the statistics,
    say). A path is followed from the root slot, key by key, and a
    :class:`Location` is made only when asked for.
    """

    def __init__(self, file: str) -> None:
        self.file = file
        self._position = array("Q")  # per slot: line << 32 | column
        self._child = array("q")  # per slot: the container it opens, or -1
        self._first = array("Q")  # per container: its first slot
        self._count = array("Q")  # per container: how many slots
        self._shape = array("q")  # per container: its shape, -1 for a sequence
        self._shapes: list[dict[Any, int]] = []  # key -> offset of its slot
        self._root = _NO_CHILD  # the slot this map's paths start from

    def locate(self, *path: str | int) -> Location:
        """The location of ``path``, or of its closest recorded ancestor."""
        slot = self._root
        if slot < 0:
            return Location(self.file, 1, 1)
        for part in path:
            found = self._step(slot, part)
            if found is None:
                break
            slot = found
        position = self._position[slot]
        return Location(self.file, position >> _LINE_SHIFT, position & ((1 << _LINE_SHIFT) - 1))

    def _step(self, slot: int, part: str | int) -> int | None:
        """The slot of ``part`` in the container ``slot`` opens; a merged ('<<') mapping's key is looked up there."""
        container = self._child[slot]
        if container < 0:
            return None
        shape = self._shape[container]
        if shape < 0:
            offset = part if isinstance(part, int) and 0 <= part < self._count[container] else None
        else:
            keys = self._shapes[shape]
            offset = keys.get(part)
            if offset is None and MERGED in keys:
                return self._merged_step(self._first[container] + keys[MERGED], part)
        return None if offset is None else self._first[container] + offset

    def _merged_step(self, merged: int, part: str | int) -> int:
        """``part`` in what '<<' merged: the mapping there, the first in a list that has it, else '<<' itself."""
        container = self._child[merged]
        if container >= 0 and self._shape[container] < 0:
            first = self._first[container]
            candidates = range(first, first + self._count[container])
        else:
            candidates = range(merged, merged + 1)
        for slot in candidates:
            found = self._step(slot, part)
            if found is not None:
                return found
        return merged

    def under(self, *prefix: str | int) -> SourceMap:
        """The part of this map below ``prefix`` (or its closest recorded ancestor), addressed by paths relative to it.

        The part shares this map's arrays.
        """
        part = copy.copy(self)
        for key in prefix:
            found = self._step(part._root, key) if part._root >= 0 else None
            if found is None:
                break
            part._root = found
        return part

    def _container(self) -> int:
        """A new container's number; its slots are filed when it closes (:meth:`_close`)."""
        self._first.append(0)
        self._count.append(0)
        self._shape.append(_NO_CHILD)
        return len(self._first) - 1

    def _close(self, container: int, positions: list[int], children: list[int], keys: list[Any] | None,
               shapes: dict[tuple[Any, ...], int]) -> None:
        self._first[container] = len(self._position)
        self._count[container] = len(positions)
        self._position.extend(positions)
        self._child.extend(children)
        if keys is not None:
            shape = tuple(keys)
            number = shapes.get(shape)
            if number is None:
                number = shapes[shape] = len(self._shapes)
                self._shapes.append({key: offset for offset, key in enumerate(shape)})
            self._shape[container] = number

    def _set_root(self, position: int, child: int) -> None:
        self._root = len(self._position)
        self._position.append(position)
        self._child.append(child)


def read_yaml(path: Path) -> tuple[Any, SourceMap]:
    """Parse ``path`` safely into plain Python data plus its source map.

    The file is streamed twice, never held whole: once to refuse characters
    that have no place in a brief, once through the parser. A 90 MB brief
    would otherwise sit in memory three times (its text, the parser's UTF-8
    copy and the data built from it).
    """
    name = str(path)
    try:
        with path.open(encoding="utf-8") as text:  # universal newlines, as lines are counted by the parser
            _refuse_characters(iter(partial(text.read, _CHUNK_CHARS), ""), name)
        with path.open("rb") as raw:
            return _parse(raw, name)
    except FileNotFoundError:
        raise BriefError.at(None, "", f"{name}: no such file", "check the path") from None
    except UnicodeDecodeError:
        try:
            path.read_bytes().decode("utf-8")  # the offset of the bad byte in the whole file
        except UnicodeDecodeError as exc:
            line = path.read_bytes()[:exc.start].count(b"\n") + 1
            raise BriefError.at(Location(name, line), "", f"not UTF-8 text ({exc.reason} at byte {exc.start})",
                                "save the file as UTF-8") from None
        raise


def parse_yaml(text: str, name: str) -> tuple[Any, SourceMap]:
    """Parse YAML ``text`` (named ``name`` in errors) with locations."""
    _refuse_characters((text,), name)
    return _parse(text, name)


def _parse(stream: str | BinaryIO, name: str) -> tuple[Any, SourceMap]:
    source_map = SourceMap(name)
    loader = _Loader(stream)
    try:
        return _Builder(loader, source_map).document(), source_map
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or str(exc)
        raise BriefError.at(
            Location(name, line, column), "", f"malformed YAML at column {column}: {problem}",
            "check indentation, colons and quotes on this line",
        ) from None
    except yaml.YAMLError as exc:
        raise BriefError.at(Location(name, 1), "", f"malformed YAML: {exc}", "") from None
    finally:
        loader.dispose()


def _refuse_characters(chunks: Iterable[str], name: str) -> None:
    """Every forbidden character of the raw text, read in ``chunks``, with its line and column."""
    problems = []
    line = 1  # of the chunk's first character
    column = 1  # of the chunk's first character
    for chunk in chunks:
        for match in FORBIDDEN_CHARACTER.finditer(chunk):
            offset = match.start()
            start_of_line = chunk.rfind("\n", 0, offset) + 1
            where = Location(name, line + chunk.count("\n", 0, offset),
                             offset - start_of_line + (1 if start_of_line else column))
            problems.append(character_problem(where, "", match.group()))
            if len(problems) == MAX_PROBLEMS:
                raise BriefError(problems)
        breaks = chunk.count("\n")
        line += breaks
        column = len(chunk) - chunk.rfind("\n") if breaks else column + len(chunk)
    if problems:
        raise BriefError(problems)


def character_problem(location: Location, field: str, char: str, *, column: bool = True) -> Problem:
    """The problem with ``char``; ``column`` says it was found at ``location``'s column of the raw text."""
    code = f"U+{ord(char):04X}"
    where = f"at column {location.column}" if column else "in this text"
    if "\ud800" <= char <= "\udfff":
        return Problem(location, field, f"a lone surrogate ({code}) {where} is not a character",
                       "write the character itself, or its full \\U escape")
    if re.fullmatch(f"[{_BIDI_CONTROLS}]", char):
        return Problem(location, field, f"the bidirectional control {code} {where} can make text read "
                       "differently from what it says", "delete it; it is invisible in most editors")
    return Problem(location, field, f"the control character {code} {where} is not allowed",
                   "delete it; it is invisible in most editors")


@dataclass
class _Open:
    """A mapping or sequence being built."""

    value: dict[str, Any] | list[Any]
    path: Path_
    anchor: str | None
    mark: yaml.Mark  # where it starts, for an error about it as a whole
    size: int = 1
    key: str | None = None  # a mapping's pending key
    merging: bool = False  # the pending key is '<<'
    merged: list[dict[str, Any]] = field(default_factory=list)
    container: int = 0  # its number in the source map
    positions: list[int] = field(default_factory=list)  # its values' positions, filed in the map when it closes
    children: list[int] = field(default_factory=list)  # the container each value opens, or -1
    keys: list[Any] | None = None  # a mapping's keys, in order (MERGED for '<<')


class _Builder:
    """Plain data from a parser's events: one pass, no Python objects, bounded."""

    def __init__(self, loader: Any, source_map: SourceMap) -> None:
        self.loader = loader
        self.map = source_map
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.aliased = 0
        self.stack: list[_Open] = []
        self.root: Any = None
        self.shapes: dict[tuple[Any, ...], int] = {}  # mappings with the same keys share one shape
        self.texts: dict[str, str] = {}  # short texts, each kept once

    def error(self, mark: yaml.Mark, path: Path_, message: str, hint: str) -> BriefError:
        return BriefError.at(Location(self.map.file, mark.line + 1, mark.column + 1), dotted(path), message, hint)

    def document(self) -> Any:
        loader = self.loader
        loader.get_event()  # stream start
        if loader.check_event(yaml.StreamEndEvent):
            raise BriefError.at(Location(self.map.file, 1), "", "the file is empty", "write the brief as YAML")
        loader.get_event()  # document start
        while not loader.check_event(yaml.DocumentEndEvent):
            self.event(loader.get_event())
        loader.get_event()
        if not loader.check_event(yaml.StreamEndEvent):
            raise self.error(loader.peek_event().start_mark, (), "the file holds more than one YAML document",
                             "remove the '---' line and everything after it, or make it a separate file")
        return self.root

    def event(self, event: yaml.Event) -> None:
        parent = self.stack[-1] if self.stack else None
        if parent is not None and isinstance(parent.value, dict) and parent.key is None and not parent.merging \
                and not isinstance(event, yaml.MappingEndEvent):
            self.key(parent, event)
            return
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            self.open(event)
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            self.close()
        elif isinstance(event, yaml.AliasEvent):
            self.alias(event)
        else:
            self.place(event.start_mark, _NO_CHILD)
            value = self.scalar(event, None)
            self.remember(event.anchor, value, 1)
            self.add(value, 1, event.start_mark)

    def child_path(self) -> Path_:
        if not self.stack:
            return ()
        parent = self.stack[-1]
        if isinstance(parent.value, list):
            return parent.path + (len(parent.value),)
        return parent.path if parent.merging else parent.path + (parent.key or "",)

    def key(self, parent: _Open, event: yaml.Event) -> None:
        mark = event.start_mark
        if not isinstance(event, yaml.ScalarEvent):
            raise self.error(mark, parent.path, "a key must be a name, not a list, mapping or alias",
                             "write the key as plain text")
        if event.value == "<<" and event.tag is None and event.implicit[0]:
            parent.merging = True
            return
        key = self.scalar(event, parent.path)
        if key is None or not isinstance(key, (str, int)):
            raise self.error(mark, parent.path, f"a key must be a name, not {type(key).__name__}",
                             "write the key as plain text")
        key = str(key)
        if key in parent.value:
            raise self.error(mark, parent.path + (key,), "this key is given twice", "keep one of them")
        parent.key = key

    def open(self, event: yaml.CollectionStartEvent) -> None:
        is_mapping = isinstance(event, yaml.MappingStartEvent)
        path = self.child_path()
        self.check_tag(event, _MAPPING_TAG if is_mapping else _SEQUENCE_TAG, path)
        if len(self.stack) >= MAX_DEPTH:
            raise self.error(event.start_mark, path, f"nested more than {MAX_DEPTH} levels deep",
                             "a brief needs only a few levels of nesting; flatten this part")
        container = self.map._container()
        self.place(event.start_mark, container)
        self.stack.append(_Open({} if is_mapping else [], path, event.anchor, event.start_mark,
                                container=container, keys=[] if is_mapping else None))

    def close(self) -> None:
        done = self.stack.pop()
        self.map._close(done.container, done.positions, done.children, done.keys, self.shapes)
        value = done.value
        if done.merged:  # '<<' keys: the mapping's own keys win, then earlier merged mappings
            combined: dict[str, Any] = {}
            for mapping in reversed(done.merged):
                combined.update(mapping)
            combined.update(value)
            value = combined
        self.remember(done.anchor, value, done.size)
        self.add(value, done.size, done.mark)

    def alias(self, event: yaml.AliasEvent) -> None:
        path = self.child_path()
        if event.anchor not in self.anchors:
            raise self.error(event.start_mark, path, f"the alias '*{event.anchor}' has no anchor before it "
                             "(or refers to the mapping it is in)", f"define '&{event.anchor}' earlier in the file")
        value, size = self.anchors[event.anchor]
        self.aliased += size
        if self.aliased > ALIAS_NODE_BUDGET:
            raise self.error(event.start_mark, path,
                             f"aliases expand to more than {ALIAS_NODE_BUDGET:,} values",
                             "write the values out, or use fewer nested aliases")
        self.place(event.start_mark, _NO_CHILD)
        self.add(value, size, event.start_mark)

    def place(self, mark: yaml.Mark, container: int) -> None:
        """File the position of the value that starts at ``mark`` in its parent (under its key, in a mapping)."""
        position = (mark.line + 1) << _LINE_SHIFT | (mark.column + 1)
        if not self.stack:
            self.map._set_root(position, container)
            return
        parent = self.stack[-1]
        parent.positions.append(position)
        parent.children.append(container)
        if parent.keys is not None:
            parent.keys.append(MERGED if parent.merging else parent.key)

    def remember(self, anchor: str | None, value: Any, size: int) -> None:
        if anchor is not None:
            self.anchors[anchor] = (value, size)

    def add(self, value: Any, size: int, mark: yaml.Mark) -> None:
        if not self.stack:
            self.root = value
            return
        parent = self.stack[-1]
        parent.size += size
        if isinstance(parent.value, list):
            parent.value.append(value)
        elif parent.merging:
            parent.merging = False
            mappings = value if isinstance(value, list) else [value]
            if not all(isinstance(m, dict) for m in mappings):
                raise self.error(mark, parent.path, "'<<' must be followed by a mapping or a list of mappings",
                                 "merge an anchored mapping, e.g. '<<: *defaults'")
            parent.merged.extend(mappings)
        else:
            parent.value[parent.key or ""] = value
            parent.key = None

    def check_tag(self, event: yaml.NodeEvent, standard: str, path: Path_) -> None:
        tag = getattr(event, "tag", None)
        if tag is None or tag == _NON_SPECIFIC or tag == standard:
            return
        shown = "!!" + tag.removeprefix(_YAML) if tag.startswith(_YAML) else tag
        raise self.error(event.start_mark, path, f"the tag '{shown}' is not allowed",
                         "remove it: a brief holds only text, numbers, dates, true/false, lists and mappings")

    def scalar(self, event: yaml.ScalarEvent, path: Path_ | None) -> Any:
        """A scalar's value; ``path`` is given for a key (its mapping's), else made only for an error message."""
        if event.tag not in (None, _NON_SPECIFIC) and event.tag not in _SCALAR_TAGS:
            self.check_tag(event, "", self.here(path))
        tag = self.loader.resolve(yaml.ScalarNode, event.value, event.implicit) \
            if event.tag in (None, _NON_SPECIFIC) else event.tag
        if event.tag == _NON_SPECIFIC or tag not in _SCALAR_TAGS:  # plain '=' or '<<' outside a key: text
            tag = _YAML + "str"
        text = event.value
        if len(text) > MAX_TEXT_CHARS:
            raise self.error(event.start_mark, self.here(path), f"this value is {len(text):,} characters long, "
                             f"more than the {MAX_TEXT_CHARS:,} a value may hold", "split it into several sections")
        bad = FORBIDDEN_CHARACTER.search(text)
        if bad:  # only reachable through escapes such as "\0" or "\uD800"
            mark = event.start_mark
            raise BriefError(character_problem(Location(self.map.file, mark.line + 1, mark.column + 1),
                                                dotted(self.here(path)), bad.group()))
        if tag == _FLOAT_TAG:
            try:
                return Decimal(text.replace("_", ""))
            except InvalidOperation:
                pass
        node = yaml.ScalarNode(tag, text, event.start_mark, event.end_mark, event.style)
        try:
            value = self.loader.yaml_constructors[tag](self.loader, node)
        except (ValueError, OverflowError) as exc:  # e.g. an impossible date such as 2023-13-01
            raise self.error(event.start_mark, self.here(path), f"'{text}' cannot be read: {exc}",
                             "write dates as YYYY-MM-DD, numbers as digits") from None
        if isinstance(value, str):
            value = nfc(value)
            if len(value) <= _SHARED_TEXT_CHARS:  # one object for every 'persons', 'en', 'verified', source id
                value = self.texts.setdefault(value, value)
        return value

    def here(self, path: Path_ | None) -> Path_:
        """``path`` if given, else the path of the value being read (made only when an error names it)."""
        return path if path is not None else self.child_path()


def nfc(text: str) -> str:
    """``text`` in Unicode NFC (cheap for ASCII and already-normal text)."""
    return text if text.isascii() or unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)
