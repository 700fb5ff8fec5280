"""Borders as places of their own: "the Belarus–Ukraine border", "border between X and Y",
"along its border with Ukraine" (``its`` = the sentence's acting country).

Each pattern is a named rule, tried in order; the first that fires gives the border.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from spacy.tokens import Doc, Token

from tocsin.places.gazetteer import Gazetteer, Place
from tocsin.records import ActorMention

BORDER_WORDS = frozenset({"border", "borders", "frontier", "frontiers", "boundary", "borderline"})
_DASHES = frozenset({"-", "–", "—", "/"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})

# token index -> ISO3 of a country named there (place mention, actor or demonym)
CountryAt = Mapping[int, str]
Found = tuple[int, int, Place]  # start token, end token (exclusive), border place


def _country_before(doc: Doc, i: int, at: CountryAt) -> tuple[int, str] | None:
    """The country whose name ends just before token ``i``: (its first token, ISO3)."""
    j = i - 1
    if j < 0 or j not in at:
        return None
    iso3 = at[j]
    while j - 1 >= 0 and at.get(j - 1) == iso3 and doc[j - 1].text not in _DASHES:
        j -= 1
    return j, iso3


def _country_after(doc: Doc, i: int, at: CountryAt) -> tuple[int, str] | None:
    """The country named from token ``i`` on (after an optional "the"): (its last token + 1, ISO3)."""
    if i < len(doc) and doc[i].lower_ == "the":
        i += 1
    if i >= len(doc) or i not in at:
        return None
    iso3 = at[i]
    j = i
    while j + 1 < len(doc) and at.get(j + 1) == iso3:
        j += 1
    return j + 1, iso3


def _subject_country(token: Token, at: CountryAt) -> str | None:
    """The country of the clause's subject, climbing from ``token`` to the root."""
    node = token
    for _ in range(12):
        for child in node.children:
            if child.dep_ in _SUBJECTS:
                iso3 = next((at[t.i] for t in child.subtree if t.i in at), None)
                if iso3:
                    return iso3
        if node.head is node:
            return None
        node = node.head
    return None


def _pair_compound(doc: Doc, t: Token, at: CountryAt, gaz: Gazetteer) -> Found | None:
    """ "the Belarus–Ukraine border", "Belarusian-Ukrainian border"."""
    right = _country_before(doc, t.i, at)
    if right is None or right[0] < 2 or doc[right[0] - 1].text not in _DASHES:
        return None
    left = _country_before(doc, right[0] - 1, at)
    if left is None or left[1] == right[1]:
        return None
    place = gaz.border(left[1], right[1])
    return (left[0], t.i + 1, place) if place else None


def _between(doc: Doc, t: Token, at: CountryAt, gaz: Gazetteer) -> Found | None:
    """ "the border between Belarus and Ukraine"."""
    if t.i + 1 >= len(doc) or doc[t.i + 1].lower_ != "between":
        return None
    first = _country_after(doc, t.i + 2, at)
    if first is None or first[0] >= len(doc) or doc[first[0]].lower_ not in ("and", "&"):
        return None
    second = _country_after(doc, first[0] + 1, at)
    if second is None or second[1] == first[1]:
        return None
    place = gaz.border(first[1], second[1])
    return (t.i, second[0], place) if place else None


def _with(doc: Doc, t: Token, at: CountryAt, gaz: Gazetteer) -> Found | None:
    """ "along its border with Ukraine", "Belarus's border with Ukraine"."""
    if t.i + 1 >= len(doc) or doc[t.i + 1].lower_ != "with":
        return None
    other = _country_after(doc, t.i + 2, at)
    if other is None:
        return None
    owner = None
    for child in t.children:
        if child.dep_ == "poss":
            owner = at.get(child.i) or (_subject_country(t, at) if child.pos_ == "PRON" else None)
    if owner is None and t.i > 0 and (t.i - 1) in at:
        owner = at[t.i - 1]  # "the Belarusian border with Ukraine"
    owner = owner or _subject_country(t, at)
    if owner is None or owner == other[1]:
        return None
    place = gaz.border(owner, other[1])
    return (t.i, other[0], place) if place else None


def _demonym_pair(doc: Doc, t: Token, at: CountryAt, gaz: Gazetteer) -> Found | None:
    """ "Minsk built up forces near the Ukrainian frontier": the actor's border with that country."""
    for child in t.children:
        if child.dep_ in ("amod", "compound", "poss") and child.i in at and child.pos_ != "PRON":
            other = at[child.i]
            owner = _subject_country(t, at)
            if owner and owner != other and other in gaz.neighbours.get(owner, ()):
                place = gaz.border(owner, other)
                return (child.i, t.i + 1, place) if place else None
    return None


def _anaphora(doc: Doc, t: Token, at: CountryAt, gaz: Gazetteer) -> Found | None:
    """ "moved sappers to the border", "border defenses": the pair border named last before it."""
    bare_modifier = t.dep_ == "compound" and not list(t.children)  # "border defenses"
    if not (bare_modifier or any(c.lower_ == "the" for c in t.children)) or any(
        c.dep_ in ("amod", "compound", "poss", "prep") for c in t.children
    ):
        return None
    for prev in reversed(doc[: t.i]):
        if prev.lower_ in BORDER_WORDS and prev.i != t.i:
            for _rule_id, rule in RULES[:4]:
                hit = rule(doc, prev, at, gaz)
                if hit is not None and len(hit[2].countries) == 2:
                    return (t.i, t.i + 1, hit[2])
    return None


def _own(doc: Doc, t: Token, at: CountryAt, gaz: Gazetteer) -> Found | None:
    """ "near Belarus's borders": one country's borders, no partner named."""
    for child in t.children:
        if child.dep_ == "poss" and child.i in at and child.pos_ != "PRON":
            place = gaz.border(at[child.i])
            start = min(x.i for x in child.subtree)
            return (start, t.i + 1, place) if place else None
    return None


RULES: tuple[tuple[str, Callable[[Doc, Token, CountryAt, Gazetteer], Found | None]], ...] = (
    ("border.pair_compound", _pair_compound),
    ("border.between", _between),
    ("border.with", _with),
    ("border.demonym_pair", _demonym_pair),
    ("border.own", _own),
    ("border.anaphora", _anaphora),
)


def country_positions(
    doc: Doc, countries: list[tuple[int, int, str]], actors: tuple[ActorMention, ...], gaz: Gazetteer
) -> dict[int, str]:
    """Token index -> ISO3 for every token that names a country (places, actors, demonyms)."""
    at: dict[int, str] = {}
    for actor in actors:
        if actor.country and actor.kind in ("name", "demonym", "capital") and len(actor.country) == 3:
            span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
            if span is not None:
                for t in span:
                    at[t.i] = actor.country
    for token in doc:
        if token.i in at or not token.text[:1].isupper():
            continue
        # a demonym ("Belarusian border"), or a capital standing for its state ("Minsk built up")
        if iso3 := gaz.demonyms.get(token.lower_) or gaz.capitals.get(token.lower_):
            at[token.i] = iso3
    for start, end, iso3 in countries:
        for k in range(start, end):
            at[k] = iso3
    return at


def find_borders(doc: Doc, at: CountryAt, gaz: Gazetteer) -> list[tuple[int, int, Place, str]]:
    """Border mentions: (start token, end token, place, rule id)."""
    found = []
    for token in doc:
        if token.lower_ not in BORDER_WORDS:
            continue
        for rule_id, rule in RULES:
            hit = rule(doc, token, at, gaz)
            if hit is not None:
                found.append((*hit, rule_id))
                break
    return found
