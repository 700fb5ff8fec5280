"""HTML pages: the main text found by trafilatura, with its title, date, URL and site name."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import trafilatura

from tocsin.ingest.build import ReadOptions, make_article
from tocsin.ingest.decode import decode_text, read_limited
from tocsin.ingest.problems import InputProblem
from tocsin.records import Article

# <meta charset="..."> or <meta http-equiv="Content-Type" content="text/html; charset=...">
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_SNIFF_BYTES = 4096
# Dates only from the page's metadata and markup, not guessed from body text or today.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def read_html_file(path: Path, options: ReadOptions) -> Iterator[Article | InputProblem]:
    data = read_limited(path, max_bytes=options.max_bytes)
    if isinstance(data, InputProblem):
        yield data
        return
    yield html_to_article(data, str(path), options, source_path=str(path))


def html_to_article(
    data: bytes,
    source: str,
    options: ReadOptions,
    *,
    charset: str | None = None,
    url: str | None = None,
    source_path: str | None = None,
) -> Article | InputProblem:
    """One page's bytes to an Article; ``charset`` is the HTTP header's, if any."""
    html = decode_text(data, source, charset=charset or sniff_charset(data))
    if isinstance(html, InputProblem):
        return html
    doc = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        date_extraction_params=_DATE_PARAMS,
    )
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        return InputProblem(source, "no main text found in the HTML page")
    return make_article(
        text,
        source,
        options,
        title=doc.title,
        url=url or doc.url,
        outlet=doc.sitename,
        published=doc.date,
        source_path=source_path,
    )


def sniff_charset(data: bytes) -> str | None:
    """The charset a page declares in its first few KB, if any."""
    match = _META_CHARSET.search(data[:_SNIFF_BYTES])
    return match.group(1).decode("ascii") if match else None
