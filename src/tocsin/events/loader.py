"""Load the PLOVER ontology, trigger lexicon, cue tables and CAMEO table into ``EventRules``.

Everything is read and indexed once here; ``code_events`` only does dict lookups.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from tocsin.errors import DataFileError
from tocsin.events.model import EventModel, load_event_model
from tocsin.events.schema import (
    CameoRow,
    ContextCueEntry,
    ContextEntry,
    CueEntry,
    EventTypeEntry,
    LemmaRow,
    TriggerEntry,
)

VERSION = "tocsin.events.rules.v1"
M = TypeVar("M", bound=BaseModel)
_GENERATED = 2


@dataclass(frozen=True, slots=True)
class EventRules:
    """Immutable, indexed event-coding resources."""

    event_types: MappingProxyType[str, EventTypeEntry]
    contexts: frozenset[str]
    # lemma -> trigger entries, most specific first, user entries before built-ins on ties.
    triggers: MappingProxyType[str, tuple[TriggerEntry, ...]]
    # lemma -> ((event, mode, rank), ...); a lower rank (file line) wins among cues.
    mode_cues: MappingProxyType[str, tuple[tuple[str, str, int], ...]]
    context_cues: MappingProxyType[str, str]
    cameo: tuple[CameoRow, ...]
    # Lemmas of verbs that report an event rather than perform it ("highlighted a spike in ...").
    reporting: frozenset[str] = frozenset()
    # Fallback event-type model for sentences no trigger codes (None: rules only).
    model: EventModel | None = None
    version: str = VERSION

    def quad(self, event: str) -> str:
        return self.event_types[event].quad


def _data_path(area: str, name: str) -> Path:
    return Path(str(resources.files("tocsin") / "data" / area / name))


def _read_jsonl(path: Path, model: type[M]) -> Iterator[tuple[int, M]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise DataFileError(str(path), None, f"cannot read: {err}") from err
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        try:
            yield number, model.model_validate(json.loads(line))
        except json.JSONDecodeError as err:
            raise DataFileError(str(path), number, f"not valid JSON: {err.msg}") from err
        except ValidationError as err:
            raise DataFileError.invalid(str(path), number, err) from err


def _read_csv(path: Path, model: type[M]) -> Iterator[tuple[int, M]]:
    with path.open(encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.DictReader(handle), start=2):
            try:
                yield number, model.model_validate(row)
            except ValidationError as err:
                raise DataFileError.invalid(str(path), number, err, default="row") from err


def _specificity(entry: TriggerEntry) -> int:
    """A required word ("call *up*") says more than one of a set ("call *for/on*")."""
    return 1 + 2 * len(entry.with_all) + bool(entry.with_any) + bool(entry.object_lemmas)


def _check_codes(
    path: Path, line: int, event: str, mode: str | None, contexts: list[str], rules: dict, known: set
) -> None:
    if event not in rules:
        raise DataFileError(str(path), line, f"[event] unknown event '{event}'; valid: {', '.join(rules)}")
    if mode and mode not in rules[event].modes:
        valid = ", ".join(rules[event].modes) or "(none)"
        raise DataFileError(str(path), line, f"[mode] '{mode}' is not a mode of {event}; valid: {valid}")
    for context in contexts:
        if context not in known:
            raise DataFileError(str(path), line, f"[context] unknown context '{context}'")


def load_event_rules(
    *, extra_files: tuple[Path, ...] = (), with_model: bool = True, with_cameo: bool = True
) -> EventRules:
    """Read the built-in data files, then layer user trigger files over them.

    A user entry with the id of a built-in replaces it; new ids are added and win
    ties against built-ins of equal specificity.
    """
    types_path = _data_path("ontology", "event_types.jsonl")
    event_types = {entry.id: entry for _, entry in _read_jsonl(types_path, EventTypeEntry)}
    contexts = {e.id for _, e in _read_jsonl(_data_path("ontology", "contexts.jsonl"), ContextEntry)}

    # Tiers: user files (0) over hand-written triggers (1) over the generated CAMEO layer (2).
    entries: dict[str, tuple[int, TriggerEntry]] = {}
    sources = [(_data_path("events", "triggers_cameo.jsonl"), _GENERATED)] if with_cameo else []
    sources += [(_data_path("events", "triggers.jsonl"), 1)] + [(Path(p), 0) for p in extra_files]
    for path, rank in sources:
        if not path.is_file():
            raise DataFileError(str(path), None, "trigger file not found")
        for line, entry in _read_jsonl(path, TriggerEntry):
            _check_codes(path, line, entry.event, entry.mode, entry.context, event_types, contexts)
            if rank >= 1 and entry.id in entries and entries[entry.id][0] == rank:
                raise DataFileError(str(path), line, f"[id] duplicate id '{entry.id}'")
            entries[entry.id] = (rank, entry)
    # A lemma the hand-written lexicon (or a user) covers was constrained on purpose
    # ("fire" only with "on/at" or a weapon): generated entries never widen it.
    curated = {e.lemma.lower() for rank, e in entries.values() if rank != _GENERATED}
    by_lemma: dict[str, list[tuple[int, int, TriggerEntry]]] = {}
    for order, (rank, entry) in enumerate(entries.values()):
        if rank == _GENERATED and entry.lemma.lower() in curated:
            continue
        by_lemma.setdefault(entry.lemma.lower(), []).append((rank, order, entry))
    # Generated entries come after every user and hand-written entry of their lemma,
    # whatever their specificity: they only code what the hand-written lexicon leaves.
    triggers = {
        lemma: tuple(
            e
            for *_, e in sorted(
                items, key=lambda it: (it[0] == _GENERATED, -_specificity(it[2]), it[0], it[1])
            )
        )
        for lemma, items in by_lemma.items()
    }

    cues_path = _data_path("events", "mode_cues.jsonl")
    mode_cues: dict[str, list[tuple[str, str, int]]] = {}
    for line, cue in _read_jsonl(cues_path, CueEntry):
        _check_codes(cues_path, line, cue.event, cue.mode, [], event_types, contexts)
        mode_cues.setdefault(cue.lemma.lower(), []).append((cue.event, cue.mode, line))

    ctx_path = _data_path("events", "context_cues.jsonl")
    context_cues: dict[str, str] = {}
    for line, ctx in _read_jsonl(ctx_path, ContextCueEntry):
        if ctx.context not in contexts:
            raise DataFileError(str(ctx_path), line, f"[context] unknown context '{ctx.context}'")
        context_cues[ctx.lemma.lower()] = ctx.context

    cameo_path = _data_path("ontology", "cameo.csv")
    cameo = []
    for line, row in _read_csv(cameo_path, CameoRow):
        _check_codes(cameo_path, line, row.event, row.mode or None, [], event_types, contexts)
        cameo.append(row)

    reporting_path = _data_path("events", "reporting_verbs.csv")
    reporting = frozenset(row.lemma.lower() for _, row in _read_csv(reporting_path, LemmaRow))

    model = load_event_model(known_events=frozenset(event_types)) if with_model else None
    return EventRules(
        model=model,
        reporting=reporting,
        event_types=MappingProxyType(event_types),
        contexts=frozenset(contexts),
        triggers=MappingProxyType(triggers),
        mode_cues=MappingProxyType({k: tuple(v) for k, v in mode_cues.items()}),
        context_cues=MappingProxyType(context_cues),
        cameo=tuple(cameo),
    )
