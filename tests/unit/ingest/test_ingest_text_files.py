"""Plain text and Markdown files, and the bad-input checks every file reader shares."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest

from tocsin.ingest import InputProblem, ReadOptions, article_id, default_outlet_patterns, read_file
from tocsin.records import Article


def test_text_file_becomes_one_article_with_text_as_read(tmp_path: Path, read) -> None:
    text = "Minsk \u201cdenied\u201d it.\n\nKyiv disagreed.  Both sides   said so."
    path = tmp_path / "a.txt"
    path.write_text("\n  " + text + "\n\n", encoding="utf-8")
    [article] = read(path)
    assert isinstance(article, Article)
    assert article.text == "\n  " + text + "\n\n"  # exactly as read: offsets index the file
    assert article.id == article_id(text)  # the id hashes a normalised copy
    assert article.source_path == str(path)
    assert (article.published, article.published_precision) == (None, "unknown")
    assert article.title is None


def test_markdown_is_kept_verbatim_with_its_heading_as_title(tmp_path: Path, read) -> None:
    text = (
        "# Border tensions rise\n\n- Belarus called up reservists\n\n"
        "| Option | Who |\n|---|---|\n| Talks | EU |"
    )
    path = tmp_path / "b.md"
    path.write_text(text, encoding="utf-8")
    [article] = read(path)
    assert article.text == text
    assert article.title == "Border tensions rise"


def test_outlet_inferred_from_the_text(tmp_path: Path, read) -> None:
    path = tmp_path / "c.txt"
    path.write_text("Troops moved. The Baltic Courier could not independently verify the report.")
    [article] = read(path)
    assert (article.outlet, article.outlet_source) == ("The Baltic Courier", "text")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\t\n ", "empty text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (NUL byte at byte 8)"),
        (b"Minsk said caf\xe9 closed.", "not valid UTF-8 at byte 14"),
        (b"ok \xff\xfe at the end", "not valid UTF-8 at byte 3"),
        (b"\x01\x02\x03\x04 mostly control \x05\x06\x07\x08", "binary file (8 control characters in text)"),
        (codecs.BOM_UTF8 + b"Minsk said caf\xe9", "not valid UTF-8 at byte 17"),
    ],
)
def test_bad_text_files_are_reported(tmp_path: Path, read, data: bytes, reason: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    [problem] = read(path)
    assert isinstance(problem, InputProblem)
    assert problem.source == str(path)
    assert reason in problem.reason
    assert str(problem) == f"{path}: {problem.reason}"


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE)],
)
def test_byte_order_mark_decides_the_encoding(tmp_path: Path, read, encoding: str, bom: bytes) -> None:
    text = "Lukashenko\u2019s forces moved to the border."
    path = tmp_path / "bom.txt"
    path.write_bytes(bom + text.encode(encoding))
    [article] = read(path)
    assert article.text == text


def test_file_over_the_limit_is_reported_without_reading(tmp_path: Path) -> None:
    path = tmp_path / "dump.txt"
    with open(path, "wb") as handle:  # sparse: 50 MB on paper, nothing on disk
        handle.truncate(50 * 1024 * 1024)
    opts = ReadOptions(max_bytes=1_000_000, outlets=default_outlet_patterns())
    [problem] = read_file(path, opts)
    assert isinstance(problem, InputProblem)
    assert problem.reason.startswith("too large: 52,428,800 bytes (limit 1,000,000")
    assert "--max-bytes" in problem.reason


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file_is_reported(tmp_path: Path, read) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("Troops moved.")
    path.chmod(0)
    [problem] = read(path)
    assert problem == InputProblem(str(path), "permission denied")


def test_missing_file_and_unknown_extension(tmp_path: Path, read) -> None:
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    [missing] = read(tmp_path / "nope.txt")
    [unknown] = read(pdf)
    [bare] = read(_touch(tmp_path / "README"))
    assert missing.reason == "no such file or directory"
    assert unknown.reason.startswith("unsupported file type '.pdf'; supported: .txt")
    assert bare.reason.startswith("unsupported file type (no extension)")


def _touch(path: Path) -> Path:
    path.write_text("x")
    return path
