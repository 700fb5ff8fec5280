"""``code_events``: sentences -> trigger matches -> roles -> decision rules -> ``Event`` records."""

from __future__ import annotations

import dataclasses
from datetime import date

from spacy.tokens import Doc, Span, Token

from tocsin.events.candidate_rules import apply_candidate_rules
from tocsin.events.decisions import Candidate
from tocsin.events.loader import EventRules
from tocsin.events.non_events import is_non_event
from tocsin.events.roles import (
    MentionIndex,
    backs,
    clause_of,
    is_backer,
    roles_of,
    subtree_mentions,
)
from tocsin.events.schema import TriggerEntry
from tocsin.events.sentence_rules import apply_sentence_rules
from tocsin.events.speech import REPORTED, reported_roles, reporting_verb, speaker_roles
from tocsin.events.triggers import TriggerMatch, find_triggers
from tocsin.records import ActorMention, Event

# The main clause is what the sentence reports; background clauses are less likely.
_ROOT_BONUS = 0.1
_BACKGROUND_PENALTY = 0.1
_BACKGROUND_DEPS = frozenset({"advcl", "relcl", "acl", "pcomp"})
# "after violent protests", "following the shooting": the cause, not the news.
_BACKGROUND_PREPS = frozenset(
    {"after", "following", "before", "since", "amid", "during", "despite", "because", "over"}
)
_FALLBACK_PENALTY = 0.15
# Trigger ids of events the fallback model coded (no lexicon entry has this prefix).
MODEL_PREFIX = "model."


def _from_model(cand: Candidate) -> bool:
    return cand.match.entry.id.startswith(MODEL_PREFIX)


def choose_mode(cand: Candidate, sent: Span, rules: EventRules) -> str | None:
    """The entry's mode if it has one, else the best cue: trigger subtree first, then sentence."""
    if cand.mode:
        return cand.mode
    tok = cand.token
    # the trigger's own phrase first ("a suicide car bombing"), then the whole sentence
    for zone in (tok.subtree, sent):
        best: tuple[int, str] | None = None
        for token in zone:
            for event, mode, rank in rules.mode_cues.get(token.lemma_.lower(), ()):
                if event == cand.event and (best is None or rank < best[0]):
                    best = (rank, mode)
        if best is not None:
            return best[1]
    return None


def choose_contexts(sent: Span, rules: EventRules) -> frozenset[str]:
    return frozenset(c for t in sent if (c := rules.context_cues.get(t.lemma_.lower())))


def choose_cameo(event: str, mode: str | None, context: frozenset[str], rules: EventRules) -> str | None:
    for row in rules.cameo:
        if row.event != event:
            continue
        if row.mode and row.mode != mode:
            continue
        if row.context and row.context not in context:
            continue
        return row.cameo
    return None


def _fallback_actor(
    trigger: Token, sent: Span, index: MentionIndex, taken: tuple[ActorMention, ...]
) -> tuple[ActorMention, ...]:
    """No actor in the parse: the nearest mention before the trigger in the sentence, else
    after; a generic one ("the defence minister") takes the country of the mention before it."""
    before = [m for m in index.mentions if sent.start_char <= m.start and m.end <= trigger.idx]
    after = [m for m in index.mentions if trigger.idx < m.start and m.end <= sent.end_char]
    for mention in [*reversed(before), *after]:
        if mention in taken or is_backer(mention, trigger.doc):
            continue
        if mention.country is None:
            head = trigger.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            donor = index.before(head[0]) if head is not None else None
            if donor is None or backs(donor, head.root):
                continue  # "Rwanda-backed rebels" are not Rwanda's
            mention = dataclasses.replace(mention, country=donor.country)
        return (mention,)
    return ()


# Events whose "N of X" is the thing moved or given ("deployment of troops", "delivery of aid").
_THEME_OF = frozenset({"MOBILIZE", "AID", "RETREAT"})
_CLAIM_NOUNS = frozenset({"allegation", "claim", "accusation", "charge", "report", "assertion"})


def _rejects_claims(trigger: Token) -> bool:
    return any(c.dep_ in {"dobj", "nsubjpass"} and c.lemma_.lower() in _CLAIM_NOUNS for c in trigger.children)


def _claim_topics(trigger: Token, recipient: tuple[ActorMention, ...]) -> bool:
    """Every recipient sits inside the rejected claim ("rejected claims about *Moldovan*
    troop build-ups"): that is what the claim is about, not who made it."""
    spans = [
        range(c.left_edge.idx, c.right_edge.idx + len(c.right_edge))
        for c in trigger.children
        if c.dep_ in {"dobj", "nsubjpass"} and c.lemma_.lower() in _CLAIM_NOUNS
    ]
    return bool(recipient) and all(any(m.start in span for span in spans) for m in recipient)


