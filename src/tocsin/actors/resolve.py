"""``resolve_actors``: dictionary hits in a Doc, chained into actor mentions.

A mention is a chain of adjacent hits read left to right::

    [anchor] ['s] [modifiers] [agent ...] [person]        "Ukraine's Border Guard"
    [agent] of [the] [anchor]                             "the president of Armenia"

An *anchor* names a country (a name, demonym, capital or organisation); an *agent*
names a sector ("officials", "Defence Ministry"); a *person* is resolved to their
office at the article date. The chain's country and sector come from ordered,
named rules (``decide``); the winning rule's part gives the entry id.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from spacy.tokens import Doc

from tocsin.actors.dictionary import END, ActorDictionary, Sense
from tocsin.actors.matching import find_hits
from tocsin.actors.senses import Part, choose_parts
from tocsin.records import ActorMention

ANCHOR_KINDS = frozenset({"name", "demonym", "people", "capital", "igo", "org", "group"})
POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
# Words that may stand between the parts of a chain without breaking it.
MODIFIER_POS = frozenset({"ADJ"})
MAX_MODIFIERS = 2
# Between two demonyms, these coordinate them ("Hungarian and Romanian officials").
COORDINATORS = frozenset({"and", ",", "or"})
# Words that put an office in the past ("former President", "ex-premier").
PAST_OFFICE = frozenset({"former", "ex", "ex-", "ousted", "late", "deposed", "exiled", "then"})
# Prepositions before a capital that make it a place, not its government ("in Paris").
# ("to"/"from" are left out: "according to Minsk", "a message from Moscow" are the government.)
LOCATIVES = frozenset({"in", "at", "near", "outside", "inside", "around", "across", "into"})
# Sectors whose members belong where they are ("rebels in Darfur", "opposition parties in
# Nepal"): PLOVER's domestic, non-state sectors and the police.
DOMESTIC = frozenset({"REB", "OPP", "PTY", "CVL", "COP", "LAB", "EDU", "AGR", "REF", "CRM", "JUD", "LEG"})


def resolve_actors(doc: Doc, dictionary: ActorDictionary, *, on: dt.date | None) -> tuple[ActorMention, ...]:
    """Actor mentions in ``doc``, sorted by start, non-overlapping, offsets into ``doc.text``."""
    parts = choose_parts(doc, find_hits(doc, dictionary), dictionary, on=on)
    chains: list[tuple[list[Part], int]] = []
    i = 0
    while i < len(parts):
        chain, i = _chain(doc, parts, i)
        end = chain[-1].end
        if chain[-1].kind == "agent" and chain[-1].sense.title:
            # An unknown person's name after a title joins the mention; a known one inside
            # it is taken into the chain, so mentions never overlap.
            end = _person_name_end(doc, end)
            while i < len(parts) and parts[i].start < end:
                if parts[i].role is not None:
                    chain.append(parts[i])
                end = max(end, parts[i].end)
                i += 1
        if on is None:
            chain = _role_named_by_title(doc, chain, dictionary)
        chains.append((chain, end))
    text = doc.text  # built once: Doc.text joins every token, so never call it per mention
    mentions = [m for chain, end in chains if (m := _mention(doc, text, chain, end)) is not None]
    return tuple(_share_coordinated_sector(text, _join_of_country(doc, text, mentions)))


def _role_named_by_title(doc: Doc, chain: list[Part], dictionary: ActorDictionary) -> list[Part]:
    """With no article date, "President Mubarak" is in office: take his latest office of
    the title's sector rather than his latest office (which may be "former", ELI).

    Not when the text itself says the office is past ("former President").
    """
    person = next((p for p in chain if p.role is not None and p.sense.person), None)
    if person is None or person.role is None:
        return chain
    # Any office noun right before the name, or inside the alias that matched, names
    # the office meant ("U.S. Secretary of State Warren Christopher").
    titles = [p.sense.sector for p in chain if p.kind == "agent"]
    # The dictionary's own alias may hold the title: "Israeli Prime Minister Ehud Barak".
    titles += [
        s.sector for s in _office_senses(dictionary, [t.lower_ for t in doc[person.start : person.end]])
    ]
    if not titles or person.role.sector == titles[-1]:
        return chain
    if any(t.lower_ in PAST_OFFICE for t in doc[max(chain[0].start - 2, 0) : person.start + 1]):
        return chain
    sector = titles[-1]
    matching = [r for r in dictionary.roles.get(person.sense.person or "", ()) if r.sector == sector]
    if not matching:
        return chain
    return [replace(p, role=matching[-1]) if p is person else p for p in chain]


def _office_senses(dictionary: ActorDictionary, words: list[str]) -> list[Sense]:
    """Office nouns ("prime minister") among ``words``, longest phrase at each position."""
    found: list[Sense] = []
    i = 0
    while i < len(words):
        node, j, best, best_end = dictionary.trie.get(words[i]), i, [], i + 1
        while isinstance(node, dict):
            j += 1
            titles = [s for k in node.get(END, ()) if (s := dictionary.senses[k]).kind == "agent"]
            if titles:
                best, best_end = titles, j
            node = node.get(words[j]) if j < len(words) else None
        found += best
        i = best_end
    return found


def _chain(doc: Doc, parts: list[Part], i: int) -> tuple[list[Part], int]:
    """The longest chain starting at parts[i]; returns it and the index after it."""
    chain = [parts[i]]
    j = i + 1
    while j < len(parts):
        last, nxt = chain[-1], parts[j]
        gap = _gap(doc, last, nxt)
        if gap is None or doc[last.start].sent.start != doc[nxt.start].sent.start:
            break
        if not _may_follow(doc, last, nxt, gap):
            break
        chain.append(nxt)
        j += 1
        if nxt.kind == "person" or gap == "of":
            break
    return chain, j


def _gap(doc: Doc, last: Part, nxt: Part) -> str | None:
    """What stands between two parts: "" (adjacent or modifiers only), "'s", "of", or None."""
    words = [t for t in doc[last.end : nxt.start] if not t.is_space]
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


def _may_follow(doc: Doc, last: Part, nxt: Part, gap: str) -> bool:
    if gap == "of":
        return last.kind == "agent" and nxt.kind in ("name", "capital", "org") and not _modifies(doc, nxt.end)
    if last.kind in ("name", "demonym") and nxt.kind == "people" and gap == "":
        return True  # "Bosnian Serbs", "Iraqi Kurds": the state, then the people in it
    if last.kind in ANCHOR_KINDS:
        return nxt.kind in ("agent", "person") and last.kind != "people"
    if last.kind == "agent":
        return gap == "" and nxt.kind in ("agent", "person")
    return False


def _modifies(doc: Doc, end: int) -> bool:
    """The name ending at ``end`` modifies a noun after it ("of US aerial activity")."""
    return end < len(doc) and doc[end].pos_ in ("NOUN", "PROPN", "ADJ") and not doc[end].is_sent_start


def _person_name_end(doc: Doc, end: int) -> int:
    """After a title ("President"), the end of a person's name the NER found there."""
    k = end
    while k < len(doc) and doc[k].ent_type_ == "PERSON" and (k > end or doc[k].ent_iob_ == "B"):
        k += 1
    return k


