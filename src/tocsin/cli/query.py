"""``tocsin events`` and ``tocsin export``: query the store, print or write flat event rows.

The store is ``--db``, else ``TOCSIN_DB``, else the default from ``tocsin.settings``.
"""

from __future__ import annotations

import datetime as dt
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, get_args

import typer

from tocsin.records import Factuality

if TYPE_CHECKING:
    from tocsin.store import EventFilter, Store

FACTUALITIES: tuple[str, ...] = get_args(Factuality)
# Rows shown by `tocsin events` when no --limit is given (a table of 10,000 rows helps nobody).
DEFAULT_LIMIT = 100


class ListFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


class ExportFormat(StrEnum):
    csv = "csv"
    jsonl = "jsonl"
    parquet = "parquet"
    geojson = "geojson"


def _day(value: str | None, option: str, *, end: bool) -> dt.date | None:
    """``2024-06-28``, ``2024-06`` or ``2024``: --since takes the first day, --until the last."""
    if value is None:
        return None
    from tocsin.store.dates import day_range

    first, last = day_range(value.strip())
    if first is None or last is None:
        raise typer.BadParameter(
            f"{value!r} is not a date; use YYYY-MM-DD, YYYY-MM or YYYY", param_hint=option
        )
    return last if end else first


def _factuality(value: str | None) -> str | None:
    if value is not None and value.strip().lower() not in FACTUALITIES:
        raise typer.BadParameter(
            f"{value!r} is not a factuality; choose one of {', '.join(FACTUALITIES)}",
            param_hint="--factuality",
        )
    return value.strip().lower() if value else None


def _db_url(db: str | None) -> str:
    from tocsin.settings import default_db_url

    return db or default_db_url()  # default_db_url() already honours TOCSIN_DB


def _filters(
    *,
    actor: str | None,
    recipient: str | None,
    type_: str | None,
    factuality: str | None,
    since: str | None,
    until: str | None,
    limit: int,
) -> EventFilter:
    """The options as a store filter; bad values are usage errors (exit 2)."""
    from tocsin.store import EventFilter

    return EventFilter(
        actor=actor,
        recipient=recipient,
        event_type=type_,
        factuality=_factuality(factuality),
        since=_day(since, "--since", end=False),
        until=_day(until, "--until", end=True),
        limit=limit or None,  # 0 means no limit
    )


def _hint_empty(store: Store) -> None:
    counts, url = store.counts(), store.url
    if counts["articles"] == 0:
        typer.secho(f"no events: the store {url} is empty; run `tocsin ingest` first", fg="yellow", err=True)
    else:
        typer.secho(
            f"no events match ({counts.get('events', 0)} events in {counts['articles']} articles stored)",
            fg="yellow",
            err=True,
        )


def _party(row: dict[str, Any], role: str) -> str:
    pairs = zip(row[f"{role}_country"], row[f"{role}_sector"], strict=True)
    return ", ".join(" ".join(p for p in pair if p) or "?" for pair in pairs)


