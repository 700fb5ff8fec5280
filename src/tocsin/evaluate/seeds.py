"""``tocsin eval seeds --gold ../shared/seeds``: every row of EXPECTED.md, dimension by dimension.

The seed articles define the mission; EXPECTED.md says, row by row, what an analyst
expects tocsin to find in them. Our reading of each row is data
(``data/eval/seed_expectations.jsonl``); the sentence a row speaks of is located at
run time from the row's "sentence (start)" cell, so no article text lives in the
project. Each row is checked on the full pipeline with the publication date EXPECTED.md
gives, along the dimensions of ``CHECKS`` (event and actor, date, mode and recipient
with sectors, place, factuality and claimant, and the "must not" rows). "Must" rows
are acceptance criteria, "should" rows the quality bar beyond them: the tests assert
the first and report the second; this command reports both.
"""

from __future__ import annotations

import csv
import dataclasses
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError
from rich.console import Group
from rich.table import Table

from tocsin.errors import DataFileError
from tocsin.records import CodedArticle, Event

DATA = Path(__file__).resolve().parents[1] / "data" / "eval"
EXPECTATIONS = DATA / "seed_expectations.jsonl"
ARTICLES = DATA / "seed_articles.csv"


class Row(BaseModel):
    """One row of EXPECTED.md as we read it (see ``seed_expectations.jsonl.about.md``)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    seed: str
    row: str  # the "#" cell; "-" for "must not" rows
    level: Literal["must", "should", "must not"]
    events: tuple[str, ...] = ()  # any of these PLOVER types
    actor: tuple[str, ...] = ()  # any of these countries among the event's actors
    actor_sector: str | None = None
    recipient: tuple[str, ...] = ()
    recipient_sector: str | None = None
    mode: str | None = None
    date: tuple[str, ...] = ()  # ISO prefixes the event's date may start with
    precision: tuple[str, ...] = ()
    place_feature: str | None = None
    place_country: str | None = None
    place_id: str | None = None
    factuality: tuple[str, ...] = ()
    claimant: str | None = None  # "BLR MIL"
    claim_status: str | None = None
    historical: bool | None = None
    forbidden_asserted: tuple[str, ...] = ()
    # Where a "must not" row looks: its sentence, or the whole article (000's
    # recommendations run through the article, in bullets and tables).
    scope: Literal["sentence", "article"] = "sentence"


@dataclass(frozen=True, slots=True)
class SeedArticle:
    seed: str
    file: str
    published: str


def load_rows(path: Path = EXPECTATIONS) -> tuple[Row, ...]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rows.append(Row.model_validate_json(line))
        except ValidationError as err:
            raise DataFileError.invalid(path, n, err) from None
    return tuple(rows)


def load_seed_articles(path: Path = ARTICLES) -> tuple[SeedArticle, ...]:
    with path.open(encoding="utf-8", newline="") as f:
        return tuple(SeedArticle(r["seed"], r["file"], r["published"]) for r in csv.DictReader(f))


# -- locating a row's sentence ------------------------------------------------------------

_ROW_RE = re.compile(r"^\|\s*(?P<num>\d+|—|-)\s*\|\s*(?P<sentence>[^|]*)\|")
_HEADING_RE = re.compile(r"^## (\d{3})_")


def sentence_cells(expected_md: Path) -> dict[tuple[str, str], str]:
    """(seed, row number) -> the "sentence (start)" cell of EXPECTED.md."""
    cells: dict[tuple[str, str], str] = {}
    seed = None
    for line in expected_md.read_text(encoding="utf-8").splitlines():
        if m := _HEADING_RE.match(line):
            seed = m.group(1)
        elif seed and (m := _ROW_RE.match(line)):
            num = m.group("num")
            cells[(seed, "-" if num in {"—", "-"} else num)] = m.group("sentence").strip()
    return cells


def fragments(cell: str) -> list[str]:
    """The quoted pieces of a sentence cell, split at ellipses, longest first."""
    quoted = re.findall(r"\"([^\"]+)\"", cell.replace("“", '"').replace("”", '"'))
    pieces = [p.strip(" .,…") for q in quoted for p in re.split(r"\.\.\.|…", q)]
    return sorted((p for p in pieces if len(p) >= 12), key=len, reverse=True)


def fold(text: str) -> str:
    """Same-length folding of quotes and case, so offsets in the folded text index the original."""
    table = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})
    return text.translate(table).lower()


def locate(text: str, cell: str) -> list[int]:
    """Character offsets in ``text`` where the row's sentence fragments occur."""
    folded = fold(text)
    offsets = []
    for piece in fragments(cell):
        at = folded.find(fold(piece))
        if at >= 0:
            offsets.append(at)
    return offsets


