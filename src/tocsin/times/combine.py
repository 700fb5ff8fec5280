"""Join a time expression with its interval signal: "since February 2022", "between May and July".

TimeML marks the signal apart (the TIMEX3 parts stay as they were, for the evaluator);
tocsin's mention spans the whole interval and its value is ``start/end``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from tocsin.times.expression import TimeExpression

_DATED = frozenset({"day", "month", "season", "quarter", "year", "interval"})
_SINCE = re.compile(r"(?i)\bsince\s+$")
_OPEN_RANGE = re.compile(r"(?i)\b(?:between|from)\s+$")
_JOIN = re.compile(r"(?i)\s*(?:and|to|until|till|through|-|–)\s*")


def _first(value: str) -> str:
    return value.split("/")[0]


def _last(value: str) -> str:
    return value.split("/")[-1]


def _dated(expr: TimeExpression) -> bool:
    return expr.value is not None and expr.precision in _DATED and "X" not in expr.value


def combine_intervals(
    text: str, expressions: list[TimeExpression], anchor: dt.date | None
) -> list[TimeExpression]:
    out: list[TimeExpression] = []
    i = 0
    while i < len(expressions):
        expr = expressions[i]
        after = expressions[i + 1] if i + 1 < len(expressions) else None
        before = text[max(0, expr.start - 12) : expr.start]
        opening = _OPEN_RANGE.search(before)
        if (
            opening
            and after is not None
            and _dated(expr)
            and _dated(after)
            and _JOIN.fullmatch(text[expr.end : after.start])
        ):
            start = expr.start - (len(before) - opening.start())
            value = f"{_first(expr.value or '')}/{_last(after.value or '')}"
            out.append(
                replace(
                    expr,
                    start=start,
                    end=after.end,
                    text=text[start : after.end],
                    value=value,
                    precision="interval",
                    parts=expr.parts + after.parts,
                )
            )
            i += 2
            continue
        since = _SINCE.search(before)
        if since and _dated(expr):
            start = expr.start - (len(before) - since.start())
            end_value = anchor.isoformat() if anchor is not None else ".."
            out.append(
                replace(
                    expr,
                    start=start,
                    text=text[start : expr.end],
                    value=f"{_first(expr.value or '')}/{end_value}",
                    precision="interval",
                )
            )
        else:
            out.append(expr)
        i += 1
    return out
