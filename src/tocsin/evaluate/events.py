"""Evaluate the event coder on a PLOVER gold file (``tocsin eval events --gold FILE``).

The gold file is JSONL, one sentence per line, with ``text``, ``event``, ``mode``,
``actor`` and ``recipient`` (lists of ``{"text", "code", "sector"}``), as in
``../shared/eval/plover/derived/PLOVER_GSR_CAMEO.plover2.jsonl``. Each sentence is
coded by the real stages: ``nlp`` -> ``resolve_actors`` -> ``code_events``.

Metrics (every gold sentence carries exactly one gold event):

* **primary event**: the predicted event with the highest confidence (the first on
  ties). A sentence with no predicted event has primary ``NONE``.
* **per-type P/R/F1** over the 16 PLOVER types, from primary vs gold: a correct
  primary is a TP of its type; a wrong primary is an FP of the predicted type and
  an FN of the gold type; ``NONE`` is only an FN of the gold type. Support = gold count.
* **macro-F1**: unweighted mean of the 16 per-type F1 (a type with no support and
  no prediction is left out). **micro-F1**: P = correct / sentences with a
  prediction, R = correct / all sentences.
* **any-event recall**: share of sentences where *some* predicted event has the gold type.
* **quad accuracy**: primary quad class == gold quad class, over all sentences.
* **mode accuracy**: over sentences whose gold has a mode and whose primary type
  is correct, primary mode == gold mode (also given over all gold-mode sentences).
* **actor accuracy (country)**: over sentences with a gold actor code and a
  prediction, the primary event's first actor has a country equal to one of the
  gold actor codes. **country+sector** also needs the first three letters of the
  sector to equal that gold actor's sector (no gold sector = no predicted sector).
  The *strict* figures divide by all sentences with a gold actor (no prediction = wrong).
* **recipient accuracy**: the same for recipients, over sentences with a gold
  recipient code.
* **extra-event rate**: share of sentences given more than one event.
* **no-event sentences**: a gold line with ``"event": null`` is a sentence that must
  yield no event (a negated or hypothetical act). It is left out of every figure
  above; the **false-event rate** is the share of them given any event.

Gold codes are normalised with ``data/ontology/cameo_countries.csv`` (JAP -> JPN...).
The class codes IGO, NGO, IMG and ISM match any predicted code that is not a
state's ISO 3166 code (or a predicted sector equal to the class).
Timing: spaCy (``nlp.pipe``), actor and event stages are timed separately.
"""

from __future__ import annotations

import csv
import json
import time
from collections import Counter
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pycountry
from rich.console import Group
from rich.table import Table
from rich.text import Text

from tocsin.actors import load_actor_dictionary, resolve_actors
from tocsin.errors import DataFileError
from tocsin.events import code_events, load_event_rules
from tocsin.nlp import DEFAULT_MODEL, shared_nlp
from tocsin.records import ActorMention, Event

CLASS_CODES = frozenset({"IGO", "NGO", "IMG", "ISM"})


def load_code_map() -> dict[str, str]:
    path = Path(str(resources.files("tocsin") / "data" / "ontology" / "cameo_countries.csv"))
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["cameo"]: row["iso3"] for row in csv.DictReader(handle)}


def read_gold(path: Path, *, limit: int | None = None) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if limit is not None and number > limit:
                return
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as err:
                raise DataFileError(str(path), number, f"not valid JSON: {err.msg}") from err
            if "text" not in row or "event" not in row:
                raise DataFileError(str(path), number, "[text/event] missing field")
            yield row


def _is_state(code: str | None) -> bool:
    return bool(code) and (code == "KOS" or pycountry.countries.get(alpha_3=code) is not None)


def code_matches(gold: str, mention: ActorMention, code_map: dict[str, str]) -> bool:
    gold = code_map.get(gold, gold)
    if gold in CLASS_CODES:
        return mention.sector == gold or (mention.country is not None and not _is_state(mention.country))
    return mention.country == gold


def _sector_matches(gold: str | None, predicted: str | None) -> bool:
    if not gold or gold == "***":
        return predicted is None
    return (predicted or "")[:3] == gold[:3]


