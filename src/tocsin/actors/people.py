"""Which office a person holds on a date: ordered, named rules over date-bounded roles."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import replace

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


def resolve_person(
    senses: tuple[Sense, ...],
    dictionary: ActorDictionary,
    *,
    on: dt.date | None,
    named_before: Collection[str],
) -> Role | None:
    """Pick the person a (possibly shared) name refers to, then their role on the date.

    Rules, first that fires wins:
    1. ``named-before``: exactly one candidate was named in full earlier in the article;
    2. ``only-candidate``: the phrase names one person;
    3. ``candidates-agree``: several persons share the phrase but their roles on the
       date agree on country and sector (two Presidents Bush), so the code is safe;
    4. ``same-country``: their offices differ but their country is the same: the
       country is kept, the sector left open (entry: the first candidate's);
    otherwise the phrase is ambiguous and resolves to no one.
    """
    keys = list(dict.fromkeys(s.person for s in senses if s.person))
    before = [k for k in keys if k in named_before]
    if len(before) == 1:
        keys = before
    roles = [role_on(dictionary.roles.get(k, ()), on) for k in keys]
    found = [r for r in roles if r is not None]
    if len(keys) == 1:
        return found[0] if found else None
    if found and len(found) == len(roles) and len({(r.country, r.sector) for r in found}) == 1:
        return found[0]
    if found and len(found) == len(roles) and len({r.country for r in found}) == 1:
        # 4. ``same-country``: they differ in office but not in country; keep the country.
        return replace(found[0], sector=None)
    return None
