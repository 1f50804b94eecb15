"""The package around the document: its stamps, and saving it as reproducible bytes.

python-docx stamps every zip entry with the current time, so two builds of the
same brief differ. Here the package is zipped with entries in a fixed order,
a fixed timestamp and fixed compression: the same input gives the same bytes,
which lets a reviewer or a build system see that nothing changed.

A large document is never held whole (:class:`StreamedChildren`): the body's
paragraphs and tables, and the notes, are serialised as they are finished,
into a spooled temporary file (memory for a brief, disk for a book-length
one), and copied into the zip when the package is saved. Their bytes are the
ones the finished tree would have given.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import os
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from importlib.metadata import PackageNotFoundError, version
from typing import IO

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.oxml import serialize_part_xml
from docx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI
from docx.opc.part import Part, XmlPart
from lxml import etree

from briefbuilder.write.docx import oxml
from briefbuilder.write.docx.private import ContentTypesItem, replace_part_blob

ZIP_EPOCH = dt.datetime(1980, 1, 1, tzinfo=dt.timezone.utc)  # earliest time a zip can hold
COMPRESSION_LEVEL = 6
# Word and other readers sniff the first entries; keep the conventional order.
_LEADING_ENTRIES = ("[Content_Types].xml", "_rels/.rels")
SPOOL_IN_MEMORY = 8 << 20  # bytes of finished XML kept in memory before the spool moves to a temporary file
_COPY_CHUNK = 1 << 20
# Stands where the written-out children go; a processing instruction never occurs in a part we build.
_PLACE = "briefbuilder-written"
_PLACE_BYTES = etree.tostring(etree.ProcessingInstruction(_PLACE))


def zip_timestamp() -> tuple[int, int, int, int, int, int]:
    """The time stamped on every entry: ``SOURCE_DATE_EPOCH`` when set, else 1980-01-01.

    See https://reproducible-builds.org/specs/source-date-epoch/.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    moment = ZIP_EPOCH
    if epoch:
        try:
            moment = max(ZIP_EPOCH, dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc))
        except (ValueError, OverflowError, OSError):
            moment = ZIP_EPOCH  # an unusable value must not break a build
    return (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second)


def reproducible_entry(name: str, timestamp: tuple[int, int, int, int, int, int], *,
                       compressed: bool = True) -> zipfile.ZipInfo:
    """A zip entry the same on every machine: `timestamp` (:func:`zip_timestamp`), mode 0644, no system's mark."""
    entry = zipfile.ZipInfo(name, date_time=timestamp)
    entry.compress_type = zipfile.ZIP_DEFLATED if compressed else zipfile.ZIP_STORED
    if compressed:
        entry._compresslevel = COMPRESSION_LEVEL  # type: ignore[attr-defined]  # public as compress_level from 3.13
    entry.external_attr = 0o644 << 16
    entry.create_system = 0
    return entry


def _entry_order(name: str) -> tuple[int, str]:
    if name in _LEADING_ENTRIES:
        return (_LEADING_ENTRIES.index(name), "")
    return (len(_LEADING_ENTRIES), name)


