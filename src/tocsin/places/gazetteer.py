"""The gazetteer: GeoNames places by normalised name, with the tables resolution needs.

Countries, first-level regions, borders and a few hand-listed features are small
and held as ``Place`` records. The ~235,000 GeoNames towns (cities500) are held as
columns (see ``citytable.py``) and turned into ``Place`` records only when looked up.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from tocsin.places.citytable import CityTable
from tocsin.records import PlaceFeature

_QUOTES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "–": "-", "—": "-"})


def normalise_name(text: str) -> str:
    """Match key of a place name: case, accents, curly quotes and spacing do not matter."""
    text = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.casefold().split())


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer record: a GeoNames feature, a border, or a hand-listed region."""

    id: str
    name: str
    feature: PlaceFeature
    country: str | None
    lat: float
    lon: float
    population: int = 0
    # GeoNames admin1 code (towns and regions), so "Parkland, Florida" can be checked.
    admin1: str | None = None
    precision: str = "point"
    countries: tuple[str, ...] = ()
    iso: str | None = None


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Immutable; build it with ``load_gazetteer()``."""

    places: Mapping[str, Place]  # countries, regions, borders, extras by id
    names: Mapping[str, tuple[str, ...]]  # normalised name -> ids in ``places``
    cities: CityTable
    demonyms: Mapping[str, str]  # normalised demonym -> ISO3
    countries: Mapping[str, Place]  # ISO3 -> country place
    neighbours: Mapping[str, frozenset[str]]  # ISO3 -> ISO3 neighbours
    capitals: Mapping[str, str]  # normalised capital name -> ISO3
    admin1: Mapping[tuple[str, str], Place]  # (ISO3, admin1 code) -> region
    feature_words: Mapping[tuple[str, str], str]  # (normalised word, position) -> feature
    blocked: Mapping[str, bool]  # normalised name -> block even NER places
    max_name_tokens: int = 6
    # normalised demonym of a region, continent or macro-region ("English", "Kurdish") -> place id
    place_demonyms: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    # (ISO3, casefolded ISO 3166-2 suffix) -> region id: "WA" is Western Australia in an
    # article on Australia, Washington in one on the United States.
    region_codes: Mapping[tuple[str, str], str] = field(default_factory=lambda: MappingProxyType({}))

    def candidates(self, key: str) -> tuple[Place, ...]:
        """Every place a normalised name may refer to (small tables first, then towns)."""
        found = tuple(self.places[i] for i in self.names.get(key, ()))
        return found + self.cities.lookup(key)

    def has_name(self, key: str) -> bool:
        return key in self.names or self.cities.has_name(key)

    def country(self, iso3: str | None) -> Place | None:
        return self.countries.get(iso3) if iso3 else None

    def border(self, a: str, b: str | None = None) -> Place | None:
        """The border between two countries (``border:BLR-UKR``), or all of one country's borders."""
        if b is None:
            country = self.countries.get(a)
            if country is None:
                return None
            return Place(
                id=f"border:{a}",
                name=f"borders of {country.name}",
                feature="border",
                country=a,
                lat=country.lat,
                lon=country.lon,
                precision="country",
                countries=(a,),
            )
        x, y = sorted((a, b))
        return self.places.get(f"border:{x}-{y}")


def frozen_map(data: dict) -> Mapping:
    return MappingProxyType(data)
