"""JSON, JSON Lines and CSV: many articles per file, one record each.

Fields (all optional except ``text``): id, text, title, url, outlet, published.
Other fields are ignored. A bad record is reported as ``path:line`` (JSON Lines,
CSV) or ``path[index]`` (a JSON list) and the other records go on.

JSON Lines and CSV are streamed, so the size limit applies to each record, not to
the file: a 5 GB corpus is fine, a 50 MB line is not. A ``.json`` file is parsed
whole, so the limit applies to the file; large corpora belong in JSON Lines.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tocsin.ingest.build import ReadOptions, make_article
from tocsin.ingest.decode import decode_text, read_limited
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


def read_json_file(path: Path, options: ReadOptions) -> Iterator[Article | InputProblem]:
    data = read_limited(path, max_bytes=options.max_bytes)
    if isinstance(data, InputProblem):
        yield data
        return
    text = decode_text(data, str(path))
    if isinstance(text, InputProblem):
        yield text
        return
    try:
        value = json.loads(text)
    except json.JSONDecodeError as err:
        yield InputProblem(f"{path}:{err.lineno}", f"invalid JSON: {err.msg} (column {err.colno})")
        return
    if isinstance(value, dict):
        yield record_to_article(value, str(path), options, source_path=str(path))
    elif isinstance(value, list):
        if not value:
            yield InputProblem(str(path), "empty JSON list")
        for index, item in enumerate(value):
            yield record_to_article(item, f"{path}[{index}]", options, source_path=str(path))
    else:
        yield InputProblem(str(path), f"expected a JSON object or list, got {type(value).__name__}")


def read_jsonl_file(path: Path, options: ReadOptions) -> Iterator[Article | InputProblem]:
    problem = _check_file(path)
    if problem:
        yield problem
        return
    found = False
    try:
        with open(path, "rb") as handle:
            for number, line in enumerate(_bounded_lines(handle, options.max_bytes), start=1):
                source = f"{path}:{number}"
                if line is None:
                    yield InputProblem(source, too_large_line(options.max_bytes))
                    continue
                if not line.strip():
                    continue
                found = True
                yield _jsonl_line(line, source, options, source_path=str(path))
    except OSError as err:
        yield InputProblem(str(path), f"cannot read: {err.strerror or err}")
        return
    if not found:
        yield InputProblem(str(path), "no records (only blank lines)")


def too_large_line(max_bytes: int) -> str:
    return f"record too large (over {max_bytes:,} bytes; raise it with --max-bytes)"


def _jsonl_line(
    line: bytes, source: str, options: ReadOptions, *, source_path: str
) -> Article | InputProblem:
    text = decode_text(line, source)
    if isinstance(text, InputProblem):
        return text
    try:
        record = json.loads(text)
    except json.JSONDecodeError as err:
        return InputProblem(source, f"invalid JSON: {err.msg} (column {err.colno})")
    return record_to_article(record, source, options, source_path=source_path)


def _bounded_lines(handle: Any, max_bytes: int) -> Iterator[bytes | None]:
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


def read_csv_file(path: Path, options: ReadOptions) -> Iterator[Article | InputProblem]:
    problem = _check_file(path)
    if problem:
        yield problem
        return
    # The csv module refuses fields over its (process-wide) limit; raise it, never lower it,
    # so an article up to the byte limit fits.
    csv.field_size_limit(max(csv.field_size_limit(), options.max_bytes))
    line = 1
    try:
        with open(path, "rb") as handle:
            reader = csv.DictReader(_decoded_lines(handle, options.max_bytes))
            columns = reader.fieldnames
            if not columns or "text" not in columns:
                yield InputProblem(str(path), f"no 'text' column (columns: {', '.join(columns or [])})")
                return
            line = reader.line_num + 1
            found = False
            for row in reader:
                source = f"{path}:{line}"
                line = reader.line_num + 1
                if not any(value.strip() for value in row.values() if isinstance(value, str)):
                    continue
                found = True
                yield record_to_article(
                    {key: row.get(key) for key in FIELDS}, source, options, source_path=str(path)
                )
            if not found:
                yield InputProblem(str(path), "no records (only a header or blank rows)")
    except _StopFile as stop:
        yield InputProblem(f"{path}:{line}", f"{stop}; rest of file skipped")
    except csv.Error as err:
        yield InputProblem(f"{path}:{line}", f"malformed CSV: {err}; rest of file skipped")
    except OSError as err:
        yield InputProblem(str(path), f"cannot read: {err.strerror or err}")


class _StopFile(Exception):
    """Raised inside the CSV line feed to end a file that cannot be read further."""


def _decoded_lines(handle: Any, max_bytes: int) -> Iterator[str]:
    """UTF-8 lines for the csv module (a BOM is dropped); bad bytes end the file with their offset."""
    offset = 0
    for line in _bounded_lines(handle, max_bytes):
        if line is None:
            raise _StopFile(too_large_line(max_bytes))
        start = 3 if offset == 0 and line.startswith(b"\xef\xbb\xbf") else 0
        try:
            yield line[start:].decode("utf-8")
        except UnicodeDecodeError as err:
            raise _StopFile(f"not valid UTF-8 at byte {offset + start + err.start}") from None
        offset += len(line)


def _check_file(path: Path) -> InputProblem | None:
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
