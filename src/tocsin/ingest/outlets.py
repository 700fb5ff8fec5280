"""Infer an article's outlet from the text where the article names itself.

The rules are data (``data/ingest/outlet_patterns.jsonl``), tried in file order;
the first rule that yields an acceptable name wins and its id is the reason.
Being quoted by or speaking to an outlet ("told the BBC") is not self-naming.
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from tocsin.errors import DataFileError

PLACEHOLDER = "{OUTLET}"
# One word of an outlet name: "UNITED24", "Al", "Jazeera", "RFE/RL", "U.S.". A period
# only inside a word, so a name never runs across a sentence end.
_WORD = r"[A-Z0-9](?:[\w&/'’-]|\.(?=\w))*"
# Up to six words, optionally joined by a lower-case connector ("Voice of America").
OUTLET_NAME = rf"(?P<outlet>(?:[Tt]he )?{_WORD}(?: (?:(?:of|for|de|&) )?{_WORD}){{0,5}})"
_TRAILING = ".,;:'’"


class OutletPatternEntry(BaseModel):
    """One line of outlet_patterns.jsonl."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    pattern: str
    note: str = ""

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, value: str) -> str:
        if value.count(PLACEHOLDER) != 1:
            raise ValueError(f"must contain {PLACEHOLDER} exactly once")
        try:
            re.compile(value.replace(PLACEHOLDER, OUTLET_NAME))
        except re.error as err:
            raise ValueError(f"not a valid regular expression: {err}") from None
        return value


@dataclass(frozen=True, slots=True)
class OutletRule:
    id: str
    regex: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class OutletPatterns:
    """Compiled self-naming rules and the captures that are never outlets."""

    rules: tuple[OutletRule, ...]
    not_outlets: frozenset[str]


@dataclass(frozen=True, slots=True)
class OutletGuess:
    outlet: str
    rule: str  # id of the rule that fired


def _data_dir() -> Path:
    return Path(str(resources.files("tocsin") / "data" / "ingest"))


def load_outlet_patterns(
    patterns_file: Path | None = None, not_outlets_file: Path | None = None
) -> OutletPatterns:
    """Load and validate the rules; a bad line raises DataFileError(file:line: [field] message)."""
    patterns_file = patterns_file or _data_dir() / "outlet_patterns.jsonl"
    not_outlets_file = not_outlets_file or _data_dir() / "not_outlets.csv"
    return OutletPatterns(
        rules=tuple(_load_rules(patterns_file)),
        not_outlets=frozenset(_load_not_outlets(not_outlets_file)),
    )


@lru_cache(maxsize=1)
def default_outlet_patterns() -> OutletPatterns:
    """The built-in rules, loaded on first use (not at import) and shared: they are immutable."""
    return load_outlet_patterns()


def _load_rules(path: Path) -> list[OutletRule]:
    rules: list[OutletRule] = []
    seen: set[str] = set()
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise DataFileError(str(path), None, f"cannot read: {err}") from None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            entry = OutletPatternEntry.model_validate(json.loads(line))
        except json.JSONDecodeError as err:
            raise DataFileError(str(path), number, f"invalid JSON: {err.msg}") from None
        except ValidationError as err:
            first = err.errors()[0]
            field = ".".join(str(p) for p in first["loc"]) or "entry"
            raise DataFileError(str(path), number, f"[{field}] {first['msg']}") from None
        if entry.id in seen:
            raise DataFileError(str(path), number, f"[id] duplicate id '{entry.id}'")
        seen.add(entry.id)
        rules.append(OutletRule(entry.id, re.compile(entry.pattern.replace(PLACEHOLDER, OUTLET_NAME))))
    return rules


def _load_not_outlets(path: Path) -> list[str]:
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            if reader.fieldnames is None or "name" not in reader.fieldnames:
                raise DataFileError(str(path), 1, "[name] missing column 'name'")
            names = []
            for row in reader:
                name = (row.get("name") or "").strip()
                if not name:
                    raise DataFileError(str(path), reader.line_num, "[name] empty name")
                names.append(name.casefold())
            return names
    except OSError as err:
        raise DataFileError(str(path), None, f"cannot read: {err}") from None


def find_outlet(text: str, patterns: OutletPatterns) -> OutletGuess | None:
    """The outlet the text names as itself, and the rule that found it; None if none does."""
    for rule in patterns.rules:
        for match in rule.regex.finditer(text):
            name = clean_outlet_name(match["outlet"])
            if name and name.casefold() not in patterns.not_outlets:
                return OutletGuess(name, rule.id)
    return None


def clean_outlet_name(raw: str) -> str:
    """Drop sentence punctuation, a possessive and a lower-case "the" from a captured name."""
    name = raw.strip().rstrip(_TRAILING)
    for suffix in ("'s", "’s"):
        name = name.removesuffix(suffix)
    return name.removeprefix("the ").strip()
