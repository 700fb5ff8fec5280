"""Event and claim queries: each filter, on both backends."""

from __future__ import annotations

import datetime as dt

import pytest

from tocsin.errors import StoreError
from tocsin.store import EVENT_COLUMN_NAMES, Store

BLR_MOBILIZE = "a1b2c3d4e5f60718:0"
BLR_ASSAULT = "a1b2c3d4e5f60718:1"
RUS_SHELLING = "0f1e2d3c4b5a6978:0"
TALKS = "9988776655443322:0"


def _ids(rows: list[dict]) -> set[str]:
    return {r["event_id"] for r in rows}


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, {BLR_MOBILIZE, BLR_ASSAULT, RUS_SHELLING, TALKS}),
        ({"actor": "BLR"}, {BLR_MOBILIZE, BLR_ASSAULT}),
        ({"actor": "blr"}, {BLR_MOBILIZE, BLR_ASSAULT}),
        ({"actor": "RUS:MIL"}, {RUS_SHELLING}),
        ({"actor": "RUS:GOV"}, set()),
        # Any actor of the event matches, not only the first.
        ({"actor": "LTU"}, {TALKS}),
        ({"actor": "UKR"}, set()),
        ({"recipient": "UKR"}, {BLR_MOBILIZE, BLR_ASSAULT}),
        ({"recipient": "UKR:GOV"}, {BLR_ASSAULT}),
        ({"actor": "BLR", "recipient": "UKR:GOV"}, {BLR_ASSAULT}),
        ({"event_type": "ASSAULT"}, {BLR_ASSAULT, RUS_SHELLING}),
        ({"event_type": "assault"}, {BLR_ASSAULT, RUS_SHELLING}),
        ({"event_type": "PROTEST"}, set()),
        ({"factuality": "claimed"}, {BLR_MOBILIZE, RUS_SHELLING}),
        ({"factuality": "denied"}, {BLR_ASSAULT}),
        ({"since": dt.date(2024, 1, 1)}, {BLR_MOBILIZE, BLR_ASSAULT}),
        ({"until": dt.date(2024, 1, 1)}, {RUS_SHELLING}),
        # Spring 2023 is March-May: a window inside it or touching it overlaps.
        ({"since": dt.date(2023, 5, 31), "until": dt.date(2023, 6, 30)}, {RUS_SHELLING}),
        ({"since": dt.date(2023, 6, 1), "until": dt.date(2023, 12, 31)}, set()),
        ({"since": dt.date(2024, 6, 28), "until": dt.date(2024, 6, 28)}, {BLR_MOBILIZE, BLR_ASSAULT}),
        ({"event_type": "ASSAULT", "since": dt.date(2024, 1, 1)}, {BLR_ASSAULT}),
    ],
)
def test_event_filters(read_store: Store, filters: dict, expected: set[str]) -> None:
    assert _ids(read_store.events(**filters)) == expected


def test_undated_events_are_left_out_of_date_windows(read_store: Store) -> None:
    assert TALKS in _ids(read_store.events())
    assert TALKS not in _ids(read_store.events(since=dt.date(1900, 1, 1)))


def test_events_are_ordered_by_date_undated_last(read_store: Store) -> None:
    assert [r["event_id"] for r in read_store.events()] == [RUS_SHELLING, BLR_MOBILIZE, BLR_ASSAULT, TALKS]


@pytest.mark.parametrize(("limit", "n"), [(0, 0), (1, 1), (3, 3), (10, 4)])
def test_events_limit(read_store: Store, limit: int, n: int) -> None:
    assert len(read_store.events(limit=limit)) == n


def test_negative_limit_is_a_store_error(read_store: Store) -> None:
    with pytest.raises(StoreError, match="limit"):
        read_store.events(limit=-1)


def test_event_row_carries_everything(read_store: Store) -> None:
    (row,) = [r for r in read_store.events() if r["event_id"] == BLR_MOBILIZE]
    assert list(row) == list(EVENT_COLUMN_NAMES)
    assert row["url"] == "https://news.example/blr-troops"
    assert row["outlet"] == "Example News"
    assert row["published"] == dt.date(2024, 6, 29)
    assert (row["event"], row["mode"], row["context"]) == ("MOBILIZE", None, ["military"])
    assert row["actor_country"] == ["BLR"] and row["actor_sector"] == ["GOV"]
    assert row["recipient_text"] == ["Ukraine"] and row["recipient_sector"] == [None]
    assert row["location_geonameid"] == "tocsin:border:BLR-UKR"
    assert row["location_feature"] == "border"
    assert row["location_countries"] == ["BLR", "UKR"]
    assert _blr_text()[row["location_start"] : row["location_end"]] == row["location_text"]
    assert (row["location_lat"], row["location_lon"]) == (51.5, 27.0)
    assert (row["date"], row["date_precision"], row["date_source"]) == ("2024-06-28", "day", "sentence")
    assert row["date_start"] == row["date_end"] == dt.date(2024, 6, 28)
    assert (row["factuality"], row["historical"]) == ("claimed", False)
    assert (row["claimant_country"], row["claimant_sector"]) == ("BLR", "MIL")
    assert row["cameo"] == "1512"
    assert row["evidence"].startswith("Belarus moved troops")
    assert row["evidence"] == _blr_text()[row["sentence_start"] : row["sentence_end"]]
    assert _blr_text()[row["trigger_start"] : row["trigger_end"]] == row["trigger"] == "moved"
    assert row["coder"] == "tocsin.events.rules.v1:mobilize.troops_to"
    assert row["confidence"] == pytest.approx(0.82)


