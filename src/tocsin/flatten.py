"""Flat rows of events (one dict per event) for tables and DataFrames.

The columns are the store's (``tocsin.store.columns.EVENT_COLUMNS``), so what a
notebook sees from ``annotate_many(...).to_pandas()`` matches ``tocsin export``.
"""

from __future__ import annotations

from typing import Any

from tocsin.records import CodedArticle
from tocsin.store.rows import flat_event_row


def event_rows(coded: CodedArticle) -> list[dict[str, Any]]:
    return [flat_event_row(coded, event) for event in coded.events]
