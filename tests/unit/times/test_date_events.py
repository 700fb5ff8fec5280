"""date_events: each event takes the date that governs its trigger, else the publication month."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.helpers import event_at

from tocsin.times import date_events, normalise_times

JULY_2 = dt.date(2024, 7, 2)


def _date(nlp, text: str, trigger: str, published: dt.date | None):
    doc = nlp(text)
    times = normalise_times(doc, anchor=published)
    (event,) = date_events(doc, (event_at(doc, trigger),), times, published=published)
    return event.date, event.date_precision, event.date_source


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        (
            "The ministry said its air defence units had downed a small drone on June 28.",
            "downed",
            ("2024-06-28", "day", "sentence"),
        ),
        (
            "In late 2022, Russia moved several battalions into Belarus.",
            "moved",
            ("2022-Q4", "quarter", "sentence"),
        ),
        (
            "On July 8 and 9, Uzbekistan will host a forum, which both presidents are expected to attend.",
            "attend",
            ("2024-07-08/2024-07-09", "interval", "sentence"),
        ),
        (
            "Early last year, Minsk drew notice after the Kremlin revealed plans to station missiles.",
            "station",
            ("2023-Q1", "quarter", "sentence"),
        ),
        (
            "On October 10, the president announced the creation of a combined northern force.",
            "creation",
            ("2023-10-10", "day", "sentence"),
        ),
        # The statement is dated; the troop movement it reports is not.
        (
            "In a June 25 statement, the ministry blamed the move on claims that Warsaw was moving troops.",
            "moving",
            ("2024-07", "month", "article"),
        ),
        # No time in the sentence: the month of publication, said as such.
        ("Polish officials have rejected the accusations.", "rejected", ("2024-07", "month", "article")),
        # A duration does not date an event.
        ("The army held drills for three weeks.", "held", ("2024-07", "month", "article")),
    ],
)
def test_event_takes_the_date_that_governs_it(nlp, text, trigger, expected):
    assert _date(nlp, text, trigger, JULY_2) == expected


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # The statement goes on in the next sentence: it keeps the date of the saying.
        (
            "A spokesman said in a radio interview on July 1 that the claims were false.\n"
            "He stated the claims were part of a smear operation.",
            "operation",
            ("2024-07-01", "day", "sentence"),
        ),
        # The next sentence is not the speaker going on: no date carried over.
        (
            "A spokesman said in a radio interview on July 1 that the claims were false.\n"
            "The army launched an operation near the border.",
            "operation",
            ("2024-07", "month", "article"),
        ),
    ],
)
def test_a_continued_statement_keeps_the_date_of_the_saying(nlp, text, trigger, expected):
    assert _date(nlp, text, trigger, JULY_2) == expected


@pytest.mark.parametrize(
    ("second", "expected"),
    [
        (
            "Soon afterward, the Belarusian army announced that missile systems were ready.",
            ("2022-Q4", "quarter", "sentence"),
        ),
        ("The Belarusian army announced that missile systems were ready.", ("2024-07", "month", "article")),
    ],
)
def test_a_sequence_adverb_takes_the_date_before(nlp, second, expected):
    text = "In late 2022, Russia moved thousands of soldiers into Belarus.\n" + second
    assert _date(nlp, text, "announced", JULY_2) == expected


def test_each_event_takes_its_own_clause_date(nlp):
    text = "Troops crossed the border on June 28 and the army will withdraw them on July 15."
    doc = nlp(text)
    times = normalise_times(doc, anchor=JULY_2)
    events = (event_at(doc, "crossed"), event_at(doc, "withdraw"))
    dated = date_events(doc, events, times, published=JULY_2)
    assert [e.date for e in dated] == ["2024-06-28", "2024-07-15"]


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        (
            "The ministry said its gunners had downed a drone on June 28.",
            "downed",
            ("XXXX-06-28", "day", "sentence"),
        ),
        ("Polish officials have rejected the accusations.", "rejected", (None, "unknown", None)),
    ],
)
def test_without_publication_date(nlp, text, trigger, expected):
    assert _date(nlp, text, trigger, None) == expected


def test_date_events_returns_new_records_and_keeps_the_input(nlp):
    doc = nlp("Rebels attacked the base on June 28.")
    event = event_at(doc, "attacked")
    times = normalise_times(doc, anchor=JULY_2)
    (dated,) = date_events(doc, (event,), times, published=JULY_2)
    assert event.date is None and dated.date == "2024-06-28"
    assert date_events(doc, (), times, published=JULY_2) == ()
