"""Exports: each format written from store rows and read back."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tocsin.errors import ConfigError
from tocsin.export import export_events, format_for, parquet_schema
from tocsin.store import EVENT_COLUMN_NAMES, Store


def test_csv_round_trip(read_store: Store, tmp_path: Path) -> None:
    rows = read_store.events()
    summary = export_events(rows, "csv", tmp_path / "events.csv")
    assert (summary.written, summary.skipped) == (4, 0)
    with (tmp_path / "events.csv").open(newline="", encoding="utf-8") as fh:
        read = list(csv.DictReader(fh))
    assert list(read[0]) == list(EVENT_COLUMN_NAMES)
    assert [r["event_id"] for r in read] == [r["event_id"] for r in rows]
    talks = read[-1]
    assert talks["actor_country"] == "POL;LTU"
    assert talks["location_lat"] == ""
    mobilize = read[1]
    assert mobilize["published"] == "2024-06-29"
    assert mobilize["historical"] == "false"
    assert mobilize["location_countries"] == "BLR;UKR"
    assert float(mobilize["confidence"]) == pytest.approx(0.82)


def test_jsonl_round_trip(read_store: Store, tmp_path: Path) -> None:
    rows = read_store.events()
    export_events(rows, "jsonl", tmp_path / "events.jsonl")
    read = [json.loads(line) for line in (tmp_path / "events.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(read) == 4
    assert list(read[0]) == list(EVENT_COLUMN_NAMES)
    assert read[-1]["actor_country"] == ["POL", "LTU"]
    assert read[0]["date_start"] == "2023-03-01"
    assert read[0]["historical"] is True


def test_parquet_round_trip_has_the_fixed_schema(read_store: Store, tmp_path: Path) -> None:
    export_events(read_store.events(), "parquet", tmp_path / "events.parquet")
    table = pq.read_table(tmp_path / "events.parquet")
    assert table.schema.equals(parquet_schema(), check_metadata=False)
    assert table.num_rows == 4
    assert table.schema.field("published").type == pa.date32()
    assert table.schema.field("actor_country").type == pa.list_(pa.string())
    data = table.to_pylist()
    assert data[-1]["actor_country"] == ["POL", "LTU"]
    assert data[-1]["location_lat"] is None
    assert data[1]["recipient_sector"] == [None]


def test_empty_parquet_still_has_the_schema(tmp_path: Path) -> None:
    summary = export_events([], "parquet", tmp_path / "none.parquet")
    table = pq.read_table(tmp_path / "none.parquet")
    assert summary.written == table.num_rows == 0
    assert table.schema.names == list(EVENT_COLUMN_NAMES)


def test_geojson_keeps_located_events_and_counts_the_rest(read_store: Store, tmp_path: Path) -> None:
    summary = export_events(read_store.events(), "geojson", tmp_path / "events.geojson")
    assert (summary.written, summary.skipped) == (2, 2)
    collection = json.loads((tmp_path / "events.geojson").read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection"
    assert collection["tocsin"] == {"events_without_location": 2}
    features = {f["id"]: f for f in collection["features"]}
    assert set(features) == {"0f1e2d3c4b5a6978:0", "a1b2c3d4e5f60718:0"}
    kharkiv = features["0f1e2d3c4b5a6978:0"]
    assert kharkiv["geometry"] == {"type": "Point", "coordinates": [36.25, 49.98]}
    assert kharkiv["properties"]["location_name"] == "Kharkiv"


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "geojson"])
def test_empty_exports_are_valid_files(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"none.{fmt}"
    assert export_events([], fmt, out).written == 0
    body = out.read_text(encoding="utf-8")
    if fmt == "geojson":
        assert json.loads(body)["features"] == []
    elif fmt == "csv":
        assert body.strip().split(",") == list(EVENT_COLUMN_NAMES)
    else:
        assert body == ""


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("a.csv", "csv"),
        ("a.JSONL", "jsonl"),
        ("a.ndjson", "jsonl"),
        ("a.parquet", "parquet"),
        ("a.geojson", "geojson"),
    ],
)
def test_format_from_suffix(name: str, fmt: str) -> None:
    assert format_for(Path(name)) == fmt


def test_unknown_suffix_and_format_are_config_errors(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="suffix"):
        format_for(Path("events.xlsx"))
    with pytest.raises(ConfigError, match="csv, jsonl, parquet, geojson"):
        export_events([], "xlsx", tmp_path / "events.xlsx")
    assert not (tmp_path / "events.xlsx").exists()


def test_failed_export_leaves_no_partial_file(tmp_path: Path) -> None:
    def rows():
        yield {"event_id": "x:0"}
        raise RuntimeError("store went away")

    with pytest.raises(RuntimeError):
        export_events(rows(), "jsonl", tmp_path / "events.jsonl")
    assert list(tmp_path.iterdir()) == []
