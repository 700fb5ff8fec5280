"""The attribution lexicons, loaded once from ``data/attribution/cues.jsonl``.

Every cue is one JSONL line ``{"id", "kind", "text", ...}`` (see
docs/data-formats/attribution.md). ``load_cues`` validates each line with
pydantic and builds frozen lookup sets keyed by kind, so the per-event work is
dict/set membership on lemmas, never a regex.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources as importlib_resources
from pathlib import Path
from types import MappingProxyType
from typing import Literal

import numpy as np
from pydantic import BaseModel, ConfigDict, ValidationError
from spacy.attrs import LEMMA
from spacy.strings import get_string_id
from spacy.tokens import Doc

from tocsin.attribution.outlets import OutletGrade, load_outlet_grades
from tocsin.attribution.weights import SignalWeight, load_specificity_weights
from tocsin.errors import DataFileError

CueKind = Literal[
    "attribution_verb",  # say, claim, deny...: governs a reported clause; `force` says how
    "attribution_noun",  # claim, allegation, report: "claims that Kyiv attacked"
    "source_preposition",  # the lemma of "according (to X)": X is the source
    "hedge",  # reportedly, allegedly, appear: the reporter distances itself, no named source
    "negation",  # not, never, no, without
    "denial_head",  # refuse, fail, deny, "rule out": the governed event did not / will not happen
    "hypothetical_modal",  # could, may, might, would, can
    "hypothetical_head",  # risk, possibility, consider: governs an event that may happen
    "hypothetical_modifier",  # potential, possible: modifies a nominal event
    "conditional_mark",  # if, unless, whether
    "planned_modal",  # will, shall
    "planned_head",  # plan, slate, schedule, intend, prepare
    "planned_modifier",  # planned, upcoming, scheduled
    "recommendation_modal",  # should, must, ought
    "recommendation_head",  # urge, call, recommend, advise
    "imperative_verb",  # a bullet or table cell starting with it is a call to action
    "recommendation_heading",  # words in a heading or list lead-in: recommendations follow
    "recommendation_column",  # a table header cell naming actions to take
    "hypothetical_heading",  # words in a heading / lead-in / table header: expected impacts
    "planned_status",  # a table cell saying the row is scheduled
    "past_marker",  # since, ago, previously: the sentence is about the past
    "continuation_marker",  # "Soon afterward": the sentence continues the previous one's time
    "stance_denial",  # dismiss, deny, disinformation: a party rejects claims
    "stance_confirmation",  # confirm, corroborate: a party backs claims
    "claim_noun",  # claim, allegation, report: what a stance is about
    "labelling_verb",  # call, describe, brand: "Kyiv calls it an information operation"
    "reporter_phrase",  # "independently verify": the reporter speaking about itself
    "speech_act_event",  # PLOVER types that are themselves statements (ACCUSE, THREATEN...)
    "allegation_event",  # PLOVER types whose content is a claim others can contest (ACCUSE)
    "person_pronoun",  # he, she: resolves to the last named person
    "group_pronoun",  # it, they: resolves to the last named organisation
    "generic_phrase",  # specificity: vague sourcing and filler
    "boilerplate",  # specificity: templated closings ("Closing Remarks")
]

AttributionForce = Literal["neutral", "distancing", "factive", "negative"]


class CueEntry(BaseModel):
    """One line of cues.jsonl."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    kind: CueKind
    text: str
    # Only for attribution verbs: how the verb commits the reporter.
    force: AttributionForce | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class AttributionCues:
    """Immutable lookups built from the cue file and the analyst's outlet grades.

    ``words[kind]`` is the set of lower-case lemmas (or phrases, for heading and
    specificity kinds) of that kind; ``attribution_force`` maps an attribution
    verb lemma to its force; ``ids`` maps (kind, text) to the entry id, which is
    reported as the reason for a decision.
    """

    words: Mapping[str, frozenset[str]]
    # spaCy string ids of each kind's lemmas (a phrase gives its first word), for ``hits``.
    lemma_hashes: Mapping[str, frozenset[int]]
    attribution_force: Mapping[str, str]
    ids: Mapping[tuple[str, str], str]
    outlet_grades: tuple[OutletGrade, ...] = ()
    specificity_weights: tuple[SignalWeight, ...] = ()
    source: str = ""

    def of(self, kind: str) -> frozenset[str]:
        return self.words.get(kind, frozenset())

    def hits(self, doc: Doc, *kinds: str) -> list[int]:
        """Indices of the tokens whose lemma (or a phrase's first word) is a cue of ``kinds``.

        One vectorised pass over the Doc's lemma ids: Python touches only the hits.
        """
        wanted = np.fromiter((h for kind in kinds for h in self.lemma_hashes.get(kind, ())), dtype=np.uint64)
        if not len(doc) or not len(wanted):
            return []
        lemmas = doc.to_array([LEMMA]).astype(np.uint64)
        return np.flatnonzero(np.isin(lemmas, wanted)).tolist()


