"""normalise_times: (text, anchor) -> the mention's text, value and precision."""

from __future__ import annotations

import datetime as dt

import pytest

from tocsin.times import normalise_times

JULY_2 = dt.date(2024, 7, 2)  # a Tuesday
MARCH_22 = dt.date(2013, 3, 22)  # a Friday


def _only(nlp, text: str, anchor: dt.date | None, expected_text: str):
    mentions = [m for m in normalise_times(nlp(text), anchor=anchor) if m.text == expected_text]
    assert len(mentions) == 1, normalise_times(nlp(text), anchor=anchor)
    return mentions[0]


@pytest.mark.parametrize(
    ("text", "span", "value", "precision"),
    [
        ("The drone was downed on June 28, officials said.", "June 28", "2024-06-28", "day"),
        ("The deal was signed on 28 June 2024 in Minsk.", "28 June 2024", "2024-06-28", "day"),
        ("The file is dated 2024-06-28 in the archive.", "2024-06-28", "2024-06-28", "day"),
        ("The talks were held on Monday, June 3, 2019.", "Monday, June 3, 2019", "2019-06-03", "day"),
        ("The war began in February 2022.", "February 2022", "2022-02", "month"),
        ("The plant was built in 1957.", "1957", "1957", "year"),
        ("In late 2022, Russia moved troops.", "late 2022", "2022-Q4", "quarter"),
        ("Early last year, Poland made headlines.", "Early last year", "2023-Q1", "quarter"),
        ("Prices rose in mid-2023.", "mid-2023", "2023-05/2023-08", "interval"),
        ("The unit was formed in early June.", "early June", "2024-06-01/2024-06-10", "interval"),
        ("The rebels attacked last summer.", "last summer", "2023-SU", "season"),
        ("The reform passed in the summer of 2019.", "the summer of 2019", "2019-SU", "season"),
        ("Sales fell in the third quarter of 2023.", "the third quarter of 2023", "2023-Q3", "quarter"),
        ("The envoy arrived yesterday.", "yesterday", "2024-07-01", "day"),
        ("The envoy arrives tomorrow.", "tomorrow", "2024-07-03", "day"),
        ("Two people were hurt last week.", "last week", "2024-06-24/2024-06-30", "interval"),
        ("The ministry spoke two days ago.", "two days ago", "2024-06-30", "day"),
        ("Inflation peaked last month.", "last month", "2024-06", "month"),
        ("Elections are due next year.", "next year", "2025", "year"),
        ("The plant closed half a decade ago.", "half a decade ago", "2019", "year"),
        ("In 2008 the bank failed; the following year it was sold.", "the following year", "2009", "year"),
        ("Theresa May resigned in May 2019.", "May 2019", "2019-05", "month"),
        ("It happened in the 1990s.", "the 1990s", "1990/1999", "interval"),
        (
            "On July 8 and 9, Uzbekistan will host a forum.",
            "July 8 and 9",
            "2024-07-08/2024-07-09",
            "interval",
        ),
        ("Fighting has raged since February 2022.", "since February 2022", "2022-02/2024-07-02", "interval"),
        (
            "Talks ran between May 2023 and June 2024.",
            "between May 2023 and June 2024",
            "2023-05/2024-06",
            "interval",
        ),
        ("Earlier this year, the army mobilised reservists.", "Earlier this year", "2024", "year"),
        ("The ban runs until July 5.", "until July 5", "2024-07-02/2024-07-05", "interval"),
        ("He ruled from 1994 to 2020.", "from 1994 to 2020", "1994/2020", "interval"),
        ("Profits rose in fiscal 1998.", "fiscal 1998", "1998", "year"),
        ("Races: 28/29 July at Snetterton.", "28/29 July", "2024-07-28/2024-07-29", "interval"),
        ("Shelling continued late Friday.", "late Friday", "2024-06-28", "day"),
        ("The truce began at midnight on Sunday.", "midnight on Sunday", "2024-06-30", "day"),
        ("The quake struck at 4:17 a.m. on Feb. 6, 2023.", "4:17 a.m. on Feb. 6, 2023", "2023-02-06", "day"),
        ("Over the weekend, drones struck Odesa.", "the weekend", "2024-06-29/2024-06-30", "interval"),
        ("Rebels took the town in the fall.", "the fall", "2023-FA", "season"),
        # Narrative days count from the last day written, not from publication.
        ("On June 3 rebels attacked; the following day they left.", "the following day", "2024-06-04", "day"),
    ],
)
def test_dates_against_an_anchor(nlp, text, span, value, precision):
    mention = _only(nlp, text, JULY_2, span)
    assert (mention.value, mention.precision) == (value, precision)
    assert text[mention.start : mention.end] == mention.text


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Flights intensified in recent weeks.", "recent weeks", "PXW"),
        ("He served 90 days in jail.", "90 days", "P90D"),
        ("The trip took about a month.", "about a month", "P1M"),
        ("It was the worst flu in a decade.", "a decade", "P10Y"),
        ("The buyback could take 18 months.", "18 months", "P18M"),
        ("She checked the air every morning.", "every morning", "XXXX-XX-XXTMO"),
        ("The committee meets weekly.", "weekly", "XXXX-WXX"),
        ("It took half an hour to clear the road.", "half an hour", "PT0.5H"),
        ("The troops stayed for 2.5 years.", "2.5 years", "P2.5Y"),
        ("The feud lasted two decades.", "two decades", "P20Y"),
    ],
)
def test_durations_and_sets_keep_their_timeml_value(nlp, text, span, value):
    mention = _only(nlp, text, JULY_2, span)
    assert mention.value == value
    assert mention.precision == "unknown"


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        # Past verb: the latest Monday on or before the anchor (a Tuesday).
        ("The minister resigned on Monday.", "Monday", "2024-07-01"),
        # Future verb: the first Monday after.
        ("The minister will resign on Monday.", "Monday", "2024-07-08"),
        ("Russia to hold drills on Monday", "Monday", "2024-07-08"),
        # A day in the anchor's month, told in the past, is this year's...
        ("Rebels attacked the base on June 28.", "June 28", "2024-06-28"),
        # ...and a later day of the year told in the past is last year's.
        ("Rebels attacked the base on August 28.", "August 28", "2023-08-28"),
        # A coming day told in the future is this year's.
        ("Kazakhstan will host the summit on July 3.", "July 3", "2024-07-03"),
        # An earlier day of the year told in the future is next year's.
        ("The court will rule on March 3.", "March 3", "2025-03-03"),
        ("The army withdrew in August.", "August", "2023-08"),
        ("Voting will start in August.", "August", "2024-08"),
    ],
)
def test_tense_of_the_governing_verb_picks_the_occurrence(nlp, text, span, value):
    mention = _only(nlp, text, JULY_2, span)
    assert mention.value == value


