"""Smoke run on a slice of the PLOVER gold standard: gold actor spans found with their country.

The full figure comes from ``python scripts/measure_actor_recall.py`` (all 322 sentences).
"""

from __future__ import annotations

import json

import pycountry
import pytest

from tocsin.actors import resolve_actors

SLICE = 60
# CAMEO codes that differ from ISO 3166-1 alpha-3 (the gold uses some).
CAMEO_TO_ISO = {"JAP": "JPN", "ITL": "ITA"}


@pytest.mark.slow
def test_gold_actor_spans_found_with_their_country(shared_dir, nlp, actor_dictionary) -> None:
    path = shared_dir / "eval" / "plover" / "derived" / "PLOVER_GSR_CAMEO.plover2.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()[:SLICE]]
    found = total = 0
    for row, doc in zip(rows, nlp.pipe([r["text"] for r in rows]), strict=True):
        mentions = resolve_actors(doc, actor_dictionary, on=None)
        for gold in row["actor"] + row["recipient"]:
            start = row["text"].find(gold["text"].strip())
            if start < 0 or gold["code"] in (None, "NGO", "IMG"):
                continue  # discontinuous gold spans and class codes are left to the script
            end = start + len(gold["text"].strip())
            code = CAMEO_TO_ISO.get(gold["code"], gold["code"])
            total += 1
            countries = {m.country for m in mentions if m.start < end and m.end > start}
            # "IGO" in the gold is any international organisation: a code that is no state's.
            is_igo = code == "IGO" and any(c and not pycountry.countries.get(alpha_3=c) for c in countries)
            found += code in countries or is_igo
    assert total > 80
    assert found / total >= 0.85, f"{found}/{total} gold actor spans found with their country"
