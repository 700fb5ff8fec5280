"""The store: coded articles kept in SQLite (default) or PostgreSQL, queried as flat rows."""

from __future__ import annotations

from tocsin.store.columns import EVENT_COLUMN_NAMES, EVENT_COLUMNS
from tocsin.store.queries import EventFilter
from tocsin.store.store import Store

__all__ = ["EVENT_COLUMNS", "EVENT_COLUMN_NAMES", "EventFilter", "Store"]
