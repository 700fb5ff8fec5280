"""Misspelt one-word names: one edit from exactly one known state or surname word."""

from __future__ import annotations

import pytest
from tests.unit.actors.helpers import find


@pytest.mark.parametrize(
    ("text", "span", "country"),
    [
        ("Thousands of Ghanians fled the fighting.", "Ghanians", "GHA"),
        ("The Sudaneese army attacked the town.", "Sudaneese army", "SDN"),
        ("President Abdelaziz Bouteflicka threatened a curfew.", "President Abdelaziz Bouteflicka", "DZA"),
        ("President Juvenal Habyariman flew home.", "President Juvenal Habyariman", "RWA"),
        # A known (common) misspelling ending a person's name after a title: surnames only.
        ("President Francois Mitterand met the envoy.", "President Francois Mitterand", "FRA"),
    ],
)
def test_misspelt_name_is_matched(resolve, text: str, span: str, country: str) -> None:
    assert find(resolve(text, on=None), span).country == country


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # An unknown name with no known word one edit away stays unknown.
        ("Mr. Haroldson and Ms. Kovalzyk met.", "Kovalzyk"),
        # Lower case: not a name.
        ("The ethopia wording is a typo.", "ethopia"),
        # Organisations and agent nouns are never matched tolerantly.
        ("The Hamaz group and the Talibam met.", "Talibam"),
    ],
)
def test_no_tolerant_match(resolve, text: str, absent: str) -> None:
    assert all(absent not in m.text for m in resolve(text, on=None))
