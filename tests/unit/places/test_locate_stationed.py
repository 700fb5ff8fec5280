"""A joint act with a force described by where it serves happens there."""

from __future__ import annotations

from dataclasses import replace

from tests.helpers import event_at

from tocsin.places import locate_events, resolve_places
from tocsin.records import ActorMention


def _with_recipient(doc, trigger: str, word: str):
    start = doc.text.index(word)
    recipient = ActorMention(text=word, start=start, end=start + len(word), country=None, sector="MIL")
    return replace(event_at(doc, trigger), recipient=(recipient,))


def test_partner_stationed_deep_in_its_phrase_places_the_event(nlp, gazetteer) -> None:
    doc = nlp(
        "Chinese units kept up an intense exercise schedule with crews who belong to the joint "
        "flotilla based in Cambodia."
    )
    event = _with_recipient(doc, "exercise", "crews")
    (located,) = locate_events(doc, (event,), resolve_places(doc, gazetteer, actors=()))
    assert located.location is not None and located.location.country == "KHM"


def test_a_destination_in_the_partner_phrase_is_not_a_station(nlp, gazetteer) -> None:
    doc = nlp("Chinese units kept up an intense exercise schedule with crews bound for Cambodia.")
    event = _with_recipient(doc, "exercise", "crews")
    (located,) = locate_events(doc, (event,), resolve_places(doc, gazetteer, actors=()))
    assert located.location is None
