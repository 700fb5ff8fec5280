"""The manual's decision rules: first rule that fires wins, and its name is in ``coder``."""

from __future__ import annotations

import pytest
from tests.unit.events.conftest import primary


@pytest.mark.parametrize(
    ("text", "event", "rule"),
    [
        # single-country exercise = MOBILIZE, joint exercise = COOPERATE
        ("China held military exercises near Taiwan on Monday.", "MOBILIZE", None),
        ("France and Egypt held joint naval exercises in the Mediterranean.", "COOPERATE", "joint_military"),
        ("Belarus began a joint air defence exercise on Wednesday.", "COOPERATE", "joint_military"),
        # a required particle beats a choice of prepositions: "calls up ... for" is a call-up
        ("Belarus calls up reservists for snap readiness checks.", "MOBILIZE", "mobilize.call_up"),
        # a future meeting is AGREE, a held one CONSULT
        ("The Indian prime minister will visit Japan next month.", "AGREE", "future_cooperation_is_agree"),
        ("The Indian prime minister visited Japan on Monday.", "CONSULT", None),
        # diplomatic protest = ACCUSE, street protest = PROTEST
        ("China protested to Japan over the visit.", "ACCUSE", "diplomatic_protest_is_accuse"),
        ("Thousands of people protested in Seoul against the government.", "PROTEST", None),
        # "X said Y must..." is a demand by X (a modal frame in the trigger lexicon)
        ("Britain said Libya must hand over the suspects.", "REQUEST", "request.must"),
        # a refused cooperation is REJECT
        ("Syria says it will not accept more refugees.", "REJECT", "refusal_is_reject"),
        # refraining from force, or suspending it, is a concession
        ("Jordanian police said they will not arrest the protesters.", "CONCEDE", "restraint_is_concede"),
        ("Boko Haram suspended its attacks on Nigerian troops.", "CONCEDE", "ending_conflict_is_concede"),
        # a future conflict act is a threat
        ("Palestinian leaders said they would boycott all contact with the United States.", "THREATEN", None),
    ],
)
def test_decision_rule(code, text: str, event: str, rule: str | None) -> None:
    coded = primary(code(text))
    assert coded.event == event
    if rule is not None:
        assert rule in coded.coder


def test_mobilisation_inside_assault_is_only_the_assault(code) -> None:
    events = code("Army units were deployed and opened fire on the rebels in Darfur.")
    assert [e.event for e in events] == ["ASSAULT"]


def test_negated_event_is_not_coded(code) -> None:
    events = code("Lukashenko insisted he had no intention to send his troops into Ukraine.")
    assert not any(e.event in {"MOBILIZE", "ASSAULT"} for e in events)


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Iran agreed to cooperate with the inspectors.", "AGREE"),
        ("Egypt condemned the Israeli attack on Gaza.", "ACCUSE"),
        ("Japan halted economic aid to Serbia.", "SANCTION"),
        ("Ukraine denied sending troops to the border.", "REJECT"),
    ],
)
def test_content_of_another_trigger_is_one_event(code, text: str, event: str) -> None:
    events = code(text)
    assert [e.event for e in events] == [event]


def test_said_is_not_an_event(code) -> None:
    assert code("The Kenyan minister said the weather was fine.") == ()
