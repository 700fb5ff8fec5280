"""Actor mentions of one doc, addressable by token, with the antecedent lookups roles need."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from tocsin.records import ActorMention


@dataclass(frozen=True, slots=True)
class MentionIndex:
    """Actor mentions of one doc, addressable by token index."""

    mentions: tuple[ActorMention, ...]
    by_token: dict[int, int]
    # Mentions that are (in the noun phrase of) a clause subject: the salient antecedents.
    subjects: frozenset[int]

    @classmethod
    def build(cls, doc: Doc, mentions: Sequence[ActorMention]) -> MentionIndex:
        by_token: dict[int, int] = {}
        subjects: set[int] = set()
        for k, mention in enumerate(mentions):
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                continue
            for token in span:
                by_token.setdefault(token.i, k)
            node = span.root
            for _ in range(3):  # "the Belarusian Defense Ministry", "a spokesman for X"
                if node.dep_ in {"nsubj", "nsubjpass"}:
                    subjects.add(k)
                    break
                if node.dep_ not in {"compound", "poss", "pobj", "prep", "appos", "amod", "conj"}:
                    break
                node = node.head
        return cls(tuple(mentions), by_token, frozenset(subjects))

    def antecedent(self, token: Token) -> ActorMention | None:
        """For a pronoun: the nearest earlier subject mention, else the nearest mention."""
        best = None
        for k, mention in enumerate(self.mentions):
            if mention.end <= token.idx and mention.country and k in self.subjects:
                best = mention
        return best or self.before(token)

    def at(self, token: Token) -> ActorMention | None:
        k = self.by_token.get(token.i)
        return None if k is None else self.mentions[k]

    def after(self, token: Token, *, avoid: frozenset[int] = frozenset()) -> ActorMention | None:
        """Nearest mention with a country after ``token`` in its sentence, except those
        starting at ``avoid`` (the states an event is aimed at)."""
        end = token.sent.end_char
        for mention in self.mentions:
            inside = token.idx < mention.start and mention.end <= end
            if inside and mention.country and mention.start not in avoid:
                return mention
        return None

    def before_other(self, token: Token, countries: set[str | None], since: int) -> ActorMention | None:
        """Nearest mention ending before ``token`` and after ``since`` whose country is known
        and not in ``countries``."""
        best = None
        for mention in self.mentions:
            inside = since <= mention.start and mention.end <= token.idx
            if inside and mention.country and mention.country not in countries:
                best = mention
        return best

    def before(self, token: Token, *, sentence_only: bool = False) -> ActorMention | None:
        """Nearest mention that ends before ``token`` (for pronouns and generic nouns)."""
        limit = token.sent.start_char if sentence_only else -1
        best = None
        for mention in self.mentions:
            if limit <= mention.start and mention.end <= token.idx and mention.country:
                best = mention
        return best

    def recent_subjects(self, token: Token, count: int) -> list[ActorMention]:
        """The last ``count`` subject mentions of distinct countries before ``token``."""
        found: list[ActorMention] = []
        for k in sorted(self.subjects, key=lambda k: self.mentions[k].start, reverse=True):
            mention = self.mentions[k]
            earlier = mention.end <= token.idx
            if earlier and mention.country and mention.country not in {m.country for m in found}:
                found.append(mention)
            if len(found) == count:
                break
        return sorted(found, key=lambda m: m.start)
