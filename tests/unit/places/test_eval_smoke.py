"""Smoke run of ``tocsin eval places`` on a slice of the gold corpora (slow: runs spaCy)."""

from __future__ import annotations

import pytest

from tocsin.evaluate import places as evaluate_places


@pytest.mark.slow
def test_geowebnews_slice(shared_dir):
    metrics = evaluate_places.run(shared_dir / "eval" / "places" / "GeoWebNews", limit=8)
    assert metrics["corpus"] == "GeoWebNews" and metrics["documents"] == 8
    rec = metrics["recognition"]["overlap"]
    assert rec["gold"] > 0 and 0.0 < rec["f1"] <= 1.0
    res = metrics["resolution_gold_spans"]
    assert res["gold_with_id"] > 0 and res["exact_id"] > 0.5 and res["acc_161km"] > 0.5
    assert evaluate_places.render(metrics) is not None


@pytest.mark.slow
def test_trnews_slice(shared_dir):
    metrics = evaluate_places.run(shared_dir / "eval" / "places" / "TR-News" / "TR-News.xml", limit=5)
    assert metrics["corpus"] == "TR-News" and metrics["documents"] == 5
    assert metrics["resolution_gold_spans"]["acc_161km"] > 0.6
