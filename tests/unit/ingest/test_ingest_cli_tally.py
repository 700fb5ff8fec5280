"""The ingest command's summary line and exit status, from what a run counted."""

from __future__ import annotations

import pytest

from tocsin.cli.ingest import EXIT_FAILED, EXIT_OK, EXIT_PARTIAL, IngestTally


@pytest.mark.parametrize(
    ("read", "problems", "code"),
    [
        (5, 0, EXIT_OK),  # everything read (new or already stored)
        (5, 2, EXIT_PARTIAL),  # some inputs bad, others read
        (0, 3, EXIT_FAILED),  # every input bad
        (0, 0, EXIT_FAILED),  # nothing found at all (an empty folder)
    ],
)
def test_exit_code(read: int, problems: int, code: int) -> None:
    assert IngestTally(read=read, problems=problems).exit_code() == code


@pytest.mark.parametrize(
    ("tally", "line"),
    [
        (
            IngestTally(read=4, new=3, already_stored=1, events=7, problems=1),
            "4 articles read: 3 new, 1 already stored, 7 events; 1 problem",
        ),
        (IngestTally(), "0 articles read: 0 new, 0 already stored, 0 events; 0 problems"),
    ],
)
def test_summary_line(tally: IngestTally, line: str) -> None:
    assert tally.summary() == line
