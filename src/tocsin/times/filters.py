"""Named filters that drop pattern matches the parse or the context shows are not times.

Ordered: the first that fires drops the match, and its name says why.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from tocsin.times.grammar import TimeRule


@dataclass(frozen=True, slots=True)
class Candidate:
    """A pattern match not yet resolved."""

    match: re.Match[str]
    rule: TimeRule


_VERB_TAGS = frozenset({"MD", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ"})
_AMBIGUOUS_MONTHS = frozenset({"may", "march", "mar."})


def group(m: re.Match[str], name: str) -> str | None:
    return m.group(name) if name in m.re.groupindex else None


def _token_at(doc: Doc, char: int) -> Token | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _month_is_verb(doc: Doc, found: Candidate) -> bool:
    """ "May" and "March" as verbs: only a bare month can be one ("May 5" is a date)."""
    m = found.match
    if found.rule.handler != "month" or group(m, "year"):
        return False
    if m.group("month").lower() not in _AMBIGUOUS_MONTHS or group(m, "deictic") or group(m, "pp"):
        return False
    token = _token_at(doc, m.start("month"))
    return token is not None and (token.tag_ in _VERB_TAGS or token.pos_ in ("VERB", "AUX"))


_NAME_ENTITIES = frozenset({"PERSON", "ORG", "WORK_OF_ART", "FAC", "PRODUCT", "LAW"})


def _month_is_name(doc: Doc, found: Candidate) -> bool:
    """ "April Ryan", "the Long March", "the Future Technology Week": a bare month, weekday or
    reference word inside a name the NER found."""
    m = found.match
    if found.rule.handler not in ("month", "weekday", "reference") or group(m, "deictic") or group(m, "year"):
        return False
    slot = {"month": "month", "weekday": "weekday", "reference": "ref"}[found.rule.handler]
    token = _token_at(doc, m.end(slot) - 1)
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


def _fall_is_not_autumn(doc: Doc, found: Candidate) -> bool:
    """ "the fall of Kabul", "the fall in prices": "fall" is the season only after a cue."""
    m = found.match
    season = group(m, "season")
    if season is None or season.lower() != "fall" or group(m, "year"):
        return False
    words = m.string[max(0, m.start() - 24) : m.start()].lower().split()
    if m.group(0).lower().startswith("the"):
        return not words or words[-1] not in _FALL_CUES - {"the"}
    return bool(group(m, "deictic")) is False and (not words or words[-1] not in _FALL_CUES)


def _year_is_quantity(doc: Doc, found: Candidate) -> bool:
    """ "2008 people", "1500 troops": a bare four-digit number counting a plural noun."""
    m = found.match
    if found.rule.id != "year" or group(m, "pp") or m.end() - m.start() != 4:
        return False
    token = _token_at(doc, m.start())
    if token is None or token.i + 1 >= len(doc):
        return False
    following = doc[token.i + 1]
    return following.tag_ == "NNS" and token.dep_ == "nummod" and token.head.i == following.i


def _month_after_name(doc: Doc, found: Candidate) -> bool:
    """ "Theresa May said": a bare month right after a capitalised proper noun."""
    m = found.match
    if found.rule.handler != "month" or group(m, "year") or group(m, "deictic") or group(m, "pp"):
        return False
    token = _token_at(doc, m.start("month"))
    if token is None or token.i == 0:
        return False
    before = doc[token.i - 1]
    return before.tag_ == "NNP" and before.text[:1].isupper() and before.ent_type_ != "DATE"


_AGE_BEFORE = re.compile(r"(?i)\b(?:aged?|ages)\s+$")
_AGE_AFTER = re.compile(r"(?i)^\s+(?:and\s+)?(?:old|older|younger|of\s+age)\b")


def _duration_is_age(doc: Doc, found: Candidate) -> bool:
    """ "children ages 6 months and older", "a 3 year old": an age, not a time."""
    if found.rule.handler not in ("duration", "duration_range"):
        return False
    start, end = found.match.span()
    text = found.match.string
    return bool(_AGE_BEFORE.search(text[max(0, start - 6) : start]) or _AGE_AFTER.match(text[end : end + 16]))


def _frequency_in_title(doc: Doc, found: Candidate) -> bool:
    """ "The Daily Beast", "Daily Newsletter": a capitalised frequency word opening a title."""
    m = found.match
    if found.rule.handler != "frequency" or not m.group(0)[:1].isupper():
        return False
    token = _token_at(doc, m.end() - 1)
    following = doc[token.i + 1] if token is not None and token.i + 1 < len(doc) else None
    return following is not None and following.is_title and following.pos_ in ("PROPN", "NOUN")


_SHARE = re.compile(r"(?i)^\s+of\s+(?!\d{4}\b)")


def _quarter_is_a_share(doc: Doc, found: Candidate) -> bool:
    """ "a quarter of the vote": a fraction, not three months."""
    unit = group(found.match, "unit")
    return (
        unit is not None
        and unit.lower() == "quarter"
        and found.rule.handler == "duration"
        and bool(_SHARE.match(found.match.string[found.match.end() : found.match.end() + 12]))
    )


# Ordered, named: the first that fires drops the match.
FILTERS: tuple[tuple[str, Callable[[Doc, Candidate], bool]], ...] = (
    ("month_is_verb", _month_is_verb),
    ("month_is_name", _month_is_name),
    ("month_after_name", _month_after_name),
    ("fall_is_not_autumn", _fall_is_not_autumn),
    ("year_is_quantity", _year_is_quantity),
    ("duration_is_age", _duration_is_age),
    ("quarter_is_a_share", _quarter_is_a_share),
    ("frequency_in_title", _frequency_in_title),
)
