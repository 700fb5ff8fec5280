"""Event-coder fixtures: the real actor dictionary and rules, loaded once per session."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tocsin.actors import load_actor_dictionary, resolve_actors
from tocsin.events import EventRules, code_events, load_event_rules
from tocsin.records import Event


@pytest.fixture(scope="session")
def rules() -> EventRules:
    return load_event_rules()


@pytest.fixture(scope="session")
def actor_dictionary():
    return load_actor_dictionary()


@pytest.fixture(scope="session")
def code(nlp, actor_dictionary, rules) -> Callable[..., tuple[Event, ...]]:
    """Code a text with the real stages: nlp -> resolve_actors -> code_events."""

    def _code(text: str, *, with_rules: EventRules | None = None) -> tuple[Event, ...]:
        doc = nlp(text)
        actors = resolve_actors(doc, actor_dictionary, on=None)
        return code_events(doc, actors, with_rules or rules, on=None)

    return _code


def primary(events: tuple[Event, ...]) -> Event:
    assert events, "no event coded"
    return max(events, key=lambda e: e.confidence)
