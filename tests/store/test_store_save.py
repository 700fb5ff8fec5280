"""Saving coded articles: one transaction each, idempotent, nothing half-written."""

from __future__ import annotations

import dataclasses

import pytest

from tests.store.conftest import blr_article, rus_article, talks_article
from tocsin.errors import StoreError
from tocsin.records import Claim, CodedArticle
from tocsin.store import Store


def test_save_returns_true_once_then_false(store: Store) -> None:
    coded = blr_article()
    assert store.save(coded) is True
    assert store.save(coded) is False
    assert store.counts()["articles"] == 1
    assert store.counts()["events"] == 2


def test_resaving_never_duplicates_any_row(filled_store: Store, sample_articles: list[CodedArticle]) -> None:
    before = filled_store.counts()
    assert [filled_store.save(c) for c in sample_articles] == [False, False, False]
    assert filled_store.counts() == before


def test_counts_cover_every_record(read_store: Store) -> None:
    assert read_store.counts() == {
        "articles": 3,
        "actor_mentions": 8,
        "place_mentions": 2,
        "time_mentions": 1,
        "events": 4,
        "event_actors": 8,
        "claims": 2,
        "stances": 1,
    }


def test_empty_store_counts_zero(store: Store) -> None:
    counts = store.counts()
    assert counts["articles"] == 0
    assert set(counts.values()) == {0}


@pytest.mark.parametrize(
    ("asked", "known"),
    [
        ([], set()),
        (["nope"], set()),
        (["a1b2c3d4e5f60718", "nope"], {"a1b2c3d4e5f60718"}),
        (["a1b2c3d4e5f60718", "0f1e2d3c4b5a6978", "9988776655443322"], None),
    ],
)
def test_known_article_ids(read_store: Store, asked: list[str], known: set[str] | None) -> None:
    assert read_store.known_article_ids(asked) == (set(asked) if known is None else known)


def test_known_article_ids_beyond_one_chunk(read_store: Store) -> None:
    # More ids than one IN (...) list holds: the answer must still come back whole.
    asked = [f"missing{i:05d}" for i in range(1200)] + ["9988776655443322"]
    assert read_store.known_article_ids(asked) == {"9988776655443322"}


def test_failed_save_writes_nothing(store: Store) -> None:
    # The second claim points at an event that does not exist: the whole article is refused.
    coded = blr_article()
    broken = dataclasses.replace(
        coded, claims=(*coded.claims, Claim(event_index=7, claimant=None, status="unverified"))
    )
    with pytest.raises(StoreError, match="event index"):
        store.save(broken)
    assert store.counts()["articles"] == 0
    assert store.save(coded) is True


def test_duplicate_event_index_is_refused_with_the_article_id(store: Store) -> None:
    coded = blr_article()
    first, second = coded.events
    twins = dataclasses.replace(coded, events=(first, dataclasses.replace(second, index=0)), claims=())
    with pytest.raises(StoreError, match=coded.article.id):
        store.save(twins)
    assert store.known_article_ids([coded.article.id]) == set()


def test_saved_article_round_trips(read_store: Store) -> None:
    by_id = {a["id"]: a for a in read_store.articles()}
    blr = by_id["a1b2c3d4e5f60718"]
    assert blr["url"] == "https://news.example/blr-troops"
    assert blr["outlet"] == "Example News"
    assert blr["published"].isoformat() == "2024-06-29"
    assert blr["event_count"] == 2
    assert blr["stored_at"].tzinfo is not None
    assert by_id["9988776655443322"]["published"] is None


def test_articles_limit(read_store: Store) -> None:
    assert len(read_store.articles(limit=2)) == 2
    assert len(read_store.articles()) == 3


def test_two_stores_on_one_url_see_each_other(store_url: str) -> None:
    with Store.open(store_url) as first, Store.open(store_url) as second:
        assert first.save(rus_article())
        assert second.save(rus_article()) is False
        assert second.save(talks_article())
        assert first.counts()["articles"] == 2


def _hammer(store: Store) -> None:
    """Four threads save ten articles, thirty times in all, reading between saves."""
    from concurrent.futures import ThreadPoolExecutor

    base = blr_article()

    def work(i: int) -> int:
        art = dataclasses.replace(base.article, id=f"thread{i % 10}")
        store.save(dataclasses.replace(base, article=art))
        return len(store.events())

    with ThreadPoolExecutor(4) as pool:
        assert max(pool.map(work, range(30))) == 20
    assert store.counts()["articles"] == 10
    assert store.integrity_check() == []


def test_threads_share_one_store(store: Store) -> None:
    # A web server's worker threads share one Store.
    _hammer(store)


def test_threads_share_an_in_memory_store() -> None:
    # In memory there is one connection: the store must make the threads take turns.
    with Store.open("sqlite://") as store:
        _hammer(store)


def test_nul_characters_are_stored_without_moving_offsets(store: Store) -> None:
    # JSON input can carry "\u0000"; PostgreSQL text cannot hold it, so it becomes U+FFFD.
    coded = talks_article()
    text = coded.article.text.replace(" on ", " on\x00", 1)
    art = dataclasses.replace(coded.article, text=text, title="a\x00title")
    events = tuple(dataclasses.replace(e, evidence=text) for e in coded.events)
    assert store.save(dataclasses.replace(coded, article=art, events=events))
    (row,) = store.events()
    assert len(row["evidence"]) == len(text)
    assert row["evidence"].replace("\ufffd", "\x00") == text
    assert store.integrity_check() == []
