"""Actor resolution: spans naming political actors -> PLOVER country + sector codes."""

from tocsin.actors.dictionary import ActorDictionary
from tocsin.actors.loading import load_actor_dictionary
from tocsin.actors.resolve import resolve_actors

__all__ = ["ActorDictionary", "load_actor_dictionary", "resolve_actors"]
