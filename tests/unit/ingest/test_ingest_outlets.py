"""Outlet inference: the article naming itself, not the outlets it quotes or speaks to."""

from __future__ import annotations

from pathlib import Path

import pytest

from tocsin.errors import DataFileError
from tocsin.ingest import default_outlet_patterns, find_outlet, infer_outlet, load_outlet_patterns
from tocsin.ingest.metadata import feed_outlet


@pytest.mark.parametrize(
    ("text", "outlet", "rule"),
    [
        ("MINSK, July 2 (Reuters) - Belarus said on Tuesday...", "Reuters", "wire-dateline"),
        ("KYIV, Ukraine (AP) \u2014 Ukrainian officials dismissed the claim.", "AP", "wire-dateline"),
        (
            "Shelling was heard near the river. The Daily Ledger couldn\u2019t independently "
            "verify the accounts given by the two armies.",
            "The Daily Ledger",
            "could-not-verify",
        ),
        ("Al Jazeera could not independently verify the footage.", "Al Jazeera", "could-not-verify"),
        ("Voice of America was unable to confirm the report.", "Voice of America", "could-not-verify"),
        (
            "The Kyiv Post has reached out to the Belarusian Defense Ministry for comment.",
            "The Kyiv Post",
            "reached-out-for-comment",
        ),
        (
            "Border Daily contacted the ministry for a response but had none by publication.",
            "Border Daily",
            "reached-out-for-comment",
        ),
        (
            "Polesie Radio will continue to follow the talks and provide further updates.",
            "Polesie Radio",
            "will-provide-updates",
        ),
        ("The Baltic Courier will update this story.", "The Baltic Courier", "will-update-this-story"),
        ("\u00a9 2024 Sample Wire. All rights reserved.", "Sample Wire", "copyright-line"),
        ("Copyright 2019-2024 The Baltic Courier", "The Baltic Courier", "copyright-line"),
        (
            "The strike, reported by Polesie Radio, drew protests in the capital.",
            "Polesie Radio",
            "reported-by",
        ),
    ],
)
def test_self_naming_sentences(text: str, outlet: str, rule: str) -> None:
    guess = find_outlet(text, default_outlet_patterns())
    assert guess is not None
    assert (guess.outlet, guess.rule) == (outlet, rule)


@pytest.mark.parametrize(
    "text",
    [
        "A spokesman told the BBC that the drills were routine.",
        "In an interview with CNN, the minister denied the report.",
        "The claim was first reported by Reuters on Monday.",
        "As reported by The Guardian, the talks stalled.",
        "According to Reuters, the troops left on Sunday.",
        "We could not independently verify the footage.",
        "Officials could not confirm the number of casualties.",
        "They couldn't verify the claims.",
        "Belarus said (without evidence) - again - that drones crossed.",
        "the epoch times could not verify it",  # lower case is not a name
        "Belarus will continue to monitor NATO activity near its borders.",
        "Russia will keep its troops in Belarus.",
        "Moscow has asked Minsk to respond to the request.",
        "",
    ],
)
def test_not_self_naming(text: str) -> None:
    assert find_outlet(text, default_outlet_patterns()) is None


def test_earlier_rule_wins_over_earlier_position() -> None:
    text = (
        "This story, reported by Second Source, is developing. "
        "First Source could not independently verify the claims."
    )
    assert infer_outlet(text) == "First Source"


def test_wire_dateline_only_on_the_first_line() -> None:
    text = "Belarus moved troops.\nLater, KYIV (Reuters) - officials said."
    assert infer_outlet(text) is None


@pytest.mark.parametrize(
    ("title", "outlet"),
    [
        ("Sample Wire: Eastern Europe (illustrative feed)", "Sample Wire"),
        ("BBC News - World", "BBC News"),
        ("Example Times | Europe", "Example Times"),
        ("Kyiv-based Daily", "Kyiv-based Daily"),
        ("  ", None),
        (None, None),
    ],
)
def test_feed_outlet(title: str | None, outlet: str | None) -> None:
    assert feed_outlet(title) == outlet


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"id": "x", "pattern": "no placeholder here"}', "[pattern]"),
        ('{"id": "x", "pattern": "{OUTLET} (unclosed"}', "not a valid regular expression"),
        ('{"id": "Bad Id", "pattern": "{OUTLET} said"}', "[id]"),
        ('{"id": "x", "pattern": "{OUTLET} said", "colour": "red"}', "[colour]"),
        ("{not json", "invalid JSON"),
    ],
)
def test_bad_pattern_file_reports_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "patterns.jsonl"
    path.write_text('{"id": "ok", "pattern": "{OUTLET} said"}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        load_outlet_patterns(path)
    assert info.value.line == 2
    assert str(info.value).startswith(f"{path}:2: ")
    assert message in str(info.value)


def test_duplicate_pattern_id_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "patterns.jsonl"
    path.write_text('{"id": "a", "pattern": "{OUTLET} said"}\n{"id": "a", "pattern": "by {OUTLET}"}\n')
    with pytest.raises(DataFileError, match="duplicate id 'a'"):
        load_outlet_patterns(path)


def test_user_pattern_file_is_used(tmp_path: Path) -> None:
    path = tmp_path / "patterns.jsonl"
    path.write_text('{"id": "staff-writer", "pattern": "By {OUTLET} staff"}\n', encoding="utf-8")
    patterns = load_outlet_patterns(path)
    guess = find_outlet("By Baltic Courier staff\nTroops moved.", patterns)
    assert guess is not None and (guess.outlet, guess.rule) == ("Baltic Courier", "staff-writer")