def _role_score(
    gold: list[dict[str, Any]], predicted: tuple[ActorMention, ...], code_map: dict[str, str]
) -> tuple[bool, bool]:
    """(country correct, country+sector correct) for the first predicted mention."""
    if not predicted:
        return False, False
    first = predicted[0]
    hits = [g for g in gold if code_matches(g["code"], first, code_map)]
    return bool(hits), any(_sector_matches(g.get("sector"), first.sector) for g in hits)


def _primary(events: tuple[Event, ...]) -> Event | None:
    return max(events, key=lambda e: e.confidence, default=None)


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def run(gold: Path, *, model: str | None = None, limit: int | None = None) -> dict[str, Any]:
    """Code every gold sentence and score it; returns plain data (see module docstring)."""
    rows = list(read_gold(Path(gold), limit=limit))
    nlp = shared_nlp(model or DEFAULT_MODEL)
    dictionary = load_actor_dictionary()
    rules = load_event_rules()
    code_map = load_code_map()

    t0 = time.perf_counter()
    docs = list(nlp.pipe([r["text"] for r in rows], batch_size=64))
    spacy_s = time.perf_counter() - t0
    actors_s = events_s = 0.0
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    counts: Counter[str] = Counter()
    sentences = []
    for row, doc in zip(rows, docs, strict=True):
        t1 = time.perf_counter()
        actors = resolve_actors(doc, dictionary, on=None)
        t2 = time.perf_counter()
        events = code_events(doc, actors, rules, on=None)
        t3 = time.perf_counter()
        actors_s += t2 - t1
        events_s += t3 - t2

        gold_event = row["event"]
        primary = _primary(events)
        if gold_event is None:
            counts["none_gold"] += 1
            counts["none_false"] += bool(events)
            sentences.append(
                {"id": row.get("id"), "gold": None, "predicted": primary.event if primary else "NONE"}
            )
            continue
        predicted = primary.event if primary else "NONE"
        counts["sentences"] += 1
        counts["predicted"] += primary is not None
        counts["extra"] += len(events) > 1
        counts["any_hit"] += any(e.event == gold_event for e in events)
        if predicted == gold_event:
            tp[gold_event] += 1
        else:
            fn[gold_event] += 1
            if primary is not None:
                fp[predicted] += 1
        if primary is not None and rules.quad(predicted) == rules.quad(gold_event):
            counts["quad"] += 1
        if row.get("mode"):
            counts["mode_gold"] += 1
            if predicted == gold_event:
                counts["mode_typed"] += 1
                counts["mode_hit"] += primary is not None and primary.mode == row["mode"]
        for role in ("actor", "recipient"):
            gold_role = [g for g in row.get(role) or [] if g.get("code")]
            if not gold_role:
                continue
            counts[f"{role}_gold"] += 1
            if primary is None:
                continue
            counts[f"{role}_scored"] += 1
            country, sector = _role_score(gold_role, getattr(primary, role), code_map)
            counts[f"{role}_country"] += country
            counts[f"{role}_sector"] += sector
        sentences.append(
            {
                "id": row.get("id"),
                "gold": gold_event,
                "predicted": predicted,
                "mode": primary.mode if primary else None,
                "gold_mode": row.get("mode"),
                "actor": [a.country for a in primary.actor] if primary else [],
                "gold_actor": [g["code"] for g in row.get("actor") or []],
                "recipient": [a.country for a in primary.recipient] if primary else [],
                "gold_recipient": [g["code"] for g in row.get("recipient") or []],
                "coder": primary.coder if primary else None,
                "events": len(events),
            }
        )

    per_type = {}
    for event in rules.event_types:
        support = tp[event] + fn[event]
        if support == 0 and fp[event] == 0:
            continue
        p, r, f = _prf(tp[event], fp[event], fn[event])
        per_type[event] = {"precision": p, "recall": r, "f1": f, "support": support}
    n = counts["sentences"] or 1
    correct = sum(tp.values())
    micro_p = correct / counts["predicted"] if counts["predicted"] else 0.0
    micro_r = correct / n

    def ratio(a: str, b: str) -> float:
        return counts[a] / counts[b] if counts[b] else 0.0

    return {
        "gold": str(gold),
        "sentences": counts["sentences"],
        "macro_f1": sum(t["f1"] for t in per_type.values()) / len(per_type) if per_type else 0.0,
        "micro_f1": 2 * micro_p * micro_r / (micro_p + micro_r) if micro_p + micro_r else 0.0,
        "micro_precision": micro_p,
        "micro_recall": micro_r,
        "any_event_recall": counts["any_hit"] / n,
        "coverage": counts["predicted"] / n,
        "per_type": per_type,
        "quad_accuracy": counts["quad"] / n,
        "mode_accuracy": ratio("mode_hit", "mode_typed"),
        "mode_accuracy_all": ratio("mode_hit", "mode_gold"),
        "mode_support": counts["mode_gold"],
        "actor_country": ratio("actor_country", "actor_scored"),
        "actor_country_sector": ratio("actor_sector", "actor_scored"),
        "actor_country_strict": ratio("actor_country", "actor_gold"),
        "recipient_country": ratio("recipient_country", "recipient_scored"),
        "recipient_country_sector": ratio("recipient_sector", "recipient_scored"),
        "recipient_country_strict": ratio("recipient_country", "recipient_gold"),
        "extra_event_rate": counts["extra"] / n,
        "no_event_sentences": counts["none_gold"],
        "false_event_rate": ratio("none_false", "none_gold"),
        "timing": {
            "spacy_s": spacy_s,
            "actors_s": actors_s,
            "events_s": events_s,
            "events_over_spacy": events_s / spacy_s if spacy_s else 0.0,
        },
        "details": sentences,
    }


