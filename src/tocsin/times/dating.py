"""``date_events``: each event takes the date of the time expression that governs it.

Decisions are an ordered list of named rules (the first that fires wins):

1. ``same_clause``: a dated expression attached to the trigger's own clause ("downed a
   drone on June 28"; "In late 2022, Moscow dispatched ...");
2. ``inherited_clause``: a dated expression of a clause above the trigger, reached through
   relative, coordinated, infinitival or copular clauses ("On July 3 and 4, Kazakhstan will
   host a summit, which both are slated to attend") but not into reported content with a
   verb of its own ("attributed the move to claims that Kyiv was sending troops");
3. ``publication_month``: the month of publication (date_source "article", precision
   "month"): an undated event is reported as recent, and the month is as precise as that
   claim honestly gets;
4. otherwise no date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Doc, Token

from tocsin.records import Event, TimeMention
from tocsin.times.tense import expression_root, governing_verb

_DATED = frozenset({"day", "month", "season", "quarter", "year", "interval"})
# A clause with a subject of its own, reached through these deps, has its own time
# ("claims that Kyiv was sending troops"); copulas and subjectless infinitives do not.
_CLAUSAL = frozenset({"ccomp", "acl", "parataxis", "advcl", "csubj", "relcl"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
_MAX_DEPTH = 12


def clause_of(token: Token) -> Token | None:
    """The verb heading ``token``'s clause (the token itself when it is a verb)."""
    return token if token.pos_ in ("VERB", "AUX") else governing_verb(token)


def _own_time(clause: Token, precision: str) -> bool:
    """Does this clause keep its own time, so a date above it does not flow down?"""
    if clause.dep_ not in _CLAUSAL or clause.lemma_ == "be" or clause.dep_ == "relcl":
        return False
    if not any(child.dep_ in _SUBJECTS for child in clause.children):
        return False
    # "Early last year, X made headlines after Moscow announced plans": an adverbial
    # clause shares a coarse date (year, quarter) but not a day.
    return not (clause.dep_ == "advcl" and precision != "day")


def _inherits(trigger_clause: Token, outer: Token, precision: str) -> int | None:
    """Steps from ``trigger_clause`` up to ``outer`` if the date may flow down, else None."""
    current, steps = trigger_clause, 0
    while current.i != outer.i and steps < _MAX_DEPTH:
        if current.head.i == current.i or _own_time(current, precision):
            return None
        current, steps = current.head, steps + 1
    return steps if current.i == outer.i else None


def _candidates(doc: Doc, event: Event, times: tuple[TimeMention, ...]) -> list[tuple[TimeMention, Token]]:
    out = []
    for time in times:
        if time.value is None or time.precision not in _DATED:
            continue
        if not (event.sentence_start <= time.start < event.sentence_end):
            continue
        root = expression_root(doc, time.start, time.end)
        clause = clause_of(root) if root is not None else None
        if clause is not None:
            out.append((time, clause))
    return out


def _same_clause(trigger: Token, found: list[tuple[TimeMention, Token]]) -> TimeMention | None:
    clause = clause_of(trigger)
    near = [t for t, c in found if c.i in (trigger.i, clause.i if clause is not None else -1)]
    return min(near, key=lambda t: abs(t.start - trigger.idx)) if near else None


def _inherited_clause(trigger: Token, found: list[tuple[TimeMention, Token]]) -> TimeMention | None:
    clause = clause_of(trigger)
    if clause is None:
        return None
    reachable = [(steps, t) for t, c in found if (steps := _inherits(clause, c, t.precision)) is not None]
    return min(reachable, key=lambda st: (st[0], abs(st[1].start - trigger.idx)))[1] if reachable else None


SentenceRule = Callable[[Token, list[tuple[TimeMention, Token]]], TimeMention | None]
RULES: tuple[tuple[str, SentenceRule], ...] = (
    ("same_clause", _same_clause),
    ("inherited_clause", _inherited_clause),
)


def _trigger_token(doc: Doc, event: Event) -> Token | None:
    return expression_root(doc, event.trigger_start, event.trigger_end)


def date_events(
    doc: Doc, events: tuple[Event, ...], times: tuple[TimeMention, ...], *, published: dt.date | None
) -> tuple[Event, ...]:
    out: list[Event] = []
    for event in events:
        trigger = _trigger_token(doc, event)
        found = _candidates(doc, event, times) if trigger is not None else []
        chosen = None
        for _, rule in RULES:
            if trigger is not None and found and (chosen := rule(trigger, found)) is not None:
                break
        if chosen is not None:
            out.append(
                replace(event, date=chosen.value, date_precision=chosen.precision, date_source="sentence")
            )
        elif published is not None:
            month = f"{published.year:04d}-{published.month:02d}"
            out.append(replace(event, date=month, date_precision="month", date_source="article"))
        else:
            out.append(replace(event, date=None, date_precision="unknown", date_source=None))
    return tuple(out)
