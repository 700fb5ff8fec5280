"""The walk from an event's trigger up its dependency tree: modality cues and the attribution.

Nearest cue wins: walking up from the trigger, the first negation, modal,
conditional or governing cue word decides the event's modality ("she has *no*
intention to deploy forces": the "no" on "intention" is met before the "said"
above it). The walk stops at the attribution verb that governs the clause
(modality above "said" belongs to the speech act, not to the event) and at a
nominal subject whose predicate is not about occurrence ("the deployment
serves as a response": the deployment is presupposed, not modalised).
Each step is a handful of set lookups; the walk is at most ``MAX_STEPS`` long.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from tocsin.attribution.cues import AttributionCues, verb_key
from tocsin.records import Factuality

MAX_STEPS = 8
# Relations through which a governing word's meaning applies to the governed event.
_GOVERNED = frozenset(
    {
        "xcomp",
        "ccomp",
        "dobj",
        "pobj",
        "pcomp",
        "acl",
        "prep",
        "attr",
        "oprd",
        "compound",
        "conj",
        "appos",
        "amod",
    }
)
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# Relations by which a clause is the *content* of an attribution ("said that X", "announced X").
_REPORTED = frozenset({"ccomp", "xcomp", "dobj", "oprd", "attr", "acl"})
# Through a preposition only for verbs that pin an act on someone ("accused X of shelling",
# "blamed Kyiv for the explosion"); "commented on the strike" does not report the strike.
_REPORTED_VIA_PREP = frozenset({"distancing", "negative"})
# Relations by which a negated governor negates its complement ("no intention to send").
_NEGATES_DOWN = frozenset({"xcomp", "ccomp", "dobj", "acl", "pobj", "prep", "pcomp"})
# Relations by which a verb's own "not" negates its complement ("did not launch an attack");
# not a prepositional one ("did not respond to a request": the request was made).
_NEGATION_PASSES = frozenset({"xcomp", "ccomp", "dobj", "acl", "attr", "oprd"})
# Predicates about whether an event occurs: their modality passes to a nominal subject.
_OCCURRENCE = frozenset(
    {
        "happen",
        "occur",
        "take",
        "begin",
        "start",
        "continue",
        "resume",
        "proceed",
        "come",
        "go",
        "follow",
        "be",
        "remain",
    }
    # light verbs whose subject is the event they perform: "the attack was carried out"
    | {"carry", "conduct", "launch", "stage", "mount", "perform", "execute", "complete", "hold"}
    # and predicates of the event's own course: "the deployment has arrived", "the raid killed"
    | {"arrive", "reach", "end", "finish", "conclude", "stall", "last", "cross", "enter", "kill"}
    | {"wound", "injure", "destroy", "damage", "hit", "leave", "spread", "escalate", "fail"}
)
_MODAL_KINDS: tuple[tuple[str, Factuality], ...] = (
    ("recommendation_modal", "recommended"),
    ("hypothetical_modal", "hypothetical"),
    ("planned_modal", "planned"),
)
# Governing words, in the order they are tried.
_HEAD_KINDS: tuple[tuple[str, Factuality], ...] = (
    ("denial_head", "denied"),
    ("recommendation_head", "recommended"),
    ("planned_head", "planned"),
    ("hypothetical_head", "hypothetical"),
    ("hedge", "claimed"),
)
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
# "not only ... but also" is not a negation.
_NOT_NEGATING_NEXT = frozenset({"only", "just", "merely", "least"})


@dataclass(frozen=True, slots=True)
class Walk:
    """What the walk found: a modality verdict (or None), the governing attribution, flags."""

    verdict: tuple[Factuality, str] | None
    attribution: Token | None  # the attribution verb / noun whose clause holds the event
    via: str | None  # the relation by which the event's branch hangs off the attribution
    presupposed: bool  # a nominal subject of a non-occurrence predicate


def _cue(cues: AttributionCues, kind: str, text: str) -> str:
    return cues.ids.get((kind, text), f"{kind}.{text}")


def _negated(node: Token, cues: AttributionCues) -> Token | None:
    negations = cues.of("negation")
    for child in node.children:
        low = child.lower_
        if child.dep_ == "neg" or (child.dep_ in ("det", "advmod", "preconj") and low in negations):
            # "has yet to" negates only when it governs an infinitive
            if low == "yet" and not any(c.dep_ == "xcomp" for c in node.children):
                continue
            nxt = child.nbor(1) if child.i + 1 < len(child.doc) else None
            if nxt is not None and nxt.lower_ in _NOT_NEGATING_NEXT:
                continue
            return child
    return None


def _negated_subject(node: Token, cues: AttributionCues) -> Token | None:
    """ "No Russian soldiers were operating", "Neither country has recognised": the subject negates."""
    if node.pos_ not in ("VERB", "AUX"):
        return None
    negations = cues.of("negation")
    for child in node.children:
        if child.dep_ not in _SUBJECTS:
            continue
        if child.lower_ in ("none", "nobody", "nothing", "neither"):
            return child
        for det in child.children:
            if det.dep_ == "det" and det.lower_ in negations:
                return det
    return None


def _local(
    node: Token,
    is_trigger: bool,
    cues: AttributionCues,
    *,
    negation: bool = True,
    subject_negation: bool = True,
) -> tuple[Factuality, str] | None:
    """Cues attached to ``node`` itself: negation, modal auxiliaries, conditional marks, modifiers.

    ``negation`` off: the node's "not" does not reach the branch we came from ("did not
    respond to a request": the request was made). ``subject_negation`` off: we came from
    the subject itself ("None of the injured were British": people were injured).
    """
    if is_trigger and node.tag_ == "MD":
        # The event coder may take the modal itself as the trigger ("X should prioritise...").
        low = node.lower_
        for kind, value in _MODAL_KINDS:
            if low in cues.of(kind):
                return value, _cue(cues, kind, low)
    neg = None
    if negation:
        neg = _negated(node, cues) or (_negated_subject(node, cues) if subject_negation else None)
    if neg is not None:
        return "denied", _cue(cues, "negation", neg.lower_)
    for child in node.children:
        dep = child.dep_
        low = child.lower_
        if dep in ("aux", "auxpass"):
            if low in cues.of("recommendation_modal"):
                return "recommended", _cue(cues, "recommendation_modal", low)
            if low in cues.of("hypothetical_modal"):
                return "hypothetical", _cue(cues, "hypothetical_modal", low)
            if low in cues.of("planned_modal"):
                return "planned", _cue(cues, "planned_modal", low)
        elif dep == "mark" and low in cues.of("conditional_mark"):
            return "hypothetical", _cue(cues, "conditional_mark", low)
        elif dep == "advmod" and low in cues.of("hedge"):
            return "claimed", _cue(cues, "hedge", low)
        elif is_trigger and dep in ("amod", "compound", "nmod"):
            if low in cues.of("hypothetical_modifier"):
                return "hypothetical", _cue(cues, "hypothetical_modifier", low)
            if low in cues.of("planned_modifier"):
                return "planned", _cue(cues, "planned_modifier", low)
            if low in cues.of("hedge"):
                return "claimed", _cue(cues, "hedge", low)
    return None


def _governing(head: Token, node: Token, cues: AttributionCues) -> tuple[Factuality, str] | None:
    """Cues in the word that governs ``node`` ("refused to send", "plans to station")."""
    lemma = verb_key(head) if head.pos_ in ("VERB", "AUX") else head.lemma_.lower()
    low = head.lower_
    if node.dep_ in ("pcomp", "pobj") and low in cues.of("negation"):
        return "denied", _cue(cues, "negation", low)  # "without sending"
    if node.dep_ == "xcomp" and low == "going":
        return "planned", _cue(cues, "planned_modal", "gon")
    if (
        node.dep_ == "xcomp"
        and lemma == "have"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)
    ):
        return "recommended", _cue(cues, "recommendation_modal", "have to")
    # The head's keys: its lemma, its word form, and lemma + preposition ("call for", "call on").
    keys = [lemma, low, *(f"{lemma} {c.lower_}" for c in head.children if c.dep_ == "prep")]
    for kind, factuality in _HEAD_KINDS:
        words = cues.of(kind)
        for key in keys:
            if key in words:
                return factuality, _cue(cues, kind, key)
    return None


def _is_attribution(token: Token, cues: AttributionCues) -> bool:
    lemma = token.lemma_.lower()
    if token.pos_ in ("VERB", "AUX") and (
        lemma in cues.of("attribution_verb") or verb_key(token) in cues.of("attribution_verb")
    ):
        return True
    return token.pos_ == "NOUN" and lemma in cues.of("attribution_noun")


def walk_clause(trigger: Token, cues: AttributionCues) -> Walk:
    """Walk up from ``trigger`` within its sentence; see the module docstring."""
    node = trigger
    sent_start = trigger.sent.start
    sent_end = trigger.sent.end
    verdict = _local(trigger, True, cues)
    # Whether the ancestors' modality still reaches the event: an adverbial or a
    # relative clause has its own ("Ukraine will respond after Russia attacked").
    open_ = True
    for _ in range(MAX_STEPS):
        head = node.head
        dep = node.dep_
        if head.i == node.i or not (sent_start <= head.i < sent_end):
            break
        if _is_attribution(head, cues):
            if _reports(head, node, cues):
                return Walk(_future_in_past(verdict, head, cues), head, dep, presupposed=False)
            if head.pos_ in ("VERB", "AUX"):
                # The event is only the topic of the speech act ("declined to comment on the
                # strike"): what governs the speech act does not govern the event.
                return Walk(verdict, None, None, presupposed=False)
        if dep in _SUBJECTS and _definite(node) and head.lemma_.lower() not in _OCCURRENCE:
            # The event is what the clause is about, not what it asserts: presupposed.
            return Walk(verdict, _attribution_above(head, cues), None, presupposed=verdict is None)
        if verdict is None and open_:
            verdict = _step(head, node, cues)
        if dep not in _GOVERNED and dep not in _SUBJECTS and not _purpose(node):
            open_ = False
        node = head
    return Walk(verdict, None, None, presupposed=False)


def _step(head: Token, node: Token, cues: AttributionCues) -> tuple[Factuality, str] | None:
    """The modality ``head`` passes down to ``node``'s branch, if any."""
    dep = node.dep_
    if dep == "conj":
        # A conjunct shares its head's modals only when it has no subject or aux of its own,
        # and never its negation ("did not attack but sent troops").
        if any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in node.children):
            return None
        return _local(head, False, cues, negation=False)
    if dep in _SUBJECTS:
        # "an attack could happen", "such a deployment might...", "the attack did not happen"
        return _local(head, False, cues, subject_negation=False)
    if dep not in _GOVERNED and not _purpose(node):
        return None
    governing = _governing(head, node, cues)
    neg = _negated(head, cues) if dep in _NEGATES_DOWN else None
    if neg is not None and (governing is not None or dep in ("xcomp", "acl")):
        return "denied", _cue(cues, "negation", neg.lower_)  # "no intention to send"
    return governing or _local(head, False, cues, negation=dep in _NEGATION_PASSES)