class StreamedChildren:
    """The children of one element of a part (the body, the notes, a table's rows), written out as they are finished.

    Children before `first` (by default, those present when it is made: the
    notes separators, a table's grid) stay in the tree; the others are the writer's, and
    :meth:`write_out` moves the finished ones to the spool. A child whose own
    children were written out separately (a long table's rows, :meth:`nest`)
    takes them back in its place. :attr:`most_held` is the most children the
    tree ever held at once, what the memory test reads.
    """

    def __init__(self, part: XmlPart, container: etree._Element, first: int | None = None) -> None:
        self.part = part
        self._container = container
        self._first = len(container) if first is None else first  # the writer's first child
        self._spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_IN_MEMORY)
        self._nested: dict[etree._Element, StreamedChildren] = {}
        self._replacements: dict[bytes, bytes] = {}
        self.most_held = 0

    def nest(self, child: etree._Element, children: StreamedChildren) -> None:
        """`child`'s own children are written out by `children`; they go back inside it when it is written out."""
        self._nested[child] = children

    def replace_when_copied(self, replacements: dict[bytes, bytes]) -> None:
        """Strings to replace in the written-out XML as it is copied (values known only at the end: column widths).

        Each string must be one the XML of a single child holds whole.
        """
        self._replacements = replacements

    def write_out(self, keep: int = 0) -> None:
        """Serialise and drop the writer's children, all but the last `keep` (which a later step may still change).

        The container is serialised with only those children, between two
        markers; they come out with the namespace prefixes of their place in
        the part.
        """
        container, first = self._container, self._first
        count = len(container) - first - keep
        self.most_held = max(self.most_held, len(container) - first)
        if count <= 0:
            return
        kept = container[first + count:]
        for child in kept:
            container.remove(child)
        nested = [(child, self._nested.pop(child)) for child in container[first:] if child in self._nested]
        for child, _ in nested:
            child.append(etree.ProcessingInstruction(_PLACE))
        container.insert(first, etree.ProcessingInstruction(_PLACE))
        container.append(etree.ProcessingInstruction(_PLACE))
        # The container alone: its start tag declares every namespace in scope, so its children come out as in the part.
        pieces = etree.tostring(container, encoding="UTF-8", xml_declaration=False).split(_PLACE_BYTES)
        for piece, (_, children) in zip(pieces[1:], nested):
            self._spool.write(piece)
            children.copy_to(self._spool)
        self._spool.write(pieces[-2])
        del container[first:]
        container.extend(kept)

    def copy_to(self, target: IO[bytes]) -> None:
        """Write everything written out to `target`, with the replacements made (the children still held are not)."""
        self._spool.seek(0)
        rest = b""
        for chunk in iter(lambda: self._spool.read(_COPY_CHUNK), b""):
            if self._replacements:
                chunk = rest + chunk
                cut = chunk.rfind(b">") + 1  # strings to replace are whole tags: never cut one
                chunk, rest = chunk[:cut], chunk[cut:]
                for old, new in self._replacements.items():
                    chunk = chunk.replace(old, new)
            target.write(chunk)
        target.write(rest)
        self._spool.close()

    def chunks(self) -> Iterator[bytes]:
        """The part's XML as python-docx would save it, with the written-out children in their place."""
        self.write_out()
        self._container.insert(self._first, etree.ProcessingInstruction(_PLACE))
        head, tail = serialize_part_xml(self.part.element).split(_PLACE_BYTES)
        del self._container[self._first]
        yield head
        self._spool.seek(0)
        yield from iter(lambda: self._spool.read(_COPY_CHUNK), b"")
        self._spool.close()
        yield tail


def reproducible_bytes(document: Document, streamed: Iterable[StreamedChildren] = ()) -> bytes:
    """The .docx bytes of `document`, identical for identical content.

    The parts are those python-docx would save, with the same content types and
    relationships; a part in `streamed` is written from its spool.
    """
    package = document.part.package
    streams = {stream.part: stream for stream in streamed}
    entries: dict[str, Callable[[], Iterable[bytes]]] = {}
    parts = list(package.iter_parts())
    for part in parts:
        part.before_marshal()
    entries[CONTENT_TYPES_URI.membername] = _blob(ContentTypesItem.from_parts(parts).blob)
    entries[PACKAGE_URI.rels_uri.membername] = _blob(package.rels.xml)
    for part in parts:
        entries[part.partname.membername] = streams[part].chunks if part in streams else _part_blob(part)
        if len(part.rels):
            entries[part.partname.rels_uri.membername] = _blob(part.rels.xml)
    timestamp = zip_timestamp()
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as target:
        for name in sorted(entries, key=_entry_order):
            entry = reproducible_entry(name, timestamp)
            with target.open(entry, "w") as stream:
                for chunk in entries[name]():
                    stream.write(chunk)
    return output.getvalue()


def _blob(data: bytes) -> Callable[[], Iterable[bytes]]:
    return lambda: (data,)


def _part_blob(part: Part) -> Callable[[], Iterable[bytes]]:
    return lambda: (part.blob,)


APPLICATION = "briefbuilder"


@functools.cache
def _version() -> str:
    """The installed briefbuilder's version, read once: package metadata is slow to read for every file."""
    try:
        return version(APPLICATION)
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "0.0.0"


def app_version(text: str) -> str:
    """``AppVersion`` as Office wants it, ``XX.YYYY``: 0.1.0 is ``00.0100``."""
    numbers = [int(part) if part.isdigit() else 0 for part in text.split(".")[:3]] + [0, 0]
    return f"{numbers[0]:02d}.{numbers[1]:02d}{numbers[2]:02d}"


def stamp_package(document: Document, font_fallbacks: Mapping[str, str]) -> None:
    """What a reader learns from the package, made true: briefbuilder wrote it, for current Word, with these fonts.

    python-docx's template says "Microsoft Macintosh Word" 14 and Word 2010
    compatibility, and lists MS Mincho but not the fonts the styles ask for.
    """
    for rel in document.part.package.rels.values():
        if rel.reltype == RT.EXTENDED_PROPERTIES:
            replace_part_blob(rel.target_part, oxml.extended_properties_xml(f"{APPLICATION}/{_version()}",
                                                                            app_version(_version())))
    oxml.set_compatibility_mode(document.settings.element, oxml.CURRENT_WORD_COMPATIBILITY)
    fonts = oxml.fonts_named(document.styles.element, oxml.numbering(document.part).element)
    try:
        font_table = document.part.part_related_by(RT.FONT_TABLE)
    except KeyError:
        return
    replace_part_blob(font_table, oxml.font_table_xml({name: font_fallbacks.get(name) for name in fonts}))
