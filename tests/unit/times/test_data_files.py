"""The time lexicon and patterns: validated at load, errors say file:line: [field] message."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tocsin.errors import DataFileError
from tocsin.times import build_grammar
from tocsin.times.grammar import default_grammar
from tocsin.times.lexicon import (
    HANDLERS,
    LEXICON_FILE,
    PATTERNS_FILE,
    WORD_CLASSES,
    LexiconEntry,
    PatternEntry,
)
from tocsin.times.resolve import HANDLERS as HANDLER_FUNCTIONS

DOC = Path(__file__).resolve().parents[3] / "docs" / "data-formats" / "times.md"


def _write(path: Path, rows: list[dict | str]) -> Path:
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in rows) + "\n")
    return path


def test_the_shipped_files_load():
    grammar = default_grammar()
    assert len(grammar.rules) >= 30
    assert grammar.lexicon.value("month", "Jun.") == "06"


def test_every_handler_named_in_the_schema_exists():
    assert set(HANDLERS) == set(HANDLER_FUNCTIONS)


@pytest.mark.parametrize(
    ("rows", "line", "fragment"),
    [
        ([{"id": "a", "class": "month", "words": ["June"], "value": "06"}, "{not json"], 2, "not JSON"),
        ([{"id": "a", "class": "planet", "words": ["Mars"], "value": "4"}], 1, "[class]"),
        ([{"id": "a", "class": "month", "words": [], "value": "06"}], 1, "[words]"),
        (
            [
                {"id": "a", "class": "month", "words": ["June"], "value": "06"},
                {"id": "a", "class": "month", "words": ["July"], "value": "07"},
            ],
            2,
            "duplicate id",
        ),
    ],
)
def test_bad_lexicon_lines_are_reported_with_file_and_line(tmp_path, rows, line, fragment):
    path = _write(tmp_path / "lexicon.jsonl", rows)
    with pytest.raises(DataFileError) as caught:
        build_grammar(lexicon_file=path)
    assert caught.value.line == line
    assert f"lexicon.jsonl:{line}:" in str(caught.value) and fragment in str(caught.value)


@pytest.mark.parametrize(
    ("row", "fragment"),
    [
        ({"id": "p", "handler": "guess", "pattern": "{MONTH}"}, "unknown handler 'guess'"),
        ({"id": "p", "handler": "month", "pattern": "{MOON}"}, "unknown macro"),
        ({"id": "p", "handler": "month", "pattern": "({MONTH}"}, "not a valid regex"),
    ],
)
def test_bad_pattern_lines_are_reported_with_file_and_line(tmp_path, row, fragment):
    good = {"id": "ok", "handler": "year", "pattern": "{YEAR}"}
    path = _write(tmp_path / "patterns.jsonl", [good, row])
    with pytest.raises(DataFileError) as caught:
        build_grammar(patterns_file=path)
    assert "patterns.jsonl:2:" in str(caught.value) and fragment in str(caught.value)


def test_every_field_class_and_handler_is_documented():
    doc = DOC.read_text(encoding="utf-8")
    fields = [f.alias or name for name, f in LexiconEntry.model_fields.items()]
    fields += list(PatternEntry.model_fields)
    names = fields + list(WORD_CLASSES) + list(HANDLERS)
    assert [n for n in names if f"`{n}`" not in doc] == []


@pytest.mark.parametrize("path", [LEXICON_FILE, PATTERNS_FILE])
def test_each_data_file_has_a_provenance_sidecar(path):
    sidecar = path.with_name(path.name + ".about.md")
    text = sidecar.read_text(encoding="utf-8")
    assert all(word in text for word in ("Source", "Licence", "Date", "Known problems"))
