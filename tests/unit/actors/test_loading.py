"""Loading the actor data files: validation errors name file, line and field."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from tocsin.actors import load_actor_dictionary, resolve_actors
from tocsin.actors.loading import BUILTIN_FILES, builtin_dir, read_entries
from tocsin.errors import DataFileError


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"id": "p", "name": "A B", "country": "ukr", "sector": "MIL"}', "[country]"),
        ('{"id": "p", "name": "A B", "country": "UKR", "valid_from": "2024-13-01"}', "[valid_from]"),
        (
            '{"id": "p", "name": "A B", "country": "UKR", '
            '"valid_from": "2024-05-01", "valid_to": "2024-01-01"}',
            "[valid_to]",
        ),
        ('{"id": "a", "names": ["police"], "sector": "POLICE"}', "[sector]"),
        ('{"id": "c", "iso3": "UKR", "names": [""]}', "[names"),
        ('{"id": "o", "type": "org", "names": ["X"], "kind": "castle"}', "[kind]"),
        ('{"id": "x", "type": "planet", "names": ["Mars"]}', "type"),
        ('{"id": "a", "names": ["police"], "sector": "COP", "colour": "blue"}', "[colour]"),
        ("not json", "not valid JSON"),
    ],
)
def test_bad_line_is_reported_with_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "extra.jsonl"
    path.write_text("# a comment line\n\n" + line + "\n", encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        list(read_entries(path))
    assert f"{path}:3:" in str(err.value)
    assert message in str(err.value)


def test_duplicate_id_names_both_places(tmp_path: Path) -> None:
    path = tmp_path / "extra.jsonl"
    path.write_text('{"id": "agent:police", "names": ["bobby"], "sector": "COP"}\n', encoding="utf-8")
    with pytest.raises(DataFileError, match=r"duplicate id 'agent:police' \(first at .*agents.jsonl:\d+\)"):
        load_actor_dictionary(extra_files=(path,))


def test_missing_extra_file_is_a_data_file_error(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="cannot read"):
        list(read_entries(tmp_path / "nope.jsonl"))


@pytest.mark.parametrize("name", BUILTIN_FILES)
def test_builtin_file_is_valid_and_has_provenance(name: str) -> None:
    path = builtin_dir() / name
    assert sum(1 for _ in read_entries(path)) > 0
    about = path.with_name(path.name + ".about.md")
    assert about.exists(), f"{name} has no provenance sidecar"
    text = about.read_text(encoding="utf-8").lower()
    for heading in ("source", "licence", "date", "known problems"):
        assert heading in text, f"{about.name} does not say its {heading}"


def test_dictionary_pickles_for_batch_workers(actor_dictionary, nlp) -> None:
    copy = pickle.loads(pickle.dumps(actor_dictionary))
    doc = nlp("Minsk said Ukrainian officials lied.")
    assert resolve_actors(doc, copy, on=None) == resolve_actors(doc, actor_dictionary, on=None)
