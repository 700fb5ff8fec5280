"""RSS and Atom feed files: one article per entry, from its content or summary."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import feedparser

from tocsin.ingest.build import ReadOptions, make_article
from tocsin.ingest.decode import read_limited
from tocsin.ingest.html_text import strip_html
from tocsin.ingest.metadata import feed_outlet
from tocsin.ingest.problems import InputProblem
from tocsin.records import Article


def read_feed_file(path: Path, options: ReadOptions) -> Iterator[Article | InputProblem]:
    data = read_limited(path, max_bytes=options.max_bytes)
    if isinstance(data, InputProblem):
        yield data
        return
    yield from feed_to_articles(data, str(path), options, source_path=str(path))


def feed_to_articles(
    data: bytes, source: str, options: ReadOptions, *, source_path: str | None = None
) -> Iterator[Article | InputProblem]:
    """Every entry of a feed document. feedparser handles the XML encoding declaration."""
    # Bytes, not a path or URL: feedparser would otherwise fetch anything that looks like one.
    parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    if not parsed.entries:
        if parsed.get("bozo"):
            # SAX errors read "<unknown>:2:1: not well-formed"; say "line 2, column 1" instead.
            reason = str(parsed.get("bozo_exception")).replace("<unknown>:", "at ")
            yield InputProblem(source, f"not a readable RSS/Atom feed ({reason})")
        elif not parsed.get("version"):
            yield InputProblem(source, "not an RSS/Atom feed")
        else:
            yield InputProblem(source, "feed has no entries")
        return
    outlet = feed_outlet(parsed.feed.get("title"))
    for number, entry in enumerate(parsed.entries, start=1):
        entry_source = f"{source}: entry {number}"
        yield make_article(
            entry_text(entry),
            entry_source,
            options,
            id=None,
            title=entry.get("title"),
            url=entry.get("link"),
            outlet=outlet,
            published=_entry_date(entry),
            source_path=source_path,
        )


def entry_text(entry: Any) -> str:
    """The fullest text an entry carries: its content if present, else its summary."""
    contents = [c.get("value", "") for c in entry.get("content", []) if c.get("value")]
    raw = max(contents, key=len) if contents else entry.get("summary", "")
    return strip_html(raw or "")


def _entry_date(entry: Any) -> object:
    # feedparser's *_parsed values are UTC struct_times; fall back to the raw string.
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        if entry.get(key):
            return entry[key]
    return entry.get("published") or entry.get("updated")
