"""Loading, validation errors, and user trigger files layered over the built-ins."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.unit.events.conftest import primary

from tocsin.errors import DataFileError
from tocsin.events import load_event_rules


def test_ontology_has_the_sixteen_plover_types(rules) -> None:
    assert len(rules.event_types) == 16
    required = {k for k, v in rules.event_types.items() if v.requires_recipient}
    assert required == {"COOPERATE", "AID", "SANCTION"}
    assert rules.quad("ASSAULT") == "material_conflict"
    assert rules.quad("AGREE") == "verbal_cooperation"


def test_user_trigger_file_codes_a_new_phrase(tmp_path: Path, code) -> None:
    text = "Kenya berated Uganda on Monday."
    assert not any(e.event == "ACCUSE" for e in code(text))
    extra = tmp_path / "triggers.jsonl"
    entry = {"id": "user.berate", "lemma": "berate", "pos": ["VERB"], "event": "ACCUSE", "mode": "disapprove"}
    extra.write_text(json.dumps(entry) + "\n", encoding="utf-8")
    user_rules = load_event_rules(extra_files=(extra,))
    coded = primary(code(text, with_rules=user_rules))
    assert coded.event == "ACCUSE" and coded.mode == "disapprove"
    assert coded.coder.endswith(":user.berate")


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"id": "bad.event", "lemma": "zap", "event": "ZAP"}, "[event] unknown event 'ZAP'"),
        ({"id": "bad.mode", "lemma": "zap", "event": "ASSAULT", "mode": "laser"}, "[mode] 'laser'"),
        ({"id": "bad.field", "lemma": "zap", "event": "ASSAULT", "colour": "red"}, "[colour]"),
        ({"lemma": "zap", "event": "ASSAULT"}, "[id]"),
    ],
)
def test_bad_user_file_reports_file_and_line(tmp_path: Path, entry: dict, message: str) -> None:
    extra = tmp_path / "bad.jsonl"
    extra.write_text("\n" + json.dumps(entry) + "\n", encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        load_event_rules(extra_files=(extra,))
    assert f"{extra}:2:" in str(err.value)
    assert message in str(err.value)


def test_missing_user_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="not found"):
        load_event_rules(extra_files=(tmp_path / "nope.jsonl",))


def test_user_trigger_phrase_with_attached_word(tmp_path: Path, code) -> None:
    text = "Russia rattled its saber at Estonia on Monday."
    assert not any(e.event == "THREATEN" for e in code(text))
    extra = tmp_path / "phrases.jsonl"
    entry = {"id": "user.saber_rattling", "lemma": "rattle", "with_all": ["saber"], "event": "THREATEN"}
    extra.write_text(json.dumps(entry) + "\n", encoding="utf-8")
    coded = primary(code(text, with_rules=load_event_rules(extra_files=(extra,))))
    assert coded.event == "THREATEN"
    assert [a.country for a in coded.actor] == ["RUS"]
    assert [r.country for r in coded.recipient] == ["EST"]
