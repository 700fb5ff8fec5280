"""Turn an event's date value (ISO 8601 or TIMEX3-style) into a closed range of days.

The range is what ``--since``/``--until`` compare against: an event dated
``2024-06`` overlaps ``--since 2024-06-15``. Values with an unknown year
(``XXXX-06-28``) have no range.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

DayRange = tuple[dt.date, dt.date]

# Meteorological seasons (northern hemisphere); winter runs into the next year.
_SEASONS: dict[str, tuple[int, int, int]] = {
    # code: (first month, last month, years to add to the last month)
    "SP": (3, 5, 0),
    "SU": (6, 8, 0),
    "FA": (9, 11, 0),
    "AU": (9, 11, 0),
    "WI": (12, 2, 1),
}

_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T.*)?")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_YEAR = re.compile(r"(\d{4})")
_QUARTER = re.compile(r"(\d{4})-Q([1-4])")
_SEASON = re.compile(r"(\d{4})-(SP|SU|FA|AU|WI)")
_WEEK = re.compile(r"(\d{4})-W(\d{2})")


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _single(value: str) -> DayRange | None:
    """The range of one (non-interval) value, or None when it names no known days."""
    if m := _DAY.fullmatch(value):
        day = dt.date(int(m[1]), int(m[2]), int(m[3]))
        return day, day
    if m := _MONTH.fullmatch(value):
        year, month = int(m[1]), int(m[2])
        return dt.date(year, month, 1), _month_end(year, month)
    if m := _YEAR.fullmatch(value):
        year = int(m[1])
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if m := _QUARTER.fullmatch(value):
        year, quarter = int(m[1]), int(m[2])
        first = 3 * quarter - 2
        return dt.date(year, first, 1), _month_end(year, first + 2)
    if m := _SEASON.fullmatch(value):
        year = int(m[1])
        first, last, carry = _SEASONS[m[2]]
        return dt.date(year, first, 1), _month_end(year + carry, last)
    if m := _WEEK.fullmatch(value):
        monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        return monday, monday + dt.timedelta(days=6)
    return None


def day_range(value: str | None) -> tuple[dt.date | None, dt.date | None]:
    """First and last day covered by ``value``; ``(None, None)`` when it cannot be placed.

    An interval ``a/b`` spans from the start of ``a`` to the end of ``b``; an open side
    (``2024-06/`` or ``/2024``) stays None.
    """
    if not value:
        return None, None
    try:
        if "/" in value:
            left, _, right = value.partition("/")
            first = _single(left.strip()) if left.strip() else None
            last = _single(right.strip()) if right.strip() else None
            return (first[0] if first else None), (last[1] if last else None)
        span = _single(value.strip())
    except ValueError:  # a well-formed but impossible date such as 2024-02-31
        return None, None
    return span if span else (None, None)
