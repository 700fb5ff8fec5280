"""``date_events``: each event takes the date of the time expression that governs it.

Decisions are an ordered list of named rules (the first that fires wins):

1. ``same_clause``: a dated expression attached to the trigger's own clause ("downed a
   drone on June 28"; "In late 2022, Russia moved ...");
2. ``inherited_clause``: a dated expression of a clause above the trigger, reached through
   relative, coordinated, infinitival or copular clauses ("On July 8 and 9, Uzbekistan will
   host a forum, which both are expected to attend") but not into reported content with a
   verb of its own ("blamed the move on claims that Warsaw was moving troops");
3. ``continued_statement``: "X said in an interview on July 1. He added the claims were a
   smear campaign": a statement going on in the next sentence (reporting verb, pronoun
   subject) keeps the date of the saying;
4. ``narrative_sequence``: a sentence opening with "Soon afterward", "Subsequently", "Days
   later"... takes the last date of the sentence before ("In late 2022, Russia moved
   troops. Soon afterward, the army announced ..." -> 2022-Q4);
5. ``publication_month``: the month of publication (date_source "article", precision
   "month"): an undated event is reported as recent, and the month is as precise as that
   claim honestly gets;
6. otherwise no date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from tocsin.records import Event, TimeMention
from tocsin.times.grammar import TimeGrammar, default_grammar
from tocsin.times.tense import expression_root, governing_verb

_DATED = frozenset({"day", "month", "season", "quarter", "year", "interval"})
# A clause with a subject of its own, reached through these deps, has its own time
# ("claims that Warsaw was moving troops"); copulas and subjectless infinitives do not.
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
    # "Early last year, X made headlines after Y revealed plans": an adverbial
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


Dated = list[tuple[TimeMention, Token]]


def _dated_in(
    doc: Doc, times: tuple[TimeMention, ...], start: int, end: int
) -> list[tuple[TimeMention, Token]]:
    """Dated expressions between two character offsets, each with the clause it attaches to."""
    out = []
    for time in times:
        if time.value is None or time.precision not in _DATED or not (start <= time.start < end):
            continue
        root = expression_root(doc, time.start, time.end)
        clause = clause_of(root) if root is not None else None
        if clause is not None:
            out.append((time, clause))
    return out


@dataclass(frozen=True, slots=True)
class _Scene:
    """What a dating rule looks at: the trigger, the dated expressions of its sentence, the doc."""

    doc: Doc
    trigger: Token
    found: Dated
    times: tuple[TimeMention, ...]
    reporting: frozenset[str]
    sequence: frozenset[str]


def _same_clause(scene: _Scene) -> TimeMention | None:
    trigger = scene.trigger
    clause = clause_of(trigger)
    near = [t for t, c in scene.found if c.i in (trigger.i, clause.i if clause is not None else -1)]
    return min(near, key=lambda t: abs(t.start - trigger.idx)) if near else None


def _inherited_clause(scene: _Scene) -> TimeMention | None:
    clause = clause_of(scene.trigger)
    if clause is None:
        return None
    found = scene.found
    reachable = [(steps, t) for t, c in found if (steps := _inherits(clause, c, t.precision)) is not None]
    return (
        min(reachable, key=lambda st: (st[0], abs(st[1].start - scene.trigger.idx)))[1] if reachable else None
    )


def _continued_statement(scene: _Scene) -> TimeMention | None:
    """ "X said in an interview on July 1 ... He added the claims were a smear campaign": the
    statement goes on in the next sentence, whose reporting verb has a pronoun subject, and
    keeps the date of the saying."""
    sentence = scene.trigger.sent
    root = sentence.root
    if root.lemma_.lower() not in scene.reporting or sentence.start == 0:
        return None
    if not any(c.dep_ == "nsubj" and c.pos_ == "PRON" for c in root.children):
        return None
    clause = clause_of(scene.trigger)
    if clause is None or _inherits(clause, root, "day") is None:
        return None
    previous = scene.doc[sentence.start - 1].sent
    if previous.root.lemma_.lower() not in scene.reporting:
        return None
    said = _dated_in(scene.doc, scene.times, previous.start_char, previous.end_char)
    dated = [t for t, c in said if c.i == previous.root.i]
    return dated[-1] if dated else None


def _sentence_opening(sentence: Span, words: int) -> str:
    tokens = [t.lower_ for t in sentence[: words + 1] if not t.is_punct and not t.is_space]
    return " ".join(tokens[:words])


def _narrative_sequence(scene: _Scene) -> TimeMention | None:
    """ "In late 2022, Russia moved troops. Soon afterward, the army announced ...": a
    sentence opening with a sequence adverb takes the last date of the sentence before."""
    sentence = scene.trigger.sent
    if sentence.start == 0:
        return None
    if not any(_sentence_opening(sentence, n) in scene.sequence for n in (1, 2, 3)):
        return None
    previous = scene.doc[sentence.start - 1].sent
    dated = _dated_in(scene.doc, scene.times, previous.start_char, previous.end_char)
    return dated[-1][0] if dated else None


# Ordered, named: the first rule that finds a date wins.
RULES: tuple[tuple[str, Callable[[_Scene], TimeMention | None]], ...] = (
    ("same_clause", _same_clause),
    ("inherited_clause", _inherited_clause),
    ("continued_statement", _continued_statement),
    ("narrative_sequence", _narrative_sequence),
)


def _trigger_token(doc: Doc, event: Event) -> Token | None:
    return expression_root(doc, event.trigger_start, event.trigger_end)


def _governing_time(scene: _Scene) -> TimeMention | None:
    for _, rule in RULES:
        chosen = rule(scene)
        if chosen is not None:
            return chosen
    return None


def date_events(
    doc: Doc,
    events: tuple[Event, ...],
    times: tuple[TimeMention, ...],
    *,
    published: dt.date | None,
    grammar: TimeGrammar | None = None,
) -> tuple[Event, ...]:
    words = (grammar or default_grammar()).lexicon.words
    reporting, sequence = frozenset(words["reporting_verb"]), frozenset(words["sequence_adverb"])
    out: list[Event] = []
    for event in events:
        trigger = _trigger_token(doc, event)
        chosen = None
        if trigger is not None:
            found = _dated_in(doc, times, event.sentence_start, event.sentence_end)
            chosen = _governing_time(_Scene(doc, trigger, found, times, reporting, sequence))
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
