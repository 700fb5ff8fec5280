"""The tense of the verb that governs a time expression, read from the dependency parse.

"will host ... on July 3" is future, "downed a drone on June 28" is past, "has been
postponed until Saturday" is left open (present perfect says nothing about the date).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

_FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "’ll"})
_PAST_AUX_TAGS = frozenset({"VBD"})
# "is due to", "are slated to attend", "plans to": the xcomp below them is future.
_FUTURE_HEADS = frozenset(
    {"due", "slated", "scheduled", "set", "expected", "plan", "planned", "going", "poised", "intend", "aim"}
)


def expression_root(doc: Doc, start: int, end: int) -> Token | None:
    span: Span | None = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def governing_verb(token: Token) -> Token | None:
    """The nearest verb at or above ``token`` in its sentence (or None if there is none)."""
    current = token
    for _ in range(30):  # parse trees are shallow; the bound guards a malformed tree
        if current.pos_ in ("VERB", "AUX") and current.i != token.i:
            return current
        if current.head.i == current.i:
            return current if current.pos_ in ("VERB", "AUX") else None
        current = current.head
    return None


def verb_tense(verb: Token) -> str | None:
    """ "past", "future" or None from the verb's own tag and its auxiliaries."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in _FUTURE_AUX for a in auxes):
        return "future"
    if any(a.lower_ == "going" for a in auxes) and verb.tag_ == "VB":
        return "future"
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _FUTURE_HEADS:
        return "future"
    if verb.tag_ == "VB" and verb.head.i != verb.i and verb.head.lemma_.lower() in _FUTURE_HEADS:
        return "future"
    if verb.tag_ == "VB" and verb.dep_ == "ROOT" and any(a.lower_ == "to" for a in auxes):
        # Headline style: "Russia to hold drills on Monday".
        return "future"
    if any(a.tag_ in _PAST_AUX_TAGS for a in auxes):
        # "would" is a modal (MD), "had"/"was"/"did" are past.
        return "past"
    if verb.tag_ == "VBD":
        return "past"
    if verb.tag_ == "VBN" and not auxes and verb.dep_ in ("ROOT", "conj", "ccomp"):
        # A participle heading a clause without any auxiliary is a mis-tagged simple past.
        return "past"
    if "Past" in verb.morph.get("Tense") and not auxes and verb.tag_ != "VBN":
        return "past"
    return None


def tense_at(doc: Doc, start: int, end: int) -> str | None:
    root = expression_root(doc, start, end)
    if root is None:
        return None
    verb = governing_verb(root)
    return verb_tense(verb) if verb is not None else None
