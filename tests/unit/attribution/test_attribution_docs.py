"""docs/data-formats/attribution.md documents every field and kind, and its examples hold."""

from __future__ import annotations

from pathlib import Path
from typing import get_args

import pytest
from tests.unit.attribution.cases import make_event

from tocsin.attribution import attribute_claims, grade_outlet, load_cues
from tocsin.attribution.attribute import explain_claims
from tocsin.attribution.cues import CueEntry, CueKind
from tocsin.attribution.outlets import OutletGradeRow
from tocsin.attribution.weights import SIGNALS, SignalWeightRow

DOC = Path(__file__).resolve().parents[3] / "docs" / "data-formats" / "attribution.md"


@pytest.fixture(scope="module")
def doc() -> str:
    return DOC.read_text(encoding="utf-8")


def _block(doc: str, lang: str, nth: int = 0) -> str:
    return doc.split(f"```{lang}\n")[nth + 1].split("```", 1)[0]


@pytest.mark.parametrize(
    "name", [*CueEntry.model_fields, *OutletGradeRow.model_fields, *SignalWeightRow.model_fields]
)
def test_every_field_is_documented(doc: str, name: str) -> None:
    assert f"| `{name}` |" in doc


@pytest.mark.parametrize("kind", get_args(CueKind))
def test_every_cue_kind_is_documented(doc: str, kind: str) -> None:
    assert f"| `{kind}` |" in doc


@pytest.mark.parametrize("signal", SIGNALS)
def test_every_signal_is_documented(doc: str, signal: str) -> None:
    assert f"`{signal}`" in doc


@pytest.mark.parametrize(
    ("text", "trigger", "factuality", "rule", "claimant"),
    [
        (
            "State media trumpeted that the army had destroyed twelve tanks.",
            "destroyed",
            "claimed",
            "attribution.distancing.trumpet",
            "State media",
        ),
        (
            "The army purportedly destroyed twelve tanks.",
            "destroyed",
            "claimed",
            "clause.hedge.purportedly",
            None,
        ),
    ],
)
def test_worked_cue_example(nlp, doc: str, tmp_path: Path, text, trigger, factuality, rule, claimant) -> None:
    path = tmp_path / "cues.jsonl"
    path.write_text(_block(doc, "json"), encoding="utf-8")
    cues = load_cues(cue_file=path)
    parsed = nlp(text)
    events, decisions = explain_claims(
        parsed, (make_event(parsed, trigger),), (), cues, published=None, historical_days=180
    )
    assert (events[0].factuality, decisions[0].rule) == (factuality, rule)
    assert (events[0].claimant.text if events[0].claimant else None) == claimant
    assert attribute_claims(
        parsed, (make_event(parsed, trigger),), (), cues, published=None, historical_days=180
    )


def test_worked_grades_example(doc: str, tmp_path: Path) -> None:
    path = tmp_path / "grades.csv"
    path.write_text(_block(doc, "csv"), encoding="utf-8")
    cues = load_cues(outlet_grades_file=path)
    found = grade_outlet(cues.outlet_grades, "The Epoch Times")
    assert found is not None and found.grade == "C"
