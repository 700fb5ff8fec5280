"""PLOVER manual category decisions for one candidate (the manual's "Potential
ambiguities"): which category an act belongs to when two seem to fit. Ordered with the
rules of ``decisions.py`` in ``candidate_rules.CANDIDATE_RULES``; each returns the recoded
candidate or None.
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Token

from tocsin.events.decisions import PARTY_NOUNS, TROOP_NOUNS, Candidate, _recode, is_negated

_MOVE_VERBS = frozenset(
    {"transfer", "move", "relocate", "ship", "deliver", "send", "bring", "redeploy", "deploy", "station"}
)
_FORCE_NOUNS = TROOP_NOUNS | frozenset(
    {"weapon", "missile", "warhead", "arm", "bomb", "launcher", "tank", "jet", "aircraft", "system"}
)
# Where forces are put, as opposed to the party they are given to.
_GROUND_NOUNS = frozenset(
    {"territory", "soil", "base", "facility", "region", "area", "border", "airfield", "garrison", "site"}
)
_PROTESTERS = frozenset(
    {"protester", "protestor", "demonstrator", "rioter", "marcher", "mob", "crowd", "student"}
)
_AID_NOUNS = frozenset({"aid", "loan", "grant", "credit", "assistance", "relief", "bailout"})
_SECURITY = frozenset(
    {"police", "army", "troop", "military", "force", "soldier", "commando", "officer", "guard"}
)
_CAPTIVES = frozenset({"hostage", "victim", "captive", "abductee", "kidnappee", "sailor", "worker"})
_ENDING = frozenset(
    {"stop", "cease", "halt", "end", "suspend", "lift", "ease", "abandon", "relax", "scrap", "drop"}
)
_CIVIL_PARTIES = frozenset(
    {"observer", "diplomat", "ambassador", "embassy", "monitor", "inspector", "rapporteur", "delegation"}
    | {"envoy", "mission", "ngo", "charity", "agency", "staff", "worker", "volunteer", "investor"}
)
_CIVIL_SECTORS = frozenset({"NGO", "IGO", "HRI", "BUS", "MED", "EDU"})
_BODIES = frozenset(
    {"talk", "negotiation", "organization", "organisation", "treaty", "agreement", "accord", "pact"}
    | {"board", "process", "race", "election", "coalition", "committee", "council", "alliance", "deal"}
)
_CYBER = frozenset(
    {"cyber", "cyberattack", "hacking", "hacker", "computer", "ransomware", "malware", "ddos", "phishing"}
    | {"online", "digital", "network", "cyber-attack", "denial-of-service", "internet"}
)
_FRONTS = frozenset({"border", "frontier", "line", "flank"})
_AMOUNTS = frozenset({"number", "amount", "batch", "part", "dozen", "hundred", "thousand", "quantity", "set"})


def promised_ending_is_concede(cand: Candidate) -> Candidate | str | None:
    """Manual CONCEDE: "the promise of future concessions", "declarations of ceasefires":
    agreeing or promising to stop, halt, lift or ease something ("agreed to stop fighting",
    "promised to cease the crackdown", "agreed to put an end to the blockade")."""
    tok = cand.token
    if cand.event != "AGREE" or tok.pos_ != "VERB":
        return None
    for child in tok.children:
        if child.dep_ != "xcomp" or is_negated(child):
            continue
        lemma = child.lemma_.lower()
        put_end = lemma == "put" and any(
            c.dep_ == "dobj" and c.lemma_.lower() == "end" for c in child.children
        )
        if lemma in _ENDING or put_end:
            return _recode(cand, "promised_ending_is_concede", "CONCEDE", None)
    return None


def _theme(tok: Token) -> Token | None:
    for child in tok.children:
        if child.dep_ in {"dobj", "nsubjpass"}:
            return child
    return None


def _force_theme(tok: Token) -> Token | None:
    """The moved forces: the object or passive subject, through an amount ("a number of")."""
    theme = _theme(tok)
    if theme is not None and theme.lemma_.lower() in _AMOUNTS:
        theme = next(
            (p for c in theme.children if c.lower_ == "of" for p in c.children if p.dep_ == "pobj"), theme
        )
    return theme if theme is not None and theme.lemma_.lower() in _FORCE_NOUNS else None


def _owner_acts(cand: Candidate, theme: Token, ground: list[Token], mode: str) -> Candidate:
    """The owner named on the forces ("*Russian* missiles") moves them, through its military."""
    recoded = _recode(cand, "moved_to_territory_is_mobilize", "MOBILIZE", cand.mode or mode, "military")
    span = range(theme.left_edge.idx, theme.idx)
    owners = tuple(m for m in cand.actor + cand.recipient if m.start in span)
    if not owners:
        return recoded
    owner = owners[0]
    if owner.sector in {None, "GOV"}:
        owner = dataclasses.replace(owner, sector="MIL")
    # the host of the ground is not a target ("to Belarusian territory"); a border faces one
    hosts = [range(g.left_edge.idx, g.right_edge.idx + 1) for g in ground if g.lemma_.lower() not in _FRONTS]
    recipient = tuple(
        m for m in cand.recipient if m.country != owner.country and not any(m.start in h for h in hosts)
    )
    return dataclasses.replace(recoded, actor=(owner,), recipient=recipient)


def moved_to_territory_is_mobilize(cand: Candidate) -> Candidate | str | None:
    """ "Russian nuclear weapons were transferred to Belarusian territory": arms or troops
    moved onto ground (not handed to a party) are their owner's MOBILIZE, the owner
    (the theme's modifier, "Russian") its actor. "sent arms to Kyiv" stays AID."""
    tok = cand.token
    if cand.event not in {"AID", "MOBILIZE"} or tok.lemma_.lower() not in _MOVE_VERBS:
        return None
    theme = _force_theme(tok)
    if theme is None:
        return None
    ground = [
        p
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ in {"to", "into", "onto"}
        for p in c.children
        if p.dep_ == "pobj" and p.lemma_.lower() in _GROUND_NOUNS
    ]
    passive = theme.dep_ == "nsubjpass" and not any(c.dep_ == "agent" for c in tok.children)
    if not ground and not (cand.event == "MOBILIZE" and passive):
        return None
    mode = "troops" if theme.lemma_.lower() in TROOP_NOUNS else "weapons"
    return _owner_acts(cand, theme, ground, mode)


def protester_violence_is_riot(cand: Candidate) -> Candidate | str | None:
    """Manual PROTEST riot: violence by demonstrators ("protesters clashed with police",
    "set fire to the station") is a violent protest, not an armed ASSAULT."""
    if cand.event != "ASSAULT":
        return None
    tok = cand.token
    holder = tok.head if tok.pos_ == "NOUN" and tok.dep_ in {"dobj", "pobj"} else tok
    doers = [c for c in holder.children if c.dep_ == "nsubj"]
    doers += [p for c in holder.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    # "hundreds of demonstrators": the crowd is the quantity's "of" object
    doers += [p for d in doers for c in d.children if c.lower_ == "of" for p in c.children]
    crowd = any(
        d.lemma_.lower() in _PROTESTERS or any(t.lemma_.lower() == "protest" for t in d.children)
        for d in doers
    )
    return _recode(cand, "protester_violence_is_riot", "PROTEST", "riot") if crowd else None


def signed_aid_is_aid(cand: Candidate) -> Candidate | str | None:
    """ "signed a $1 billion aid package", "approved a loan to Peru": the aid is given."""
    tok = cand.token
    if cand.event != "SUPPORT" or tok.lemma_.lower() not in {"sign", "approve", "finalize", "finalise"}:
        return None
    objects = [c for c in tok.children if c.dep_ in {"dobj", "nsubjpass"}]
    aid = any(
        o.lemma_.lower() in _AID_NOUNS
        or any(m.dep_ in {"compound", "amod"} and m.lemma_.lower() in _AID_NOUNS for m in o.children)
        for o in objects
    )
    return _recode(cand, "signed_aid_is_aid", "AID", None) if aid else None


def rescue_is_aid(cand: Candidate) -> Candidate | str | None:
    """Manual: hostage rescues are AID: security forces freeing someone else's captives,
    not a captor releasing its own (RETREAT release)."""
    tok = cand.token
    if cand.event != "RETREAT" or cand.mode != "release":
        return None
    subjects = [c for c in tok.children if c.dep_ == "nsubj"]
    objects = [c for c in tok.children if c.dep_ == "dobj"]
    security = any(s.lemma_.lower() in _SECURITY for s in subjects)
    captives = any(o.lemma_.lower() in _CAPTIVES for o in objects)
    return _recode(cand, "rescue_is_aid", "AID", None) if security and captives else None


def leaving_a_body_is_withdraw(cand: Candidate) -> Candidate | str | None:
    """Manual: resigning a post is RETREAT resign; leaving an organisation or a country's
    alliance ("Qatar quit OPEC") is SANCTION withdraw."""
    tok = cand.token
    if (
        cand.event != "RETREAT"
        or cand.mode != "resign"
        or tok.lemma_.lower() not in {"quit", "leave", "exit"}
    ):
        return None
    bodies = [
        c
        for c in tok.children
        if c.dep_ == "dobj" and (c.pos_ == "PROPN" or c.ent_type_ in {"ORG", "GPE", "NORP"})
    ]
    return _recode(cand, "leaving_a_body_is_withdraw", "SANCTION", "withdraw") if bodies else None


def civil_withdrawal_is_sanction(cand: Candidate) -> Candidate | str | None:
    """Manual SANCTION withdraw: withdrawing oneself or non-military resources (observers,
    diplomats, an NGO) from a country, body or process; RETREAT withdraw is forces leaving
    ground. "The rights group withdrew from Georgia", "quit the talks"."""
    tok = cand.token
    if cand.event != "RETREAT" or cand.mode != "withdraw" or tok.lemma_.lower() not in {"withdraw", "pull"}:
        return None
    subjects = [c for c in tok.children if c.dep_ == "nsubj"]
    themes = [c for c in tok.children if c.dep_ == "dobj"]
    sources = [p for c in tok.children if c.lower_ == "from" for p in c.children if p.dep_ == "pobj"]
    civil = any(t.lemma_.lower() in _CIVIL_PARTIES for t in subjects + themes)
    civil = civil or any(m.sector in _CIVIL_SECTORS or m.country in {"NGO", "IGO"} for m in cand.actor)
    body = any(p.lemma_.lower() in _BODIES for p in sources)
    forces = any(t.lemma_.lower() in _FORCE_NOUNS or t.lemma_.lower() in PARTY_NOUNS for t in themes)
    if (civil or body) and not forces:
        return _recode(cand, "civil_withdrawal_is_sanction", "SANCTION", "withdraw")
    return None


def cyber_attack_is_coerce(cand: Candidate) -> Candidate | str | None:
    """Manual COERCE cyber: "a hacking attack", "cyber attacks on ministries", "ransomware"."""
    tok = cand.token
    if cand.event != "ASSAULT" or tok.pos_ != "NOUN":
        return None
    cyber = any(c.dep_ in {"compound", "amod", "nmod"} and c.lemma_.lower() in _CYBER for c in tok.children)
    return _recode(cand, "cyber_attack_is_coerce", "COERCE", "cyber", "cyber") if cyber else None
