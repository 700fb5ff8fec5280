"""CSV files: a header row naming the record fields (``text`` required), one article per row.

Streamed, so the size limit applies to each record. A bad row is reported as
``path:line`` (the line the row starts on) and the other rows go on; bytes that are
not UTF-8 or a malformed quote end the file there, with the rows before it kept.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tocsin.ingest.build import ReadOptions
from tocsin.ingest.problems import InputProblem
from tocsin.ingest.record_fields import FIELDS, bounded_lines, check_file, record_to_article, too_large_line
from tocsin.records import Article


def read_csv_file(path: Path, options: ReadOptions) -> Iterator[Article | InputProblem]:
    problem = check_file(path)
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
    for line in bounded_lines(handle, max_bytes):
        if line is None:
            raise _StopFile(too_large_line(max_bytes))
        start = 3 if offset == 0 and line.startswith(b"\xef\xbb\xbf") else 0
        try:
            yield line[start:].decode("utf-8")
        except UnicodeDecodeError as err:
            raise _StopFile(f"not valid UTF-8 at byte {offset + start + err.start}") from None
        offset += len(line)
