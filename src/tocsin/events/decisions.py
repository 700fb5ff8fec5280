"""PLOVER decision rules: ordered, named, first that fires wins (its name is the reason).

``CANDIDATE_RULES`` look at one candidate event and may recode or drop it;
``SENTENCE_RULES`` look at all candidates of a sentence (one event per real
event: complements of verbal acts, mobilisations inside assaults, duplicates).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from tocsin.events.triggers import TriggerMatch
from tocsin.records import ActorMention

# Event types that are speech acts: an event in their complement is their content.
VERBAL = frozenset({"AGREE", "REQUEST", "REJECT", "ACCUSE", "THREATEN", "CONCEDE", "SUPPORT"})
_FUTURE_AUX = frozenset({"will", "shall", "would", "'ll"})
_FUTURE_HEADS = frozenset(
    {
        "plan",
        "intend",
        "expect",
        "schedule",
        "slate",
        "prepare",
        "set",
        "due",
        "aim",
        "hope",
        "decide",
        "want",
    }
)
_FUTURE_MODIFIERS = frozenset({"upcoming", "next", "planned", "future", "forthcoming", "proposed"})
_JOINT = frozenset({"joint", "jointly", "together", "combined", "bilateral", "multinational"})
_DIPLOMATIC = frozenset({"diplomatic", "formal", "official", "strong", "strongly", "verbal"})
_LODGE = frozenset({"lodge", "file", "issue", "send", "deliver", "register", "voice", "express"})
_STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "ELI"})
_LABOUR = frozenset({"worker", "employee", "union", "teacher", "doctor", "miner", "driver", "staff", "nurse"})
_NEGATORS = frozenset({"no", "never", "neither", "nor"})


@dataclass(frozen=True, slots=True)
class Candidate:
    match: TriggerMatch
    event: str
    mode: str | None
    context: frozenset[str]
    actor: tuple[ActorMention, ...]
    recipient: tuple[ActorMention, ...]
    confidence: float
    rule: str | None = None  # the decision rule that recoded it, if any

    @property
    def token(self) -> Token:
        return self.match.token


# A rule returns the recoded candidate, ``DROP`` to remove it, or None when it does not fire.
DROP = "drop"
CandidateRule = Callable[[Candidate], "Candidate | str | None"]


def _recode(cand: Candidate, rule: str, event: str, mode: str | None, *context: str) -> Candidate:
    return dataclasses.replace(
        cand, event=event, mode=mode, context=cand.context | frozenset(context), rule=rule
    )


def is_negated(token: Token) -> bool:
    """ "did not attack", "no intention to send forces", "never deployed"."""
    node = token
    for _ in range(3):
        for child in node.children:
            if child.dep_ == "neg" or (child.dep_ in {"det", "advmod"} and child.lower_ in _NEGATORS):
                return True
        if node.dep_ not in {"xcomp", "acl", "aux", "conj"} or node.head is node:
            return False
        node = node.head
    return False


def is_future(token: Token) -> bool:
    """Future or planned: "will meet", "plans to visit", "slated to attend", "an upcoming summit"."""
    node = token
    for _ in range(3):
        for child in node.children:
            if child.dep_ in {"aux", "auxpass"} and child.lower_ in _FUTURE_AUX:
                return True
            if child.dep_ == "amod" and child.lower_ in _FUTURE_MODIFIERS:
                return True
        if node.dep_ == "xcomp" and node.head.lemma_.lower() in _FUTURE_HEADS:
            return True
        if node.dep_ not in {"xcomp", "dobj", "conj", "relcl", "acl"} or node.head is node:
            return False
        node = node.head
    return False


def negated(cand: Candidate) -> Candidate | str | None:
    return DROP if is_negated(cand.token) else None


def joint_military_is_cooperate(cand: Candidate) -> Candidate | str | None:
    """Manual: joint exercises are COOPERATE (military); single-country ones stay MOBILIZE."""
    if cand.event != "MOBILIZE":
        return None
    tok = cand.token
    joint = any(c.lower_ in _JOINT for c in tok.children) or tok.lower_ in _JOINT
    joint = joint or any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.children)
    countries = {a.country for a in cand.actor if a.country}
    if joint or len(countries) > 1:
        return _recode(cand, "joint_military_is_cooperate", "COOPERATE", None, "military")
    return None


def diplomatic_protest_is_accuse(cand: Candidate) -> Candidate | str | None:
    """Manual: a diplomatic protest is ACCUSE disapprove; PROTEST is a street protest."""
    if cand.event != "PROTEST" or cand.token.lemma_.lower() != "protest":
        return None
    tok = cand.token
    formal = any(c.lower_ in _DIPLOMATIC for c in tok.children) or tok.head.lemma_.lower() in _LODGE
    state = any(a.sector in _STATE_SECTORS or a.kind in {"capital", "igo"} for a in cand.actor)
    state = state or any(a.sector is None and a.kind == "name" for a in cand.actor)
    if formal or state:
        return _recode(cand, "diplomatic_protest_is_accuse", "ACCUSE", "disapprove", "diplomatic")
    return None


def labour_strike_is_protest(cand: Candidate) -> Candidate | str | None:
    if cand.event != "ASSAULT" or cand.token.lemma_.lower() != "strike":
        return None
    subjects = [c for c in cand.token.children if c.dep_ == "nsubj"]
    if any(s.lemma_.lower() in _LABOUR for s in subjects):
        return _recode(cand, "labour_strike_is_protest", "PROTEST", "strike")
    return None


def future_cooperation_is_agree(cand: Candidate) -> Candidate | str | None:
    """Manual: future CONSULT/SUPPORT/COOPERATE/AID (a planned meeting, promised aid) is AGREE."""
    if cand.event in {"CONSULT", "SUPPORT", "COOPERATE", "AID"} and is_future(cand.token):
        return _recode(cand, "future_cooperation_is_agree", "AGREE", None)
    return None


def future_retreat_is_concede(cand: Candidate) -> Candidate | str | None:
    """Manual: an announced future withdrawal is CONCEDE."""
    if cand.event == "RETREAT" and is_future(cand.token):
        return _recode(cand, "future_retreat_is_concede", "CONCEDE", None)
    return None


def disaster_mobilization_is_aid(cand: Candidate) -> Candidate | str | None:
    """Manual: mobilising forces for disaster relief is AID."""
    if cand.event == "MOBILIZE" and "disasters" in cand.context:
        return _recode(cand, "disaster_mobilization_is_aid", "AID", None)
    return None


CANDIDATE_RULES: tuple[tuple[str, CandidateRule], ...] = (
    ("negated", negated),
    ("joint_military_is_cooperate", joint_military_is_cooperate),
    ("diplomatic_protest_is_accuse", diplomatic_protest_is_accuse),
    ("labour_strike_is_protest", labour_strike_is_protest),
    ("future_retreat_is_concede", future_retreat_is_concede),
    ("future_cooperation_is_agree", future_cooperation_is_agree),
    ("disaster_mobilization_is_aid", disaster_mobilization_is_aid),
)


def apply_candidate_rules(cand: Candidate) -> Candidate | None:
    for _name, rule in CANDIDATE_RULES:
        result = rule(cand)
        if result == DROP:
            return None
        if isinstance(result, Candidate):
            return result
    return cand


def _governed_by(token: Token, others: dict[int, Candidate]) -> Candidate | None:
    """The nearest candidate whose trigger dominates ``token`` in the parse."""
    node = token
    for _ in range(8):
        if node.head is node:
            return None
        node = node.head
        if node.i in others:
            return others[node.i]
    return None


def complement_of_verbal_act(cands: list[Candidate]) -> list[Candidate]:
    """ "agreed to cooperate", "condemned the attack", "accused X of shelling": one verbal event."""
    by_token = {c.token.i: c for c in cands}
    keep = []
    for cand in cands:
        ruler = _governed_by(cand.token, by_token)
        if ruler is not None and ruler.event in VERBAL and ruler.event != cand.event:
            continue
        keep.append(cand)
    return keep


def mobilize_inside_assault(cands: list[Candidate]) -> list[Candidate]:
    """Manual: a mobilisation reported inside an ASSAULT is only the ASSAULT."""
    if any(c.event == "ASSAULT" for c in cands):
        return [c for c in cands if c.event != "MOBILIZE"]
    return cands


def weak_triggers_yield(cands: list[Candidate]) -> list[Candidate]:
    """Weak cues (a "protester" noun, a bare "explosion") only code when nothing else does."""
    strong = [c for c in cands if c.confidence > 0.5]
    return strong or cands


def one_event_per_type(cands: list[Candidate]) -> list[Candidate]:
    """Two triggers of one type with the same actors are one event ("attacked ... in an assault")."""
    best: dict[tuple, Candidate] = {}
    order: list[tuple] = []
    for cand in cands:
        key = (cand.event, tuple(sorted({a.country or "" for a in cand.actor})))
        if key not in best:
            order.append(key)
            best[key] = cand
        elif cand.confidence > best[key].confidence:
            best[key] = cand
    return [best[k] for k in order]


SENTENCE_RULES: tuple[tuple[str, Callable[[list[Candidate]], list[Candidate]]], ...] = (
    ("complement_of_verbal_act", complement_of_verbal_act),
    ("mobilize_inside_assault", mobilize_inside_assault),
    ("weak_triggers_yield", weak_triggers_yield),
    ("one_event_per_type", one_event_per_type),
)


def apply_sentence_rules(cands: list[Candidate]) -> list[Candidate]:
    for _name, rule in SENTENCE_RULES:
        cands = rule(cands)
    return cands
