"""Infer an article's outlet from the text where the article names itself.

The rules are data (``data/ingest/outlet_patterns.jsonl``), tried in file order;
the first rule that yields an acceptable name wins and its id is the reason.
Being quoted by or speaking to an outlet ("told the BBC") is not self-naming.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
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
OUTLET_NAME = rf"(?<!\w)(?P<outlet>(?:[Tt]he )?{_WORD}(?: (?:(?:of|for|de|&) )?{_WORD}){{0,5}})"
_TRAILING = ".,;:'’"
# A pattern that starts with the name is searched by its tail first, then the name is looked
# for in this many characters before the tail: the name expression is slow to try at every
# capital letter of an article, the tail ("could not independently verify") is cheap.
_NAME_WINDOW = 160


class OutletPatternEntry(BaseModel):
    """One line of outlet_patterns.jsonl."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    pattern: str
    not_preceded_by: list[str] = Field(default_factory=list)
    note: str = ""

    @field_validator("not_preceded_by")
    @classmethod
    def _words(cls, value: list[str]) -> list[str]:
        if any(not word.strip() for word in value):
            raise ValueError("words must not be empty")
        return value

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
    # The pattern's tail after a leading {OUTLET}, searched first (None: search regex directly).
    tail: re.Pattern[str] | None = None
    # Lower-case words that, right before the match, cancel it ("as reported by X").
    not_preceded_by: tuple[str, ...] = ()

    def matches(self, text: str) -> Iterator[re.Match[str]]:
        if self.tail is None:
            found: Iterator[re.Match[str]] = self.regex.finditer(text)
        else:
            found = self._by_tail(text)
        for match in found:
            if not self._cancelled(text, match.start()):
                yield match

    def _by_tail(self, text: str) -> Iterator[re.Match[str]]:
        assert self.tail is not None
        for tail in self.tail.finditer(text):
            match = self.regex.search(text, max(0, tail.start() - _NAME_WINDOW), tail.end())
            if match:
                yield match

    def _cancelled(self, text: str, start: int) -> bool:
        if not self.not_preceded_by:
            return False
        before = text[max(0, start - 40) : start].rstrip().rsplit(None, 1)
        return bool(before) and before[-1].lower() in self.not_preceded_by


def compile_rule(entry: OutletPatternEntry) -> OutletRule:
    head, tail = entry.pattern.split(PLACEHOLDER)
    return OutletRule(
        id=entry.id,
        regex=re.compile(head + OUTLET_NAME + tail),
        tail=re.compile(tail) if not head and tail else None,
        not_preceded_by=tuple(word.strip().lower() for word in entry.not_preceded_by),
    )


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
            raise DataFileError.invalid(str(path), number, err) from None
        if entry.id in seen:
            raise DataFileError(str(path), number, f"[id] duplicate id '{entry.id}'")
        seen.add(entry.id)
        rules.append(compile_rule(entry))
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
        for match in rule.matches(text):
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
