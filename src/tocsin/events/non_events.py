"""Candidate rules for trigger words that, in their frame, report no event.

Each rule returns ``DROP`` when its frame holds and None otherwise; they run in
``code_sentence`` (coder.py) before the recoding rules of ``candidate_rules.py``. The frames:

* a journalist's question ("when asked if ...", "asked whether ...") is no REQUEST,
  and what it asks about is no event;
* "a *joint* statement" is speech, not COOPERATE;
* a purposive "sought / tried to <verb>" is the inner verb's event, if any, not a REQUEST,
  and neither is seeking an aim ("seeking a political solution");
* offering information, evidence or an explanation is no offer of cooperation (AGREE);
* a force noun talked about ("the task force stays defensive", "cast the brigade as
  a deterrent") is no MOBILIZE; an activity that "supports" something is no SUPPORT;
  "plenty to discuss" is a task, not a CONSULT;
* an event already told and referred back to as the subject of a commentary verb ("The
  call-up comes while ...", "This call-up signals ...") is not a new event;
* a situation "raising concerns" is nobody's disapproval;
* "warned of the threat of ..." cautions, it does not threaten; "declined to comment" is
  no REJECT;
* what an "if/unless" clause supposes has not happened;
* a natural disaster or epidemic that "kills" or "strikes" is no ASSAULT (no actor);
* a generic conflict noun with no agent, in a prepositional or predicative slot
  ("protect the grid from hybrid *threats*", "not seen as a *threat*"), is no event.
"""

from __future__ import annotations

from spacy.tokens import Token

from tocsin.events.decisions import DROP, Candidate
from tocsin.events.descriptions import (
    agreement_as_topic,
    commentary_on_an_event,
    concern_raised_by_a_thing,
    conditional_clause,
    force_as_topic,
    impersonal_support,
    infinitival_relative,
    purpose_of_a_thing,
)

