"""Throughput of the full pipeline beside spaCy alone, on the same texts in the same run.

    python benchmarks/throughput.py                  # the seeds repeated to ~200,000 words
    python benchmarks/throughput.py --words 50000 --repeats 3
    python benchmarks/throughput.py --corpus samples/articles

Prints articles/s, words/s and peak memory (max RSS) for spaCy's own ``nlp.pipe``
and for ``code_articles`` (spaCy + every tocsin stage), their ratio, and each
stage's share of spaCy's time (the event coder and attribution have budgets of
25% and 10%). Runs alternate spaCy-alone and full passes and keep each one's
fastest, after a warm-up, so a busy machine skews both alike.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"


def load_corpus(corpus: Path | None, words: int) -> list[str]:
    folder = corpus or SEEDS
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    if not texts:
        sys.exit(f"no .txt articles in {folder}")
    out: list[str] = []
    total = 0
    while total < words:
        for text in texts:
            out.append(text)
            total += len(text.split())
            if total >= words:
                break
    return out


def time_stages(docs, articles, res) -> dict[str, float]:
    """Seconds spent in each tocsin stage over ready-made Docs."""
    from tocsin.actors import resolve_actors
    from tocsin.attribution import attribute_claims, link_claims, score_specificity
    from tocsin.events import code_events
    from tocsin.places import locate_events, resolve_places
    from tocsin.times import date_events, normalise_times

    spent: dict[str, float] = defaultdict(float)

    def timed(name, fn, *args, **kwargs):
        t0 = time.perf_counter()
        result = fn(*args, **kwargs)
        spent[name] += time.perf_counter() - t0
        return result

    for doc, article in zip(docs, articles, strict=True):
        on = article.published
        actors = timed("actors", resolve_actors, doc, res.actors, on=on)
        places = timed("places", resolve_places, doc, res.gazetteer, actors=actors)
        times = timed("times", normalise_times, doc, anchor=on)
        events = timed("events", code_events, doc, actors, res.event_rules, on=on)
        events = timed("places", locate_events, doc, events, places)
        events = timed("times", date_events, doc, events, times, published=on)
        events = timed(
            "attribution",
            attribute_claims,
            doc,
            events,
            actors,
            res.cues,
            published=on,
            historical_days=res.settings.historical_days,
        )
        timed("attribution", link_claims, doc, events, res.cues)
        timed("specificity", score_specificity, doc, actors, places, times, res.cues)
    return dict(spent)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, help="folder of .txt articles (default: ../shared/seeds)")
    parser.add_argument("--words", type=int, default=200_000)
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--model", default=None)
    args = parser.parse_args()

    from tocsin.api import make_article
    from tocsin.pipeline import code_articles
    from tocsin.resources import load_resources
    from tocsin.settings import Settings

    t0 = time.perf_counter()
    res = load_resources(Settings(model=args.model) if args.model else Settings())
    load_s = time.perf_counter() - t0
    texts = load_corpus(args.corpus, args.words)
    n_words = sum(len(t.split()) for t in texts)
    # Distinct ids are irrelevant here: nothing is stored.
    articles = [make_article(t, published="2024-07-02") for t in texts]
    print(f"corpus: {len(texts)} articles, {n_words:,} words; resources loaded in {load_s:.1f}s")

    warm = articles[:8]
    list(res.nlp.pipe([a.text for a in warm]))
    list(code_articles(warm, res, batch_size=args.batch_size))

    spacy_s, full_s = float("inf"), float("inf")
    for i in range(args.repeats):
        t = time.perf_counter()
        docs = list(res.nlp.pipe(texts, batch_size=args.batch_size))
        spacy_s = min(spacy_s, time.perf_counter() - t)
        t = time.perf_counter()
        n_events = sum(len(c.events) for c in code_articles(articles, res, batch_size=args.batch_size))
        full_s = min(full_s, time.perf_counter() - t)
        print(f"  pass {i + 1}: spaCy {spacy_s:.1f}s, full {full_s:.1f}s (best so far)")
    stages = time_stages(docs, articles, res)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    def line(name: str, seconds: float) -> str:
        return (
            f"{name:<22}{len(texts) / seconds:>10.1f} art/s {n_words / seconds:>10,.0f} words/s"
            f" {seconds:>8.1f}s"
        )

    print()
    print(line("spaCy nlp.pipe alone", spacy_s))
    print(line("tocsin full pipeline", full_s))
    print(f"ratio full / spaCy    {full_s / spacy_s:>10.2f}x   (budget 1.50x)")
    print(f"events coded          {n_events:>10,}")
    print(f"peak memory (max RSS) {peak_mb:>10,.0f} MB")
    print("\nstage time as a share of spaCy's:")
    budgets = {"events": 0.25, "attribution": 0.10}
    for name, seconds in sorted(stages.items(), key=lambda kv: -kv[1]):
        budget = f"(budget {budgets[name]:.0%})" if name in budgets else ""
        print(f"  {name:<14}{seconds:>8.2f}s {seconds / spacy_s:>8.1%} {budget}")


if __name__ == "__main__":
    main()
