"""Compile the time patterns once: {MACRO} slots become alternations built from the lexicon.

A pattern writes ``{MONTH}`` for a named group ``month`` holding any month word, or
``{MONTH:month2}`` to name the group differently (two months in one pattern). A single
space in a pattern matches any run of whitespace; write ``\\s*`` where it is optional.
Month and weekday names match with their case (``May`` the month, not ``may`` the verb);
every other word class matches in any case.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

import numpy as np
from spacy.strings import StringStore

from tocsin.errors import DataFileError
from tocsin.times.combine import signal_patterns
from tocsin.times.lexicon import LEXICON_FILE, PATTERNS_FILE, Lexicon, load_lexicon, load_patterns

# Macro -> (word class, default group name, plural-only). Word alternations come from the lexicon.
_WORD_MACROS: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "MONTH": ("month", "month"),
        "WEEKDAY": ("weekday", "weekday"),
        "SEASON": ("season", "season"),
        "POD": ("part_of_day", "pod"),
        "NUM": ("numeral", "num"),
        "UNIT": ("unit", "unit"),
        "DEICTIC": ("deictic", "deictic"),
        "PP": ("part_of_period", "pp"),
        "RELDAY": ("relative_day", "relday"),
        "RELNIGHT": ("relative_night", "relnight"),
        "REF": ("reference", "ref"),
        "FREQ": ("frequency", "freq"),
        "APPROX": ("approx", "approx"),
        "ORDINAL": ("ordinal", "ordinal"),
        "CLOCKWORD": ("clock_word", "clockword"),
    }
)
_CASED_CLASSES = frozenset({"month", "weekday"})

# Shapes of numbers, not words: these are code, not lexicon.
_SHAPE_MACROS: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "YEAR": ("year", r"(?<![\d$£€.,:])(?:1[5-9]\d\d|20\d\d)(?![\d%]|,\d| ?(?:percent|per cent)\b)"),
        "YY": ("yy", r"\d\d(?!\d)"),
        "MONTHNUM": ("monthnum", r"0[1-9]|1[0-2]"),
        "DAYNUM": ("day", r"0[1-9]|[12]\d|3[01]"),
        "DAY": ("day", r"(?<![\d.,$])(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:%,.]\d|[\d%])"),
        "DECADE": ("decade", r"(?:1[5-9]\d0|20\d0)'?s\b"),
        "CENTURY": ("century", r"(?:1[0-9]|2[01])(?:st|nd|rd|th)[ -](?i:century)"),
        "HOUR": ("hour", r"(?<![\d:.,])(?:[01]?\d|2[0-3])"),
        "MINUTE": ("minute", r"[0-5]\d(?![\d:])"),
        "AMPM": ("ampm", r"(?i:a\.m\.|p\.m\.|am\b|pm\b)"),
        "TZ": ("tz", r"(?:GMT|UTC|BST|CET|CEST|EST|EDT|ET|PST|PDT|PT|MSK|(?i:local|Moscow|Kyiv) time)\b"),
    }
)
_UNITS_PLURAL = "UNITS"
_MACRO = re.compile(r"\{([A-Z]+)(?::([a-z0-9_]+))?\}")


@dataclass(frozen=True, slots=True)
class TimeRule:
    """One compiled pattern; ``order`` is its position in the file and breaks ties."""

    id: str
    handler: str
    regex: re.Pattern[str]
    order: int


@dataclass(frozen=True, slots=True)
class TimeGrammar:
    lexicon: Lexicon
    rules: tuple[TimeRule, ...]
    # Lower-cased words a match can start with: patterns are only tried at tokens that
    # start with a digit or with one of these, so most of the text is never scanned.
    starters: frozenset[str]
    # The same words, and the digits, as spaCy string ids (LOWER and PREFIX token attributes).
    starter_ids: np.ndarray
    digit_ids: np.ndarray
    # Interval signal kind ("since", "until") -> regex for it just before an expression.
    signals: dict[str, re.Pattern[str]]


# Words that patterns spell out literally at their start (not from the lexicon).
_LITERAL_STARTERS = frozenset(
    {"the", "a", "an", "just", "another", "every", "each", "this", "first", "second", "third", "fourth"}
    | {"q1", "q2", "q3", "q4", "fiscal", "calendar", "financial", "earlier", "later", "fy"}
    | {"noon", "midday", "midnight"}
)


def _alternation(words: tuple[str, ...] | list[str], *, cased: bool) -> str:
    parts = []
    for word in sorted(set(words), key=len, reverse=True):
        escaped = r"\s+".join(re.escape(w) for w in word.split())
        parts.append(escaped)
        if cased and word.upper() != word:
            parts.append(r"\s+".join(re.escape(w) for w in word.upper().split()))
    body = "|".join(parts)
    body = body if cased else f"(?i:{body})"
    # Words end at a word boundary; abbreviations end in "." which is its own boundary.
    return rf"(?<![\w'’])(?:{body})(?!\w)"


def _macro_bodies(lexicon: Lexicon) -> dict[str, str]:
    bodies: dict[str, str] = {}
    for macro, (word_class, _) in _WORD_MACROS.items():
        words = lexicon.cased[word_class]
        if macro == "NUM":
            digits = r"(?<![\d.,$])\d{1,3}(?:,\d{3})?(?:\.\d+)?(?![\d.,]\d)"
            bodies[macro] = f"(?:{_alternation(words, cased=False)}|{digits})"
        else:
            bodies[macro] = _alternation(words, cased=word_class in _CASED_CLASSES)
    plural = [w for w in lexicon.cased["unit"] if w.endswith("s") and w not in {"hours", "minutes"}]
    plural += ["hours", "minutes"]
    bodies[_UNITS_PLURAL] = _alternation(plural, cased=False)
    for macro, (_, shape) in _SHAPE_MACROS.items():
        bodies[macro] = shape
    return bodies


def _default_group(macro: str) -> str:
    if macro in _WORD_MACROS:
        return _WORD_MACROS[macro][1]
    if macro == _UNITS_PLURAL:
        return "units"
    return _SHAPE_MACROS[macro][0]


def expand_pattern(pattern: str, bodies: dict[str, str]) -> str:
    """Turn one pattern line into a regex: spaces match whitespace, macros become named groups."""
    out: list[str] = []
    pos = 0
    for match in _MACRO.finditer(pattern):
        out.append(pattern[pos : match.start()].replace(" ", r"\s+"))
        macro, group = match.group(1), match.group(2)
        if macro not in bodies:
            raise KeyError(macro)
        out.append(f"(?P<{group or _default_group(macro)}>{bodies[macro]})")
        pos = match.end()
    out.append(pattern[pos:].replace(" ", r"\s+"))
    return "".join(out)


def _string_ids(words: set[str]) -> np.ndarray:
    # spaCy string ids are hashes of the string: the same in every vocabulary.
    strings = StringStore()
    return np.array(sorted(strings.add(w) for w in words), dtype=np.uint64)


def build_grammar(lexicon_file: Path = LEXICON_FILE, patterns_file: Path = PATTERNS_FILE) -> TimeGrammar:
    lexicon = load_lexicon(lexicon_file)
    bodies = _macro_bodies(lexicon)
    rules: list[TimeRule] = []
    for order, (line, entry) in enumerate(load_patterns(patterns_file)):
        try:
            regex = re.compile(expand_pattern(entry.pattern, bodies))
        except KeyError as err:
            known = ", ".join(sorted(bodies))
            raise DataFileError(
                str(patterns_file), line, f"[pattern] unknown macro {err}; available: {known}"
            ) from err
        except re.error as err:
            raise DataFileError(str(patterns_file), line, f"[pattern] not a valid regex: {err}") from err
        rules.append(TimeRule(id=entry.id, handler=entry.handler, regex=regex, order=order))
    starters = {word.split()[0].lower() for words in lexicon.cased.values() for word in words}
    return TimeGrammar(
        lexicon=lexicon,
        rules=tuple(rules),
        starters=frozenset(starters | _LITERAL_STARTERS),
        starter_ids=_string_ids(starters | _LITERAL_STARTERS),
        digit_ids=_string_ids(set("0123456789")),
        signals=signal_patterns(lexicon),
    )


@lru_cache(maxsize=1)
def default_grammar() -> TimeGrammar:
    """The built-in grammar, compiled on first use (never at import) and then shared."""
    return build_grammar()
