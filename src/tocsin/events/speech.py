"""Who speaks and who acts: modal demands ("X said Y must..."), charges of misinformation,
and material events a speaker reports about someone else.
"""

from __future__ import annotations

from spacy.tokens import Token

from tocsin.events.loader import EventRules
from tocsin.events.mentions import MentionIndex
from tocsin.events.roles import resolve_heads
from tocsin.records import ActorMention

_SUBJ = frozenset({"nsubj", "csubj", "expl"})
_PASS_SUBJ = frozenset({"nsubjpass", "csubjpass"})


def speaker_heads(trigger: Token) -> list[Token]:
    """The subject of the clause that governs ``trigger`` ("X said Y must...": X)."""
    node = trigger
    for _ in range(4):
        if node.head == node:
            return []
        if node.dep_ in {"ccomp", "acl", "relcl"}:
            head = node.head
            subj = [c for c in head.children if c.dep_ in _SUBJ]
            if subj:
                return subj
            if head.dep_ == "dobj":  # "issued a reminder to Iraq that it must..."
                return [c for c in head.head.children if c.dep_ in _SUBJ]
        node = node.head
    return []


def governing_verb(token: Token) -> Token:
    """The nearest verb at or above ``token`` ("must" -> "cooperate"; "operation" -> "were")."""
    node = token
    for _ in range(6):
        if (node.pos_ in {"VERB", "AUX"} and node.dep_ != "aux") or node.head == node:
            return node
        node = node.head
    return node


def _labels(trigger: Token, verb: Token) -> bool:
    """The trigger is what the verb's subject calls something: "Kyiv calls it an information
    operation", "described the report as disinformation"."""
    if trigger.head != verb and not (trigger.head.lower_ == "as" and trigger.head.head == verb):
        return False
    return trigger.dep_ == "oprd" or (trigger.dep_ == "pobj" and trigger.head.lower_ == "as")


def speaker_roles(trigger: Token, index: MentionIndex) -> tuple[list[ActorMention], list[ActorMention]]:
    """For "X said Y must...", "X stated Y's claims were disinformation": X is the actor,
    Y (the subject of the reported clause) the recipient. No speaker: ([], [])."""
    verb = governing_verb(trigger)
    if _labels(trigger, verb):
        # The labeller speaks; whoever made what is labelled (the speaker of the clause
        # above, where there is one) is the recipient.
        labeller = resolve_heads([c for c in verb.children if c.dep_ in _SUBJ], index, trigger)
        if labeller:
            above = resolve_heads(speaker_heads(verb), index, trigger)
            return labeller, [m for m in above if m not in labeller]
    speaker = resolve_heads(speaker_heads(verb), index, trigger)
    if not speaker:
        return [], []
    subjects = [c for c in verb.children if c.dep_ in _SUBJ | _PASS_SUBJ]
    about = resolve_heads(subjects, index, trigger)
    return speaker, [m for m in about if m not in speaker]


# Material events that a speaker may report about someone else ("highlighted a spike in
# reconnaissance flights"): the speaker is their target, not their agent.
REPORTED = frozenset({"MOBILIZE", "ASSAULT", "COERCE"})
_OBJECT_PATH = frozenset({"dobj", "pobj", "prep", "compound", "conj", "amod", "attr"})


def reporting_verb(token: Token, rules: EventRules) -> Token | None:
    """The reporting verb whose object contains ``token``, if any."""
    node = token
    for _ in range(6):
        if node.dep_ not in _OBJECT_PATH or node.head == node:
            return None
        node = node.head
        if node.pos_ == "VERB":
            return node if node.lemma_.lower() in rules.reporting else None
    return None


def reported_roles(
    trigger: Token, reporter: Token, index: MentionIndex, recipient: tuple[ActorMention, ...]
) -> tuple[tuple[ActorMention, ...], tuple[ActorMention, ...]]:
    """The reporter is the target; the actor is the nearest earlier actor of another country
    in this sentence or the one before."""
    speaker = resolve_heads([c for c in reporter.children if c.dep_ == "nsubj"], index, trigger)
    if not speaker:
        return (), recipient
    sent = trigger.sent
    since = trigger.doc[sent.start - 1].sent.start_char if sent.start > 0 else sent.start_char
    other = index.before_other(trigger, {m.country for m in speaker}, since)
    if other is None:
        return (), recipient
    return (other,), recipient or tuple(speaker)