# -- checks ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Context:
    """What a check reads: the coded seeds (with and without dates) and the row cells."""

    coded: dict[tuple[str, bool], CodedArticle]
    cells: dict[tuple[str, str], str]


class CheckFailed(AssertionError):
    """A row does not hold on one dimension; the message says what was found instead."""


def describe(events: Sequence[Event]) -> str:
    return (
        "; ".join(
            f"{e.event}/{e.mode} {[(a.country, a.sector) for a in e.actor]}->"
            f"{[(r.country, r.sector) for r in e.recipient]} {e.date} {e.factuality} [{e.coder}]"
            for e in events
        )
        or "no events"
    )


def sentence_events(coded: CodedArticle, cell: str) -> list[Event]:
    offsets = locate(coded.article.text, cell)
    if not offsets:
        raise CheckFailed(f"row sentence not found in the article: {cell!r}")
    return [e for e in coded.events if any(e.sentence_start <= o < e.sentence_end for o in offsets)]


def _has_actor(mentions: Sequence[Any], countries: Sequence[str], sector: str | None = None) -> bool:
    return any(m.country in countries and (sector is None or m.sector == sector) for m in mentions)


def the_event(ctx: Context, row: Row, *, sectors: bool = False) -> Event:
    """The row's event: the most confident one of its type and actor in its sentence."""
    events = sentence_events(ctx.coded[(row.seed, True)], ctx.cells[(row.seed, row.row)])
    found = [e for e in events if e.event in row.events and _has_actor(e.actor, row.actor)]
    if sectors and row.actor_sector:
        found = [e for e in found if _has_actor(e.actor, row.actor, row.actor_sector)]
    if not found:
        raise CheckFailed(f"expected {row.events} by {row.actor}; got {describe(events)}")
    return max(found, key=lambda e: e.confidence)


def _expect(ok: bool, message: str) -> None:
    if not ok:
        raise CheckFailed(message)


def check_event(ctx: Context, row: Row) -> None:
    the_event(ctx, row)


def check_date(ctx: Context, row: Row) -> None:
    event = the_event(ctx, row)
    _expect(bool(event.date and event.date.startswith(row.date)), f"date {event.date} not in {row.date}")
    if row.precision:
        _expect(event.date_precision in row.precision, f"precision {event.date_precision}")


def check_roles(ctx: Context, row: Row) -> None:
    event = the_event(ctx, row, sectors=True)
    if row.mode:
        _expect(event.mode == row.mode, f"mode {event.mode}, expected {row.mode}")
    if row.recipient:
        _expect(_has_actor(event.recipient, row.recipient, row.recipient_sector), describe([event]))


def check_place(ctx: Context, row: Row) -> None:
    place = the_event(ctx, row).location
    _expect(place is not None, "no place")
    assert place is not None
    if row.place_feature:
        _expect(place.feature == row.place_feature, f"feature {place.feature}")
    if row.place_country:
        _expect(place.country == row.place_country, f"country {place.country}")
    if row.place_id:
        _expect(place.geonameid == row.place_id, f"id {place.geonameid}")


