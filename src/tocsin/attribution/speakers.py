"""Who speaks where: every attribution in an article, its speaker resolved to an actor.

One pass over the tokens finds the attribution cues (a verb such as "said" or
"claimed", "according to X", a possessed claim noun such as "Minsk's claims").
Each speaker span is mapped to country + sector through the actor mentions; a
pronoun or a bare role ("he", "it", "the ministry", "the minister") takes the
most recent compatible speaker or named actor before it, which is how "The
ministry also claimed..." inherits the Belarusian Defense Ministry named a
sentence earlier. The reporter (the outlet speaking about itself: "The Daily
Ledger couldn't independently verify...") is never a speaker.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from tocsin.attribution.cues import AttributionCues, verb_key
from tocsin.records import ActorMention, Claimant

_SUBJECTS = frozenset({"nsubj", "csubj"})
# Unnamed sources: a bare "Analysts note" or "Reports indicate" names nobody.
ANONYMOUS_HEADS = frozenset(
    {"report", "analyst", "observer", "expert", "source", "commentator", "critic", "media", "rumour", "rumor"}
)
# A speaker is a person when its head noun is one of these (or a person pronoun).
_PERSON_ROLES = frozenset(
    {
        "minister", "spokesman", "spokeswoman", "spokesperson", "president", "official", "officer",
        "general", "commander", "leader", "ambassador", "envoy", "chief", "adviser", "advisor",
        "secretary", "premier", "chancellor", "king", "governor", "mayor", "lawmaker", "senator",
        "diplomat", "representative", "analyst", "expert", "source", "aide", "head", "director",
    }
)  # fmt: skip
# Unnamed institutions: "the leadership" speaks for the side that spoke last.
_INSTITUTIONS = frozenset(
    {"leadership", "authorities", "authority", "command", "administration", "government", "ministry"}
)
# The appositive / relative parts of a speaker phrase that are not the speaker's name.
_TRIM_DEPS = frozenset({"relcl", "acl", "punct", "cc"})


@dataclass(frozen=True, slots=True)
class Speaker:
    """One attribution cue and the party it names."""

    cue: int  # token index of the cue (the verb, "according", the claim noun)
    lemma: str  # the cue lemma ("say", "accord", "claim")
    force: str  # neutral, distancing, factive, negative
    claimant: Claimant | None  # None when the speaker is the reporter or unnamed
    person: bool
    head_lemma: str = ""  # the speaker's head word ("ministry", "report", "he")
    reporter: bool = False  # the outlet speaking about itself: not an attribution


@dataclass(frozen=True, slots=True)
class SpeakerIndex:
    """The speakers of one article, by cue token, in text order."""

    by_cue: dict[int, Speaker]
    order: tuple[Speaker, ...]
    reporters: frozenset[str]


def _speaker_span(doc: Doc, head: Token) -> Span:
    """The speaker's words: the head and its left/right modifiers, minus relative clauses."""
    left = head.i
    right = head.i
    for child in head.children:
        if child.dep_ in _TRIM_DEPS:
            continue
        left = min(left, child.left_edge.i)
        right = max(right, child.right_edge.i)
    # Keep a parenthesis whole: "Human Rights Watch (HRW)", not "Human Rights Watch (HRW".
    opened = sum(1 for t in doc[left : right + 1] if t.text == "(") - sum(
        1 for t in doc[left : right + 1] if t.text == ")"
    )
    if opened > 0 and right + 1 < len(doc) and doc[right + 1].text == ")":
        right += 1
    return doc[left : right + 1]


def phrase_sentences(doc: Doc, text: str, phrases: frozenset[str]) -> list[Span]:
    """The sentences containing any of ``phrases`` (lower-case substring search, once per phrase)."""
    low = text.lower()
    starts: dict[int, Span] = {}
    for phrase in phrases:
        pos = low.find(phrase)
        while pos != -1:
            span = doc.char_span(pos, pos + len(phrase), alignment_mode="expand")
            if span is not None and len(span):
                sent = span[0].sent
                starts.setdefault(sent.start, sent)
            pos = low.find(phrase, pos + 1)
    return [starts[k] for k in sorted(starts)]


