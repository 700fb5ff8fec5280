"""A small linear event-type model for sentences no trigger rule codes.

TF-IDF over lemma unigrams and bigrams (names replaced by their entity class, so the
model learns "<GPE> troops shell" rather than "Kharkiv"), multinomial logistic
regression, temperature-calibrated. The weights are trained offline by
``scripts/train_event_classifier.py`` and shipped as ``data/events/event_model.npz``;
at run time only numpy is needed: one dict lookup per feature and a small dot product.
"""

from __future__ import annotations

import itertools
import json
import math
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np
from spacy.tokens import Span

from tocsin.errors import DataFileError

MODEL_VERSION = "tocsin.events.model.v1"
# Entity classes whose words are names, not event vocabulary.
_NAME_CLASSES = frozenset({"GPE", "NORP", "PERSON", "ORG", "LOC", "FAC"})
_SKIP_CLASSES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})


def sentence_features(sent: Span) -> list[str]:
    """Lemma unigrams and bigrams of a sentence; names become ``<CLASS>``, numbers and
    dates are dropped (the same function builds the training features)."""
    words: list[str] = []
    for token in sent:
        if token.is_punct or token.is_space or token.like_num:
            continue
        if token.ent_type_ in _SKIP_CLASSES:
            continue
        if token.ent_type_ in _NAME_CLASSES:
            word = f"<{token.ent_type_}>"
            if words and words[-1] == word:
                continue  # "<GPE> <GPE>" for "South Sudan" says nothing more
        else:
            word = token.lemma_.lower()
        words.append(word)
    return words + [f"{a} {b}" for a, b in itertools.pairwise(words)]


@dataclass(frozen=True, slots=True)
class EventModel:
    """Weights of the linear model; ``predict`` is pure and cheap."""

    vocabulary: dict[str, int]
    idf: np.ndarray  # (features,)
    weights: np.ndarray  # (features, classes)
    bias: np.ndarray  # (classes,)
    classes: tuple[str, ...]
    temperature: float
    # Below this calibrated probability the model stays silent (chosen on DEV).
    threshold: float
    version: str = MODEL_VERSION

    def probabilities(self, features: list[str]) -> np.ndarray:
        counts: dict[int, int] = {}
        for feature in features:
            j = self.vocabulary.get(feature)
            if j is not None:
                counts[j] = counts.get(j, 0) + 1
        if not counts:
            return np.full(len(self.classes), 1.0 / len(self.classes))
        idx = np.fromiter(counts, dtype=np.int64, count=len(counts))
        tf = np.fromiter((1.0 + math.log(c) for c in counts.values()), dtype=np.float64, count=len(counts))
        values = tf * self.idf[idx]
        values /= np.linalg.norm(values)
        logits = (values @ self.weights[idx] + self.bias) / self.temperature
        logits -= logits.max()
        exp = np.exp(logits)
        return exp / exp.sum()

    def predict(self, sent: Span) -> tuple[str, float]:
        """The most likely event type of ``sent`` and its calibrated probability."""
        probs = self.probabilities(sentence_features(sent))
        best = int(probs.argmax())
        return self.classes[best], float(probs[best])


def model_path() -> Path:
    return Path(str(resources.files("tocsin") / "data" / "events" / "event_model.npz"))


def load_event_model(path: Path | None = None, *, known_events: frozenset[str] = frozenset()) -> EventModel:
    """Read the exported weights; every class must be a known PLOVER event type."""
    path = path or model_path()
    try:
        with np.load(path, allow_pickle=False) as data:
            meta = json.loads(str(data["meta"]))
            vocabulary = {word: j for j, word in enumerate(data["vocabulary"].tolist())}
            model = EventModel(
                vocabulary=vocabulary,
                idf=data["idf"].astype(np.float64),
                weights=data["weights"].astype(np.float64),
                bias=data["bias"].astype(np.float64),
                classes=tuple(meta["classes"]),
                temperature=float(meta["temperature"]),
                threshold=float(meta["threshold"]),
            )
    except (OSError, KeyError, ValueError) as err:
        raise DataFileError(str(path), None, f"cannot read event model: {err}") from err
    if model.weights.shape != (len(vocabulary), len(model.classes)) or model.idf.shape != (len(vocabulary),):
        raise DataFileError(str(path), None, "[weights] shape does not match vocabulary and classes")
    unknown = [c for c in model.classes if known_events and c not in known_events]
    if unknown:
        raise DataFileError(str(path), None, f"[classes] unknown event types: {', '.join(unknown)}")
    return model
