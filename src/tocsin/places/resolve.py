"""Pick the gazetteer record a toponym refers to.

Resolution is an ordered list of named rules (first that fires wins; its id is the
reason). Rules narrow the candidates by what the text says (a feature word, a
qualifier such as "Parkland, Florida", a demonym); the last rule ranks what is left
by prominence and by the countries the article is about (``Context``).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from tocsin.places.gazetteer import Gazetteer, Place, normalise_name

# Prior weight of each kind of record (by its precision), in log10-population units: a
# name that is a country is the country far more often than a town of that name, and a
# county named like its main town is mentioned less than the town.
# Seas, oceans and macro-regions (hand-listed, precision "area") carry no population; they
# outrank a village that shares the name even in the article's country, near its other
# places ("Atlantic", Iowa; "Middle East", Pennsylvania: 9.5 > log10(10,000) + 3.5 + 1.5).
# Hand-listed buildings ("White House") likewise outrank the towns named after them.
PRIOR = {"country": 4.0, "region": 1.0, "continent": 4.5, "area": 9.5, "building": 9.5, "district": -0.5,
         "point": 0.0}  # fmt: skip
CONTEXT_BONUS = 3.5  # candidate in a country the article mentions
ADMIN1_BONUS = 2.0  # candidate town in a region the article mentions
# A town named like its region is meant when it holds this share of the region's people.
NAMESAKE_SHARE = 0.1
# A record matched by one of its alternate names ("Venice" for a town called Dayton) is
# less likely meant than one bearing the name itself.
ALTERNATE_PENALTY = 1.5
# A town or district near a likely place of another name in the same article.
SPATIAL_BONUS = 1.5
# How many of a name's best candidates stand for it in the spatial cells.
SPATIAL_CANDIDATES = 5
# Hand-listed names (seas, macro-regions, buildings, continents) are curated, not other
# languages' spellings: "Atlantic" is the ocean's own short name, no alternate.
CURATED = frozenset({"area", "building", "continent"})
# A first-level region is named by the towns the article places inside it (Seattle and
# Tacoma for Washington state) when at least this many distinct names lie there.
REGION_TOWNS = 2


@dataclass(frozen=True, slots=True)
class Context:
    """What the article is about: countries (weighted counts) and regions it names."""

    countries: Counter[str] = field(default_factory=Counter)
    regions: frozenset[tuple[str, str]] = frozenset()  # (ISO3, admin1 code)
    # 1-degree cell -> names whose likely candidates lie there (spatial coherence: the
    # places of one article lie near each other: London with St. Thomas, Ontario)
    cells: Mapping[tuple[int, int], frozenset[str]] = field(default_factory=dict)
    # (ISO3, admin1 code) -> how many distinct names resolve to towns or districts there
    town_regions: Counter[tuple[str, str]] = field(default_factory=Counter)
    # name -> the article's countries without that name's own first reading: "Edmonton"
    # read once as Canada's is no evidence that Edmonton is in Canada (leave-one-out).
    without: Mapping[str, Counter[str]] = field(default_factory=dict)


def cell(lat: float, lon: float) -> tuple[int, int]:
    return (math.floor(lat), math.floor(lon))


def _near_other_names(place: Place, ctx: Context, key: str | None) -> bool:
    lat, lon = cell(place.lat, place.lon)
    for dlat in (-1, 0, 1):
        for dlon in (-1, 0, 1):
            names = ctx.cells.get((lat + dlat, lon + dlon))
            if names and (len(names) > 1 or key not in names):
                return True
    return False


@dataclass(frozen=True, slots=True)
class Query:
    key: str
    hint: str | None = None  # feature named by the text (adm1, city, country, border)
    demonym: str | None = None  # ISO3 when the span is a demonym (+ territory noun)
    qualifier: tuple[Place, ...] = ()  # places named right after ("Parkland, Florida")
    label: str | None = None  # spaCy's NER label of the span, if any
    # candidates of the name right before ", " ("Tacoma, Washington": those of Tacoma)
    qualifies: tuple[Place, ...] = ()


# A rule returns this to decide that the span names no gazetteer record.
NO_PLACE = Place(id="", name="", feature="other", country=None, lat=0.0, lon=0.0)
# A town named like a national capital must be this big to be meant instead (unless its
# region is named too).
CAPITAL_RIVAL_POPULATION = 100_000
# A building or airport (NER FAC) named like a town is rarely that town.
FACILITY_TOWN_MAX = 100_000


def score(place: Place, ctx: Context, key: str | None = None) -> float:
    base = math.log10(place.population + 10) + PRIOR.get(place.precision, 0.0)
    if key is not None and place.precision not in CURATED and normalise_name(place.name) != key:
        base -= ALTERNATE_PENALTY
    countries = ctx.without.get(key, ctx.countries) if key is not None else ctx.countries
    if place.country and countries:
        top = max(countries.values())
        base += CONTEXT_BONUS * min(1.0, countries[place.country] / top) if top > 0 else 0.0
    if place.admin1 and place.country and (place.country, place.admin1) in ctx.regions:
        base += ADMIN1_BONUS
    if ctx.cells and place.precision in ("point", "district") and _near_other_names(place, ctx, key):
        base += SPATIAL_BONUS
    return base


def _best(places: Sequence[Place], ctx: Context, key: str | None = None) -> Place | None:
    return max(places, key=lambda p: score(p, ctx, key)) if places else None


def _demonym(q: Query, cands: Sequence[Place], gaz: Gazetteer, ctx: Context) -> Place | None:
    if q.demonym is None:
        return None
    if q.hint == "border":
        return gaz.border(q.demonym)
    return gaz.country(q.demonym)


def _qualified(q: Query, cands: Sequence[Place], gaz: Gazetteer, ctx: Context) -> Place | None:
    """ "Parkland, Florida": keep candidates inside the qualifying region or country.

    A country name is never qualified away ("Russia, Turkey and Iran" lists countries)."""
    if any(c.feature == "country" for c in cands):
        return None
    for qual in q.qualifier:
        inside = [
            c for c in cands
            if c.id != qual.id and c.country == qual.country
            and (qual.feature == "country" or (qual.feature == "adm1" and c.admin1 == qual.admin1))
        ]  # fmt: skip
        if inside:
            # "KYIV, Ukraine": the city, as without the qualifier, not its namesake region.
            return _namesake_city(q, inside, gaz, ctx) or _best(inside, ctx, q.key)
    return None


def _qualifying(q: Query, cands: Sequence[Place], gaz: Gazetteer, ctx: Context) -> Place | None:
    """ "Tacoma, Washington": the name after the comma is the region or country holding
    the town before it (Washington state, not the capital)."""
    towns = [p for p in q.qualifies if p.precision in ("point", "district")]
    if not towns:
        return None
    holding = [
        c for c in cands
        if c.feature in ("adm1", "country") and any(
            t.country == c.country and (c.feature == "country" or t.admin1 == c.admin1) for t in towns)
    ]  # fmt: skip
    return _best(holding, ctx, q.key)


def _feature_word(q: Query, cands: Sequence[Place], gaz: Gazetteer, ctx: Context) -> Place | None:
    """ "Zhytomyr region" is the oblast, "city of Kharkiv" the town."""
    if q.hint not in ("adm1", "city"):
        return None
    return _best([c for c in cands if c.feature == q.hint], ctx, q.key)


def _bare_demonym(q: Query, cands: Sequence[Place], gaz: Gazetteer, ctx: Context) -> Place | None:
    """A lone adjective given as a toponym ("Turkish" in gold spans) names its country."""
    if q.key not in gaz.demonyms or any(c.feature == "country" for c in cands):
        return None
    return gaz.country(gaz.demonyms[q.key])


def _place_demonym(q: Query, cands: Sequence[Place], gaz: Gazetteer, ctx: Context) -> Place | None:
    """A lone adjective of a region or continent given as a toponym ("English", "Kurdish")
    names that place, not a village that shares the word."""
    target = gaz.place_demonyms.get(q.key)
    if target is None:
        return None
    if any(c.precision != "point" or c.population >= CAPITAL_RIVAL_POPULATION for c in cands):
        return None
    return gaz.places.get(target)


def _region_code(q: Query, cands: Sequence[Place], gaz: Gazetteer, ctx: Context) -> Place | None:
    """ "WA", "NSW", "SC": a short code of a first-level region in the article's countries
    (ISO 3166-2), unless the code is a country or region name of its own there ("UK")."""
    if not (2 <= len(q.key) <= 3 and q.key.isalpha()) or not ctx.countries:
        return None
    if any(c.precision in ("country", "region") and ctx.countries.get(c.country or "", 0) for c in cands):
        return None
    found = [
        (ctx.countries[iso3], gaz.places[pid]) for iso3 in ctx.countries
        if ctx.countries[iso3] > 0 and (pid := gaz.region_codes.get((iso3, q.key))) is not None
    ]  # fmt: skip
    return max(found, key=lambda f: f[0])[1] if found else None


def _capital(q: Query, cands: Sequence[Place], gaz: Gazetteer, ctx: Context) -> Place | None:
    """ "Washington", "Minsk": a national capital's name is a town (the capital, unless the
    article is about another country's namesake: London, Ontario), not a region."""
    iso3 = gaz.capitals.get(q.key)
    if iso3 is None or q.hint == "adm1":
        return None
    # In its own country the capital is the biggest town of the name; a smaller one there
    # must bear the name itself ("Washington Court House" is no rival of Washington, D.C.).
    home = max((c for c in cands if c.feature == "city" and c.country == iso3), key=_people, default=None)
    # A namesake contests the capital only when it is a city of its own or its region is
    # named: London, Ontario, yes; a village called London in Kentucky, no.
    rivals = [
        c for c in cands
        if c.feature == "city" and (c is home or (c.country == iso3 and normalise_name(c.name) == q.key)
                                    or c.population >= CAPITAL_RIVAL_POPULATION
                                    or (c.country, c.admin1) in ctx.regions)
    ]  # fmt: skip
    capital = _best(rivals, ctx, q.key)
    # "Washington" among Seattle and Spokane is the state: its region holds the article's
    # towns, the capital's region does not. "Victoria" in an article mostly on Australia
    # is the state when the article never names the Seychelles.
    at_capital = ctx.town_regions.get((capital.country or "", capital.admin1 or ""), 0) if capital else 0
    top = max(ctx.countries.values(), default=0)
    abroad = top > 0 and not ctx.countries.get(iso3, 0)
    regions = [
        c for c in cands
        if c.feature == "adm1" and (
            ctx.town_regions.get((c.country or "", c.admin1 or ""), 0) >= max(REGION_TOWNS, at_capital + 1)
            or (abroad and ctx.countries.get(c.country or "", 0) == top))
    ]  # fmt: skip
    return _best(regions, ctx, q.key) or capital


