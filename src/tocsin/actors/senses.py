"""One sense per dictionary hit: which of a phrase's meanings the text supports."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from tocsin.actors.dictionary import ActorDictionary, Role, Sense
from tocsin.actors.matching import Hit, is_person_entity
from tocsin.actors.people import resolve_person

# When a phrase has several senses, the first kind in this order wins; among senses of
# one kind, one with a country beats one without, then the later-loaded file wins (so
# hand-written and user files override generated ones). A person wins only when the
# NER or the article supports it (see ``choose``).
KIND_ORDER = ("name", "demonym", "igo", "capital", "org", "group", "people", "agent")
# Office titles before a bare surname: evidence enough for any surname ("President Mugabe").
OFFICE_TITLES = frozenset(
    [
        *("sheikh", "ayatollah", "gen.", "gen", "lt.", "col.", "sen.", "rep.", "gov.", "pres."),
        *("president", "premier", "minister", "chancellor", "secretary", "king", "queen", "prince"),
        *("emir", "general", "marshal", "admiral", "colonel", "commander", "spokesman", "spokeswoman"),
        *("judge", "ambassador", "envoy"),
    ]
)
# Honorifics before a bare surname mark it as a person's name ("Mr. Lukashenko").
HONORIFICS = OFFICE_TITLES | {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame"}


@dataclass(frozen=True, slots=True)
class Part:
    """One hit with the sense chosen for it (and, for a person, the office on the date)."""

    start: int
    end: int
    sense: Sense
    role: Role | None = None

    @property
    def kind(self) -> str:
        return self.sense.kind


def choose_parts(doc: Doc, hits: list[Hit], dictionary: ActorDictionary, *, on: dt.date | None) -> list[Part]:
    parts: list[Part] = []
    named_before: set[str] = set()
    for hit in hits:
        part = choose(doc, hit, dictionary, on=on, named_before=named_before)
        if part is None or _inside_longer_name(doc, part) or _affinity(doc, part):
            continue
        if _ethnic(doc, part):
            part = Part(part.start, part.end, replace(part.sense, kind="agent", country=None, sector="CVL"))
        if part.kind == "person" and not part.sense.surname and part.sense.person:
            named_before.add(part.sense.person)
        if parts and part.kind in ("igo", "org", "capital"):
            part = _national_body(doc, parts[-1], part, hit)
        parts.append(part)
    return parts


def _national_body(doc: Doc, previous: Part, part: Part, hit: Hit) -> Part:
    """ "Russia's Security Council", "the Ukrainian National Guard": right after a country
    or demonym, a name that is also an agent noun is that country's body, not the IGO."""
    agent = next((s for s in reversed(hit.senses) if s.kind == "agent"), None)
    if agent is None or previous.kind not in ("name", "demonym"):
        return part
    between = [t.text for t in doc[previous.end : part.start] if not t.is_space]
    if between not in ([], ["'s"], ["’s"]):
        return part
    return Part(part.start, part.end, agent)


def choose(
    doc: Doc, hit: Hit, dictionary: ActorDictionary, *, on: dt.date | None, named_before: set[str]
) -> Part | None:
    """Pick one sense of a hit: a person when the text reads as a person, else by KIND_ORDER."""
    persons = tuple(s for s in hit.senses if s.kind == "person" and _supported(doc, hit, s, named_before))
    others = sorted(
        reversed([s for s in hit.senses if s.kind != "person" and not _part_of_other_name(doc, hit, s)]),
        key=lambda s: (KIND_ORDER.index(s.kind), s.country is None),
    )
    person_first = bool(persons) and (
        not others
        or is_person_entity(doc, hit.start, hit.end)
        or any(s.person in named_before for s in persons)
    )
    if person_first:
        context = _name_context(doc, hit)
        role = resolve_person(persons, dictionary, on=on, named_before=named_before, context=context)
        if role is not None:
            sense = next((s for s in persons if s.entry == role.entry), persons[0])
            return Part(hit.start, hit.end, sense, role)
    if others:
        return Part(hit.start, hit.end, others[0])
    return None


# NER labels of spans that are never actors ("May 15" is a date, not the Greek group).
NOT_ACTOR_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "QUANTITY", "PERCENT"})


