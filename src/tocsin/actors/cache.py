"""A built ``ActorDictionary`` as plain data, cached with ``marshal`` between runs.

Validating and indexing ~35,000 entries takes 1.5-3 s; reading the same dictionary
back from a ``marshal`` file takes a fraction of that, because the trie is already
plain dicts, lists and strings and only the senses and roles become objects again.

The cache file lives in the user cache directory (``TOCSIN_CACHE_DIR``, else
``$XDG_CACHE_HOME/tocsin``, else ``~/.cache/tocsin``, as for the gazetteer) and is keyed
by a hash of every data file read (built-in and user files, in order), of the modules
that build the dictionary and of ``FORMAT``: editing a data file or the builder
rebuilds it, and re-validates every line, on the next load.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import marshal
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import astuple
from importlib import metadata
from pathlib import Path
from typing import Any, TypeVar

from tocsin.actors.dictionary import ActorDictionary, Role, Sense
from tocsin.cache import cache_dir, write_index

V = TypeVar("V")

FORMAT = 1
# The modules whose code decides what the built dictionary holds.
BUILDER_MODULES = ("dictionary.py", "loading.py", "schema.py", "cache.py")


def cache_path(files: Iterable[Path]) -> Path:
    """The cache file for a dictionary built from ``files`` (which must all exist)."""
    # spaCy's tokenizer splits the phrases, so its version is part of the key too.
    key = f"actors|{FORMAT}|{metadata.version('spacy')}"
    digest = hashlib.blake2b(key.encode(), digest_size=12)
    here = Path(__file__).parent
    for path in [here / name for name in BUILDER_MODULES] + list(files):
        digest.update(str(path.name).encode())
        digest.update(path.read_bytes())
    return cache_dir() / f"actors-{digest.hexdigest()}.marshal"


def read_cache(path: Path) -> ActorDictionary | None:
    """The cached dictionary, or None when there is none or it is unreadable (rebuild)."""
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    # Tens of thousands of new containers would trigger many useless collections.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        data = marshal.loads(raw)
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            return None
        return from_plain(data)
    except (EOFError, ValueError, TypeError, KeyError):
        return None  # truncated or foreign file
    finally:
        if was_enabled:
            gc.enable()


def write_cache(path: Path, dictionary: ActorDictionary) -> None:
    write_index(path, to_plain(dictionary))


def to_plain(dictionary: ActorDictionary) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "trie": dictionary.trie,
        "senses": [astuple(s) for s in dictionary.senses],
        "roles": {key: [_role_tuple(r) for r in roles] for key, roles in dictionary.roles.items()},
        "name_words": {key: tuple(words) for key, words in dictionary.name_words.items()},
        "max_phrase_tokens": dictionary.max_phrase_tokens,
        "entry_count": dictionary.entry_count,
    }


def from_plain(data: dict[str, Any]) -> ActorDictionary:
    # Senses, roles and name words become objects only when a document asks for them:
    # building all ~100,000 up front would cost more than reading the file.
    return ActorDictionary(
        trie=data["trie"],
        senses=_Senses(data["senses"]),  # type: ignore[arg-type]
        roles=_Converted(data["roles"], _roles),
        name_words=_Converted(data["name_words"], frozenset),
        max_phrase_tokens=data["max_phrase_tokens"],
        entry_count=data["entry_count"],
    )


class _Senses(Sequence[Sense]):
    """Sense tuples read from the cache, made into ``Sense`` objects when indexed."""

    def __init__(self, rows: list[Any]) -> None:
        self._rows = rows

    def __getitem__(self, index: int) -> Sense:  # type: ignore[override]
        return Sense(*self._rows[index])

    def __len__(self) -> int:
        return len(self._rows)


class _Converted(Mapping[str, V]):
    """A read-only mapping whose plain values are converted when looked up."""

    def __init__(self, raw: dict[str, Any], convert: Callable[[Any], V]) -> None:
        self._raw = raw
        self._convert = convert

    def __getitem__(self, key: str) -> V:
        return self._convert(self._raw[key])

    def __iter__(self) -> Iterator[str]:
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)


def _roles(rows: list[Any]) -> tuple[Role, ...]:
    return tuple(_role(t) for t in rows)


def _role_tuple(role: Role) -> tuple[Any, ...]:
    start = role.valid_from.toordinal() if role.valid_from else None
    end = role.valid_to.toordinal() if role.valid_to else None
    return (role.entry, role.country, role.sector, role.role, start, end, role.wikidata)


def _role(fields: list[Any] | tuple[Any, ...]) -> Role:
    entry, country, sector, office, start, end, wikidata = fields
    return Role(
        entry,
        country,
        sector,
        office,
        dt.date.fromordinal(start) if start is not None else None,
        dt.date.fromordinal(end) if end is not None else None,
        wikidata,
    )
