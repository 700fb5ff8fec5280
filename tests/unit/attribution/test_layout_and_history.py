"""Layout reading (headings, bullets, tables) and the historical flag."""

from __future__ import annotations

import datetime as dt

import pytest

from tocsin.attribution.historical import earliest_day, is_historical, latest_day
from tocsin.attribution.layout import read_layout

ARTICLE = (
    "Border Tensions Rise\n"
    "Troops moved closer to the frontier on Monday.\n"
    "What Western Capitals Should Do\n"
    "The steps below would ease tensions:\n"
    "- Open a hotline between the two general staffs.\n"
    "| Action | Expected Impact |\n"
    "|---|---|\n"
    "| Renew talks | Fewer incidents |\n"
    "A Second Cold War?\n"
)


@pytest.mark.parametrize(
    ("needle", "kind", "heading", "lead_in"),
    [
        ("Border Tensions Rise", "heading", "Border Tensions Rise", None),
        ("Troops moved", "prose", "Border Tensions Rise", None),
        (
            "- Open a hotline",
            "bullet",
            "What Western Capitals Should Do",
            "The steps below would ease tensions:",
        ),
        (
            "| Renew talks",
            "table_row",
            "What Western Capitals Should Do",
            "The steps below would ease tensions:",
        ),
        ("|---|", "table_rule", "What Western Capitals Should Do", None),
        ("A Second Cold War?", "heading", "A Second Cold War?", None),
    ],
)
def test_line_kinds_headings_and_lead_ins(needle: str, kind: str, heading: str, lead_in: str | None) -> None:
    line = read_layout(ARTICLE).line_at(ARTICLE.index(needle))
    assert line is not None
    assert (line.kind, line.heading, line.lead_in) == (kind, heading, lead_in)


def test_table_cells_have_offsets_and_headers() -> None:
    offset = ARTICLE.index("Fewer incidents")
    line = read_layout(ARTICLE).line_at(offset)
    assert line is not None
    assert line.header_cells == ("Action", "Expected Impact")
    assert line.cell_at(offset) == (1, "Fewer incidents")
    for start, end, text in line.cells():
        assert ARTICLE[start:end] == text


@pytest.mark.parametrize(
    ("value", "last", "first"),
    [
        ("2024-06-28", dt.date(2024, 6, 28), dt.date(2024, 6, 28)),
        ("2024-06", dt.date(2024, 6, 30), dt.date(2024, 6, 1)),
        ("2022", dt.date(2022, 12, 31), dt.date(2022, 1, 1)),
        ("2022-Q4", dt.date(2022, 12, 31), dt.date(2022, 10, 1)),
        ("2023-SP", dt.date(2023, 6, 20), dt.date(2023, 1, 1)),
        ("2024-07-03/2024-07-04", dt.date(2024, 7, 4), dt.date(2024, 7, 3)),
        ("XXXX-06-28", None, None),
        (None, None, None),
    ],
)
def test_date_values_span_their_days(value: str | None, last, first) -> None:
    assert latest_day(value) == last
    assert earliest_day(value) == first


@pytest.mark.parametrize(
    ("text", "date", "published", "historical"),
    [
        ("Moscow dispatched troops to Belarus.", "2022-Q4", dt.date(2024, 7, 2), True),
        ("Moscow dispatched troops to Belarus.", "2024-05", dt.date(2024, 7, 2), False),
        ("In late 2021, Moscow dispatched troops to Belarus.", None, dt.date(2024, 7, 2), True),
        ("Since 1999, the two states have been linked by a treaty.", None, dt.date(2024, 7, 2), True),
        (
            "Early last year, Moscow revealed plans to base weapons there.",
            None,
            dt.date(2024, 7, 2),
            True,
        ),
        ("Two years ago, the army seized the airport.", None, dt.date(2024, 7, 2), True),
        ("Last week the army seized the airport.", None, dt.date(2024, 7, 2), False),
        # Without a publication date the article's latest year is the reference.
        ("In 2019 the army seized the airport. Talks resumed in 2024.", None, None, True),
        ("The army seized the airport on June 28.", "XXXX-06-28", None, False),
    ],
)
def test_historical(nlp, cues, text: str, date: str | None, published, historical: bool) -> None:
    from tocsin.attribution.historical import reference_day

    doc = nlp(text)
    sent = next(iter(doc.sents))
    flag, _reason = is_historical(date, sent, reference_day(doc, published), 180, cues)
    assert flag is historical


@pytest.mark.parametrize(
    ("text", "historical"),
    [
        ("In late 2021, Moscow sent troops into Belarus. Soon afterward, Minsk staged new drills.", True),
        ("Moscow sent troops to Belarus last month. Soon afterward, Minsk staged new drills.", False),
    ],
)
def test_continuation_takes_the_previous_sentence_time(nlp, cues, text: str, historical: bool) -> None:
    doc = nlp(text)
    second = list(doc.sents)[1]
    flag, _reason = is_historical(None, second, dt.date(2024, 7, 2), 180, cues)
    assert flag is historical
