"""What JSON, JSON Lines and CSV readers share: the record fields and streaming helpers.

Fields (all optional except ``text``): id, text, title, url, outlet, published.
Other fields are ignored.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tocsin.ingest.build import ReadOptions, make_article
from tocsin.ingest.problems import InputProblem
from tocsin.records import Article

FIELDS = ("id", "text", "title", "url", "outlet", "published")
_CHUNK = 1 << 20


def record_to_article(
    record: Any, source: str, options: ReadOptions, *, source_path: str
) -> Article | InputProblem:
    if not isinstance(record, dict):
        return InputProblem(source, f"expected a JSON object, got {type(record).__name__}")
    text = record.get("text")
    if text is None:
        return InputProblem(source, "missing field 'text'")
    if not isinstance(text, str):
        return InputProblem(source, f"field 'text' must be a string, got {type(text).__name__}")
    return make_article(
        text,
        source,
        options,
        id=record.get("id"),
        title=record.get("title"),
        url=record.get("url"),
        outlet=record.get("outlet"),
        published=record.get("published"),
        source_path=source_path,
    )


def too_large_line(max_bytes: int) -> str:
    return f"record too large (over {max_bytes:,} bytes; raise it with --max-bytes)"


def bounded_lines(handle: Any, max_bytes: int) -> Iterator[bytes | None]:
    """Lines of a binary file; None for a line over ``max_bytes``, which is skipped unread."""
    while True:
        line = handle.readline(max_bytes + 1)
        if not line:
            return
        if len(line) > max_bytes and not line.endswith(b"\n"):
            # Discard the rest of the oversized line in chunks, never holding it whole.
            while (chunk := handle.readline(_CHUNK)) and not chunk.endswith(b"\n"):
                pass
            yield None
            continue
        yield line


def check_file(path: Path) -> InputProblem | None:
    """Existence, permission and emptiness, for readers that stream instead of reading whole."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return InputProblem(str(path), "no such file or directory")
    except PermissionError:
        return InputProblem(str(path), "permission denied")
    except OSError as err:
        return InputProblem(str(path), f"cannot read: {err.strerror or err}")
    if size == 0:
        return InputProblem(str(path), "empty file")
    return None
