"""Find time expressions in a Doc and normalise them: the ``normalise_times`` stage.

One pass of each compiled pattern over the text; overlapping matches are settled by
length, then pattern order; a few named filters drop matches the parse shows are not
times ("May" the modal verb, "April" the person); each survivor is resolved against the
anchor with the tense of the verb that governs it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc

from tocsin.records import TimeMention
from tocsin.times.combine import combine_intervals
from tocsin.times.expression import TimeExpression
from tocsin.times.grammar import TimeGrammar, TimeRule, default_grammar
from tocsin.times.resolve import HANDLERS, Context, Resolved, TimexPart
from tocsin.times.tense import tense_at


@dataclass(frozen=True, slots=True)
class _Match:
    match: re.Match[str]
    rule: TimeRule


# Handlers whose value counts from "now" (the publication date), not from a year.
DEICTIC_HANDLERS = frozenset(
    {"relative_unit", "relative_day", "relative_night", "this_part_of_day", "weekday", "ago", "clock"}
)
_VERB_TAGS = frozenset({"MD", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ"})
_AMBIGUOUS_MONTHS = frozenset({"may", "march", "mar."})


def _group(m: re.Match[str], name: str) -> str | None:
    return m.group(name) if name in m.re.groupindex else None


def _token_at(doc: Doc, char: int):  # -> Token | None
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _month_is_verb(doc: Doc, found: _Match) -> bool:
    """ "May" and "March" as verbs: only a bare month can be one ("May 5" is a date)."""
    m = found.match
    if found.rule.handler != "month" or _group(m, "year"):
        return False
    if m.group("month").lower() not in _AMBIGUOUS_MONTHS or _group(m, "deictic") or _group(m, "pp"):
        return False
    token = _token_at(doc, m.start("month"))
    return token is not None and (token.tag_ in _VERB_TAGS or token.pos_ in ("VERB", "AUX"))


_NAME_ENTITIES = frozenset({"PERSON", "ORG", "WORK_OF_ART", "FAC", "PRODUCT", "LAW"})


def _month_is_name(doc: Doc, found: _Match) -> bool:
    """ "April Ryan", "the Long March", "the Future Technology Week": a bare month, weekday or
    reference word inside a name the NER found."""
    m = found.match
    if (
        found.rule.handler not in ("month", "weekday", "reference")
        or _group(m, "deictic")
        or _group(m, "year")
    ):
        return False
    group = {"month": "month", "weekday": "weekday", "reference": "ref"}[found.rule.handler]
    token = _token_at(doc, m.end(group) - 1)
    if found.rule.handler == "reference" and (
        token is None or not token.text[:1].isupper() or token.is_sent_start
    ):
        return False  # "Bob Dudley - now the head of BP": lower-case "now" is never a name
    return token is not None and token.ent_type_ in _NAME_ENTITIES


# Words before "fall" (or before "the fall") that make it the season.
_FALL_CUES = frozenset(
    {"in", "during", "by", "until", "since", "over", "through", "this", "last", "next", "that"}
)
_FALL_CUES |= frozenset({"early", "late", "mid", "the", "each", "every", "past"})


def _fall_is_not_autumn(doc: Doc, found: _Match) -> bool:
    """ "the fall of Kabul", "the fall in prices": "fall" is the season only after a cue."""
    m = found.match
    season = _group(m, "season")
    if season is None or season.lower() != "fall" or _group(m, "year"):
        return False
    words = doc.text[max(0, m.start() - 24) : m.start()].lower().split()
    if m.group(0).lower().startswith("the"):
        return not words or words[-1] not in _FALL_CUES - {"the"}
    return bool(_group(m, "deictic")) is False and (not words or words[-1] not in _FALL_CUES)


def _year_is_quantity(doc: Doc, found: _Match) -> bool:
    """ "2008 people", "1500 troops": a bare four-digit number counting a plural noun."""
    m = found.match
    if found.rule.id != "year" or _group(m, "pp") or m.end() - m.start() != 4:
        return False
    token = _token_at(doc, m.start())
    if token is None or token.i + 1 >= len(doc):
        return False
    following = doc[token.i + 1]
    return following.tag_ == "NNS" and token.dep_ == "nummod" and token.head.i == following.i


def _month_after_name(doc: Doc, found: _Match) -> bool:
    """ "Theresa May said": a bare month right after a capitalised proper noun."""
    m = found.match
    if found.rule.handler != "month" or _group(m, "year") or _group(m, "deictic") or _group(m, "pp"):
        return False
    token = _token_at(doc, m.start("month"))
    if token is None or token.i == 0:
        return False
    before = doc[token.i - 1]
    return before.tag_ == "NNP" and before.text[:1].isupper() and before.ent_type_ != "DATE"


_AGE_BEFORE = re.compile(r"(?i)\b(?:aged?|ages)\s+$")
_AGE_AFTER = re.compile(r"(?i)^\s+(?:and\s+)?(?:old|older|younger|of\s+age)\b")


def _duration_is_age(doc: Doc, found: _Match) -> bool:
    """ "children ages 6 months and older", "a 3 year old": an age, not a time."""
    if found.rule.handler not in ("duration", "duration_range"):
        return False
    start, end = found.match.span()
    text = doc.text
    return bool(_AGE_BEFORE.search(text[max(0, start - 6) : start]) or _AGE_AFTER.match(text[end : end + 16]))


def _frequency_in_title(doc: Doc, found: _Match) -> bool:
    """ "The Daily Beast", "Daily Newsletter": a capitalised frequency word opening a title."""
    m = found.match
    if found.rule.handler != "frequency" or not m.group(0)[:1].isupper():
        return False
    token = _token_at(doc, m.end() - 1)
    following = doc[token.i + 1] if token is not None and token.i + 1 < len(doc) else None
    return following is not None and following.is_title and following.pos_ in ("PROPN", "NOUN")


_SHARE = re.compile(r"(?i)^\s+of\s+(?!\d{4}\b)")


def _quarter_is_a_share(doc: Doc, found: _Match) -> bool:
    """ "a quarter of the vote": a fraction, not three months."""
    unit = _group(found.match, "unit")
    return (
        unit is not None
        and unit.lower() == "quarter"
        and found.rule.handler == "duration"
        and bool(_SHARE.match(doc.text[found.match.end() : found.match.end() + 12]))
    )


# Ordered, named: the first that fires drops the match.
FILTERS: tuple[tuple[str, Callable[[Doc, _Match], bool]], ...] = (
    ("month_is_verb", _month_is_verb),
    ("month_is_name", _month_is_name),
    ("month_after_name", _month_after_name),
    ("fall_is_not_autumn", _fall_is_not_autumn),
    ("year_is_quantity", _year_is_quantity),
    ("duration_is_age", _duration_is_age),
    ("quarter_is_a_share", _quarter_is_a_share),
    ("frequency_in_title", _frequency_in_title),
)


def _starts(doc: Doc, grammar: TimeGrammar) -> list[int]:
    """Character offsets where a time expression may start: one pass over the tokens."""
    starters = grammar.starters
    # "mid-2023", "four-week" may be one token: its first part counts.
    return [
        t.idx
        for t in doc
        if t.text[:1].isdigit() or t.lower_ in starters or t.lower_.partition("-")[0] in starters
    ]


def _matches(doc: Doc, grammar: TimeGrammar) -> list[_Match]:
    text = doc.text
    starts = _starts(doc, grammar)
    found = [
        _Match(m, rule)
        for rule in grammar.rules
        for start in starts
        if (m := rule.regex.match(text, start)) is not None and m.end() > start
    ]
    # Longest first, then file order; keep a match only if it overlaps none already kept.
    found.sort(key=lambda f: (f.match.start() - f.match.end(), f.rule.order, f.match.start()))
    kept: list[_Match] = []
    taken: list[tuple[int, int]] = []
    for f in found:
        s, e = f.match.span()
        if all(e <= ts or s >= te for ts, te in taken):
            kept.append(f)
            taken.append((s, e))
    kept.sort(key=lambda f: f.match.start())
    return kept


def _text_anchor(found: list[_Match], grammar: TimeGrammar) -> dt.date | None:
    """Without a publication date, the latest full date written in the text (day, month, year)."""
    latest: dt.date | None = None
    context = Context(grammar.lexicon, None, "unknown", None)
    for f in found:
        if f.rule.handler != "date" or not _group(f.match, "year"):
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


def _expression(text: str, f: _Match, resolved: Resolved, tense: str | None) -> TimeExpression:
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
    found = [f for f in _matches(doc, grammar) if not any(drop(doc, f) for _, drop in FILTERS)]
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