def _blr_text() -> str:
    from tests.store.conftest import BLR_TEXT

    return BLR_TEXT


def test_historical_flag_round_trips(read_store: Store) -> None:
    (row,) = read_store.events(actor="RUS")
    assert row["historical"] is True
    assert (row["date_start"], row["date_end"]) == (dt.date(2023, 3, 1), dt.date(2023, 5, 31))


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, {"a1b2c3d4e5f60718:c0", "0f1e2d3c4b5a6978:c0"}),
        ({"status": "contested"}, {"a1b2c3d4e5f60718:c0"}),
        ({"status": "unverified"}, {"0f1e2d3c4b5a6978:c0"}),
        ({"status": "corroborated"}, set()),
        ({"claimant": "UKR"}, {"0f1e2d3c4b5a6978:c0"}),
        ({"claimant": "defence ministry"}, {"a1b2c3d4e5f60718:c0"}),
        ({"claimant": "Ukrainian"}, {"0f1e2d3c4b5a6978:c0"}),
        ({"claimant": "100%_"}, set()),
        ({"claimant": "BLR", "status": "unverified"}, set()),
    ],
)
def test_claim_filters(read_store: Store, filters: dict, expected: set[str]) -> None:
    assert {c["claim_id"] for c in read_store.claims(**filters)} == expected


def test_claim_row_has_its_event_and_stances(read_store: Store) -> None:
    (claim,) = read_store.claims(status="contested")
    assert claim["event"] == "MOBILIZE"
    assert claim["event_index"] == 0
    assert claim["claimant_text"] == "the defence ministry"
    assert claim["url"] == "https://news.example/blr-troops"
    (stance,) = claim["stances"]
    assert stance["stance"] == "denies"
    assert stance["party"]["country"] == "UKR"
    assert stance["event_index"] == 1
    (plain,) = read_store.claims(status="unverified")
    assert plain["stances"] == []


def test_event_rows_carry_the_claims_board(read_store: Store) -> None:
    from tests.store.conftest import blr_article, rus_article, talks_article
    from tocsin.store.rows import flat_event_row

    by_id = {r["event_id"]: r for r in read_store.events()}
    contested = by_id["a1b2c3d4e5f60718:0"]
    assert contested["claim_status"] == "contested"
    assert contested["claim_stances"] == ["denies UKR GOV"]
    assert by_id["a1b2c3d4e5f60718:1"]["claim_status"] is None
    assert by_id["a1b2c3d4e5f60718:1"]["claim_stances"] == []
    # The Python API builds the same row from the records, without a store.
    for coded in (blr_article(), rus_article(), talks_article()):
        for ev in coded.events:
            row = flat_event_row(coded, ev)
            stored = by_id[row["event_id"]]
            assert (row["claim_status"], row["claim_stances"]) == (
                stored["claim_status"],
                stored["claim_stances"],
            )


@pytest.mark.parametrize("batch_size", [1, 3, 1000])
def test_iter_events_streams_the_same_rows(read_store: Store, batch_size: int) -> None:
    from tocsin.store import EventFilter

    streamed = list(read_store.iter_events(EventFilter(event_type="ASSAULT"), batch_size=batch_size))
    assert streamed == read_store.events(event_type="ASSAULT")
    assert len(streamed) == 2


def test_events_of_one_article(read_store: Store) -> None:
    assert _ids(read_store.events(article_id="a1b2c3d4e5f60718")) == {BLR_MOBILIZE, BLR_ASSAULT}
    assert read_store.events(article_id="unknown") == []


def test_one_article_with_its_text(read_store: Store) -> None:
    from tests.store.conftest import RUS_TEXT

    article = read_store.article("0f1e2d3c4b5a6978")
    assert article is not None
    assert article["text"] == RUS_TEXT
    assert article["event_count"] == 1
    assert read_store.article("unknown") is None
    assert all("text" not in a for a in read_store.articles())
