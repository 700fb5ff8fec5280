"""One pass over a Doc's tokens: the longest dictionary phrase at each position."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.attrs import IS_TITLE
from spacy.tokens import Doc

from tocsin.actors.dictionary import END, ActorDictionary, Sense
from tocsin.actors.tolerant import tolerant_kinds, tolerant_senses

_PERSON_LABELS = frozenset({"PERSON"})


@dataclass(frozen=True, slots=True)
class Hit:
    """A matched phrase: tokens ``start``..``end`` (exclusive) and the senses its casing allows."""

    start: int
    end: int
    senses: tuple[Sense, ...]


def find_hits(doc: Doc, dictionary: ActorDictionary) -> list[Hit]:
    """Leftmost-longest matches, non-overlapping, in token order."""
    hits: list[Hit] = []
    lowers = [t.lower_ for t in doc]
    n = len(lowers)
    # Title-case flags in one C-level pass: most tokens are ruled out of the tolerant
    # match without building a Token object.
    titled = doc.to_array(IS_TITLE).tolist() if n else []
    i = 0
    while i < n:
        node = dictionary.trie.get(lowers[i])
        best: Hit | None = None
        j = i
        while node is not None:
            j += 1
            ids = node.get(END)  # type: ignore[union-attr]
            if ids:
                senses = dictionary.senses
                allowed = tuple(s for k in ids if _cased(doc, i, j, s := senses[k]))
                if allowed:
                    best = Hit(i, j, allowed)
            if j >= n:
                break
            node = node.get(lowers[j])  # type: ignore[union-attr]
        if best is None and node is None and titled[i] and (kinds := tolerant_kinds(doc[i])):
            best = _tolerant_hit(doc, i, dictionary, kinds)
        if best is None:
            i += 1
            continue
        hits.append(best)
        i = best.end
    return hits


def _tolerant_hit(doc: Doc, i: int, dictionary: ActorDictionary, kinds: frozenset[str]) -> Hit | None:
    senses = tolerant_senses(doc[i].lower_, dictionary, kinds)
    return Hit(i, i + 1, senses) if senses else None


def _cased(doc: Doc, start: int, end: int, sense: Sense) -> bool:
    if sense.case == "any":
        return True
    if sense.case == "title":
        # Any capitalised word will do: "al-Qaeda", "ad-Dawa" start with a particle.
        return any(t.text[:1].isupper() for t in doc[start:end])
    return "".join(t.text for t in doc[start:end]) == sense.phrase.replace(" ", "")


def is_person_entity(doc: Doc, start: int, end: int) -> bool:
    """The NER tags every token of the span as a person (a hint, never the only evidence)."""
    return all(t.ent_type_ in _PERSON_LABELS for t in doc[start:end])
