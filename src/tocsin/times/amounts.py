"""Handlers for amounts of time and repetitions: durations (P3D) and sets (XXXX-WXX)."""

from __future__ import annotations

import re

from tocsin.times.resolved import Context, Resolved, TimexPart, duration_value, lexicon_word, unit_code


def resolve_duration(m: re.Match[str], ctx: Context) -> Resolved | None:
    raw = m.group("num").lower()
    number = ctx.lexicon.words["numeral"].get(" ".join(raw.split()), raw.replace(",", ""))
    value = duration_value(number, unit_code(ctx, m))
    return Resolved("DURATION", value, value, "unknown", "text", lexicon_word(ctx, "approx", m, "approx"))


def resolve_duration_range(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "between 12 and 18 months": two TIMEX3 durations, the first borrowing the unit."""
    numerals = ctx.lexicon.words["numeral"]
    unit = unit_code(ctx, m)
    first = numerals.get(m.group("num1").lower(), m.group("num1").replace(",", ""))
    second = numerals.get(m.group("num").lower(), m.group("num").replace(",", ""))
    if "X" in (first, second):
        return None
    low, high = duration_value(first, unit), duration_value(second, unit)
    parts = (
        TimexPart(m.start("num1"), m.end("num1"), "DURATION", low),
        TimexPart(m.start("num"), m.end(), "DURATION", high),
    )
    return Resolved("DURATION", high, f"{low}/{high}", "unknown", "text", parts=parts)


def resolve_vague_duration(m: re.Match[str], ctx: Context) -> Resolved | None:
    value = duration_value("X", unit_code(ctx, m, "units"))
    return Resolved("DURATION", value, value, "unknown", "text")


def resolve_frequency(m: re.Match[str], ctx: Context) -> Resolved | None:
    value = ctx.lexicon.value("frequency", m.group("freq"))
    return Resolved("SET", value, value, "unknown", "text")


def resolve_every_weekday(m: re.Match[str], ctx: Context) -> Resolved | None:
    value = f"XXXX-WXX-{ctx.lexicon.value('weekday', m.group('weekday'))}"
    return Resolved("SET", value, value, "unknown", "text")
