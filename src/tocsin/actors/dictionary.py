"""``ActorDictionary``: every actor phrase, tokenised once into a token trie.

Phrases are keyed by the lower-case text of their tokens, so matching a document
is one left-to-right pass of dict lookups. The trie holds plain strings (not
spaCy hashes), so it does not depend on a pipeline's vocab and pickles for
batch workers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokenizer import Tokenizer

from tocsin.actors.schema import AgentEntry, CountryEntry, OrgEntry, PersonEntry

# What a phrase names; the resolver's chaining rules are keyed on it.
SenseKind = Literal["name", "demonym", "people", "capital", "igo", "org", "group", "agent", "person"]
# How the text must be cased to match: "any"; "title" (first letter upper case, so
# "turkey" the bird is not Turkey); "exact" (short acronyms: "US" but never "us").
CaseRule = Literal["any", "title", "exact"]

# Trie node: token text -> child node; the END key holds the indices (into
# ``ActorDictionary.senses``) of the senses of a phrase ending here. Indices, not Sense
# objects, keep the trie plain data, so it caches with ``marshal`` (see ``cache.py``).
END = "\x00end"


@dataclass(frozen=True, slots=True)
class Sense:
    """One meaning of a dictionary phrase."""

    entry: str
    kind: SenseKind
    country: str | None
    sector: str | None
    case: CaseRule
    phrase: str
    wikidata: str | None = None
    # For persons: the person key (lower-case canonical name) whose roles apply.
    person: str | None = None
    title: bool = False
    # A one-word person name, usually a surname ("Lukashenko"): needs support from the
    # text (NER, a title, the full name earlier) to count.
    surname: bool = False
    # The surname counts only after the person's full name or an office title.
    after_full_name: bool = False
    # A generic head noun: a more specific part before it gives the sector (agents only).
    head: bool = False


@dataclass(frozen=True, slots=True)
class Role:
    """One dated office of a person."""

    entry: str
    country: str | None
    sector: str | None
    role: str | None
    valid_from: dt.date | None
    valid_to: dt.date | None
    wikidata: str | None

    def holds_on(self, day: dt.date) -> bool:
        if self.valid_from is not None and day < self.valid_from:
            return False
        return self.valid_to is None or day <= self.valid_to


@dataclass(frozen=True, slots=True)
class ActorDictionary:
    """Built once by ``load_actor_dictionary``; never changed afterwards."""

    trie: Mapping[str, object]
    senses: Sequence[Sense]
    roles: Mapping[str, tuple[Role, ...]]
    max_phrase_tokens: int
    entry_count: int
    # Person key -> every word of the person's name and aliases (lower case).
    name_words: Mapping[str, frozenset[str]] = field(default_factory=dict)


def case_rule(phrase: str) -> CaseRule:
    letters = [c for c in phrase if c.isalpha()]
    if not any(c.isupper() for c in letters):
        return "any"
    if all(c.isupper() for c in letters) and len(letters) <= 4:
        return "exact"
    return "title"


NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})


def surname(name: str) -> str | None:
    """The last word of a multi-word name, suffixes aside ("Walter Stoessel Jr." -> "Stoessel")."""
    words = name.split()
    while len(words) > 1 and words[-1].casefold() in NAME_SUFFIXES:
        words.pop()
    if len(words) < 2 or not words[-1].replace("-", "").replace("'", "").isalpha():
        return None
    return words[-1]


class DictionaryBuilder:
    """Collects senses from validated entries, then freezes them into an ``ActorDictionary``."""

    def __init__(self, tokenizer: Tokenizer) -> None:
        self._tokenizer = tokenizer
        self._special = frozenset(tokenizer.rules or {})
        self._word_cache: dict[str, list[str]] = {}
        # (phrase, person key) pairs already indexed: a person's names are indexed once,
        # however many roles they hold.
        self._person_phrases: set[tuple[str, str]] = set()
        self._root: dict[str, object] = {}
        self._senses: list[Sense] = []
        self._roles: dict[str, list[Role]] = {}
        self._name_words: dict[str, set[str]] = {}
        self._max_tokens = 1
        self._entries = 0

    def add(self, entry: CountryEntry | OrgEntry | AgentEntry | PersonEntry) -> None:
        self._entries += 1
        if isinstance(entry, CountryEntry):
            self._add_country(entry)
        elif isinstance(entry, OrgEntry):
            kind: SenseKind = entry.kind
            for name in entry.names:
                self._add_phrase(
                    name,
                    Sense(entry.id, kind, entry.country, entry.sector, case_rule(name), name, entry.wikidata),
                )
        elif isinstance(entry, AgentEntry):
            for name in entry.names:
                self._add_phrase(
                    name,
                    Sense(
                        entry.id,
                        "agent",
                        None,
                        entry.sector,
                        case_rule(name),
                        name,
                        title=entry.title,
                        head=entry.head,
                    ),
                )
        else:
            self._add_person(entry)

    def build(self) -> ActorDictionary:
        roles = {key: tuple(sorted(found, key=_role_order)) for key, found in self._roles.items()}
        # Plain dicts, not MappingProxyType: the dictionary must pickle for batch workers
        # (Ray). Nothing writes to them after this point.
        return ActorDictionary(
            trie=self._root,
            senses=tuple(self._senses),
            roles=roles,
            name_words={key: frozenset(words) for key, words in self._name_words.items()},
            max_phrase_tokens=self._max_tokens,
            entry_count=self._entries,
        )

    def _add_country(self, entry: CountryEntry) -> None:
        groups: Iterable[tuple[SenseKind, list[str], str | None]] = (
            ("name", entry.names, None),
            ("demonym", entry.demonyms, None),
            ("people", entry.demonym_plurals, "CVL"),  # "the Libyans": the people, not the state
            ("capital", entry.capitals, "GOV"),
        )
        for kind, names, sector in groups:
            for name in names:
                self._add_phrase(
                    name, Sense(entry.id, kind, entry.iso3, sector, case_rule(name), name, entry.wikidata)
                )

    def _add_person(self, entry: PersonEntry) -> None:
        key = entry.name.casefold()
        self._roles.setdefault(key, []).append(
            Role(
                entry.id,
                entry.country,
                entry.sector,
                entry.role,
                entry.valid_from,
                entry.valid_to,
                entry.wikidata,
            )
        )
        words = self._name_words.setdefault(key, set())
        for name in [entry.name, *entry.aliases]:
            words.update(w.casefold().strip(".") for w in name.replace("-", " ").split())
        last = surname(entry.name) if entry.surname_match else None
        for name in [entry.name, *entry.aliases, *([last] if last else [])]:
            one_word = " " not in name.strip()
            if (name, key) in self._person_phrases or (one_word and not _may_name_alone(name)):
                continue
            self._person_phrases.add((name, key))
            late = name == last and name not in entry.aliases and entry.surname_match == "after-full-name"
            sense = Sense(
                entry.id,
                "person",
                None,
                None,
                "title",
                name,
                person=key,
                surname=one_word,
                after_full_name=late,
            )
            self._add_phrase(name, sense)

    def _add_phrase(self, phrase: str, sense: Sense) -> None:
        words: list[str] = []
        for chunk in phrase.split():
            words += self._words(chunk)
        if not words:
            return
        node = self._root
        for word in words:
            node = node.setdefault(word, {})  # type: ignore[assignment]
        ids: list[int] = node.setdefault(END, [])  # type: ignore[assignment]
        senses = [self._senses[k] for k in ids]
        # Senses of one phrase from one person are the same sense; keep the first.
        if not any(s.entry == sense.entry and s.kind == sense.kind for s in senses) and not (
            sense.person and any(s.person == sense.person for s in senses)
        ):
            ids.append(len(self._senses))
            self._senses.append(sense)
        self._max_tokens = max(self._max_tokens, len(words))

    def _words(self, chunk: str) -> list[str]:
        """Lower-case tokens of one space-free chunk, as the tokenizer splits it.

        spaCy tokenises each space-separated chunk on its own, so chunks can be cached;
        a purely alphabetic chunk that is no special case is one token (a fast path
        that makes loading ~100k names take a second, not ten).
        """
        if chunk.isalpha() and chunk not in self._special:
            return [chunk.lower()]
        words = self._word_cache.get(chunk)
        if words is None:
            words = [t.lower_ for t in self._tokenizer(chunk)]
            self._word_cache[chunk] = words
        return words


def _may_name_alone(word: str) -> bool:
    """A one-word person name must not be a common English word ("In", "Rice" stays)."""
    return len(word) > 2 and word.casefold() not in STOP_WORDS and not word.islower()


def _role_order(role: Role) -> tuple[dt.date, dt.date, str]:
    return (role.valid_from or dt.date.min, role.valid_to or dt.date.max, role.entry)
