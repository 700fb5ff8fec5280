"""``resolve_places``: toponyms of a Doc resolved to gazetteer records, as PlaceMentions."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import replace

from spacy.tokens import Doc

from tocsin.places.borders import country_positions, find_borders
from tocsin.places.contained import article_town, contain
from tocsin.places.gazetteer import Gazetteer, Place, normalise_name
from tocsin.places.recognise import Toponym, dateline, feature_hint, find_toponyms
from tocsin.places.resolve import SPATIAL_CANDIDATES, Context, Query, candidates_for, cell, resolve, score
from tocsin.records import ActorMention, PlaceMention

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


# "Boston, New York and Chicago" lists cities; "Paris, Texas" qualifies one. A comma pair is a
# list when the second name is also a big city and the first name's big city lies outside
# every region or country the second name may be.
LIST_CITY_POPULATION = 500_000
LIST_TOWN_POPULATION = 100_000


def _listed(x: tuple[Place, ...], y: tuple[Place, ...]) -> bool:
    if not any(p.feature == "city" and p.population >= LIST_CITY_POPULATION for p in y):
        return False
    towns = [p for p in x if p.feature == "city"]
    biggest = max(towns, key=lambda p: p.population) if towns else None
    if biggest is None or biggest.population < LIST_TOWN_POPULATION:
        return False
    return not any(
        r.country == biggest.country and (r.feature == "country" or r.admin1 == biggest.admin1)
        for r in y if r.feature in ("adm1", "country")
    )  # fmt: skip


def _comma_pair(doc: Doc, first: Toponym | None, second: Toponym | None, gaz: Gazetteer):
    """Candidates of "<first>, <second>" when the pair reads as a name and its qualifier."""
    if first is None or second is None or second.start != first.end + 1 or doc[first.end].text != ",":
        return None
    x, y = candidates_for(first.key, gaz), candidates_for(second.key, gaz)
    return None if _listed(x, y) else (x, y)


def _qualifiers(doc: Doc, topo: Toponym, nxt: Toponym | None, gaz: Gazetteer) -> tuple[Place, ...]:
    """Regions or countries named right after a comma: "Parkland, Florida", "Paris, Texas"."""
    pair = _comma_pair(doc, topo, nxt, gaz)
    return tuple(p for p in pair[1] if p.feature in ("adm1", "country")) if pair else ()


def _qualified_town(doc: Doc, prev: Toponym | None, topo: Toponym, gaz: Gazetteer) -> tuple[Place, ...]:
    """Candidates of the name right before ", <topo>" ("Tacoma, Washington": Tacoma's)."""
    pair = _comma_pair(doc, prev, topo, gaz)
    return pair[0] if pair else ()


def _queries(doc: Doc, toponyms: list[Toponym], gaz: Gazetteer) -> list[Query]:
    out = []
    for n, topo in enumerate(toponyms):
        nxt = toponyms[n + 1] if n + 1 < len(toponyms) else None
        prev = toponyms[n - 1] if n else None
        out.append(Query(topo.key, topo.hint, topo.demonym, _qualifiers(doc, topo, nxt, gaz), topo.label,
                         _qualified_town(doc, prev, topo, gaz)))  # fmt: skip
    return out


# How much one name counts towards the article's countries: a country or region named
# outright is strong evidence; a town, resolved without context, is weaker.
CONTEXT_WEIGHT = {"country": 1.0, "adm1": 1.0, "border": 1.0, "city": 0.5, "other": 0.5}


def _context(
    places: dict[str, Place | None],
    actors: tuple[ActorMention, ...],
    capitals: Mapping[str, str] | None = None,
) -> Context:
    """Countries and regions an article is about; each distinct name counts once."""
    countries: Counter[str] = Counter()
    regions = set()
    town_regions: Counter[tuple[str, str]] = Counter()
    # A capital named as an actor ("London said") is the same ambiguous name: no evidence.
    for actor in {(a.text, a.country) for a in actors if a.kind != "capital"}:
        if actor[1] and len(actor[1]) == 3:
            countries[actor[1]] += 1
    own: dict[str, Counter[str]] = {}
    for key, place in places.items():
        if place is None:
            continue
        for iso3 in place.countries or ((place.country,) if place.country else ()):
            countries[iso3] += CONTEXT_WEIGHT[place.feature]
            # A town's first reading is no evidence for itself; a national capital's
            # prominence is ("London" stays London with nothing else British around).
            if place.precision in ("point", "district") and key not in (capitals or {}):
                own.setdefault(key, Counter())[iso3] += CONTEXT_WEIGHT[place.feature]
        if place.feature == "adm1" and place.country and place.admin1:
            regions.add((place.country, place.admin1))
        elif place.precision in ("point", "district") and place.country and place.admin1:
            town_regions[(place.country, place.admin1)] += 1
    without = {k: Counter({c: n - mine.get(c, 0) for c, n in countries.items()}) for k, mine in own.items()}
    return Context(
        countries=countries, regions=frozenset(regions), town_regions=town_regions, without=without
    )


def _acting_capital(doc: Doc, topo: Toponym, gaz: Gazetteer, actors: tuple[ActorMention, ...]) -> bool:
    """ "Kyiv dismissed the claims": a capital that acts is its government, not a place."""
    if dateline(doc, topo.start, topo.end):
        return False
    span = doc[topo.start : topo.end]
    root = span.root
    while root.dep_ == "conj" and root.head is not root:  # "Beijing and Moscow signed"
        root = root.head
    if root.dep_ not in _SUBJECTS or root.head.pos_ not in ("VERB",):
        return False
    start, end = span.start_char, span.end_char
    if any(a.kind == "capital" and a.start < end and start < a.end for a in actors):
        return True
    return topo.key in gaz.capitals


def _mention(doc: Doc, start: int, end: int, place: Place | None) -> PlaceMention:
    text = doc[start:end].text
    s = doc[start].idx
    if place is None:
        return PlaceMention(
            text, s, s + len(text), text, None, "other", None, None, None, precision="unknown"
        )
    return PlaceMention(
        text=text,
        start=s,
        end=s + len(text),
        name=place.name,
        geonameid=place.id,
        feature=place.feature,
        country=place.country,
        lat=place.lat,
        lon=place.lon,
        precision=place.precision,
        countries=place.countries,
    )


def _article_context(doc: Doc, gaz: Gazetteer, toponyms: list[Toponym], actors: tuple[ActorMention, ...]):
    queries = _queries(doc, toponyms, gaz)
    # Two passes: the first finds what the article is about, the second resolves in that light.
    bare = _context({}, actors)
    first = {q.key: resolve(q, gaz, bare)[0] for q in queries}
    ctx = _context(first, actors, gaz.capitals)
    return queries, replace(ctx, cells=_cells(queries, gaz, ctx))


def _cells(queries: list[Query], gaz: Gazetteer, ctx: Context) -> dict[tuple[int, int], frozenset[str]]:
    """Where each distinct name's few best candidates lie (1-degree cells)."""
    found: dict[tuple[int, int], set[str]] = {}
    for key in {q.key for q in queries}:
        cands = sorted(candidates_for(key, gaz), key=lambda p: -score(p, ctx, key))[:SPATIAL_CANDIDATES]
        for p in cands:
            if p.precision in ("point", "district", "region"):
                found.setdefault(cell(p.lat, p.lon), set()).add(key)
    return {c: frozenset(keys) for c, keys in found.items()}


def _superseded(m: PlaceMention, pairs: list[tuple[int, int]]) -> bool:
    """A one-country border inside a pair border ("the Ukrainian frontier" of Belarus)."""
    return (
        m.feature == "border" and len(m.countries) == 1 and any(a < m.end and m.start < b for a, b in pairs)
    )


def resolve_places(
    doc: Doc, gazetteer: Gazetteer, *, actors: tuple[ActorMention, ...]
) -> tuple[PlaceMention, ...]:
    """Every place the article names, resolved, sorted by offset (text == doc.text[start:end])."""
    gaz = gazetteer
    toponyms = [t for t in find_toponyms(doc, gaz) if not _acting_capital(doc, t, gaz, actors)]
    queries, ctx = _article_context(doc, gaz, toponyms, actors)
    resolved = [resolve(q, gaz, ctx)[0] for q in queries]
    town = article_town(resolved, ctx)
    # A street or building the gazetteer lacks lies within a place the text names.
    resolved = [
        p if p is not None else contain(doc, t.start, t.end, gaz, ctx, town)[0]
        for t, p in zip(toponyms, resolved, strict=True)
    ]

    mentions = [_mention(doc, t.start, t.end, p) for t, p in zip(toponyms, resolved, strict=True)]
    country_spans = [
        (t.start, t.end, p.country)
        for t, p in zip(toponyms, resolved, strict=True)
        if p is not None and p.feature == "country" and p.country
    ]
    at = country_positions(doc, country_spans, actors, gaz)
    pairs = []
    for start, end, place, _rule in find_borders(doc, at, gaz):
        mentions.append(_mention(doc, start, end, place))
        if len(place.countries) == 2:
            pairs.append((mentions[-1].start, mentions[-1].end))
    # "the Ukrainian frontier" read as a pair border replaces "the borders of Ukraine".
    mentions = [m for m in mentions if not _superseded(m, pairs)]
    unique = {(m.start, m.end, m.geonameid): m for m in mentions}
    return tuple(sorted(unique.values(), key=lambda m: (m.start, m.end, m.geonameid or "")))


def resolve_spans(
    doc: Doc, gazetteer: Gazetteer, spans: list[tuple[int, int]], *, actors: tuple[ActorMention, ...]
) -> list[Place | None]:
    """Resolve given character spans (gold toponyms) in the context of the whole article."""
    gaz = gazetteer
    toponyms = find_toponyms(doc, gaz)
    queries, ctx = _article_context(doc, gaz, toponyms, actors)
    town = article_town([resolve(q, gaz, ctx)[0] for q in queries], ctx)
    # Names around a span, for "Tacoma, Washington": the toponyms found, else one token.
    by_start = {t.start: t for t in toponyms}
    by_end = {t.end: t for t in toponyms}
    out: list[Place | None] = []
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        key = normalise_name(doc.text[start:end])
        if span is None:
            out.append(resolve(Query(key), gaz, ctx)[0])
            continue
        hint = feature_hint(doc, span.start, span.end, gaz)
        topo = Toponym(span.start, span.end, key, source="gold", hint=hint)
        nxt = by_start.get(span.end + 1) or _token(doc, span.end + 1)
        prev = by_end.get(span.start - 1) or _token(doc, span.start - 2)
        qualifiers, qualified = _qualifiers(doc, topo, nxt, gaz), _qualified_town(doc, prev, topo, gaz)
        place = resolve(Query(key, hint, None, qualifiers, None, qualified), gaz, ctx)[0]
        out.append(place or contain(doc, span.start, span.end, gaz, ctx, town)[0])
    return out


def _token(doc: Doc, i: int) -> Toponym | None:
    return Toponym(i, i + 1, normalise_name(doc[i].text), "gold") if 0 <= i < len(doc) else None
