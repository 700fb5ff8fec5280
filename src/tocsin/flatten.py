"""Flat rows of events (one dict per event) for tables, DataFrames and exports."""

from __future__ import annotations

from typing import Any

from tocsin.records import ActorMention, CodedArticle, Event


def _codes(mentions: tuple[ActorMention, ...]) -> str:
    return ";".join(f"{m.country or ''}{(' ' + m.sector) if m.sector else ''}" for m in mentions)


def event_row(coded: CodedArticle, event: Event) -> dict[str, Any]:
    art = coded.article
    loc = event.location
    claimant = event.claimant
    return {
        "article_id": art.id,
        "outlet": art.outlet,
        "url": art.url,
        "published": art.published.isoformat() if art.published else None,
        "event_index": event.index,
        "event": event.event,
        "mode": event.mode,
        "context": ";".join(event.context),
        "actor": _codes(event.actor),
        "actor_text": ";".join(m.text for m in event.actor),
        "recipient": _codes(event.recipient),
        "recipient_text": ";".join(m.text for m in event.recipient),
        "location": loc.name if loc else None,
        "geonameid": loc.geonameid if loc else None,
        "feature": loc.feature if loc else None,
        "location_country": loc.country if loc else None,
        "lat": loc.lat if loc else None,
        "lon": loc.lon if loc else None,
        "date": event.date,
        "date_precision": event.date_precision,
        "factuality": event.factuality,
        "historical": event.historical,
        "claimant": (
            f"{claimant.country or ''}{(' ' + claimant.sector) if claimant.sector else ''}"
            if claimant
            else None
        ),
        "claimant_text": claimant.text if claimant else None,
        "cameo": event.cameo,
        "sentence_start": event.sentence_start,
        "sentence_end": event.sentence_end,
        "evidence": event.evidence,
        "coder": event.coder,
        "confidence": round(event.confidence, 3),
    }


def event_rows(coded: CodedArticle) -> list[dict[str, Any]]:
    return [event_row(coded, event) for event in coded.events]
