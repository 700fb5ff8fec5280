"""PLOVER decision rules for one candidate event: ordered, named, first that fires wins
(its name is the reason, appended to ``Event.coder``).

``CANDIDATE_RULES`` may recode or drop a candidate; the rules that compare the
candidates of a sentence are in ``sentence_rules.py``.
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
MATERIAL_CONFLICT = frozenset({"PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})
_FUTURE_AUX = frozenset({"will", "shall", "would", "'ll"})
_FUTURE_HEADS = frozenset(
    {"plan", "intend", "expect", "schedule", "slate", "prepare", "set", "due", "aim", "hope"}
    | {"want", "ready", "prepared", "willing", "pledge", "promise", "vow", "offer", "threaten", "agree"}
)
_OBLIGATION = frozenset({"must", "should", "ought"})
_CONDITION = frozenset({"unless", "if"})
_CROWD = frozenset(
    {"thousand", "hundred", "people", "student", "worker", "supporter", "resident", "crowd", "demonstrator"}
    | {"protester", "villager", "farmer", "activist", "youth", "woman", "man", "member"}
)
_COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT", "CONCEDE"})
# What a future or conditional conflict act threatens (THREATEN mode is the threat's content).
_THREAT_MODE = {"PROTEST": "restrict", "SANCTION": "relations", "COERCE": "restrict", "ASSAULT": "violence"}
_FUTURE_MODIFIERS = frozenset({"upcoming", "next", "planned", "future", "forthcoming", "proposed"})
_JOINT = frozenset({"joint", "jointly", "together", "combined", "bilateral", "multinational"})
_DIPLOMATIC = frozenset({"diplomatic", "formal", "official", "strong", "strongly", "verbal"})
_LODGE = frozenset({"lodge", "file", "issue", "send", "deliver", "register", "voice", "express"})
_STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "ELI"})
_STATE_AGENTS = frozenset(
    {"government", "ministry", "minister", "embassy", "official", "state", "president", "leader", "cabinet"}
    | {"group", "organization", "organisation", "watchdog", "association", "committee", "council"}
)
_LABOUR = frozenset({"worker", "employee", "union", "teacher", "doctor", "miner", "driver", "staff", "nurse"})
_LIGHT_NOUNS = frozenset(
    {"effort", "mission", "attempt", "bid", "campaign", "process", "initiative", "drive", "operation"}
    | {"programme", "program", "plan", "round", "series", "wave"}
    # aspect nouns: "a training rhythm", "drill cycles" name the exercise itself
    | {"rhythm", "cycle", "tempo", "schedule", "regime", "pace"}
)
_PREPARE = frozenset({"prepare", "poise", "gear", "mass"})
TROOP_NOUNS = frozenset({"troop", "soldier", "force", "unit", "personnel", "battalion", "brigade"})
# Who an exercise can be held with ("with Belarusian personnel", "with allied forces").
PARTY_NOUNS = TROOP_NOUNS | frozenset(
    {"army", "navy", "military", "counterpart", "ally", "partner", "contingent", "officer", "crew"}
    | {"marine", "guard", "serviceman", "servicemember", "country", "nation", "state"}
)
_POSSIBLE = frozenset({"could", "may", "might"})
_CONSENT = frozenset({"agree", "decide", "vote", "consent"})
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

    @property
    def anchor(self) -> Token:
        """The token whose clause this event governs: a modal's verb ("must *release*")."""
        return self.token.head if self.match.entry.roles == "speaker" else self.token


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
    for _ in range(4):
        for child in node.children:
            if child.dep_ == "neg" or (child.dep_ in {"det", "advmod"} and child.lower_ in _NEGATORS):
                return True
        if node.dep_ not in {"xcomp", "acl", "aux", "conj"} and not purpose(node):
            return False
        if node.head == node:
            return False
        node = node.head
    return False


def is_future(token: Token) -> bool:
    """Future or planned: "will meet", "plans to visit", "slated to attend", "an upcoming summit"."""
    node = token
    for _ in range(5):
        for child in node.children:
            if child.dep_ in {"aux", "auxpass"} and child.lower_ in _FUTURE_AUX:
                return True
            if child.dep_ == "amod" and child.lower_ in _FUTURE_MODIFIERS:
                return True
        if node.dep_ == "xcomp" and node.head.lemma_.lower() in _FUTURE_HEADS:
            return True
        if node.dep_ in {"acl", "relcl"} and node.tag_ in {"VBN", "VBD"}:
            return False  # "will return the weapons *seized* last year": done, not planned
        if node.dep_ not in {"xcomp", "dobj", "conj", "relcl", "acl", "pobj", "prep"} or node.head == node:
            return False
        node = node.head
    return False


