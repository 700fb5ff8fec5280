"""The flat event row that ``Store.events`` returns and every export writes, column by column.

Kinds: ``str``, ``int``, ``float``, ``bool``, ``date`` (a ``datetime.date``) and
``list`` (a list of strings, one per actor/recipient/context, in order; an item is
None when that actor has no such code). Exports derive their schema from this table,
so a new column is added here, in ``queries.py``, and nowhere else.
"""

from __future__ import annotations

EVENT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("event_id", "str"),  # "<article id>:<event index>", stable across runs
    ("article_id", "str"),
    ("event_index", "int"),
    ("url", "str"),
    ("title", "str"),
    ("outlet", "str"),
    ("published", "date"),
    ("event", "str"),
    ("mode", "str"),
    ("context", "list"),
    ("actor_text", "list"),
    ("actor_country", "list"),
    ("actor_sector", "list"),
    ("actor_wikidata", "list"),
    ("recipient_text", "list"),
    ("recipient_country", "list"),
    ("recipient_sector", "list"),
    ("recipient_wikidata", "list"),
    ("location_text", "str"),
    ("location_start", "int"),
    ("location_end", "int"),
    ("location_name", "str"),
    ("location_geonameid", "str"),
    ("location_feature", "str"),
    ("location_country", "str"),
    ("location_lat", "float"),
    ("location_lon", "float"),
    ("location_precision", "str"),
    ("location_countries", "list"),
    ("date", "str"),
    ("date_precision", "str"),
    ("date_source", "str"),
    ("date_start", "date"),
    ("date_end", "date"),
    ("factuality", "str"),
    ("historical", "bool"),
    ("claimant_text", "str"),
    ("claimant_country", "str"),
    ("claimant_sector", "str"),
    # The claim board's view: unverified, contested or corroborated (None: not a claim),
    # and the other parties' stances, "<confirms|denies> <country>[ <sector>]", sorted.
    ("claim_status", "str"),
    ("claim_stances", "list"),
    ("cameo", "str"),
    ("sentence_start", "int"),
    ("sentence_end", "int"),
    ("trigger", "str"),
    ("trigger_start", "int"),
    ("trigger_end", "int"),
    ("evidence", "str"),
    ("coder", "str"),
    ("confidence", "float"),
)

EVENT_COLUMN_NAMES: tuple[str, ...] = tuple(name for name, _ in EVENT_COLUMNS)
