"""Actor fixtures: the built-in dictionary, loaded once per session, and a resolver helper."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from tocsin.actors import ActorDictionary, load_actor_dictionary, resolve_actors
from tocsin.records import ActorMention


@pytest.fixture(scope="session")
def actor_dictionary() -> ActorDictionary:
    return load_actor_dictionary()


@pytest.fixture(scope="session")
def resolve(nlp, actor_dictionary) -> Callable[..., tuple[ActorMention, ...]]:
    """Resolve the actors of a text with the real pipeline and the built-in dictionary."""

    def _resolve(
        text: str, *, on: dt.date | None = None, dictionary: ActorDictionary | None = None
    ) -> tuple[ActorMention, ...]:
        return resolve_actors(nlp(text), dictionary or actor_dictionary, on=on)

    return _resolve
