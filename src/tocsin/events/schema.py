"""Pydantic schemas of the event data files (docs/data-formats/events.md)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Quad = Literal["verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class EventTypeEntry(_Strict):
    """One PLOVER event type (data/ontology/event_types.jsonl)."""

    id: str = Field(pattern=r"^[A-Z]+$")
    quad: Quad
    requires_recipient: bool
    modes: list[str]
    definition: str


class ContextEntry(_Strict):
    """One PLOVER context name (data/ontology/contexts.jsonl)."""

    id: str = Field(pattern=r"^[a-z_]+$")


class TriggerEntry(_Strict):
    """A word (plus optional attached words) that signals an event (data/events/triggers.jsonl)."""

    id: str = Field(min_length=3)
    lemma: str = Field(min_length=1)
    pos: list[Literal["VERB", "NOUN", "ADJ", "PROPN", "ADV", "AUX"]] = ["VERB", "NOUN"]
    # Lemmas that must all be attached to the trigger (a child, or within 3 tokens after it).
    with_all: list[str] = []
    # At least one of these lemmas must be attached.
    with_any: list[str] = []
    # The trigger's direct or prepositional object must have one of these lemmas.
    object_lemmas: list[str] = []
    event: str
    mode: str | None = None
    context: list[str] = []
    # "swap": the grammatical subject is the recipient (e.g. "X received Y": Y visits X).
    # "speaker": the trigger is a modal ("Y must release Z"); the actor is whoever says
    # so (the subject of the reporting clause), the recipient the modal verb's subject.
    roles: Literal["default", "swap", "speaker"] = "default"
    # An event in this trigger's object or complement is coded instead of it
    # ("the government ordered patrols": MOBILIZE, not REQUEST).
    defers: bool = False
    # Agreeing to this act performs it ("agreed to forgive the debt" is the forgiveness):
    # under an AGREE it is coded instead of the AGREE.
    binding: bool = False
    confidence: float = Field(default=0.8, gt=0.0, le=1.0)
    note: str | None = None
    # Generated entries (triggers_cameo.jsonl): the CAMEO code of the source pattern and
    # where it came from ("phoenix:<verb block>").
    cameo: str | None = Field(default=None, pattern=r"^\d{2,4}$")
    source: str | None = None


class CueEntry(_Strict):
    """A lemma near a trigger that sets the mode of an event type (data/events/mode_cues.jsonl)."""

    id: str = Field(min_length=3)
    lemma: str = Field(min_length=1)
    event: str
    mode: str


class ContextCueEntry(_Strict):
    """A lemma in the sentence that adds a context (data/events/context_cues.jsonl)."""

    id: str = Field(min_length=3)
    lemma: str = Field(min_length=1)
    context: str


class CameoRow(_Strict):
    """PLOVER (event, mode, context) -> CAMEO code (data/ontology/cameo.csv)."""

    id: str
    event: str
    mode: str = ""
    context: str = ""
    cameo: str = Field(pattern=r"^\d{2,4}$")
    label: str


class LemmaRow(_Strict):
    """One lemma of a word list (data/events/reporting_verbs.csv)."""

    id: str = Field(min_length=3)
    lemma: str = Field(min_length=1)
