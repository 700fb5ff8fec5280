"""A ``CodedArticle`` as the rows of each table: what ``Store.save`` inserts."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from sqlalchemy import Table

from tocsin.errors import StoreError
from tocsin.records import ActorMention, Claimant, CodedArticle, Event, PlaceMention
from tocsin.store import schema
from tocsin.store.columns import EVENT_COLUMN_NAMES
from tocsin.store.dates import day_range

Row = dict[str, Any]


def article_rows(coded: CodedArticle, *, stored_at: dt.datetime) -> list[tuple[Table, list[Row]]]:
    """Every row of one article, table by table, parents first (the insert order)."""
    art = coded.article
    _check_event_indexes(coded)
    article = {
        "id": art.id,
        "url": art.url,
        "title": art.title,
        "outlet": art.outlet,
        "outlet_source": art.outlet_source,
        "published": art.published,
        "published_precision": art.published_precision,
        "language": art.language,
        "source_path": art.source_path,
        "text": art.text,
        "specificity": coded.specificity,
        "specificity_signals": dict(coded.specificity_signals),
        "stored_at": stored_at,
    }
    events = [_event_row(art.id, ev) for ev in coded.events]
    event_actors = [
        _event_actor_row(art.id, ev.index, role, position, mention)
        for ev in coded.events
        for role, mentions in (("actor", ev.actor), ("recipient", ev.recipient))
        for position, mention in enumerate(mentions)
    ]
    claims = [
        {"article_id": art.id, "claim_index": i, "event_index": c.event_index, **_claimant(c.claimant)}
        | {"status": c.status}
        for i, c in enumerate(coded.claims)
    ]
    stances = [
        {
            "article_id": art.id,
            "claim_index": i,
            "stance_index": j,
            "stance": s.stance,
            "event_index": s.event_index,
            **_claimant(s.party, prefix="party"),
            "evidence": s.evidence,
        }
        for i, c in enumerate(coded.claims)
        for j, s in enumerate(c.stances)
    ]
    return [
        (schema.article, [article]),
        (schema.actor_mention, [_actor_mention_row(art.id, i, a) for i, a in enumerate(coded.actors)]),
        (schema.place_mention, [_place_mention_row(art.id, i, p) for i, p in enumerate(coded.places)]),
        (
            schema.time_mention,
            [
                {
                    "article_id": art.id,
                    "mention_index": i,
                    "text": t.text,
                    "start": t.start,
                    "end": t.end,
                    "value": t.value,
                    "precision": t.precision,
                    "year_source": t.year_source,
                    "tense": t.tense,
                }
                for i, t in enumerate(coded.times)
            ],
        ),
        (schema.event, events),
        (schema.event_actor, event_actors),
        (schema.claim, claims),
        (schema.stance, stances),
    ]


def without_nul(coded: CodedArticle, tables: list[tuple[Table, list[Row]]]) -> list[tuple[Table, list[Row]]]:
    """PostgreSQL text cannot hold NUL: replace it with U+FFFD, one character for one, so
    every offset into the stored text stays right. Only articles that contain one pay."""
    art = coded.article
    if not any("\x00" in (v or "") for v in (art.text, art.title, art.url, art.outlet, art.source_path)):
        return tables
    return [(table, [_clean(row) for row in rows]) for table, rows in tables]


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return value.replace("\x00", "\ufffd")
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


def _check_event_indexes(coded: CodedArticle) -> None:
    # Claims and stances point at events by index, so an ambiguous index would link the wrong event.
    repeated = sorted(i for i, n in Counter(ev.index for ev in coded.events).items() if n > 1)
    if repeated:
        raise StoreError(
            f"article {coded.article.id}: events share index {repeated}; each event of an article "
            "needs its own Event.index (the events stage numbers them 0, 1, 2...)"
        )
    known = {ev.index for ev in coded.events}
    dangling = sorted({c.event_index for c in coded.claims} - known)
    if dangling:
        raise StoreError(
            f"article {coded.article.id}: claims refer to event index {dangling}, "
            f"which is not among the article's events {sorted(known)}"
        )


def _actor_mention_row(article_id: str, index: int, a: ActorMention) -> Row:
    return {
        "article_id": article_id,
        "mention_index": index,
        "text": a.text,
        "start": a.start,
        "end": a.end,
        "country": a.country,
        "sector": a.sector,
        "wikidata": a.wikidata,
        "entry": a.entry,
        "kind": a.kind,
    }


def _place_mention_row(article_id: str, index: int, p: PlaceMention) -> Row:
    return {
        "article_id": article_id,
        "mention_index": index,
        "text": p.text,
        "start": p.start,
        "end": p.end,
        "name": p.name,
        "geonameid": p.geonameid,
        "feature": p.feature,
        "country": p.country,
        "lat": p.lat,
        "lon": p.lon,
        "precision": p.precision,
        "countries": list(p.countries),
    }


def _event_actor_row(article_id: str, event_index: int, role: str, position: int, a: ActorMention) -> Row:
    return {
        "article_id": article_id,
        "event_index": event_index,
        "role": role,
        "position": position,
        "text": a.text,
        "start": a.start,
        "end": a.end,
        "country": a.country,
        "sector": a.sector,
        "wikidata": a.wikidata,
        "entry": a.entry,
        "kind": a.kind,
    }


def _lists(ev: Event) -> dict[str, list[Any]]:
    """The list-valued columns of the flat event row (see ``columns.EVENT_COLUMNS``)."""
    lists: dict[str, list[Any]] = {"context": list(ev.context)}
    for role, mentions in (("actor", ev.actor), ("recipient", ev.recipient)):
        lists[f"{role}_text"] = [a.text for a in mentions]
        lists[f"{role}_country"] = [a.country for a in mentions]
        lists[f"{role}_sector"] = [a.sector for a in mentions]
        lists[f"{role}_wikidata"] = [a.wikidata for a in mentions]
    lists["location_countries"] = list(ev.location.countries) if ev.location else []
    return lists


def stance_label(stance: str, country: str | None, sector: str | None) -> str:
    """ "denies UKR GOV": one item of the ``claim_stances`` column ("?" for an unknown party)."""
    return " ".join(part for part in (stance, country or "?", sector) if part)


def _claimant(c: Claimant | None, *, prefix: str = "claimant") -> Row:
    return {
        f"{prefix}_text": c.text if c else None,
        f"{prefix}_country": c.country if c else None,
        f"{prefix}_sector": c.sector if c else None,
        f"{prefix}_start": c.start if c else None,
        f"{prefix}_end": c.end if c else None,
    }


def _location(p: PlaceMention | None) -> Row:
    if p is None:
        return {f"location_{k}": None for k in _LOCATION_KEYS}
    return {
        "location_text": p.text,
        "location_start": p.start,
        "location_end": p.end,
        "location_name": p.name,
        "location_geonameid": p.geonameid,
        "location_feature": p.feature,
        "location_country": p.country,
        "location_lat": p.lat,
        "location_lon": p.lon,
        "location_precision": p.precision,
    }


_LOCATION_KEYS = (
    "text",
    "start",
    "end",
    "name",
    "geonameid",
    "feature",
    "country",
    "lat",
    "lon",
    "precision",
)


def _event_row(article_id: str, ev: Event) -> Row:
    date_start, date_end = day_range(ev.date)
    return {
        "article_id": article_id,
        "event_index": ev.index,
        "event": ev.event,
        "mode": ev.mode,
        "lists": _lists(ev),
        **_location(ev.location),
        "date": ev.date,
        "date_precision": ev.date_precision,
        "date_source": ev.date_source,
        "date_start": date_start,
        "date_end": date_end,
        "factuality": ev.factuality,
        "historical": ev.historical,
        **_claimant(ev.claimant),
        "cameo": ev.cameo,
        "sentence_start": ev.sentence_start,
        "sentence_end": ev.sentence_end,
        "trigger": ev.trigger,
        "trigger_start": ev.trigger_start,
        "trigger_end": ev.trigger_end,
        "evidence": ev.evidence,
        "coder": ev.coder,
        "confidence": float(ev.confidence),
    }


def flat_event_row(coded: CodedArticle, ev: Event) -> Row:
    """One event as the flat row of ``columns.EVENT_COLUMNS``, straight from the records.

    The same row ``Store.events`` returns, so a DataFrame from the Python API and an
    export from the store have the same columns.
    """
    art = coded.article
    db = {
        **_event_row(art.id, ev),
        "url": art.url,
        "title": art.title,
        "outlet": art.outlet,
        "published": art.published,
    }
    row = {name: db.get(name) for name in EVENT_COLUMN_NAMES}
    row.update(db["lists"])
    row["event_id"] = f"{art.id}:{ev.index}"
    claims = [c for c in coded.claims if c.event_index == ev.index]
    row["claim_status"] = claims[0].status if claims else None
    row["claim_stances"] = sorted(
        {stance_label(s.stance, s.party.country, s.party.sector) for c in claims for s in c.stances}
    )
    return row
