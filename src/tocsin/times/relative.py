"""Handlers for expressions that count from the anchor: yesterday, last week, Monday, two days ago, 3 p.m."""

from __future__ import annotations

import datetime as dt
import re

from tocsin.times import calendar as cal
from tocsin.times.absolute import resolve_date
from tocsin.times.resolved import (
    UNKNOWN,
    Context,
    Resolved,
    days_in,
    deictic_offset,
    duration_value,
    integer,
    lexicon_word,
    unit_code,
    year_source,
    year_value,
)


def resolve_relative_unit(m: re.Match[str], ctx: Context) -> Resolved | None:
    unit, offset = unit_code(ctx, m), deictic_offset(ctx, m)
    mod = lexicon_word(ctx, "part_of_period", m, "pp")
    if m.group("unit").lower().endswith("s") and unit not in ("CE",):
        return Resolved("DURATION", duration_value("X", unit), duration_value("X", unit), "unknown", "text")
    if unit in ("H", "MIN", "DE"):
        value = duration_value("1", unit)
        return Resolved("DURATION", value, value, "unknown", "text")
    anchor, source = ctx.anchor, year_source(ctx)
    step = offset or 0
    narrative = (m.group("deictic") if "deictic" in m.re.groupindex else None) or ""
    if narrative.lower().startswith("the ") and offset and ctx.reference is not None:
        # "the following year" after "in 2008" is 2009; "the next day" after "June 3" is June 4.
        fine_enough = {"D": ("day",), "W": ("day",), "M": ("day", "month"), "Y": ("day", "month", "year")}
        if ctx.reference_precision in fine_enough.get(unit, ()):
            anchor, source = ctx.reference, "text"
    if anchor is None:
        return UNKNOWN
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
    value, precision = year_value(year, mod)
    return Resolved("DATE", f"{year:04d}", value, precision, source, mod)


def _at_day(ctx: Context, day: dt.date, pod: str | None) -> Resolved:
    source = year_source(ctx)
    if pod is None:
        return Resolved("DATE", day.isoformat(), day.isoformat(), "day", source)
    return Resolved("TIME", f"{day.isoformat()}T{pod}", day.isoformat(), "day", source)


def resolve_relative_day(m: re.Match[str], ctx: Context) -> Resolved | None:
    if ctx.anchor is None:
        return UNKNOWN
    offset = int(ctx.lexicon.value("relative_day", m.group("relday")))
    pod = lexicon_word(ctx, "part_of_day", m, "pod")
    return _at_day(ctx, ctx.anchor + dt.timedelta(days=offset), pod)


def resolve_relative_night(m: re.Match[str], ctx: Context) -> Resolved | None:
    if ctx.anchor is None:
        return UNKNOWN
    offset = int(ctx.lexicon.value("relative_night", m.group("relnight")))
    return _at_day(ctx, ctx.anchor + dt.timedelta(days=offset), "NI")


def resolve_this_part_of_day(m: re.Match[str], ctx: Context) -> Resolved | None:
    if ctx.anchor is None:
        return UNKNOWN
    return _at_day(ctx, ctx.anchor, ctx.lexicon.value("part_of_day", m.group("pod")))


def resolve_weekday(m: re.Match[str], ctx: Context) -> Resolved | None:
    weekday = int(ctx.lexicon.value("weekday", m.group("weekday")))
    pod = lexicon_word(ctx, "part_of_day", m, "pod")
    if ctx.anchor is None:
        value = f"XXXX-WXX-{weekday}"
        if pod:
            return Resolved("TIME", f"{value}T{pod}", value, "day", "unknown")
        return Resolved("DATE", value, value, "day", "unknown")
    return _at_day(ctx, cal.weekday_date(ctx.anchor, weekday, ctx.tense, deictic_offset(ctx, m)), pod)


def resolve_ago(m: re.Match[str], ctx: Context) -> Resolved | None:
    raw = m.group("num") or "X"
    number = ctx.lexicon.words["numeral"].get(" ".join(raw.lower().split()), raw.replace(",", ""))
    unit = unit_code(ctx, m)
    mod = lexicon_word(ctx, "approx", m, "approx")
    if number == "X":
        return Resolved("DATE", "PAST_REF", None, "unknown", "text", mod)
    if ctx.anchor is None:
        return UNKNOWN
    anchor, source = ctx.anchor, year_source(ctx)
    if float(number) != int(float(number)):
        # "1.5 years ago": no calendar unit holds it; the year it reaches is the honest value.
        years = {"Y": 1, "DE": 10, "CE": 100}
        if unit in years:
            unit, number = "Y", str(round(float(number) * years[unit]))
        else:
            unit, number = "D", str(days_in(number, unit))
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


def resolve_clock(m: re.Match[str], ctx: Context) -> Resolved | None:
    word = m.group("clockword") if "clockword" in m.re.groupindex else None
    if word:
        hour, minute = (int(part) for part in ctx.lexicon.value("clock_word", word).split(":"))
    else:
        hour, minute = int(m.group("hour")), integer(m, "minute")
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
    return Resolved("TIME", f"{day.isoformat()}{clock}", day.isoformat(), "day", year_source(ctx))


def resolve_reference(m: re.Match[str], ctx: Context) -> Resolved | None:
    # "now", "the past": TimeML keeps the reference; tocsin gives no date (too vague to
    # date an event by, which then falls back to the publication date, said as such).
    ref = ctx.lexicon.value("reference", m.group("ref"))
    return Resolved("DATE", ref, None, "unknown", "unknown")
