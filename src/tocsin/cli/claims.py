"""``tocsin claims``: the claims board -- who claims what, who denies or confirms it, and its status.

Reads the store (``--db``, else ``TOCSIN_DB``, else the default from ``tocsin.settings``).
The reporter column is the outlet that carried the claim, with the analyst's Admiralty
grade (A-F) when an outlet grades file is given (``--grades`` or the settings).
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, get_args

import typer

from tocsin.records import ClaimStatus

STATUSES: tuple[str, ...] = get_args(ClaimStatus)


class ClaimsFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"


def _status(value: str | None) -> str | None:
    if value is None:
        return None
    status = value.strip().lower()
    if status not in STATUSES:
        raise typer.BadParameter(
            f"{value!r} is not a claim status; choose one of {', '.join(STATUSES)}", param_hint="--status"
        )
    return status


def _codes(country: str | None, sector: str | None) -> str:
    return " ".join(p for p in (country, sector) if p)


def _party(text: str | None, country: str | None, sector: str | None) -> str:
    codes = _codes(country, sector)
    if text and codes:
        return f"{' '.join(text.split())} ({codes})"
    return text or codes or "unattributed"


def _reporter(row: dict[str, Any], grades: tuple) -> tuple[str, str | None]:
    from tocsin.attribution import grade_outlet

    outlet = row.get("outlet")
    grade = grade_outlet(grades, outlet, row.get("url")) if grades else None
    return outlet or "unknown outlet", grade.grade if grade else None


def board_rows(rows: list[dict[str, Any]], grades: tuple = ()) -> list[dict[str, Any]]:
    """The store's claim rows as the board shows them (also the JSON Lines output)."""
    out = []
    for row in rows:
        reporter, grade = _reporter(row, grades)
        published = row.get("published")
        out.append(
            {
                "claim_id": row.get("claim_id"),
                "article_id": row["article_id"],
                "event_index": row["event_index"],
                "event": row.get("event"),
                "mode": row.get("mode"),
                "date": row.get("date"),
                "factuality": row.get("factuality"),
                "claimant": {
                    "text": row.get("claimant_text"),
                    "country": row.get("claimant_country"),
                    "sector": row.get("claimant_sector"),
                },
                "reporter": {"outlet": reporter, "url": row.get("url"), "grade": grade},
                "published": published.isoformat() if hasattr(published, "isoformat") else published,
                "status": row["status"],
                "stances": row.get("stances", []),
                "evidence": row.get("evidence"),
            }
        )
    return out


def _print_table(board: list[dict[str, Any]]) -> None:
    from rich.console import Console
    from rich.table import Table

    colours = {"contested": "red", "corroborated": "green", "unverified": "yellow"}
    table = Table(header_style="bold", show_lines=True)
    table.add_column("status", no_wrap=True)
    table.add_column("claim")
    table.add_column("claimant")
    table.add_column("reporter")
    table.add_column("stances of others", ratio=1, min_width=16)
    table.add_column("evidence", ratio=3, min_width=24)
    for claim in board:
        event = claim["event"] or ""
        if claim["mode"]:
            event += f" ({claim['mode']})"
        if claim["date"]:
            event += f"\n{claim['date']}"
        cl = claim["claimant"]
        reporter = claim["reporter"]["outlet"]
        if claim["reporter"]["grade"]:
            reporter += f" [{claim['reporter']['grade']}]"
        stances = "\n".join(
            f"{s['stance']}: {_party(s['party']['text'], s['party']['country'], s['party']['sector'])}"
            for s in claim["stances"]
        )
        evidence = " ".join((claim["evidence"] or "").split())
        evidence = evidence if len(evidence) <= 200 else evidence[:197] + "..."
        for s in claim["stances"]:
            answer = " ".join(s["evidence"].split())
            evidence += f"\n[dim]{s['stance']}: {answer[:160]}[/dim]"
        status = claim["status"]
        table.add_row(
            f"[{colours.get(status, 'white')}]{status}[/]",
            event,
            _party(cl["text"], cl["country"], cl["sector"]),
            reporter,
            stances,
            evidence,
        )
    Console().print(table)


Db = Annotated[
    str | None, typer.Option(help="Store URL or SQLite path (default: $TOCSIN_DB, else the user data dir).")
]


def claims(
    status: Annotated[str | None, typer.Option(help=f"One of {', '.join(STATUSES)}.")] = None,
    claimant: Annotated[
        str | None, typer.Option(help="Claimant country code (BLR) or words of its name ('ministry').")
    ] = None,
    db: Db = None,
    format: Annotated[
        ClaimsFormat, typer.Option("--format", "-f", help="Output format.")
    ] = ClaimsFormat.table,
    grades: Annotated[
        Path | None, typer.Option(help="Outlet grades CSV (pattern,grade,note) for the reporter column.")
    ] = None,
) -> None:
    """List claims with their claimant, reporter, the stances of other parties and status."""
    from tocsin.attribution import load_outlet_grades
    from tocsin.settings import Settings, default_db_url
    from tocsin.store import Store

    wanted = _status(status)
    grades_file = grades or Settings().outlet_grades_file
    outlet_grades = load_outlet_grades(grades_file) if grades_file else ()
    with Store.open(db or default_db_url()) as store:
        rows = store.claims(status=wanted, claimant=claimant)
        counts = store.counts() if not rows else {}
        url = store.url
    board = board_rows(rows, outlet_grades)
    if not board:
        if counts.get("articles", 0) == 0:
            typer.secho(
                f"no claims: the store {url} is empty; run `tocsin ingest` first", fg="yellow", err=True
            )
        else:
            typer.secho(f"no claims match ({counts.get('claims', 0)} claims stored)", fg="yellow", err=True)
        return
    if format is ClaimsFormat.table:
        _print_table(board)
        return
    for claim in board:
        sys.stdout.write(json.dumps(claim, ensure_ascii=False, default=str) + "\n")
