"""The hand-written attribution test set: factuality and claimant for each case."""

from __future__ import annotations

import pytest
from tests.unit.attribution.cases import load_cases, report, run_case

CASES = load_cases()


def _param(case: dict) -> object:
    marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if case.get("xfail") else []
    return pytest.param(case, id=case["id"], marks=marks)


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_case_factuality_and_claimant(nlp, cues, case: dict) -> None:
    outcome = run_case(nlp, cues, case)
    assert outcome.factuality == case["factuality"], case["note"]
    assert outcome.claimant == outcome.expected_claimant, case["note"]


def test_case_set_covers_every_factuality_value() -> None:
    values = {c["factuality"] for c in CASES}
    assert values == {"asserted", "claimed", "denied", "planned", "hypothetical", "recommended"}
    assert len(CASES) >= 80


def test_accuracy_report(nlp, cues, capsys) -> None:
    """Accuracy per factuality value over the whole set (run with -s to read it)."""
    outcomes = [run_case(nlp, cues, c) for c in CASES]
    table = report(outcomes)
    with capsys.disabled():
        print("\n" + table)
    assert sum(o.factuality_ok for o in outcomes) / len(outcomes) >= 0.9
