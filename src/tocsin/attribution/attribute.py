"""``attribute_claims``: factuality, claimant and the historical flag for every event.

Per article: the layout (one pass over the lines) and the speakers (one pass over
the tokens) are built once. Per event: a walk of at most a few steps up the
dependency tree from the trigger, then the ordered rules of ``factuality.py``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from tocsin.attribution.clause import MAX_STEPS, walk_clause
from tocsin.attribution.cues import AttributionCues
from tocsin.attribution.factuality import EventContext, decide_factuality, quotation
from tocsin.attribution.historical import is_historical, reference_day
from tocsin.attribution.layout import Line, read_layout
from tocsin.attribution.speakers import ANONYMOUS_HEADS, Speaker, SpeakerIndex, index_speakers
from tocsin.records import ActorMention, Event

# A quotation without its own attribution inherits the speaker this many sentences back.
QUOTE_CARRY_SENTENCES = 2
_LIST_MARKS = frozenset("-*•|–—·")
_COMPLEMENTS = frozenset({"ccomp", "xcomp", "dobj", "pcomp", "oprd", "attr"})


@dataclass(frozen=True, slots=True)
class Decision:
    """Why an event got its factuality, claimant and historical flag (for tests and debugging)."""

    event_index: int
    factuality: str
    rule: str
    claimant_cue: str | None
    historical_rule: str | None


def trigger_token(doc: Doc, event: Event) -> Token:
    """The syntactic head of the event's trigger span."""
    span = doc.char_span(event.trigger_start, event.trigger_end, alignment_mode="expand")
    if span is not None and len(span):
        return span.root
    for token in doc:
        if token.idx <= event.trigger_start < token.idx + len(token.text) + 1:
            return token
    return doc[min(len(doc) - 1, 0)]


def _governing_speaker(trigger: Token, attribution: Token | None, speakers: SpeakerIndex) -> Speaker | None:
    """The speaker of the attribution governing the trigger, climbing past unvoiced ones."""
    node = attribution
    sent = trigger.sent
    for _ in range(MAX_STEPS):
        if node is None:
            return None
        if node.i in speakers.by_cue:
            return speakers.by_cue[node.i]
        if node.head.i == node.i or not (sent.start <= node.head.i < sent.end):
            return None
        node = node.head
    return None


def _side_speaker(
    trigger: Token, speakers: SpeakerIndex, sources: frozenset[str], claim_nouns: frozenset[str]
) -> Speaker | None:
    """A parenthetical "..., it said, ..." on the trigger's path, or "according to X" in the sentence."""
    node = trigger
    sent = trigger.sent
    for _ in range(MAX_STEPS):
        for child in node.children:
            if (
                child.dep_ in ("parataxis", "advcl")
                and child.i in speakers.by_cue
                and child.i != trigger.i
                and not any(c.dep_ in _COMPLEMENTS for c in child.children)
            ):
                # "which, it said, had entered"; not "..., saying he must resign" (own content)
                return speakers.by_cue[child.i]
        if node.head.i == node.i:
            break
        node = node.head
    here = [s for s in speakers.order if sent.start <= s.cue < sent.end]
    for speaker in here:
        if speaker.lemma in sources:
            return speaker
    # A reporting clause with no complement of its own ("..., a leading official has said.")
    # that the parser hung somewhere else: it reports the whole sentence.
    for speaker in here:
        token = trigger.doc[speaker.cue]
        if token.i == trigger.i or token.pos_ not in ("VERB", "AUX") or speaker.force == "negative":
            continue
        if speaker.claimant is None:
            continue  # "In what has been described as...": nobody named reports the sentence
        if token.dep_ in ("relcl", "acl", "amod") and token.head.lemma_.lower() in claim_nouns:
            continue  # "..., a charge Minsk rejects" qualifies a noun, not the sentence
        if any(c.dep_ in _COMPLEMENTS for c in token.children):
            continue
        if token.left_edge.i <= trigger.i <= token.right_edge.i:
            continue  # the trigger is inside the reporting clause's own words
        return speaker
    return None


def _in_list(text: str, offset: int) -> bool:
    """Is ``offset`` on a line that looks like a bullet or a table row?"""
    start = text.rfind("\n", 0, offset) + 1
    head = text[start : start + 6].lstrip()
    return head[:1] in _LIST_MARKS or (head[:1].isdigit() and head[1:3].lstrip("0123456789")[:1] in ".)")


