"""resolve_places on small hand-written sentences: recognition, resolution, metonymy, borders."""

from __future__ import annotations

import pytest

from tocsin.places import resolve_places
from tocsin.records import ActorMention


def places_of(nlp, gazetteer, text, actors=()):
    doc = nlp(text)
    places = resolve_places(doc, gazetteer, actors=actors)
    for p in places:
        assert doc.text[p.start : p.end] == p.text
    assert list(places) == sorted(places, key=lambda p: (p.start, p.end, p.geonameid or ""))
    return {p.text: p for p in places}


@pytest.mark.parametrize(
    ("text", "mention", "geonameid", "feature", "country"),
    [
        (
            "Kyiv was moving soldiers to Ukraine's northern Zhytomyr region.",
            "Zhytomyr",
            "686966",
            "adm1",
            "UKR",
        ),
        ("Troops were sent to the city of Zhytomyr last week.", "Zhytomyr", "686967", "city", "UKR"),
        ("Officials in Minsk met on Tuesday.", "Minsk", "625144", "city", "BLR"),
        ("The drone entered Belarusian airspace.", "Belarusian", "630336", "country", "BLR"),
        ("Missiles were deployed on Belarusian territory.", "Belarusian", "630336", "country", "BLR"),
        ("He moved to Parkland, Florida, in 2010.", "Parkland", "4167829", "city", "USA"),
        ("She grew up in Paris, Texas, and never left.", "Paris", "4717560", "city", "USA"),
        ("The summit was held in Paris last year.", "Paris", "2988507", "city", "FRA"),
        ("US troops arrived in Poland.", "Poland", "798544", "country", "POL"),
    ],
)
def test_toponyms_resolve_to_geonames(nlp, gazetteer, text, mention, geonameid, feature, country):
    place = places_of(nlp, gazetteer, text)[mention]
    assert (place.geonameid, place.feature, place.country) == (geonameid, feature, country)
    assert place.lat is not None and place.lon is not None


@pytest.mark.parametrize(
    ("text", "mention", "border_id", "countries"),
    [
        (
            "Belarus reinforced its air defence units along its border with Ukraine.",
            "border with Ukraine",
            "border:BLR-UKR",
            ("BLR", "UKR"),
        ),
        (
            "Tensions rose near the Belarus–Ukraine border.",
            "Belarus–Ukraine border",
            "border:BLR-UKR",
            ("BLR", "UKR"),
        ),
        (
            "Migrants gathered at the Belarus-Poland border.",
            "Belarus-Poland border",
            "border:BLR-POL",
            ("BLR", "POL"),
        ),
        (
            "The border between Poland and Germany is calm.",
            "border between Poland and Germany",
            "border:DEU-POL",
            ("DEU", "POL"),
        ),
        (
            "Minsk built up forces near the Ukrainian frontier.",
            "Ukrainian frontier",
            "border:BLR-UKR",
            ("BLR", "UKR"),
        ),
    ],
)
def test_borders_are_places_of_their_own(nlp, gazetteer, text, mention, border_id, countries):
    place = places_of(nlp, gazetteer, text)[mention]
    assert (place.geonameid, place.feature) == (border_id, "border")
    assert set(place.countries) == set(countries)
    assert place.country is None


@pytest.mark.parametrize(
    "text",
    [
        "A Ukrainian drone was shot down.",
        "Reading is a pleasure on Sundays.",
        "Kyiv dismissed the claims on Monday.",
        "Moscow sent several thousand soldiers.",
        "Beijing and Moscow signed a deal.",
        "Nelson and Tyler scored twice.",
    ],
)
def test_no_place_in(nlp, gazetteer, text):
    assert places_of(nlp, gazetteer, text) == {}


def test_capital_marked_by_actors_stage_is_not_a_place(nlp, gazetteer):
    text = "Warsaw rejected the proposal."
    actor = ActorMention(text="Warsaw", start=0, end=6, country="POL", sector="GOV", kind="capital")
    assert "Warsaw" not in places_of(nlp, gazetteer, text, actors=(actor,))


def test_capital_as_a_location_stays_a_place(nlp, gazetteer):
    assert places_of(nlp, gazetteer, "Protesters gathered in Kyiv on Sunday.")["Kyiv"].feature == "city"


def test_country_context_picks_the_namesake(nlp, gazetteer):
    text = "Officials in Canada said flooding hit London, Ontario, and nearby towns."
    assert places_of(nlp, gazetteer, text)["London"].country == "CAN"


@pytest.mark.parametrize(
    ("text", "mention", "place_id"),
    [
        ("Tankers crossed the Atlantic in convoy.", "Atlantic", "ocean:atlantic"),
        ("Fighting spread across the Middle East.", "Middle East", "region:middle-east"),
        ("Ships were seized in the Black Sea.", "Black Sea", "sea:black-sea"),
    ],
)
def test_seas_and_regions_outrank_namesake_villages(nlp, gazetteer, text, mention, place_id):
    place = places_of(nlp, gazetteer, text)[mention]
    assert (place.geonameid, place.feature, place.precision) == (place_id, "other", "area")


def test_empty_text_gives_no_places(nlp, gazetteer):
    assert resolve_places(nlp(""), gazetteer, actors=()) == ()


@pytest.mark.parametrize(
    ("text", "mention", "place_id"),
    [
        ("Reporters gathered at the White House on Monday.", "White House", "building:white-house"),
        ("She was born in White House, Tennessee.", "White House", "4667282"),
        ("The U.S. Army sent more troops.", "U.S.", "6252001"),
    ],
)
def test_buildings_and_abbreviations(nlp, gazetteer, text, mention, place_id):
    assert places_of(nlp, gazetteer, text)[mention].geonameid == place_id


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Police in New York and Boston said a consultant from London had advised the Chicago firm.", "GBR"),
        ("Police in Kentucky said a fire hit London overnight, near Corbin.", "USA"),
    ],
)
def test_small_namesake_of_a_capital_needs_its_region_named(nlp, gazetteer, text, country):
    assert places_of(nlp, gazetteer, text)["London"].country == country
