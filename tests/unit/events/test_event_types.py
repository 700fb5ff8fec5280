"""One hand-written sentence per PLOVER event type (and mode where the trigger fixes it)."""

from __future__ import annotations

import pytest
from tests.unit.events.conftest import primary


@pytest.mark.parametrize(
    ("text", "event", "mode"),
    [
        ("Chile and Peru agreed to build a new bridge across the river.", "AGREE", None),
        ("The Kenyan foreign minister met his Ugandan counterpart in Nairobi on Monday.", "CONSULT", None),
        ("Norway praised Ghana for the peaceful handover of power.", "SUPPORT", None),
        ("The Peruvian government apologized to Ecuador for the border incident.", "CONCEDE", None),
        ("Japan donated medical supplies to Nepal after the floods.", "AID", None),
        ("Rebels released twelve Nigerian soldiers on Tuesday.", "RETREAT", "release"),
        ("Egypt urged Ethiopia to resume talks on the dam.", "REQUEST", None),
        ("Pakistan condemned the Indian decision.", "ACCUSE", "disapprove"),
        ("Turkey rejected the Greek proposal.", "REJECT", None),
        ("Iran threatened to attack Israeli ships in the Gulf.", "THREATEN", "violence"),
        ("Thousands of students demonstrated in Dhaka against the new law.", "PROTEST", "demo"),
        ("Canada imposed sanctions on Belarus on Friday.", "SANCTION", "discontinue"),
        ("Russia deployed troops along its border with Georgia.", "MOBILIZE", "troops"),
        ("Police in Kenya arrested twenty opposition activists.", "COERCE", "arrest"),
        ("Israeli aircraft bombed targets in Lebanon overnight.", "ASSAULT", "explosives"),
        ("Syrian artillery shelled Turkish positions near the border.", "ASSAULT", "heavy-weapons"),
        ("Teachers in Haiti went on strike over unpaid wages.", "PROTEST", "strike"),
        ("Kurdish prisoners began a hunger strike in Turkey.", "PROTEST", "hunger"),
    ],
)
def test_event_type(code, text: str, event: str, mode: str | None) -> None:
    coded = primary(code(text))
    assert coded.event == event
    if mode is not None:
        assert coded.mode == mode


@pytest.mark.parametrize(
    ("text", "event", "cameo_prefix"),
    [
        ("Pakistan condemned the Indian decision.", "ACCUSE", "11"),
        ("Russia deployed troops along its border with Georgia.", "MOBILIZE", "15"),
        ("Police in Kenya arrested twenty opposition activists.", "COERCE", "17"),
    ],
)
def test_cameo_code_follows_event_and_mode(code, text: str, event: str, cameo_prefix: str) -> None:
    coded = primary(code(text))
    assert coded.event == event
    assert coded.cameo is not None and coded.cameo.startswith(cameo_prefix)


def test_event_record_fields(code) -> None:
    text = "Kenya said on Monday it had arrested twenty Somali fighters."
    events = code(text)
    assert [e.index for e in events] == list(range(len(events)))
    event = primary(events)
    assert text[event.trigger_start : event.trigger_end] == event.trigger
    assert text[event.sentence_start : event.sentence_end] == event.evidence
    assert event.coder.startswith("tocsin.events.rules.v1:coerce.")
    assert 0.0 < event.confidence <= 1.0
    assert event.location is None and event.claimant is None and event.date is None


def test_no_trigger_no_event(code) -> None:
    assert code("The weather in Oslo was mild and sunny on Sunday.") == ()


@pytest.mark.parametrize(
    "text",
    [
        "Improved operational readiness and logistical support.",
        "Analysts say the developments should be seen in context.",
    ],
)
def test_no_event_without_anyone_acting(code, text: str) -> None:
    """PLOVER codes no event without a named actor ("Required entities" in the manual)."""
    assert code(text) == ()


def test_bullet_fragment_borrows_no_actor(code) -> None:
    events = code("Belarus moved troops to the border.\n- Heightened readiness of air defence units\n")
    assert [e.trigger for e in events] == ["moved"]
