"""Find time expressions in a Doc and normalise them: the ``normalise_times`` stage.

One pass over the tokens finds where an expression may start (a digit or a lexicon word);
each compiled pattern is tried only there. Overlapping matches are settled by length, then
pattern order; named filters (filters.py) drop matches the parse shows are not times ("May"
the modal verb, "April" the person); each survivor is resolved against the anchor with the
tense of the verb that governs it, then joined with its interval signal (combine.py).
"""

from __future__ import annotations

import datetime as dt
import re

import numpy as np
from spacy.attrs import IDX, LOWER, PREFIX
from spacy.tokens import Doc

from tocsin.records import TimeMention
from tocsin.times.combine import combine_intervals
from tocsin.times.expression import TimeExpression
from tocsin.times.filters import FILTERS, Candidate, group
from tocsin.times.grammar import TimeGrammar, default_grammar
from tocsin.times.resolve import HANDLERS, Context, Resolved, TimexPart
from tocsin.times.tense import tense_at

# Handlers whose value counts from "now" (the publication date), not from a year.
DEICTIC_HANDLERS = frozenset(
    {"relative_unit", "relative_day", "relative_night", "this_part_of_day", "weekday", "ago", "clock"}
)


_HYPHENATED = re.compile(r"(?<![\w-])([A-Za-z]+)-(?=\w)")


def _starts(doc: Doc, text: str, grammar: TimeGrammar) -> list[int]:
    """Character offsets where a time expression may start: tokens that begin with a digit or
    are a starter word, read from the token arrays in one vectorised pass."""
    table = doc.to_array([LOWER, PREFIX, IDX])
    if not len(table):
        return []
    keep = np.isin(table[:, 0], grammar.starter_ids) | np.isin(table[:, 1], grammar.digit_ids)
    starts = set(table[keep, 2].tolist())
    # "mid-2023", "four-week" may be one token: its first part counts.
    starts.update(m.start() for m in _HYPHENATED.finditer(text) if m.group(1).lower() in grammar.starters)
    return sorted(starts)


def _matches(doc: Doc, text: str, grammar: TimeGrammar) -> list[Candidate]:
    starts = _starts(doc, text, grammar)
    found = [
        Candidate(m, rule)
        for rule in grammar.rules
        for start in starts
        if (m := rule.regex.match(text, start)) is not None and m.end() > start
    ]
    # Longest first, then file order; keep a match only if it overlaps none already kept.
    found.sort(key=lambda f: (f.match.start() - f.match.end(), f.rule.order, f.match.start()))
    kept: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for f in found:
        s, e = f.match.span()
        if all(e <= ts or s >= te for ts, te in taken):
            kept.append(f)
            taken.append((s, e))
    kept.sort(key=lambda f: f.match.start())
    return kept


def _text_anchor(found: list[Candidate], grammar: TimeGrammar) -> dt.date | None:
    """Without a publication date, the latest full date written in the text (day, month, year)."""
    latest: dt.date | None = None
    context = Context(grammar.lexicon, None, "unknown", None)
    for f in found:
        if f.rule.handler != "date" or not group(f.match, "year"):
            continue
        resolved = HANDLERS["date"](f.match, context)
        if resolved is not None and resolved.value:
            day = dt.date.fromisoformat(resolved.value)
            latest = day if latest is None or day > latest else latest
    return latest


_WRITTEN = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def _reference(resolved: Resolved) -> tuple[dt.date, str] | None:
    """A plain day, month or year value as a narrative reference point."""
    if resolved.precision not in ("day", "month", "year") or not resolved.value:
        return None
    match = _WRITTEN.fullmatch(resolved.value)
    if match is None:
        return None
    year, month, day = match.group(1), match.group(2), match.group(3)
    return dt.date(int(year), int(month or 1), int(day or 1)), resolved.precision


def _expression(text: str, f: Candidate, resolved: Resolved, tense: str | None) -> TimeExpression:
    start, end = f.match.span()
    parts = resolved.parts or (TimexPart(start, end, resolved.timex_type, resolved.timex_value),)
    return TimeExpression(
        start=start,
        end=end,
        text=text[start:end],
        rule=f.rule.id,
        timex_type=resolved.timex_type,
        timex_value=resolved.timex_value,
        value=resolved.value,
        precision=resolved.precision,
        year_source=resolved.year_source,
        tense=tense,
        mod=resolved.mod,
        parts=parts,
    )


def find_time_expressions(
    doc: Doc, *, anchor: dt.date | None, grammar: TimeGrammar | None = None
) -> tuple[TimeExpression, ...]:
    grammar = grammar or default_grammar()
    text = doc.text
    found = [f for f in _matches(doc, text, grammar) if not any(drop(doc, f) for _, drop in FILTERS)]
    anchor_source = "anchor"
    if anchor is None:
        anchor = _text_anchor(found, grammar)
        anchor_source = "text"
    out: list[TimeExpression] = []
    # A date found in the text may set the year of "June 28", never the day of "yesterday".
    deictic_anchor = anchor if anchor_source == "anchor" else None
    reference: tuple[dt.date | None, str | None] = (None, None)
    for f in found:
        tense = tense_at(doc, *f.match.span())
        here = deictic_anchor if f.rule.handler in DEICTIC_HANDLERS else anchor
        context = Context(grammar.lexicon, here, anchor_source, tense, *reference)
        resolved = HANDLERS[f.rule.handler](f.match, context)
        if resolved is None:
            continue
        out.append(_expression(text, f, resolved, tense))
        reference = _reference(resolved) or reference
    return tuple(combine_intervals(text, out, deictic_anchor, grammar.signals))


def normalise_times(
    doc: Doc, *, anchor: dt.date | None, grammar: TimeGrammar | None = None
) -> tuple[TimeMention, ...]:
    """Time expressions of ``doc`` resolved against ``anchor`` (the publication date), sorted.

    Without an anchor, a year-less date keeps its precision with an unknown year
    (``XXXX-06-28``, year_source "unknown"), unless the text itself writes a full date,
    whose year then anchors the others (year_source "text"). Never the year of the run.
    """
    return tuple(e.mention() for e in find_time_expressions(doc, anchor=anchor, grammar=grammar))