def _mention(doc: Doc, text: str, chain: list[Part], end: int) -> ActorMention | None:
    country, sector, entry, kind = decide(chain)
    if len(chain) == 1 and kind == "capital" and _after_locative(doc, chain[0].start):
        sector = None  # "talks in Paris": the city as a place, with its country
    if country is None and sector is None:
        return None
    first, last = doc[chain[0].start], doc[end - 1]
    char_start, char_end = first.idx, last.idx + len(last.text)
    wikidata = next(
        (p.role.wikidata if p.role else p.sense.wikidata for p in chain if p.sense.entry == entry), None
    )
    return ActorMention(
        text=text[char_start:char_end],
        start=char_start,
        end=char_end,
        country=country,
        sector=sector,
        wikidata=wikidata,
        entry=entry,
        kind=kind,
    )


def _after_locative(doc: Doc, start: int) -> bool:
    k = start - 1
    while k >= 0 and doc[k].pos_ == "ADJ":  # "in central Baghdad"
        k -= 1
    return k >= 0 and doc[k].lower_ in LOCATIVES


def decide(chain: list[Part]) -> tuple[str | None, str | None, str | None, str]:
    """(country, sector, entry id, kind) of a chain, by ordered rules.

    1. ``person``: a person with an office on the date gives country and sector (the
       sector falls back to the last agent noun) -- unless the person was matched by a
       surname alone and an anchor names another country ("British militant Haroon"):
       then the anchor is the stronger evidence and rule 2 applies;
    2. ``anchor``: the first country-naming part gives the country; the sector is the
       last agent noun's (UAF, unidentified armed forces, becomes REB: the country
       identifies them) -- a generic head noun ("officials") yields to a more specific
       part before it -- else the last anchor's own (a capital names the government,
       "Iraqi Kurds" the people);
    3. ``agent``: no country; the last agent noun's sector, as in rule 2.
    """
    person = next((p for p in chain if p.role is not None), None)
    anchor = next((p for p in chain if p.kind in ANCHOR_KINDS), None)
    agent = next((p for p in reversed(chain) if p.kind == "agent"), None)
    if person is not None and person.role is not None:
        role = person.role
        overruled = person.sense.surname and anchor is not None and anchor.sense.country != role.country
        if not overruled:
            return role.country, role.sector or (agent.sense.sector if agent else None), role.entry, "person"
    sector = _sector(chain, agent) if agent else _anchor_sector(chain)
    if anchor is not None:
        if sector == "UAF":
            sector = "REB"  # armed men a country names are no longer "unidentified" (PLOVER UAF)
        return anchor.sense.country, sector, anchor.sense.entry, _record_kind(anchor.kind)
    return None, sector, agent.sense.entry if agent else None, "agent"


