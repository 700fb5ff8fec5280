"""The internal record of one recognised time expression (richer than ``TimeMention``)."""

from __future__ import annotations

from dataclasses import dataclass

from tocsin.records import DatePrecision, TimeMention
from tocsin.times.resolve import TimexPart


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A recognised expression with everything the evaluator and ``date_events`` may need."""

    start: int
    end: int
    text: str
    rule: str
    timex_type: str
    timex_value: str
    value: str | None
    precision: DatePrecision
    year_source: str
    tense: str | None
    mod: str | None
    parts: tuple[TimexPart, ...]

    def mention(self) -> TimeMention:
        return TimeMention(
            text=self.text,
            start=self.start,
            end=self.end,
            value=self.value,
            precision=self.precision,
            year_source=self.year_source,
            tense=self.tense,
        )
