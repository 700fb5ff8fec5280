"""The read queries behind ``Store``: one SQLAlchemy Core statement each, the same on both dialects."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, func, literal, or_, select, tuple_

from tocsin.errors import StoreError
from tocsin.store import schema
from tocsin.store.columns import EVENT_COLUMN_NAMES, EVENT_COLUMNS

_E = schema.event
_A = schema.article


@dataclass(frozen=True, slots=True)
class EventFilter:
    """What ``Store.events`` selects; None means no constraint."""

    actor: str | None = None
    recipient: str | None = None
    event_type: str | None = None
    factuality: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    limit: int | None = None
    # The events of one article (its id), e.g. for an article page.
    article_id: str | None = None


def parse_party(spec: str) -> tuple[str, str | None]:
    """``BLR`` -> (country, None); ``RUS:MIL`` -> (country, sector). Codes are upper-cased."""
    country, _, sector = spec.strip().upper().partition(":")
    if not country:
        raise StoreError(f"empty actor code {spec!r}; give a country code such as BLR, or BLR:MIL")
    return country, (sector or None)


def _has_party(role: str, spec: str) -> ColumnElement[bool]:
    ea = schema.event_actor
    country, sector = parse_party(spec)
    conditions = [ea.c.country == country, ea.c.role == role]
    if sector:
        conditions.append(ea.c.sector == sector)
    # An IN over the event_actor index (not a correlated EXISTS per event), so a rare actor
    # costs a lookup of its own events rather than a scan of every event.
    matching = select(ea.c.article_id, ea.c.event_index).where(*conditions)
    return tuple_(_E.c.article_id, _E.c.event_index).in_(matching)


def _claim_of_event() -> ColumnElement[bool]:
    """The claim row of an event row: same article, same event index."""
    c = schema.claim
    return and_(c.c.article_id == _E.c.article_id, c.c.event_index == _E.c.event_index)


# Stances are joined into one string per event ("|"-separated) so an export stays one
# streamed query; ``event_row`` splits it back into the list column.
_STANCE_SEPARATOR = "|"


def _stances_of_event() -> Any:
    c, s = schema.claim, schema.stance
    label = (
        s.c.stance
        + literal(" ")
        + func.coalesce(s.c.party_country, literal("?"))
        + case((s.c.party_sector.is_(None), literal("")), else_=literal(" ") + s.c.party_sector)
    )
    return (
        select(func.aggregate_strings(label, _STANCE_SEPARATOR))
        .select_from(s.join(c, and_(s.c.article_id == c.c.article_id, s.c.claim_index == c.c.claim_index)))
        .where(_claim_of_event())
        .scalar_subquery()
    )


def events_statement(f: EventFilter) -> Select[Any]:
    c = schema.claim
    stmt = (
        select(
            _A.c.url,
            _A.c.title,
            _A.c.outlet,
            _A.c.published,
            _E,
            c.c.status.label("claim_status"),
            _stances_of_event().label("claim_stances"),
        )
        .join_from(_E, _A, _E.c.article_id == _A.c.id)
        .outerjoin(c, _claim_of_event())
    )
    if f.actor:
        stmt = stmt.where(_has_party("actor", f.actor))
    if f.recipient:
        stmt = stmt.where(_has_party("recipient", f.recipient))
    if f.article_id:
        stmt = stmt.where(_E.c.article_id == f.article_id)
    if f.event_type:
        stmt = stmt.where(_E.c.event == f.event_type.strip().upper())
    if f.factuality:
        stmt = stmt.where(_E.c.factuality == f.factuality.strip().lower())
    # Ranges overlap the window: a month-precision event counts for any day of its month.
    if f.since:
        stmt = stmt.where(_E.c.date_end >= f.since)
    if f.until:
        stmt = stmt.where(_E.c.date_start <= f.until)
    stmt = stmt.order_by(_E.c.date_start.nulls_last(), _E.c.article_id, _E.c.event_index)
    if f.limit is not None:
        if f.limit < 0:
            raise StoreError(f"limit must be 0 or more, got {f.limit}")
        stmt = stmt.limit(f.limit)
    return stmt


# Columns of the flat row read straight from the query; the rest come from the ``lists`` JSON.
_LIST_COLUMNS = tuple(name for name, kind in EVENT_COLUMNS if kind == "list" and name != "claim_stances")
_DIRECT_COLUMNS = tuple(
    name for name, kind in EVENT_COLUMNS if kind != "list" and name not in ("event_id", "historical")
)


def event_row(db: dict[str, Any]) -> dict[str, Any]:
    """A database row of ``events_statement`` as the flat row of ``columns.EVENT_COLUMNS``."""
    lists = db["lists"] or {}
    row: dict[str, Any] = {name: db[name] for name in _DIRECT_COLUMNS}
    row["event_id"] = f"{db['article_id']}:{db['event_index']}"
    row["historical"] = bool(db["historical"])
    for name in _LIST_COLUMNS:
        row[name] = lists.get(name, [])
    joined = db["claim_stances"]
    row["claim_stances"] = sorted(set(joined.split(_STANCE_SEPARATOR))) if joined else []
    return {name: row[name] for name in EVENT_COLUMN_NAMES}


def claims_statement(*, status: str | None, claimant: str | None) -> Select[Any]:
    c = schema.claim
    stmt = (
        select(
            c,
            _A.c.url,
            _A.c.outlet,
            _A.c.published,
            _E.c.event,
            _E.c.mode,
            _E.c.date,
            _E.c.factuality,
            _E.c.evidence,
        )
        .join_from(c, _A, c.c.article_id == _A.c.id)
        .join(_E, _claim_of_event())
    )
    if status:
        stmt = stmt.where(c.c.status == status.strip().lower())
    if claimant:
        needle = claimant.strip()
        # A code matches exactly (RUS); anything else matches inside the claimant's words.
        stmt = stmt.where(
            or_(
                c.c.claimant_country == needle.upper(),
                func.lower(c.c.claimant_text).contains(needle.lower(), autoescape=True),
            )
        )
    return stmt.order_by(_A.c.published.nulls_last(), c.c.article_id, c.c.claim_index)


def stances_statement(article_ids: list[str]) -> Select[Any]:
    s = schema.stance
    return (
        select(s)
        .where(s.c.article_id.in_(article_ids))
        .order_by(s.c.article_id, s.c.claim_index, s.c.stance_index)
    )


def stance_json(db: dict[str, Any]) -> dict[str, Any]:
    return {
        "stance": db["stance"],
        "event_index": db["event_index"],
        "party": {k: db[f"party_{k}"] for k in ("text", "country", "sector", "start", "end")},
        "evidence": db["evidence"],
    }


def articles_statement(*, limit: int | None, article_id: str | None = None) -> Select[Any]:
    n_events = select(func.count()).where(_E.c.article_id == _A.c.id).scalar_subquery().label("event_count")
    columns = [c for c in _A.c if c.name not in ("text", "specificity_signals")]
    if article_id is not None:
        # One article: with its text, for evidence and offsets.
        return select(_A, n_events).where(_A.c.id == article_id)
    stmt = select(*columns, n_events).order_by(_A.c.stored_at.desc(), _A.c.id)
    return stmt.limit(limit) if limit is not None else stmt
