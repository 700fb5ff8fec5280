"""link_claims: claims, the stances of other parties, and the status they give."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from tests.unit.attribution.cases import make_event, mention

from tocsin.attribution import attribute_claims, link_claims


def _board(
    nlp, cues, text: str, actors: list[tuple[str, str, str | None]], triggers: list[tuple[str, str, str]]
):
    doc = nlp(text)
    mentions = tuple(sorted((mention(text, t, c, s) for t, c, s in actors), key=lambda a: a.start))
    by_text = {m.text: m for m in mentions}
    events = tuple(
        make_event(doc, word, event=kind, actor=(by_text[actor],) if actor in by_text else (), index=i)
        for i, (word, kind, actor) in enumerate(triggers)
    )
    events = attribute_claims(doc, events, mentions, cues, published=dt.date(2024, 7, 2), historical_days=180)
    return events, link_claims(doc, events, cues)


@pytest.mark.parametrize(
    ("text", "actors", "triggers", "status"),
    [
        (  # a bare "the allegations" answers the earlier claim of another party
            "Minsk claimed that Ukrainian drones had attacked a border post. "
            "Ukrainian officials dismissed the allegations.",
            [
                ("Minsk", "BLR", "GOV"),
                ("Ukrainian drones", "UKR", "MIL"),
                ("Ukrainian officials", "UKR", "GOV"),
            ],
            [("attacked", "ASSAULT", "Ukrainian drones")],
            "contested",
        ),
        (  # "X's claims were disinformation": the stance names whose claims
            "Minsk claimed that Ukrainian drones had attacked a border post. "
            "A Ukrainian spokesman said Minsk's claims were disinformation.",
            [
                ("Minsk", "BLR", "GOV"),
                ("Ukrainian drones", "UKR", "MIL"),
                ("A Ukrainian spokesman", "UKR", "GOV"),
            ],
            [("attacked", "ASSAULT", "Ukrainian drones")],
            "contested",
        ),
        (  # a party labels the claim ("calls it ...") with no attribution verb of its own
            "Baku says its air defences downed an Armenian drone; Yerevan calls it a provocation.",
            [("Baku", "AZE", "GOV"), ("Armenian drone", "ARM", "MIL"), ("Yerevan", "ARM", "GOV")],
            [("downed", "ASSAULT", "Baku"), ("calls", "ACCUSE", "Yerevan")],
            "contested",
        ),
        (  # a label that is no denial leaves the claim as it was
            "Baku says its air defences downed an Armenian drone. Yerevan called it a success for Baku.",
            [("Baku", "AZE", "GOV"), ("Armenian drone", "ARM", "MIL"), ("Yerevan", "ARM", "GOV")],
            [("downed", "ASSAULT", "Baku"), ("called", "SUPPORT", "Yerevan")],
            "unverified",
        ),
        (  # "information" is only the first word of the cue "information operation"
            "Baku claimed that Armenian drones had struck a depot. "
            "According to Yerevan, the drones were only gathering information on the depot.",
            [
                ("Baku", "AZE", "GOV"),
                ("Armenian drones", "ARM", "MIL"),
                ("Yerevan", "ARM", "GOV"),
            ],
            [("struck", "ASSAULT", "Armenian drones")],
            "unverified",
        ),
        (  # the claims it is about: content words shared with the claim
            "Minsk claimed that Kyiv was moving troops to the border. "
            "Kyiv dismissed claims about troop movements as propaganda.",
            [("Minsk", "BLR", "GOV"), ("Kyiv", "UKR", "GOV")],
            [("moving", "MOBILIZE", "Kyiv")],
            "contested",
        ),
        (  # another party confirms
            "Kyiv said its forces had shot down a Russian helicopter near Bakhmut. "
            "Russian officials confirmed the reports of the downed helicopter.",
            [("Kyiv", "UKR", "GOV"), ("its forces", "UKR", "MIL"), ("Russian officials", "RUS", "GOV")],
            [("shot", "ASSAULT", "its forces")],
            "corroborated",
        ),
        (  # another party answers in the claim's own sentence
            "Kyiv said Russian forces had shelled the city overnight, a claim the Kremlin dismissed as fake.",
            [("Kyiv", "UKR", "GOV"), ("Russian forces", "RUS", "MIL"), ("the Kremlin", "RUS", "GOV")],
            [("shelled", "ASSAULT", "Russian forces")],
            "contested",
        ),
        (  # a denial of something else ("denies assisting the smugglers") leaves the claim alone
            "Police said the guard was killed near the checkpoint on Friday. "
            "The driver denies assisting the smugglers.",
            [("Police", "EST", "COP"), ("The driver", "LVA", None)],
            [("killed", "ASSAULT", "")],
            "unverified",
        ),
        (  # the accuser's claim, dismissed in the same sentence
            "Kyiv dismissed Minsk's accusations of sabotage.",
            [("Kyiv", "UKR", "GOV"), ("Minsk", "BLR", "GOV")],
            [("accusations", "ACCUSE", "Minsk")],
            "contested",
        ),
        (  # the reporter's own "could not verify" is no stance
            "Minsk claimed that Ukrainian drones had attacked a border post. "
            "The Daily Ledger could not independently verify the claims.",
            [("Minsk", "BLR", "GOV"), ("Ukrainian drones", "UKR", "MIL")],
            [("attacked", "ASSAULT", "Ukrainian drones")],
            "unverified",
        ),
        (  # a party does not contest itself
            "Minsk claimed that Ukrainian drones had attacked a border post. "
            "Belarusian officials later dismissed the allegations made in the West.",
            [
                ("Minsk", "BLR", "GOV"),
                ("Ukrainian drones", "UKR", "MIL"),
                ("Belarusian officials", "BLR", "GOV"),
            ],
            [("attacked", "ASSAULT", "Ukrainian drones")],
            "unverified",
        ),
    ],
)
def test_claim_status(nlp, cues, text, actors, triggers, status: str) -> None:
    _events, claims = _board(nlp, cues, text, actors, triggers)
    assert [c.status for c in claims] == [status]
    for claim in claims:
        for stance in claim.stances:
            assert stance.event_index == claim.event_index
            assert stance.party.country != claim.claimant.country


def test_stance_events_are_not_claims(nlp, cues) -> None:
    text = (
        "Minsk claimed that Ukrainian drones had attacked a border post. "
        "Ukrainian officials dismissed the allegations."
    )
    events, claims = _board(
        nlp,
        cues,
        text,
        [("Minsk", "BLR", "GOV"), ("Ukrainian drones", "UKR", "MIL"), ("Ukrainian officials", "UKR", "GOV")],
        [("attacked", "ASSAULT", "Ukrainian drones"), ("dismissed", "REJECT", "Ukrainian officials")],
    )
    assert events[1].claimant is not None and events[1].claimant.country == "UKR"
    assert [c.event_index for c in claims] == [0]


def test_asserted_events_without_a_claimant_are_not_claims(nlp, cues) -> None:
    _events, claims = _board(
        nlp, cues, "Russian troops shelled a village near Kupiansk.", [], [("shelled", "ASSAULT", "")]
    )
    assert claims == ()


def test_attribute_claims_is_pure(nlp, cues) -> None:
    text = "The Kremlin said Ukrainian forces had shelled a village."
    doc = nlp(text)
    actors = (mention(text, "The Kremlin", "RUS", "GOV"),)
    events = (make_event(doc, "shelled", event="ASSAULT"),)
    before = dataclasses.replace(events[0])
    out = attribute_claims(doc, events, actors, cues, published=None, historical_days=180)
    assert events[0] == before
    assert out[0].factuality == "claimed" and out[0].claimant is not None
    assert attribute_claims(doc, (), actors, cues, published=None, historical_days=180) == ()
    assert link_claims(doc, (), cues) == ()
