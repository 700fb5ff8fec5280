"""Train the fallback event-type model (src/tocsin/data/events/event_model.npz).

Data: NGEC's 4,500 synthetic stories (../shared/reference/ngec), story-level PLOVER
pseudo-labels. Split, by story:

* TEST  = the 960 ledes of ``scripts/ngec_heldout.py`` (60 per type, seed 13): never
  used here except to be excluded;
* DEV   = up to ``--dev-per-type`` further stories per type (seed 7): picks C, the
  temperature and the emission threshold; written to ``--dev-out`` as a gold file
  for ``tocsin eval events``;
* TRAIN = every other story: its first ``--sentences`` sentences, each labelled with
  the story's type.

Features are ``tocsin.events.model.sentence_features`` (the run-time function), so
training and coding cannot drift apart. scikit-learn is a training-time dependency only:

    pip install scikit-learn
    python scripts/train_event_classifier.py --dev-out /tmp/ngec_dev.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ngec_heldout import ledes

from tocsin.events.model import load_event_model, model_path, sentence_features
from tocsin.nlp import shared_nlp


def _split(dev_per_type: int, seed: int) -> tuple[set[str], list[dict], list[dict]]:
    """(test ids, dev rows, train rows) -- rows are ``ledes`` rows plus ``story`` text."""
    test_ids = {row["id"] for row in ledes(60, 13)}
    every = ledes(10_000, seed)
    by_type: dict[str, list[dict]] = defaultdict(list)
    for row in every:
        if row["id"] not in test_ids:
            by_type[row["event"]].append(row)
    dev, train = [], []
    rng = random.Random(seed)
    for label in sorted(by_type):
        items = by_type[label]
        rng.shuffle(items)
        n_dev = min(dev_per_type, len(items) // 3)
        dev.extend(items[:n_dev])
        train.extend(items[n_dev:])
    return test_ids, dev, train


def _stories(ids: set[str]) -> dict[str, str]:
    import csv
    import io
    import zipfile

    from ngec_heldout import ARCHIVE, NGEC

    with zipfile.ZipFile(NGEC / ARCHIVE) as archive:
        name = archive.namelist()[0]
        rows = list(csv.DictReader(io.TextIOWrapper(archive.open(name), encoding="utf-8")))
    return {f"ngec-{i}": row["text"].strip() for i, row in enumerate(rows) if f"ngec-{i}" in ids}


def _calibrate(model: LogisticRegression, x, y: np.ndarray) -> float:
    """Temperature minimising the DEV negative log-likelihood."""
    logits = model.decision_function(x)
    best = (float("inf"), 1.0)
    for t in np.arange(0.3, 3.01, 0.05):
        z = logits / t
        z -= z.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        nll = -logp[np.arange(len(y)), y].mean()
        best = min(best, (nll, float(t)))
    return best[1]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--dev-per-type", type=int, default=15)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--sentences", type=int, default=3)
    parser.add_argument("--min-precision", type=float, default=0.7)
    parser.add_argument("--dev-out", type=Path)
    parser.add_argument("--out", type=Path, default=model_path())
    args = parser.parse_args()

    test_ids, dev, train = _split(args.dev_per_type, args.seed)
    assert not test_ids & {r["id"] for r in dev + train}
    nlp = shared_nlp()
    stories = _stories({r["id"] for r in train})
    train_x, train_y = [], []
    # the first sentences are all we use: parse only the head of each story
    heads = (stories[r["id"]][: 400 * args.sentences] for r in train)
    for row, doc in zip(train, nlp.pipe(heads), strict=True):
        for sent in list(doc.sents)[: args.sentences]:
            train_x.append(sentence_features(sent))
            train_y.append(row["event"])
    dev_x = [[f for s in doc.sents for f in sentence_features(s)] for doc in nlp.pipe(r["text"] for r in dev)]
    vectorizer = TfidfVectorizer(analyzer=lambda f: f, min_df=2, sublinear_tf=True)
    x_train = vectorizer.fit_transform(train_x)
    x_dev = vectorizer.transform(dev_x)
    classes = sorted(set(train_y))
    y_train = np.array([classes.index(y) for y in train_y])
    y_dev = np.array([classes.index(r["event"]) for r in dev])

    best = None
    for c in (0.3, 1.0, 3.0, 10.0):
        model = LogisticRegression(C=c, class_weight="balanced", max_iter=2000).fit(x_train, y_train)
        accuracy = float((model.predict(x_dev) == y_dev).mean())
        print(f"C={c}: DEV accuracy {accuracy:.3f}")
        if best is None or accuracy > best[0]:
            best = (accuracy, c, model)
    accuracy, c, model = best
    temperature = _calibrate(model, x_dev, y_dev)
    logits = model.decision_function(x_dev) / temperature
    probs = np.exp(logits - logits.max(axis=1, keepdims=True))
    probs /= probs.sum(axis=1, keepdims=True)
    top, hit = probs.max(axis=1), probs.argmax(axis=1) == y_dev
    threshold = 1.0
    for t in np.arange(0.2, 0.95, 0.05):
        kept = top >= t
        if kept.any() and hit[kept].mean() >= args.min_precision:
            threshold = float(t)
            break
    kept = top >= threshold
    print(
        f"chosen C={c} T={temperature:.2f} threshold={threshold:.2f}: DEV accuracy {accuracy:.3f}, "
        f"above threshold {kept.mean():.2f} of DEV with precision {hit[kept].mean():.3f}"
    )
    vocabulary = vectorizer.get_feature_names_out()
    meta = {
        "classes": classes,
        "temperature": round(temperature, 3),
        "threshold": round(threshold, 3),
        "C": c,
        "train_sentences": len(train_y),
        "dev_stories": len(dev),
        "dev_accuracy": round(accuracy, 4),
    }
    np.savez_compressed(
        args.out,
        vocabulary=np.array(vocabulary, dtype=str),
        idf=vectorizer.idf_.astype(np.float32),
        weights=model.coef_.T.astype(np.float32),
        bias=model.intercept_.astype(np.float32),
        meta=np.array(json.dumps(meta)),
    )
    load_event_model(args.out)  # the run-time loader must accept what we wrote
    print(f"{len(vocabulary)} features x {len(classes)} classes -> {args.out}")
    if args.dev_out:
        with args.dev_out.open("w", encoding="utf-8") as out:
            for row in dev:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(f"{len(dev)} DEV ledes -> {args.dev_out}")


if __name__ == "__main__":
    main()
