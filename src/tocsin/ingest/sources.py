"""``read_inputs``: paths, folders and URLs in; Articles and InputProblems out, in order.

The reader for a file is chosen by its extension from one table. Folders are
walked recursively in sorted order (hidden files and folders skipped), so a run
is repeatable. Nothing here raises for one bad input: it becomes an InputProblem
and the rest goes on.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from tocsin.ingest.build import ReadOptions
from tocsin.ingest.csv_reader import read_csv_file
from tocsin.ingest.feed_reader import read_feed_file
from tocsin.ingest.html_reader import read_html_file
from tocsin.ingest.json_reader import read_json_file, read_jsonl_file
from tocsin.ingest.outlets import OutletPatterns, default_outlet_patterns
from tocsin.ingest.problems import InputProblem
from tocsin.ingest.text_reader import read_text_file
from tocsin.ingest.url_reader import is_url, read_url
from tocsin.records import Article

Reader = Callable[[Path, ReadOptions], Iterator[Article | InputProblem]]

READERS: dict[str, Reader] = {
    ".txt": read_text_file,
    ".text": read_text_file,
    ".md": read_text_file,
    ".markdown": read_text_file,
    ".html": read_html_file,
    ".htm": read_html_file,
    ".xhtml": read_html_file,
    ".json": read_json_file,
    ".jsonl": read_jsonl_file,
    ".ndjson": read_jsonl_file,
    ".csv": read_csv_file,
    ".xml": read_feed_file,
    ".rss": read_feed_file,
    ".atom": read_feed_file,
}


def read_inputs(
    inputs: Iterable[str | Path],
    *,
    max_bytes: int,
    outlets: OutletPatterns | None = None,
) -> Iterator[Article | InputProblem]:
    """Everything the inputs hold, as Articles, with one InputProblem per bad input."""
    options = ReadOptions(max_bytes=max_bytes, outlets=outlets or default_outlet_patterns())
    for item in inputs:
        value = str(item)
        if is_url(value):
            yield from read_url(value, options)
            continue
        path = Path(value)
        if path.is_dir():
            for file in walk_folder(path):
                yield from read_file(file, options)
        else:
            yield from read_file(path, options)


def read_file(path: Path, options: ReadOptions) -> Iterator[Article | InputProblem]:
    if not path.exists() and not path.is_symlink():
        yield InputProblem(str(path), "no such file or directory")
        return
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        kind = f"'{path.suffix}'" if path.suffix else "(no extension)"
        yield InputProblem(str(path), f"unsupported file type {kind}; supported: {', '.join(READERS)}")
        return
    yield from reader(path, options)


def walk_folder(folder: Path) -> Iterator[Path]:
    """Files under ``folder``, sorted, skipping hidden names (.git, .DS_Store...)."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name
