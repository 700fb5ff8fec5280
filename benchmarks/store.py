"""Cost of storing and querying coded articles, beside spaCy's own time for the same articles.

    python benchmarks/store.py                               # SQLite in a temp dir
    python benchmarks/store.py --db postgresql+psycopg://user@host/db --articles 2000

Codes the seed articles once, then saves copies under new ids (so every save is a
real insert) and times: save per article, known_article_ids, events() with and
without an --actor filter, and each export format. Prints save time as a share of
spaCy's nlp.pipe time per article.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="store URL (default: a fresh SQLite file)")
    parser.add_argument("--articles", type=int, default=1000, help="articles to save")
    args = parser.parse_args()

    from tocsin.api import make_article
    from tocsin.export import export_events
    from tocsin.pipeline import code_articles
    from tocsin.resources import load_resources
    from tocsin.store import Store

    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    if not texts:
        sys.exit(f"no seed articles in {SEEDS}")
    res = load_resources()
    articles = [make_article(t, published="2024-06-29") for t in texts]
    list(res.nlp.pipe(texts))  # warm-up
    start = time.perf_counter()
    for _ in range(5):
        list(res.nlp.pipe(texts))
    spacy_ms = (time.perf_counter() - start) / (5 * len(texts)) * 1000
    coded = list(code_articles(articles, res))

    tmp = Path(tempfile.mkdtemp(prefix="tocsin-bench-"))
    url = args.db or f"sqlite:///{tmp / 'bench.db'}"
    with Store.open(url) as store:
        ids = []
        start = time.perf_counter()
        for i in range(args.articles):
            base = coded[i % len(coded)]
            art_id = f"bench{time.time_ns()}{i:07d}"
            ids.append(art_id)
            store.save(dataclasses.replace(base, article=dataclasses.replace(base.article, id=art_id)))
        save_ms = (time.perf_counter() - start) / args.articles * 1000
        timings = {"known_article_ids": _timed(lambda: store.known_article_ids(ids))}
        rows = store.events()
        timings["events()"] = _timed(store.events)
        timings["events(actor=BLR)"] = _timed(lambda: store.events(actor="BLR"))
        timings["events(since=2024-01-01)"] = _timed(lambda: store.events(since=dt.date(2024, 1, 1)))
        for fmt in ("csv", "jsonl", "parquet", "geojson"):
            timings[f"export {fmt}"] = _timed(lambda f=fmt: export_events(rows, f, tmp / f"events.{f}"))
        counts = store.counts()
    print(f"store: {store.url}")
    print(f"stored: {counts['articles']} articles, {counts['events']} events")
    print(f"spaCy nlp.pipe: {spacy_ms:.2f} ms/article (seeds)")
    print(f"save: {save_ms:.2f} ms/article = {save_ms / spacy_ms:.1%} of spaCy's time")
    for name, seconds in timings.items():
        print(f"{name}: {seconds * 1000:.1f} ms ({len(rows)} event rows)")


def _timed(fn) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
