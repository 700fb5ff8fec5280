"""``resolve_actors``: dictionary hits in a Doc, chained into actor mentions.

A mention is a chain of adjacent hits read left to right::

    [anchor] ['s] [modifiers] [agent ...] [person]        "Ukraine's Border Guard"
    [agent] of [the] [anchor]                             "the president of Armenia"

An *anchor* names a country (a name, demonym, capital or organisation); an *agent*
names a sector ("officials", "Defence Ministry"); a *person* is resolved to their
office at the article date. The chain's country and sector come from ordered,
named rules (``decide``); the winning rule's component gives the entry id.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from spacy.tokens import Doc

from tocsin.actors.dictionary import ActorDictionary, Role, Sense
from tocsin.actors.matching import Hit, find_hits, is_person_entity
from tocsin.actors.people import resolve_person
from tocsin.records import ActorMention

ANCHOR_KINDS = frozenset({"name", "demonym", "people", "capital", "igo", "org", "group"})
# When a phrase has several senses, the first kind in this order wins (a person only
# when the NER or the article supports it, see ``_choose``).
KIND_ORDER = ("name", "demonym", "igo", "org", "group", "capital", "people", "agent")
POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
# Words that may stand between the parts of a chain without breaking it.
MODIFIER_POS = frozenset({"ADJ"})
MAX_MODIFIERS = 2
# Words before a bare surname that mark it as a person's name ("Mr. Lukashenko").
HONORIFICS = frozenset(
    [
        "mr",
        "mr.",
        "mrs",
        "mrs.",
        "ms",
        "ms.",
        "dr",
        "dr.",
        "sir",
        "dame",
        "sheikh",
        "ayatollah",
        "gen.",
        "gen",
        "lt.",
        "col.",
        "sen.",
        "rep.",
        "gov.",
        "pres.",
        "president",
        "premier",
        "minister",
        "chancellor",
        "secretary",
        "king",
        "queen",
        "prince",
        "emir",
        "general",
        "marshal",
        "admiral",
        "colonel",
        "commander",
        "spokesman",
        "spokeswoman",
        "judge",
    ]
)


@dataclass(frozen=True, slots=True)
class Part:
    """One hit of a chain, with the sense chosen for it (and a role, for a person)."""

    start: int
    end: int
    sense: Sense
    role: Role | None = None

    @property
    def kind(self) -> str:
        return self.sense.kind


def resolve_actors(doc: Doc, dictionary: ActorDictionary, *, on: dt.date | None) -> tuple[ActorMention, ...]:
    """Actor mentions in ``doc``, sorted by start, non-overlapping, offsets into ``doc.text``."""
    parts = _choose_parts(doc, find_hits(doc, dictionary), dictionary, on=on)
    mentions: list[ActorMention] = []
    i = 0
    while i < len(parts):
        chain, i = _chain(doc, parts, i)
        mention = _mention(doc, chain)
        if mention is not None:
            mentions.append(mention)
    return tuple(mentions)


def _choose_parts(
    doc: Doc, hits: list[Hit], dictionary: ActorDictionary, *, on: dt.date | None
) -> list[Part]:
    parts: list[Part] = []
    named_before: set[str] = set()
    for hit in hits:
        part = _choose(doc, hit, dictionary, on=on, named_before=named_before)
        if part is None or _inside_longer_name(doc, part):
            continue
        if part.kind == "person" and part.end - part.start > 1 and part.sense.person:
            named_before.add(part.sense.person)
        parts.append(part)
    return parts


def _choose(
    doc: Doc, hit: Hit, dictionary: ActorDictionary, *, on: dt.date | None, named_before: set[str]
) -> Part | None:
    """Pick one sense of a hit: a person when the text reads as a person, else by KIND_ORDER."""
    persons = tuple(s for s in hit.senses if s.kind == "person" and _supported(doc, hit, s, named_before))
    others = sorted(
        (s for s in hit.senses if s.kind != "person"),
        key=lambda s: (KIND_ORDER.index(s.kind), s.country is None),
    )
    person_first = bool(persons) and (
        not others
        or is_person_entity(doc, hit.start, hit.end)
        or any(s.person in named_before for s in persons)
    )
    if person_first:
        role = resolve_person(persons, dictionary, on=on, named_before=named_before)
        if role is not None:
            sense = next((s for s in persons if s.entry == role.entry), persons[0])
            return Part(hit.start, hit.end, sense, role)
    if others:
        return Part(hit.start, hit.end, others[0])
    return None


def _supported(doc: Doc, hit: Hit, sense: Sense, named_before: set[str]) -> bool:
    """A bare surname counts only when the NER, a title or an earlier full name backs it."""
    if not sense.surname:
        return True
    if sense.person in named_before or is_person_entity(doc, hit.start, hit.end):
        return True
    return hit.start > 0 and doc[hit.start - 1].lower_ in HONORIFICS


def _inside_longer_name(doc: Doc, part: Part) -> bool:
    """A place name that is the first word of a longer proper name ("Moscow Times")."""
    if part.kind not in ("name", "capital") or part.end >= len(doc):
        return False
    nxt = doc[part.end]
    last = doc[part.end - 1]
    return (
        nxt.pos_ == "PROPN"
        and nxt.text[:1].isupper()
        and nxt.ent_iob_ == "I"
        and last.ent_type_ in ("ORG", "WORK_OF_ART", "FAC", "PRODUCT")
        and not nxt.is_sent_start
    )


def _chain(doc: Doc, parts: list[Part], i: int) -> tuple[list[Part], int]:
    """The longest chain starting at parts[i]; returns it and the index after it."""
    chain = [parts[i]]
    j = i + 1
    while j < len(parts):
        last, nxt = chain[-1], parts[j]
        gap = _gap(doc, last, nxt)
        if gap is None or doc[last.start].sent.start != doc[nxt.start].sent.start:
            break
        if not _may_follow(last, nxt, gap):
            break
        chain.append(nxt)
        j += 1
        if nxt.kind == "person" or gap == "of":
            break
    return chain, j


def _gap(doc: Doc, last: Part, nxt: Part) -> str | None:
    """What stands between two parts: "" (adjacent or modifiers only), "'s", "of", or None."""
    between = doc[last.end : nxt.start]
    words = [t for t in between if not t.is_space]
    if not words:
        return ""
    if len(words) == 1 and words[0].text in POSSESSIVES:
        return "'s"
    if [t.lower_ for t in words] in (["of"], ["of", "the"]):
        return "of"
    start = 1 if words[0].text in POSSESSIVES else 0
    mods = words[start:]
    if len(mods) <= MAX_MODIFIERS and all(t.pos_ in MODIFIER_POS for t in mods):
        return "'s" if start else ""
    return None


def _may_follow(last: Part, nxt: Part, gap: str) -> bool:
    if gap == "of":
        return last.kind == "agent" and nxt.kind in ("name", "capital", "org")
    if last.kind in ANCHOR_KINDS:
        return nxt.kind in ("agent", "person") and last.kind != "people"
    if last.kind == "agent":
        return gap == "" and nxt.kind in ("agent", "person")
    return False


def _mention(doc: Doc, chain: list[Part]) -> ActorMention | None:
    start, end = chain[0].start, chain[-1].end
    if chain[-1].kind == "agent" and chain[-1].sense.title:
        end = _person_name_end(doc, end)
    country, sector, entry, kind = decide(chain)
    if country is None and sector is None:
        return None
    first, last = doc[start], doc[end - 1]
    char_start, char_end = first.idx, last.idx + len(last.text)
    wikidata = next(
        (p.role.wikidata if p.role else p.sense.wikidata for p in chain if p.sense.entry == entry), None
    )
    return ActorMention(
        text=doc.text[char_start:char_end],
        start=char_start,
        end=char_end,
        country=country,
        sector=sector,
        wikidata=wikidata,
        entry=entry,
        kind=kind,
    )


def _person_name_end(doc: Doc, end: int) -> int:
    """After a title ("President"), take in an unknown person's name the NER found."""
    k = end
    while k < len(doc) and doc[k].ent_type_ == "PERSON" and (k > end or doc[k].ent_iob_ == "B"):
        k += 1
    return k


def decide(chain: list[Part]) -> tuple[str | None, str | None, str | None, str]:
    """(country, sector, entry id, kind) of a chain.

    Country, first rule that fires: the person's role; the first anchor; none.
    Sector: the person's role; the last agent; the anchor's own sector (a capital
    names the government, an organisation its sector).
    """
    person = next((p for p in chain if p.role is not None), None)
    anchor = next((p for p in chain if p.kind in ANCHOR_KINDS), None)
    agent = next((p for p in reversed(chain) if p.kind == "agent"), None)
    if person is not None and person.role is not None:
        role = person.role
        return role.country, role.sector or (agent.sense.sector if agent else None), role.entry, "person"
    sector = agent.sense.sector if agent else (anchor.sense.sector if anchor else None)
    if anchor is not None:
        return anchor.sense.country, sector, anchor.sense.entry, _record_kind(anchor.kind)
    return None, sector, agent.sense.entry if agent else None, "agent"


def _record_kind(kind: str) -> str:
    return "demonym" if kind == "people" else kind