def _people(place: Place) -> int:
    return place.population


def _namesake_city(q: Query, cands: Sequence[Place], gaz: Gazetteer, ctx: Context) -> Place | None:
    """ "Zhytomyr" alone is the city; its oblast is "Zhytomyr region", the county or district
    around a city ("Saskatoon", "Barcelona") is named with its word (a big city over its division)."""
    if q.hint is not None or not any(c.precision in ("region", "district") for c in cands):
        return None
    best = _best(cands, ctx, q.key)
    if best is None or best.precision not in ("region", "district"):
        return None
    towns = [
        c for c in cands
        if c.feature == "city" and c.country == best.country and c.admin1 == best.admin1
        and c.population >= NAMESAKE_SHARE * best.population
    ]  # fmt: skip
    return _best(towns, ctx, q.key)


def _facility(q: Query, cands: Sequence[Place], gaz: Gazetteer, ctx: Context) -> Place | None:
    """ "the White House", "Heathrow": a facility is not the small town that shares its name."""
    if q.label != "FAC" or not cands:
        return None
    if any(c.feature != "city" or c.population >= FACILITY_TOWN_MAX for c in cands):
        return None
    return NO_PLACE


def _street(q: Query, cands: Sequence[Place], gaz: Gazetteer, ctx: Context) -> Place | None:
    """ "Washington Street", "Elmwood Lane": the name is the street's, not the town's."""
    return NO_PLACE if q.hint == "street" else None


