"""The handler table: each pattern in patterns.jsonl names one of these.

A handler takes one regex match and its ``Context`` and returns ``Resolved`` or None (the
match is not a time expression after all). See ``resolved.py`` for the two value views.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from tocsin.times.absolute import (
    resolve_century,
    resolve_date,
    resolve_day_range,
    resolve_decade,
    resolve_half,
    resolve_month,
    resolve_quarter,
    resolve_season,
    resolve_year,
    resolve_year_pair,
)
from tocsin.times.amounts import (
    resolve_duration,
    resolve_duration_range,
    resolve_every_weekday,
    resolve_frequency,
    resolve_vague_duration,
)
from tocsin.times.relative import (
    resolve_ago,
    resolve_clock,
    resolve_reference,
    resolve_relative_day,
    resolve_relative_night,
    resolve_relative_unit,
    resolve_this_part_of_day,
    resolve_weekday,
)
from tocsin.times.resolved import Context, Handler, Resolved, TimexPart

__all__ = ["HANDLERS", "Context", "Resolved", "TimexPart"]

HANDLERS: Mapping[str, Handler] = MappingProxyType(
    {
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
)
