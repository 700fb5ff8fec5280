"""Sentence-level decision rules: one event per real event in a sentence.

Ordered and named like the candidate rules: an event in the complement of another
trigger is its content, the topic of a protest is not coded, a mobilisation inside
an assault is only the assault, weak cues yield, and two triggers of one event merge.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from spacy.tokens import Token

from tocsin.events.decisions import MATERIAL_CONFLICT, Candidate, partner_spans, purpose

_GOVERNING_DEPS = frozenset({"conj", "advcl", "parataxis", "punct", "cc"})
_RULER_CONFIDENCE = 0.6
# Verbs that end or suspend what they govern ("suspended attacks", "lifted the curfew").
_STOP_LEMMAS = frozenset(
    {"suspend", "suspension", "halt", "stop", "end", "cease", "cancel", "abandon", "lift", "repeal"}
    | {"drop", "scrap", "ease", "freeze", "postpone"}
)
_ENDABLE = MATERIAL_CONFLICT | {"THREATEN"}
# Speech acts whose finite complement is a reported fact, not their content.
_ASSERTIVE = frozenset({"ACCUSE", "REJECT"})


def _reported(node: Token) -> bool:
    """A finite clause with its own subject ("alleged that *Kyiv was moving* troops")."""
    return node.dep_ == "ccomp" and any(c.dep_ in {"nsubj", "nsubjpass"} for c in node.children)


def _governed_by(cand: Candidate, others: dict[int, Candidate]) -> Candidate | None:
    """The nearest candidate of another type whose trigger dominates ``cand`` (not through
    coordination or adverbials); candidates of the same type on the way are passed over.
    A claim or denial does not absorb the reported event it is about: that event is coded
    in its own right (its factuality is the attribution stage's business)."""
    node = cand.token
    ruler = others.get(node.i)
    if ruler is not None and ruler is not cand:
        return ruler  # "Sudan must *return*": the modal governs its own verb
    reported = False
    for _ in range(8):
        if node.head == node or (node.dep_ in _GOVERNING_DEPS and not purpose(node)):
            return None
        reported = reported or _reported(node)
        node = node.head
        ruler = others.get(node.i)
        if ruler is not None and ruler.event != cand.event:
            if reported and ruler.event in _ASSERTIVE:
                return None
            return ruler
    return None


def _object_of(token: Token, ruler: Token) -> bool:
    """ "suspended *attacks*", "a suspension *of* attacks", "to stop *shooting*"."""
    head = token.head
    return head == ruler or (head.lower_ == "of" and head.head == ruler)


def _stops(ruler: Candidate) -> bool:
    return ruler.token.lemma_.lower() in _STOP_LEMMAS


def _agreed_act(cand: Candidate, ruler: Candidate) -> bool:
    """The AGREE's own infinitive names a concession or a binding act ("agreed to *lift*
    ...", "agreed to *forgive* ..."); a noun ("agreed to a ceasefire", "offered
    concessions") stays AGREE, as does anything further down the clause."""
    if cand.token.pos_ != "VERB" or not (cand.event == "CONCEDE" or cand.match.entry.binding):
        return False
    return (cand.token.dep_ in {"xcomp", "conj"} and cand.token.head == ruler.token) or (
        cand.token.dep_ == "xcomp" and cand.token.head.head == ruler.token
    )


def complement_is_content(cands: list[Candidate]) -> list[Candidate]:
    """ "agreed to cooperate", "condemned the attack", "halted aid", "lifted the curfew":
    an event in the object or complement of another trigger is that trigger's content.
    Weak rulers govern nothing; a ``defers`` ruler ("ordered patrols") yields to its content,
    and so does an AGREE whose content is a concession or a ``binding`` act."""
    rulers = sorted(
        (c for c in cands if c.confidence >= _RULER_CONFIDENCE), key=lambda c: c.anchor != c.token
    )
    by_token = {c.anchor.i: c for c in rulers}  # a modal outranks the verb it governs
    dropped: set[int] = set()
    recoded: dict[int, Candidate] = {}
    for cand in cands:
        ruler = _governed_by(cand, by_token)
        if ruler is None or ruler.event == cand.event:
            continue
        direct = cand.token.head == ruler.token and cand.token.dep_ in {"dobj", "xcomp", "ccomp"}
        if _stops(ruler) and _object_of(cand.token, ruler.token) and cand.event in _ENDABLE:
            # manual: suspending attacks, curfews or protests is a concession
            recoded[ruler.token.i] = dataclasses.replace(
                ruler, event="CONCEDE", mode=None, rule="ending_conflict_is_concede"
            )
            dropped.add(cand.token.i)
        elif ruler.event == "AGREE" and _agreed_act(cand, ruler):
            # manual: a promised concession is CONCEDE ("agreed to lift the curfew"), and an
            # act done by agreeing is that act ("agreed to forgive the debt": AID)
            rule = "promised_concession_is_concede" if cand.event == "CONCEDE" else "binding_act"
            recoded[cand.token.i] = dataclasses.replace(
                cand,
                actor=cand.actor or ruler.actor,
                recipient=cand.recipient or ruler.recipient,
                confidence=max(cand.confidence, ruler.confidence),
                rule=rule,
            )
            dropped.add(ruler.token.i)
        else:
            dropped.add(ruler.token.i if ruler.match.entry.defers and direct else cand.token.i)
    return [recoded.get(c.token.i, c) for c in cands if c.token.i not in dropped]


def _in_modifier_clause(token: Token, limit: Token) -> bool:
    """``token`` sits in a participle or relative clause below ``limit``."""
    node = token
    for _ in range(8):
        if node.dep_ in {"acl", "relcl"}:
            return True
        if node.head == node or node == limit:
            return False
        node = node.head
    return False


def partner_description_not_event(cands: list[Candidate]) -> list[Candidate]:
    """ "trained with personnel *stationed* in Y": a participle or relative clause inside the
    partner of a joint exercise describes that partner; it is not a second event."""
    spans = [
        span for c in cands if c.rule == "joint_military_is_cooperate" for span in partner_spans(c.token)
    ]
    if not spans:
        return cands
    return [
        c
        for c in cands
        if not (
            c.event == "MOBILIZE"
            and any(c.token.idx in span for span in spans)
            and _in_modifier_clause(c.token, c.token.sent.root)
        )
    ]


def subject_description_not_event(cands: list[Candidate]) -> list[Candidate]:
    """ "Demonstrators *protesting* the vote clashed with police", "troops *stationed* near
    the border opened fire": a participle describing the subject of another event says who
    acted; it is the same event, not a second one."""
    subjects = {
        c.i
        for cand in cands
        for holder in (cand.token, cand.token.head)
        for c in holder.children
        if c.dep_ in {"nsubj", "nsubjpass"}
    }

    def describes_subject(cand: Candidate) -> bool:
        tok = cand.token
        return tok.dep_ == "acl" and tok.tag_ in {"VBG", "VBN"} and tok.head.i in subjects

    return [c for c in cands if not describes_subject(c)]


def protest_topic_not_coded(cands: list[Candidate]) -> list[Candidate]:
    """Manual: the demand of a protest ("rallied to demand reforms") is not a separate event."""
    if any(c.event == "PROTEST" for c in cands):
        return [c for c in cands if c.event != "REQUEST" or c.match.entry.roles == "speaker"]
    return cands


def mobilize_inside_assault(cands: list[Candidate]) -> list[Candidate]:
    """Manual: a mobilisation reported inside an ASSAULT is only the ASSAULT."""
    if any(c.event == "ASSAULT" for c in cands):
        return [c for c in cands if c.event != "MOBILIZE"]
    return cands


def weak_triggers_yield(cands: list[Candidate]) -> list[Candidate]:
    """Weak cues (a "protester" noun, a bare "explosion") only code when nothing else does."""
    strong = [c for c in cands if c.confidence > 0.5]
    return strong or cands


def _linked(a: Token, b: Token) -> bool:
    """One token dominates the other in the parse (not through coordination)."""
    for low, high in ((a, b), (b, a)):
        node = low
        for _ in range(8):
            if node.head == node or node.dep_ == "conj":
                break
            node = node.head
            if node == high:
                return True
    return False


def _same_event(a: Candidate, b: Candidate) -> bool:
    if a.event != b.event:
        return False
    if not a.actor or not b.actor:
        return True
    countries_a, countries_b = {m.country for m in a.actor}, {m.country for m in b.actor}
    return countries_a == countries_b or (_linked(a.token, b.token) and bool(countries_a & countries_b))


def one_event_per_type(cands: list[Candidate]) -> list[Candidate]:
    """Two triggers of one type for one event ("a bomb attack killed...") make one event:
    the most confident, with roles and mode filled in from the others."""
    groups: list[list[Candidate]] = []
    for cand in cands:
        for group in groups:
            if any(_same_event(cand, other) for other in group):
                group.append(cand)
                break
        else:
            groups.append([cand])
    merged = []
    for group in groups:
        best = max(group, key=lambda c: c.confidence)
        for other in group:
            best = dataclasses.replace(
                best,
                actor=best.actor or other.actor,
                recipient=best.recipient or other.recipient,
                mode=best.mode or other.mode,
            )
        merged.append(best)
    return sorted(merged, key=lambda c: c.token.i)


SENTENCE_RULES: tuple[tuple[str, Callable[[list[Candidate]], list[Candidate]]], ...] = (
    ("partner_description_not_event", partner_description_not_event),
    ("subject_description_not_event", subject_description_not_event),
    ("complement_is_content", complement_is_content),
    ("protest_topic_not_coded", protest_topic_not_coded),
    ("mobilize_inside_assault", mobilize_inside_assault),
    ("weak_triggers_yield", weak_triggers_yield),
    ("one_event_per_type", one_event_per_type),
)


def apply_sentence_rules(cands: list[Candidate]) -> list[Candidate]:
    for _name, rule in SENTENCE_RULES:
        cands = rule(cands)
    return cands