def find_reporters(doc: Doc, cues: AttributionCues, text: str | None = None) -> frozenset[str]:
    """Names the article uses for itself: organisations in a sentence with a reporter phrase."""
    names: set[str] = set()
    for sent in phrase_sentences(doc, doc.text if text is None else text, cues.of("reporter_phrase")):
        if any(t.lower_ == "according" for t in sent):
            continue
        for ent in sent.ents:
            if ent.label_ in ("ORG", "WORK_OF_ART"):
                names.add(ent.text.lower().removeprefix("the "))
    return frozenset(names)


def _is_reporter(text: str, reporters: frozenset[str], phrases: frozenset[str]) -> bool:
    low = text.lower().removeprefix("the ").strip()
    return any(low == r or (r and r in low) for r in reporters) or any(p in low for p in phrases)


class _Resolver:
    """Maps speaker spans to actors; remembers speakers so later pronouns can find them."""

    def __init__(self, actors: tuple[ActorMention, ...], cues: AttributionCues) -> None:
        self.actors = tuple(sorted(actors, key=lambda a: a.start))
        self.starts = [a.start for a in self.actors]
        self.cues = cues
        self.history: list[tuple[Claimant, bool, str]] = []  # (claimant, is person, lower text)

    def _inside(self, start: int, end: int) -> list[ActorMention]:
        lo = bisect_left(self.starts, start)
        out = []
        for actor in self.actors[lo:]:
            if actor.start >= end:
                break
            if actor.end <= end:
                out.append(actor)
        return out

    def _before(self, start: int) -> list[ActorMention]:
        return list(reversed(self.actors[: bisect_left(self.starts, start)]))

    def resolve(self, doc: Doc, head: Token) -> tuple[Claimant, bool]:
        """The claimant a speaker phrase names (codes None when it names nobody known)."""
        span = _speaker_span(doc, head)
        low = head.lower_
        lemma = head.lemma_.lower()
        person = low in self.cues.of("person_pronoun") or lemma in _PERSON_ROLES or head.ent_type_ == "PERSON"
        inside = [a for a in self._inside(span.start_char, span.end_char) if a.country]
        actor = self._pick(inside, head)
        if actor is None and head.pos_ == "PROPN":
            actor = self._same_name(head)
        definite = any(
            c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an", "some") for c in head.children
        )
        if actor is None and lemma not in ANONYMOUS_HEADS and (head.pos_ == "PRON" or definite):
            actor = self._antecedent(head, lemma, person)
        if actor is None:
            # "a spokesman for the service": the definite organisation it speaks for.
            for prep in head.children:
                if prep.dep_ != "prep" or prep.lower_ not in ("for", "of", "at"):
                    continue
                for org in prep.children:
                    if org.dep_ == "pobj" and any(c.dep_ in ("det", "poss") for c in org.children):
                        actor = self._antecedent(org, org.lemma_.lower(), False)
        claimant = Claimant(
            text=span.text,
            country=actor.country if actor else None,
            sector=actor.sector if actor else None,
            start=span.start_char,
            end=span.end_char,
        )
        if actor is not None or head.pos_ != "PRON":
            named_person = isinstance(actor, ActorMention) and actor.kind == "person"
            self.history.append((claimant, person or named_person, span.text.lower()))
        return claimant, person

    def _pick(self, inside: list[ActorMention], head: Token) -> ActorMention | None:
        if not inside:
            return None
        for actor in inside:
            if actor.start <= head.idx < actor.end:
                return actor
        with_sector = [a for a in inside if a.sector]
        return max(with_sector or inside, key=lambda a: a.end - a.start)

    def _same_name(self, head: Token) -> ActorMention | Claimant | None:
        """An earlier mention of the same name: "Mr. Demchenko" after "Andriy Demchenko"."""
        name = head.lower_
        for actor in self._before(head.idx):
            words = actor.text.lower().replace("’s", "").split()
            if actor.country and name in words:
                return actor
        for claimant, _person, text in reversed(self.history):
            if claimant.country and name in text.split():
                return claimant
        return None

    def _antecedent(self, head: Token, lemma: str, person: bool) -> ActorMention | Claimant | None:
        is_pronoun = head.pos_ == "PRON"
        # A role noun ("the ministry") first looks for an earlier speaker or actor naming it.
        if not is_pronoun:
            for claimant, _was_person, text in reversed(self.history):
                if lemma in text and claimant.country:
                    return claimant
            for actor in self._before(head.idx):
                if lemma in actor.text.lower() and actor.country:
                    return actor
            if (
                lemma not in _PERSON_ROLES
                and lemma not in _INSTITUTIONS
                and lemma not in self.cues.of("attribution_noun")
            ):
                # "the Kremlin" names itself; only a role ("the minister"), an unnamed
                # institution ("the leadership") or an utterance ("the statement added")
                # falls back to the last speaker.
                return None
        for claimant, was_person, _text in reversed(self.history):
            if claimant.country and (was_person == person or not is_pronoun):
                return claimant
        for actor in self._before(head.idx):
            if actor.country and ((actor.kind == "person") == person or not person):
                return actor
        return None


