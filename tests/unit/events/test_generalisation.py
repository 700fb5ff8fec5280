"""The fallback model (tocsin.events.model.v1) and the generated CAMEO trigger layer."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from tests.unit.events.conftest import primary

from tocsin.errors import DataFileError
from tocsin.events import load_event_rules
from tocsin.events.model import load_event_model, sentence_features


@pytest.fixture(scope="module")
def rules_only():
    return load_event_rules(with_model=False, with_cameo=False)


def test_model_classes_are_event_types(rules) -> None:
    model = rules.model
    assert model is not None
    assert set(model.classes) <= set(rules.event_types)
    assert 0.0 < model.threshold < 1.0
    assert model.weights.shape == (len(model.vocabulary), len(model.classes))


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Kenyan nurses crowded the streets of Nairobi on Tuesday over unpaid wages.", "PROTEST"),
        (
            "Hundreds of Kenyan nurses filled the streets of Nairobi on Tuesday, waving placards "
            "against the health minister.",
            "PROTEST",
        ),
    ],
)
def test_model_codes_what_no_trigger_codes(code, rules_only, text: str, event: str) -> None:
    assert code(text, with_rules=rules_only) == ()
    coded = primary(code(text))
    assert coded.event == event
    assert coded.coder == f"tocsin.events.model.v1:{event}"
    assert coded.actor and coded.actor[0].country == "KEN"
    assert coded.confidence >= 0.4  # the calibrated probability, above the threshold


@pytest.mark.parametrize(
    "text",
    [
        "| Russia | troops | border |",  # a table row, not prose
        "Russian troops near the Ukrainian border",  # a heading
        "The weather in Oslo was mild and sunny on Sunday.",  # no political actor
    ],
)
def test_model_stays_out_of_fragments_and_non_events(code, text: str) -> None:
    assert [e for e in code(text) if e.coder.startswith("tocsin.events.model")] == []


@pytest.mark.parametrize(
    ("text", "coder"),
    [
        ("Zimbabwe's opposition staged a walkout from parliament on Thursday.", "rules.v1:protest."),
        ("The European Union froze the assets of three Iranian officials.", "rules.v1:sanction."),
    ],
)
def test_rules_win_over_model_and_generated_layer(code, text: str, coder: str) -> None:
    assert primary(code(text)).coder.startswith(f"tocsin.events.{coder}")


def test_generated_entries_never_widen_a_hand_written_lemma(rules) -> None:
    assert rules.triggers["freeze"] and not any(e.id.startswith("cameo.") for e in rules.triggers["freeze"])
    generated = [e for entries in rules.triggers.values() for e in entries if e.id.startswith("cameo.")]
    assert generated and all(e.object_lemmas and e.cameo and e.source for e in generated)


def test_generated_entry_codes_with_its_cameo_code(code) -> None:
    coded = primary(code("Protesters chanted against the Belarusian government in Minsk."))
    assert coded.coder == "tocsin.events.rules.v1:cameo.chant.against.government"
    assert coded.event == "PROTEST" and coded.cameo is not None and coded.cameo.startswith("14")


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("Kenya sent 300 troops to Somalia.", {"<GPE>", "send", "troop", "<GPE> send"}, {"300", "kenya"}),
        ("Police in South Sudan arrested John Garang.", {"<GPE>", "<PERSON>", "arrest <PERSON>"}, {"sudan"}),
    ],
)
def test_sentence_features_hide_names_and_numbers(nlp, text: str, present: set, absent: set) -> None:
    features = set(sentence_features(nlp(text)[:]))
    assert present <= features
    assert not absent & features


def test_probabilities_sum_to_one(rules) -> None:
    probs = rules.model.probabilities(["protest", "<GPE> police", "never-seen-feature"])
    assert probs.shape == (len(rules.model.classes),)
    assert np.isclose(probs.sum(), 1.0)


def test_bad_model_file_is_a_data_file_error(tmp_path: Path) -> None:
    path = tmp_path / "model.npz"
    path.write_bytes(b"not a numpy archive")
    with pytest.raises(DataFileError, match=r"model\.npz"):
        load_event_model(path)


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Israel carried out strikes on Hamas positions in Gaza.", "ASSAULT"),
        ("The Saudi-led coalition launched strikes against Houthi rebels in Yemen.", "ASSAULT"),
        ("Nigerian doctors carried out a strike over unpaid salaries.", "PROTEST"),
        ("Kenyan teachers launched a strike on Monday.", "PROTEST"),
    ],
)
def test_light_verb_strikes(code, text: str, event: str) -> None:
    """'carry out / launch strikes' is an attack unless workers strike."""
    assert primary(code(text)).event == event


@pytest.mark.parametrize(
    ("text", "event", "mode"),
    [
        ("Egypt brokered a truce between Israel and Hamas.", "CONSULT", "third-party"),
        ("Qatar helped broker a deal between the Taliban and the United States.", "CONSULT", "third-party"),
        ("Japan helped Nepal after the floods.", "AID", None),
    ],
)
def test_brokering_is_mediation(code, text: str, event: str, mode: str | None) -> None:
    """Brokering a truce is mediation (CAMEO 045), and helping to broker it is brokering it."""
    coded = primary(code(text))
    assert (coded.event, coded.mode) == (event, mode)


@pytest.mark.parametrize(
    ("text", "event", "mode"),
    [
        ("Germany shipped tanks to Poland last week.", "AID", None),
        ("The United States delivered missiles to Taiwan.", "AID", None),
        ("The Philippine coast guard rammed a Chinese vessel.", "ASSAULT", None),
        ("Peru declared a state of emergency in Lima.", "COERCE", "martial-law"),
        ("Bolivia nationalised the assets of a Spanish company.", "COERCE", "seize"),
    ],
)
def test_manual_categories_beyond_the_gold_wording(code, text: str, event: str, mode: str | None) -> None:
    coded = primary(code(text))
    assert (coded.event, coded.mode) == (event, mode)
