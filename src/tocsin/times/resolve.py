"""Handlers: one regex match + its context -> a normalised value (TimeML and tocsin's own).

Each pattern in patterns.jsonl names a handler here. A handler returns ``Resolved`` or
None (the match is not a time expression after all). ``timex_value`` follows TimeML
(``2013-W12``, ``P3D``, ``PRESENT_REF``, ``2022`` with ``mod`` END); ``value`` is what
tocsin outputs (``2022-Q4`` for "late 2022", a ``start/end`` interval for a week).
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
_UNKNOWN = Resolved("DATE", "XXXX", None, "unknown", "unknown")


def _word(ctx: Context, word_class: str, m: re.Match[str], group: str) -> str | None:
    text = m.group(group) if group in m.re.groupindex else None
    return ctx.lexicon.value(word_class, text) if text else None


def _int(m: re.Match[str], group: str) -> int | None:
    text = m.group(group) if group in m.re.groupindex else None
    digits = re.match(r"\d+", text) if text else None
    return int(digits.group()) if digits else None


def _offset(ctx: Context, m: re.Match[str]) -> int | None:
    word = _word(ctx, "deictic", m, "deictic")
    return int(word) if word is not None else None


def _month(ctx: Context, m: re.Match[str], group: str = "month") -> int:
    number = _int(m, "monthnum")
    return number if number is not None else int(ctx.lexicon.value("month", m.group(group)))


def _year_source(ctx: Context) -> str:
    return ctx.anchor_source if ctx.anchor is not None else "unknown"


def resolve_date(m: re.Match[str], ctx: Context) -> Resolved | None:
    month, day, year = _month(ctx, m), _int(m, "day"), _int(m, "year")
    if day is None:
        return None
    if year is not None:
        source = "text"
    elif ctx.anchor is not None:
        year, source = cal.day_year(ctx.anchor, month, day, ctx.tense), _year_source(ctx)
        weekday = _word(ctx, "weekday", m, "weekday")
        if weekday is not None:
            # "Monday 12 November": the written weekday settles the year, if a near one fits.
            year = cal.year_with_weekday(ctx.anchor, month, day, int(weekday), year)
    else:
        value = f"XXXX-{month:02d}-{day:02d}"
        return Resolved("DATE", value, value, "day", "unknown")
    if day > cal.last_day(year, month):
        return None
    value = f"{year:04d}-{month:02d}-{day:02d}"
    return Resolved("DATE", value, value, "day", source)


def resolve_day_range(m: re.Match[str], ctx: Context) -> Resolved | None:
    first = resolve_date(m, ctx)
    day2 = _int(m, "day2")
    if first is None or day2 is None or first.value is None:
        return None
    prefix = first.value[:8]
    if day2 <= int(first.value[8:10]):
        return None
    second = f"{prefix}{day2:02d}"
    parts = (
        TimexPart(m.start("month"), m.end("day"), "DATE", first.value),
        TimexPart(m.start("day2"), m.end("day2"), "DATE", second),
    )
    value = f"{first.value}/{second}"
    return Resolved("DATE", first.value, value, "interval", first.year_source, parts=parts)


def _month_year(ctx: Context, month: int, offset: int | None) -> int:
    assert ctx.anchor is not None
    if offset == -1:
        return ctx.anchor.year if month < ctx.anchor.month else ctx.anchor.year - 1
    if offset == 1:
        return ctx.anchor.year if month > ctx.anchor.month else ctx.anchor.year + 1
    if offset == 0:
        return ctx.anchor.year
    return cal.month_year(ctx.anchor, month, ctx.tense)


def resolve_month(m: re.Match[str], ctx: Context) -> Resolved | None:
    month, year = _month(ctx, m), _int(m, "year")
    mod = _word(ctx, "part_of_period", m, "pp")
    if year is not None:
        source = "text"
    elif ctx.anchor is not None:
        year, source = _month_year(ctx, month, _offset(ctx, m)), _year_source(ctx)
    else:
        value = f"XXXX-{month:02d}"
        return Resolved("DATE", value, value, "month", "unknown", mod)
    timex = f"{year:04d}-{month:02d}"
    if mod is None:
        return Resolved("DATE", timex, timex, "month", source)
    first, last = cal.PERIOD_DAYS[mod]
    last = min(last, cal.last_day(year, month))
    value = f"{timex}-{first:02d}/{timex}-{last:02d}"
    return Resolved("DATE", timex, value, "interval", source, mod)


def _year_value(year: int, mod: str | None) -> tuple[str, DatePrecision]:
    if mod in cal.PERIOD_QUARTER:
        return f"{year:04d}-Q{cal.PERIOD_QUARTER[mod]}", "quarter"
    if mod == "MID":
        return f"{year:04d}-05/{year:04d}-08", "interval"
    return f"{year:04d}", "year"


def resolve_year(m: re.Match[str], ctx: Context) -> Resolved | None:
    year = _int(m, "year")
    assert year is not None
    mod = _word(ctx, "part_of_period", m, "pp")
    value, precision = _year_value(year, mod)
    return Resolved("DATE", f"{year:04d}", value, precision, "text", mod)


def resolve_year_pair(m: re.Match[str], ctx: Context) -> Resolved | None:
    first = int(m.group("year"))
    second = first // 100 * 100 + int(m.group("yy"))
    if second <= first:
        return None
    parts = (
        TimexPart(m.start("year"), m.end("year"), "DATE", str(first)),
        TimexPart(m.start("yy"), m.end("yy"), "DATE", str(second)),
    )
    return Resolved("DATE", str(first), f"{first}/{second}", "interval", "text", parts=parts)


def resolve_decade(m: re.Match[str], ctx: Context) -> Resolved | None:
    start = int(m.group("decade")[:4])
    mod = _word(ctx, "part_of_period", m, "pp")
    return Resolved("DATE", str(start // 10), f"{start}/{start + 9}", "interval", "text", mod)


def resolve_century(m: re.Match[str], ctx: Context) -> Resolved | None:
    number = int(re.match(r"\d+", m.group("century")).group())  # type: ignore[union-attr]
    start = (number - 1) * 100
    mod = _word(ctx, "part_of_period", m, "pp")
    return Resolved("DATE", f"{number - 1:02d}", f"{start:04d}/{start + 99:04d}", "interval", "text", mod)


_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


def _implicit_year(ctx: Context, month: int) -> tuple[int | None, str]:
    """Year of a period that starts in ``month`` of an unnamed year."""
    if ctx.anchor is None:
        return None, "unknown"
    year = ctx.anchor.year
    if ctx.tense == "past" and month > ctx.anchor.month:
        year -= 1
    return year, _year_source(ctx)


def resolve_quarter(m: re.Match[str], ctx: Context) -> Resolved | None:
    qnum = _int(m, "qnum")
    quarter = qnum if qnum is not None else _ORDINALS[m.group("qord").lower()]
    year, source = _int(m, "year"), "text"
    if year is None:
        year, source = _implicit_year(ctx, quarter * 3 - 2)
    value = f"{year:04d}-Q{quarter}" if year is not None else f"XXXX-Q{quarter}"
    return Resolved("DATE", value, value, "quarter", source)


def resolve_half(m: re.Match[str], ctx: Context) -> Resolved | None:
    year = int(m.group("year"))
    half = 1 if m.group("half").lower() == "first" else 2
    months = ("01", "06") if half == 1 else ("07", "12")
    value = f"{year}-{months[0]}/{year}-{months[1]}"
    return Resolved("DATE", f"{year}-H{half}", value, "interval", "text")


def resolve_season(m: re.Match[str], ctx: Context) -> Resolved | None:
    season = ctx.lexicon.value("season", m.group("season"))
    mod = _word(ctx, "part_of_period", m, "pp")
    year, source = _int(m, "year"), "text"
    if year is None and ctx.anchor is not None:
        year, source = cal.season_year(ctx.anchor, season, ctx.tense, _offset(ctx, m)), _year_source(ctx)
    value = f"{year:04d}-{season}" if year is not None else f"XXXX-{season}"
    return Resolved("DATE", value, value, "season", source if year is not None else "unknown", mod)


def _plain(number: float) -> str:
    """25.0 -> "25", 2.5 -> "2.5"."""
    return str(int(number)) if number == int(number) else str(number)


def _duration_value(number: str, unit: str) -> str:
    if unit in ("H", "MIN"):
        return f"PT{number}{'H' if unit == 'H' else 'M'}"
    if number != "X" and unit in ("DE", "CE"):
        return f"P{_plain(float(number) * (10 if unit == 'DE' else 100))}Y"
    return f"P{number}{unit}"


def _unit(ctx: Context, m: re.Match[str], group: str = "unit") -> str:
    return ctx.lexicon.value("unit", m.group(group))


def resolve_relative_unit(m: re.Match[str], ctx: Context) -> Resolved | None:
    unit, offset = _unit(ctx, m), _offset(ctx, m)
    mod = _word(ctx, "part_of_period", m, "pp")
    if m.group("unit").lower().endswith("s") and unit not in ("CE",):
        return Resolved("DURATION", _duration_value("X", unit), _duration_value("X", unit), "unknown", "text")
    if unit in ("H", "MIN", "DE"):
        value = _duration_value("1", unit)
        return Resolved("DURATION", value, value, "unknown", "text")
    anchor, source = ctx.anchor, _year_source(ctx)
    step = offset or 0
    narrative = (m.group("deictic") if "deictic" in m.re.groupindex else None) or ""
    if narrative.lower().startswith("the ") and offset and ctx.reference is not None:
        # "the following year" after "in 2008" is 2009; "the next day" after "June 3" is June 4.
        fine_enough = {"D": ("day",), "W": ("day",), "M": ("day", "month"), "Y": ("day", "month", "year")}
        if ctx.reference_precision in fine_enough.get(unit, ()):
            anchor, source = ctx.reference, "text"
    if anchor is None:
        return _UNKNOWN
    if unit == "D":
        day = anchor + dt.timedelta(days=step)
        return Resolved("DATE", day.isoformat(), day.isoformat(), "day", source, mod)
    if unit == "WE" and offset is None and ctx.tense == "past" and anchor.isoweekday() < 6:
        step = -1  # "troops struck over the weekend", told on a weekday: the one just gone
    if unit in ("W", "WE"):
        day = anchor + dt.timedelta(weeks=step)
        if unit == "WE":
            saturday = day + dt.timedelta(days=5 - day.weekday())
            weekend = f"{saturday.isoformat()}/{(saturday + dt.timedelta(days=1)).isoformat()}"
            return Resolved("DATE", cal.iso_week(day) + "-WE", weekend, "interval", source, mod)
        return Resolved("DATE", cal.iso_week(day), cal.week_interval(day), "interval", source, mod)
    if unit == "M":
        month = cal.add_months(anchor, step)
        if offset is None and mod == "END" and ctx.tense == "past" and anchor.day < 21:
            month = cal.add_months(anchor, -1)
        timex = f"{month.year:04d}-{month.month:02d}"
        return Resolved("DATE", timex, timex, "month", source, mod)
    if unit == "Q":
        quarter0 = (anchor.month - 1) // 3 + step
        year, q0 = anchor.year + quarter0 // 4, quarter0 % 4
        value = f"{year:04d}-Q{q0 + 1}"
        return Resolved("DATE", value, value, "quarter", source, mod)
    if unit == "CE":
        century = anchor.year // 100 + step
        return Resolved("DATE", f"{century:02d}", f"{century * 100}/{century * 100 + 99}", "interval", source)
    year = anchor.year + step
    if offset is None and mod == "END" and ctx.tense == "past" and anchor.month < 10:
        year -= 1
    value, precision = _year_value(year, mod)
    return Resolved("DATE", f"{year:04d}", value, precision, source, mod)


def _at_day(ctx: Context, day: dt.date, pod: str | None) -> Resolved:
    source = _year_source(ctx)
    if pod is None:
        return Resolved("DATE", day.isoformat(), day.isoformat(), "day", source)
    return Resolved("TIME", f"{day.isoformat()}T{pod}", day.isoformat(), "day", source)


def resolve_relative_day(m: re.Match[str], ctx: Context) -> Resolved | None:
    if ctx.anchor is None:
        return _UNKNOWN
    offset = int(ctx.lexicon.value("relative_day", m.group("relday")))
    pod = _word(ctx, "part_of_day", m, "pod")
    return _at_day(ctx, ctx.anchor + dt.timedelta(days=offset), pod)


def resolve_relative_night(m: re.Match[str], ctx: Context) -> Resolved | None:
    if ctx.anchor is None:
        return _UNKNOWN
    offset = int(ctx.lexicon.value("relative_night", m.group("relnight")))
    return _at_day(ctx, ctx.anchor + dt.timedelta(days=offset), "NI")


def resolve_this_part_of_day(m: re.Match[str], ctx: Context) -> Resolved | None:
    if ctx.anchor is None:
        return _UNKNOWN
    return _at_day(ctx, ctx.anchor, ctx.lexicon.value("part_of_day", m.group("pod")))


def resolve_weekday(m: re.Match[str], ctx: Context) -> Resolved | None:
    weekday = int(ctx.lexicon.value("weekday", m.group("weekday")))
    pod = _word(ctx, "part_of_day", m, "pod")
    if ctx.anchor is None:
        value = f"XXXX-WXX-{weekday}"
        if pod:
            return Resolved("TIME", f"{value}T{pod}", value, "day", "unknown")
        return Resolved("DATE", value, value, "day", "unknown")
    return _at_day(ctx, cal.weekday_date(ctx.anchor, weekday, ctx.tense, _offset(ctx, m)), pod)


def resolve_ago(m: re.Match[str], ctx: Context) -> Resolved | None:
    raw = m.group("num") or "X"
    number = ctx.lexicon.words["numeral"].get(" ".join(raw.lower().split()), raw.replace(",", ""))
    unit = _unit(ctx, m)
    mod = _word(ctx, "approx", m, "approx")
    if number == "X":
        return Resolved("DATE", "PAST_REF", None, "unknown", "text", mod)
    if ctx.anchor is None:
        return _UNKNOWN
    anchor, source = ctx.anchor, _year_source(ctx)
    if float(number) != int(float(number)):
        # "1.5 years ago": no calendar unit holds it; the year it reaches is the honest value.
        years = {"Y": 1, "DE": 10, "CE": 100}
        if unit in years:
            unit, number = "Y", str(round(float(number) * years[unit]))
        else:
            unit, number = "D", str(_days(number, unit))
    n = int(float(number))
    if unit == "D":
        day = anchor - dt.timedelta(days=n)
        return Resolved("DATE", day.isoformat(), day.isoformat(), "day", source, mod)
    if unit in ("W", "WE"):
        day = anchor - dt.timedelta(weeks=n)
        return Resolved("DATE", cal.iso_week(day), cal.week_interval(day), "interval", source, mod)
    if unit == "M":
        month = cal.add_months(anchor, -n)
        value = f"{month.year:04d}-{month.month:02d}"
        return Resolved("DATE", value, value, "month", source, mod)
    if unit in ("Y", "DE", "CE"):
        year = anchor.year - n * {"Y": 1, "DE": 10, "CE": 100}[unit]
        return Resolved("DATE", f"{year:04d}", f"{year:04d}", "year", source, mod)
    return Resolved("DATE", "PAST_REF", None, "unknown", source, mod)


def _days(number: str, unit: str) -> int:
    per_unit = {"D": 1, "W": 7, "WE": 7, "M": 30, "Y": 365, "DE": 3652, "CE": 36524}
    return round(float(number) * per_unit.get(unit, 0))


def resolve_duration(m: re.Match[str], ctx: Context) -> Resolved | None:
    raw = m.group("num").lower()
    number = ctx.lexicon.words["numeral"].get(" ".join(raw.split()), raw.replace(",", ""))
    value = _duration_value(number, _unit(ctx, m))
    return Resolved("DURATION", value, value, "unknown", "text", _word(ctx, "approx", m, "approx"))


def resolve_duration_range(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "between 12 and 18 months": two TIMEX3 durations, the first borrowing the unit."""
    numerals = ctx.lexicon.words["numeral"]
    unit = _unit(ctx, m)
    first = numerals.get(m.group("num1").lower(), m.group("num1").replace(",", ""))
    second = numerals.get(m.group("num").lower(), m.group("num").replace(",", ""))
    if "X" in (first, second):
        return None
    low, high = _duration_value(first, unit), _duration_value(second, unit)
    parts = (
        TimexPart(m.start("num1"), m.end("num1"), "DURATION", low),
        TimexPart(m.start("num"), m.end(), "DURATION", high),
    )
    return Resolved("DURATION", high, f"{low}/{high}", "unknown", "text", parts=parts)


