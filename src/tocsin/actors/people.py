"""Which office a person holds on a date: ordered, named rules over date-bounded roles."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection
from dataclasses import dataclass, replace

from tocsin.actors.dictionary import ActorDictionary, Role, Sense


def role_on(roles: tuple[Role, ...], on: dt.date | None) -> Role | None:
    """The role held on ``on``; with no date, the open-ended or else the latest role.

    Roles arrive sorted by (valid_from, valid_to, entry), so "latest" is the last
    in that order and the choice is deterministic.
    """
    if on is not None:
        held = [r for r in roles if r.holds_on(on)]
        return held[-1] if held else None
    open_ended = [r for r in roles if r.valid_to is None]
    if open_ended:
        return open_ended[-1]
    return max(
        roles, key=lambda r: (r.valid_to or dt.date.max, r.valid_from or dt.date.min, r.entry), default=None
    )


@dataclass(frozen=True, slots=True)
class Candidates:
    """The persons a name may refer to, with what the article says about them."""

    keys: tuple[str, ...]
    roles: tuple[Role | None, ...]  # each key's role on the date
    named_before: frozenset[str]  # keys named in full earlier in the article
    context: frozenset[str]  # other words of the person's name around the match


def _named_before(c: Candidates) -> Role | None:
    hits = [r for k, r in zip(c.keys, c.roles, strict=True) if k in c.named_before]
    return hits[0] if len(hits) == 1 else None


def _only_candidate(c: Candidates) -> Role | None:
    return c.roles[0] if len(c.keys) == 1 else None


def _given_names(c: Candidates) -> Role | None:
    """ "President Omar Hassan al-Bashir": the one candidate sharing most other words of
    the name (particles such as "al", "bin", "de" do not count)."""
    context = c.context - NAME_PARTICLES
    shared = [len(context & set(k.split())) for k in c.keys]
    best = max(shared, default=0)
    if best == 0 or shared.count(best) > 1:
        return None
    return c.roles[shared.index(best)]


def _candidates_agree(c: Candidates) -> Role | None:
    found = [r for r in c.roles if r is not None]
    if found and len(found) == len(c.roles) and len({(r.country, r.sector) for r in found}) == 1:
        return found[0]
    return None


def _same_country(c: Candidates) -> Role | None:
    found = [r for r in c.roles if r is not None]
    if found and len(found) == len(c.roles) and len({r.country for r in found}) == 1:
        return replace(found[0], sector=None)
    return None


# Name particles that say nothing about who is meant.
NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "abu", "de", "da", "del", "van", "von", "la", "le"})

# First rule that fires wins; a rule that fires with no role on the date (the person
# held no office then) ends the search too: the name is that person's, uncoded.
PERSON_RULES: tuple[tuple[str, Callable[[Candidates], Role | None]], ...] = (
    ("named-before", _named_before),
    ("only-candidate", _only_candidate),
    ("given-names", _given_names),
    ("candidates-agree", _candidates_agree),
    ("same-country", _same_country),
)


def resolve_person(
    senses: tuple[Sense, ...],
    dictionary: ActorDictionary,
    *,
    on: dt.date | None,
    named_before: Collection[str],
    context: Collection[str] = (),
) -> Role | None:
    """Pick the person a (possibly shared) name refers to, then their role on the date.

    Rules (``PERSON_RULES``), first that fires wins:
    1. ``named-before``: exactly one candidate was named in full earlier in the article;
    2. ``only-candidate``: the phrase names one person;
    3. ``given-names``: one candidate's name shares more other words of the name around
       the match than any other ("Omar ... Bashir" is Omar Hassan Ahmad al-Bashir);
    4. ``candidates-agree``: the candidates' roles on the date agree on country and
       sector (two Presidents Bush), so the code is safe;
    5. ``same-country``: their offices differ but their country is the same: the
       country is kept, the sector left open (entry: the first candidate's);
    otherwise the phrase is ambiguous and resolves to no one. Before the rules, a
    candidate none of whose names shares another word of the NER name around the match
    is dropped ("Ed Harris" is not Kamala Harris).
    """
    keys = tuple(dict.fromkeys(s.person for s in senses if s.person))
    other_names = frozenset(w.casefold() for w in context) - NAME_PARTICLES
    if other_names:
        # "Ed Harris" is not Kamala Harris: the other words of the name must be the person's.
        keys = tuple(k for k in keys if other_names & dictionary.name_words.get(k, frozenset()))
        if not keys:
            return None
    candidates = Candidates(
        keys=keys,
        roles=tuple(role_on(dictionary.roles.get(k, ()), on) for k in keys),
        named_before=frozenset(k for k in keys if k in named_before),
        context=frozenset(w.casefold() for w in context),
    )
    for _name, rule in PERSON_RULES:
        if (role := rule(candidates)) is not None:
            return role
    return None
