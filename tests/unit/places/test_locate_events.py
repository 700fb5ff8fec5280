"""locate_events: the place governing each event in its sentence, or None."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tocsin.places import locate_events, resolve_places
from tocsin.records import Event


def event_at(doc, trigger: str) -> Event:
    token = next(t for t in doc if t.text == trigger)
    sent = token.sent
    return Event(
        event="MOBILIZE",
        mode=None,
        context=(),
        actor=(),
        recipient=(),
        sentence_start=sent.start_char,
        sentence_end=sent.end_char,
        evidence=sent.text,
        coder="test",
        confidence=1.0,
        trigger_start=token.idx,
        trigger_end=token.idx + len(token.text),
        trigger=token.text,
    )


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        (
            "Kyiv was sending troops and equipment to Ukraine's northwestern Zhytomyr region.",
            "sending",
            "686966",
        ),
        (
            "Belarus reinforced its air defence units along its border with Ukraine.",
            "reinforced",
            "border:BLR-UKR",
        ),
        ("Russian missile systems were up and running on Belarusian territory.", "running", "630336"),
        (
            "Its air defenses downed a drone which had entered Belarusian airspace from Ukraine.",
            "downed",
            "630336",
        ),
        ("In late 2022, Moscow dispatched thousands of troops to Belarus.", "dispatched", "630336"),
        (
            "Moscow announced plans to station nuclear weapons at Belarusian military facilities.",
            "station",
            "630336",
        ),
        ("Kazakhstan will host an annual summit in July.", "host", "1522867"),
        ("Kazakhstan will host an annual summit in July.", "summit", "1522867"),
        (
            "Belarus massed troops along its border with Ukraine. Reservists will be deployed to reinforce"
            " border defenses.",
            "deployed",
            "border:BLR-UKR",
        ),
        (
            "Belarus began a call-up of reservists amid activity along its border with Ukraine.",
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
        ("Ukrainian officials have dismissed the allegations.", "dismissed"),
        ("According to Minsk, the drone sought information.", "sought"),
        ("Belarus is ready to respond to provocations by Ukraine.", "respond"),
        ("The warning came days after troops moved to Belarus.", "warning"),
        ("The discussion drew attention to US aerial activity.", "discussion"),
    ],
)
def test_event_without_governing_place(nlp, gazetteer, text, trigger):
    doc = nlp(text)
    places = resolve_places(doc, gazetteer, actors=())
    (located,) = locate_events(doc, (event_at(doc, trigger),), places)
    assert located.location is None


def test_deployment_without_place_in_sentence_is_at_home(nlp, gazetteer):
    from tocsin.records import ActorMention

    doc = nlp("Belarus is worried. The deployment of a regional troop grouping is a measured response.")
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
