"""People resolve to the office they hold at the article date; users extend the list by file."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from tests.unit.actors.helpers import find

from tocsin.actors import load_actor_dictionary


@pytest.mark.parametrize(
    ("text", "span", "on", "country", "sector"),
    [
        # Shoigu: defence minister until May 2024, then Security Council secretary.
        ("Sergei Shoigu inspected the troops.", "Sergei Shoigu", dt.date(2023, 3, 1), "RUS", "MIL"),
        ("Sergei Shoigu inspected the troops.", "Sergei Shoigu", dt.date(2024, 6, 1), "RUS", "GOV"),
        # Belousov: deputy prime minister, then defence minister from May 2024.
        ("Andrei Belousov visited the front.", "Andrei Belousov", dt.date(2023, 3, 1), "RUS", "GOV"),
        ("Andrei Belousov visited the front.", "Andrei Belousov", dt.date(2024, 6, 1), "RUS", "MIL"),
        # Trump: president, former president (ELI), president again.
        ("Donald Trump spoke in Ohio.", "Donald Trump", dt.date(2018, 1, 1), "USA", "GOV"),
        ("Donald Trump spoke in Ohio.", "Donald Trump", dt.date(2022, 1, 1), "USA", "ELI"),
        ("Donald Trump spoke in Ohio.", "Donald Trump", dt.date(2025, 6, 1), "USA", "GOV"),
        ("Joe Biden spoke in Ohio.", "Joe Biden", dt.date(2022, 1, 1), "USA", "GOV"),
        ("Viktor Khrenin said the brigade was ready.", "Viktor Khrenin", dt.date(2022, 11, 1), "BLR", "MIL"),
        ("Andriy Demchenko said no threat was seen.", "Andriy Demchenko", dt.date(2024, 7, 1), "UKR", "MIL"),
        ("Volodymyr Zelensky addressed the nation.", "Volodymyr Zelensky", dt.date(2024, 7, 1), "UKR", "GOV"),
        ("Dmitry Peskov told reporters so.", "Dmitry Peskov", dt.date(2024, 7, 1), "RUS", "GOV"),
        # A title and the country in front of the person join the mention.
        (
            "Russian Defence Minister Sergei Shoigu arrived.",
            "Russian Defence Minister Sergei Shoigu",
            dt.date(2023, 3, 1),
            "RUS",
            "MIL",
        ),
    ],
)
def test_person_resolves_to_role_on_date(resolve, text, span, on, country, sector) -> None:
    mention = find(resolve(text, on=on), span)
    assert (mention.country, mention.sector, mention.kind) == (country, sector, "person")


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Mr. Lukashenko said the exercises would continue.", "Lukashenko"),
        ("Alexander Lukashenko met the governor. Later Lukashenko left.", "Lukashenko"),
        ("President Lukashenko said so.", "President Lukashenko"),
    ],
)
def test_surname_resolves_with_support(resolve, text: str, span: str) -> None:
    mention = find(resolve(text, on=dt.date(2024, 7, 1)), span)
    assert (mention.country, mention.sector) == ("BLR", "GOV")


def test_unknown_date_takes_the_open_ended_role(resolve) -> None:
    mention = find(resolve("Sergei Shoigu spoke.", on=None), "Sergei Shoigu")
    assert (mention.country, mention.sector) == ("RUS", "GOV")  # Security Council, since 2024


def test_person_without_a_role_on_the_date_is_not_an_actor(resolve) -> None:
    mentions = resolve("Andrei Belousov spoke.", on=dt.date(2010, 1, 1))
    assert "Andrei Belousov" not in [m.text for m in mentions]


def _write_jsonl(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def test_user_file_adds_a_dated_defence_minister(tmp_path: Path, resolve) -> None:
    extra = _write_jsonl(
        tmp_path / "my_people.jsonl",
        [
            {
                "id": "user:kovalzyk:defmin",
                "name": "Taras Kovalzyk",
                "aliases": [],
                "country": "UKR",
                "sector": "MIL",
                "role": "Minister of Defence of Ukraine",
                "valid_from": "2031-03-01",
                "valid_to": None,
            }
        ],
    )
    dictionary = load_actor_dictionary(extra_files=(extra,))
    text = "Taras Kovalzyk said the brigade was ready."
    after = find(resolve(text, on=dt.date(2031, 6, 1), dictionary=dictionary), "Taras Kovalzyk")
    assert (after.country, after.sector, after.entry) == ("UKR", "MIL", "user:kovalzyk:defmin")
    before = resolve(text, on=dt.date(2031, 1, 1), dictionary=dictionary)
    assert all(m.country != "UKR" for m in before)
    # The built-in dictionary knows nothing of him.
    assert all(m.country != "UKR" for m in resolve(text, on=dt.date(2031, 6, 1)))


def test_user_file_adds_a_group(tmp_path: Path, resolve) -> None:
    extra = _write_jsonl(
        tmp_path / "groups.jsonl",
        [
            {
                "type": "org",
                "id": "user:bzf",
                "kind": "group",
                "country": "BLR",
                "sector": "REB",
                "names": ["Brest Zubr Front"],
            }
        ],
    )
    dictionary = load_actor_dictionary(extra_files=(extra,))
    mentions = resolve("The Brest Zubr Front claimed the attack.", dictionary=dictionary)
    mention = find(mentions, "Brest Zubr Front")
    assert (mention.country, mention.sector, mention.kind) == ("BLR", "REB", "group")


def test_shared_surname_resolved_by_the_given_names(tmp_path: Path, resolve) -> None:
    extra = _write_jsonl(
        tmp_path / "people.jsonl",
        [
            {"id": "u:1", "name": "Omar Hassan Zzbashir", "country": "SDN", "sector": "GOV"},
            {"id": "u:2", "name": "Salah Zzbashir", "country": "JOR", "sector": "GOV"},
        ],
    )
    dictionary = load_actor_dictionary(extra_files=(extra,))
    text = "President Omar Hassan al-Zzbashir spoke in Khartoum."
    mentions = resolve(text, dictionary=dictionary)
    assert [m.country for m in mentions if "Zzbashir" in m.text] == ["SDN"]


def test_after_full_name_surname_needs_full_name_or_title(tmp_path: Path, resolve) -> None:
    extra = _write_jsonl(
        tmp_path / "people.jsonl",
        [
            {
                "id": "u:zz",
                "name": "Jean Bertrand Zzaristide",
                "country": "HTI",
                "sector": "GOV",
                "surname_match": "after-full-name",
            }
        ],
    )
    dictionary = load_actor_dictionary(extra_files=(extra,))
    titled = resolve("Troops protected President Jean-Bertrand Zzaristide.", dictionary=dictionary)
    assert find(titled, "President Jean-Bertrand Zzaristide").country == "HTI"
    bare = resolve("Zzaristide spoke on the radio.", dictionary=dictionary)
    assert "HTI" not in [m.country for m in bare]


def test_surname_after_the_full_name(resolve) -> None:
    mentions = resolve("Kamala Harris spoke in Ohio. Later Harris left.", on=dt.date(2022, 7, 5))
    assert [m.country for m in mentions if m.text == "Harris"] == ["USA"]


def test_other_words_of_the_name_must_be_the_persons(resolve) -> None:
    # Kamala Harris's surname, but the NER's name "Ed Harris" has a word she lacks.
    assert resolve("Ed Harris starred in the film.", on=dt.date(2022, 7, 5)) == ()
