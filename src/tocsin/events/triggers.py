"""Find trigger words in a sentence: one dict lookup per token, then cheap attachment checks."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from tocsin.events.loader import EventRules
from tocsin.events.schema import TriggerEntry

# How far after a trigger an attached word may stand ("call up", "open fire on").
_WINDOW = 3
_OBJECT_DEPS = frozenset({"dobj", "pobj", "nsubjpass", "attr", "oprd", "dative", "obj"})
# Walked through to reach an object's head noun; "nummod": "$200 of Nigeria's $350 million
# in loan obligations" hangs the noun under the amount.
_THROUGH = frozenset({"conj", "compound", "amod", "prep", "nummod"})


@dataclass(frozen=True, slots=True)
class TriggerMatch:
    token: Token
    entry: TriggerEntry
    # Tokens the match used besides the trigger ("fire" in "open fire"): they trigger nothing else.
    consumed: frozenset[int]


def _attached(token: Token) -> dict[str, int]:
    """Lemmas attached to ``token``: its children, its head, and the few tokens after it."""
    found: dict[str, int] = {}
    doc = token.doc
    for near in (*token.children, token.head, *doc[token.i + 1 : token.i + 1 + _WINDOW]):
        if near.i != token.i:
            found.setdefault(near.lemma_.lower(), near.i)
            found.setdefault(near.lower_, near.i)
    return found


def _objects(token: Token) -> set[str]:
    """Lemmas of the trigger's objects, their compounds, and prepositional objects."""
    lemmas: set[str] = set()
    stack = [c for c in token.children if c.dep_ in _OBJECT_DEPS or c.dep_ in {"prep", "agent"}]
    if token.dep_ in {"dobj", "pobj", "compound"}:
        lemmas.add(token.head.lemma_.lower())
    while stack:
        node = stack.pop()
        if node.dep_ in _OBJECT_DEPS or node.dep_ in {"conj", "compound", "amod"}:
            lemmas.add(node.lemma_.lower())
        if node.dep_ in {"prep", "agent", "nummod"} or node.dep_ in _OBJECT_DEPS:
            stack.extend(c for c in node.children if c.dep_ in _OBJECT_DEPS | _THROUGH)
    return lemmas


def _matches(token: Token, entry: TriggerEntry, cache: dict[str, object]) -> frozenset[int] | None:
    """``cache`` holds the token's attachments and objects, computed at most once per token
    (a lemma may carry hundreds of generated entries)."""
    if token.pos_ not in entry.pos:
        return None
    if not (entry.with_all or entry.with_any or entry.object_lemmas):
        return frozenset()
    if "attached" not in cache:
        cache["attached"] = _attached(token)
    attached: dict[str, int] = cache["attached"]  # type: ignore[assignment]
    used: set[int] = set()
    for lemma in entry.with_all:
        if lemma not in attached:
            return None
        used.add(attached[lemma])
    if entry.with_any and not any(lemma in attached for lemma in entry.with_any):
        return None
    if entry.object_lemmas:
        if "objects" not in cache:
            cache["objects"] = _objects(token)
        objects: set[str] = cache["objects"]  # type: ignore[assignment]
        if not any(lemma in objects for lemma in entry.object_lemmas):
            return None
    return frozenset(used)


def find_triggers(sent: Span, rules: EventRules) -> list[TriggerMatch]:
    """Best entry per token (most specific first); tokens consumed by a match trigger nothing."""
    matches: list[TriggerMatch] = []
    for token in sent:
        entries = rules.triggers.get(token.lemma_.lower()) or rules.triggers.get(token.lower_)
        if not entries:
            continue
        cache: dict[str, object] = {}
        for entry in entries:
            used = _matches(token, entry, cache)
            if used is not None:
                matches.append(TriggerMatch(token, entry, used))
                break
    consumed = {i for m in matches for i in m.consumed}
    return [m for m in matches if m.token.i not in consumed]
