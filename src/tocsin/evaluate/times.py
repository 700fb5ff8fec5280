"""Evaluate time normalisation on TempEval-3 TimeML (``tocsin eval times --gold DIR``).

``gold`` is a directory of ``.tml`` files (or one file), e.g. ``../shared/eval/times/te3-platinum``.
For each document the creation time comes from the ``<DCT>`` TIMEX3, the text is the
``<TEXT>`` element with its tags removed, taken from the raw input file of the same DOCID
in the sibling ``<gold>-input`` directory when there is one (``te3-platinum-input``), and
the system is the real pipeline: ``nlp`` -> ``find_time_expressions`` (the expressions
``normalise_times`` returns, in their TimeML view: TIMEX3 spans, types and values).

Scores follow the TempEval-3 definitions (N. UzZaman, H. Llorens, L. Derczynski, J. Allen,
M. Verhagen, J. Pustejovsky, "SemEval-2013 Task 1: TempEval-3: Evaluating Time Expressions,
Events, and Temporal Relations", SemEval 2013, section 4.1):

* **strict match**: same start and end; **relaxed match**: the spans overlap.
  P = |Sys ∩ Ref| / |Sys|, R = |Sys ∩ Ref| / |Ref| (∩ under the match), F1 their harmonic mean.
* **attribute F1** (value, type): attrP = |{x ∈ Sys ∩ Ref (relaxed) : Sys.attr(x) = Ref.attr(x)}| / |Sys|,
  attrR = the same count / |Ref|, attrF1 = 2·attrP·attrR / (attrP + attrR). This is the
  "value F1" of the published table (HeidelTime 77.61, SUTime 67.38).

Matching is on character offsets (the official scorer works on tokens; for whole-word
spans the two agree). Each reference TIMEX3 is paired with at most one system TIMEX3
(the first overlapping one not yet paired), so one long system span cannot score twice.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import time
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from rich.console import Group
from rich.table import Table
from rich.text import Text

from tocsin.errors import InputError
from tocsin.nlp import DEFAULT_MODEL, shared_nlp
from tocsin.times import default_grammar, find_time_expressions

# UzZaman et al. 2013, table of TempEval-3 task A results (value F1).
PUBLISHED_VALUE_F1 = MappingProxyType({"HeidelTime": 0.7761, "SUTime": 0.6738})

_TAG = re.compile(r"<(/?)([A-Za-z0-9]+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True, slots=True)
class Timex:
    start: int
    end: int
    type: str
    value: str
    text: str


@dataclass(frozen=True, slots=True)
class GoldDocument:
    docid: str
    dct: dt.date | None
    text: str
    timexes: tuple[Timex, ...]


def _section(markup: str, name: str, source: str) -> str:
    match = re.search(rf"<{name}>(.*?)</{name}>", markup, re.S)
    if match is None:
        raise InputError(source, f"no <{name}> element")
    return match.group(1)


def parse_timeml(markup: str, source: str) -> GoldDocument:
    """Plain text of <TEXT> (entities unescaped) and its TIMEX3s with offsets into it."""
    docid_match = re.search(r"<DOCID>(.*?)</DOCID>", markup, re.S)
    docid = docid_match.group(1).strip() if docid_match else Path(source).stem
    dct_match = re.search(r'<DCT>.*?value="(\d{4}-\d{2}-\d{2})', markup, re.S)
    dct = dt.date.fromisoformat(dct_match.group(1)) if dct_match else None
    body = _section(markup, "TEXT", source)
    pieces: list[str] = []
    length = 0
    open_timex: tuple[int, dict[str, str]] | None = None
    timexes: list[Timex] = []
    pos = 0
    for tag in _TAG.finditer(body):
        chunk = html.unescape(body[pos : tag.start()])
        pieces.append(chunk)
        length += len(chunk)
        pos = tag.end()
        if tag.group(2) != "TIMEX3":
            continue
        if tag.group(1) == "":
            open_timex = (length, dict(_ATTR.findall(tag.group(3))))
        elif open_timex is not None:
            start, attrs = open_timex
            text = "".join(pieces)[start:length]
            timexes.append(Timex(start, length, attrs.get("type", ""), attrs.get("value", ""), text))
            open_timex = None
    pieces.append(html.unescape(body[pos:]))
    return GoldDocument(docid, dct, "".join(pieces), tuple(timexes))


def read_gold(gold: Path, *, limit: int | None = None) -> list[GoldDocument]:
    files = sorted(gold.glob("*.tml")) if gold.is_dir() else [gold]
    if not files:
        raise InputError(str(gold), "no .tml files found (expected a TempEval-3 TimeML directory)")
    inputs = _raw_inputs(gold.parent / f"{gold.name}-input") if gold.is_dir() else {}
    docs = []
    for path in files[:limit]:
        doc = parse_timeml(path.read_text(encoding="utf-8"), str(path))
        raw = inputs.get(doc.docid)
        if raw is not None and raw != doc.text:
            raise InputError(str(path), "text differs from the raw input file with the same DOCID")
        docs.append(doc)
    return docs


def _raw_inputs(directory: Path) -> dict[str, str]:
    texts: dict[str, str] = {}
    if not directory.is_dir():
        return texts
    for path in sorted(directory.iterdir()):
        raw = parse_timeml(path.read_text(encoding="utf-8"), str(path))
        texts[raw.docid] = raw.text
    return texts


def _overlaps(a: Timex, b: Timex) -> bool:
    return a.start < b.end and b.start < a.end


def _prf(hits_sys: int, n_sys: int, hits_ref: int, n_ref: int) -> dict[str, float]:
    p = hits_sys / n_sys if n_sys else 0.0
    r = hits_ref / n_ref if n_ref else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f}


def score(pairs: list[tuple[list[Timex], list[Timex]]]) -> dict[str, Any]:
    """TempEval-3 span and attribute scores over (system, reference) lists per document."""
    n_sys = n_ref = strict_sys = strict_ref = relaxed_sys = relaxed_ref = 0
    value_hits = type_hits = 0
    for system, reference in pairs:
        n_sys, n_ref = n_sys + len(system), n_ref + len(reference)
        spans = {(t.start, t.end) for t in reference}
        strict_sys += sum((t.start, t.end) in spans for t in system)
        strict_ref += sum((t.start, t.end) in {(s.start, s.end) for s in system} for t in reference)
        relaxed_sys += sum(any(_overlaps(s, r) for r in reference) for s in system)
        used: set[int] = set()
        for ref in reference:
            match = next((i for i, s in enumerate(system) if i not in used and _overlaps(s, ref)), None)
            if match is None:
                continue
            used.add(match)
            relaxed_ref += 1
            value_hits += system[match].value == ref.value
            type_hits += system[match].type == ref.type
    return {
        "system": n_sys,
        "reference": n_ref,
        "strict": _prf(strict_sys, n_sys, strict_ref, n_ref),
        "relaxed": _prf(relaxed_sys, n_sys, relaxed_ref, n_ref),
        "value": _prf(value_hits, n_sys, value_hits, n_ref),
        "type": _prf(type_hits, n_sys, type_hits, n_ref),
    }


def _differences(doc: GoldDocument, system: list[Timex]) -> list[dict[str, str]]:
    def row(kind: str, text: str, gold: str, found: str) -> dict[str, str]:
        return {"doc": doc.docid, "kind": kind, "text": text, "gold": gold, "system": found}

    out = []
    for ref in doc.timexes:
        match = next((s for s in system if _overlaps(s, ref)), None)
        if match is None:
            out.append(row("missed", ref.text, ref.value, ""))
        elif match.value != ref.value:
            out.append(row("value", ref.text, ref.value, match.value))
    for found in system:
        if not any(_overlaps(found, r) for r in doc.timexes):
            out.append(row("spurious", found.text, "", found.value))
    return out


def run(gold: Path, *, model: str | None = None, limit: int | None = None) -> dict[str, Any]:
    docs = read_gold(gold, limit=limit)
    nlp = shared_nlp(model or DEFAULT_MODEL)
    default_grammar()  # compiled once per process; not part of the per-document time
    started = time.perf_counter()
    parsed = list(nlp.pipe([d.text for d in docs]))
    nlp_seconds = time.perf_counter() - started
    started = time.perf_counter()
    pairs: list[tuple[list[Timex], list[Timex]]] = []
    differences: list[dict[str, str]] = []
    for doc, spacy_doc in zip(docs, parsed, strict=True):
        found = find_time_expressions(spacy_doc, anchor=doc.dct)
        system = [
            Timex(p.start, p.end, p.type, p.value, doc.text[p.start : p.end]) for e in found for p in e.parts
        ]
        pairs.append((system, list(doc.timexes)))
        differences.extend(_differences(doc, system))
    times_seconds = time.perf_counter() - started
    metrics = score(pairs)
    metrics.update(
        {
            "gold": str(gold),
            "documents": len(docs),
            "model": model or DEFAULT_MODEL,
            "seconds": {"nlp": nlp_seconds, "times": times_seconds},
            "differences": differences,
            "published_value_f1": dict(PUBLISHED_VALUE_F1),
        }
    )
    return metrics


def render(metrics: dict[str, Any]) -> Group:
    table = Table(title=f"TempEval-3 time expressions: {metrics['documents']} documents ({metrics['gold']})")
    for column in ("measure", "precision", "recall", "F1"):
        table.add_column(column, justify="left" if column == "measure" else "right")
    for key, label in (
        ("strict", "span, strict"),
        ("relaxed", "span, relaxed"),
        ("value", "value (attribute F1)"),
        ("type", "type (attribute F1)"),
    ):
        row = metrics[key]
        table.add_row(label, f"{row['precision']:.4f}", f"{row['recall']:.4f}", f"{row['f1']:.4f}")
    published = ", ".join(f"{name} {f1 * 100:.2f}" for name, f1 in metrics["published_value_f1"].items())
    seconds = metrics["seconds"]
    notes = Text(
        f"system {metrics['system']} / reference {metrics['reference']} TIMEX3; "
        f"published value F1: {published}\n"
        f"time: spaCy {seconds['nlp']:.2f}s, times stage {seconds['times']:.3f}s "
        f"(+{100 * seconds['times'] / max(seconds['nlp'], 1e-9):.1f}%)"
    )
    diffs = Table(title="differences (first 40)")
    for column in ("doc", "kind", "text", "gold", "system"):
        diffs.add_column(column)
    for d in metrics["differences"][:40]:
        diffs.add_row(d["doc"], d["kind"], d["text"], d["gold"], d["system"])
    return Group(table, notes, diffs)