def _ranked(q: Query, cands: Sequence[Place], gaz: Gazetteer, ctx: Context) -> Place | None:
    return _best(cands, ctx, q.key)


Rule = Callable[[Query, Sequence[Place], Gazetteer, Context], Place | None]
RULES: tuple[tuple[str, Rule], ...] = (
    ("resolve.demonym_territory", _demonym),
    ("resolve.street", _street),
    ("resolve.qualifier", _qualified),
    ("resolve.qualifying", _qualifying),
    # "the English county of Kent": "English" names England whatever word follows it.
    ("resolve.demonym", _bare_demonym),
    ("resolve.place_demonym", _place_demonym),
    ("resolve.feature_word", _feature_word),
    ("resolve.region_code", _region_code),
    ("resolve.facility", _facility),
    ("resolve.capital", _capital),
    ("resolve.namesake_city", _namesake_city),
    ("resolve.ranked", _ranked),
)


def candidates_for(key: str, gaz: Gazetteer) -> tuple[Place, ...]:
    found = gaz.candidates(key)
    if not found and key.endswith((" city", " town")):
        found = tuple(p for p in gaz.candidates(key.rsplit(" ", 1)[0]) if p.feature == "city")
    if not found and key.startswith("the "):
        found = gaz.candidates(key[4:])
    return found


def resolve(q: Query, gaz: Gazetteer, ctx: Context) -> tuple[Place | None, str]:
    """The place a query refers to and the id of the rule that chose it."""
    cands = candidates_for(q.key, gaz)
    for rule_id, rule in RULES:
        place = rule(q, cands, gaz, ctx)
        if place is NO_PLACE:
            return None, rule_id
        if place is not None:
            return place, rule_id
    return None, "resolve.none"


def resolve_name(name: str, gaz: Gazetteer, ctx: Context | None = None) -> Place | None:
    """Resolve a bare name (gold spans in evaluation, tests)."""
    return resolve(Query(normalise_name(name)), gaz, ctx or Context())[0]
