"""Turn NGEC's synthetic stories into a held-out event-type check for the coder.

The PLOVER gold standard is what we report on; these 4,500 machine-written stories
(../shared/reference/ngec, labelled with a PLOVER event per story) are a second,
differently written set that no rule was written against. Each story's lede
(first sentence) becomes one gold line with the story's label, in the JSON Lines
form ``tocsin eval events`` reads:

    python scripts/ngec_heldout.py --out /tmp/ngec_ledes.jsonl [--per-type 60]
    tocsin eval events --gold /tmp/ngec_ledes.jsonl

Labels are document-level and pseudo-labels, so the figure is a floor on agreement,
not a gold-standard score. Nothing is written into the project.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import random
import re
import zipfile
from collections import defaultdict
from pathlib import Path

NGEC = Path(__file__).resolve().parents[2] / "shared" / "reference" / "ngec"
ARCHIVE = "train_classifiers_gpt_synthetic_events_2023-10-19_19.csv.zip"
_FIRST_SENTENCE = re.compile(r"^(.+?[.!?])(?:\s+[A-Z\"“]|\s*$)", re.S)


def ledes(per_type: int, seed: int) -> list[dict]:
    with zipfile.ZipFile(NGEC / ARCHIVE) as archive:
        name = archive.namelist()[0]
        rows = list(csv.DictReader(io.TextIOWrapper(archive.open(name), encoding="utf-8")))
    by_type: dict[str, list[dict]] = defaultdict(list)
    for i, row in enumerate(rows):
        text = row["text"].strip()
        match = _FIRST_SENTENCE.match(text)
        lede = (match.group(1) if match else text[:300]).strip()
        if len(lede.split()) < 6:
            continue
        by_type[row["label"]].append(
            {
                "id": f"ngec-{i}",
                "text": lede,
                "event": row["label"],
                "mode": (row["mode"] or "").lower() or None,
                "actor": [],
                "recipient": [],
            }
        )
    rng = random.Random(seed)
    out = []
    for label in sorted(by_type):
        items = by_type[label]
        rng.shuffle(items)
        out.extend(items[:per_type])
    return out


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--per-type", type=int, default=60)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    rows = ledes(args.per_type, args.seed)
    with args.out.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(rows)} ledes written to {args.out}")


if __name__ == "__main__":
    main()
