"""``tocsin annotate``: JSON Lines (or files) in, one JSON line per document out; nothing stored."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, TextIO

import typer

from tocsin.records import Article


def _read_jsonl(stream: TextIO, source: str) -> Iterator[Article]:
    from tocsin.api import make_article
    from tocsin.errors import InputError

    for line_no, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            text = record["text"]
            if not isinstance(text, str):
                raise TypeError("'text' must be a string")
            yield make_article(
                text,
                id=record.get("id"),
                published=record.get("published"),
                outlet=record.get("outlet"),
                url=record.get("url"),
                title=record.get("title"),
            )
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as err:
            reason = f"missing field {err}" if isinstance(err, KeyError) else str(err)
            problem = InputError(f"{source}:{line_no}", reason)
            typer.secho(f"skipped {problem}", fg="yellow", err=True)


def _read_files(paths: list[Path], max_bytes: int) -> Iterator[Article]:
    """Any input ``tocsin ingest`` reads; a bad one is reported and skipped."""
    from tocsin.ingest import InputProblem, read_inputs

    for item in read_inputs(paths, max_bytes=max_bytes):
        if isinstance(item, InputProblem):
            typer.secho(f"skipped {item.source}: {item.reason}", fg="yellow", err=True)
        else:
            yield item


def annotate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Files or folders: .jsonl ({id, text, published?, url?, outlet?} a line), .txt, .md, "
            ".html, .json, .csv, feeds. Offsets index each text as read."
        ),
    ] = None,
    published: Annotated[
        str | None, typer.Option(help="Publication date (YYYY-MM-DD) for inputs that have none.")
    ] = None,
    model: Annotated[str | None, typer.Option(help="spaCy pipeline package.")] = None,
) -> None:
    """Code documents and print one JSON line each (the contract in DESIGN.md). Reads stdin if no PATHS."""
    import dataclasses
    import datetime as dt

    from tocsin.pipeline import code_articles
    from tocsin.resources import load_resources
    from tocsin.settings import Settings

    settings = Settings(model=model) if model else Settings()
    res = load_resources(settings)
    articles = _read_files(paths, settings.max_article_bytes) if paths else _read_jsonl(sys.stdin, "<stdin>")
    if published:
        default_date = dt.date.fromisoformat(published)
        articles = (
            a if a.published else dataclasses.replace(a, published=default_date, published_precision="day")
            for a in articles
        )
    out = sys.stdout
    for coded in code_articles(articles, res):
        out.write(json.dumps(coded.to_json(), ensure_ascii=False) + "\n")
    out.flush()
