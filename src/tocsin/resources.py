"""Everything a run loads once: the spaCy pipeline, dictionaries, gazetteer, rules, cues.

``Resources`` is immutable and passed into every stage; nothing is loaded at import.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language

from tocsin.actors import ActorDictionary, load_actor_dictionary
from tocsin.attribution import AttributionCues, load_cues
from tocsin.events import EventRules, load_event_rules
from tocsin.nlp import shared_nlp
from tocsin.places import Gazetteer, load_gazetteer
from tocsin.settings import Settings


@dataclass(frozen=True, slots=True)
class Resources:
    settings: Settings
    nlp: Language
    actors: ActorDictionary
    gazetteer: Gazetteer
    event_rules: EventRules
    cues: AttributionCues


def load_resources(settings: Settings | None = None) -> Resources:
    settings = settings or Settings()
    return Resources(
        settings=settings,
        nlp=shared_nlp(settings.model),
        actors=load_actor_dictionary(extra_files=settings.extra_actor_files),
        gazetteer=load_gazetteer(),
        event_rules=load_event_rules(extra_files=settings.extra_trigger_files),
        cues=load_cues(outlet_grades_file=settings.outlet_grades_file),
    )
