"""Bytes in, text or a reason out: the checks every file reader shares.

Policy (documented in docs/data-formats/ingest.md):
- the size is checked with ``os.stat`` before anything is read, so a 50 MB dump
  is never loaded into memory;
- a byte order mark (UTF-8, UTF-16, UTF-32) or a declared charset (an HTML
  ``<meta charset>``, an HTTP ``Content-Type``) is honoured;
- otherwise the text must be UTF-8. There is no silent fallback to Latin-1 or
  cp1252: guessing would put mojibake into the event data, so an invalid byte
  is reported with its offset and the user re-saves or declares the encoding;
- NUL bytes, or many control characters, mean the file is not text at all.
"""

from __future__ import annotations

import codecs
import os
import re
from pathlib import Path

from tocsin.ingest.problems import InputProblem

# Longest BOM first: the UTF-32-LE mark starts with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Controls that real text never carries (tab, newlines, form feed and ESC excluded).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
# Share of control characters above which decoded "text" is really binary data.
_MAX_CONTROL_SHARE = 0.01
_SAMPLE_CHARS = 65_536


def read_limited(path: Path, *, max_bytes: int) -> bytes | InputProblem:
    """The file's bytes, or why they cannot be had (missing, unreadable, empty, too large)."""
    source = str(path)
    try:
        size = os.stat(path).st_size
    except FileNotFoundError:
        return InputProblem(source, "no such file or directory")
    except PermissionError:
        return InputProblem(source, "permission denied")
    except OSError as err:
        return InputProblem(source, f"cannot read: {err.strerror or err}")
    if size == 0:
        return InputProblem(source, "empty file")
    if size > max_bytes:
        return InputProblem(source, too_large(size, max_bytes))
    try:
        with open(path, "rb") as handle:
            # Read at most one byte past the limit: the file may have grown since stat.
            data = handle.read(max_bytes + 1)
    except PermissionError:
        return InputProblem(source, "permission denied")
    except IsADirectoryError:
        return InputProblem(source, "is a directory")
    except OSError as err:
        return InputProblem(source, f"cannot read: {err.strerror or err}")
    if len(data) > max_bytes:
        return InputProblem(source, too_large(len(data), max_bytes))
    return data


def read_text(path: Path, *, max_bytes: int) -> str | InputProblem:
    """``read_limited`` then ``decode_text``: a whole text file, or why it cannot be had."""
    data = read_limited(path, max_bytes=max_bytes)
    if isinstance(data, InputProblem):
        return data
    return decode_text(data, str(path))


def too_large(size: int, max_bytes: int) -> str:
    return f"too large: {size:,} bytes (limit {max_bytes:,}; raise it with --max-bytes)"


def decode_text(data: bytes, source: str, *, charset: str | None = None) -> str | InputProblem:
    """Decode ``data`` following the policy above; a BOM wins over a declared charset."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode(data[len(bom) :], encoding, source, offset=len(bom))
    if charset:
        try:
            encoding = codecs.lookup(charset.strip().strip("\"'")).name
        except LookupError:
            return InputProblem(source, f"unknown charset '{charset}' declared")
        if encoding not in ("utf-8", "ascii"):
            return _decode(data, encoding, source)
    nul = data.find(b"\x00")
    if nul >= 0:
        return InputProblem(source, f"binary file (NUL byte at byte {nul})")
    return _decode(data, "utf-8", source)


def _decode(data: bytes, encoding: str, source: str, *, offset: int = 0) -> str | InputProblem:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as err:
        name = "UTF-8" if encoding == "utf-8" else encoding
        return InputProblem(
            source,
            f"not valid {name} at byte {err.start + offset} (re-save it as UTF-8 or declare its charset)",
        )
    sample = text[:_SAMPLE_CHARS]
    controls = len(_CONTROL.findall(sample))
    if sample and controls / len(sample) > _MAX_CONTROL_SHARE:
        return InputProblem(source, f"binary file ({controls} control characters in text)")
    return text
