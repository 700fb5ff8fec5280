"""Who "our" is in reported speech: the speaker's state, and at times its partner.

"Our ministry", quoted from a Laotian minister, is Laos's, whatever state the text
named last. A Chinese envoy who says "our foreign ministries stay in close touch" speaks
for China and a partner: a state has one foreign ministry, so the plural names several
states. The partner is the state the speaker was just paired with ("a worry for both
Vientiane and Beijing", "Laos and China"). The speaker's state is the actor and the
partner the recipient, as PLOVER codes a two-party CONSULT or COOPERATE.
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Token

from tocsin.events.mentions import MentionIndex
from tocsin.records import ActorMention

# Institutions a state has one of: their plural after "our" names several states.
_ONE_PER_STATE = frozenset(
    {"ministry", "government", "country", "nation", "state", "president", "leader", "army"}
    | {"military", "parliament", "capital", "leadership", "agency", "service", "minister"}
)
_WE = frozenset({"our", "we"})
# How far back the pairing may be: the speaker's own sentence and the two before it.
_PAIR_SENTENCES = 3


def _speaker_of(trigger: Token, index: MentionIndex) -> ActorMention | None:
    """The subject of the reporting verb above the trigger; a pronoun takes its antecedent."""
    node = trigger
    for _ in range(5):
        if node.dep_ in {"ccomp", "parataxis"} and node.head != node:
            for subj in (c for c in node.head.children if c.dep_ == "nsubj"):
                mention = index.at(subj)
                if mention is None and subj.pos_ == "PRON":
                    mention = index.antecedent(subj)
                if mention is not None and mention.country:
                    return mention
            return None
        if node.head == node:
            return None
        node = node.head
    return None


def _pairings(head: Token, index: MentionIndex) -> list[tuple[ActorMention, ...]]:
    """Coordinated named states ("both Vientiane and Beijing") before ``head``, latest first."""
    doc = head.doc
    start = head.sent.start
    for _ in range(_PAIR_SENTENCES - 1):
        if start == 0:
            break
        start = doc[start - 1].sent.start
    found: list[tuple[ActorMention, ...]] = []
    for token in doc[start : head.i]:
        first = index.at(token)
        if first is None or not first.country or first.kind == "agent":
            continue
        group = [first]
        for conj in token.children:
            other = index.at(conj)
            if conj.dep_ == "conj" and other is not None and other.country and other.country != first.country:
                group.append(other)
        if len(group) > 1:
            found.append(tuple(group))
    return found[::-1]


def first_person(
    head: Token, trigger: Token, index: MentionIndex, own: ActorMention | None
) -> tuple[ActorMention, list[ActorMention]] | None:
    """(actor, partner states) when ``head`` is "our <noun>" in reported speech, else None.

    "Our ministry" is the speaker's; "our ministries" (an institution a state has one
    of) is the speaker's and its partners'. ``own`` is the mention of the head's own
    noun phrase ("defence ministries"): it becomes the actor with the speaker's country,
    and lends its sector to the partners.
    """
    if own is not None and own.country:
        return None
    if not any(c.dep_ == "poss" and c.lower_ in _WE for c in head.children):
        return None
    speaker = _speaker_of(trigger, index)
    if speaker is None:
        return None
    actor = dataclasses.replace(own, country=speaker.country) if own is not None else speaker
    if head.tag_ != "NNS" or head.lemma_.lower() not in _ONE_PER_STATE:
        return actor, []
    for group in _pairings(head, index):
        if speaker.country not in {m.country for m in group}:
            continue
        partners = [
            dataclasses.replace(m, sector=actor.sector) for m in group if m.country != speaker.country
        ]
        return actor, partners
    return actor, []
