"""Join time expressions with their interval signals: "since February 2022", "between May and July".

TimeML marks the signal apart (the TIMEX3 parts stay as they were, for the evaluator);
tocsin's mention spans the whole interval and its value is ``start/end``. Rules, in order:

1. ``range``: "between X and Y", "from X to Y" -> ``X/Y``;
2. ``since``: "since X" -> ``X/<anchor>`` (``X/..`` without an anchor);
3. ``until``: "until X" -> ``<anchor>/X`` (``../X`` without an anchor).

The signal words come from the lexicon (class ``interval_signal``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from tocsin.times.expression import TimeExpression
from tocsin.times.lexicon import Lexicon

_DATED = frozenset({"day", "month", "season", "quarter", "year", "interval"})
_OPEN_RANGE = re.compile(r"(?i)\b(?:between|from)\s+$")
_JOIN = re.compile(r"(?i)\s*(?:and|to|until|till|through|-|–)\s*")
_LOOKBACK = 16  # characters before an expression where its signal may sit


def signal_patterns(lexicon: Lexicon) -> dict[str, re.Pattern[str]]:
    """Signal kind ("since", "until") -> a regex for it at the end of the preceding text."""
    kinds: dict[str, list[str]] = {}
    for word, kind in lexicon.words["interval_signal"].items():
        kinds.setdefault(kind, []).append(r"\s+".join(re.escape(w) for w in word.split()))
    return {
        kind: re.compile(rf"(?i)(?<!\w)(?:{'|'.join(sorted(words, key=len, reverse=True))})\s+$")
        for kind, words in kinds.items()
    }


def _first(value: str) -> str:
    return value.split("/")[0]


def _last(value: str) -> str:
    return value.split("/")[-1]


def _dated(expr: TimeExpression | None) -> bool:
    return expr is not None and expr.value is not None and expr.precision in _DATED and "X" not in expr.value


def _widen(text: str, expr: TimeExpression, start: int, end: int, value: str, **more) -> TimeExpression:
    return replace(
        expr, start=start, end=end, text=text[start:end], value=value, precision="interval", **more
    )


def combine_intervals(
    text: str,
    expressions: list[TimeExpression],
    anchor: dt.date | None,
    signals: dict[str, re.Pattern[str]],
) -> list[TimeExpression]:
    out: list[TimeExpression] = []
    now = anchor.isoformat() if anchor is not None else ".."
    i = 0
    while i < len(expressions):
        expr = expressions[i]
        after = expressions[i + 1] if i + 1 < len(expressions) else None
        before = text[max(0, expr.start - _LOOKBACK) : expr.start]
        opening = _OPEN_RANGE.search(before)
        since = signals["since"].search(before) if "since" in signals else None
        until = signals["until"].search(before) if "until" in signals else None
        joined = after is not None and _JOIN.fullmatch(text[expr.end : after.start]) is not None
        ordered = after is not None and _first(expr.value or "") <= _last(after.value or "")
        if opening and after is not None and joined and ordered and _dated(expr) and _dated(after):
            start = expr.start - (len(before) - opening.start())
            value = f"{_first(expr.value or '')}/{_last(after.value or '')}"
            out.append(_widen(text, expr, start, after.end, value, parts=expr.parts + after.parts))
            i += 2
            continue
        if since and _dated(expr):
            start = expr.start - (len(before) - since.start())
            out.append(_widen(text, expr, start, expr.end, f"{_first(expr.value or '')}/{now}"))
        elif until and _dated(expr):
            start = expr.start - (len(before) - until.start())
            out.append(_widen(text, expr, start, expr.end, f"{now}/{_last(expr.value or '')}"))
        else:
            out.append(expr)
        i += 1
    return out
