"""Prominent places inside organisation names are toponyms of their own; small towns and
names inside person names are not."""

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
