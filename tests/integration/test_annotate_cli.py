"""``tocsin annotate`` as a user runs it: JSON Lines in, schema-valid JSON Lines out."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import resources as importlib_resources
from pathlib import Path

import jsonschema
import pytest

from tocsin.evaluate.seeds import load_seed_articles


@pytest.mark.issue(2)
def test_annotate_seeds_from_stdin(shared_dir: Path, tmp_path: Path) -> None:
    lines = []
    for seed in load_seed_articles():
        text = (shared_dir / "seeds" / seed.file).read_text(encoding="utf-8")
        lines.append(json.dumps({"id": f"seed-{seed.seed}", "text": text, "published": seed.published}))
    lines.insert(1, "{not json")
    proc = subprocess.run(
        [sys.executable, "-m", "tocsin", "annotate"],
        input="\n".join(lines) + "\n",
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "<stdin>:2" in proc.stderr  # the bad line is reported with its line number
    docs = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [d["id"] for d in docs] == ["seed-004", "seed-001", "seed-000"]

    schema_file = importlib_resources.files("tocsin") / "schemas" / "annotate.schema.json"
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    texts = {
        f"seed-{s.seed}": (shared_dir / "seeds" / s.file).read_text(encoding="utf-8")
        for s in load_seed_articles()
    }
    for doc in docs:
        jsonschema.validate(doc, schema)
        assert doc["events"], f"no events in {doc['id']}"
        text = texts[doc["id"]]
        for event in doc["events"]:
            assert text[event["sentence"]["start"] : event["sentence"]["end"]] == event["evidence"]
    assert docs[0]["outlet"] == "The Epoch Times"
    assert docs[2]["outlet"] == "UNITED24 Media"
    assert docs[1]["outlet"] is None
