"""Recognition beyond spaCy's place labels: prominent places inside organisation names
(not inside person names), and upper-case datelines."""

from __future__ import annotations

import pytest

from tocsin.places import resolve_places


def _texts(nlp, gazetteer, text):
    return {p.text: p for p in resolve_places(nlp(text), gazetteer, actors=())}


@pytest.mark.parametrize(
    ("text", "mention", "country"),
    [
        ("She teaches at the University of Toronto these days.", "Toronto", "CAN"),
        ("The Bank of Japan kept rates unchanged.", "Japan", "JPN"),
    ],
)
def test_place_inside_organisation_name(nlp, gazetteer, text, mention, country):
    assert _texts(nlp, gazetteer, text)[mention].country == country


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Michael Jordan scored forty points.", "Jordan"),
        ("A Ukrainian drone was shot down.", "Ukrainian"),
    ],
)
def test_no_embedded_place(nlp, gazetteer, text, name):
    assert name not in _texts(nlp, gazetteer, text)


@pytest.mark.parametrize(
    ("text", "mention", "name"),
    [
        ("WASHINGTON (Reuters) - The Senate voted on Tuesday.", "WASHINGTON", "Washington"),
        ("SAN ANTONIO — A man was shot on Friday.", "SAN ANTONIO", "San Antonio"),
        ("KYIV, Ukraine — Kyiv dismissed the claims.", "KYIV", "Kyiv"),
    ],
)
def test_dateline_is_a_place(nlp, gazetteer, text, mention, name):
    place = _texts(nlp, gazetteer, text)[mention]
    assert (place.name, place.feature) == (name, "city")


def test_city_tagged_as_nationality_is_a_place(nlp, gazetteer):
    assert _texts(nlp, gazetteer, "The Aleppo offensive began in June.")["Aleppo"].country == "SYR"


@pytest.mark.parametrize(
    "text", ["He spoke English and Arab officials listened.", "A Ukrainian drone was shot down."]
)
def test_nationalities_and_languages_are_no_places(nlp, gazetteer, text):
    assert _texts(nlp, gazetteer, text) == {}
