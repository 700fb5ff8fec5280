"""Handlers for dates written out: days, months, years, decades, quarters, seasons."""

from __future__ import annotations

import re

from tocsin.times import calendar as cal
from tocsin.times.resolved import (
    Context,
    Resolved,
    TimexPart,
    deictic_offset,
    integer,
    lexicon_word,
    month_number,
    year_source,
    year_value,
)


def resolve_date(m: re.Match[str], ctx: Context) -> Resolved | None:
    month, day, year = month_number(ctx, m), integer(m, "day"), integer(m, "year")
    if day is None:
        return None
    if year is not None:
        source = "text"
    elif ctx.anchor is not None:
        year, source = cal.day_year(ctx.anchor, month, day, ctx.tense), year_source(ctx)
        weekday = lexicon_word(ctx, "weekday", m, "weekday")
        if weekday is not None:
            # "Monday 12 November": the written weekday settles the year, if a near one fits.
            year = cal.year_with_weekday(ctx.anchor, month, day, int(weekday), year)
    else:
        if day > cal.last_day(2000, month):  # a leap year: the most days a month can have
            return None
        value = f"XXXX-{month:02d}-{day:02d}"
        return Resolved("DATE", value, value, "day", "unknown")
    if day > cal.last_day(year, month):
        return None
    value = f"{year:04d}-{month:02d}-{day:02d}"
    return Resolved("DATE", value, value, "day", source)


def resolve_day_range(m: re.Match[str], ctx: Context) -> Resolved | None:
    first = resolve_date(m, ctx)
    day2 = integer(m, "day2")
    if first is None or day2 is None or first.value is None:
        return None
    prefix = first.value[:8]
    if day2 <= int(first.value[8:10]):
        return None
    second = f"{prefix}{day2:02d}"
    # "July 3 and 4" -> "July 3" + "4"; "28/29 July" -> "28" + "29 July" (as TimeML marks them).
    month_first = m.start("month") < m.start("day")
    parts = (
        TimexPart(m.start("month") if month_first else m.start("day"), m.end("day"), "DATE", first.value),
        TimexPart(m.start("day2"), m.end("day2") if month_first else m.end(), "DATE", second),
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
    month, year = month_number(ctx, m), integer(m, "year")
    mod = lexicon_word(ctx, "part_of_period", m, "pp")
    if year is not None:
        source = "text"
    elif ctx.anchor is not None:
        year, source = _month_year(ctx, month, deictic_offset(ctx, m)), year_source(ctx)
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


def resolve_year(m: re.Match[str], ctx: Context) -> Resolved | None:
    year = integer(m, "year")
    assert year is not None
    mod = lexicon_word(ctx, "part_of_period", m, "pp")
    value, precision = year_value(year, mod)
    # "fiscal 1998": TimeML writes the fiscal year as FY1998; tocsin keeps the calendar year.
    timex = f"FY{year:04d}" if "fiscal" in m.re.groupindex and m.group("fiscal") else f"{year:04d}"
    return Resolved("DATE", timex, value, precision, "text", mod)


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
    mod = lexicon_word(ctx, "part_of_period", m, "pp")
    return Resolved("DATE", str(start // 10), f"{start}/{start + 9}", "interval", "text", mod)


def resolve_century(m: re.Match[str], ctx: Context) -> Resolved | None:
    number = int(re.match(r"\d+", m.group("century")).group())  # type: ignore[union-attr]
    start = (number - 1) * 100
    mod = lexicon_word(ctx, "part_of_period", m, "pp")
    return Resolved("DATE", f"{number - 1:02d}", f"{start:04d}/{start + 99:04d}", "interval", "text", mod)


def _implicit_year(ctx: Context, month: int) -> tuple[int | None, str]:
    """Year of a period that starts in ``month`` of an unnamed year."""
    if ctx.anchor is None:
        return None, "unknown"
    year = ctx.anchor.year
    if ctx.tense == "past" and month > ctx.anchor.month:
        year -= 1
    return year, year_source(ctx)


def resolve_quarter(m: re.Match[str], ctx: Context) -> Resolved | None:
    qnum = integer(m, "qnum")
    quarter = qnum if qnum is not None else int(ctx.lexicon.value("ordinal", m.group("ordinal")))
    year, source = integer(m, "year"), "text"
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
    mod = lexicon_word(ctx, "part_of_period", m, "pp")
    year, source = integer(m, "year"), "text"
    if year is None and ctx.anchor is not None:
        year, source = (
            cal.season_year(ctx.anchor, season, ctx.tense, deictic_offset(ctx, m)),
            year_source(ctx),
        )
    value = f"{year:04d}-{season}" if year is not None else f"XXXX-{season}"
    return Resolved("DATE", value, value, "season", source if year is not None else "unknown", mod)