def render(metrics: dict[str, Any]) -> Group:
    """A rich renderable: headline figures, then the per-type table."""
    head = Table(title=f"PLOVER event coding — {metrics['gold']} ({metrics['sentences']} sentences)")
    head.add_column("metric")
    head.add_column("value", justify="right")
    timing = metrics["timing"]
    for label, value in (
        ("16-way macro-F1", metrics["macro_f1"]),
        ("micro-F1", metrics["micro_f1"]),
        ("micro precision / recall", f"{metrics['micro_precision']:.3f} / {metrics['micro_recall']:.3f}"),
        ("any-event recall", metrics["any_event_recall"]),
        ("coverage (sentences with an event)", metrics["coverage"]),
        ("quad-class accuracy", metrics["quad_accuracy"]),
        (
            f"mode accuracy (type correct; n={metrics['mode_support']} with gold mode)",
            metrics["mode_accuracy"],
        ),
        ("mode accuracy (all gold-mode sentences)", metrics["mode_accuracy_all"]),
        ("actor country", metrics["actor_country"]),
        ("actor country+sector", metrics["actor_country_sector"]),
        ("actor country (strict)", metrics["actor_country_strict"]),
        ("recipient country", metrics["recipient_country"]),
        ("recipient country+sector", metrics["recipient_country_sector"]),
        ("recipient country (strict)", metrics["recipient_country_strict"]),
        ("sentences with extra events", metrics["extra_event_rate"]),
        *(
            [(f"false-event rate (n={metrics['no_event_sentences']} no-event)", metrics["false_event_rate"])]
            if metrics["no_event_sentences"]
            else []
        ),
        (
            "time: spaCy / actors / events (s)",
            f"{timing['spacy_s']:.2f} / {timing['actors_s']:.2f} / {timing['events_s']:.2f}",
        ),
        ("event coder time / spaCy time", timing["events_over_spacy"]),
    ):
        head.add_row(label, f"{value:.3f}" if isinstance(value, float) else str(value))
    per_type = Table(title="per event type (primary event)")
    for column in ("event", "P", "R", "F1", "support"):
        per_type.add_column(column, justify="left" if column == "event" else "right")
    for event, row in sorted(metrics["per_type"].items()):
        per_type.add_row(
            event, f"{row['precision']:.2f}", f"{row['recall']:.2f}", f"{row['f1']:.2f}", str(row["support"])
        )
    note = Text("Definitions: see tocsin.evaluate.events module docstring.", style="dim")
    return Group(head, per_type, note)
