"""Saving a python-docx document as reproducible bytes, and writing files safely.

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

from docx.document import Document

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