def _carried_speaker(doc: Doc, trigger: Token, speakers: SpeakerIndex) -> Speaker | None:
    sent = trigger.sent
    for speaker in reversed(speakers.order):
        if speaker.cue >= sent.start:
            continue
        back = 0
        start = sent.start
        while start > speaker.cue and back <= QUOTE_CARRY_SENTENCES:
            start = doc[start - 1].sent.start
            back += 1
        return speaker if back <= QUOTE_CARRY_SENTENCES else None
    return None


def _relay_after(doc: Doc, trigger: Token, speakers: SpeakerIndex) -> Speaker | None:
    """The source a hedge points to: "X appears to ... . Reports from Moscow indicate ...".

    An evidential hedge with no source of its own ("appears to", "reportedly") asks
    "according to whom?", and news prose answers in the next sentence, led by a relay
    ("reports from X", "sources in X") whose reporting verb is that sentence's root.
    """
    end = trigger.sent.end
    if end >= len(doc):
        return None
    following = doc[end].sent
    speaker = speakers.by_cue.get(following.root.i)
    if speaker is None or speaker.claimant is None or speaker.head_lemma not in ANONYMOUS_HEADS:
        return None
    return speaker


def _attribute_one(
    doc: Doc,
    event: Event,
    speakers: SpeakerIndex,
    layout_line: Line | None,
    text: str,
    cues: AttributionCues,
    published: dt.date | None,
    reference: dt.date | None,
    historical_days: int,
) -> tuple[Event, Decision]:
    trigger = trigger_token(doc, event)
    walk = walk_clause(trigger, cues)
    speaker = _governing_speaker(trigger, walk.attribution, speakers) or _side_speaker(
        trigger, speakers, cues.of("source_preposition"), cues.of("claim_noun")
    )
    ctx = EventContext(event, trigger, trigger.sent, layout_line, walk, speaker, published, cues, text)
    if speaker is None and quotation(ctx) is not None:
        speaker = _carried_speaker(doc, trigger, speakers)
        ctx = dataclasses.replace(ctx, speaker=speaker)
    factuality, rule = decide_factuality(ctx)
    if speaker is None and rule.startswith("clause.hedge"):
        speaker = _relay_after(doc, trigger, speakers)
    claimant = speaker.claimant if speaker else None
    claimant_cue = speaker.lemma if speaker else None
    if rule == "attribution.rejected_statement":
        # The rejecter does not vouch for the rejected statement; its author (if named:
        # "Minsk's accusations") does.
        claimant, claimant_cue = None, None
    if claimant is None and trigger.i in speakers.by_cue:
        # The event is itself a statement ("Kyiv dismissed the allegations"): its speaker says so.
        own = speakers.by_cue[trigger.i]
        claimant, claimant_cue = own.claimant, f"self.{own.lemma}"
    # A date that only repeats the publication date says nothing about the event's time.
    own_date = event.date if event.date_source != "article" else None
    historical, historical_rule = is_historical(
        own_date, ctx.sent, reference, historical_days, cues, text=text
    )
    new = dataclasses.replace(event, factuality=factuality, claimant=claimant, historical=historical)
    return new, Decision(event.index, factuality, rule, claimant_cue, historical_rule)


def explain_claims(
    doc: Doc,
    events: tuple[Event, ...],
    actors: tuple[ActorMention, ...],
    cues: AttributionCues,
    *,
    published: dt.date | None,
    historical_days: int,
) -> tuple[tuple[Event, ...], tuple[Decision, ...]]:
    """``attribute_claims`` plus, for each event, the rule that decided it."""
    if not events:
        return (), ()
    text = doc.text  # built once: Doc.text joins every token on each call
    # Only bullets and table rows need the layout (their headings, lead-ins and headers).
    layout = read_layout(text) if any(_in_list(text, e.trigger_start) for e in events) else None
    speakers = index_speakers(doc, actors, cues, text=text)
    reference = reference_day(doc, published)
    out: list[Event] = []
    decisions: list[Decision] = []
    for event in events:
        line = layout.line_at(event.trigger_start) if layout is not None else None
        new, decision = _attribute_one(
            doc, event, speakers, line, text, cues, published, reference, historical_days
        )
        out.append(new)
        decisions.append(decision)
    return tuple(out), tuple(decisions)


def attribute_claims(
    doc: Doc,
    events: tuple[Event, ...],
    actors: tuple[ActorMention, ...],
    cues: AttributionCues,
    *,
    published: dt.date | None,
    historical_days: int,
) -> tuple[Event, ...]:
    """Set factuality, claimant and historical on each event (new Events; inputs untouched)."""
    out, _decisions = explain_claims(
        doc, events, actors, cues, published=published, historical_days=historical_days
    )
    return out