def resolve_vague_duration(m: re.Match[str], ctx: Context) -> Resolved | None:
    value = _duration_value("X", _unit(ctx, m, "units"))
    return Resolved("DURATION", value, value, "unknown", "text")


_CLOCK_WORDS = {"noon": (12, 0), "midday": (12, 0), "midnight": (24, 0)}


def resolve_clock(m: re.Match[str], ctx: Context) -> Resolved | None:
    word = m.group("clockword") if "clockword" in m.re.groupindex else None
    if word:
        hour, minute = _CLOCK_WORDS[word.lower()]
    else:
        hour, minute = int(m.group("hour")), _int(m, "minute")
    ampm = (m.group("ampm") or "").lower().replace(".", "") if "ampm" in m.re.groupindex else ""
    if ampm and not 1 <= hour <= 12:
        return None
    if ampm == "pm" and hour != 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    clock = f"T{hour:02d}" + (f":{minute:02d}" if minute is not None else "")
    day: dt.date | None = ctx.anchor
    if m.group("month"):
        written = resolve_date(m, ctx)
        if written is None or written.value is None or "X" in written.value:
            return Resolved("TIME", f"XXXX-XX-XX{clock}", None, "unknown", "unknown")
        return Resolved("TIME", f"{written.value}{clock}", written.value, "day", written.year_source)
    if ctx.anchor is not None and m.group("weekday"):
        weekday = int(ctx.lexicon.value("weekday", m.group("weekday")))
        day = cal.weekday_date(ctx.anchor, weekday, ctx.tense, None)
    elif ctx.anchor is not None and m.group("relday"):
        day = ctx.anchor + dt.timedelta(days=int(ctx.lexicon.value("relative_day", m.group("relday"))))
    if day is None:
        return Resolved("TIME", f"XXXX-XX-XX{clock}", None, "unknown", "unknown")
    return Resolved("TIME", f"{day.isoformat()}{clock}", day.isoformat(), "day", _year_source(ctx))


