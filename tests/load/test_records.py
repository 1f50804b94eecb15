"""Statistics from pandas-style records: NaN is missing, label.en is a label; typed numbers get locale-right advice."""

from __future__ import annotations

import csv
import math
from pathlib import Path
from typing import Any

import pytest

from briefbuilder import LoadError, brief_from_dict, load_brief, update_statistic
from testdata import EXAMPLE


def _as_frame_records(statistics: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """What df.to_dict("records") gives for a frame of these statistics: one flat column per label
    language, NaN in every empty cell, floats in a numeric column with gaps, sources as sheet text."""
    records = []
    for statistic in statistics:
        record: dict[str, Any] = {}
        for key, value in statistic.items():
            if key == "label":
                record.update({f"label.{code}": text for code, text in value.items()})
            elif key == "sources":
                record[key] = "; ".join(f"{ref['id']} page={ref['page']}" if ref.get("page") else ref["id"]
                                        for ref in value)
            elif key in ("count", "value") and isinstance(value, int):
                record[key] = float(value)
            else:
                record[key] = math.nan if value is None else value
        records.append(record)
    return records


def test_records_with_nan_and_flat_labels_give_the_brief_the_yaml_gives() -> None:
    brief = load_brief(EXAMPLE)
    data = brief.to_data()
    data["statistics"] = _as_frame_records(data["statistics"])
    assert any(isinstance(v, float) and math.isnan(v) for r in data["statistics"] for v in r.values())
    from_records = brief_from_dict(data, name=brief.name, directory=brief.directory)
    assert [s.to_data() for s in from_records.statistics] == [s.to_data() for s in brief.statistics]


class _Frame:
    """The one method of a pandas DataFrame the reader uses, so the test runs without pandas."""

    def __init__(self, records: list[dict[str, Any]]) -> None:
        self.records = records

    def to_dict(self, orient: str) -> list[dict[str, Any]]:
        assert orient == "records"
        return self.records


def test_a_data_frame_is_read_through_to_dict_records() -> None:
    brief = load_brief(EXAMPLE)
    data = brief.to_data()
    data["statistics"] = _Frame(_as_frame_records(data["statistics"]))
    from_frame = brief_from_dict(data, name=brief.name, directory=brief.directory)
    assert from_frame.statistic("victims") == brief.statistic("victims")


def test_a_real_pandas_frame_when_pandas_is_installed() -> None:
    pandas = pytest.importorskip("pandas")
    brief = load_brief(EXAMPLE)
    data = brief.to_data()
    data["statistics"] = pandas.read_csv(EXAMPLE / "statistics.csv")
    from_frame = brief_from_dict(data, name=brief.name, directory=brief.directory)
    assert from_frame.statistic("mss-jurisdiction").count == brief.statistic("mss-jurisdiction").count  # type: ignore[union-attr]


def test_update_statistic_reads_nan_as_clearing_a_field() -> None:
    brief = load_brief(EXAMPLE)
    updated = update_statistic(brief, "victims", value=114.0, qualifier=math.nan)
    assert updated.statistic("victims").value == 114  # type: ignore[union-attr]


@pytest.mark.parametrize("typed, advice", [
    ("81,4%", "write 'value: 81.4' and 'unit: percent'"),   # French, German, Spanish decimal comma
    ("1.234,5", "write 'value: 1234.5'"),
    ("59 600", "write 'value: 59600'"),
    ("1,234", "write 'value: 1234' or 'value: 1.234'"),     # thousands or decimals: both readings
])
def test_a_number_typed_with_a_locales_separators_gets_advice_in_the_briefs_form(
        typed: str, advice: str, tmp_path: Path) -> None:
    brief = load_brief(EXAMPLE)
    data = brief.to_data()
    data["statistics"][0]["value"] = typed
    with pytest.raises(LoadError) as raised:
        brief_from_dict(data, name=brief.name, directory=brief.directory)
    assert advice in raised.value.problems[0].message


def test_every_bad_cell_of_a_sheet_is_reported_at_its_cell(tmp_path: Path) -> None:
    rows = list(csv.reader((EXAMPLE / "statistics.csv").open(encoding="utf-8")))
    columns = rows[0]
    rows[1][columns.index("value")] = "62,5"
    rows[3][columns.index("value")] = "81,4%"
    rows[3][columns.index("as_of")] = "2024-13-01"
    with (tmp_path / "statistics.csv").open("w", encoding="utf-8", newline="") as sheet:
        csv.writer(sheet).writerows(rows)
    brief = load_brief(EXAMPLE)
    data = brief.to_data()
    data["statistics"] = "statistics.csv"
    with pytest.raises(LoadError) as raised:
        brief_from_dict(data, name=brief.name, directory=tmp_path)
    found = {(problem.location.place, problem.message.split(";")[0]) for problem in raised.value.problems
             if problem.location is not None}
    assert ("B2", "'62,5' is text, not a number") in found
    assert ("B4", "'81,4%' is text, not a number") in found
    assert any(place == "F4" for place, _ in found)
    assert all("write 'value: 625'" not in p.message and "814" not in p.message for p in raised.value.problems)


class _NumpyScalar:
    """A NumPy scalar as the reader sees one (its type's module is numpy; item() gives the Python number)."""

    __module__ = "numpy"

    def __init__(self, number: float | int) -> None:
        self.number = number

    def item(self) -> float | int:
        return self.number


class _PandasNA:
    """pandas.NA: neither equal nor unequal to anything; asking whether it is raises TypeError."""

    def __ne__(self, other: object) -> Any:
        return self

    def __bool__(self) -> bool:
        raise TypeError("boolean value of NA is ambiguous")


def test_numpy_numbers_pandas_na_midnight_timestamps_and_empty_cells_read_as_the_yaml_does() -> None:
    """What a data frame of real data holds besides NaN, without pandas or NumPy installed."""
    import datetime as dt

    brief = load_brief(EXAMPLE)
    data = brief.to_data()
    records = _as_frame_records(data["statistics"])
    for record in records:
        for key, value in list(record.items()):
            if isinstance(value, float) and math.isnan(value):
                record[key] = _PandasNA() if key < "m" else ""
            elif isinstance(value, (int, float)) and not isinstance(value, bool):
                record[key] = _NumpyScalar(value)
            elif isinstance(value, dt.date):
                record[key] = dt.datetime.combine(value, dt.time())
        labels = {key: record.pop(key) for key in [k for k in record if k.startswith("label.")]}
        record["label"] = {key.split(".")[1]: text for key, text in labels.items()} | {"es": _PandasNA()}
    data["statistics"] = tuple(records)
    from_records = brief_from_dict(data, name=brief.name, directory=brief.directory)
    assert [s.to_data() for s in from_records.statistics] == [s.to_data() for s in brief.statistics]


@pytest.mark.parametrize("statistics, message, field", [
    (5, "expected a list, got a whole number", "statistics"),
    (None, "expected a list, got nothing", "statistics"),
    (["just text"], "expected a mapping, got text", "statistics[0]"),
])
def test_statistics_that_are_neither_records_nor_a_frame_get_the_validation_error(
        statistics: Any, message: str, field: str) -> None:
    """Only a frame (an object with to_dict) is read as one, and only a mapping as a record."""
    brief = load_brief(EXAMPLE)
    data = brief.to_data()
    data["statistics"] = statistics
    with pytest.raises(LoadError) as raised:
        brief_from_dict(data, name=brief.name, directory=brief.directory)
    problem = raised.value.problems[0]
    assert message in problem.message and problem.field == field