def verb_key(token) -> str:
    """A verb's lexicon key: its lemma, or lemma + particle for phrasal verbs ("rule out")."""
    lemma = token.lemma_.lower()
    for child in token.children:
        if child.dep_ == "prt":
            return f"{lemma} {child.lower_}"
    return lemma


def _default_cue_file() -> Path:
    return Path(str(importlib_resources.files("tocsin") / "data" / "attribution" / "cues.jsonl"))


def read_cue_file(path: Path) -> list[CueEntry]:
    """Parse and validate a cue file; errors read ``file:line: [field] message``."""
    entries: list[CueEntry] = []
    seen: dict[str, int] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise DataFileError(str(path), None, f"cannot read cue file: {err}") from err
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
        except json.JSONDecodeError as err:
            raise DataFileError(str(path), number, f"invalid JSON: {err.msg}") from err
        try:
            entry = CueEntry.model_validate(raw)
        except ValidationError as err:
            raise DataFileError.invalid(str(path), number, err, default="line") from err
        if entry.id in seen:
            raise DataFileError(
                str(path), number, f"[id] duplicate id '{entry.id}' (first on line {seen[entry.id]})"
            )
        if entry.kind == "attribution_verb" and entry.force is None:
            raise DataFileError(
                str(path),
                number,
                "[force] attribution_verb needs a force: neutral, distancing, factive, negative",
            )
        seen[entry.id] = number
        entries.append(entry)
    return entries


def build_cues(
    entries: list[CueEntry],
    *,
    grades: tuple[OutletGrade, ...] = (),
    weights: tuple[SignalWeight, ...] = (),
    source: str = "",
) -> AttributionCues:
    words: dict[str, set[str]] = {}
    force: dict[str, str] = {}
    ids: dict[tuple[str, str], str] = {}
    for entry in entries:
        text = entry.text.lower()
        words.setdefault(entry.kind, set()).add(text)
        ids[(entry.kind, text)] = entry.id
        if entry.force is not None:
            force[text] = entry.force
    hashes = {k: frozenset(get_string_id(w.split(" ", 1)[0]) for w in v) for k, v in words.items()}
    return AttributionCues(
        words=MappingProxyType({k: frozenset(v) for k, v in words.items()}),
        lemma_hashes=MappingProxyType(hashes),
        attribution_force=MappingProxyType(force),
        ids=MappingProxyType(ids),
        outlet_grades=grades,
        specificity_weights=weights,
        source=source,
    )


def load_cues(*, outlet_grades_file: Path | None = None, cue_file: Path | None = None) -> AttributionCues:
    """Load the built-in cue lexicons (or ``cue_file``) and the analyst's outlet grades."""
    path = cue_file or _default_cue_file()
    grades = load_outlet_grades(outlet_grades_file) if outlet_grades_file is not None else ()
    weights = load_specificity_weights()
    return build_cues(read_cue_file(path), grades=grades, weights=weights, source=str(path))