def _military_sector(actor: tuple[ActorMention, ...]) -> tuple[ActorMention, ...]:
    """A state that moves troops or weapons acts through its military ("Moscow dispatched
    troops": RUS MIL); a named organisation or person keeps its own sector."""
    return tuple(
        dataclasses.replace(m, sector="MIL")
        if m.kind in {"name", "capital"} and m.sector in {None, "GOV"}
        else m
        for m in actor
    )


def _fallback_recipient(
    trigger: Token, sent: Span, index: MentionIndex, actor: tuple[ActorMention, ...]
) -> tuple[ActorMention, ...]:
    countries = {a.country for a in actor}
    after = [m for m in index.mentions if trigger.idx < m.start and m.end <= sent.end_char]
    before = [m for m in index.mentions if sent.start_char <= m.start and m.end <= trigger.idx]
    for mention in [*after, *reversed(before)]:
        if mention not in actor and mention.country and mention.country not in countries:
            return (mention,)
    return ()


def _clause_weight(token: Token) -> float:
    """+ for the main verb (or its object noun), - inside adverbial and relative clauses."""
    if token.dep_ == "ROOT" or (token.dep_ == "dobj" and token.head.dep_ == "ROOT"):
        return _ROOT_BONUS
    node = token
    for _ in range(6):
        if node.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in {"if", "unless"} for c in node.children
        ):
            return -2 * _BACKGROUND_PENALTY  # a condition, not an event
        if node.dep_ in _BACKGROUND_DEPS or (node.dep_ == "prep" and node.lower_ in _BACKGROUND_PREPS):
            return -_BACKGROUND_PENALTY
        if node.head == node:
            break
        node = node.head
    return 0.0


def _candidate(
    match: TriggerMatch, sent: Span, index: MentionIndex, contexts: frozenset[str], rules: EventRules
) -> Candidate:
    entry = match.entry
    if entry.roles == "speaker":
        # "Russia said Sudan must return the helicopter": Russia asks, Sudan is asked.
        actor_list, recipient_list = speaker_roles(match.token, index)
        confidence = entry.confidence if actor_list else entry.confidence / 2
    else:
        actor_list, recipient_list = roles_of(
            match.token,
            index,
            swap=entry.roles == "swap",
            between_receives=entry.mode == "third-party",
            of_is_theme=entry.event in _THEME_OF,
        )
        confidence = entry.confidence + _clause_weight(match.token)
    actor, recipient = tuple(actor_list), tuple(recipient_list)
    if not actor and entry.event == "MOBILIZE" and match.token.tag_ == "VBN" and recipient:
        actor, recipient = recipient, ()  # "its reserve soldiers will be deployed": the force moves
    reporter = reporting_verb(match.token, rules) if not actor and entry.event in REPORTED else None
    if reporter is not None:
        actor, recipient = reported_roles(match.token, reporter, index, recipient)
        confidence -= _FALLBACK_PENALTY
    if not actor:
        actor = _fallback_actor(match.token, sent, index, recipient)
        confidence -= _FALLBACK_PENALTY
        if actor and actor[0] not in index.mentions and _fragment(sent):
            actor = ()  # a heading or bullet ("Heightened readiness of units") names no one
        if not recipient:
            found = [m for m in subtree_mentions(clause_of(match.token), index, set()) if m not in actor]
            countries = {a.country for a in actor}
            recipient = tuple(sorted(found, key=lambda m: m.country in countries))[:1]
    return Candidate(
        match=match,
        event=entry.event,
        mode=entry.mode,
        context=contexts | frozenset(entry.context),
        actor=actor,
        recipient=recipient,
        confidence=max(0.05, min(confidence, 1.0)),
    )


def _fragment(sent: Span) -> bool:
    """A bullet or a heading rather than a sentence."""
    words = [t for t in sent if not t.is_space]
    if not words:
        return True
    bullet = words[0].text in {"-", "*", "•", "|", "#", "##", "###"}
    heading = len(words) <= 12 and words[-1].text not in {".", "!", "?", '"', "”"}
    return bullet or heading


def _names_an_agent(token: Token) -> bool:
    """The text names who acts ("Islamic fundamentalists continued..."), even if the actors
    stage could not resolve it; "Improved operational readiness" names no one."""
    verb = clause_of(token)
    # "units were activated and returned fire": a conjoined verb shares its head's subject
    # and an infinitive ("agreed to forgive") is done by its governor's subject
    shared = verb.head.children if verb.dep_ in {"conj", "xcomp"} else ()
    deps = {"nsubj", "nsubjpass", "agent", "poss"}
    return any(c.dep_ in {"nsubj", "agent", "poss"} for c in (*token.children, *verb.children)) or any(
        c.dep_ in deps for c in shared
    )


