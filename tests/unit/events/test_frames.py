"""Syntactic frames the rules read: who labels ("calls it an information operation"), and
exercises held with a partner through a light verb ("held drills with")."""

from __future__ import annotations

import pytest

from tocsin.actors import load_actor_dictionary, resolve_actors
from tocsin.events import code_events, load_event_rules


@pytest.fixture(scope="module")
def code(nlp):
    dictionary, rules = load_actor_dictionary(), load_event_rules()

    def run(text: str):
        doc = nlp(text)
        return code_events(doc, resolve_actors(doc, dictionary, on=None), rules, on=None)

    return run


def test_the_labeller_is_the_actor(code) -> None:
    events = code("Minsk says its air defences downed a drone; Kyiv calls it an information operation.")
    accuse = [e for e in events if e.event == "ACCUSE"]
    assert accuse
    assert [a.country for a in accuse[0].actor] == ["UKR"]


def test_labelling_under_a_reporting_verb_makes_the_reporter_the_recipient(code) -> None:
    events = code("Minsk said that Kyiv called the report an information operation.")
    accuse = [e for e in events if e.event == "ACCUSE"]
    assert accuse
    assert [a.country for a in accuse[0].actor] == ["UKR"]
    assert [r.country for r in accuse[0].recipient] == ["BLR"]


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("The Russian military held drills with Belarusian personnel.", "COOPERATE"),
        ("Poland conducted exercises with Lithuanian troops last week.", "COOPERATE"),
        ("China held military exercises near Taiwan on Monday.", "MOBILIZE"),
    ],
)
def test_exercise_with_a_partner_through_a_light_verb_is_joint(code, text: str, event: str) -> None:
    """Manual: a joint exercise is COOPERATE, a single-country one MOBILIZE."""
    assert event in {e.event for e in code(text)}
