"""Frames in which a trigger word reports no event (tocsin.events.non_events), and the
recodings that keep one real event: arms moved onto ground, exercises with a partner."""

from __future__ import annotations

import pytest
from tests.unit.events.conftest import primary


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # a journalist's question and what it asks about
        (
            "When asked if the presidents intended to discuss the dispute, the spokesman said they might.",
            "REQUEST",
        ),
        (
            "When asked if the presidents intended to discuss the dispute, the spokesman said they might.",
            "AGREE",
        ),
        ("Reporters asked whether Hungary would veto the package.", "REQUEST"),
        # purposive "sought to <verb>"
        ("Poland said the drone had sought to photograph military depots near the border.", "REQUEST"),
        # offering information is not an offer of cooperation
        ("Minsk regularly offers information portraying Vilnius as an aggressor, Lithuania said.", "AGREE"),
        ("Serbia provided evidence that the convoy had crossed the line, Kosovo said.", "AGREE"),
        # a generic danger noun: no agent, in a prepositional or predicative slot
        (
            "The shield is meant to protect Estonia from military and cyber threats, the ministers said.",
            "THREATEN",
        ),
        ("Latvia wants forces able to respond to new regional threats.", "THREATEN"),
        ("Officials in Minsk described the new brigade as a deterrent, never a threat.", "THREATEN"),
        # speaking together is not material cooperation
        ("Poland and Lithuania issued a joint statement saying the crossing would stay closed.", "COOPERATE"),
    ],
)
def test_frame_reports_no_event(code, text: str, absent: str) -> None:
    assert absent not in {e.event for e in code(text)}


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Poland asked Germany to send more tanks.", "REQUEST"),
        ("The defectors sought asylum in Finland, Norway said.", "REQUEST"),
        ("Moldova offered to host talks between Kyiv and Moscow.", "AGREE"),
        ("Russia's threats against Moldova alarmed Romania.", "THREATEN"),
        ("Iran threatened Israel with retaliation.", "THREATEN"),
    ],
)
def test_the_same_words_in_an_event_frame_still_code(code, text: str, event: str) -> None:
    assert event in {e.event for e in code(text)}


def test_arms_moved_onto_ground_are_the_owners_mobilisation(code) -> None:
    events = code(
        "The president confirmed that Russian tactical missiles had been shipped onto Belarusian soil."
    )
    assert "AID" not in {e.event for e in events}
    mobilize = [e for e in events if e.event == "MOBILIZE"]
    assert mobilize and mobilize[0].mode == "weapons"
    assert [a.country for a in mobilize[0].actor] == ["RUS"]


def test_arms_handed_to_a_party_stay_aid(code) -> None:
    event = primary(code("The United States transferred anti-tank weapons to Ukraine last month."))
    assert (event.event, [r.country for r in event.recipient]) == ("AID", ["UKR"])


@pytest.mark.parametrize(
    "text",
    [
        "The Polish army appears to maintain a steady training cycle with soldiers"
        " who belong to the allied battalion stationed in Lithuania.",
        "The Polish army keeps up training with Lithuanian units deployed near the border.",
        "The Polish army conducted training with personnel stationed in Lithuania.",
    ],
)
def test_training_with_a_partner_is_one_joint_exercise(code, text: str) -> None:
    """A support verb + exercise noun (or "a training cycle") + "with X" is COOPERATE with
    X as recipient; "stationed"/"deployed" inside X's own clause is no second event."""
    events = code(text)
    assert [e.event for e in events] == ["COOPERATE"]
    assert "military" in events[0].context
    assert [a.country for a in events[0].actor] == ["POL"]
    assert [r.country for r in events[0].recipient] == ["LTU"]


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Polish troops held drills with live ammunition near Lublin.", "MOBILIZE"),
        ("The Lithuanian army conducted training near Kaunas on Monday.", "MOBILIZE"),
    ],
)
def test_exercise_without_a_partner_stays_mobilize(code, text: str, event: str) -> None:
    assert primary(code(text)).event == event


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # a force talked about, not formed or moved
        ("Polish officials said the mission of the northern grouping remains purely defensive.", "MOBILIZE"),
        ("Polish officials framed the northern grouping as a deterrent.", "MOBILIZE"),
        ("Warsaw presents the northern brigade as a sensible precaution.", "MOBILIZE"),
        # an activity that "supports" something
        ("Polish analysts say these regular drills support readiness.", "SUPPORT"),
        # a task ("plenty to discuss"), not a meeting held
        ("Mr. Orban said he and Mr. Fico had plenty to discuss in Bratislava.", "CONSULT"),
        # the purpose of a thing described, not an act
        ("Warsaw calls the brigade a measure designed to protect the country's independence.", "MOBILIZE"),
        ("Lithuania calls the wall a barrier intended to prevent migrant crossings.", "COERCE"),
    ],
)
def test_description_reports_no_event(code, text: str, absent: str) -> None:
    assert absent not in {e.event for e in code(text)}


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Poland formed a new grouping of troops near the border.", "MOBILIZE"),
        ("Germany supports Ukraine's bid to join the EU.", "SUPPORT"),
        ("Poland reinforced its border with Belarus on Monday.", "MOBILIZE"),
    ],
)
def test_the_act_itself_still_codes(code, text: str, event: str) -> None:
    assert event in {e.event for e in code(text)}


