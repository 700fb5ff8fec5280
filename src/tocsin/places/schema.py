"""Schemas of the places data files, validated at load (errors as ``file:line: [field] message``)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from tocsin.errors import DataFileError

Row = TypeVar("Row", bound=BaseModel)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CountryRow(_Strict):
    id: str = Field(pattern=r"^\d+$")
    iso2: str = Field(pattern=r"^[A-Z]{2}$")
    iso3: str = Field(pattern=r"^[A-Z]{3}$")
    name: str = Field(min_length=2)
    names: list[str] = []
    demonyms: list[str] = []
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)
    population: int = Field(ge=0)
    capital: str | None = None
    neighbours: list[str] = []


class Admin1Row(_Strict):
    id: str = Field(pattern=r"^\d+$")
    country: str = Field(pattern=r"^[A-Z]{3}$")
    admin1: str = Field(min_length=1)
    iso: str | None = None
    name: str = Field(min_length=2)
    names: list[str] = []
    type: str | None = None
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)
    population: int = Field(ge=0)


class Admin2Row(_Strict):
    id: str = Field(pattern=r"^\d+$")
    country: str = Field(pattern=r"^[A-Z]{3}$")
    admin1: str = Field(min_length=1)
    name: str = Field(min_length=2)
    names: list[str] = []
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)
    population: int = Field(ge=0)


class BorderRow(_Strict):
    id: str = Field(pattern=r"^border:[A-Z]{3}-[A-Z]{3}$")
    countries: list[str] = Field(min_length=2, max_length=2)
    name: str
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)
    point: Literal["border", "midpoint"]


class AliasRow(_Strict):
    id: str = Field(min_length=1)
    alias: str = Field(min_length=2)
    # The id of a place in countries/admin1/borders/extra_places (a GeoNames id).
    target: str = Field(min_length=1)


class DemonymRow(_Strict):
    id: str = Field(min_length=1)
    demonym: str = Field(min_length=3)
    country: str = Field(pattern=r"^[A-Z]{3}$")


class PlaceDemonymRow(_Strict):
    id: str = Field(min_length=1)
    demonym: str = Field(min_length=3)
    # The id of a place in countries/admin1/extra_places or a continent (not a country:
    # country demonyms live in countries.jsonl and demonyms.csv).
    target: str = Field(min_length=1)


class FeatureWordRow(_Strict):
    id: str = Field(min_length=1)
    word: str = Field(min_length=2)
    # What the word says about the name next to it: adm1 ("Zhytomyr region"), city,
    # country ("Belarusian territory"), border ("Belarusian borders"), street ("Elmwood
    # Lane": the name is the street's namesake, not a place it lies in), other.
    feature: Literal["adm1", "city", "country", "border", "street", "other"]
    # Where the word stands relative to the name: after ("Zhytomyr region") or before
    # ("city of Kharkiv"; "province of Aleppo").
    position: Literal["after", "before"]


class BlockedNameRow(_Strict):
    id: str = Field(min_length=1)
    name: str = Field(min_length=1)
    # Why the name is blocked (a common English word, a first name, a brand...).
    reason: str = Field(min_length=3)
    # True: block even when spaCy's NER calls it a place; False: only gazetteer-only matches.
    always: bool = False


class ExtraPlaceRow(_Strict):
    id: str = Field(min_length=1)
    name: str = Field(min_length=2)
    names: list[str] = []
    feature: Literal["country", "adm1", "city", "other"]
    country: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)
    population: int = Field(default=0, ge=0)
    precision: str = "area"


def _error(path: Path, line: int, exc: ValidationError) -> DataFileError:
    return DataFileError.invalid(str(path), line, exc, default="row")


def read_jsonl(path: Path, model: type[Row]) -> Iterator[tuple[int, Row]]:
    """Rows of a JSONL file (blank lines and ``//`` comment lines skipped), validated."""
    with path.open(encoding="utf-8") as fh:
        for line_no, line in enumerate(fh, start=1):
            text = line.strip()
            if not text or text.startswith("//"):
                continue
            try:
                data = json.loads(text)
            except json.JSONDecodeError as exc:
                raise DataFileError(str(path), line_no, f"[json] {exc.msg}") from None
            try:
                yield line_no, model.model_validate(data)
            except ValidationError as exc:
                raise _error(path, line_no, exc) from None


def read_csv(path: Path, model: type[Row]) -> Iterator[tuple[int, Row]]:
    """Rows of a CSV file with a header line (``#`` lines are comments), validated."""
    with path.open(encoding="utf-8", newline="") as fh:
        lines = [(n, line) for n, line in enumerate(fh, start=1) if line.strip() and line[0] != "#"]
    if not lines:
        return
    reader = csv.DictReader(line for _, line in lines)
    for (line_no, _), row in zip(lines[1:], reader, strict=True):
        data = {k: v for k, v in row.items() if v not in ("", None)}
        try:
            yield line_no, model.model_validate(data)
        except ValidationError as exc:
            raise _error(path, line_no, exc) from None
