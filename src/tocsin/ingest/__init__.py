"""Ingest: files, folders, feeds and URLs in; ``Article`` records (or problems) out.

Public interface:
- ``read_inputs(inputs, max_bytes=..., outlets=...)`` yields ``Article`` or ``InputProblem``;
- ``normalise_text`` / ``article_id`` for hashing and duplicate detection;
- ``infer_outlet`` (``find_outlet`` with its rule id), ``parse_published`` for metadata.
"""

from tocsin.ingest.build import ReadOptions, make_article
from tocsin.ingest.dates import parse_published
from tocsin.ingest.metadata import feed_outlet, infer_outlet
from tocsin.ingest.normalise import article_id, normalise_text
from tocsin.ingest.outlets import (
    OutletGuess,
    OutletPatterns,
    default_outlet_patterns,
    find_outlet,
    load_outlet_patterns,
)
from tocsin.ingest.problems import InputProblem
from tocsin.ingest.sources import READERS, read_file, read_inputs

__all__ = [
    "READERS",
    "InputProblem",
    "OutletGuess",
    "OutletPatterns",
    "ReadOptions",
    "article_id",
    "default_outlet_patterns",
    "feed_outlet",
    "find_outlet",
    "infer_outlet",
    "load_outlet_patterns",
    "make_article",
    "normalise_text",
    "parse_published",
    "read_file",
    "read_inputs",
]
