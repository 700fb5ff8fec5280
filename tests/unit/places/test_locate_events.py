"""locate_events: the place governing each event in its sentence, or None."""

from __future__ import annotations

from dataclasses import replace

import pytest
from tests.helpers import event_at

from tocsin.places import locate_events, resolve_places


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        (
            "Kyiv was moving soldiers and armour to Ukraine's northern Zhytomyr region.",
            "moving",
            "686966",
        ),
        (
            "Belarus reinforced its air defence units along its border with Ukraine.",
            "reinforced",
            "border:BLR-UKR",
        ),
        ("Russian missile batteries were up and running in Belarusian territory.", "running", "630336"),
        (
            "Its air defence units downed a drone which had crossed into Belarusian airspace from Ukraine.",
            "downed",
            "630336",
        ),
        ("In late 2022, Moscow sent several thousand soldiers to Belarus.", "sent", "630336"),
        (
            "Moscow revealed plans to station tactical warheads at Belarusian army bases.",
            "station",
            "630336",
        ),
        ("Kazakhstan will host a regional summit in July.", "host", "1522867"),
        ("Kazakhstan will host a regional summit in July.", "summit", "1522867"),
        (
            "Belarus massed troops along its border with Ukraine. Reservists will be deployed to strengthen"
            " border defenses.",
            "deployed",
            "border:BLR-UKR",
        ),
        (
            "Belarus began a call-up of 5,000 reservists during a build-up along its border with Ukraine.",
            "call",
            "border:BLR-UKR",
        ),
    ],
)
def test_event_gets_governing_place(nlp, gazetteer, text, trigger, expected):
    doc = nlp(text)
    places = resolve_places(doc, gazetteer, actors=())
    event = event_at(doc, trigger)
    (located,) = locate_events(doc, (event,), places)
    assert located.location is not None
    assert located.location.geonameid == expected
    assert event.location is None  # the input record is untouched


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Polish officials have rejected the accusations.", "rejected"),
        ("According to Minsk, the drone sought information.", "sought"),
        ("Belarus is prepared to respond to provocations by Ukraine.", "respond"),
        ("The warning came days after troops moved to Belarus.", "warning"),
        ("The debate drew attention to US air patrols.", "debate"),
    ],
)
def test_event_without_governing_place(nlp, gazetteer, text, trigger):
    doc = nlp(text)
    places = resolve_places(doc, gazetteer, actors=())
    (located,) = locate_events(doc, (event_at(doc, trigger),), places)
    assert located.location is None


def test_deployment_without_place_in_sentence_is_at_home(nlp, gazetteer):
    from tocsin.records import ActorMention

    doc = nlp("Belarus is worried. The deployment of a northern task force is a measured response.")
    places = resolve_places(doc, gazetteer, actors=())
    actor = ActorMention(text="Belarus", start=0, end=7, country="BLR")
    event = replace(event_at(doc, "deployment"), actor=(actor,))
    (located,) = locate_events(doc, (event,), places)
    assert located.location is not None and located.location.country == "BLR"
    other = replace(event, event="ACCUSE")
    assert locate_events(doc, (other,), places)[0].location is None


def test_no_events_gives_no_events(nlp, gazetteer):
    doc = nlp("Troops moved to Belarus.")
    assert locate_events(doc, (), resolve_places(doc, gazetteer, actors=())) == ()
