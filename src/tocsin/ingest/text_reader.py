"""Plain text and Markdown files: one article each, the text kept exactly as written.

Markdown is not rendered: tocsin's ``tocsin_layout`` spaCy component already turns
headings, bullets and table rows into sentence starts, and rendering would move
every offset.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from tocsin.ingest.build import ReadOptions, make_article
from tocsin.ingest.decode import read_text
from tocsin.ingest.problems import InputProblem
from tocsin.records import Article

_MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})


def read_text_file(path: Path, options: ReadOptions) -> Iterator[Article | InputProblem]:
    text = read_text(path, max_bytes=options.max_bytes)
    if isinstance(text, InputProblem):
        yield text
        return
    title = markdown_title(text) if path.suffix.lower() in _MARKDOWN_SUFFIXES else None
    yield make_article(text, str(path), options, title=title, source_path=str(path))


def markdown_title(text: str) -> str | None:
    """The first line when it is a level-1 ATX heading ("# Title")."""
    first = text.lstrip().split("\n", 1)[0].strip()
    if first.startswith("# "):
        return first[2:].strip().rstrip("#").strip() or None
    return None
