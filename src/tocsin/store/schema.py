"""The store's tables (SQLAlchemy Core), as the latest migration leaves them.

One row per record; mentions, events and claims are keyed by their article and
their position in it, so a re-run of the same article maps onto the same keys.
Event actors and recipients are stored twice on purpose: as ``event_actor`` rows
(indexed, so ``--actor BLR`` is an index lookup, not a JSON scan) and inside the
event's ``lists`` JSON, which holds every list-valued column of the flat event row
(``context``, ``actor_country``...) so a row reads back with one JSON decode and no join.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKeyConstraint,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

# Explicit constraint names, so a later migration can drop or alter them by name on both dialects.
metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

schema_version = Table(
    "schema_version",
    metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("name", String, nullable=False),
    Column("applied_at", DateTime(timezone=True), nullable=False),
)

article = Table(
    "article",
    metadata,
    Column("id", String, primary_key=True),
    Column("url", Text),
    Column("title", Text),
    Column("outlet", String),
    Column("outlet_source", String),
    Column("published", Date),
    Column("published_precision", String, nullable=False),
    Column("language", String, nullable=False),
    Column("source_path", Text),
    Column("text", Text, nullable=False),
    Column("specificity", Float),
    Column("specificity_signals", JSON),
    Column("stored_at", DateTime(timezone=True), nullable=False),
    Index(None, "published"),
    Index(None, "outlet"),
)


def _mention_key() -> tuple[Column, ...]:
    return (
        Column("article_id", String, primary_key=True),
        Column("mention_index", Integer, primary_key=True, autoincrement=False),
        Column("text", Text, nullable=False),
        Column("start", Integer, nullable=False),
        Column("end", Integer, nullable=False),
    )


def _on_article() -> ForeignKeyConstraint:
    return ForeignKeyConstraint(["article_id"], ["article.id"], ondelete="CASCADE")


actor_mention = Table(
    "actor_mention",
    metadata,
    *_mention_key(),
    Column("country", String),
    Column("sector", String),
    Column("wikidata", String),
    Column("entry", String),
    Column("kind", String, nullable=False),
    _on_article(),
    Index(None, "country"),
)

place_mention = Table(
    "place_mention",
    metadata,
    *_mention_key(),
    Column("name", Text, nullable=False),
    Column("geonameid", String),
    Column("feature", String, nullable=False),
    Column("country", String),
    Column("lat", Float),
    Column("lon", Float),
    Column("precision", String, nullable=False),
    Column("countries", JSON, nullable=False),
    _on_article(),
    Index(None, "geonameid"),
)

time_mention = Table(
    "time_mention",
    metadata,
    *_mention_key(),
    Column("value", String),
    Column("precision", String, nullable=False),
    Column("year_source", String, nullable=False),
    Column("tense", String),
    _on_article(),
)

event = Table(
    "event",
    metadata,
    Column("article_id", String, primary_key=True),
    Column("event_index", Integer, primary_key=True, autoincrement=False),
    Column("event", String, nullable=False),
    Column("mode", String),
    # {"context": [...], "actor_text": [...], "actor_country": [...], ..., "location_countries": [...]}
    Column("lists", JSON, nullable=False),
    Column("location_text", Text),
    Column("location_start", Integer),
    Column("location_end", Integer),
    Column("location_name", Text),
    Column("location_geonameid", String),
    Column("location_feature", String),
    Column("location_country", String),
    Column("location_lat", Float),
    Column("location_lon", Float),
    Column("location_precision", String),
    Column("date", String),
    Column("date_precision", String, nullable=False),
    Column("date_source", String),
    # The date (or interval, quarter, season...) as a closed range of days, for --since/--until.
    Column("date_start", Date),
    Column("date_end", Date),
    Column("factuality", String, nullable=False),
    Column("historical", Boolean, nullable=False),
    Column("claimant_text", Text),
    Column("claimant_country", String),
    Column("claimant_sector", String),
    Column("claimant_start", Integer),
    Column("claimant_end", Integer),
    Column("cameo", String),
    Column("sentence_start", Integer, nullable=False),
    Column("sentence_end", Integer, nullable=False),
    Column("trigger", Text, nullable=False),
    Column("trigger_start", Integer, nullable=False),
    Column("trigger_end", Integer, nullable=False),
    Column("evidence", Text, nullable=False),
    Column("coder", String, nullable=False),
    Column("confidence", Float, nullable=False),
    _on_article(),
    Index(None, "event", "date_start"),
    Index(None, "date_start"),
    Index(None, "date_end"),  # --since compares the end of an event's range
    Index(None, "factuality"),
)

# One row per actor or recipient of an event: the index behind --actor / --recipient.
event_actor = Table(
    "event_actor",
    metadata,
    Column("article_id", String, primary_key=True),
    Column("event_index", Integer, primary_key=True, autoincrement=False),
    Column("role", String, primary_key=True),  # "actor" or "recipient"
    Column("position", Integer, primary_key=True, autoincrement=False),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("country", String),
    Column("sector", String),
    Column("wikidata", String),
    Column("entry", String),
    Column("kind", String, nullable=False),
    ForeignKeyConstraint(
        ["article_id", "event_index"], ["event.article_id", "event.event_index"], ondelete="CASCADE"
    ),
    Index(None, "country", "role", "article_id", "event_index"),
)

claim = Table(
    "claim",
    metadata,
    Column("article_id", String, primary_key=True),
    Column("claim_index", Integer, primary_key=True, autoincrement=False),
    Column("event_index", Integer, nullable=False),
    Column("claimant_text", Text),
    Column("claimant_country", String),
    Column("claimant_sector", String),
    Column("claimant_start", Integer),
    Column("claimant_end", Integer),
    Column("status", String, nullable=False),
    ForeignKeyConstraint(
        ["article_id", "event_index"], ["event.article_id", "event.event_index"], ondelete="CASCADE"
    ),
    Index(None, "status"),
    Index(None, "claimant_country"),
)

stance = Table(
    "stance",
    metadata,
    Column("article_id", String, primary_key=True),
    Column("claim_index", Integer, primary_key=True, autoincrement=False),
    Column("stance_index", Integer, primary_key=True, autoincrement=False),
    Column("stance", String, nullable=False),
    Column("event_index", Integer, nullable=False),
    Column("party_text", Text, nullable=False),
    Column("party_country", String),
    Column("party_sector", String),
    Column("party_start", Integer),
    Column("party_end", Integer),
    Column("evidence", Text, nullable=False),
    ForeignKeyConstraint(
        ["article_id", "claim_index"], ["claim.article_id", "claim.claim_index"], ondelete="CASCADE"
    ),
)

# Parents before children: the order to insert, count and check for orphans.
DATA_TABLES: tuple[Table, ...] = (
    article,
    actor_mention,
    place_mention,
    time_mention,
    event,
    event_actor,
    claim,
    stance,
)
