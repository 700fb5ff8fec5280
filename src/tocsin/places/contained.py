"""Names the gazetteer lacks (streets, buildings, institutions), placed within a named place.

GeoNames towns, regions and countries are all tocsin holds offline, so "Colorado State
University", "Royal Street" or "Heathrow Animal Reception Center" have no record. They
still lie somewhere: inside a place their own name contains ("within Colorado"), else
inside the town (else the country) the article is about ("Royal Street" in an article on
New Orleans).
Such a mention carries the container's point and country with ``precision="within"``
and the id ``within:<container id>``: it is not the container itself.

Ordered rules, first that fires wins (its id is the reason):

1. ``contained.inner_name``: the most specific gazetteer name inside the span.
2. ``contained.article_town``: the town (or county) the article names most often.
3. ``contained.article_country``: the country the article is most about.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc

from tocsin.places.gazetteer import Gazetteer, Place, normalise_name
from tocsin.places.recognise import feature_hint, names_inside
from tocsin.places.resolve import Context, Query, resolve

# Smaller is more specific: a town inside "University of X" beats a region beats a country.
_SPECIFICITY = {"point": 0, "district": 1, "region": 2, "country": 3}
_TOWNS = frozenset({"point", "district"})


def within(container: Place) -> Place:
    """The record of an unknown feature inside ``container``."""
    return replace(container, id=f"within:{container.id}", feature="other", precision="within", population=0)


def _in_context(place: Place, ctx: Context) -> bool:
    return not ctx.countries or ctx.countries.get(place.country or "", 0) > 0


def article_town(places: Sequence[Place | None], ctx: Context) -> Place | None:
    """The town or county named most often in the article's countries (the bigger on ties):
    the article's scene."""
    towns = {p.id: p for p in places if p is not None and p.precision in _TOWNS and _in_context(p, ctx)}
    counts = Counter(p.id for p in places if p is not None and p.id in towns)
    if not counts:
        return None
    return towns[max(counts, key=lambda i: (counts[i], ctx.countries.get(towns[i].country or "", 0),
                                            towns[i].population))]  # fmt: skip


def _inner(doc: Doc, start: int, end: int, gaz: Gazetteer, ctx: Context) -> Place | None:
    found = []
    for a, b in names_inside(doc, start, end, gaz):
        if (a, b) == (start, end):
            continue  # the span itself: already resolved (or refused) as a whole
        hint = feature_hint(doc, a, b, gaz)
        if hint == "street":
            continue  # "Elmwood Lane" is named after Elmwood, it does not lie in it
        place = resolve(Query(normalise_name(doc[a:b].text), hint), gaz, ctx)[0]
        if place is not None and place.precision in _SPECIFICITY:
            # "Bank of England": England (in the article's countries), not a town called Bank.
            found.append((not _in_context(place, ctx), _SPECIFICITY[place.precision], -a, place))
    return min(found, key=lambda f: f[:3])[3] if found else None


def contain(
    doc: Doc, start: int, end: int, gaz: Gazetteer, ctx: Context, town: Place | None
) -> tuple[Place | None, str]:
    """Where an unresolved span (token offsets) lies, and the id of the rule that said so."""
    if (inner := _inner(doc, start, end, gaz, ctx)) is not None:
        return within(inner), "contained.inner_name"
    if town is not None:
        return within(town), "contained.article_town"
    if ctx.countries and (country := gaz.country(ctx.countries.most_common(1)[0][0])) is not None:
        return within(country), "contained.article_country"
    return None, "contained.none"
