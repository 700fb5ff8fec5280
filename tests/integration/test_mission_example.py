"""The example that states tocsin's purpose, through the public API end to end."""

from __future__ import annotations

import pytest

import tocsin


@pytest.mark.issue(5)
def test_a_claim_one_side_makes_and_the_other_denies_is_contested() -> None:
    coded = tocsin.annotate(
        "Minsk says its air defences downed a Ukrainian drone; Kyiv calls it an information operation.",
        published="2024-07-02",
    )
    (downing,) = [e for e in coded.events if e.event == "ASSAULT"]
    assert downing.factuality == "claimed"
    assert downing.claimant is not None and downing.claimant.country == "BLR"
    assert [a.country for a in downing.recipient] == ["UKR"]
    (claim,) = [c for c in coded.claims if c.event_index == downing.index]
    assert claim.status == "contested"
    assert {(s.stance, s.party.country) for s in claim.stances} == {("denies", "UKR")}
