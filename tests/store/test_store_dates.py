"""Event date values -> the day ranges that --since/--until compare against."""

from __future__ import annotations

import datetime as dt

import pytest

from tocsin.store.dates import day_range

D = dt.date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-06-28", (D(2024, 6, 28), D(2024, 6, 28))),
        ("2024-06-28T14:30", (D(2024, 6, 28), D(2024, 6, 28))),
        ("2024-06", (D(2024, 6, 1), D(2024, 6, 30))),
        ("2024-02", (D(2024, 2, 1), D(2024, 2, 29))),
        ("2023-02", (D(2023, 2, 1), D(2023, 2, 28))),
        ("2024", (D(2024, 1, 1), D(2024, 12, 31))),
        ("2022-Q4", (D(2022, 10, 1), D(2022, 12, 31))),
        ("2022-Q1", (D(2022, 1, 1), D(2022, 3, 31))),
        ("2023-SP", (D(2023, 3, 1), D(2023, 5, 31))),
        ("2023-SU", (D(2023, 6, 1), D(2023, 8, 31))),
        ("2023-FA", (D(2023, 9, 1), D(2023, 11, 30))),
        ("2023-WI", (D(2023, 12, 1), D(2024, 2, 29))),
        ("2024-W01", (D(2024, 1, 1), D(2024, 1, 7))),
        ("2024-06-01/2024-06-15", (D(2024, 6, 1), D(2024, 6, 15))),
        ("2024-05/2024-07", (D(2024, 5, 1), D(2024, 7, 31))),
        ("2024-06/", (D(2024, 6, 1), None)),
        ("/2024", (None, D(2024, 12, 31))),
        ("XXXX-06-28", (None, None)),
        ("XXXX-WXX-3", (None, None)),
        ("2024-02-31", (None, None)),
        ("PRESENT_REF", (None, None)),
        ("", (None, None)),
        (None, (None, None)),
    ],
)
def test_day_range(value: str | None, expected: tuple[dt.date | None, dt.date | None]) -> None:
    assert day_range(value) == expected
