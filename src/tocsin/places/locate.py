"""``locate_events``: give each event the place that governs it in its sentence.

A place governs an event when it hangs off the trigger, or off one of the trigger's
arguments, through a locative preposition ("moving soldiers to Ukraine's Zhytomyr
region", "along its border with Ukraine", "on Belarusian territory"). Of several, the
nearest in the dependency tree wins; ties go to the most specific feature.
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Doc, Token

from tocsin.records import Event, PlaceMention

LOCATIVE_PREPS = frozenset(
    {
        "in", "into", "to", "at", "on", "onto", "near", "along", "across", "inside", "within",
        "over", "toward", "towards", "throughout", "around", "outside", "through", "beyond",
        "off", "alongside", "from", "upon", "via", "under", "above",
    }
)  # fmt: skip
# Origins are weaker evidence of where an event happens than destinations and sites.
WEAK_PREPS = frozenset({"from"})
# Verbs whose direct object is where the event happens: "entered Belarusian airspace".
PLACE_OBJECT_LEMMAS = frozenset(
    {"enter", "cross", "violate", "invade", "breach", "penetrate", "occupy", "reach", "raid",
     "shell", "bomb", "strike", "attack", "visit", "tour", "patrol"}
)  # fmt: skip
# "according to Minsk" names a source, not a place.
NOT_PLACE_PREP_HEADS = frozenset({"according", "due", "thanks", "owing"})
# A nominal trigger ("call-up", "deployment") is placed by what modifies its verb too.
NOMINAL_DEPS = frozenset({"compound", "dobj", "nsubj", "nsubjpass", "attr", "pobj", "prep"})
# Nouns naming an area: a place modifying one ("Belarusian territory") or named after "of"
# ("parts of Ukraine") is where that area is. A closed class of English, so kept here.
AREA_NOUNS = frozenset(
    {"region", "regions", "oblast", "province", "state", "territory", "territories", "airspace",
     "soil", "waters", "land", "lands", "border", "borders", "frontier", "city", "town", "village",
     "district", "area", "areas", "capital", "facilities", "facility", "base", "bases", "side",
     "coast", "outskirts", "suburbs", "part", "parts", "north", "south", "east", "west", "centre",
     "center", "north-east", "north-west", "south-east", "south-west", "northeast", "northwest",
     "southeast", "southwest", "interior", "heart", "rest", "positions", "installations"}
)  # fmt: skip
# Dependency labels that join a subordinate clause to the clause governing it.
CLAUSE_DEPS = frozenset({"advcl", "ccomp", "parataxis", "conj", "csubj"})
SPECIFICITY = {"border": 0, "city": 1, "adm1": 2, "other": 3, "country": 4}
MAX_DISTANCE = 8
# A host governs the event it hosts: "Kazakhstan will host a regional summit".
HOST_LEMMAS = frozenset({"host"})
# "personnel stationed in X", "troops based in X": where a participant serves.
STATIONED_LEMMAS = frozenset({"station", "base", "deploy", "garrison", "locate", "position", "quarter"})
STATIONED_PREPS = frozenset({"in", "inside", "within", "at"})
# Event types that, with no place in their sentence, happen in the acting country.
HOME_EVENTS = frozenset({"MOBILIZE"})


def _root(doc: Doc, m: PlaceMention) -> Token | None:
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _attachment(token: Token) -> tuple[list[Token], bool] | None:
    """Where a place hangs in the tree: the chain of tokens from its locative attachment (a
    preposition, or a verb taking it as object) up to the root, and whether the attachment is
    weak (an origin). None when the place is not attached locatively."""
    node = token
    for _ in range(6):
        head = node.head
        if head is node:
            return None
        if node.dep_ in ("poss", "compound", "amod", "nmod", "appos") and head.lower_ in AREA_NOUNS:
            node = head  # "Ukraine's northern Zhytomyr region", "Belarusian territory"
            continue
        if node.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in AREA_NOUNS:
            node = head.head  # "the north of Belarus", "parts of Ukraine"
            continue
        break
    head = node.head
    if node.dep_ == "pobj" and head.lower_ in LOCATIVE_PREPS and head.head.lower_ not in NOT_PLACE_PREP_HEADS:
        return _ancestors(head), head.lower_ in WEAK_PREPS
    if node.dep_ == "dobj" and head.lemma_ in PLACE_OBJECT_LEMMAS:
        return _ancestors(head), False
    return None


def _ancestors(token: Token) -> list[Token]:
    """The attachment and its heads, stopping where a subordinate clause joins its governor
    ("... as the fighting in eastern Ukraine goes on" does not place the main clause)."""
    chain = [token]
    while chain[-1].head is not chain[-1] and len(chain) <= MAX_DISTANCE:
        node = chain[-1]
        purpose = node.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)
        if node.dep_ in CLAUSE_DEPS and not purpose:  # "deployed to reinforce ..." stays one event
            break
        chain.append(chain[-1].head)
    return chain


def _targets(trigger: Token) -> dict[int, int]:
    """The trigger and, for a nominal trigger, the tokens that govern it, with their cost."""
    targets = {trigger.i: 0}
    node, cost = trigger, 0
    while node.dep_ in NOMINAL_DEPS and node.head is not node and cost < 3:
        node, cost = node.head, cost + 1
        targets.setdefault(node.i, cost)
        if node.pos_ in ("VERB", "AUX"):
            break
    return targets


def _distance(chain: list[Token], targets: dict[int, int]) -> int | None:
    """Steps from the attachment up to the trigger (or to a token governing a nominal trigger)."""
    best = None
    for d, node in enumerate(chain):
        if node.i in targets:
            best = d + targets[node.i] if best is None else min(best, d + targets[node.i])
    return best


def _host(trigger: Token) -> Token | None:
    """The hosting verb of "Kazakhstan will host a summit", from "host" or from "summit"."""
    if trigger.lemma_ in HOST_LEMMAS:
        return trigger
    if trigger.dep_ in ("dobj", "nsubjpass") and trigger.head.lemma_ in HOST_LEMMAS:
        return trigger.head
    return None


def _rank(
    m: PlaceMention, root: Token, trigger: Token, targets: dict[int, int]
) -> tuple[int, int, int] | None:
    """How well a place governs the event (lower is better), or None if it does not."""
    host = _host(trigger)
    if host is not None and root.dep_ in ("nsubj", "nsubjpass") and root.head.i == host.i:
        return (0, 0, SPECIFICITY[m.feature])
    found = _attachment(root)
    if (
        found is None
        and m.feature == "border"
        and root.dep_ == "compound"
        and root.head.head is not root.head
    ):
        # "deployed to strengthen border defenses": the defences are at the border
        found = _ancestors(root.head.head), False
    if found is None:
        return None
    chain, weak = found
    d = _distance(chain, targets)
    if d is None or d > MAX_DISTANCE:
        return None
    return (int(weak), d, SPECIFICITY[m.feature])


def _home_country(event: Event, places: tuple[PlaceMention, ...]) -> PlaceMention | None:
    """A deployment with no place in its sentence is at home: the article's mention of the
    (single) acting country ("the deployment of a northern task force" by Belarus)."""
    countries = {a.country for a in event.actor if a.country}
    if event.event not in HOME_EVENTS or len(countries) != 1:
        return None
    (iso3,) = countries
    return next((m for m in places if m.feature == "country" and m.country == iso3), None)


def _stationed_place(doc: Doc, event: Event, places: tuple[PlaceMention, ...]) -> PlaceMention | None:
    """Where a participant is stationed: "drills with crews based in Cambodia".

    A joint act with a force described by where it serves happens there, however deep
    the description sits in the participant's phrase (relative clauses, "part of ...").
    """
    roots = [
        span.root
        for mention in (*event.actor, *event.recipient)
        if (span := doc.char_span(mention.start, mention.end, alignment_mode="expand")) is not None
    ]
    for head in roots:
        for token in head.subtree:
            if token.dep_ != "prep" or token.lower_ not in STATIONED_PREPS:
                continue
            if token.head.i != head.i and token.head.lemma_.lower() not in STATIONED_LEMMAS:
                continue
            for m in places:
                root = _root(doc, m)
                if m.geonameid is not None and root is not None and root.head.i == token.i:
                    return m
    return None


def _place_for(doc: Doc, event: Event, places: tuple[PlaceMention, ...]) -> PlaceMention | None:
    trigger_span = doc.char_span(event.trigger_start, event.trigger_end, alignment_mode="expand")
    if trigger_span is None or not len(trigger_span):
        return None
    trigger = trigger_span.root
    targets = _targets(trigger)
    best: tuple[tuple[int, int, int], PlaceMention] | None = None
    for m in places:
        if m.start < event.sentence_start or m.end > event.sentence_end or m.geonameid is None:
            continue
        root = _root(doc, m)
        rank = None if root is None else _rank(m, root, trigger, targets)
        if rank is not None and (best is None or rank < best[0]):
            best = (rank, m)
    if best is not None:
        return best[1]
    return _stationed_place(doc, event, places) or _home_country(event, places)


def locate_events(doc: Doc, events: tuple[Event, ...], places: tuple[PlaceMention, ...]) -> tuple[Event, ...]:
    """Events with ``location`` set to the place governing them in their sentence, else None."""
    return tuple(dataclasses.replace(e, location=_place_for(doc, e, places)) for e in events)