def check_attribution(ctx: Context, row: Row) -> None:
    article = ctx.coded[(row.seed, True)]
    event = the_event(ctx, row)
    _expect(event.factuality in row.factuality, describe([event]))
    if row.historical is not None:
        _expect(event.historical is row.historical, f"historical {event.historical}")
    if row.claimant:
        country, _, sector = row.claimant.partition(" ")
        claimant = event.claimant
        found = f"{claimant.country} {claimant.sector}" if claimant else "no claimant"
        _expect(claimant is not None and claimant.country == country, f"claimant {found}")
        if sector:
            _expect(claimant is not None and claimant.sector == sector, f"claimant {found}")
    if row.claim_status:
        statuses = {c.status for c in article.claims if c.event_index == event.index}
        _expect(row.claim_status in statuses, f"claim status {sorted(statuses)}")


def check_not_asserted(ctx: Context, row: Row) -> None:
    article = ctx.coded[(row.seed, True)]
    cell = ctx.cells[(row.seed, row.row)]
    events = sentence_events(article, cell) if row.scope == "sentence" else article.events
    bad = [e for e in events if e.event in row.forbidden_asserted and e.factuality == "asserted"]
    _expect(not bad, describe(bad))


Check = Callable[[Context, Row], None]
# (dimension, which rows it applies to, the check): the order of the report.
CHECKS: tuple[tuple[str, Callable[[Row], bool], Check], ...] = (
    ("event", lambda r: r.level != "must not", check_event),
    ("date", lambda r: r.level != "must not" and bool(r.date), check_date),
    ("roles", lambda r: r.level != "must not", check_roles),
    ("place", lambda r: bool(r.place_feature or r.place_country), check_place),
    ("attribution", lambda r: bool(r.factuality), check_attribution),
    ("not asserted", lambda r: r.level == "must not", check_not_asserted),
)


def code_seeds(seeds_dir: Path, resources: Any) -> dict[tuple[str, bool], CodedArticle]:
    """Each seed coded twice: with the publication date EXPECTED.md gives, and without."""
    from tocsin.api import make_article
    from tocsin.pipeline import code_article

    out = {}
    for seed in load_seed_articles():
        text = (seeds_dir / seed.file).read_text(encoding="utf-8")
        article = make_article(text, published=seed.published)
        out[(seed.seed, True)] = code_article(article, resources)
        undated = dataclasses.replace(article, published=None, published_precision="unknown")
        out[(seed.seed, False)] = code_article(undated, resources)
    return out


def run(gold: Path, *, model: str | None = None, limit: int | None = None) -> dict[str, Any]:
    """Check every row of ``gold/EXPECTED.md``; ``limit`` keeps the first N rows."""
    from tocsin.resources import load_resources
    from tocsin.settings import Settings

    resources = load_resources(Settings(model=model) if model else Settings())
    ctx = Context(code_seeds(gold, resources), sentence_cells(gold / "EXPECTED.md"))
    results = []
    for row in load_rows()[:limit]:
        for dimension, applies, check in CHECKS:
            if not applies(row):
                continue
            try:
                check(ctx, row)
                ok, detail = True, ""
            except CheckFailed as failure:
                ok, detail = False, str(failure)
            results.append(
                {"row": row.id, "level": row.level, "dimension": dimension, "ok": ok, "detail": detail}
            )
    summary = {
        level: {
            "checks": sum(1 for r in results if r["level"] == level),
            "hold": sum(1 for r in results if r["level"] == level and r["ok"]),
        }
        for level in ("must", "should", "must not")
    }
    return {"gold": str(gold), "summary": summary, "results": results}


def render(metrics: dict[str, Any]) -> Group:
    summary = Table(title=f"Seed rows — {metrics['gold']}")
    for column in ("level", "checks", "hold"):
        summary.add_column(column, justify="right" if column != "level" else "left")
    for level, counts in metrics["summary"].items():
        summary.add_row(level, str(counts["checks"]), str(counts["hold"]))
    rows = Table(title="per row and dimension")
    for column in ("row", "level", "dimension", "holds", "found instead"):
        rows.add_column(column)
    for r in metrics["results"]:
        rows.add_row(r["row"], r["level"], r["dimension"], "yes" if r["ok"] else "NO", r["detail"][:160])
    return Group(summary, rows)
