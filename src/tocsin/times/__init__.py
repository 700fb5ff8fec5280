"""Times: find time expressions, normalise them against the publication date, date events."""

from __future__ import annotations

from tocsin.times.dating import date_events
from tocsin.times.expression import TimeExpression
from tocsin.times.grammar import TimeGrammar, build_grammar, default_grammar
from tocsin.times.recognise import find_time_expressions, normalise_times

__all__ = [
    "TimeExpression",
    "TimeGrammar",
    "build_grammar",
    "date_events",
    "default_grammar",
    "find_time_expressions",
    "normalise_times",
]
