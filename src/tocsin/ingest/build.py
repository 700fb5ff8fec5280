"""From what a reader found (text and whatever metadata came with it) to an ``Article``."""

from __future__ import annotations

from dataclasses import dataclass

from tocsin.ingest.dates import parse_published
from tocsin.ingest.normalise import article_id
from tocsin.ingest.outlets import OutletPatterns, find_outlet
from tocsin.ingest.problems import InputProblem
from tocsin.records import Article


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """What every reader needs, loaded once per run by the caller."""

    max_bytes: int
    outlets: OutletPatterns


def make_article(
    text: str,
    source: str,
    options: ReadOptions,
    *,
    id: object = None,
    title: object = None,
    url: object = None,
    outlet: object = None,
    published: object = None,
    source_path: str | None = None,
) -> Article | InputProblem:
    """An Article, or a problem when there is no text. The text is kept exactly as read,
    so offsets into it index the input as given (the id hashes a normalised copy).

    An ``id`` given by the input is kept (annotation and evaluation match on it);
    otherwise the id is the hash of the normalised text. The outlet given by the
    input wins; else it is inferred from the text where the article names itself.
    """
    if not text.strip():
        return InputProblem(source, "empty text")
    if len(text.encode("utf-8")) > options.max_bytes:
        return InputProblem(source, f"text too large (limit {options.max_bytes:,} bytes)")
    date, precision = parse_published(published)
    outlet = _field(outlet)
    outlet_source = "input" if outlet else None
    if outlet is None and (guess := find_outlet(text, options.outlets)):
        outlet, outlet_source = guess.outlet, "text"
    return Article(
        id=_field(id) or article_id(text),
        text=text,
        title=_field(title),
        url=_field(url),
        outlet=outlet,
        outlet_source=outlet_source,
        published=date,
        published_precision=precision,
        source_path=source_path,
    )


def _field(value: object) -> str | None:
    """A metadata string, or None when absent or blank (JSON numbers become strings)."""
    if value is None:
        return None
    return str(value).strip() or None