def _subject(token: Token) -> Token | None:
    """The speaker of a verb: its subject, following control ("went on to allege").

    In the passive the subject is what is said ("the activities are framed as..."), so
    the speaker is the agent ("framed by Minsk") or nobody.
    """
    node = token
    for _ in range(3):
        for child in node.children:
            if child.dep_ == "agent":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return pobj
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in node.children):
            return None
        for child in node.children:
            if child.dep_ in _SUBJECTS:
                return child
        if node.dep_ in ("xcomp", "advcl", "conj") and node.head.i != node.i:
            node = node.head
            continue
        break
    return None


def _tail_subject(token: Token) -> Token | None:
    """ "..., Human Rights Watch (HRW) said Thursday.": the name just before a subjectless verb.

    The parser sometimes hangs a sentence-final speaker on the reported clause; the noun
    right before the verb (past a parenthesis), after a comma, is then the speaker.
    """
    doc = token.doc
    i = token.i - 1
    if i >= 0 and doc[i].text == ")":
        while i >= 0 and doc[i].text != "(":
            i -= 1
        i -= 1
    if i < 1 or doc[i].pos_ not in ("PROPN", "NOUN") or doc[i].head.i == token.i:
        return None
    start = max(token.sent.start, i - 8)
    if not any(t.text == "," for t in doc[start:i]):
        return None
    return doc[i]


def index_speakers(
    doc: Doc, actors: tuple[ActorMention, ...], cues: AttributionCues, *, text: str | None = None
) -> SpeakerIndex:
    """Find and resolve every attribution in ``doc`` (one vectorised pass over the lemmas)."""
    reporters = find_reporters(doc, cues, text)
    resolver = _Resolver(actors, cues)
    verbs = cues.of("attribution_verb")
    nouns = cues.of("attribution_noun")
    found: list[Speaker] = []
    for index in cues.hits(doc, "attribution_verb", "attribution_noun", "source_preposition"):
        token = doc[index]
        lemma = token.lemma_.lower()
        if token.pos_ in ("VERB", "AUX") and verb_key(token) in verbs:
            lemma = verb_key(token)
        head: Token | None = None
        force = "neutral"
        if (
            lemma in cues.of("source_preposition")
            and token.i + 1 < len(doc)
            and doc[token.i + 1].lower_ == "to"
        ):
            head = next((c for c in doc[token.i + 1].children if c.dep_ == "pobj"), None)
            force = "distancing"
        elif lemma in verbs and token.pos_ in ("VERB", "AUX"):
            head = _subject(token) or _tail_subject(token)
            force = cues.attribution_force.get(lemma, "neutral")
        elif lemma in nouns and token.pos_ == "NOUN":
            head = next((c for c in token.children if c.dep_ == "poss"), None)
            if head is None:
                for prep in token.children:
                    if prep.dep_ == "prep" and prep.lower_ in ("by", "from"):
                        head = next((c for c in prep.children if c.dep_ == "pobj"), None)
            force = "distancing"
            if head is None:
                continue
        if head is None:
            if (
                token.pos_ in ("VERB", "AUX")
                and lemma in verbs
                and any(c.dep_ == "auxpass" for c in token.children)
            ):
                # "is said to", "are framed as": attributed, to nobody named.
                found.append(Speaker(token.i, lemma, force, None, False, ""))
            continue
        claimant, person = resolver.resolve(doc, head)
        head_lemma = head.lemma_.lower()
        if _is_reporter(claimant.text, reporters, cues.of("reporter_phrase")):
            found.append(Speaker(token.i, lemma, force, None, False, head_lemma, reporter=True))
            continue
        found.append(Speaker(token.i, lemma, force, claimant, person, head_lemma))
    return SpeakerIndex(by_cue={s.cue: s for s in found}, order=tuple(found), reporters=reporters)
