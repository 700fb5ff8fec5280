"""Article metadata that the input does not give: the outlet, read from the text.

``infer_outlet(text)`` is the one-call form the Python API uses; readers call
``find_outlet`` with patterns they were handed, to also learn which rule fired.
"""

from __future__ import annotations

import re

from tocsin.ingest.dates import parse_published
from tocsin.ingest.outlets import OutletPatterns, default_outlet_patterns, find_outlet

__all__ = ["feed_outlet", "infer_outlet", "parse_published"]

# "Reuters: World News", "BBC News - World", "Example Times | Europe": the outlet comes first.
_FEED_TITLE_SEPARATOR = re.compile(r"\s*(?::\s|\s[-–—|]\s)")


def infer_outlet(text: str, patterns: OutletPatterns | None = None) -> str | None:
    """The outlet the article names as itself ("The Daily Ledger couldn't independently verify")."""
    guess = find_outlet(text, patterns or default_outlet_patterns())
    return guess.outlet if guess else None


def feed_outlet(feed_title: str | None) -> str | None:
    """The outlet part of a feed's title: the text before a section separator."""
    if not feed_title or not feed_title.strip():
        return None
    return _FEED_TITLE_SEPARATOR.split(feed_title.strip(), maxsplit=1)[0].strip() or None
