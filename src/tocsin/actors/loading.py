"""``load_actor_dictionary``: the built-in data files, then the user's files layered over them."""

from __future__ import annotations

import json
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import spacy
from pydantic import TypeAdapter, ValidationError

from tocsin.actors.cache import cache_path, read_cache, write_cache
from tocsin.actors.dictionary import ActorDictionary, DictionaryBuilder
from tocsin.actors.schema import AgentEntry, CountryEntry, Entry, OrgEntry, PersonEntry
from tocsin.errors import DataFileError

# Built-in files, in load order (docs/data-formats/actors.md describes each). When one
# name has several senses of one kind, the later file wins: generated files come first,
# hand-written ones after them, user files last.
BUILTIN_FILES: tuple[str, ...] = (
    "countries_phoenix.jsonl",
    "countries.jsonl",
    "countries_extra.jsonl",
    "agents.jsonl",
    "agents_extra.jsonl",
    "groups_phoenix.jsonl",
    "organisations.jsonl",
    "people_phoenix.jsonl",
    "people.jsonl",
)

_ENTRY = TypeAdapter(Entry)


def builtin_dir() -> Path:
    return Path(str(resources.files("tocsin") / "data" / "actors"))


def load_actor_dictionary(*, extra_files: tuple[Path, ...] = (), use_cache: bool = True) -> ActorDictionary:
    """Every actor entry, validated and indexed. Raises DataFileError on a bad line.

    The built dictionary is cached (``cache.py``): a later load with the same files
    reads the cache instead of re-validating and re-indexing them.
    """
    builtins = [builtin_dir() / name for name in BUILTIN_FILES]
    paths = [p for p in builtins if p.exists()] + [Path(p) for p in extra_files]
    cached = cache_path(paths) if use_cache and all(p.is_file() for p in paths) else None
    if cached is not None and (dictionary := read_cache(cached)) is not None:
        return dictionary
    dictionary = build_actor_dictionary(paths)
    if cached is not None:
        write_cache(cached, dictionary)
    return dictionary


def build_actor_dictionary(paths: list[Path]) -> ActorDictionary:
    """Read, validate and index the entries of ``paths`` in order (no cache)."""
    builder = DictionaryBuilder(spacy.blank("en").tokenizer)
    seen: dict[str, str] = {}
    for path in paths:
        for line_no, entry in read_entries(path):
            where = f"{path}:{line_no}"
            if entry.id in seen:
                raise DataFileError(
                    str(path), line_no, f"[id] duplicate id '{entry.id}' (first at {seen[entry.id]})"
                )
            seen[entry.id] = where
            builder.add(entry)
    return builder.build()


def read_entries(path: Path) -> Iterator[tuple[int, CountryEntry | OrgEntry | AgentEntry | PersonEntry]]:
    """Yield (line number, validated entry); blank lines and ``#`` comment lines are skipped."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise DataFileError(str(path), None, f"cannot read actor file: {err.strerror}") from err
    for line_no, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as err:
            raise DataFileError(str(path), line_no, f"not valid JSON: {err.msg}") from None
        try:
            entry = _ENTRY.validate_python(data)
        except ValidationError as err:
            raise DataFileError.invalid(str(path), line_no, err, default="type", skip=1) from None
        if isinstance(entry, PersonEntry) and _bad_range(entry):
            raise DataFileError(str(path), line_no, "[valid_to] ends before valid_from")
        yield line_no, entry


def _bad_range(entry: PersonEntry) -> bool:
    return entry.valid_from is not None and entry.valid_to is not None and entry.valid_to < entry.valid_from
