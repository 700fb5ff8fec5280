"""Non-event frames of description: a sentence that talks about a force, an activity, a
task, a purpose or an earlier event, or supposes one, reports no new event. Each rule
returns ``DROP`` or None; they are ordered in ``non_events.NON_EVENT_RULES``.
"""

from __future__ import annotations

from spacy.tokens import Token

from tocsin.events.decisions import DROP, Candidate

_FORCE_NAMES = frozenset({"grouping", "contingent", "formation", "garrison", "presence"})
_STATIVE = frozenset({"be", "remain", "stay", "serve", "consist", "include", "number", "seem", "appear"})
_CHARACTERISE = frozenset(
    {"frame", "present", "describe", "portray", "characterize", "characterise", "call", "label", "see"}
    | {"view", "regard", "consider", "depict", "cast", "paint", "brand", "dismiss", "treat", "define"}
)
_AGENT_NOUNS = frozenset(
    {"government", "ministry", "minister", "official", "leader", "president", "party", "group", "council"}
    | {"parliament", "country", "state", "nation", "army", "military", "union", "bloc", "alliance"}
    | {"organization", "organisation", "people", "voter", "member", "delegation", "administration"}
    | {"opposition", "rebel", "lawmaker", "senator", "court", "committee", "side", "ally", "partner"}
    | {"diplomat", "spokesman", "spokeswoman", "spokesperson", "chancellor", "king", "premier", "mayor"}
    | {"cabinet", "senate", "congress", "assembly", "majority", "citizen", "resident", "worker", "union"}
)
_PURPOSE_PARTICIPLES = frozenset({"intend", "design", "mean", "aim", "calculate", "tailor", "build"})
_AGREEMENTS = frozenset({"deal", "agreement", "accord", "treaty", "pact"})
_QUANTITIES = frozenset({"much", "nothing", "something", "lot", "plenty", "little", "anything", "more"})
# Verbs that comment on an event rather than report one.
_COMMENTARY = frozenset(
    {"come", "reflect", "signal", "mark", "represent", "underscore", "underline", "highlight"}
    | {"indicate", "suggest", "illustrate", "demonstrate", "show", "reveal", "raise", "fuel", "add"}
)
_ANAPHORIC = frozenset({"the", "this", "that", "these", "those", "such"})


def _governing_verb(noun: Token) -> tuple[Token, str]:
    """The verb above a noun and the noun's role there, through "the mission *of* X"."""
    node = noun
    for _ in range(3):
        if node.dep_ == "pobj" and node.head.lower_ == "of":
            node = node.head.head
            continue
        break
    return node.head, node.dep_


def force_as_topic(cand: Candidate) -> Candidate | str | None:
    """ "the role of the northern *task force* stays defensive", "ministers cast the
    *brigade* as a deterrent": a noun naming a force, talked about rather than formed or
    moved, is no MOBILIZE."""
    tok = cand.token
    if cand.event != "MOBILIZE" or tok.pos_ != "NOUN" or tok.lemma_.lower() not in _FORCE_NAMES:
        return None
    verb, role = _governing_verb(tok)
    lemma = verb.lemma_.lower()
    stative = role in {"nsubj", "nsubjpass"} and lemma in _STATIVE
    as_phrase = any(c.lower_ == "as" for c in (*verb.children, *tok.children))
    described = role == "dobj" and lemma in _CHARACTERISE and as_phrase
    return DROP if stative or described else None


def impersonal_support(cand: Candidate) -> Candidate | str | None:
    """ "these regular drills support readiness": an activity or a document that
    supports something is nobody's act of support."""
    tok = cand.token
    if (
        cand.event != "SUPPORT"
        or tok.pos_ != "VERB"
        or tok.lemma_.lower() not in {"support", "back", "favour", "favor"}
    ):
        return None
    subjects = [c for c in tok.children if c.dep_ == "nsubj"]
    return DROP if subjects and all(_inanimate(s) for s in subjects) else None


