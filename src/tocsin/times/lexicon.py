"""Read and validate the time lexicon and the time patterns (src/tocsin/data/times/).

Both files are JSONL, one entry a line with a stable ``id``; a bad line is reported as
``file:line: [field] message`` (docs/data-formats/times.md describes them).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from tocsin.errors import DataFileError

DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "times"
LEXICON_FILE = DATA_DIR / "lexicon.jsonl"
PATTERNS_FILE = DATA_DIR / "patterns.jsonl"

WordClass = Literal[
    "month",
    "weekday",
    "season",
    "part_of_day",
    "numeral",
    "unit",
    "deictic",
    "part_of_period",
    "relative_day",
    "relative_night",
    "reference",
    "frequency",
    "approx",
    "interval_signal",
    "reporting_verb",
    "sequence_adverb",
    "ordinal",
    "clock_word",
]
WORD_CLASSES: tuple[str, ...] = WordClass.__args__  # type: ignore[attr-defined]

# Handlers are code (resolve.py); a pattern names one of them.
HANDLERS: tuple[str, ...] = (
    "date",
    "day_range",
    "month",
    "year",
    "year_pair",
    "decade",
    "century",
    "quarter",
    "half",
    "season",
    "relative_unit",
    "relative_day",
    "relative_night",
    "this_part_of_day",
    "weekday",
    "ago",
    "duration",
    "duration_range",
    "vague_duration",
    "clock",
    "reference",
    "frequency",
    "every_weekday",
)


class LexiconEntry(BaseModel):
    """One word class entry: several spellings that share one normalised value."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(min_length=1)
    word_class: WordClass = Field(alias="class")
    words: tuple[str, ...] = Field(min_length=1)
    value: str = Field(min_length=1)

    @field_validator("words")
    @classmethod
    def _no_blank_words(cls, words: tuple[str, ...]) -> tuple[str, ...]:
        if any(not w.strip() for w in words):
            raise ValueError("blank word")
        return words


class PatternEntry(BaseModel):
    """One recognition rule: a regex over the text, with {MACRO} slots, and its handler."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(min_length=1)
    handler: str
    pattern: str = Field(min_length=1)

    @field_validator("handler")
    @classmethod
    def _known_handler(cls, handler: str) -> str:
        if handler not in HANDLERS:
            raise ValueError(f"unknown handler '{handler}'; available: {', '.join(HANDLERS)}")
        return handler


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Word class -> {lower-cased word: value}; months and weekdays keep their case in ``cased``."""

    words: dict[str, dict[str, str]]
    cased: dict[str, tuple[str, ...]]

    def value(self, word_class: str, word: str) -> str:
        table = self.words[word_class]
        return table[" ".join(word.lower().split())]


def _lines(path: Path) -> Iterator[tuple[int, dict]]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise DataFileError(str(path), None, f"cannot read: {err}") from err
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except json.JSONDecodeError as err:
            raise DataFileError(str(path), number, f"not JSON: {err.msg}") from err


def load_lexicon(path: Path = LEXICON_FILE) -> Lexicon:
    words: dict[str, dict[str, str]] = {c: {} for c in WORD_CLASSES}
    cased: dict[str, list[str]] = {c: [] for c in WORD_CLASSES}
    seen: set[str] = set()
    for number, raw in _lines(path):
        try:
            entry = LexiconEntry.model_validate(raw)
        except ValidationError as err:
            raise DataFileError.invalid(str(path), number, err) from err
        if entry.id in seen:
            raise DataFileError(str(path), number, f"[id] duplicate id '{entry.id}'")
        seen.add(entry.id)
        for word in entry.words:
            words[entry.word_class][" ".join(word.lower().split())] = entry.value
            cased[entry.word_class].append(word)
    return Lexicon(words=words, cased={c: tuple(ws) for c, ws in cased.items()})


def load_patterns(path: Path = PATTERNS_FILE) -> tuple[tuple[int, PatternEntry], ...]:
    """The patterns in file order (the order breaks ties), each with its line number."""
    entries: list[tuple[int, PatternEntry]] = []
    seen: set[str] = set()
    for number, raw in _lines(path):
        try:
            entry = PatternEntry.model_validate(raw)
        except ValidationError as err:
            raise DataFileError.invalid(str(path), number, err) from err
        if entry.id in seen:
            raise DataFileError(str(path), number, f"[id] duplicate id '{entry.id}'")
        seen.add(entry.id)
        entries.append((number, entry))
    return tuple(entries)