_QUESTION_VERBS = frozenset({"ask", "question", "inquire", "enquire", "query", "wonder"})
_INTERROGATIVE_MARKS = frozenset({"if", "whether"})
_WH_WORDS = frozenset({"what", "why", "how", "when", "where", "who", "whom", "which"})
_PURPOSIVE = frozenset({"seek", "try", "attempt", "strive", "endeavour", "endeavor"})
# What is offered when an offer is a statement, not a commitment to cooperate.
_INFORMATION = frozenset(
    {"information", "evidence", "detail", "data", "explanation", "comment", "view", "opinion"}
    | {"account", "assessment", "insight", "analysis", "argument", "proof", "glimpse", "picture"}
    | {"interpretation", "reason", "justification", "narrative", "version", "statement", "remark"}
)
# What one seeks from another party (a request), as opposed to an aim one pursues.
_REQUESTABLE = frozenset(
    {"asylum", "refuge", "help", "aid", "assistance", "support", "backing", "extradition", "release"}
    | {"clarification", "explanation", "compensation", "permission", "approval", "talk", "meeting"}
    | {"negotiation", "apology", "guarantee", "protection", "access", "loan", "funding", "intervention"}
    | {"return", "information", "audience", "visa", "membership", "answer", "withdrawal", "ceasefire"}
    | {"pardon", "amnesty", "recognition", "relief", "cooperation", "consent", "endorsement", "veto"}
    | {"assurance", "commitment", "sanction", "investigation", "inquiry", "probe", "review", "arrest"}
)
_OFFER_VERBS = frozenset({"offer", "provide", "give", "present", "share", "supply"})
_SPEECH_NOUNS = frozenset(
    {"statement", "declaration", "communique", "communiqué", "letter", "conference", "appeal"}
    | {"call", "briefing", "article", "report", "message", "press", "op-ed", "proposal"}
)
_DISASTERS = frozenset(
    {"typhoon", "storm", "hurricane", "cyclone", "earthquake", "quake", "flood", "flooding", "drought"}
    | {"landslide", "mudslide", "tsunami", "avalanche", "wildfire", "heatwave", "eruption", "tornado"}
    | {"disease", "outbreak", "epidemic", "pandemic", "virus", "famine", "accident", "crash", "blizzard"}
)
_DANGERS = frozenset(
    {"threat", "danger", "risk", "attack", "consequence", "escalation", "war", "crisis", "spillover"}
    | {"instability", "provocation", "shortage", "famine", "collapse", "surge", "spike", "rise"}
)
_NO_COMMENT = frozenset(
    {"comment", "elaborate", "confirm", "specify", "disclose", "say", "answer", "respond", "speculate"}
    | {"reveal", "name", "identify", "detail", "discuss"}
)
_GENERIC_EVENTS = frozenset({"THREATEN", "ASSAULT"})
# Slots where a bare noun names a kind of danger, not an act: "from threats", "as a threat".
_GENERIC_PREPS = frozenset({"from", "against", "as", "to"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
_AGENT_ENTS = frozenset({"NORP", "GPE", "ORG", "PERSON"})


def _interrogative(verb: Token) -> bool:
    """ "asked if/whether ...", "asked what ...": the complement is a question."""
    for child in verb.children:
        if child.dep_ not in {"ccomp", "advcl"}:
            continue
        if any(t.lower_ in _INTERROGATIVE_MARKS and t.dep_ == "mark" for t in child.children):
            return True
        if child.dep_ == "ccomp" and child.left_edge.lower_ in _WH_WORDS:
            return True  # "asked what the troops were doing"
    return False


def _question_frame(verb: Token) -> bool:
    if verb.lemma_.lower() not in _QUESTION_VERBS:
        return False
    subjectless = not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)
    when_frame = verb.dep_ == "advcl" and subjectless and any(c.lower_ == "when" for c in verb.children)
    return when_frame or _interrogative(verb)


def question_content(cand: Candidate) -> Candidate | str | None:
    """ "asked whether the leaders planned to *discuss* ...": what a question asks about
    has not happened; nobody asserts it."""
    node = cand.token
    for _ in range(6):
        if node.head == node:
            return None
        if node.dep_ in {"ccomp", "advcl", "xcomp"} and _question_frame(node.head):
            return DROP
        node = node.head
    return None


def question_is_no_request(cand: Candidate) -> Candidate | str | None:
    """ "When asked if the leaders would meet, the spokesman said ...": a question put to
    someone is not a request; nor is "asked whether" anywhere."""
    tok = cand.token
    if cand.event != "REQUEST":
        return None
    return DROP if _question_frame(tok) else None


def purpose_is_no_request(cand: Candidate) -> Candidate | str | None:
    """ "the aircraft had sought to film the port": seeking to do something is the attempt at
    that act (coded by its own trigger, if any), not a request. "sought asylum" stays."""
    tok = cand.token
    if cand.event != "REQUEST" or tok.lemma_.lower() not in _PURPOSIVE:
        return None
    return DROP if any(c.dep_ == "xcomp" for c in tok.children) else None


def seeking_an_aim_is_no_request(cand: Candidate) -> Candidate | str | None:
    """ "seeking a political solution", "would seek a new ban": an aim, not a request put to
    anyone; "sought refuge", "seek Arab support", "sought talks" ask someone for something."""
    tok = cand.token
    if cand.event != "REQUEST" or tok.lemma_.lower() not in {"seek", "pursue"}:
        return None
    objects = [c for c in tok.children if c.dep_ in {"dobj", "nsubjpass"}]
    # "systems from Berlin": asked of someone
    asked = any(c.dep_ == "prep" and c.lower_ == "from" for n in (tok, *objects) for c in n.children)
    requestable = any(o.lemma_.lower() in _REQUESTABLE for o in objects)
    return DROP if objects and not requestable and not asked else None


def information_is_no_offer(cand: Candidate) -> Candidate | str | None:
    """ "Minsk offers information portraying Kyiv as a threat": not an offer to cooperate."""
    tok = cand.token
    if cand.event != "AGREE" or tok.lemma_.lower() not in _OFFER_VERBS:
        return None
    objects = [c for c in tok.children if c.dep_ in {"dobj", "nsubjpass"}]
    return DROP if objects and all(o.lemma_.lower() in _INFORMATION for o in objects) else None


def joint_speech_is_no_cooperation(cand: Candidate) -> Candidate | str | None:
    """ "issued a *joint* statement": speaking together is not material cooperation."""
    tok = cand.token
    if cand.event != "COOPERATE" or tok.lemma_.lower() not in {"joint", "jointly"}:
        return None
    return DROP if tok.head.lemma_.lower() in _SPEECH_NOUNS else None


def disaster_is_no_assault(cand: Candidate) -> Candidate | str | None:
    """Manual ("Required entities"): "mudslides destroyed dozens of houses" has no actor
    and is not coded; a storm, quake or epidemic that kills or strikes is no ASSAULT."""
    tok = cand.token
    if cand.event != "ASSAULT":
        return None
    doers = [c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}]
    doers += [p for c in tok.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    if tok.dep_ in {"relcl", "acl"}:
        doers.append(tok.head)  # "a drought that has killed", "the country struck by a typhoon"
    if tok.dep_ in {"advcl", "conj"}:
        # "a typhoon struck the coast, killing 40": the participle shares the subject
        doers += [c for c in tok.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return DROP if any(d.lemma_.lower() in _DISASTERS for d in doers) else None


def agentless_passive_violence(cand: Candidate) -> Candidate | str | None:
    """Manual ("Required entities"): "4 people were killed in a bombing" names no actor and
    is not coded; whoever reports the deaths ("the UN said") did not kill."""
    tok = cand.token
    if cand.event != "ASSAULT" or tok.tag_ != "VBN":
        return None
    if not any(c.dep_ == "nsubjpass" for c in tok.children) or any(c.dep_ == "agent" for c in tok.children):
        return None
    clause = range(tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge))
    return None if any(m.start in clause for m in cand.actor) else DROP


def warning_of_danger(cand: Candidate) -> Candidate | str | None:
    """ "Poland warned of the threat from hybrid attacks": cautioning about a danger is not
    threatening anyone; "warned Kyiv that ..." and "warned of retaliation" with an object stay."""
    tok = cand.token
    if cand.event != "THREATEN" or tok.lemma_.lower() not in {"warn", "caution"}:
        return None
    about = [p for c in tok.children if c.lower_ in {"of", "about"} for p in c.children if p.dep_ == "pobj"]
    addressed = any(c.dep_ in {"dobj", "ccomp", "xcomp", "dative"} for c in tok.children)
    danger = any(p.lemma_.lower() in _DANGERS for p in about)
    return DROP if danger and not addressed else None


def no_comment(cand: Candidate) -> Candidate | str | None:
    """ "declined to comment", "refused to confirm the report": not a rejection of anything."""
    tok = cand.token
    if cand.event != "REJECT" or tok.lemma_.lower() not in {"decline", "refuse"}:
        return None
    speech = [c for c in tok.children if c.dep_ == "xcomp" and c.lemma_.lower() in _NO_COMMENT]
    # "refused to answer *a demand*" rejects the demand; "declined to comment on it" does not
    addressed = any(
        c.dep_ in {"dobj", "dative"} or (c.dep_ == "prep" and c.lower_ not in {"on", "about", "further"})
        for v in speech
        for c in v.children
    )
    return DROP if speech and not addressed else None


def _has_agent(noun: Token) -> bool:
    """ "Russia's threats", "Russian threats", "threats by the militia", "the threat"."""
    for child in noun.children:
        if child.dep_ == "poss" or (child.dep_ == "det" and child.lower_ in _DEFINITE):
            return True
        if child.dep_ in {"amod", "compound"} and child.ent_type_ in _AGENT_ENTS:
            return True
        if child.dep_ in {"prep", "agent"} and child.lower_ in {"by", "from"}:
            return True
        if child.dep_ in {"acl", "relcl"}:
            return True  # "threats made by ...", "a threat that Minsk voiced"
    return False


def generic_conflict_noun(cand: Candidate) -> Candidate | str | None:
    """A conflict noun naming a kind of danger rather than an act: bare or indefinite, no
    agent, the object of a preposition or a predicate ("secure the grid from cyber *threats*",
    "respond to emerging *threats*", "framed the force as no *threat*")."""
    tok = cand.token
    if cand.event not in _GENERIC_EVENTS or tok.pos_ != "NOUN":
        return None
    node = tok
    while node.dep_ == "conj" and node.head != node:
        node = node.head  # "cyber and hybrid threats": the slot of the first conjunct
    slot = (node.dep_ == "pobj" and node.head.lower_ in _GENERIC_PREPS) or node.dep_ in {"attr", "oprd"}
    return DROP if slot and not _has_agent(tok) else None


NON_EVENT_RULES = (
    ("question_is_no_request", question_is_no_request),
    ("question_content", question_content),
    ("joint_speech_is_no_cooperation", joint_speech_is_no_cooperation),
    ("purpose_is_no_request", purpose_is_no_request),
    ("seeking_an_aim_is_no_request", seeking_an_aim_is_no_request),
    ("information_is_no_offer", information_is_no_offer),
    ("generic_conflict_noun", generic_conflict_noun),
    ("disaster_is_no_assault", disaster_is_no_assault),
    ("agentless_passive_violence", agentless_passive_violence),
    ("force_as_topic", force_as_topic),
    ("commentary_on_an_event", commentary_on_an_event),
    ("agreement_as_topic", agreement_as_topic),
    ("concern_raised_by_a_thing", concern_raised_by_a_thing),
    ("warning_of_danger", warning_of_danger),
    ("no_comment", no_comment),
    ("conditional_clause", conditional_clause),
    ("impersonal_support", impersonal_support),
    ("infinitival_relative", infinitival_relative),
    ("purpose_of_a_thing", purpose_of_a_thing),
)


def is_non_event(cand: Candidate) -> bool:
    """True when a rule above recognises the trigger's frame as reporting no event."""
    return any(rule(cand) == DROP for _name, rule in NON_EVENT_RULES)