def _print_table(rows: list[dict[str, Any]]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(header_style="bold", show_lines=False)
    # The evidence sentence gets most of the width; codes wrap at spaces on narrow terminals.
    table.add_column("date", no_wrap=True)
    table.add_column("event")
    table.add_column("actor → recipient")
    table.add_column("place", ratio=1, min_width=8)
    table.add_column("factuality (claimant)")
    table.add_column("evidence", ratio=3, min_width=24)
    for row in rows:
        event = row["event"] + (f" ({row['mode']})" if row["mode"] else "")
        parties = _party(row, "actor") + (
            f" → {_party(row, 'recipient')}" if row["recipient_country"] else ""
        )
        claimant = " ".join(p for p in (row["claimant_country"], row["claimant_sector"]) if p)
        claimant = claimant or row["claimant_text"] or ""
        factuality = " ".join(
            p
            for p in (
                row["factuality"],
                "historical" if row["historical"] else "",
                f"({claimant})" * bool(claimant),
            )
            if p
        )
        evidence = " ".join(row["evidence"].split())  # line breaks in the source would waste rows
        evidence = evidence if len(evidence) <= 160 else evidence[:157] + "..."
        table.add_row(
            row["date"] or "",
            event,
            parties,
            row["location_name"] or "",
            factuality,
            evidence + (f" [dim]({row['outlet']})[/dim]" if row["outlet"] else ""),
        )
    Console().print(table)


Actor = Annotated[
    str | None, typer.Option(help="Actor country code (BLR) or code:sector (RUS:MIL); matches any actor.")
]
Recipient = Annotated[str | None, typer.Option(help="Recipient country code or code:sector.")]
EventType = Annotated[str | None, typer.Option("--type", help="PLOVER event type, e.g. ASSAULT.")]
Since = Annotated[str | None, typer.Option(help="Events dated on or after (YYYY-MM-DD, YYYY-MM, YYYY).")]
Until = Annotated[str | None, typer.Option(help="Events dated on or before (YYYY-MM-DD, YYYY-MM, YYYY).")]
FactualityOpt = Annotated[str | None, typer.Option(help=f"One of {', '.join(FACTUALITIES)}.")]
Db = Annotated[
    str | None, typer.Option(help="Store URL or SQLite path (default: $TOCSIN_DB, else the user data dir).")
]


def events(
    actor: Actor = None,
    recipient: Recipient = None,
    type_: EventType = None,
    since: Since = None,
    until: Until = None,
    factuality: FactualityOpt = None,
    limit: Annotated[int, typer.Option(min=0, help="Most rows to show; 0 for all.")] = DEFAULT_LIMIT,
    format: Annotated[ListFormat, typer.Option("--format", "-f", help="Output format.")] = ListFormat.table,
    db: Db = None,
) -> None:
    """List stored events, filtered; as a table, JSON Lines or CSV."""
    from tocsin.store import Store

    f = _filters(
        actor=actor,
        recipient=recipient,
        type_=type_,
        factuality=factuality,
        since=since,
        until=until,
        limit=limit,
    )
    with Store.open(_db_url(db)) as store:
        if format is ListFormat.table:
            rows = list(store.iter_events(f))
            if rows:
                _print_table(rows)
            written = len(rows)
            if f.limit and written == f.limit:
                typer.secho(f"showing the first {written} events; --limit 0 shows all", fg="yellow", err=True)
        else:
            from tocsin.export import write_rows

            written = write_rows(store.iter_events(f), format.value, sys.stdout)
        if not written:
            _hint_empty(store)


def export(
    out: Annotated[Path, typer.Option("--out", "-o", help="File to write; its suffix gives the format.")],
    format: Annotated[
        ExportFormat | None,
        typer.Option("--format", "-f", help="Override the format given by --out's suffix."),
    ] = None,
    db: Db = None,
    actor: Actor = None,
    recipient: Recipient = None,
    type_: EventType = None,
    since: Since = None,
    until: Until = None,
    factuality: FactualityOpt = None,
    limit: Annotated[int, typer.Option(min=0, help="Most events to write; 0 for all.")] = 0,
) -> None:
    """Export stored events as CSV, JSON Lines, Parquet or GeoJSON (events with coordinates)."""
    from tocsin.export import export_events, format_for
    from tocsin.store import Store

    fmt = format.value if format else format_for(out)
    f = _filters(
        actor=actor,
        recipient=recipient,
        type_=type_,
        factuality=factuality,
        since=since,
        until=until,
        limit=limit,
    )
    with Store.open(_db_url(db)) as store:
        # Streamed from the store to the file: an export never holds every row in memory.
        summary = export_events(store.iter_events(f), fmt, out)
        if not summary.written and not summary.skipped:
            _hint_empty(store)
    note = f" ({summary.skipped} without a location left out)" if summary.skipped else ""
    typer.echo(f"wrote {summary.written} events to {summary.path} as {fmt}{note}", err=True)