def _part_of_other_name(doc: Doc, hit: Hit, sense: Sense) -> bool:
    """An organisation's name that the NER reads as a date, a one-word organisation name
    that is only a piece of a longer name ("Foundation" of "the Gates Foundation"), or an
    agent noun that is half of a hyphenated compound ("intelligence-gathering")."""
    if sense.kind == "agent":
        # "intelligence-gathering", "army-backed": the noun is half of a compound word.
        return hit.end < len(doc) and doc[hit.end].text == "-" and not doc[hit.end - 1].whitespace_
    if sense.kind not in ("org", "group"):
        return False
    tokens = doc[hit.start : hit.end]
    if any(t.ent_type_ in NOT_ACTOR_LABELS for t in tokens):
        return True
    if hit.end - hit.start > 1 or not tokens[0].ent_type_:
        return False
    token = tokens[0]
    inside_after = hit.end < len(doc) and doc[hit.end].ent_iob_ == "I"
    return token.ent_iob_ == "I" or inside_after


def _entity_start(doc: Doc, i: int) -> int:
    while i > 0 and doc[i].ent_iob_ == "I":
        i -= 1
    return i


def _name_context(doc: Doc, hit: Hit) -> list[str]:
    """The other words of the person name the NER found around a hit ("Omar", "Hassan")."""
    start, end = hit.start, hit.end
    while start > 0 and doc[start - 1].ent_type_ == "PERSON" and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_type_ == "PERSON" and doc[end].ent_iob_ == "I":
        end += 1
    return [
        t.lower_
        for t in doc[start:end]
        if t.pos_ == "PROPN"
        and t.is_alpha
        and len(t) > 1
        and t.lower_ not in HONORIFICS
        and not hit.start <= t.i < hit.end
    ]


def _supported(doc: Doc, hit: Hit, sense: Sense, named_before: set[str]) -> bool:
    """A one-word person name counts only when an earlier full name, the NER or a title backs it.

    Inside a longer name the NER found, it must end where that name ends: "Tom" of
    "Tom King" is a first name, not a person called Tom. A surname marked
    ``after-full-name`` (the 17,000 stale Phoenix persons) needs the full name earlier
    in the article or an office title before it ("President Mugabe"); the NER alone
    is not enough there ("Weinstein" is rarely Israel's attorney general).
    """
    if hit.end < len(doc) and doc[hit.end].ent_iob_ == "I" and doc[hit.end].ent_type_ == "PERSON":
        return False  # the NER's person name goes on: "King Harald" of "King Harald Vemund"
    if not sense.surname or sense.person in named_before:
        return True
    previous = doc[hit.start - 1].lower_ if hit.start > 0 else ""
    if sense.after_full_name:
        # The title may stand before the whole name: "President Omar Hassan al-Bashir".
        first = _entity_start(doc, hit.start) if doc[hit.start].ent_type_ == "PERSON" else hit.start
        return previous in OFFICE_TITLES or (first > 0 and doc[first - 1].lower_ in OFFICE_TITLES)
    if is_person_entity(doc, hit.start, hit.end):
        last = doc[hit.end - 1]
        return hit.end >= len(doc) or doc[hit.end].ent_iob_ != "I" or last.ent_type_ != "PERSON"
    # The NER misses or mislabels names it has not seen ("Khrenin told...": ORG); a proper
    # noun standing alone (not part of a longer name) is enough for a curated surname.
    token = doc[hit.start]
    goes_on = hit.end < len(doc) and doc[hit.end].ent_iob_ == "I"
    alone = token.pos_ == "PROPN" and token.ent_iob_ != "I" and not goes_on and hit.end - hit.start == 1
    return previous in HONORIFICS or alone


def _affinity(doc: Doc, part: Part) -> bool:
    """ "pro-Russian separatists": the country names a loyalty, not the actor's country."""
    k = part.start
    return (
        part.kind in ("name", "demonym", "capital")
        and k >= 2
        and doc[k - 1].text == "-"
        and doc[k - 2].lower_ in ("pro", "anti")
    )


def _ethnic(doc: Doc, part: Part) -> bool:
    """ "ethnic Albanian guerrillas" in Macedonia, "ethnic Turks" in Sweden: an ethnicity,
    not the state. PLOVER codes the country they live in, which the text may say
    elsewhere; the demonym is read as a people noun (CVL) with no country."""
    return part.kind in ("demonym", "people") and part.start >= 1 and doc[part.start - 1].lower_ == "ethnic"


def _inside_longer_name(doc: Doc, part: Part) -> bool:
    """A place name that is part of a person's name ("Michael Jordan", "Paris Hilton") or
    the first word of a longer proper name ("Moscow Times")."""
    if part.kind in ("name", "capital", "demonym") and _in_longer_person(doc, part):
        return True
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


def _in_longer_person(doc: Doc, part: Part) -> bool:
    tokens = doc[part.start : part.end]
    if not all(t.ent_type_ == "PERSON" for t in tokens):
        return False
    starts_inside = tokens[0].ent_iob_ == "I"
    goes_on = part.end < len(doc) and doc[part.end].ent_iob_ == "I"
    return starts_inside or goes_on
