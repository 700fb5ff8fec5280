"""Calendar arithmetic for resolving expressions against an anchor date (pure functions).

``tense`` is "past", "future" or None (unknown or present): a past verb picks the latest
occurrence on or before the anchor, a future verb the first on or after it, and no tense
the nearest one.
"""

from __future__ import annotations

import calendar
import datetime as dt
from types import MappingProxyType

# Parts of a year or month for early/mid/late: quarter of the year, days of the month.
PERIOD_QUARTER = MappingProxyType({"START": 1, "END": 4})
PERIOD_DAYS = MappingProxyType({"START": (1, 10), "MID": (11, 20), "END": (21, 31)})
SEASON_MONTHS = MappingProxyType({"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)})


def add_months(day: dt.date, months: int) -> dt.date:
    """First day of the month ``months`` after ``day``'s month."""
    years, month0 = divmod(day.month - 1 + months, 12)
    return dt.date(day.year + years, month0 + 1, 1)


def last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def week_interval(day: dt.date) -> str:
    monday = day - dt.timedelta(days=day.weekday())
    return f"{monday.isoformat()}/{(monday + dt.timedelta(days=6)).isoformat()}"


def month_year(anchor: dt.date, month: int, tense: str | None) -> int:
    """Year of a month named without a year."""
    if tense == "past":
        return anchor.year if month <= anchor.month else anchor.year - 1
    if tense == "future":
        return anchor.year if month >= anchor.month else anchor.year + 1
    diff = month - anchor.month
    if diff > 6:
        return anchor.year - 1
    if diff < -6:
        return anchor.year + 1
    return anchor.year


def day_year(anchor: dt.date, month: int, day: int, tense: str | None) -> int:
    """Year of a month and day named without a year."""
    same = (month, day)
    here = (anchor.month, anchor.day)
    if tense == "past":
        return anchor.year if same <= here else anchor.year - 1
    if tense == "future":
        return anchor.year if same >= here else anchor.year + 1
    candidates = [anchor.year - 1, anchor.year, anchor.year + 1]
    valid = [y for y in candidates if _valid(y, month, day)] or [anchor.year]
    return min(valid, key=lambda y: (abs((dt.date(y, month, day) - anchor).days), -y))


def year_with_weekday(anchor: dt.date, month: int, day: int, weekday: int, guess: int) -> int:
    """The year near the anchor in which month/day falls on ``weekday`` (1 = Monday), else ``guess``."""
    for year in (guess, anchor.year, anchor.year - 1, anchor.year + 1):
        if _valid(year, month, day) and dt.date(year, month, day).isoweekday() == weekday:
            return year
    return guess


def _valid(year: int, month: int, day: int) -> bool:
    return 1 <= day <= last_day(year, month)


def weekday_date(anchor: dt.date, weekday: int, tense: str | None, offset: int | None) -> dt.date:
    """Date of a weekday (1 = Monday) near the anchor; ``offset`` is last (-1), this (0), next (+1)."""
    back = (anchor.isoweekday() - weekday) % 7
    forward = (weekday - anchor.isoweekday()) % 7
    if offset == -1:
        return anchor - dt.timedelta(days=back or 7)
    if offset == 1:
        return anchor + dt.timedelta(days=forward or 7)
    if offset == 0:
        monday = anchor - dt.timedelta(days=anchor.weekday())
        return monday + dt.timedelta(days=weekday - 1)
    if tense == "past":
        return anchor - dt.timedelta(days=back)
    if tense == "future":
        return anchor + dt.timedelta(days=forward)
    # News reports mostly look back: a tie goes to the past.
    return anchor - dt.timedelta(days=back) if back <= forward else anchor + dt.timedelta(days=forward)


def season_year(anchor: dt.date, season: str, tense: str | None, offset: int | None) -> int:
    """Year of a season named without a year (winter belongs to the year it starts in)."""
    first, last = SEASON_MONTHS[season]
    month = anchor.month if not (season == "WI" and anchor.month <= 2) else anchor.month + 12
    year = anchor.year if not (season == "WI" and anchor.month <= 2) else anchor.year - 1
    inside = first <= month <= last
    after = month > last  # the season is over this year
    if offset == -1:
        return year if after else year - 1
    if offset == 1:
        return year + 1 if (after or inside) else year
    if offset == 0 or inside:
        return year
    if tense == "past":
        return year if after else year - 1
    if tense == "future":
        return year + 1 if after else year
    return year