def _sector(chain: list[Part], agent: Part) -> str | None:
    """The last agent noun's sector; for a generic head noun ("officials", "leaders"), the
    sector of the nearest part before it that has one, if any ("intelligence officials" SPY,
    "Hamas leaders" REB, "army spokesman" MIL)."""
    if not agent.sense.head:
        return agent.sense.sector
    k = chain.index(agent)
    specific = next((p for p in reversed(chain[:k]) if p.sense.sector and not p.sense.head), None)
    return specific.sense.sector if specific is not None else agent.sense.sector


def _anchor_sector(chain: list[Part]) -> str | None:
    """With no agent noun, the last anchor's sector: "Iraqi Kurds" are the people (CVL)."""
    return next((p.sense.sector for p in reversed(chain) if p.kind in ANCHOR_KINDS and p.sense.sector), None)


def _record_kind(kind: str) -> str:
    return "demonym" if kind == "people" else kind


def _join_of_country(doc: Doc, text: str, mentions: list[ActorMention]) -> list[ActorMention]:
    """ "King Hassan of Morocco": a title mention with no country takes the country after
    "of". "Rebels in the Ivory Coast": a domestic sector's mention takes the country after
    "in" (not "troops in Iraq": soldiers and officials abroad are often foreign)."""
    joined: list[ActorMention] = []
    for mention in mentions:
        prev = joined[-1] if joined else None
        between = text[prev.end : mention.start].strip().lower() if prev is not None else ""
        if (
            prev is not None
            and prev.country is None
            and mention.kind in ("name", "capital")
            and between in ("in", "in the")
            and prev.sector in DOMESTIC
        ):
            # The place stays a mention of its own: the event coder may need it as a place.
            joined[-1] = replace(prev, country=mention.country)
        elif (
            prev is not None
            and prev.country is None
            and mention.kind in ("name", "capital")
            and between in ("of", "of the")
            and not _modifies(doc, doc.char_span(mention.start, mention.end, alignment_mode="expand").end)
        ):
            joined[-1] = replace(
                prev, text=text[prev.start : mention.end], end=mention.end, country=mention.country
            )
            continue
        joined.append(mention)
    return joined


def _share_coordinated_sector(text: str, mentions: list[ActorMention]) -> list[ActorMention]:
    """ "Hungarian and Romanian officials": the bare demonym takes the sector of the next.

    Only a demonym with no sector, followed across "and" / "," / "or" by a demonym
    mention that has one.
    """
    shared = list(mentions)
    for k in reversed(range(len(shared) - 1)):  # right to left: "A, B and C officials"
        this, nxt = shared[k], shared[k + 1]
        if this.kind != "demonym" or this.sector is not None or nxt.kind != "demonym" or not nxt.sector:
            continue
        between = text[this.end : nxt.start].strip().lower()
        if between in COORDINATORS:
            shared[k] = replace(this, sector=nxt.sector)
    return shared
