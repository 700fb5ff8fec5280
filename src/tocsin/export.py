"""Write event rows (from ``Store.events``) as CSV, JSON Lines, Parquet or GeoJSON.

Pure writers: rows in, one file out. Columns and their types come from
``tocsin.store.columns.EVENT_COLUMNS``, so every format has the same fixed
columns in the same order. A file is written next to its target and renamed
into place, so a failed export never leaves half a file behind.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any, TextIO

from tocsin.errors import ConfigError, TocsinError
from tocsin.store.columns import EVENT_COLUMN_NAMES, EVENT_COLUMNS

FORMATS: tuple[str, ...] = ("csv", "jsonl", "parquet", "geojson")
SUFFIXES: dict[str, str] = {
    ".csv": "csv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".parquet": "parquet",
    ".pq": "parquet",
    ".geojson": "geojson",
}
# Separator for list columns (actors, contexts...) in CSV; lists keep their order.
CSV_LIST_SEPARATOR = ";"
_PARQUET_BATCH = 10_000

Row = Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class ExportSummary:
    format: str
    path: Path
    written: int
    # Events left out: in GeoJSON, those without coordinates.
    skipped: int = 0


def format_for(path: Path) -> str:
    """The export format a file name implies (``events.parquet`` -> ``parquet``)."""
    fmt = SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        known = ", ".join(sorted(SUFFIXES))
        raise ConfigError(
            f"cannot tell the export format from {path.name!r}; use a suffix ({known}) or --format"
        )
    return fmt


def export_events(rows: Iterable[Row], fmt: str, out: Path) -> ExportSummary:
    """Write ``rows`` to ``out`` in ``fmt`` (csv, jsonl, parquet, geojson)."""
    writer = _WRITERS.get(fmt)
    if writer is None:
        raise ConfigError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    out = Path(out)
    tmp = out.with_name(f".{out.name}.partial")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        written, skipped = writer(rows, tmp)
        os.replace(tmp, out)
    except OSError as err:
        raise TocsinError(f"cannot write export {out}: {err.strerror or err}") from None
    finally:
        tmp.unlink(missing_ok=True)
    return ExportSummary(format=fmt, path=out, written=written, skipped=skipped)


def _plain(value: Any) -> Any:
    """A JSON-ready value: dates as ISO 8601 strings."""
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _json_row(row: Row) -> dict[str, Any]:
    return {name: _plain(row.get(name)) for name in EVENT_COLUMN_NAMES}


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return CSV_LIST_SEPARATOR.join("" if v is None else str(v) for v in value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _csv_to(rows: Iterable[Row], stream: TextIO) -> int:
    n = 0
    writer = csv.writer(stream)
    writer.writerow(EVENT_COLUMN_NAMES)
    for row in rows:
        writer.writerow([_csv_cell(row.get(name)) for name in EVENT_COLUMN_NAMES])
        n += 1
    return n


def _jsonl_to(rows: Iterable[Row], stream: TextIO) -> int:
    n = 0
    for row in rows:
        stream.write(json.dumps(_json_row(row), ensure_ascii=False) + "\n")
        n += 1
    return n


def _write_csv(rows: Iterable[Row], path: Path) -> tuple[int, int]:
    with path.open("w", encoding="utf-8", newline="") as fh:
        return _csv_to(rows, fh), 0


def _write_jsonl(rows: Iterable[Row], path: Path) -> tuple[int, int]:
    with path.open("w", encoding="utf-8") as fh:
        return _jsonl_to(rows, fh), 0


def parquet_schema() -> Any:
    """The fixed Arrow schema of a Parquet export."""
    import pyarrow as pa

    types = {
        "str": pa.string(),
        "int": pa.int64(),
        "float": pa.float64(),
        "bool": pa.bool_(),
        "date": pa.date32(),
        "list": pa.list_(pa.string()),
    }
    return pa.schema(
        [pa.field(name, types[kind]) for name, kind in EVENT_COLUMNS],
        metadata={"tocsin.export": "events", "tocsin.export.version": "1"},
    )


def _batches(rows: Iterable[Row], size: int) -> Iterator[list[Row]]:
    it = iter(rows)
    while batch := list(islice(it, size)):
        yield batch


def _write_parquet(rows: Iterable[Row], path: Path) -> tuple[int, int]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema()
    n = 0
    with pq.ParquetWriter(path, schema) as writer:
        for batch in _batches(rows, _PARQUET_BATCH):
            columns = {name: [row.get(name) for row in batch] for name in EVENT_COLUMN_NAMES}
            writer.write_table(pa.Table.from_pydict(columns, schema=schema))
            n += len(batch)
        if n == 0:
            writer.write_table(schema.empty_table())
    return n, 0


def _feature(row: Row) -> dict[str, Any] | None:
    lat, lon = row.get("location_lat"), row.get("location_lon")
    if lat is None or lon is None:
        return None
    return {
        "type": "Feature",
        "id": row.get("event_id"),
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
        "properties": _json_row(row),
    }


def _write_geojson(rows: Iterable[Row], path: Path) -> tuple[int, int]:
    # Streamed feature by feature so a large export never sits in memory as one dict.
    written = skipped = 0
    with path.open("w", encoding="utf-8") as fh:
        fh.write('{"type": "FeatureCollection", "features": [\n')
        for row in rows:
            feature = _feature(row)
            if feature is None:
                skipped += 1
                continue
            fh.write((",\n" if written else "") + json.dumps(feature, ensure_ascii=False))
            written += 1
        # A foreign member (RFC 7946 section 6.1): how many events had no coordinates.
        fh.write(f'\n], "tocsin": {{"events_without_location": {skipped}}}}}\n')
    return written, skipped


_WRITERS: dict[str, Callable[[Iterable[Row], Path], tuple[int, int]]] = {
    "csv": _write_csv,
    "jsonl": _write_jsonl,
    "parquet": _write_parquet,
    "geojson": _write_geojson,
}


def write_rows(rows: Iterable[Row], fmt: str, stream: TextIO) -> int:
    """Write rows as ``csv`` or ``jsonl`` to an open text stream (the CLI's stdout)."""
    streamers = {"csv": _csv_to, "jsonl": _jsonl_to}
    if fmt not in streamers:
        raise ConfigError(f"cannot stream format {fmt!r}; choose csv or jsonl")
    return streamers[fmt](rows, stream)