def test_a_written_weekday_settles_the_year(nlp):
    mention = _only(nlp, "The envoys met on Monday 12 November.", dt.date(2012, 5, 10), "Monday 12 November")
    assert mention.value == "2012-11-12"  # a Monday; the past tense alone would say 2011


def test_tense_is_recorded(nlp):
    text = "Rebels attacked the base on June 28 and will return on July 5."
    by_text = {m.text: m.tense for m in normalise_times(nlp(text), anchor=JULY_2)}
    assert by_text == {"June 28": "past", "July 5": "future"}


@pytest.mark.parametrize(
    ("text", "span", "value", "precision", "year_source"),
    [
        ("The drone was downed on June 28.", "June 28", "XXXX-06-28", "day", "unknown"),
        ("The drone was downed in June.", "June", "XXXX-06", "month", "unknown"),
        ("The troops left on Friday.", "Friday", "XXXX-WXX-5", "day", "unknown"),
        ("In late 2022, Russia moved troops.", "late 2022", "2022-Q4", "quarter", "text"),
        ("The envoy arrived yesterday.", "yesterday", None, "unknown", "unknown"),
        # A full date in the text anchors the year of the others, and says so.
        (
            "On July 2, 2024, the ministry said a drone was downed on June 28.",
            "June 28",
            "2024-06-28",
            "day",
            "text",
        ),
    ],
)
def test_without_a_publication_date_the_year_is_never_guessed(nlp, text, span, value, precision, year_source):
    mention = _only(nlp, text, None, span)
    assert (mention.value, mention.precision, mention.year_source) == (value, precision, year_source)


@pytest.mark.parametrize(
    "text",
    [
        "Officials said the talks may resume soon.",
        "Protesters will march on the capital.",
        "April Ryan asked the question.",
        "The army deployed 2008 soldiers to the border.",
        "Children ages 6 months and older should be vaccinated.",
        "He is a 22-year-old student.",
        "After the fall of Kabul, the Taliban took power.",
        "The fall in oil prices hurt Russia.",
        "Veterans of the Long March gathered in Beijing.",
        "Theresa May said Britain would leave.",
        "A quarter of the vote went to the opposition.",
        "She was outside the car at the time of the attack.",
        "The Future Technology Week opens in Berlin.",
        "The Daily Beast reported the story.",
    ],
)
def test_words_that_only_look_like_times_are_left_alone(nlp, text):
    assert normalise_times(nlp(text), anchor=JULY_2) == ()


def test_mentions_are_sorted_and_slice_the_text(nlp):
    text = "On Friday the FAA said closures start on April 7, after a four-week review begun in 2010."
    mentions = normalise_times(nlp(text), anchor=MARCH_22)
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)
    assert all(text[m.start : m.end] == m.text for m in mentions)
    assert [m.value for m in mentions] == ["2013-03-22", "2013-04-07", "P4W", "2010"]


def test_empty_text_gives_no_times(nlp):
    assert normalise_times(nlp(""), anchor=JULY_2) == ()


def test_a_date_in_the_text_sets_years_but_not_deictic_days(nlp):
    text = "On July 2, 2024, the ministry said a drone was downed on June 28 and another yesterday."
    values = {m.text: (m.value, m.year_source) for m in normalise_times(nlp(text), anchor=None)}
    assert values["June 28"] == ("2024-06-28", "text")
    assert values["yesterday"] == (None, "unknown")


@pytest.mark.parametrize(
    "text",
    [
        "\n\n  \n",
        "It was due on 31 February and on Feb. 30, 2023.",
        "The clock read 25:99 GMT and 13 p.m. on Monday.",
        "Sales in Q5 2020 and the 0th century rose.",
        "It took 99999 years, 1,000,000 days and 2.5.6 weeks.",
        "Between 2024 and 2020 nothing — from June to June — happened.",
        "| Month | May | June |\n|---|---|---|\n| 2024 | 3 | 4 |",
    ],
)
def test_odd_text_never_breaks_and_always_slices(nlp, text):
    for anchor in (JULY_2, None):
        for mention in normalise_times(nlp(text), anchor=anchor):
            assert text[mention.start : mention.end] == mention.text
            assert mention.value is None or "02-3" not in mention.value  # no February 30/31
            if mention.precision == "interval" and mention.value and ".." not in mention.value:
                first, last = mention.value.split("/")
                assert first <= last