def is_negated(token: Token, cues: AttributionCues) -> bool:
    """Does ``token`` carry its own negation ("did *not* confirm", "has *yet* to")?"""
    return _negated(token, cues) is not None


def _future_in_past(
    verdict: tuple[Factuality, str] | None, attribution: Token, cues: AttributionCues
) -> tuple[Factuality, str] | None:
    """ "Warsaw said it would reinforce the border": reported future, not a hypothesis."""
    if verdict != ("hypothetical", _cue(cues, "hypothetical_modal", "would")):
        return verdict
    if attribution.tag_ not in ("VBD", "VBN"):
        return verdict
    marks = cues.of("conditional_mark")
    if any(t.dep_ == "mark" and t.lower_ in marks for t in attribution.sent):
        return verdict  # "..., he said, if the talks failed": a real conditional
    return "planned", "future_in_past"


def _purpose(node: Token) -> bool:
    """An infinitival adverbial ("send forces *to fight*") shares its governor's modality."""
    return node.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)


def _reports(head: Token, node: Token, cues: AttributionCues) -> bool:
    """Is ``node``'s branch the content of the attribution ``head``?"""
    if node.dep_ in _REPORTED:
        return True
    if node.dep_ == "prep" and head.pos_ in ("VERB", "AUX"):
        force = cues.attribution_force.get(verb_key(head)) or cues.attribution_force.get(head.lemma_.lower())
        return force in _REPORTED_VIA_PREP
    return node.dep_ == "prep" and head.pos_ == "NOUN" and node.lower_ in ("about", "of", "on")


def _definite(token: Token) -> bool:
    """A definite noun phrase ("the deployment", "Russia's offensive"): its referent is given."""
    if token.pos_ == "PROPN":
        return True
    if token.pos_ != "NOUN":
        return False
    return any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in _DEFINITE) for c in token.children)


def _attribution_above(token: Token, cues: AttributionCues) -> Token | None:
    node = token
    for _ in range(MAX_STEPS):
        head = node.head
        if head.i == node.i or not (token.sent.start <= head.i < token.sent.end):
            return None
        if _is_attribution(head, cues) and _reports(head, node, cues):
            return head
        node = head
    return None