def _model_candidate(sent: Span, index: MentionIndex, rules: EventRules) -> Candidate | None:
    """No trigger fired: the model's event type, if it is sure enough, a political actor
    stands in the sentence and the sentence is prose (not a heading, bullet or cell)."""
    model = rules.model
    if model is None or _fragment(sent):
        return None
    if not any(sent.start_char <= m.start and m.end <= sent.end_char and m.country for m in index.mentions):
        return None
    event, probability = model.predict(sent)
    if probability < model.threshold:
        return None
    entry = TriggerEntry(
        id=f"{MODEL_PREFIX}{event}", lemma=sent.root.lemma_ or "-", event=event, confidence=probability
    )
    cand = _candidate(TriggerMatch(sent.root, entry, frozenset()), sent, index, frozenset(), rules)
    if not cand.actor:
        return None
    return dataclasses.replace(cand, context=choose_contexts(sent, rules), confidence=probability)


def code_sentence(sent: Span, index: MentionIndex, rules: EventRules) -> list[Candidate]:
    matches = find_triggers(sent, rules)
    if not matches:
        fallback = _model_candidate(sent, index, rules)
        return [fallback] if fallback is not None else []
    contexts = choose_contexts(sent, rules)
    cands = []
    for match in matches:
        raw = _candidate(match, sent, index, contexts, rules)
        if is_non_event(raw):
            continue
        cand = apply_candidate_rules(raw)
        if cand is not None and not cand.actor and not _names_an_agent(cand.token):
            continue  # PLOVER codes no event without a named actor (manual, "Required entities")
        if cand is not None:
            cands.append(cand)
    return apply_sentence_rules(cands)


def code_events(
    doc: Doc, actors: tuple[ActorMention, ...], rules: EventRules, *, on: date | None
) -> tuple[Event, ...]:
    """PLOVER events of every sentence, in text order. ``on`` is unused by the rule coder
    (dates are set by the times stage) but kept so a model coder can share the signature."""
    del on
    index = MentionIndex.build(doc, actors)
    events: list[Event] = []
    accusers: list[tuple[ActorMention, ...]] = []  # actors of the ACCUSE events so far
    for sent in doc.sents:
        for cand in code_sentence(sent, index, rules):
            mode = choose_mode(cand, sent, rules)
            recipient = cand.recipient
            rejects_claims = cand.event == "REJECT" and _rejects_claims(cand.token)
            if rejects_claims and accusers and _claim_topics(cand.token, recipient):
                recipient = ()  # "dismissed claims about Ukrainian troops": the topic, not the claimant
            if not recipient and rejects_claims:
                # "Polish officials rejected the accusations": whoever made them, most recent first
                countries = {a.country for a in cand.actor}
                for accuser in reversed(accusers):
                    recipient = tuple(m for m in accuser if m.country not in countries)
                    if recipient:
                        break
            if cand.event == "ACCUSE" and cand.actor:
                accusers.append(cand.actor)
            reciprocal = len({a.country for a in cand.actor}) > 1  # "Egypt and Jordan held joint..."
            if not recipient and not reciprocal and rules.event_types[cand.event].requires_recipient:
                recipient = _fallback_recipient(cand.token, sent, index, cand.actor)
            actor = cand.actor
            if cand.event == "MOBILIZE" and mode not in {"police", "militia"}:
                actor = _military_sector(actor)
            reason = cand.match.entry.id + (f">{cand.rule}" if cand.rule else "")
            coder = f"{rules.version}:{reason}"
            if rules.model is not None and _from_model(cand):
                coder = f"{rules.model.version}:{cand.event}"
            events.append(
                Event(
                    event=cand.event,
                    mode=mode,
                    context=tuple(sorted(cand.context)),
                    actor=actor,
                    recipient=recipient,
                    sentence_start=sent.start_char,
                    sentence_end=sent.end_char,
                    evidence=sent.text,
                    coder=coder,
                    confidence=cand.confidence,
                    trigger_start=cand.token.idx,
                    trigger_end=cand.token.idx + len(cand.token.text),
                    trigger=cand.token.text,
                    cameo=cand.match.entry.cameo
                    if cand.match.entry.cameo and cand.rule is None and cand.event == cand.match.entry.event
                    else choose_cameo(cand.event, mode, cand.context, rules),
                    index=len(events),
                )
            )
    return tuple(events)
