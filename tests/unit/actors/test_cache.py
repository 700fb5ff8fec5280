"""The built dictionary cache: same results as a fresh build, rebuilt when a file changes."""

from __future__ import annotations

import datetime as dt
import pickle
from pathlib import Path

import pytest

from tocsin.actors import load_actor_dictionary, resolve_actors
from tocsin.actors.cache import cache_path, read_cache, write_cache
from tocsin.actors.loading import build_actor_dictionary

SMALL = "\n".join(
    [
        '{"id": "c:blr", "iso3": "BLR", "names": ["Belarus"], "demonyms": ["Belarusian"], '
        '"capitals": ["Minsk"]}',
        '{"id": "a:officials", "names": ["official", "officials"], "sector": "GOV"}',
        '{"id": "a:president", "names": ["president"], "sector": "GOV", "title": true}',
        '{"id": "p:khrenin", "name": "Viktor Khrenin", "country": "BLR", "sector": "MIL", '
        '"valid_from": "2019-01-20", "valid_to": null}',
        '{"id": "p:khrenin:old", "name": "Viktor Khrenin", "country": "BLR", "sector": "ELI", '
        '"valid_from": null, "valid_to": "2019-01-19"}',
    ]
)
TEXTS = (
    "Minsk said Belarusian officials met Viktor Khrenin.",
    "Viktor Khrenin spoke. Later Khrenin left for Belarus.",
)


@pytest.fixture
def small_file(tmp_path: Path) -> Path:
    path = tmp_path / "small.jsonl"
    path.write_text(SMALL + "\n", encoding="utf-8")
    return path


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "cache"
    monkeypatch.setenv("TOCSIN_CACHE_DIR", str(home))
    return home


@pytest.mark.parametrize("on", [None, dt.date(2018, 5, 1), dt.date(2024, 5, 1)])
@pytest.mark.parametrize("text", TEXTS)
def test_cached_dictionary_resolves_like_the_built_one(
    nlp, small_file: Path, cache_home: Path, text: str, on: dt.date | None
) -> None:
    built = build_actor_dictionary([small_file])
    path = cache_path([small_file])
    write_cache(path, built)
    cached = read_cache(path)
    assert cached is not None
    doc = nlp(text)
    expected = resolve_actors(doc, built, on=on)
    assert expected  # the texts do name actors
    assert resolve_actors(doc, cached, on=on) == expected
    # A cached dictionary still pickles for batch workers.
    assert resolve_actors(doc, pickle.loads(pickle.dumps(cached)), on=on) == expected


def test_editing_a_file_changes_the_cache_key(small_file: Path, cache_home: Path) -> None:
    before = cache_path([small_file])
    police = '{"id": "a:police", "names": ["police"], "sector": "COP"}'
    small_file.write_text(f"{SMALL}\n{police}\n", encoding="utf-8")
    after = cache_path([small_file])
    assert before != after
    assert before.parent == after.parent == cache_home


@pytest.mark.parametrize("content", [b"", b"\x00garbage", b"\xe9"])
def test_unreadable_cache_is_rebuilt_not_an_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "actors-x.marshal"
    path.write_bytes(content)
    assert read_cache(path) is None
    assert read_cache(tmp_path / "missing.marshal") is None


def test_second_load_reads_the_cache_and_matches_a_fresh_build(
    nlp, small_file: Path, cache_home: Path
) -> None:
    first = load_actor_dictionary(extra_files=(small_file,))
    assert list(cache_home.glob("actors-*.marshal"))
    second = load_actor_dictionary(extra_files=(small_file,))
    fresh = load_actor_dictionary(extra_files=(small_file,), use_cache=False)
    doc = nlp("Russia's Security Council and Belarusian officials met Viktor Khrenin in Minsk.")
    assert resolve_actors(doc, second, on=None) == resolve_actors(doc, fresh, on=None)
    assert resolve_actors(doc, first, on=None) == resolve_actors(doc, fresh, on=None)
    assert second.entry_count == fresh.entry_count
