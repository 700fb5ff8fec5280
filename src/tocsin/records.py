"""The nouns of tocsin (see DESIGN.md): plain frozen records passed between stages.

A ``*Mention`` is a span of the article text; ``start``/``end`` are character
offsets into ``Article.text`` exactly as given, so ``text[start:end]`` is the
mention. Stages never mutate a record: they return new ones
(``dataclasses.replace``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

DatePrecision = Literal["day", "month", "season", "quarter", "year", "interval", "unknown"]
Factuality = Literal["asserted", "claimed", "denied", "planned", "hypothetical", "recommended"]
PlaceFeature = Literal["country", "adm1", "city", "border", "other"]
ClaimStatus = Literal["unverified", "contested", "corroborated"]


@dataclass(frozen=True, slots=True)
class Article:
    """One document. ``id`` is a hash of the normalised text (see ``ingest.normalise``)."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    # "input" when the caller gave the outlet, "text" when inferred from the article body.
    outlet_source: str | None = None
    published: dt.date | None = None
    published_precision: DatePrecision = "unknown"
    language: str = "en"
    source_path: str | None = None


@dataclass(frozen=True, slots=True)
class ActorMention:
    """A span naming a political actor, resolved to country (ISO3 or IGO code) + sector."""

    text: str
    start: int
    end: int
    country: str | None
    sector: str | None = None
    wikidata: str | None = None
    # Which dictionary entry resolved it (its stable id), so users can trace a code.
    entry: str | None = None
    # How the span names the actor: name, demonym, capital (metonymy), person, org, igo.
    kind: str = "name"

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "country": self.country,
            "sector": self.sector,
            "wikidata": self.wikidata,
        }


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A span naming a place, resolved to a gazetteer record."""

    text: str
    start: int
    end: int
    name: str
    geonameid: str | None
    feature: PlaceFeature
    country: str | None
    lat: float | None
    lon: float | None
    # Coordinate precision: "point" for a town, "region"/"country" for a representative point.
    precision: str = "point"
    # For borders: the two ISO3 codes it separates.
    countries: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        data = {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "name": self.name,
            "geonameid": self.geonameid,
            "feature": self.feature,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
            "precision": self.precision,
        }
        if self.countries:
            data["countries"] = list(self.countries)
        return data


@dataclass(frozen=True, slots=True)
class TimeMention:
    """A time expression normalised against the anchor (publication) date.

    ``value`` is ISO 8601 (``2024-06-28``), an interval ``start/end``, or a
    TIMEX3-style value (``2022-Q4``, ``2023-SP``, ``XXXX-06-28`` when the year is unknown).
    """

    text: str
    start: int
    end: int
    value: str | None
    precision: DatePrecision
    # How the year was set: "anchor" (publication date), "text" (explicit or inferred
    # from the text), or "unknown".
    year_source: str = "text"
    # Tense of the governing verb where known: "past", "future" or None.
    tense: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "value": self.value,
            "precision": self.precision,
            "year_source": self.year_source,
        }


@dataclass(frozen=True, slots=True)
class Claimant:
    """Who an event is attributed to (not the reporter)."""

    text: str
    country: str | None
    sector: str | None
    start: int | None = None
    end: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "country": self.country,
            "sector": self.sector,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True, slots=True)
class Event:
    """One event mention in one sentence, PLOVER-coded."""

    event: str
    mode: str | None
    context: tuple[str, ...]
    actor: tuple[ActorMention, ...]
    recipient: tuple[ActorMention, ...]
    sentence_start: int
    sentence_end: int
    evidence: str
    coder: str
    confidence: float
    trigger_start: int
    trigger_end: int
    trigger: str
    cameo: str | None = None
    location: PlaceMention | None = None
    date: str | None = None
    date_precision: DatePrecision = "unknown"
    # "sentence" when a time expression governs the event, "article" when it falls back
    # to the publication date, None when unknown.
    date_source: str | None = None
    factuality: Factuality = "asserted"
    historical: bool = False
    claimant: Claimant | None = None
    # Index of this event within its article; stable for a given text and resources.
    index: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "event": self.event,
            "mode": self.mode,
            "context": list(self.context),
            "actor": [a.to_json() for a in self.actor],
            "recipient": [r.to_json() for r in self.recipient],
            "location": self.location.to_json() if self.location else None,
            "date": self.date,
            "date_precision": self.date_precision,
            "date_source": self.date_source,
            "factuality": self.factuality,
            "historical": self.historical,
            "claimant": self.claimant.to_json() if self.claimant else None,
            "cameo": self.cameo,
            "sentence": {"start": self.sentence_start, "end": self.sentence_end},
            "trigger": {"text": self.trigger, "start": self.trigger_start, "end": self.trigger_end},
            "evidence": self.evidence,
            "coder": self.coder,
            "confidence": round(self.confidence, 3),
            "index": self.index,
        }


@dataclass(frozen=True, slots=True)
class Stance:
    """Another party's position on a claim: it confirms or denies it."""

    stance: Literal["confirms", "denies"]
    party: Claimant
    event_index: int
    evidence: str


@dataclass(frozen=True, slots=True)
class Claim:
    """An event as asserted by a claimant, with the stances of others."""

    event_index: int
    claimant: Claimant | None
    status: ClaimStatus
    stances: tuple[Stance, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "event_index": self.event_index,
            "claimant": self.claimant.to_json() if self.claimant else None,
            "status": self.status,
            "stances": [
                {
                    "stance": s.stance,
                    "party": s.party.to_json(),
                    "event_index": s.event_index,
                    "evidence": s.evidence,
                }
                for s in self.stances
            ],
        }


@dataclass(frozen=True, slots=True)
class CodedArticle:
    """What ``code_article`` returns: the article and everything found in it."""

    article: Article
    actors: tuple[ActorMention, ...] = ()
    places: tuple[PlaceMention, ...] = ()
    times: tuple[TimeMention, ...] = ()
    events: tuple[Event, ...] = ()
    claims: tuple[Claim, ...] = ()
    specificity: float | None = None
    specificity_signals: dict[str, float] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        art = self.article
        return {
            "id": art.id,
            "title": art.title,
            "url": art.url,
            "outlet": art.outlet,
            "outlet_source": art.outlet_source,
            "published": art.published.isoformat() if art.published else None,
            "actors": [a.to_json() for a in self.actors],
            "places": [p.to_json() for p in self.places],
            "times": [t.to_json() for t in self.times],
            "events": [e.to_json() for e in self.events],
            "claims": [c.to_json() for c in self.claims],
            "specificity": None if self.specificity is None else round(self.specificity, 3),
            "specificity_signals": {k: round(v, 3) for k, v in self.specificity_signals.items()},
        }


def as_dict(record: Any) -> dict[str, Any]:
    """Plain dict of any record (for pandas and debugging)."""
    return asdict(record)
