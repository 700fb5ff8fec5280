"""Recognition recall by country of the actor resolver on the PLOVER gold standard.

For every gold actor and recipient span (text + country code) of
../shared/eval/plover/derived/PLOVER_GSR_CAMEO.plover2.jsonl, count it found when a
resolved mention overlapping the span carries the gold country. Gold codes are
CAMEO-style in places, so they are normalised first (JAP -> JPN; "IGO" matches any
international organisation code). Spans whose gold code names no country (NGO, IMG,
"---") are reported apart and left out of the figure.

With ``--sectors``, the spans found with the right country are also tabulated by the
mention's kind and sector against the gold sector (sector accuracy by category).

Run from the project root:  python scripts/measure_actor_recall.py [--misses N] [--sectors]
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter, defaultdict
from pathlib import Path

import pycountry
from spacy.language import Language

from tocsin.actors import ActorDictionary, load_actor_dictionary, resolve_actors
from tocsin.nlp import shared_nlp

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
GOLD = SHARED / "eval" / "plover" / "derived" / "PLOVER_GSR_CAMEO.plover2.jsonl"
# CAMEO country codes that differ from ISO 3166-1 alpha-3.
CAMEO_TO_ISO = {"JAP": "JPN", "ITL": "ITA", "ROM": "ROU", "TMP": "TLS", "KSV": "XKX", "SER": "SRB"}
NON_COUNTRY = {"NGO", "IMG", "---", "", None}


def normalise(code: str | None) -> str | None:
    if code in NON_COUNTRY:
        return None
    return CAMEO_TO_ISO.get(code, code)


def is_igo(code: str | None) -> bool:
    return code is not None and pycountry.countries.get(alpha_3=code) is None and code != "XKX"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", type=int, default=0, help="print this many missed spans")
    parser.add_argument(
        "--sectors",
        action="store_true",
        help="also tabulate sectors: for spans found with the right country, the mention's "
        "kind and sector against the gold sector (None and '***' both mean no sector)",
    )
    args = parser.parse_args()
    nlp = shared_nlp()
    dictionary = load_actor_dictionary()
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    list(nlp.pipe([r["text"] for r in rows[:20]]))  # warm-up
    started = time.perf_counter()
    docs = list(nlp.pipe([r["text"] for r in rows]))
    spacy_seconds = time.perf_counter() - started
    started = time.perf_counter()
    resolved = [resolve_actors(doc, dictionary, on=None) for doc in docs]
    elapsed = time.perf_counter() - started
    found: Counter[str] = Counter()
    total: Counter[str] = Counter()
    skipped = 0
    misses: list[str] = []
    sectors: defaultdict[tuple[str, str | None], Counter[str | None]] = defaultdict(Counter)
    for row, mentions in zip(rows, resolved, strict=True):
        for role in ("actor", "recipient"):
            for gold in row[role]:
                code = normalise(gold["code"])
                if code is None:
                    skipped += 1
                    continue
                total[role] += 1
                start, end = gold_span(row["text"], gold["text"])
                overlapping = [m for m in mentions if start >= 0 and m.start < end and m.end > start]
                right = [m for m in overlapping if _same(m.country, code)]
                if right:
                    found[role] += 1
                    gold_sector = (gold.get("sector") or "").replace("***", "")[:3] or None
                    sectors[(right[0].kind, right[0].sector)][gold_sector] += 1
                else:
                    got = ", ".join(f"{m.text!r}={m.country}" for m in overlapping) or "-"
                    misses.append(f"{role:9} {gold['text']!r} gold={gold['code']} got {got}")
    for role in ("actor", "recipient"):
        print(
            f"{role:9} spans {total[role]:4}  found with right country {found[role]:4}  "
            f"recall {found[role] / max(total[role], 1):.3f}"
        )
    all_found, all_total = sum(found.values()), sum(total.values())
    print(
        f"all       spans {all_total:4}  found with right country {all_found:4}  "
        f"recall {all_found / max(all_total, 1):.3f}  (skipped {skipped} non-country gold codes)"
    )
    print(
        f"resolve_actors: {elapsed * 1000:.1f} ms for {len(docs)} sentences; nlp.pipe "
        f"{spacy_seconds * 1000:.1f} ms; actors cost +{100 * elapsed / spacy_seconds:.1f}% of spaCy"
    )
    _time_articles(nlp, dictionary)
    if args.sectors:
        _print_sectors(sectors)
    for line in misses[: args.misses]:
        print("  miss", line)


def _print_sectors(sectors: dict[tuple[str, str | None], Counter[str | None]]) -> None:
    """Sector agreement by mention kind: where the sector rules, not the names, go wrong."""
    same = sum(c[sector] for (_, sector), c in sectors.items())
    total = sum(sum(c.values()) for c in sectors.values())
    print(f"sector of spans found with the right country: {same}/{total} = {same / max(total, 1):.3f}")
    for (kind, sector), gold in sorted(sectors.items(), key=lambda kv: -sum(kv[1].values())):
        spread = ", ".join(f"{g}: {n}" for g, n in gold.most_common())
        print(f"  {kind:8} {sector!s:5} -> gold {spread}")


def _time_articles(nlp: Language, dictionary: ActorDictionary) -> None:
    """Whole articles (the seed articles, 5 times): long documents, many mentions each."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((SHARED / "seeds").glob("*.txt"))] * 5
    if not texts:
        return
    started = time.perf_counter()
    docs = list(nlp.pipe(texts))
    spacy_seconds = time.perf_counter() - started
    started = time.perf_counter()
    for doc in docs:
        resolve_actors(doc, dictionary, on=None)
    elapsed = time.perf_counter() - started
    print(
        f"seed articles x5 ({sum(map(len, texts))} chars): resolve_actors {elapsed * 1000:.0f} ms; "
        f"nlp.pipe {spacy_seconds * 1000:.0f} ms; actors cost +{100 * elapsed / spacy_seconds:.1f}% of spaCy"
    )


def gold_span(text: str, gold: str) -> tuple[int, int]:
    """Where the gold span is; gold texts with '...' or extra spaces are not contiguous,
    so fall back to the first capitalised word of the gold text that the sentence has."""
    gold = gold.strip()
    if (start := text.find(gold)) >= 0:
        return start, start + len(gold)
    for word in gold.replace(".", " ").split():
        if word[:1].isupper() and (start := text.find(word)) >= 0:
            return start, start + len(word)
    return -1, -1


def _same(got: str | None, gold: str) -> bool:
    if gold == "IGO":
        return is_igo(got)
    return got == gold


if __name__ == "__main__":
    main()
