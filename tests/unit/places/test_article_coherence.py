"""Resolution in the light of the whole article and of what the text says next to a name:
region and continent adjectives, region codes, namesake districts, comma qualifiers and
lists, capitals against their namesake region, seas, airports."""

from __future__ import annotations

from collections import Counter

import pytest

from tocsin.places import resolve_places
from tocsin.places.gazetteer import normalise_name
from tocsin.places.mentions import resolve_spans
from tocsin.places.resolve import Context, Query, resolve, resolve_name


def _span(nlp, gazetteer, text, span, nth=0):
    """Resolve one span of ``text`` (its ``nth`` occurrence) as a gold toponym."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(span, start + 1)
    (place,) = resolve_spans(nlp(text), gazetteer, [(start, start + len(span))], actors=())
    return place


def _mentions(nlp, gazetteer, text):
    return {p.text: p for p in resolve_places(nlp(text), gazetteer, actors=())}


@pytest.mark.parametrize(
    ("name", "place_id"),
    [
        ("English", "6269131"),  # England, not the village of English, Indiana
        ("Kurdish", "region:kurdistan"),
        ("Sicilian", "2523119"),
        ("Latin American", "region:latin-america"),
        ("Siberian", "region:siberia"),
    ],
)
def test_region_adjective_given_as_a_toponym_names_the_region(gazetteer, name, place_id):
    place, rule = resolve(Query(normalise_name(name)), gazetteer, Context())
    assert place is not None and place.id == place_id
    assert rule in ("resolve.place_demonym", "resolve.ranked")


def test_region_adjective_is_no_place_in_running_text(nlp, gazetteer):
    found = _mentions(nlp, gazetteer, "The English teacher moved to Leeds with a Kurdish friend.")
    assert "English" not in found and "Kurdish" not in found
    assert found["Leeds"].country == "GBR"


@pytest.mark.parametrize(
    ("text", "span", "container"),
    [
        ("The European Commission fined the carmaker on Monday.", "European Commission", "6255148"),
        (
            "Anna Petrova lectures at the Russian Academy of Arts. Moscow and Russia fund it.",
            "Russian Academy of Arts",
            "2017370",
        ),
    ],
)
def test_adjective_inside_a_name_places_it(nlp, gazetteer, text, span, container):
    place = _span(nlp, gazetteer, text, span)
    assert place is not None and place.id == f"within:{container}"


def test_foreign_adjective_inside_a_local_name_says_nothing(nlp, gazetteer):
    text = (
        "Tourists crowded New Orleans on Saturday. New Orleans police closed the French Market "
        "after a parade, and a cafe near the market opened late. France was not mentioned again."
    )
    place = _span(nlp, gazetteer, text, "French Market")
    assert place is not None and place.country == "USA"


@pytest.mark.parametrize(
    ("text", "span", "region_id"),
    [
        ("Fires spread near Perth and Bunbury, Australia. WA crews were stretched.", "WA", "2058645"),
        ("Rain fell on Seattle and Spokane in the United States. WA issued warnings.", "WA", "5815135"),
        ("Flooding hit Charleston and Columbia in the US state. SC roads were shut.", "SC", "4597040"),
    ],
)
def test_region_code_in_the_article_country(nlp, gazetteer, text, span, region_id):
    place = _span(nlp, gazetteer, text, span)
    assert place is not None and place.id == region_id


@pytest.mark.parametrize(("name", "city_id"), [("Saskatoon", "6141256"), ("Barcelona", "3128760")])
def test_a_city_outranks_its_namesake_district(gazetteer, name, city_id):
    place = resolve_name(name, gazetteer)
    assert place is not None and (place.id, place.feature) == (city_id, "city")


def test_capital_name_among_the_towns_of_its_namesake_region_is_the_region(nlp, gazetteer):
    text = (
        "Wildfire smoke covered Seattle, Spokane and Yakima this week. "
        "Washington has banned outdoor burning until further notice."
    )
    assert _span(nlp, gazetteer, text, "Washington").id == "5815135"


def test_capital_name_stays_the_capital_without_such_towns(nlp, gazetteer):
    text = "Talks in Washington ended without a deal, officials in Ottawa said."
    assert _span(nlp, gazetteer, text, "Washington").id == "4140963"


def test_comma_qualifier_is_the_region_of_the_town_before_it(nlp, gazetteer):
    text = "The plant in Tacoma, Washington, shut down after the strike."
    found = _mentions(nlp, gazetteer, text)
    assert found["Tacoma"].geonameid == "5812944"
    assert found["Washington"].geonameid == "5815135"
    assert _span(nlp, gazetteer, text, "Washington").id == "5815135"


def test_comma_list_of_big_cities_is_no_qualifier(nlp, gazetteer):
    text = "Protests were held in Boston, New York and Chicago on Sunday."
    found = _mentions(nlp, gazetteer, text)
    assert found["Boston"].geonameid == "4930956"  # Massachusetts, not a village in New York state
    assert found["New York"].geonameid == "5128581"


@pytest.mark.parametrize(
    ("text", "span", "place_id"),
    [
        ("Storms over the Atlantic delayed ships bound for Iowa.", "Atlantic", "ocean:atlantic"),
        ("Oil rose as tension in the Gulf grew, traders in Dubai said.", "Gulf", "region:persian-gulf"),
    ],
)
def test_seas_outrank_small_namesake_towns_in_context(nlp, gazetteer, text, span, place_id):
    assert _span(nlp, gazetteer, text, span).id == place_id


@pytest.mark.parametrize(
    ("text", "span", "airport"),
    [
        ("Flights from Heathrow were cancelled because of fog.", "Heathrow", "airport:LHR"),
        ("She landed at Dulles International Airport.", "Dulles International Airport", "airport:IAD"),
        ("Passengers waited for hours at JFK airport yesterday.", "JFK airport", "airport:JFK"),
        ("Snow closed O'Hare International Airport.", "O'Hare International Airport", "airport:ORD"),
    ],
)
def test_airports_have_their_own_point(nlp, gazetteer, text, span, airport):
    place = _span(nlp, gazetteer, text, span)
    assert place is not None and (place.id, place.precision) == (airport, "building")


@pytest.mark.parametrize(
    ("name", "place_id"),
    [("Soviet Union", "2017370"), ("NSW", "2155400"), ("West Coast", "region:us-west-coast")],
)
def test_aliases_and_macro_regions(gazetteer, name, place_id):
    ctx = Context(countries=Counter({"USA": 1, "AUS": 1}))
    place = resolve(Query(normalise_name(name)), gazetteer, ctx)[0]
    assert place is not None and place.id == place_id


@pytest.mark.parametrize("hint", ["city", "adm1"])
def test_region_adjective_before_a_feature_word_still_names_the_region(gazetteer, hint):
    # "the English city of Bath": the adjective is England, not a town called English
    place, rule = resolve(Query("english", hint=hint), gazetteer, Context())
    assert (place.id, rule) == ("6269131", "resolve.place_demonym")


def test_capital_of_a_country_the_article_never_names_yields_to_a_region_at_home(nlp, gazetteer):
    text = "Australia said on Monday that Victoria would close its border with the rest of Australia."
    assert _span(nlp, gazetteer, text, "Victoria").id == "2145234"  # the state, not the Seychelles' capital


def test_a_town_is_no_evidence_for_its_own_country(gazetteer):
    # First readings: Edmonton as the Canadian city, its neighbour Enfield Town in London.
    from tocsin.places.mentions import _context
    from tocsin.places.resolve import candidates_for

    edmonton_ca = next(p for p in candidates_for("edmonton", gazetteer) if p.country == "CAN")
    enfield = next(p for p in candidates_for("enfield town", gazetteer) if p.country == "GBR")
    ctx = _context({"edmonton": edmonton_ca, "enfield town": enfield}, (), gazetteer.capitals)
    assert ctx.without["edmonton"]["CAN"] == 0
    assert resolve(Query("edmonton"), gazetteer, ctx)[0].country == "GBR"


def test_a_capital_keeps_its_own_evidence(gazetteer):
    from tocsin.places.mentions import _context

    london = resolve_name("London", gazetteer)
    ctx = _context({"london": london}, (), gazetteer.capitals)
    assert "london" not in ctx.without
    assert resolve(Query("london"), gazetteer, ctx)[0].id == "2643743"


@pytest.mark.parametrize(
    ("text", "span", "place_id"),
    [
        ("The city copied a Swedish road safety plan.", "Swedish", "2661886"),
        ("It is part of the European drive to cut waste.", "European", "6255148"),
    ],
)
def test_a_lower_case_street_word_is_a_common_noun(nlp, gazetteer, text, span, place_id):
    assert _span(nlp, gazetteer, text, span).id == place_id


def test_a_big_city_s_initials_are_not_a_region_code(gazetteer):
    ctx = Context(countries=Counter({"USA": 3}))
    place = resolve(Query("la"), gazetteer, ctx)[0]  # Los Angeles, never Louisiana
    assert place is None or place.id != "4331987"
    assert resolve(Query("nj"), gazetteer, ctx)[0].id == "5101760"
