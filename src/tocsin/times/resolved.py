"""The shared vocabulary of the handlers: what a handler gets (``Context``) and gives (``Resolved``).

``timex_value`` follows TimeML (``2013-W12``, ``P3D``, ``PRESENT_REF``, ``2022`` with ``mod``
END); ``value`` is what tocsin outputs (``2022-Q4`` for "late 2022", a ``start/end`` interval
for a week). The helpers read named groups of a pattern match through the lexicon.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from tocsin.records import DatePrecision
from tocsin.times import calendar as cal
from tocsin.times.lexicon import Lexicon


@dataclass(frozen=True, slots=True)
class TimexPart:
    """A TimeML TIMEX3 as the gold would mark it (one mention may hold two: "July 3 and 4")."""

    start: int
    end: int
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class Resolved:
    timex_type: str
    timex_value: str
    value: str | None
    precision: DatePrecision
    year_source: str
    mod: str | None = None
    parts: tuple[TimexPart, ...] = ()


@dataclass(frozen=True, slots=True)
class Context:
    lexicon: Lexicon
    anchor: dt.date | None
    # Where the anchor came from: "anchor" (publication date) or "text" (a full date in the text).
    anchor_source: str
    tense: str | None
    # The last date written before this expression, with its precision ("In 2008 ... the
    # following year", "On June 3 ... the next day"): narrative relatives count from it.
    reference: dt.date | None = None
    reference_precision: str | None = None


Handler = Callable[[re.Match[str], Context], "Resolved | None"]
UNKNOWN = Resolved("DATE", "XXXX", None, "unknown", "unknown")


def lexicon_word(ctx: Context, word_class: str, m: re.Match[str], group: str) -> str | None:
    text = m.group(group) if group in m.re.groupindex else None
    return ctx.lexicon.value(word_class, text) if text else None


def integer(m: re.Match[str], group: str) -> int | None:
    text = m.group(group) if group in m.re.groupindex else None
    digits = re.match(r"\d+", text) if text else None
    return int(digits.group()) if digits else None


def deictic_offset(ctx: Context, m: re.Match[str]) -> int | None:
    value = lexicon_word(ctx, "deictic", m, "deictic")
    return int(value) if value is not None else None


def month_number(ctx: Context, m: re.Match[str], group: str = "month") -> int:
    number = integer(m, "monthnum")
    return number if number is not None else int(ctx.lexicon.value("month", m.group(group)))


def year_source(ctx: Context) -> str:
    return ctx.anchor_source if ctx.anchor is not None else "unknown"


def year_value(year: int, mod: str | None) -> tuple[str, DatePrecision]:
    if mod in cal.PERIOD_QUARTER:
        return f"{year:04d}-Q{cal.PERIOD_QUARTER[mod]}", "quarter"
    if mod == "MID":
        return f"{year:04d}-05/{year:04d}-08", "interval"
    return f"{year:04d}", "year"


def plain(number: float) -> str:
    """25.0 -> "25", 2.5 -> "2.5"."""
    return str(int(number)) if number == int(number) else str(number)


def duration_value(number: str, unit: str) -> str:
    if unit in ("H", "MIN"):
        return f"PT{number}{'H' if unit == 'H' else 'M'}"
    if number != "X" and unit in ("DE", "CE"):
        return f"P{plain(float(number) * (10 if unit == 'DE' else 100))}Y"
    return f"P{number}{unit}"


def unit_code(ctx: Context, m: re.Match[str], group: str = "unit") -> str:
    return ctx.lexicon.value("unit", m.group(group))


def days_in(number: str, unit: str) -> int:
    per_unit = {"D": 1, "W": 7, "WE": 7, "M": 30, "Y": 365, "DE": 3652, "CE": 36524}
    return round(float(number) * per_unit.get(unit, 0))
