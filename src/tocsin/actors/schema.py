"""The entry types of the actor dictionary files (one JSON object a line), validated with pydantic.

Every line is one of four entry types, named by ``type`` (or inferred from its keys,
so a person file can be written exactly as ``{"id", "name", "aliases", ...}``):

* ``country``: a state, its names, demonyms and capitals (capitals name its government);
* ``org``: a named organisation or seat of government with a fixed country and sector
  (the Kremlin, NATO, Hamas, the U.N. Security Council);
* ``agent``: a generic noun that names a sector but no country ("police", "rebels");
* ``person``: one office held by one person between two dates.

The format is documented with a worked example in docs/data-formats/actors.md.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag, field_validator

CODE_PATTERN = r"^[A-Z]{3}$"


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(min_length=1)

    @field_validator("names", "demonyms", "capitals", "aliases", check_fields=False)
    @classmethod
    def _no_blank_names(cls, values: list[str]) -> list[str]:
        for value in values:
            if not value.strip():
                raise ValueError("names must not be blank")
        return values


class CountryEntry(_Entry):
    type: Literal["country"] = "country"
    iso3: str = Field(pattern=CODE_PATTERN)
    names: list[str] = Field(default_factory=list)
    demonyms: list[str] = Field(default_factory=list)
    # Plural demonyms name the people ("the Libyans"), not the government.
    demonym_plurals: list[str] = Field(default_factory=list)
    capitals: list[str] = Field(default_factory=list)
    wikidata: str | None = None


class OrgEntry(_Entry):
    type: Literal["org"] = "org"
    names: list[str] = Field(min_length=1)
    # ISO3 code, or an IGO code (NATO, EUR, UNO...) for international organisations.
    country: str | None = Field(default=None, pattern=CODE_PATTERN + r"|^[A-Z]{4}$")
    sector: str | None = Field(default=None, pattern=CODE_PATTERN)
    # How the name refers: "igo", "org" (a national body), "group" (non-state armed
    # group or party) or "capital" (a seat of government used as metonymy).
    kind: Literal["igo", "org", "group", "capital"] = "org"
    wikidata: str | None = None


class AgentEntry(_Entry):
    type: Literal["agent"] = "agent"
    names: list[str] = Field(min_length=1)
    sector: str = Field(pattern=CODE_PATTERN)
    # Titles ("President", "Defence Minister") may stand before a person's name.
    title: bool = False
    # A generic head noun ("officials", "spokesman", "leaders"): after a more specific
    # part with a sector, that part's sector wins ("army spokesman" MIL, "Hamas leaders" REB).
    head: bool = False


class PersonEntry(_Entry):
    type: Literal["person"] = "person"
    name: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)
    country: str | None = Field(pattern=CODE_PATTERN + r"|^[A-Z]{4}$")
    sector: str | None = Field(default=None, pattern=CODE_PATTERN)
    role: str | None = None
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    # Whether the surname alone names this person: true (when the text supports it),
    # "after-full-name" (only after the full name, or after an office title), or false.
    surname_match: bool | Literal["after-full-name"] = True
    wikidata: str | None = None


def _entry_type(data: Any) -> str:
    """The explicit ``type``, else the type whose distinguishing key the line has."""
    if not isinstance(data, dict):
        return getattr(data, "type", "agent")
    if "type" in data:
        return str(data["type"])
    if "name" in data:
        return "person"
    if "iso3" in data:
        return "country"
    if "country" in data or "kind" in data:
        return "org"
    return "agent"


Entry = Annotated[
    Annotated[CountryEntry, Tag("country")]
    | Annotated[OrgEntry, Tag("org")]
    | Annotated[AgentEntry, Tag("agent")]
    | Annotated[PersonEntry, Tag("person")],
    Discriminator(_entry_type),
]
