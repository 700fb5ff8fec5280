"""Factuality of one event: an ordered list of named rules; the first that fires wins.

``FACTUALITY_RULES`` is read top to bottom:

1. ``layout.recommended``: a bullet or table row that is a call to action (starts
   with an imperative verb, or sits under a recommendations heading / lead-in /
   "Action" column).
2. ``layout.hypothetical``: a bullet introduced by "Key concerns include:" or a
   table cell in an "Expected impact" column.
3. ``layout.planned``: a table row whose status cell reads "Scheduled".
4. ``sentence.question``: a yes/no question ("Will China...?") -> hypothetical.
5. ``clause``: the nearest modality cue walking up from the trigger
   (negation -> denied, should -> recommended, could/if -> hypothetical,
   will/plans to -> planned, reportedly -> claimed); see ``clause.py``.
6. ``date.future``: the event's date starts after publication -> planned.
7. ``attribution``: the governing attribution: a negated one ("did not confirm")
   -> hypothetical; a negative verb (deny) -> denied, but a rejected statement noun
   ("dismissed the accusations") -> asserted;
   a factive one (confirm, announce, indicate) -> asserted unless the speaker is
   a relay ("Reports ... indicate") -> claimed; a distancing one (claim,
   allege, "according to") or a bare claim noun ("claims that...") -> claimed;
   a neutral one (say) -> claimed, unless the
   speaker is stating its own speech act (ACCUSE, THREATEN...) or the event is a
   presupposed subject.
8. ``quotation``: the trigger sits inside quotation marks -> claimed.
9. ``default.asserted``: the reporter states it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from tocsin.attribution.clause import Walk, is_negated
from tocsin.attribution.cues import AttributionCues
from tocsin.attribution.historical import earliest_day
from tocsin.attribution.layout import Line
from tocsin.attribution.speakers import ANONYMOUS_HEADS, Speaker
from tocsin.records import Event, Factuality

_OPEN_QUOTES = frozenset('“"«')
_CLOSE_QUOTES = frozenset('”"»')


@dataclass(frozen=True, slots=True)
class EventContext:
    """Everything the rules look at for one event (built once per event)."""

    event: Event
    trigger: Token
    sent: Span
    line: Line | None
    walk: Walk
    speaker: Speaker | None
    published: dt.date | None
    cues: AttributionCues
    text: str  # the article text (``doc.text`` rebuilds it on every call)


Verdict = tuple[Factuality, str]
Rule = Callable[[EventContext], Verdict | None]


def _matches(text: str | None, words: frozenset[str]) -> str | None:
    if not text:
        return None
    low = text.lower()
    return next((w for w in sorted(words) if w in low), None)


def layout_recommended(ctx: EventContext) -> Verdict | None:
    line, cues = ctx.line, ctx.cues
    if line is None or line.kind not in ("bullet", "table_row"):
        return None
    if line.kind == "table_row":
        index, cell = line.cell_at(ctx.event.trigger_start)
        headers = [h.lower() for h in line.header_cells]
        if line.header_cells and tuple(c for c in (x[2] for x in line.cells())) == line.header_cells:
            return None  # the header row itself
        if any(h in cues.of("recommendation_column") for h in headers):
            column = headers[index] if 0 <= index < len(headers) else ""
            if column in cues.of("recommendation_column") or index == 0:
                return "recommended", "layout.recommended.column"
        first = cell.split(" ", 1)[0].lower() if cell else ""
        if first in cues.of("imperative_verb"):
            return "recommended", "layout.recommended.imperative_cell"
    elif line.first_word in cues.of("imperative_verb"):
        return "recommended", "layout.recommended.imperative_bullet"
    for source in (line.lead_in, line.heading):
        if _matches(source, cues.of("recommendation_heading")):
            return "recommended", "layout.recommended.heading"
    return None


def layout_hypothetical(ctx: EventContext) -> Verdict | None:
    line, cues = ctx.line, ctx.cues
    if line is None or line.kind not in ("bullet", "table_row"):
        return None
    if line.kind == "table_row":
        index, _cell = line.cell_at(ctx.event.trigger_start)
        if 0 <= index < len(line.header_cells) and _matches(
            line.header_cells[index], cues.of("hypothetical_heading")
        ):
            return "hypothetical", "layout.hypothetical.column"
        return None
    if _matches(line.lead_in, cues.of("hypothetical_heading")):
        return "hypothetical", "layout.hypothetical.lead_in"
    return None


def layout_planned(ctx: EventContext) -> Verdict | None:
    line = ctx.line
    if line is None or line.kind != "table_row":
        return None
    if any(text.lower() in ctx.cues.of("planned_status") for _s, _e, text in line.cells()):
        return "planned", "layout.planned.status"
    return None


def clause_modality(ctx: EventContext) -> Verdict | None:
    if ctx.walk.verdict is None:
        return None
    speaker = ctx.speaker
    if (
        ctx.trigger.tag_ == "MD"
        and speaker is not None
        and speaker.claimant is not None
        and ctx.event.event.lower() in ctx.cues.of("speech_act_event")
    ):
        # "Russia said Sudan must return the helicopter": the modal is the demand itself,
        # made by the speaker (an attribution rule decides), not the writer's recommendation.
        return None
    factuality, cue = ctx.walk.verdict
    return factuality, f"clause.{cue}"


def sentence_question(ctx: EventContext) -> Verdict | None:
    """A yes/no question ("Will China blockade Taiwan?"); a wh-question presupposes its event."""
    if not ctx.text[ctx.sent.start_char : ctx.sent.end_char].rstrip(" \"”'’\n").endswith("?"):
        return None
    first = next((t for t in ctx.sent if t.is_alpha), None)
    if first is not None and first.pos_ == "AUX":
        return "hypothetical", "sentence.question"
    return None


def date_future(ctx: EventContext) -> Verdict | None:
    if ctx.published is None or ctx.event.date_source == "article":
        return None
    first = earliest_day(ctx.event.date)
    if first is not None and first > ctx.published:
        return "planned", "date.future"
    return None


def attribution(ctx: EventContext) -> Verdict | None:
    speaker, event = ctx.speaker, ctx.event
    if speaker is None or speaker.reporter:
        if ctx.walk.attribution is not None and ctx.walk.attribution.pos_ == "NOUN":
            # "claims that troops were moving", nobody's in particular (or only the reporter's).
            return "claimed", "attribution.claim_noun"
        return None
    if is_negated(ctx.sent.doc[speaker.cue], ctx.cues):
        # "did not confirm", "does not rule out": the speaker leaves it open.
        return "hypothetical", f"attribution.negated.{speaker.lemma}"
    if speaker.force == "negative":
        if _is_rejected_statement(ctx):
            # "dismissed the accusations", "denied Kyiv's request": the statement was made; it
            # is its content that is rejected (``link_claims`` marks it contested).
            return "asserted", "attribution.rejected_statement"
        return "denied", f"attribution.negative.{speaker.lemma}"
    # A relay ("Reports from Moscow suggest...") vouches for nothing itself.
    relayed = speaker.head_lemma in ANONYMOUS_HEADS
    if speaker.force == "factive":
        if relayed:
            return "claimed", f"attribution.relayed.{speaker.lemma}"
        return "asserted", f"attribution.factive.{speaker.lemma}"
    if speaker.force == "distancing":
        return "claimed", f"attribution.distancing.{speaker.lemma}"
    claimant = speaker.claimant
    # The speaker talks about itself: its country is among the event's actors.
    own = (
        claimant is not None
        and claimant.country is not None
        and any(a.country == claimant.country for a in event.actor)
    )
    if own and event.event.lower() in ctx.cues.of("speech_act_event"):
        return "asserted", "attribution.own_speech_act"
    if ctx.walk.presupposed:
        return "asserted", "attribution.presupposed"
    return "claimed", f"attribution.neutral.{speaker.lemma}"


def _is_rejected_statement(ctx: EventContext) -> bool:
    trigger = ctx.trigger
    if trigger.pos_ != "NOUN" or ctx.walk.attribution is None or trigger.head.i != ctx.walk.attribution.i:
        return False
    lemma = trigger.lemma_.lower()
    speech_act = ctx.event.event.lower() in ctx.cues.of("speech_act_event")
    return speech_act or lemma in ctx.cues.of("claim_noun")


def quotation(ctx: EventContext) -> Verdict | None:
    before = ctx.text[ctx.sent.start_char : ctx.event.trigger_start]
    opened = sum(1 for ch in before if ch in _OPEN_QUOTES) - sum(
        1 for ch in before if ch in _CLOSE_QUOTES and ch != '"'
    )
    if '"' in before:
        opened = before.count('"') % 2
    if opened > 0:
        return "claimed", "quotation"
    return None


FACTUALITY_RULES: tuple[tuple[str, Rule], ...] = (
    ("layout.recommended", layout_recommended),
    ("layout.hypothetical", layout_hypothetical),
    ("layout.planned", layout_planned),
    ("sentence.question", sentence_question),
    ("clause", clause_modality),
    ("date.future", date_future),
    ("attribution", attribution),
    ("quotation", quotation),
)


def decide_factuality(ctx: EventContext) -> Verdict:
    """The first rule in ``FACTUALITY_RULES`` that fires; else asserted by the reporter."""
    for _name, rule in FACTUALITY_RULES:
        verdict = rule(ctx)
        if verdict is not None:
            return verdict
    return "asserted", "default.asserted"
