"""``link_claims``: the claims an article reports and the stances other parties take on them.

A *claim* is an event some party vouches for: factuality ``claimed``, or an
event with a claimant that is asserted, denied or planned (an announcement, a
denial, a confirmed fact). Events that are themselves stances ("Kyiv dismissed
the allegations") are not claims.

A *stance* is a sentence in which a party other than the claimant denies
("dismissed the allegations", "Minsk's claims were a staged
fabrication") or confirms ("confirmed the reports") claims. It is linked to the
claims it answers, most specific first:

1. ``stance.by_owner``: the stance names whose claims ("Minsk's claims") -> that
   claimant's claims;
2. ``stance.by_content``: the stance says what about ("claims about troop
   build-ups") -> claims whose sentence shares a content word;
3. ``stance.earlier``: a bare "the allegations", or a party labelling a claim with
   a denial word ("Kyiv calls it an information operation") -> every claim by
   another party made at most ``EARLIER_WINDOW`` sentences before;
0. ``stance.same_sentence`` (tried first): another party answers in the claim's
   own sentence ("..., a charge Minsk rejects").

Status: contested when any party denies, corroborated when another party
confirms and none denies, else unverified. The reporter's own "couldn't
independently verify" is not a party (``speakers.find_reporters``), so it
leaves claims unverified.

Keys for the cross-article merge to come: a Claim is keyed by (article id,
``event_index``) and each Stance carries the ``event_index`` of the claim it
answers and the party's country/sector, so stances from other articles can be
attached to the incident the claim's event is merged into.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Doc, Span, Token

from tocsin.attribution.attribute import trigger_token
from tocsin.attribution.cues import AttributionCues
from tocsin.attribution.speakers import Speaker, index_speakers, phrase_sentences
from tocsin.records import ActorMention, Claim, Claimant, ClaimStatus, Event, Stance

StanceKind = Literal["denies", "confirms"]

_CLAIMABLE = frozenset({"claimed", "asserted", "denied", "planned"})
_CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB"})
# A bare "the allegations" answers claims made at most this many sentences before it.
EARLIER_WINDOW = 6
_ABOUT = frozenset({"about", "of", "on", "over", "regarding", "concerning"})
_STOP_CONTENT = frozenset({"be", "have", "do", "say", "claim", "report", "allegation", "make", "take"})


@dataclass(frozen=True, slots=True)
class _StanceSentence:
    kind: StanceKind
    party: Claimant
    sent: Span
    owners: frozenset[str]  # countries whose claims it names ("Minsk's claims")
    about: frozenset[str]  # content lemmas of what it is about ("troop", "movement")
    names_claims: bool  # it answers claims as such ("the allegations"), not a content of its own
    # Content words a claim must share with ``about``: 1 for "claims about troop movements",
    # 2 for a stance verb's own object ("acknowledged Kelly's receding power").
    min_shared: int = 1


def _is_stance_event(trigger: Token, cues: AttributionCues) -> bool:
    lemma = trigger.lemma_.lower()
    return lemma in cues.of("stance_denial") or lemma in cues.of("stance_confirmation")


def _content(tokens) -> frozenset[str]:
    return frozenset(
        t.lemma_.lower()
        for t in tokens
        if t.pos_ in _CONTENT_POS and not t.is_stop and t.lemma_.lower() not in _STOP_CONTENT
    )


def _stance_sentences(doc: Doc, text: str, cues: AttributionCues) -> list[tuple[Span, StanceKind]]:
    """Sentences with a denial word or phrase ("denies") or a confirming verb ("confirms")."""
    kinds: dict[int, tuple[Span, StanceKind]] = {}
    phrases = frozenset(p for p in cues.of("stance_denial") if " " in p)
    words = cues.of("stance_denial") - phrases
    for sent in phrase_sentences(doc, text, phrases):
        kinds[sent.start] = (sent, "denies")
    for index in cues.hits(doc, "stance_denial"):
        # ``hits`` also returns a phrase's first word ("information" of "information
        # operation"); phrases were matched whole above.
        if doc[index].lemma_.lower() not in words and doc[index].lower_ not in words:
            continue
        sent = doc[index].sent
        kinds[sent.start] = (sent, "denies")
    for index in cues.hits(doc, "stance_confirmation"):
        token = doc[index]
        if token.pos_ == "VERB":
            kinds.setdefault(token.sent.start, (token.sent, "confirms"))
    return [kinds[k] for k in sorted(kinds)]


def _labelling_party(sent: Span, cues: AttributionCues, actors: tuple[ActorMention, ...]) -> Claimant | None:
    """ "Kyiv calls it an information operation": the party labelling a claim ("it", "the
    reports") with the denial word of its sentence, though no attribution verb voices it."""
    labels = cues.of("labelling_verb")
    claim_nouns = cues.of("claim_noun")
    for token in sent:
        if token.pos_ != "VERB" or token.lemma_.lower() not in labels:
            continue
        objects = [c for c in token.children if c.dep_ == "dobj"]
        if not any(o.pos_ == "PRON" or o.lemma_.lower() in claim_nouns for o in objects):
            continue
        for subj in (c for c in token.children if c.dep_ == "nsubj"):
            for actor in actors:
                if actor.country and actor.start <= subj.idx < max(actor.end, actor.start + 1):
                    return Claimant(actor.text, actor.country, actor.sector, actor.start, actor.end)
    return None


def _stances(
    doc: Doc,
    sentences: list[tuple[Span, StanceKind]],
    speakers_order: tuple[Speaker, ...],
    cues: AttributionCues,
    actors: tuple[ActorMention, ...],
) -> list[_StanceSentence]:
    by_sent: dict[int, list[Speaker]] = {}
    for speaker in speakers_order:
        by_sent.setdefault(doc[speaker.cue].sent.start, []).append(speaker)
    out: list[_StanceSentence] = []
    claim_nouns = cues.of("claim_noun")
    for sent, kind in sentences:
        here = by_sent.get(sent.start, [])
        verbal = [s for s in here if doc[s.cue].pos_ in ("VERB", "AUX") and s.claimant is not None]
        if not verbal:
            labeller = _labelling_party(sent, cues, actors) if kind == "denies" else None
            if labeller is not None:
                # answers the earlier claims of others, as "the allegations" does
                out.append(_StanceSentence(kind, labeller, sent, frozenset(), frozenset(), True, 1))
            continue
        nouns = [t for t in sent if t.lemma_.lower() in claim_nouns and t.pos_ == "NOUN"]
        if (
            kind == "confirms"
            and not nouns
            and not any(doc[s.cue].lemma_ in cues.of("stance_confirmation") for s in verbal)
        ):
            continue
        if (
            kind == "denies"
            and not nouns
            and not any(doc[s.cue].lemma_ in cues.of("stance_denial") for s in verbal)
        ):
            continue
        owners = frozenset(
            s.claimant.country
            for s in here
            if doc[s.cue].pos_ == "NOUN" and s.claimant and s.claimant.country
        )
        about: set[str] = set()
        for noun in nouns:
            for child in noun.children:
                # "claims about troop movements", "claims that Kyiv was...": what they are about
                # ("as propaganda", "by Minsk" say something else).
                if (child.dep_ == "prep" and child.lower_ in _ABOUT) or child.dep_ in ("acl", "ccomp"):
                    about |= _content(child.subtree)
        # The party is whoever voices the stance word ("..., a claim Moscow dismissed"), else
        # the sentence's first speaker ("She called Minsk's claims disinformation").
        stance_words = cues.of("stance_denial") | cues.of("stance_confirmation")
        voiced = [s for s in verbal if doc[s.cue].lemma_.lower() in stance_words]
        if voiced and not nouns:
            # "denies assisting offences", "rejected the document": the verb's own object or
            # clause is what it answers.
            for child in doc[voiced[0].cue].children:
                if child.dep_ in ("dobj", "ccomp", "xcomp", "pcomp", "prep"):
                    about |= _content(child.subtree)
        party = (voiced or verbal)[0].claimant
        assert party is not None  # verbal speakers all have a claimant
        out.append(
            _StanceSentence(kind, party, sent, owners, frozenset(about), bool(nouns), 1 if nouns else 2)
        )
    return out


def _answers(
    stance: _StanceSentence,
    claim_event: Event,
    claimant: Claimant | None,
    doc: Doc,
    allegations: frozenset[str],
) -> str | None:
    """The rule by which ``stance`` answers the claim on ``claim_event``, or None."""
    if claimant is not None and (
        (claimant.country and claimant.country == stance.party.country)
        or (claimant.start is not None and claimant.start == stance.party.start)
    ):
        return None  # a party does not contest or corroborate itself
    earlier = claim_event.sentence_end <= stance.sent.start_char
    if stance.sent.start_char <= claim_event.trigger_start < stance.sent.end_char:
        # "..., a charge Minsk rejects": another party answers in the claim's own sentence.
        return "stance.same_sentence"
    if claim_event.factuality != "claimed" and claim_event.event.lower() not in allegations:
        return None  # stances answer claims and accusations, not a party's account of itself
    if stance.owners:
        owned = claimant is not None and claimant.country in stance.owners
        return "stance.by_owner" if owned and earlier else None
    if stance.about:
        span = doc.char_span(claim_event.sentence_start, claim_event.sentence_end, alignment_mode="expand")
        shared = stance.about & _content(span) if span is not None else frozenset()
        # A stance answers what was reported before it; a later claim must share more to match.
        if len(shared) >= stance.min_shared + (0 if earlier else 1):
            return "stance.by_content"
        return None
    if earlier and stance.kind == "denies" and stance.names_claims and _near(claim_event, stance, doc):
        return "stance.earlier"
    return None


def _near(claim_event: Event, stance: _StanceSentence, doc: Doc) -> bool:
    """Is the claim at most ``EARLIER_WINDOW`` sentences before the stance?"""
    token = doc.char_span(claim_event.trigger_start, claim_event.trigger_end, alignment_mode="expand")
    if token is None or not len(token):
        return False
    sent = token[0].sent
    for _ in range(EARLIER_WINDOW):
        if sent.end >= stance.sent.start:
            return True
        sent = doc[sent.end].sent
    return sent.end >= stance.sent.start


def link_claims(doc: Doc, events: tuple[Event, ...], cues: AttributionCues) -> tuple[Claim, ...]:
    """One Claim per claimed (or asserted-by-a-party) event, with the stances of others."""
    candidates = []
    for event in events:
        if event.factuality not in _CLAIMABLE:
            continue
        if event.factuality != "claimed" and event.claimant is None:
            continue
        if _is_stance_event(trigger_token(doc, event), cues):
            continue
        candidates.append(event)
    if not candidates:
        return ()
    text = doc.text  # built once: Doc.text joins every token on each call
    stance_sentences = _stance_sentences(doc, text, cues)
    if not stance_sentences:
        return tuple(Claim(e.index, e.claimant, "unverified") for e in candidates)
    # Actors are not passed here: stance parties resolve from the events' own actor mentions
    # and the claimants already found.
    pool: dict[tuple[int, int], ActorMention] = {}
    for e in events:
        for mention in (*e.actor, *e.recipient):
            pool.setdefault((mention.start, mention.end), mention)
        if e.claimant is not None and e.claimant.start is not None and e.claimant.country:
            pool.setdefault((e.claimant.start, e.claimant.end or 0), _as_actor(e.claimant))
    actors = tuple(pool.values())
    speakers = index_speakers(doc, actors, cues, text=text)
    stances = _stances(doc, stance_sentences, speakers.order, cues, actors)
    claims: list[Claim] = []
    for event in candidates:
        found: list[Stance] = []
        for stance in stances:
            if _answers(stance, event, event.claimant, doc, cues.of("allegation_event")) is not None:
                evidence = text[stance.sent.start_char : stance.sent.end_char].strip()
                found.append(Stance(stance.kind, stance.party, event.index, evidence))
        status: ClaimStatus = "unverified"
        if any(s.stance == "denies" for s in found):
            status = "contested"
        elif any(s.stance == "confirms" for s in found):
            status = "corroborated"
        claims.append(Claim(event.index, event.claimant, status, tuple(found)))
    return tuple(claims)


def _as_actor(claimant: Claimant) -> ActorMention:
    return ActorMention(
        text=claimant.text,
        start=claimant.start or 0,
        end=claimant.end or 0,
        country=claimant.country,
        sector=claimant.sector,
    )