def _inanimate(noun: Token) -> bool:
    if noun.pos_ != "NOUN" or noun.ent_type_:
        return False
    if any(
        c.dep_ in {"compound", "poss", "amod"} and (c.ent_type_ or c.pos_ == "PROPN") for c in noun.children
    ):
        return False  # "the Polish plan", "Kyiv's decision" name whose act it is
    return noun.lemma_.lower() not in _AGENT_NOUNS


def _task(verb: Token) -> bool:
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    return verb.dep_ in {"relcl", "acl"} and infinitive and verb.head.lemma_.lower() in _QUANTITIES


def infinitival_relative(cand: Candidate) -> Candidate | str | None:
    """ "they had plenty to *discuss* at the *forum*", "nothing to negotiate": a task, not an
    act, and nothing inside it is one either."""
    node = cand.token
    for _ in range(5):
        if node.pos_ == "VERB" and _task(node):
            return DROP
        if node.head == node:
            return None
        node = node.head
    return None


def purpose_of_a_thing(cand: Candidate) -> Candidate | str | None:
    """ "a stabilising factor *intended* to prevent miscalculation", "a measure designed to
    deter": the purpose of a thing, described, is no event."""
    tok = cand.token
    while tok.dep_ == "conj" and tok.head != tok:
        tok = tok.head  # "designed to reinforce X and reinforce Y"
    if tok.dep_ != "xcomp":
        return None
    head = tok.head
    return DROP if head.lemma_.lower() in _PURPOSE_PARTICIPLES and head.dep_ in {"acl", "amod"} else None


def commentary_on_an_event(cand: Candidate) -> Candidate | str | None:
    """ "The call-up comes while ...", "This deployment shows rising unease", "the call-up
    marks an important shift": an event already told, referred back to
    (definite, the subject of a commentary verb), is not a new event."""
    tok = cand.token
    if tok.pos_ != "NOUN" or tok.dep_ != "nsubj" or tok.head.lemma_.lower() not in _COMMENTARY:
        return None
    definite = any(c.dep_ in {"det", "poss"} and c.lower_ in _ANAPHORIC for c in tok.children)
    return DROP if definite else None


def concern_raised_by_a_thing(cand: Candidate) -> Candidate | str | None:
    """ "The call-up comes while the fighting drags on, raising alarm among observers":
    a situation that raises concern is nobody's act of disapproval."""
    tok = cand.token
    if cand.event != "ACCUSE" or tok.lemma_.lower() not in {"raise", "spark", "fuel", "stoke", "prompt"}:
        return None
    holder = tok.head if tok.dep_ in {"advcl", "conj", "xcomp"} and tok.tag_ == "VBG" else tok
    subjects = [c for c in holder.children if c.dep_ == "nsubj"]
    return DROP if not subjects or all(_inanimate(s) for s in subjects) else None


def conditional_clause(cand: Candidate) -> Candidate | str | None:
    """ "Russia warned of retaliation if NATO *deployed* troops": what an "if/unless" clause
    supposes has not happened (manual, auxiliary mode hypothetical)."""
    node = cand.token
    for _ in range(5):
        if node.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in {"if", "unless"} for c in node.children
        ):
            return DROP
        if node.head == node or node.dep_ in {"ROOT", "conj"}:
            return None
        node = node.head
    return None


def agreement_as_topic(cand: Candidate) -> Candidate | str | None:
    """ "The trade deal may be dead in the water", "after the ratification of the peace
    deal": an existing agreement talked about is no new AGREE; one reached, signed, offered
    or announced is (the noun is then a verb's object, or has a verb of its own)."""
    tok = cand.token
    if cand.event != "AGREE" or tok.pos_ != "NOUN" or tok.lemma_.lower() not in _AGREEMENTS:
        return None
    if tok.dep_ in {"nsubj", "nsubjpass"}:
        return DROP if tok.head.lemma_.lower() in _STATIVE | _COMMENTARY else None
    if tok.dep_ == "pobj" and tok.head.lower_ in {"of", "under", "following", "after", "despite", "about"}:
        return DROP
    return None
