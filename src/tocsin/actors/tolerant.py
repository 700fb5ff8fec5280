"""A tolerant match for misspelt one-word names ("Ethopia", "Ghanians", "Bouteflicka").

Only a capitalised word the dictionary does not know and that spaCy's vocabulary does
not know either (out of vocabulary: "Indiana" is a word, so never "Indian") is tried,
and only when it is at least ``MIN_LENGTH`` letters long; a known word only when it
ends a person's name the NER found, and then only as a surname. Its spellings one edit away
(a letter deleted, inserted, replaced, or two letters swapped) are looked up among the
one-word phrases of the trie; exactly one known word must be found, naming a state
(name, demonym, capital) or a person (surname). A misspelt surname still needs the
support any surname needs (a title, the NER, the full name earlier).

Cost: only for such rare words, a few hundred dict lookups each.
"""

from __future__ import annotations

import string
from collections.abc import Iterator

from spacy.tokens import Token

from tocsin.actors.dictionary import END, ActorDictionary, Sense

MIN_LENGTH = 5
# What a misspelt word may stand for: states and people, not organisations or agent nouns.
TOLERANT_KINDS = frozenset({"name", "demonym", "people", "capital", "person"})
PERSON_ONLY = frozenset({"person"})
_LETTERS = string.ascii_lowercase


def tolerant_kinds(token: Token) -> frozenset[str]:
    """What a word the dictionary lacks may be a misspelling of: a state or person when
    spaCy does not know the word either; only a person when the word ends a person's
    name the NER found (a misspelling common enough to be in the vocabulary: "Mitterand")."""
    text = token.text
    if len(text) < MIN_LENGTH or not text[:1].isupper() or not text.isalpha():
        return frozenset()
    if token.is_oov:
        return TOLERANT_KINDS
    doc, nxt = token.doc, token.i + 1
    ends_name = token.ent_type_ == "PERSON" and token.ent_iob_ == "I"
    ends_name = ends_name and (nxt == len(doc) or doc[nxt].ent_iob_ != "I")
    return PERSON_ONLY if ends_name else frozenset()


def tolerant_senses(word: str, dictionary: ActorDictionary, kinds: frozenset[str]) -> tuple[Sense, ...]:
    """Senses of ``kinds`` of the one known one-word phrase one edit from ``word`` (lower
    case), if exactly one such phrase exists; else nothing."""
    trie = dictionary.trie
    found: str | None = None
    for variant in _edits(word):
        node = trie.get(variant)
        if node is not None and variant != found and node.get(END):  # type: ignore[attr-defined]
            if found is not None:
                return ()  # two known words are one edit away: ambiguous
            found = variant
    if found is None:
        return ()
    senses = (dictionary.senses[k] for k in trie[found][END])  # type: ignore[index]
    return tuple(s for s in senses if s.kind in kinds and (s.kind != "person" or s.surname))


def _edits(word: str) -> Iterator[str]:
    """Every spelling one edit from ``word`` (some more than once), generated lazily."""
    n = len(word)
    for i in range(n):
        head, tail = word[:i], word[i + 1 :]
        yield head + tail  # deletion
        if i + 1 < n:
            yield head + word[i + 1] + word[i] + word[i + 2 :]  # swap
        for c in _LETTERS:
            yield head + c + tail  # replacement
            yield head + c + word[i:]  # insertion before i
    for c in _LETTERS:
        yield word + c
