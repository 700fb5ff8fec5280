"""Names the gazetteer lacks are placed within a place the text names (``contained.py``)."""

from __future__ import annotations

import pytest

from tocsin.places import resolve_places
from tocsin.places.mentions import resolve_spans


def _mentions(nlp, gazetteer, text):
    return {p.text: p for p in resolve_places(nlp(text), gazetteer, actors=())}


@pytest.mark.parametrize(
    ("text", "span", "container"),
    [
        ("She studied at Colorado State University for two years.", "Colorado State University", "5417618"),
        ("The Delhi High Court adjourned the hearing.", "Delhi High Court", "1273294"),
    ],
)
def test_inner_name_contains_an_unknown_span(nlp, gazetteer, text, span, container):
    doc = nlp(text)
    start = text.index(span)
    (place,) = resolve_spans(doc, gazetteer, [(start, start + len(span))], actors=())
    assert place is not None
    assert (place.id, place.precision, place.feature) == (f"within:{container}", "within", "other")


def test_street_lies_in_the_article_town(nlp, gazetteer):
    text = (
        "Flooding hit New Orleans on Monday. In New Orleans, residents of Elmwood Lane "
        "were evacuated as the water rose."
    )
    doc = nlp(text)
    start = text.index("Elmwood Lane")
    (place,) = resolve_spans(doc, gazetteer, [(start, start + len("Elmwood Lane"))], actors=())
    assert place is not None and place.id == "within:4335045"
    assert place.country == "USA"


def test_no_town_no_container(nlp, gazetteer):
    doc = nlp("Residents of Elmwood Lane were evacuated.")
    assert resolve_spans(doc, gazetteer, [(13, 25)], actors=()) == [None]


def test_known_places_are_not_contained(nlp, gazetteer):
    places = _mentions(nlp, gazetteer, "Protesters gathered in Kyiv and Lviv on Sunday.")
    assert {p.precision for p in places.values()} == {"point"}


def test_unknown_gpe_after_locative_preposition_is_contained(nlp, gazetteer):
    text = "Government forces shelled Aleppo on Monday. Fighting also raged in Ghouta overnight."
    place = _mentions(nlp, gazetteer, text)["Ghouta"]
    assert (place.geonameid, place.precision) == ("within:170063", "within")


def test_unknown_gpe_without_locative_is_no_place(nlp, gazetteer):
    assert _mentions(nlp, gazetteer, "Ghouta said it would fight.") == {}


def test_no_town_the_article_country_contains(nlp, gazetteer):
    text = "Syria said on Monday that fighting raged in Zarbaqeen overnight."
    doc = nlp(text)
    start = text.index("Zarbaqeen")
    (place,) = resolve_spans(doc, gazetteer, [(start, start + len("Zarbaqeen"))], actors=())
    assert place is not None and (place.id, place.precision) == ("within:163843", "within")


def test_the_article_scene_is_a_town_of_its_main_country(nlp, gazetteer):
    # "Leeds" is named most often, but as a school's name: the article is about Egypt.
    text = (
        "Egypt opened new schools this year. In Cairo, Egypt, the Leeds Academy and the Leeds "
        "College joined the Leeds Institute; Egypt's ministry in Cairo said pupils at Hilltop "
        "Garden School would start on Sunday. Egypt welcomed the move."
    )
    doc = nlp(text)
    start = text.index("Hilltop Garden School")
    (place,) = resolve_spans(doc, gazetteer, [(start, start + len("Hilltop Garden School"))], actors=())
    assert place is not None and place.id == "within:360630"  # Cairo


def test_on_ties_the_scene_is_in_the_region_holding_most_of_the_article_towns(nlp, gazetteer):
    text = (
        "Commuters from Manassas, Fairfax and Vienna faced delays on Monday. A spokesman, "
        "formerly of Somerville, said crews at the Zephyr Rail Depot worked overnight."
    )
    doc = nlp(text)
    start = text.index("Zephyr Rail Depot")
    (place,) = resolve_spans(doc, gazetteer, [(start, start + len("Zephyr Rail Depot"))], actors=())
    assert place is not None and place.precision == "within"
    assert (place.country, place.admin1) == ("USA", "VA")
