"""The package around the document: its stamps, and saving it as reproducible bytes.

python-docx stamps every zip entry with the current time, so two builds of the
same brief differ. Here the package is re-zipped with entries in a fixed order,
a fixed timestamp and fixed compression: the same input gives the same bytes,
which lets a reviewer or a build system see that nothing changed.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import zipfile
from collections.abc import Mapping
from importlib.metadata import PackageNotFoundError, version

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT

from briefbuilder.write.docx import oxml

ZIP_EPOCH = dt.datetime(1980, 1, 1, tzinfo=dt.timezone.utc)  # earliest time a zip can hold
COMPRESSION_LEVEL = 6
# Word and other readers sniff the first entries; keep the conventional order.
_LEADING_ENTRIES = ("[Content_Types].xml", "_rels/.rels")


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


def _entry_order(name: str) -> tuple[int, str]:
    if name in _LEADING_ENTRIES:
        return (_LEADING_ENTRIES.index(name), "")
    return (len(_LEADING_ENTRIES), name)


def reproducible_bytes(document: Document) -> bytes:
    """The .docx bytes of `document`, identical for identical content."""
    saved = io.BytesIO()
    document.save(saved)
    timestamp = zip_timestamp()
    output = io.BytesIO()
    with zipfile.ZipFile(saved) as source, zipfile.ZipFile(output, "w") as target:
        for name in sorted(source.namelist(), key=_entry_order):
            entry = zipfile.ZipInfo(name, date_time=timestamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            entry.create_system = 0
            target.writestr(entry, source.read(name), compresslevel=COMPRESSION_LEVEL)
    return output.getvalue()


APPLICATION = "briefbuilder"


def _version() -> str:
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
            rel.target_part._blob = oxml.extended_properties_xml(f"{APPLICATION}/{_version()}",
                                                                  app_version(_version()))
    oxml.set_compatibility_mode(document.settings.element, oxml.CURRENT_WORD_COMPATIBILITY)
    fonts = oxml.fonts_named(document.styles.element, oxml.numbering(document.part).element)
    try:
        font_table = document.part.part_related_by(RT.FONT_TABLE)
    except KeyError:
        return
    font_table._blob = oxml.font_table_xml({name: font_fallbacks.get(name) for name in fonts})
