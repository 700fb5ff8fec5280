"""JSON (one object or a list) and JSON Lines (one object per line) files.

A bad record is reported as ``path:line`` (JSON Lines) or ``path[index]`` (a JSON
list) and the other records go on. JSON Lines is streamed, so the size limit
applies to each line: a 5 GB corpus is fine, a 50 MB line is not. A ``.json`` file
is parsed whole, so the limit applies to the file; large corpora belong in JSON Lines.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from tocsin.ingest.build import ReadOptions
from tocsin.ingest.decode import decode_text, read_text
from tocsin.ingest.problems import InputProblem
from tocsin.ingest.record_fields import bounded_lines, check_file, record_to_article, too_large_line
from tocsin.records import Article


def read_json_file(path: Path, options: ReadOptions) -> Iterator[Article | InputProblem]:
    text = read_text(path, max_bytes=options.max_bytes)
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
    problem = check_file(path)
    if problem:
        yield problem
        return
    found = False
    try:
        with open(path, "rb") as handle:
            for number, line in enumerate(bounded_lines(handle, options.max_bytes), start=1):
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