def resolve_reference(m: re.Match[str], ctx: Context) -> Resolved | None:
    # "now", "the past": TimeML keeps the reference; tocsin gives no date (too vague to
    # date an event by, which then falls back to the publication date, said as such).
    ref = ctx.lexicon.value("reference", m.group("ref"))
    return Resolved("DATE", ref, None, "unknown", "unknown")


def resolve_frequency(m: re.Match[str], ctx: Context) -> Resolved | None:
    value = ctx.lexicon.value("frequency", m.group("freq"))
    return Resolved("SET", value, value, "unknown", "text")


def resolve_every_weekday(m: re.Match[str], ctx: Context) -> Resolved | None:
    value = f"XXXX-WXX-{ctx.lexicon.value('weekday', m.group('weekday'))}"
    return Resolved("SET", value, value, "unknown", "text")


HANDLERS: dict[str, Handler] = {
    "date": resolve_date,
    "day_range": resolve_day_range,
    "month": resolve_month,
    "year": resolve_year,
    "year_pair": resolve_year_pair,
    "decade": resolve_decade,
    "century": resolve_century,
    "quarter": resolve_quarter,
    "half": resolve_half,
    "season": resolve_season,
    "relative_unit": resolve_relative_unit,
    "relative_day": resolve_relative_day,
    "relative_night": resolve_relative_night,
    "this_part_of_day": resolve_this_part_of_day,
    "weekday": resolve_weekday,
    "ago": resolve_ago,
    "duration": resolve_duration,
    "duration_range": resolve_duration_range,
    "vague_duration": resolve_vague_duration,
    "clock": resolve_clock,
    "reference": resolve_reference,
    "frequency": resolve_frequency,
    "every_weekday": resolve_every_weekday,
}
