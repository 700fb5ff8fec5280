"""`tocsin events` and `tocsin export` against a filled store on each backend."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest
import typer
from typer.testing import CliRunner

from tocsin.cli.query import events, export
from tocsin.store import Store


@pytest.fixture
def cli() -> typer.Typer:
    app = typer.Typer()
    app.command("events")(events)
    app.command("export")(export)
    return app


@pytest.fixture
def filled_url(read_store: Store) -> str:
    return read_store.url


def _run(cli: typer.Typer, *args: str, env: dict[str, str] | None = None):
    result = CliRunner().invoke(cli, list(args), env=env)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ([], 4),
        (["--actor", "BLR"], 2),
        (["--recipient", "UKR:GOV"], 1),
        (["--type", "assault"], 2),
        (["--factuality", "claimed"], 2),
        (["--since", "2024"], 2),
        (["--until", "2023-05"], 1),
        (["--since", "2023-06", "--until", "2023-12-31"], 0),
        (["--limit", "3"], 3),
        (["--limit", "0"], 4),
    ],
)
def test_events_jsonl_filters(cli: typer.Typer, filled_url: str, args: list[str], expected: int) -> None:
    result = _run(cli, "events", "--db", filled_url, "--format", "jsonl", *args)
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == expected


def test_events_table_shows_evidence(cli: typer.Typer, filled_url: str) -> None:
    result = _run(cli, "events", "--db", filled_url, "--actor", "RUS", env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "ASSAULT" in result.stdout
    assert "Kharkiv" in result.stdout
    assert "RUS MIL" in result.stdout


def test_events_csv_has_a_header(cli: typer.Typer, filled_url: str) -> None:
    result = _run(cli, "events", "--db", filled_url, "-f", "csv", "--type", "AGREE")
    lines = result.stdout.splitlines()
    assert lines[0].startswith("event_id,article_id,")
    assert len(lines) == 2


def test_db_option_overrides_environment(cli: typer.Typer, filled_url: str, tmp_path: Path) -> None:
    empty = str(tmp_path / "empty.db")
    from_env = _run(cli, "events", "-f", "jsonl", env={"TOCSIN_DB": empty})
    assert from_env.stdout == ""
    assert "is empty" in from_env.stderr
    overridden = _run(cli, "events", "-f", "jsonl", "--db", filled_url, env={"TOCSIN_DB": empty})
    assert len(overridden.stdout.splitlines()) == 4


def test_no_match_says_how_much_is_stored(cli: typer.Typer, filled_url: str) -> None:
    result = _run(cli, "events", "--db", filled_url, "--actor", "ZZZ")
    assert result.exit_code == 0
    assert "no events match (4 events in 3 articles stored)" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--since", "last week"], "YYYY-MM-DD"),
        (["--factuality", "rumoured"], "asserted, claimed"),
        (["--format", "xml"], "table"),
    ],
)
def test_bad_options_are_usage_errors(
    cli: typer.Typer, filled_url: str, args: list[str], message: str
) -> None:
    result = _run(cli, "events", "--db", filled_url, *args)
    assert result.exit_code == 2
    assert message in result.output


@pytest.mark.parametrize(("suffix", "written"), [("csv", 4), ("jsonl", 4), ("parquet", 4), ("geojson", 2)])
def test_export_each_format(
    cli: typer.Typer, filled_url: str, tmp_path: Path, suffix: str, written: int
) -> None:
    out = tmp_path / "out" / f"events.{suffix}"
    result = _run(cli, "export", "--db", filled_url, "--out", str(out))
    assert result.exit_code == 0, result.output
    assert f"wrote {written} events" in result.stderr
    assert out.exists()


def test_export_with_filters_and_explicit_format(cli: typer.Typer, filled_url: str, tmp_path: Path) -> None:
    out = tmp_path / "blr.data"
    result = _run(cli, "export", "--db", filled_url, "-o", str(out), "-f", "parquet", "--actor", "BLR")
    assert result.exit_code == 0, result.output
    assert pq.read_table(out).column("event_id").to_pylist() == ["a1b2c3d4e5f60718:0", "a1b2c3d4e5f60718:1"]


def test_store_errors_reach_the_user_without_a_traceback(tmp_path: Path) -> None:
    env = {**os.environ, "TOCSIN_DB": "mysql://u@h/db"}
    done = subprocess.run(
        [sys.executable, "-m", "tocsin", "events"], capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == 2
    assert "unsupported store backend 'mysql'" in done.stderr
    assert "Traceback" not in done.stderr


def test_table_says_when_it_was_cut_at_the_limit(cli: typer.Typer, filled_url: str) -> None:
    cut = _run(cli, "events", "--db", filled_url, "--limit", "2")
    assert "showing the first 2 events" in cut.stderr
    whole = _run(cli, "events", "--db", filled_url)
    assert "showing the first" not in whole.stderr
