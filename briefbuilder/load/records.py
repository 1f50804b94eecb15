"""Statistics from records: a list of dicts as a data frame gives them (``df.to_dict("records")``), or the frame.

Analysts keep figures in pandas or in rows read from a database. A record is
read as a spreadsheet row is (:mod:`briefbuilder.load.sheet`): a missing value
(None, NaN, NaT, pandas' NA, an empty string) is an absent field, as an empty cell is; a column
``label.en`` is ``label: {en: ...}``; ``sources`` may be ``"tjwg-2024; reuters-2024
page=3"``; a count of ``92.0`` is 92; a timestamp at midnight is its date.
pandas is not needed: any object with ``to_dict("records")`` is read through it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from .sheet import typed_statistic


def statistics_from_records(value: Any) -> Any:
    """``value`` (a brief's ``statistics``) with every record read as a sheet row is; other values as they are."""
    if not isinstance(value, (list, tuple, Mapping, str)) and callable(getattr(value, "to_dict", None)):
        value = value.to_dict("records")  # a data frame, without importing pandas
    if not isinstance(value, (list, tuple)):
        return value
    return [statistic_record(record) if isinstance(record, Mapping) else record for record in value]


def statistic_record(record: Mapping[str, Any]) -> dict[str, Any]:
    """One statistic from one record: missing values left out, dotted columns nested, sheet conversions applied."""
    statistic: dict[str, Any] = {}
    for key, item in record.items():
        item = _native(item)
        if _missing(item):
            continue
        *parents, leaf = str(key).split(".")
        node = statistic
        for part in parents:
            node = node.setdefault(part, {})
        node[leaf] = {k: v for k, v in item.items() if not _missing(_native(v))} if isinstance(item, Mapping) else item
    typed_statistic(statistic)
    if isinstance(statistic.get("as_of"), dt.datetime) and statistic["as_of"].time() == dt.time():
        statistic["as_of"] = statistic["as_of"].date()
    return statistic


def _native(value: Any) -> Any:
    """A NumPy scalar (numpy.int64, numpy.float64) as the Python number it holds."""
    if type(value).__module__ == "numpy" and callable(getattr(value, "item", None)):
        return value.item()
    return value


def _missing(value: Any) -> bool:
    """None, "", NaN and NaT (each unequal to itself), and pandas' NA (neither equal nor unequal)."""
    if value is None or value == "":
        return True
    if isinstance(value, (str, bytes, Mapping, list, tuple)):
        return False
    try:
        return bool(value != value)
    except TypeError:  # pandas.NA: "boolean value of NA is ambiguous"
        return True