def test_deaths_reported_without_a_killer_are_not_coded(code) -> None:
    """Manual, "Required entities": no named actor, no event; the reporter did not kill."""
    events = code("The UN refugee agency said that more than 8,000 people have been killed since Saturday.")
    assert "ASSAULT" not in {e.event for e in events}


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Two Kenyan soldiers were killed by al-Shabaab fighters on Monday.", "SOM"),
        ("Three Israeli soldiers were killed in a Hezbollah ambush, Israel said.", "LBN"),
    ],
)
def test_a_named_killer_keeps_the_assault(code, text: str, actor: str) -> None:
    event = primary(code(text))
    assert (event.event, [a.country for a in event.actor]) == ("ASSAULT", [actor])


@pytest.mark.parametrize(
    "text",
    [
        "The rebels said they will return weapons seized from the Malian army last year.",
        "Mali said it will release the 30 soldiers taken hostage in March.",
    ],
)
def test_a_past_participle_is_not_a_future_threat(code, text: str) -> None:
    """The future of the main clause does not reach a participle describing its object."""
    assert "THREATEN" not in {e.event for e in code(text)}


def test_an_amount_of_weapons_moved_onto_ground_is_its_owners_mobilisation(code) -> None:
    events = code(
        "Minsk confirmed that several Russian missile launchers had been moved onto Belarusian soil."
    )
    mobilize = [e for e in events if e.event == "MOBILIZE"]
    assert "AID" not in {e.event for e in events}
    assert mobilize and [(a.country, a.sector) for a in mobilize[0].actor] == [("RUS", "MIL")]


def test_nothing_inside_a_task_is_an_event(code) -> None:
    """ "plenty to discuss at the forum": neither the talk nor the forum happened."""
    events = code("Mr. Orban said on Monday that he and Mr. Fico had plenty to discuss at the forum.")
    assert not {e.event for e in events} & {"CONSULT", "AGREE"}


def test_forces_moved_to_a_border_keep_the_state_they_face(code) -> None:
    event = primary(code("Russian troops were deployed to the Finnish border, Helsinki said."))
    assert (event.event, [a.country for a in event.actor], [r.country for r in event.recipient]) == (
        "MOBILIZE",
        ["RUS"],
        ["FIN"],
    )


@pytest.mark.parametrize(
    "text",
    [
        "The call-up comes while the fighting drags on, worrying observers.",
        "The recent mobilization of Polish reservists signals a shift in posture.",
        "This call-up marks an important shift for the region, Warsaw said.",
    ],
)
def test_an_event_referred_back_to_in_commentary_is_not_new(code, text: str) -> None:
    assert code(text) == ()


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Germany raised concerns with China over the export ban.", "ACCUSE"),
        ("Poland raised the alert level of its border units.", "MOBILIZE"),
        ("Poland announced the mobilization of 5,000 reservists on Monday.", "MOBILIZE"),
    ],
)
def test_the_acts_themselves_still_code(code, text: str, event: str) -> None:
    assert primary(code(text)).event == event


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Estonia warned of the danger of Russian sabotage at sea.", "THREATEN"),
        ("When asked about the deployment, the spokesman declined to comment.", "REJECT"),
        ("The ministry declined to comment on the report.", "REJECT"),
        ("Russia warned of retaliation if NATO deployed troops in Finland.", "MOBILIZE"),
    ],
)
def test_cautions_no_comment_and_suppositions_are_no_events(code, text: str, absent: str) -> None:
    assert absent not in {e.event for e in code(text)}


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Iran warned Israel of severe consequences.", "THREATEN"),
        ("Russia warned of retaliation if NATO deployed troops in Finland.", "THREATEN"),
        ("The rebels refused to answer a demand from Qatar to free the captives.", "REJECT"),
    ],
)
def test_threats_and_refusals_still_code(code, text: str, event: str) -> None:
    assert primary(code(text)).event == event


@pytest.mark.parametrize(
    ("text", "events"),
    [
        (
            "Hundreds of demonstrators protesting against the government clashed with police in Nairobi.",
            ["PROTEST"],
        ),
        ("Russian troops stationed near the border opened fire on Ukrainian positions.", ["ASSAULT"]),
    ],
)
def test_a_participle_describing_the_subject_is_the_same_event(code, text: str, events: list[str]) -> None:
    assert [e.event for e in code(text)] == events


@pytest.mark.parametrize(
    ("text", "coded"),
    [
        ("The Slovak president is still seeking a political solution to the crisis.", False),
        ("Some 8,000 Yazidis sought refuge in Armenia last month.", True),
        ("Kyiv is seeking more air defence systems from Germany.", True),
    ],
)
def test_seeking_is_a_request_only_when_asked_of_someone(code, text: str, coded: bool) -> None:
    assert ("REQUEST" in {e.event for e in code(text)}) is coded


def test_rejected_claims_point_back_to_whoever_made_them(code) -> None:
    """ "rejected claims about Ukrainian troop build-ups": Ukraine is the claim's topic;
    the recipient is the earlier accuser, skipping the rejecter's own accusations."""
    events = code(
        "Minsk accused Kyiv of massing troops. Kyiv accused Minsk of an information operation. "
        "Kyiv rejected claims about Ukrainian troop build-ups as propaganda."
    )
    reject = [e for e in events if e.event == "REJECT"]
    assert reject and [r.country for r in reject[0].recipient] == ["BLR"]


@pytest.mark.parametrize(
    ("text", "coded"),
    [
        ("The Eritrea-EU trade deal may be dead in the water, local sources said.", False),
        ("Uruguay's debate resumed after the ratification of the peace deal with the rebels.", False),
        ("Armenia and Azerbaijan reached a peace deal on Friday.", True),
    ],
)
def test_an_agreement_talked_about_is_no_new_agree(code, text: str, coded: bool) -> None:
    assert ("AGREE" in {e.event for e in code(text)}) is coded