def _has_aux(token: Token, words: frozenset[str]) -> bool:
    return any(c.dep_ in {"aux", "auxpass"} and c.lower_ in words for c in token.children)


def refusal_is_reject(cand: Candidate) -> Candidate | str | None:
    """ "will not accept refugees", "failed to reach agreement": a refused cooperation is REJECT."""
    tok = cand.token
    if tok.pos_ == "NOUN" and tok.dep_ == "dobj":
        tok = tok.head  # "failed to reach agreement": look at "reach"
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in {"fail", "refuse", "decline"}:
        return _recode(cand, "refusal_is_reject", "REJECT", None)
    if cand.event in _COOPERATIVE and is_negated(tok) and (is_future(tok) or tok.lemma_.lower() == "accept"):
        return _recode(cand, "refusal_is_reject", "REJECT", None)
    return None


def modifier_noun(cand: Candidate) -> Candidate | str | None:
    """ "border *patrol* agents", "Russian-*supplied* missiles": a modifier names no event
    (unless the match used its head, "call-*up*", or the head is a light noun,
    "a *mediation* effort")."""
    tok = cand.token
    modifier = tok.pos_ in {"NOUN", "VERB"} and tok.dep_ in {"compound", "amod"}
    light = tok.head.lemma_.lower() in _LIGHT_NOUNS
    return DROP if modifier and not light and tok.head.i not in cand.match.consumed else None


def restraint_is_concede(cand: Candidate) -> Candidate | str | None:
    """ "Police will not arrest the marchers": a promise to refrain from force is a concession."""
    tok = cand.token
    if cand.event in MATERIAL_CONFLICT and is_negated(tok) and is_future(tok):
        return _recode(cand, "restraint_is_concede", "CONCEDE", None)
    return None


def negated(cand: Candidate) -> Candidate | str | None:
    return DROP if is_negated(cand.token) else None


def preparing_assault_is_mobilize(cand: Candidate) -> Candidate | str | None:
    """ "The army prepared to resume shelling": readiness short of force is MOBILIZE."""
    node = cand.token
    for _ in range(3):
        if node.dep_ != "xcomp":
            return None
        node = node.head
        if cand.event == "ASSAULT" and node.lemma_.lower() in _PREPARE:
            return _recode(cand, "preparing_assault_is_mobilize", "MOBILIZE", None, "military")
    return None


def future_conflict_is_threaten(cand: Candidate) -> Candidate | str | None:
    """ "would boycott", "plans to impose restrictions", "will withdraw ... unless": a threat."""
    if cand.event not in _THREAT_MODE and cand.event != "RETREAT":
        return None
    tok = cand.token
    conditional = any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _CONDITION for m in c.children)
        for c in tok.children
    )
    if cand.event == "RETREAT" and not conditional:
        return None
    # "Slovakia could suspend relations": a conflict act held out as possible is a warning
    holder = tok.head if tok.pos_ == "NOUN" and tok.dep_ == "dobj" else tok  # "may impose restrictions"
    possible = cand.event != "RETREAT" and _has_aux(holder, _POSSIBLE)
    if conditional or possible or is_future(tok):
        mode = _THREAT_MODE.get(cand.event, "relations")
        if cand.event == "COERCE" and cand.mode == "arrest":
            mode = "arrest"
        return _recode(cand, "future_conflict_is_threaten", "THREATEN", mode)
    return None


def exercise_holders(tok: Token) -> list[Token]:
    """The exercise noun, the noun it modifies ("a training *rhythm*") and the support verb
    that holds either ("*held* drills", "*sustain* a training rhythm")."""
    holders = [tok]
    if tok.dep_ == "compound":
        holders.append(tok.head)
    if holders[-1].dep_ in {"dobj", "attr"}:
        holders.append(holders[-1].head)
    return holders


def _with_objects(tok: Token) -> list[Token]:
    return [
        p
        for holder in exercise_holders(tok)
        for c in holder.children
        if c.dep_ == "prep" and c.lower_ == "with"
        for p in c.children
        if p.dep_ == "pobj"
    ]


def partner_spans(tok: Token) -> list[range]:
    """Character ranges of "with X" phrases on the exercise noun or its holders."""
    return [range(p.left_edge.idx, p.right_edge.idx + len(p.right_edge)) for p in _with_objects(tok)]


