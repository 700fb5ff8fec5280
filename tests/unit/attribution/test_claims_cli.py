"""``tocsin claims`` against a small SQLite store holding one article's claims board."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import typer
from tests.unit.attribution.cases import make_event, mention
from typer.testing import CliRunner

from tocsin.attribution import attribute_claims, link_claims
from tocsin.cli.claims import claims
from tocsin.records import Article, CodedArticle
from tocsin.store import Store

TEXT = (
    "The Belarusian Defence Ministry said Ukrainian saboteurs had crossed the border near Mozyr. "
    "Ukrainian officials dismissed the allegations as propaganda. "
    "Russian troops shelled a village near Kupiansk, the Ukrainian general staff said."
)


@pytest.fixture
def store_url(nlp, cues, tmp_path: Path) -> str:
    doc = nlp(TEXT)
    actors = (
        mention(TEXT, "The Belarusian Defence Ministry", "BLR", "MIL"),
        mention(TEXT, "Ukrainian saboteurs", "UKR", "REB"),
        mention(TEXT, "Ukrainian officials", "UKR", "GOV"),
        mention(TEXT, "Russian troops", "RUS", "MIL"),
        mention(TEXT, "the Ukrainian general staff", "UKR", "MIL"),
    )
    events = (
        make_event(doc, "crossed", actor=(actors[1],), index=0),
        make_event(doc, "dismissed", event="REJECT", actor=(actors[2],), index=1),
        make_event(doc, "shelled", event="ASSAULT", actor=(actors[3],), index=2),
    )
    events = attribute_claims(doc, events, actors, cues, published=dt.date(2024, 7, 2), historical_days=180)
    article = Article(id="art1", text=TEXT, outlet="Example Wire", published=dt.date(2024, 7, 2))
    coded = CodedArticle(article=article, actors=actors, events=events, claims=link_claims(doc, events, cues))
    url = f"sqlite:///{tmp_path / 'claims.db'}"
    with Store.open(url) as store:
        store.save(coded)
    return url


@pytest.fixture
def cli() -> typer.Typer:
    app = typer.Typer()
    app.command("claims")(claims)
    app.command("noop")(lambda: None)  # two commands, so "claims" is a sub-command
    return app


def _jsonl(cli: typer.Typer, *args: str) -> list[dict]:
    result = CliRunner().invoke(cli, ["claims", "--format", "jsonl", *args])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


@pytest.mark.parametrize(
    ("args", "statuses"),
    [
        ([], ["contested", "unverified"]),
        (["--status", "contested"], ["contested"]),
        (["--status", "corroborated"], []),
        (["--claimant", "BLR"], ["contested"]),
        (["--claimant", "general staff"], ["unverified"]),
    ],
)
def test_claims_filters(cli, store_url: str, args: list[str], statuses: list[str]) -> None:
    rows = _jsonl(cli, "--db", store_url, *args)
    assert [r["status"] for r in rows] == statuses


def test_contested_claim_lists_the_denial_and_the_reporter(cli, store_url: str) -> None:
    (row,) = _jsonl(cli, "--db", store_url, "--status", "contested")
    assert row["claimant"]["country"] == "BLR"
    assert row["reporter"]["outlet"] == "Example Wire"
    assert [(s["stance"], s["party"]["country"]) for s in row["stances"]] == [("denies", "UKR")]
    assert "crossed the border" in row["evidence"]


def test_reporter_grade_from_the_grades_file(cli, store_url: str, tmp_path: Path) -> None:
    grades = tmp_path / "grades.csv"
    grades.write_text("pattern,grade,note\nexample*,B,wire service\n", encoding="utf-8")
    rows = _jsonl(cli, "--db", store_url, "--grades", str(grades))
    assert {r["reporter"]["grade"] for r in rows} == {"B"}


def test_table_output_names_status_and_parties(cli, store_url: str) -> None:
    result = CliRunner().invoke(cli, ["claims", "--db", store_url])
    assert result.exit_code == 0, result.output
    assert "contested" in result.stdout
    assert "denies" in result.stdout


def test_unknown_status_is_refused_with_the_choices(cli, store_url: str) -> None:
    result = CliRunner().invoke(cli, ["claims", "--db", store_url, "--status", "disputed"])
    assert result.exit_code != 0
    assert "unverified, contested, corroborated" in result.output
