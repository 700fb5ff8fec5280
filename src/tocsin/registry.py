"""The table of built-in stages, under versioned names, with what each reads and writes.

Built-ins are registered the same way an extension would be. ``pipeline.py``
composes them in order; ``tests/contract`` checks that the order satisfies each
stage's ``reads`` and that every stage honours the stage contract.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from tocsin.errors import ConfigError


@dataclass(frozen=True, slots=True)
class StageSpec:
    name: str
    target: str  # "module:function"
    reads: tuple[str, ...]
    writes: tuple[str, ...]

    def load(self) -> Callable[..., Any]:
        module_name, func_name = self.target.split(":")
        return getattr(importlib.import_module(module_name), func_name)


STAGES: tuple[StageSpec, ...] = (
    StageSpec("tocsin.nlp.spacy.v1", "tocsin.nlp:shared_nlp", ("article",), ("doc",)),
    StageSpec("tocsin.actors.dictionary.v1", "tocsin.actors:resolve_actors", ("doc",), ("actors",)),
    StageSpec("tocsin.places.gazetteer.v1", "tocsin.places:resolve_places", ("doc", "actors"), ("places",)),
    StageSpec("tocsin.times.rules.v1", "tocsin.times:normalise_times", ("doc",), ("times",)),
    StageSpec("tocsin.events.rules.v1", "tocsin.events:code_events", ("doc", "actors"), ("events",)),
    StageSpec(
        "tocsin.places.locate.v1", "tocsin.places:locate_events", ("doc", "events", "places"), ("events",)
    ),
    StageSpec(
        "tocsin.times.date_events.v1", "tocsin.times:date_events", ("doc", "events", "times"), ("events",)
    ),
    StageSpec(
        "tocsin.attribution.rules.v1",
        "tocsin.attribution:attribute_claims",
        ("doc", "events", "actors"),
        ("events",),
    ),
    StageSpec(
        "tocsin.attribution.claims.v1", "tocsin.attribution:link_claims", ("doc", "events"), ("claims",)
    ),
    StageSpec(
        "tocsin.attribution.specificity.v1",
        "tocsin.attribution:score_specificity",
        ("doc", "actors", "places", "times"),
        ("specificity",),
    ),
)

_BY_NAME = {spec.name: spec for spec in STAGES}


def get_stage(name: str) -> StageSpec:
    try:
        return _BY_NAME[name]
    except KeyError:
        raise ConfigError(f"unknown stage '{name}'; available: {', '.join(_BY_NAME)}") from None