def _party(noun: Token) -> bool:
    """ "with Belarusian personnel", not an instrument ("with live ammunition")."""
    return noun.lemma_.lower() in PARTY_NOUNS or noun.ent_type_ in {"NORP", "GPE", "ORG"}


def joint_military_is_cooperate(cand: Candidate) -> Candidate | str | None:
    """Manual: joint exercises are COOPERATE (military); single-country ones stay MOBILIZE."""
    if cand.event != "MOBILIZE":
        return None
    tok = cand.token
    joint = tok.lower_ in _JOINT or any(t.lower_ in _JOINT for t in tok.subtree if t.i < tok.i)
    partners = partner_spans(tok)
    named = [m for m in cand.actor + cand.recipient if any(m.start in span for span in partners)]
    joint = joint or bool(named) or any(_party(p) for p in _with_objects(tok))
    countries = {a.country for a in cand.actor if a.country}
    if joint or len(countries) > 1:
        recoded = _recode(cand, "joint_military_is_cooperate", "COOPERATE", None, "military")
        partner = tuple(m for m in named if m not in cand.actor)
        return dataclasses.replace(recoded, recipient=partner[:1]) if partner else recoded
    return None


def diplomatic_protest_is_accuse(cand: Candidate) -> Candidate | str | None:
    """Manual: a diplomatic protest is ACCUSE disapprove; PROTEST is a street protest."""
    if cand.event != "PROTEST" or cand.token.lemma_.lower() != "protest":
        return None
    tok = cand.token
    formal = any(c.lower_ in _DIPLOMATIC for c in tok.children) or tok.head.lemma_.lower() in _LODGE
    subjects = [c for c in tok.children if c.dep_ == "nsubj"]
    crowd = any(t.lemma_.lower() in _CROWD for s in subjects for t in s.subtree)
    named = any(s.pos_ == "PROPN" or s.lemma_.lower() in _STATE_AGENTS for s in subjects)
    state = tok.pos_ == "VERB" and named and not crowd and bool(cand.actor)
    if formal or state:
        return _recode(cand, "diplomatic_protest_is_accuse", "ACCUSE", "disapprove", "diplomatic")
    return None


def labour_strike_is_protest(cand: Candidate) -> Candidate | str | None:
    if cand.event != "ASSAULT" or cand.token.lemma_.lower() != "strike":
        return None
    tok = cand.token
    # "doctors carried out a strike": the subject sits on the light verb of the noun
    holder = tok.head if tok.pos_ == "NOUN" and tok.dep_ == "dobj" else tok
    subjects = [c for c in holder.children if c.dep_ == "nsubj"]
    if any(s.lemma_.lower() in _LABOUR for s in subjects):
        return _recode(cand, "labour_strike_is_protest", "PROTEST", "strike")
    return None


def future_cooperation_is_agree(cand: Candidate) -> Candidate | str | None:
    """Manual: future CONSULT/SUPPORT/COOPERATE/AID (a planned meeting, promised aid) is AGREE."""
    tok = cand.token
    if cand.match.entry.binding and tok.dep_ == "xcomp" and tok.head.lemma_.lower() in _CONSENT:
        return None  # "agreed to forgive the debt" is done by agreeing
    if cand.event in {"CONSULT", "SUPPORT", "COOPERATE", "AID"} and is_future(cand.token):
        return _recode(cand, "future_cooperation_is_agree", "AGREE", None)
    return None


def future_retreat_is_agree(cand: Candidate) -> Candidate | str | None:
    """An announced future release or return ("said they will release") is a commitment.

    The manual (v2) codes announced future retreats as CONCEDE; the PLOVER gold
    standard records code them AGREE. We follow the gold records: see docs.
    """
    if cand.event == "RETREAT" and is_future(cand.token):
        return _recode(cand, "future_retreat_is_agree", "AGREE", None)
    return None


def relief_mobilization_is_aid(cand: Candidate) -> Candidate | str | None:
    """Manual: forces sent for disaster relief (or as peacekeepers) are AID."""
    if cand.event == "MOBILIZE" and cand.context & {"disasters", "peacekeeping"}:
        return _recode(cand, "relief_mobilization_is_aid", "AID", None)
    return None


def purpose(token: Token) -> bool:
    """A purpose infinitive ("staged a rally to protest ...") is its governor's content."""
    return token.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
