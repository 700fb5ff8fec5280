"""``score_specificity``: how concrete an article is, from its own evidence, in [0, 1].

Reported news names people, quotes them, dates things to the day and counts
them; a generated rewrite restates one fact under templated headings, in bullet
lists and tables, with vague sourcing ("Analysts highlight", "Reports indicate")
and a "Closing Remarks" section. Each signal is a count turned into [0, 1] by
dividing by its *saturation* (the count at which it is fully present) and
capping at 1; counts with ``per_words`` are first scaled to a rate per that many
words. The score is::

    base + sum(weight * signal for positive signals) - sum(weight * signal for negative ones)

clamped to [0, 1]. Signals and weights (``data/attribution/specificity_weights.csv``):

=================== === ====== =========== ===================================================
signal              dir weight saturation  evidence
=================== === ====== =========== ===================================================
base                 +   0.35   -          the starting point
named_people         +   0.18   3          distinct PERSON entities
quotations           +   0.12   2          quoted passages (paired quotation marks, 3+ words)
explicit_dates       +   0.12   3          time mentions with day or month precision
places               +   0.08   4          distinct place mentions
numbers              +   0.08   4          CARDINAL, QUANTITY, MONEY, PERCENT entities
named_sources        +   0.10   3          attributions whose speaker is a named person or organisation
generic_phrasing     -   0.16   3 per 500w vague sourcing and filler ("underscores", "analysts note")
templated_headings   -   0.10   3          heading lines in the body
lists_and_tables     -   0.12   8          bullet and table lines
boilerplate          -   0.12   2          closing formulas ("Closing Remarks", "In summary")
anonymous_sources    -   0.06   4          attributions to reports, analysts, observers, experts
=================== === ====== =========== ===================================================

The returned dict holds each signal's signed contribution (weight x signal),
so a reader sees why an article scored as it did; they sum to the score
before clamping.
"""

from __future__ import annotations

from spacy.tokens import Doc

from tocsin.attribution.cues import AttributionCues
from tocsin.attribution.layout import read_layout
from tocsin.attribution.speakers import ANONYMOUS_HEADS
from tocsin.records import ActorMention, PlaceMention, TimeMention

_QUOTE_PAIRS = (("“", "”"), ('"', '"'), ("«", "»"))


def _quotations(text: str) -> int:
    count = 0
    for open_q, close_q in _QUOTE_PAIRS:
        pos = 0
        while (start := text.find(open_q, pos)) != -1:
            end = text.find(close_q, start + 1)
            if end == -1:
                break
            if len(text[start + 1 : end].split()) >= 3:
                count += 1
            pos = end + 1
    return count


def _speaker_counts(doc: Doc, cues: AttributionCues) -> tuple[int, int]:
    """(named, anonymous) attributions: the subjects of attribution verbs."""
    named = anonymous = 0
    for index in cues.hits(doc, "attribution_verb"):
        token = doc[index]
        if token.pos_ != "VERB":
            continue
        for child in token.children:
            if child.dep_ not in ("nsubj", "nsubjpass"):
                continue
            if child.ent_type_ in ("PERSON", "ORG"):
                named += 1
            elif child.lemma_.lower() in ANONYMOUS_HEADS | {"official", "authority"}:
                anonymous += 1
    return named, anonymous


def _counts(
    doc: Doc,
    text: str,
    actors: tuple[ActorMention, ...],
    places: tuple[PlaceMention, ...],
    times: tuple[TimeMention, ...],
    cues: AttributionCues,
) -> dict[str, float]:
    low = text.lower()
    layout = read_layout(text)
    named, anonymous = _speaker_counts(doc, cues)
    # A heading that is the first non-blank line is the title, not a template.
    headings = layout.count("heading")
    first = next((line for line in layout.lines if line.kind != "blank"), None)
    if first is not None and first.kind == "heading":
        headings -= 1
    return {
        "base": 1.0,
        "named_people": len(
            {e.text for e in doc.ents if e.label_ == "PERSON"}
            | {a.text for a in actors if a.kind == "person"}
        ),
        "quotations": _quotations(text),
        "explicit_dates": sum(1 for t in times if t.precision in ("day", "month")),
        "places": len({p.geonameid or p.name for p in places}),
        "numbers": sum(1 for e in doc.ents if e.label_ in ("CARDINAL", "QUANTITY", "MONEY", "PERCENT")),
        "named_sources": named,
        "generic_phrasing": sum(low.count(p) for p in cues.of("generic_phrase")),
        "templated_headings": max(0, headings),
        "lists_and_tables": layout.count("bullet") + layout.count("table_row"),
        "boilerplate": sum(1 for p in cues.of("boilerplate") if p in low),
        "anonymous_sources": anonymous,
    }


def score_specificity(
    doc: Doc,
    actors: tuple[ActorMention, ...],
    places: tuple[PlaceMention, ...],
    times: tuple[TimeMention, ...],
    cues: AttributionCues,
) -> tuple[float, dict[str, float]]:
    """Specificity in [0, 1] and each signal's signed contribution (see module docstring)."""
    text = doc.text  # built once: Doc.text joins every token on each call
    if not text.strip():
        return 0.0, {}
    counts = _counts(doc, text, actors, places, times, cues)
    words = max(1, len(text.split()))
    contributions: dict[str, float] = {}
    for weight in cues.specificity_weights:
        value = counts[weight.signal]
        if weight.per_words:
            value = value * weight.per_words / words
        signal = min(1.0, value / weight.saturation)
        contributions[weight.signal] = weight.sign * weight.weight * signal
    score = min(1.0, max(0.0, sum(contributions.values())))
    return score, contributions
