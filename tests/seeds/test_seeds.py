"""The seed articles: every row of EXPECTED.md, checked on the full pipeline.

Each (row, dimension) pair of ``tocsin.evaluate.seeds.CHECKS`` is its own test, so a
failure names the row and the dimension at once. "Must" and "must not" rows assert;
"should" rows are the quality bar beyond acceptance and are reported (XPASS / XFAIL),
not failed, as STYLE.md asks: ``tocsin eval seeds --gold ../shared/seeds`` prints them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tocsin.evaluate.seeds import (
    CHECKS,
    Context,
    Row,
    code_seeds,
    load_rows,
    load_seed_articles,
    sentence_cells,
    sentence_events,
)
from tocsin.records import CodedArticle

ROWS = load_rows()
_SHOULD_MARK = pytest.mark.xfail(reason="a 'should' row: reported, not failed", strict=False)
# The issue each dimension belongs to (for ``pytest -m "issue(3)"``-style selection).
_ISSUE = {"event": 2, "date": 2, "roles": 3, "place": 4, "attribution": 5, "not asserted": 2}


def _cases() -> list:
    cases = []
    for row in ROWS:
        for dimension, applies, check in CHECKS:
            if not applies(row):
                continue
            marks = [pytest.mark.issue(_ISSUE[dimension])]
            if row.level == "should":
                marks.append(_SHOULD_MARK)
            cases.append(pytest.param(row, check, marks=marks, id=f"{row.id}:{dimension}"))
    return cases


@pytest.fixture(scope="module")
def coded(shared_dir: Path, resources) -> dict[tuple[str, bool], CodedArticle]:
    return code_seeds(shared_dir / "seeds", resources)


@pytest.fixture(scope="module")
def context(coded, shared_dir: Path) -> Context:
    return Context(coded, sentence_cells(shared_dir / "seeds" / "EXPECTED.md"))


def test_every_row_of_expected_md_is_read(context: Context) -> None:
    rows = {(r.seed, r.row) for r in ROWS}
    assert rows == set(context.cells), set(context.cells) ^ rows


@pytest.mark.parametrize(("row", "check"), _cases())
def test_seed_row(context: Context, row: Row, check) -> None:
    check(context, row)


@pytest.mark.issue(4)
def test_undated_article_keeps_unknown_year(coded, context: Context) -> None:
    """Without a publication date, "June 28" never takes the year of the run."""
    row = next(r for r in ROWS if r.id == "004#5")
    events = sentence_events(coded[("004", False)], context.cells[("004", "5")])
    assault = [e for e in events if e.event == "ASSAULT"]
    assert assault
    this_year = str(dt.date.today().year)
    for event in assault:
        assert event.date is None or not event.date.startswith(this_year)
        assert event.date is None or event.date.endswith("06-28")
    assert row.date == ("2024-06-28",)
    times = [t for t in coded[("004", False)].times if t.value and t.value.endswith("06-28")]
    assert times and all(t.year_source in {"unknown", "text"} for t in times)


@pytest.mark.issue(5)
def test_specificity_marks_the_generated_rewrite_low(coded) -> None:
    scores = {seed.seed: coded[(seed.seed, True)].specificity for seed in load_seed_articles()}
    assert scores["000"] is not None
    assert scores["000"] + 0.15 <= min(scores["001"], scores["004"]), scores
