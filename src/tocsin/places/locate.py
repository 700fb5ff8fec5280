"""``locate_events``: give each event the place that governs it in its sentence.

A place governs an event when it hangs off the trigger, or off one of the trigger's
arguments, through a locative preposition ("sending troops to Ukraine's Zhytomyr
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
        "off", "between", "alongside", "from", "by", "against", "upon",
    }
)  # fmt: skip
# Origins and agents are weaker evidence of where an event happens.
WEAK_PREPS = frozenset({"from", "by", "against"})
SPECIFICITY = {"border": 0, "city": 1, "adm1": 2, "other": 3, "country": 4}
MAX_DISTANCE = 6
# A host governs the event it hosts: "Kazakhstan will host an annual SCO summit".
HOST_LEMMAS = frozenset({"host"})


def _root(doc: Doc, m: PlaceMention) -> Token | None:
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _path_via_prep(token: Token) -> tuple[list[Token], bool] | None:
    """Ancestors of a place up to the first locative preposition and beyond; None if none."""
    chain = []
    node = token
    weak = False
    found = False
    for _ in range(MAX_DISTANCE + 4):
        if node.head is node:
            break
        if node.dep_ == "poss" and not found:
            node = node.head  # "Ukraine's ... region": climb to the possessed noun
            continue
        if node.dep_ in ("compound", "amod", "nmod", "appos", "conj") and not found:
            node = node.head
            continue
        head = node.head
        if not found:
            if node.dep_ != "pobj" or head.lower_ not in LOCATIVE_PREPS:
                if node.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ == "of":
                    node = head.head  # "the border of Belarus" -> border
                    continue
                return None
            found = True
            weak = head.lower_ in WEAK_PREPS
        chain.append(head)
        node = head
    return (chain, weak) if found else None


def _distance(chain: list[Token], trigger: Token) -> int | None:
    """Steps from the preposition up to the trigger, or to a token the trigger governs."""
    for d, node in enumerate(chain):
        if node.i == trigger.i:
            return d
        if node.head.i == trigger.i and node.dep_ not in ("ccomp", "xcomp", "advcl", "conj"):
            return d + 1
    return None


def _place_for(doc: Doc, event: Event, places: tuple[PlaceMention, ...]) -> PlaceMention | None:
    trigger_span = doc.char_span(event.trigger_start, event.trigger_end, alignment_mode="expand")
    if trigger_span is None or not len(trigger_span):
        return None
    trigger = trigger_span.root
    best: tuple[tuple[int, int, int], PlaceMention] | None = None
    for m in places:
        if m.start < event.sentence_start or m.end > event.sentence_end or m.geonameid is None:
            continue
        root = _root(doc, m)
        if root is None:
            continue
        if root.dep_ in ("nsubj", "nsubjpass") and root.head.i == trigger.i and trigger.lemma_ in HOST_LEMMAS:
            rank = (0, 0, SPECIFICITY[m.feature])
        else:
            path = _path_via_prep(root)
            if path is None:
                continue
            chain, weak = path
            d = _distance(chain, trigger)
            if d is None or d > MAX_DISTANCE:
                continue
            rank = (int(weak), d, SPECIFICITY[m.feature])
        if best is None or rank < best[0]:
            best = (rank, m)
    return best[1] if best else None


def locate_events(doc: Doc, events: tuple[Event, ...], places: tuple[PlaceMention, ...]) -> tuple[Event, ...]:
    """Events with ``location`` set to the place governing them in their sentence, else None."""
    return tuple(dataclasses.replace(e, location=_place_for(doc, e, places)) for e in events)
