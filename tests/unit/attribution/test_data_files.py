"""Cue, outlet-grade and weight files: validated at load, errors say file:line: [field] message."""

from __future__ import annotations

from pathlib import Path

import pytest

from tocsin.attribution import GRADE_MEANING, grade_outlet, load_cues, load_outlet_grades
from tocsin.attribution.cues import read_cue_file
from tocsin.attribution.weights import SIGNALS, load_specificity_weights
from tocsin.errors import DataFileError


def test_builtin_cues_cover_every_kind(cues) -> None:
    for kind in (
        "attribution_verb",
        "negation",
        "planned_modal",
        "recommendation_modal",
        "hedge",
        "boilerplate",
    ):
        assert cues.of(kind), kind
    assert cues.attribution_force["claim"] == "distancing"
    assert cues.attribution_force["deny"] == "negative"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"id": "x.1", "kind": "attribution_verb", "text": "say"}', "[force]"),
        ('{"id": "x.1", "kind": "modal", "text": "could"}', "[kind]"),
        ('{"id": "x.1", "kind": "hedge"}', "[text]"),
        ('{"id": "x.1", "kind": "hedge", "text": "reportedly", "colour": "red"}', "[colour]"),
        ("{not json", "invalid JSON"),
    ],
)
def test_bad_cue_lines_are_reported_with_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "cues.jsonl"
    path.write_text('{"id": "ok.1", "kind": "hedge", "text": "allegedly"}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        read_cue_file(path)
    assert f"{path}:2: " in str(err.value)
    assert message in str(err.value)


def test_duplicate_cue_ids_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "cues.jsonl"
    line = '{"id": "h.1", "kind": "hedge", "text": "allegedly"}\n'
    path.write_text(line + line, encoding="utf-8")
    with pytest.raises(DataFileError, match=r":2: \[id\] duplicate id 'h.1'"):
        read_cue_file(path)


GRADES = """# analyst grades, 2026-11
pattern,grade,note
*.gov.by,E,state outlet of a party
reuters.com,B,wire
*epoch times*,C,
"""


@pytest.mark.parametrize(
    ("outlet", "url", "grade"),
    [
        ("Reuters", "https://www.reuters.com/world/x", "B"),
        ("The Epoch Times", None, "C"),
        (None, "https://mil.gov.by/news/1", "E"),
        ("Unknown Daily", "https://unknown.example/a", None),
    ],
)
def test_outlet_grades_match_name_or_host(tmp_path: Path, outlet, url, grade) -> None:
    path = tmp_path / "grades.csv"
    path.write_text(GRADES, encoding="utf-8")
    cues = load_cues(outlet_grades_file=path)
    found = grade_outlet(cues.outlet_grades, outlet, url)
    assert (found.grade if found else None) == grade
    if found:
        assert found.grade in GRADE_MEANING


def test_bad_grade_is_reported_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "grades.csv"
    path.write_text("pattern,grade\nreuters.com,B\nrt.com,G\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"grades.csv:3: \[grade\].*A-F"):
        load_outlet_grades(path)


def test_specificity_weights_name_every_signal() -> None:
    assert {w.signal for w in load_specificity_weights()} == set(SIGNALS)


def test_missing_weight_signal_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "w.csv"
    path.write_text("signal,direction,weight,saturation,per_words,note\nbase,+,0.3,1,0,\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="missing signals"):
        load_specificity_weights(path)
