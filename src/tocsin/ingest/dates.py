"""Publication dates as inputs give them, parsed with their precision kept.

``parse_published`` tries an ordered table of named formats; the first that
matches wins. "2024-07" is July 2024 at month precision (stored as the 1st),
never a made-up day. Ambiguous numeric forms such as ``02/07/2024`` (2 July or
February 7?) are not guessed: they give ``(None, "unknown")``.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from email.utils import parsedate_to_datetime

from tocsin.records import DatePrecision

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_WEEKDAY = r"(?:[A-Za-z]+,?\s+)?"

Parsed = tuple[dt.date, DatePrecision]


@dataclass(frozen=True, slots=True)
class DateFormat:
    id: str
    pattern: re.Pattern[str]
    build: Callable[[re.Match[str]], Parsed | None]


def _ymd(m: re.Match[str]) -> Parsed | None:
    return _safe(int(m["year"]), int(m["month"]), int(m["day"]), "day")


def _ym(m: re.Match[str]) -> Parsed | None:
    return _safe(int(m["year"]), int(m["month"]), 1, "month")


def _y(m: re.Match[str]) -> Parsed | None:
    return _safe(int(m["year"]), 1, 1, "year")


def _named_ymd(m: re.Match[str]) -> Parsed | None:
    month = _MONTHS.get(m["month"].lower())
    return _safe(int(m["year"]), month, int(m["day"]), "day") if month else None


def _named_ym(m: re.Match[str]) -> Parsed | None:
    month = _MONTHS.get(m["month"].lower())
    return _safe(int(m["year"]), month, 1, "month") if month else None


def _iso_datetime(m: re.Match[str]) -> Parsed | None:
    value = m.string.strip().replace("Z", "+00:00").replace("z", "+00:00")
    try:
        return dt.datetime.fromisoformat(value).date(), "day"
    except ValueError:
        return _ymd(m)


def _rfc2822(m: re.Match[str]) -> Parsed | None:
    try:
        return parsedate_to_datetime(m.string.strip()).date(), "day"
    except (TypeError, ValueError, IndexError):
        return None


def _safe(year: int, month: int, day: int, precision: DatePrecision) -> Parsed | None:
    try:
        return dt.date(year, month, day), precision
    except ValueError:
        return None


FORMATS: tuple[DateFormat, ...] = (
    DateFormat(
        "iso-datetime",
        re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})[T ]\d{2}:\d{2}.*"),
        _iso_datetime,
    ),
    DateFormat("iso-date", re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})"), _ymd),
    DateFormat("slash-ymd", re.compile(r"(?P<year>\d{4})/(?P<month>\d{1,2})/(?P<day>\d{1,2})"), _ymd),
    DateFormat("compact-ymd", re.compile(r"(?P<year>\d{4})(?P<month>\d{2})(?P<day>\d{2})"), _ymd),
    DateFormat("iso-month", re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})"), _ym),
    DateFormat("year", re.compile(r"(?P<year>\d{4})"), _y),
    DateFormat(
        "rfc2822", re.compile(r"(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{1,2}:.*"), _rfc2822
    ),
    DateFormat("month-day-year", re.compile(rf"{_WEEKDAY}?{_MONTH}\s+{_DAY},?\s+{_YEAR}"), _named_ymd),
    DateFormat("day-month-year", re.compile(rf"{_WEEKDAY}{_DAY}\s+{_MONTH},?\s+{_YEAR}"), _named_ymd),
    DateFormat("month-year", re.compile(rf"{_MONTH},?\s+{_YEAR}"), _named_ym),
)


def parse_published(value: object) -> tuple[dt.date | None, DatePrecision]:
    """A date and its precision from a string, date, datetime or ``time.struct_time``."""
    if value is None:
        return None, "unknown"
    if isinstance(value, dt.datetime):
        return value.date(), "day"
    if isinstance(value, dt.date):
        return value, "day"
    if isinstance(value, time.struct_time):
        return _safe(value.tm_year, value.tm_mon, value.tm_mday, "day") or (None, "unknown")
    text = str(value).strip()
    for fmt in FORMATS:
        match = fmt.pattern.fullmatch(text)
        if match and (parsed := fmt.build(match)):
            return parsed
    return None, "unknown"
