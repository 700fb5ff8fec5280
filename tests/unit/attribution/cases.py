"""The attribution test set (data/attribution_cases.jsonl): build, run, and score it.

Each case is a hand-written text, a trigger word, the actor spans with their
codes, and the expected factuality and claimant country/sector. Events and
actor mentions are built by hand so the set tests attribution alone.

Run ``python -m tests.unit.attribution.cases`` for accuracy per factuality value.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from tocsin.attribution import AttributionCues, attribute_claims
from tocsin.records import ActorMention, Event

CASES_FILE = Path(__file__).parent / "data" / "attribution_cases.jsonl"


def find(text: str, needle: str, nth: int = 0) -> int:
    """Character offset of the ``nth`` occurrence of ``needle`` (0-based)."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start


def mention(
    text: str, span: str, country: str | None, sector: str | None = None, kind: str = "name"
) -> ActorMention:
    start = find(text, span)
    return ActorMention(span, start, start + len(span), country, sector, kind=kind)


def make_event(
    doc: Doc,
    trigger: str,
    *,
    event: str = "MOBILIZE",
    nth: int = 0,
    actor: tuple[ActorMention, ...] = (),
    index: int = 0,
    date: str | None = None,
    date_source: str | None = None,
) -> Event:
    """An Event whose trigger is the ``nth`` occurrence of ``trigger`` in ``doc``."""
    start = find(doc.text, trigger, nth)
    span = doc.char_span(start, start + len(trigger), alignment_mode="expand")
    assert span is not None, trigger
    sent = span.root.sent
    return Event(
        event=event,
        mode=None,
        context=(),
        actor=actor,
        recipient=(),
        sentence_start=sent.start_char,
        sentence_end=sent.end_char,
        evidence=sent.text,
        coder="test",
        confidence=1.0,
        trigger_start=start,
        trigger_end=start + len(trigger),
        trigger=trigger,
        date=date,
        date_source=date_source,
        index=index,
    )


@dataclass(frozen=True)
class Outcome:
    case: dict[str, Any]
    factuality: str
    claimant: tuple[str | None, str | None] | None

    @property
    def expected_claimant(self) -> tuple[str | None, str | None] | None:
        want = self.case["claimant"]
        return None if want is None else (want["country"], want["sector"])

    @property
    def factuality_ok(self) -> bool:
        return self.factuality == self.case["factuality"]

    @property
    def claimant_ok(self) -> bool:
        return self.claimant == self.expected_claimant


def load_cases(path: Path = CASES_FILE) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def run_case(nlp: Language, cues: AttributionCues, case: dict[str, Any]) -> Outcome:
    text = case["text"]
    doc = nlp(text)
    actors = tuple(
        sorted(
            (
                mention(text, a["text"], a["country"], a["sector"], a.get("kind", "name"))
                for a in case["actors"]
            ),
            key=lambda a: a.start,
        )
    )
    event_actor = tuple(a for a in actors if a.text == case.get("actor"))
    event = make_event(doc, case["trigger"], event=case["event"], nth=case.get("nth", 0), actor=event_actor)
    (coded,) = attribute_claims(doc, (event,), actors, cues, published=None, historical_days=180)
    claimant = coded.claimant
    codes = None if claimant is None or claimant.country is None else (claimant.country, claimant.sector)
    return Outcome(case, coded.factuality, codes)


def report(outcomes: list[Outcome]) -> str:
    """Accuracy per expected factuality value and per split, and the claimant accuracy.

    Splits: ``dev`` cases were written alongside the rules; ``blind`` and ``blind2`` were
    written before the rules were run on them (their first-run scores are in the report).
    """
    total: Counter[str] = Counter()
    right: Counter[str] = Counter()
    for outcome in outcomes:
        total[outcome.case["factuality"]] += 1
        right[outcome.case["factuality"]] += outcome.factuality_ok
    lines = [f"{'factuality':<14}{'n':>4}{'correct':>9}{'accuracy':>10}"]
    for value in ("asserted", "claimed", "denied", "planned", "hypothetical", "recommended"):
        if total[value]:
            lines.append(f"{value:<14}{total[value]:>4}{right[value]:>9}{right[value] / total[value]:>10.2f}")
    n = len(outcomes)
    lines.append(f"{'all':<14}{n:>4}{sum(right.values()):>9}{sum(right.values()) / n:>10.2f}")
    for split in sorted({o.case.get("split", "dev") for o in outcomes}):
        part = [o for o in outcomes if o.case.get("split", "dev") == split]
        correct = sum(o.factuality_ok for o in part)
        lines.append(f"  split {split:<8}{len(part):>4}{correct:>9}{correct / len(part):>10.2f}")
    claimants = sum(o.claimant_ok for o in outcomes)
    both = sum(o.claimant_ok and o.factuality_ok for o in outcomes)
    lines.append(f"claimant country/sector correct: {claimants}/{n} ({claimants / n:.2f}); both: {both}/{n}")
    return "\n".join(lines)


def main() -> None:
    from tocsin.attribution import load_cues
    from tocsin.nlp import shared_nlp

    nlp, cues = shared_nlp(), load_cues()
    outcomes = [run_case(nlp, cues, case) for case in load_cases()]
    for o in outcomes:
        if not (o.factuality_ok and o.claimant_ok):
            print(
                f"{o.case['id']} want {o.case['factuality']}/{o.expected_claimant} "
                f"got {o.factuality}/{o.claimant}  {o.case['text'][:70]!r}"
            )
    print(report(outcomes))


if __name__ == "__main__":
    main()
