"""Smoke run of the event evaluation on a slice of the PLOVER gold standard."""

from __future__ import annotations

import pytest
from rich.console import Console

from tocsin.evaluate.events import render, run

GOLD = ("eval", "plover", "derived", "PLOVER_GSR_CAMEO.plover2.jsonl")


@pytest.mark.slow
def test_eval_on_gold_slice(shared_dir) -> None:
    metrics = run(shared_dir.joinpath(*GOLD), limit=60)
    assert metrics["sentences"] == 60
    assert metrics["coverage"] > 0.8
    assert metrics["micro_f1"] > 0.5
    assert 0.0 <= metrics["actor_country"] <= 1.0
    console = Console(record=True, width=120)
    console.print(render(metrics))
    assert "macro-F1" in console.export_text()
