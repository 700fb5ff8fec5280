"""Publication dates: common formats parsed, precision kept, ambiguity not guessed."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from tocsin.ingest import parse_published


@pytest.mark.parametrize(
    ("value", "date", "precision"),
    [
        ("2024-07-02", dt.date(2024, 7, 2), "day"),
        ("2024-07-02T23:30:00Z", dt.date(2024, 7, 2), "day"),
        ("2024-07-02T08:00:00+03:00", dt.date(2024, 7, 2), "day"),
        ("2024-07-02 08:00", dt.date(2024, 7, 2), "day"),
        ("2024/07/02", dt.date(2024, 7, 2), "day"),
        ("20240702", dt.date(2024, 7, 2), "day"),
        ("2024-07", dt.date(2024, 7, 1), "month"),
        ("2024", dt.date(2024, 1, 1), "year"),
        ("Tue, 02 Jul 2024 10:00:00 GMT", dt.date(2024, 7, 2), "day"),
        ("2 Jul 2024 10:00:00 +0000", dt.date(2024, 7, 2), "day"),
        ("July 2, 2024", dt.date(2024, 7, 2), "day"),
        ("Tuesday, July 2, 2024", dt.date(2024, 7, 2), "day"),
        ("Jul. 2nd 2024", dt.date(2024, 7, 2), "day"),
        ("2 July 2024", dt.date(2024, 7, 2), "day"),
        ("28 Sept 2023", dt.date(2023, 9, 28), "day"),
        ("July 2024", dt.date(2024, 7, 1), "month"),
        ("  2024-07-02  ", dt.date(2024, 7, 2), "day"),
    ],
)
def test_parse_published(value: str, date: dt.date, precision: str) -> None:
    assert parse_published(value) == (date, precision)


@pytest.mark.parametrize(
    "value",
    [
        None,
        "",
        "yesterday",
        "02/07/2024",  # 2 July or February 7: not guessed
        "2024-13-01",
        "2024-02-30",
        "Smarch 3, 2024",
    ],
)
def test_unknown_or_ambiguous_dates_stay_unknown(value: object) -> None:
    assert parse_published(value) == (None, "unknown")


def test_date_objects_and_struct_time() -> None:
    assert parse_published(dt.date(2025, 1, 20)) == (dt.date(2025, 1, 20), "day")
    assert parse_published(dt.datetime(2025, 1, 20, 9, 30)) == (dt.date(2025, 1, 20), "day")
    parsed = time.strptime("2025-01-22 09:30", "%Y-%m-%d %H:%M")
    assert parse_published(parsed) == (dt.date(2025, 1, 22), "day")
