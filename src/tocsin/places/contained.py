"""Names the gazetteer lacks (streets, buildings, institutions), placed within a named place.

GeoNames towns, regions and countries are all tocsin holds offline, so "Colorado State
University", "Royal Street" or "Heathrow Animal Reception Center" have no record. They
still lie somewhere: inside a place their own name contains ("within Colorado"), else
inside the town (else the country) the article is about ("Royal Street" in an article on
New Orleans).
Such a mention carries the container's point and country with ``precision="within"``
and the id ``within:<container id>``: it is not the container itself.

Ordered rules, first that fires wins (its id is the reason):

1. ``contained.inner_name``: the most specific gazetteer name or place adjective inside
   the span ("the European Commission": Europe), when it lies in the article's countries,
   is supranational, or is the main country's adjective; else after rule 2.
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

# Smaller is more specific: a town inside "University of X" beats a region beats a country
# beats a sea or macro-region beats a continent ("Council of Europe").
_SPECIFICITY = {"point": 0, "district": 1, "region": 2, "country": 3, "area": 4, "continent": 5}
_TOWNS = frozenset({"point", "district"})
_SUPRANATIONAL = frozenset({"area", "continent"})


def within(container: Place) -> Place:
    """The record of an unknown feature inside ``container``."""
    return replace(container, id=f"within:{container.id}", feature="other", precision="within", population=0)


def _in_context(place: Place, ctx: Context) -> bool:
    return not ctx.countries or ctx.countries.get(place.country or "", 0) > 0


def article_town(places: Sequence[Place | None], ctx: Context) -> Place | None:
    """The town or county named most often in the article's main country (the bigger on
    ties), else in any of its countries: the article's scene. A town abroad named often
    ("Liverpool" in a report from Cairo on a school of that name) is not where it is."""
    top = max(ctx.countries.values(), default=0)
    at_home = [
        p
        for p in places
        if p is not None and p.precision in _TOWNS and ctx.countries.get(p.country or "") == top
    ]
    return _most_named(at_home, ctx) or _most_named(
        [p for p in places if p is not None and p.precision in _TOWNS and _in_context(p, ctx)], ctx
    )


def _most_named(places: Sequence[Place], ctx: Context) -> Place | None:
    towns = {p.id: p for p in places}
    counts = Counter(p.id for p in places)
    if not counts:
        return None

    def weight(i: str) -> tuple[int, bool, int, float, int]:
        # On ties, the town in the region holding most of the article's towns.
        t = towns[i]
        region = (t.country or "", t.admin1 or "")
        return (counts[i], ctx.town_regions.get(region, 0), region in ctx.regions,
                ctx.countries.get(t.country or "", 0), t.population)  # fmt: skip

    return towns[max(counts, key=weight)]


def _demonyms_inside(doc: Doc, start: int, end: int, gaz: Gazetteer) -> list[tuple[int, Place]]:
    """Places named by an adjective inside the span: "the British Embassy", "the European
    Commission", "Latin American Studies Centre" (two-word forms first)."""
    found = []
    i = start
    while i < end:
        for width in (2, 1):
            if i + width > end or not doc[i].text[:1].isupper():
                continue
            key = normalise_name(doc[i : i + width].text)
            place = gaz.country(gaz.demonyms.get(key)) if width == 1 else None
            if place is None and key in gaz.place_demonyms:
                place = gaz.places.get(gaz.place_demonyms[key])
            if place is not None:
                found.append((i, place))
                i += width - 1
                break
        i += 1
    return found


def _inner(doc: Doc, start: int, end: int, gaz: Gazetteer, ctx: Context) -> tuple[Place | None, bool]:
    """The most specific place named inside the span, and whether it is trusted over the
    article's town: a place in the article's countries, or a continent or macro-region
    named by its adjective ("the European Commission") or the adjective of the article's
    main country. Another country's adjective ("the French Quarter", "the British Embassy"
    in Tokyo) or a town abroad ("Stonewall Golf Club": a Stonewall in Canada) mostly says
    nothing of where the thing is."""
    found = []
    top = max(ctx.countries.values(), default=0)
    for a, place in _demonyms_inside(doc, start, end, gaz):
        if place.precision in _SPECIFICITY:
            # A country's adjective counts only for the country the article is most about.
            main = top > 0 and ctx.countries.get(place.country or "", 0) == top
            trusted = place.precision in _SUPRANATIONAL or main
            found.append((not trusted, _SPECIFICITY[place.precision], -a, place))
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
    if not found:
        return None, False
    best = min(found, key=lambda f: f[:3])
    return best[3], not best[0]


def contain(
    doc: Doc, start: int, end: int, gaz: Gazetteer, ctx: Context, town: Place | None
) -> tuple[Place | None, str]:
    """Where an unresolved span (token offsets) lies, and the id of the rule that said so."""
    inner, trusted = _inner(doc, start, end, gaz, ctx)
    if inner is not None and (trusted or town is None):
        return within(inner), "contained.inner_name"
    if town is not None:
        return within(town), "contained.article_town"
    if ctx.countries and (country := gaz.country(ctx.countries.most_common(1)[0][0])) is not None:
        return within(country), "contained.article_country"
    return None, "contained.none"
