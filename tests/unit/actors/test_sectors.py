"""Sectors by PLOVER's conventions: head nouns, peoples, organisations, armed groups."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.unit.actors.helpers import find

ON = dt.date(2024, 7, 1)


@pytest.mark.parametrize(
    ("text", "span", "country", "sector"),
    [
        # A generic head noun yields to a more specific part before it.
        ("Israeli intelligence officials met on Monday.", "Israeli intelligence officials", "ISR", "SPY"),
        ("An army spokesman denied it.", "army spokesman", None, "MIL"),
        ("Hamas leaders rejected the offer.", "Hamas leaders", "PSE", "REB"),
        ("Rebel negotiators walked out.", "Rebel negotiators", None, "REB"),
        # ...and keeps its own sector alone or after a country.
        ("Russian officials said so.", "Russian officials", "RUS", "GOV"),
        ("Senior leaders met in private.", "leaders", None, "GOV"),
        # Peoples are civilians.
        ("Thousands of Iraqi Kurds marched.", "Iraqi Kurds", "IRQ", "CVL"),
        ("Bosnian Serbs demanded a truce.", "Bosnian Serbs", "BIH", "CVL"),
        ("British nationals were told to leave.", "British nationals", "GBR", "CVL"),
        # "ethnic" + demonym: an ethnicity living anywhere, not the state.
        ("Ethnic Albanian guerrillas attacked.", "Albanian guerrillas", None, "REB"),
        ("Up to 1,000 ethnic Turks began a hunger strike in Sweden.", "Turks", None, "CVL"),
        # A domestic sector "in" a country belongs to it; soldiers abroad need not.
        ("Rebels in the Ivory Coast blocked the road.", "Rebels", "CIV", "REB"),
        ("Seven opposition parties in Nepal called a strike.", "opposition parties", "NPL", "OPP"),
        ("Troops in Iraq came under fire.", "Troops", None, "MIL"),
        # A bare country name has no sector: the state acting as a whole.
        ("Portugal rejected the plan.", "Portugal", "PRT", None),
        # Offices.
        ("Cairo's security chief warned the crowd.", "Cairo's security chief", "EGY", "COP"),
    ],
)
def test_sector_conventions(resolve, text: str, span: str, country: str | None, sector: str | None) -> None:
    mention = find(resolve(text, on=ON), span)
    assert (mention.country, mention.sector) == (country, sector)


@pytest.mark.parametrize(
    ("text", "span", "country", "sector"),
    [
        ("UNITA fighters attacked the town.", "UNITA fighters", "AGO", "REB"),
        (
            "The National Union for the Total Independence of Angola signed.",
            "National Union for the Total Independence of Angola",
            "AGO",
            "REB",
        ),
        ("Hamas fired rockets.", "Hamas", "PSE", "REB"),
        # Transnational armed groups: PLOVER's IMG, whatever the casing of "al".
        ("A statement by al-Qaeda was posted.", "al-Qaeda", "IMG", "REB"),
        ("Al-Qaeda claimed the attack.", "Al-Qaeda", "IMG", "REB"),
        # Organisations: no sector for the organisation as a whole.
        ("Amnesty International accused the government.", "Amnesty International", "NGO", None),
        ("The ILO said wages fell.", "ILO", "UNO", None),
        ("The European Community agreed.", "European Community", "EUR", None),
    ],
)
def test_organisations_and_armed_groups(
    resolve, text: str, span: str, country: str | None, sector: str | None
) -> None:
    mention = find(resolve(text, on=None), span)
    assert (mention.country, mention.sector) == (country, sector)


@pytest.mark.parametrize(
    ("text", "span", "country"),
    [
        ("U.N. Secretary-General Kofi Annan spoke.", "U.N. Secretary-General Kofi Annan", "UNO"),
        ("Kofi Annan spoke.", "Kofi Annan", "UNO"),
        (
            "Arab League Secretary General Chadli Klibi spoke.",
            "Arab League Secretary General Chadli Klibi",
            "ARL",
        ),
    ],
)
def test_heads_of_international_organisations_are_gov(resolve, text: str, span: str, country: str) -> None:
    mention = find(resolve(text, on=None), span)
    assert (mention.country, mention.sector) == (country, "GOV")


@pytest.mark.parametrize(
    ("text", "span", "sector"),
    [
        # The alias itself holds the office noun; with no date it picks that office.
        ("Israeli Prime Minister Ehud Barak agreed.", "Israeli Prime Minister Ehud Barak", "GOV"),
        ("Former Prime Minister Ehud Barak agreed.", "Former Prime Minister Ehud Barak", "ELI"),
    ],
)
def test_office_inside_the_alias_when_undated(resolve, text: str, span: str, sector: str) -> None:
    mention = find(resolve(text, on=None), span)
    assert (mention.country, mention.sector) == ("ISR", sector)
