"""resolve_actors on hand-written sentences: names, demonyms, capitals, possessives, IGOs, agents."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from tests.unit.actors.helpers import find

ON = dt.date(2024, 7, 1)


@pytest.mark.parametrize(
    ("text", "span", "country", "sector"),
    [
        # Seats of government stand for the government (metonymy).
        ("Minsk said the drills were defensive.", "Minsk", "BLR", "GOV"),
        ("Kyiv dismissed the claim as absurd.", "Kyiv", "UKR", "GOV"),
        ("Moscow dispatched more troops to the west.", "Moscow", "RUS", "GOV"),
        ("The Kremlin refused to comment.", "Kremlin", "RUS", "GOV"),
        ("Washington warned against escalation on Friday.", "Washington", "USA", "GOV"),
        ("Beijing urged restraint.", "Beijing", "CHN", "GOV"),
        # Country names and their common variants.
        ("The United States imposed new sanctions.", "United States", "USA", None),
        ("The U.S. imposed new sanctions.", "U.S.", "USA", None),
        ("Britain recalled its ambassador.", "Britain", "GBR", None),
        ("Belarus strengthened its air defenses.", "Belarus", "BLR", None),
        # Demonym + agent noun: the country from the demonym, the sector from the noun.
        ("Belarusian air defenses downed a drone.", "Belarusian air defenses", "BLR", "MIL"),
        ("Ukrainian officials have rejected the accusations.", "Ukrainian officials", "UKR", "GOV"),
        ("Russian troops crossed the river.", "Russian troops", "RUS", "MIL"),
        ("The Belarusian Defense Ministry issued a statement.", "Belarusian Defense Ministry", "BLR", "MIL"),
        ("A retired Belarusian defense official spoke.", "Belarusian defense official", "BLR", "MIL"),
        ("Polish police detained two men.", "Polish police", "POL", "COP"),
        # Possessives.
        ("Ukraine's Border Guard reported a drone.", "Ukraine's Border Guard", "UKR", "MIL"),
        ("Russia's parliament approved the treaty.", "Russia's parliament", "RUS", "LEG"),
        # agent of Country.
        ("The president of Armenia arrived in Paris.", "president of Armenia", "ARM", "GOV"),
        # International organisations and non-state armed groups.
        ("NATO condemned the exercise.", "NATO", "NATO", None),
        ("The EU announced aid.", "EU", "EUR", None),
        ("The OSCE sent monitors.", "OSCE", "OSCE", None),
        ("The UN Security Council met on Monday.", "UN Security Council", "UNO", "GOV"),
        ("The CSTO held drills in Tajikistan.", "CSTO", "CSTO", None),
        ("The African Union suspended Mali.", "African Union", "AFR", None),
        ("Hamas fired rockets.", "Hamas", "PSE", "REB"),
        ("The Taliban seized the town.", "Taliban", "AFG", "REB"),
    ],
)
def test_resolves_span(resolve, text: str, span: str, country: str, sector: str | None) -> None:
    mention = find(resolve(text, on=ON), span)
    assert (mention.country, mention.sector) == (country, sector)


@pytest.mark.parametrize(
    ("text", "span", "sector"),
    [
        ("Police dispersed the crowd.", "Police", "COP"),
        ("The rebels seized the airport.", "rebels", "REB"),
        ("Troops were seen near the border.", "Troops", "MIL"),
        ("Protesters gathered outside parliament.", "Protesters", "CVL"),
        ("The minister said nothing.", "minister", "GOV"),
    ],
)
def test_generic_agent_has_sector_but_no_country(resolve, text: str, span: str, sector: str) -> None:
    mention = find(resolve(text, on=ON), span)
    assert mention.country is None
    assert mention.sector == sector


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Let us know what you think.", "us"),
        ("They ate turkey and rice.", "turkey"),
        ("The dish came from china shops.", "china"),
        ("In an interview, he smiled.", "In"),
    ],
)
def test_common_words_are_not_actors(resolve, text: str, absent: str) -> None:
    assert absent not in [m.text for m in resolve(text, on=ON)]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Minsk said the drills were defensive.", "capital"),
        ("Belarusian officials said so.", "demonym"),
        ("NATO condemned the exercise.", "igo"),
        ("Belarus said so.", "name"),
    ],
)
def test_mention_kind(resolve, text: str, kind: str) -> None:
    assert resolve(text, on=ON)[0].kind == kind


def test_mentions_are_sorted_non_overlapping_and_slice_the_text(resolve) -> None:
    text = (
        "Minsk said Belarusian air defenses downed a drone, while Kyiv's border guards and "
        "NATO officials said the U.S. and the EU were consulted.\nMr. Lukashenko spoke later."
    )
    mentions = resolve(text, on=ON)
    assert len(mentions) >= 6
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.text
        assert mention.entry
    for before, after in itertools.pairwise(mentions):
        assert before.end <= after.start


def test_unknown_title_takes_in_the_person_name(resolve) -> None:
    mention = find(
        resolve("Belarusian Defence Minister Ivan Zzyzxova said so.", on=ON),
        "Belarusian Defence Minister Ivan Zzyzxova",
    )
    assert (mention.country, mention.sector) == ("BLR", "MIL")


def test_empty_text_has_no_actors(resolve) -> None:
    assert resolve("", on=ON) == ()


@pytest.mark.parametrize(
    ("text", "span", "country", "sector"),
    [
        ("Polish and Lithuanian officials met in Vilnius.", "Polish", "POL", "GOV"),
        ("Polish and Lithuanian officials met in Vilnius.", "Lithuanian officials", "LTU", "GOV"),
        ("Latvian, Estonian and Finnish troops trained together.", "Estonian", "EST", "MIL"),
        ("Latvian, Estonian and Finnish troops trained together.", "Latvian", "LVA", "MIL"),
    ],
)
def test_coordinated_demonym_shares_the_sector(resolve, text, span, country, sector) -> None:
    mention = find(resolve(text, on=ON), span)
    assert (mention.country, mention.sector) == (country, sector)


def test_hand_written_sense_beats_generated_one(resolve) -> None:
    # countries.jsonl files "Congolese" under both Congos; countries_extra.jsonl says DR Congo.
    mentions = resolve("Congolese soldiers crossed the river.", on=ON)
    assert find(mentions, "Congolese soldiers").country == "COD"


def test_first_name_inside_a_longer_name_is_not_a_person(resolve) -> None:
    mention = find(
        resolve("British Defence Secretary Tom Kingsworth-Zzyx said so.", on=ON),
        "British Defence Secretary Tom Kingsworth-Zzyx",
    )
    assert mention.country == "GBR"


@pytest.mark.parametrize(
    ("text", "span", "country"),
    [
        ("King Harald Vemund of Morocco received the envoy.", "King Harald Vemund of Morocco", "MAR"),
        ("President Tomas Kellerby of Moldova said so.", "President Tomas Kellerby of Moldova", "MDA"),
        ("Bosnian Serbs blocked the road.", "Bosnian Serbs", "BIH"),
        ("Russian Ukrainians voted on Monday.", "Russian Ukrainians", "RUS"),
    ],
)
def test_country_comes_from_the_state_named(resolve, text: str, span: str, country: str) -> None:
    assert find(resolve(text, on=ON), span).country == country


@pytest.mark.parametrize(
    ("text", "not_country"),
    [
        # Surnames of stale dictionary persons need their full name or an office title first.
        ("Harvey Weinstein was sentenced in New York.", "ISR"),
        ("Laura Ingraham said on her show that the plan would fail.", "BHS"),
        ("The Gates Foundation funded the clinic.", "USA"),
        ("On May 15 the market reopened.", "GRC"),
    ],
)
def test_stale_or_partial_names_are_not_coded(resolve, text: str, not_country: str) -> None:
    assert not_country not in [m.country for m in resolve(text, on=None)]


@pytest.mark.parametrize(
    ("text", "span", "country"),
    [
        ("President Mugabe addressed the rally.", "President Mugabe", "ZWE"),
        ("Hosni Mubarak resigned. Mubarak left Cairo.", "Mubarak", "EGY"),
    ],
)
def test_stale_person_surname_with_title_or_full_name(resolve, text: str, span: str, country: str) -> None:
    assert find(resolve(text, on=None), span).country == country


@pytest.mark.parametrize(
    ("text", "span", "country", "sector"),
    [
        ("The Libyans protested for a week.", "Libyans", "LBY", "CVL"),
        ("Paris said it would send envoys.", "Paris", "FRA", "GOV"),
        ("Talks were held in Paris on Monday.", "Paris", "FRA", None),
        ("Fighting erupted in central Baghdad.", "Baghdad", "IRQ", None),
        ("Iraqi gunmen opened fire.", "Iraqi gunmen", "IRQ", "REB"),
        ("Russian aircraft bombed the town.", "Russian aircraft", "RUS", "MIL"),
    ],
)
def test_sector_rules(resolve, text: str, span: str, country: str, sector: str | None) -> None:
    mention = find(resolve(text, on=ON), span)
    assert (mention.country, mention.sector) == (country, sector)


@pytest.mark.parametrize(
    ("text", "span", "sector"),
    [
        # No article date: the title says he is in office, whatever his latest office was.
        ("President Hosni Mubarak met the envoy.", "President Hosni Mubarak", "GOV"),
        ("Former President Hosni Mubarak met the envoy.", "Former President Hosni Mubarak", "ELI"),
    ],
)
def test_title_picks_the_office_when_the_date_is_unknown(resolve, text: str, span: str, sector: str) -> None:
    mention = find(resolve(text, on=None), span)
    assert (mention.country, mention.sector) == ("EGY", sector)


@pytest.mark.parametrize(
    ("text", "span", "country", "sector"),
    [
        ("According to Minsk, the drone was Ukrainian.", "Minsk", "BLR", "GOV"),
        ("A letter from Kyiv arrived on Monday.", "Kyiv", "UKR", "GOV"),
        ("Kremlin spokesman Dmitry Peskov spoke on Monday.", "Kremlin spokesman Dmitry Peskov", "RUS", "GOV"),
        ("The spokesman declined to comment.", "spokesman", None, "GOV"),
    ],
)
def test_government_metonymy_and_spokesmen(resolve, text, span, country, sector) -> None:
    mention = find(resolve(text, on=ON), span)
    assert (mention.country, mention.sector) == (country, sector)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("He cited intelligence-gathering flights near the border.", "intelligence"),
        ("He noted the rising levels of US aerial activity.", "levels of US"),
    ],
)
def test_compounds_and_modifiers_are_not_chained(resolve, text: str, absent: str) -> None:
    assert absent not in [m.text for m in resolve(text, on=ON)]


def test_pro_country_names_a_loyalty_not_the_country(resolve) -> None:
    mentions = resolve("Pro-Russian separatists seized the building.", on=ON)
    assert find(mentions, "separatists").country is None
    assert "RUS" not in [m.country for m in mentions]


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Michael Jordan scored forty points.", "JOR"),
        ("Paris Hilton opened a shop.", "FRA"),
    ],
)
def test_place_names_inside_person_names_are_not_actors(resolve, text: str, country: str) -> None:
    assert country not in [m.country for m in resolve(text, on=ON)]


@pytest.mark.parametrize(
    ("text", "span", "country", "sector"),
    [
        ("Russia's Security Council met on Friday.", "Russia's Security Council", "RUS", "GOV"),
        ("The UN Security Council met on Friday.", "UN Security Council", "UNO", "GOV"),
        ("The Security Council met on Friday.", "Security Council", "UNO", "GOV"),
        ("Belarus's State Border Committee reported it.", "Belarus's State Border Committee", "BLR", "MIL"),
    ],
)
def test_national_body_after_a_country(resolve, text: str, span: str, country: str, sector: str) -> None:
    mention = find(resolve(text, on=ON), span)
    assert (mention.country, mention.sector) == (country, sector)


@pytest.mark.parametrize(
    ("text", "span", "country", "sector"),
    [
        ("Khrenin told state television that NATO was preparing for war.", "Khrenin", "BLR", "MIL"),
        ("Khrenin told state television that NATO was preparing for war.", "state television", None, "GOV"),
        ("The Ukrainian General Staff said so.", "Ukrainian General Staff", "UKR", "MIL"),
    ],
)
def test_mission_phrasings(resolve, text: str, span: str, country: str | None, sector: str) -> None:
    mention = find(resolve(text, on=ON), span)
    assert (mention.country, mention.sector) == (country, sector)
