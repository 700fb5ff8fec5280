"""Decisions the PLOVER manual states per category (its "Potential ambiguities"),
checked on our own sentences: debt relief and rescues are AID, a promised
concession is CONCEDE, protester violence is a riot, disasters have no actor."""

from __future__ import annotations

import pytest
from tests.unit.events.conftest import primary


@pytest.mark.parametrize(
    ("text", "event", "rule"),
    [
        # AID: debt forgiveness and loan cancellation, done by agreeing to it
        ("The Paris lenders agreed to forgive most of Zambia's loan obligations.", "AID", "binding_act"),
        ("The World Bank agreed to cancel $3 billion of debt owed by Ghana.", "AID", "binding_act"),
        # AID: hostage rescues by security forces (a captor's release stays RETREAT)
        ("Spanish police freed eight trafficking victims during a raid in Valencia.", "AID", "rescue_is_aid"),
        # AID: signing or approving an aid package or a loan gives it
        ("Norway and Kenya signed a $200 million aid package on Tuesday.", "AID", "signed_aid_is_aid"),
        ("The IMF approved a $4 billion loan to Ecuador on Friday.", "AID", "signed_aid_is_aid"),
        # CONCEDE: a promise of a concession ("easing restrictions, removing curfews")
        (
            "Israel agreed to halt settlement construction near Hebron.",
            "CONCEDE",
            "promised_ending_is_concede",
        ),
        ("Namibia has agreed to remove legal restrictions on the Himba community.", "CONCEDE", None),
        ("Striking nurses in Warsaw agreed to end their hunger strike on Friday.", "CONCEDE", None),
        # PROTEST riot: violence by demonstrators
        (
            "Hundreds of demonstrators clashed with police in Nairobi.",
            "PROTEST",
            "protester_violence_is_riot",
        ),
        (
            "A police station in Tripoli was set on fire by protesters on Sunday.",
            "PROTEST",
            "protester_violence_is_riot",
        ),
        # COERCE restrict: "police pushed back protesters"
        ("Riot police pushed back hundreds of protesters outside parliament in Tbilisi.", "COERCE", None),
        # ASSAULT: returning fire, with the subject shared by a conjoined verb
        ("Georgian border units were put on alert and returned fire on the militants.", "ASSAULT", None),
    ],
)
def test_manual_category(code, text: str, event: str, rule: str | None) -> None:
    found = primary(code(text))
    assert found.event == event
    if rule is not None:
        assert found.coder.endswith(f">{rule}")


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Al-Shabaab released 12 hostages on Monday.", "RETREAT"),
        ("Georgia and Abkhazia agreed to a truce after a week of clashes.", "AGREE"),
        ("Japan agreed to provide aid to Nepal.", "AGREE"),
        ("The World Bank will cancel Ghana's debt next year.", "AGREE"),
        ("Kenyan troops clashed with al-Shabaab fighters near the border.", "ASSAULT"),
        ("Moldova and Romania signed an agreement on energy cooperation.", "SUPPORT"),
    ],
)
def test_neighbouring_frames_keep_their_category(code, text: str, event: str) -> None:
    assert primary(code(text)).event == event


@pytest.mark.parametrize(
    "text",
    [
        "A typhoon struck northern Vietnam, killing 40 people.",
        "A drought that has killed 30 people gripped southern Madagascar.",
        "Floods killed dozens of villagers in Assam on Monday.",
    ],
)
def test_a_disaster_is_no_assault(code, text: str) -> None:
    """Manual, "Required entities": disasters have no actor and are not coded."""
    assert "ASSAULT" not in {e.event for e in code(text)}


def test_a_description_inside_an_agreement_is_not_its_content(code) -> None:
    """Only the AGREE's own infinitive can make it a concession, not a truce in a clause below."""
    text = "Ethiopia has agreed to reopen its borders to UN monitors, who oversee a truce between the armies."
    assert primary(code(text)).event != "CONCEDE"


@pytest.mark.parametrize(
    ("text", "event", "mode"),
    [
        # RETREAT resign vs SANCTION withdraw: a post is resigned, a body is left
        ("The Serbian prime minister quit on Friday.", "RETREAT", "resign"),
        ("Qatar quit OPEC in January.", "SANCTION", "withdraw"),
        # SUPPORT: initiate, resume or expand diplomatic ties; SANCTION when they are severed
        ("The European Union and Congo are renewing diplomatic ties.", "SUPPORT", None),
        ("Ecuador severed ties with Mexico on Saturday.", "SANCTION", "discontinue"),
        # SANCTION convict / ACCUSE allege on their nouns
        ("A court in Goma handed down six-year sentences to four legislators.", "SANCTION", "convict"),
        ("The former Croatian minister is facing charges of bribery in Zagreb.", "ACCUSE", "allege"),
        # COERCE censor: restricting access to information
        ("The Iraqi interior ministry is temporarily limiting access to Telegram.", "COERCE", "censor"),
        ("Pakistan blocked access to the platform on Saturday.", "COERCE", "censor"),
        # PROTEST demo and RETREAT withdraw on their phrases
        ("Thousands of residents in Recife have taken to the streets.", "PROTEST", "demo"),
        ("Chad removed its troops from the border town on Monday.", "RETREAT", "withdraw"),
    ],
)
def test_category_vocabulary(code, text: str, event: str, mode: str | None) -> None:
    found = primary(code(text))
    assert (found.event, found.mode if mode else None) == (event, mode)


@pytest.mark.parametrize(
    "text",
    [
        "Rebels in northern Mali have agreed to stop fighting.",
        "King Abdullah has promised to cease the crackdown in the provinces.",
        "Armenia agreed to put an end to the blockade of the corridor.",
    ],
)
def test_promising_to_stop_is_a_concession(code, text: str) -> None:
    """Manual CONCEDE: promises of future concessions and declared ceasefires."""
    assert primary(code(text)).event == "CONCEDE"


@pytest.mark.parametrize(
    ("text", "event", "mode"),
    [
        # SANCTION withdraw: oneself or non-military resources out of a country, body or process
        (
            "Human Rights Watch has withdrawn from Georgia over security concerns.",
            "SANCTION",
            "withdraw",
        ),
        ("Russia withdrew from the grain deal on Monday.", "SANCTION", "withdraw"),
        # RETREAT withdraw: forces leaving ground
        ("Israel withdrew its troops from southern Lebanon.", "RETREAT", "withdraw"),
        ("Israel withdrew from Gaza in 2005.", "RETREAT", "withdraw"),
        # the conviction is the news, the crime its content
        ("A jury in Texas found three men guilty of plotting to murder a judge.", "SANCTION", "convict"),
    ],
)
def test_withdrawal_and_conviction(code, text: str, event: str, mode: str) -> None:
    found = primary(code(text))
    assert (found.event, found.mode) == (event, mode)


@pytest.mark.parametrize(
    "text",
    [
        "Russian hackers launched a ransomware attack on Estonian banks.",
        "The Netherlands reported cyber attacks on government computers linked to the Kremlin.",
    ],
)
def test_a_cyber_attack_is_coerce_cyber(code, text: str) -> None:
    """Manual COERCE mode cyber: hacking, security breaches, website attacks."""
    event = primary(code(text))
    assert (event.event, event.mode) == ("COERCE", "cyber")
    assert "cyber" in event.context


def test_a_missile_attack_stays_assault(code) -> None:
    assert primary(code("Russia launched a missile attack on Kyiv.")).event == "ASSAULT"


def test_debt_forgiveness_reads_through_an_amount(code) -> None:
    """ "$300 of Malawi's $900 million in loan obligations": the debt hangs under the amount."""
    event = primary(
        code("The London Club agreed to forgive $300 of Malawi's $900 million in loan obligations.")
    )
    assert (event.event, [r.country for r in event.recipient]) == ("AID", ["MWI"])


def test_a_petition_handed_over_is_a_request(code) -> None:
    event = primary(code("Kenyan nurses handed over a petition to the health ministry on Friday."))
    assert event.event == "REQUEST"


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("Slovakia could suspend all relations with the Czech Republic over the deal.", "relations"),
        ("Moscow may introduce new restrictions on foreign reporters.", "restrict"),
    ],
)
def test_a_conflict_act_held_out_as_possible_is_a_threat(code, text: str, mode: str) -> None:
    """Manual THREATEN: coercive warnings; the mode is the threat's content."""
    event = primary(code(text))
    assert (event.event, event.mode) == ("THREATEN", mode)


def test_a_possible_retreat_is_no_threat(code) -> None:
    assert primary(code("Hungary might withdraw its troops from Kosovo.")).event == "RETREAT"


@pytest.mark.parametrize(
    ("text", "event"),
    [
        (
            "The Georgian opposition mobilized thousands of supporters to demonstrate outside parliament.",
            "PROTEST",
        ),
        ("Armenia mobilized reservists on Monday.", "MOBILIZE"),
    ],
)
def test_mobilizing_supporters_is_protest(code, text: str, event: str) -> None:
    """Manual, MOBILIZE ambiguities: "mobilizing supporters to demonstrate" is PROTEST."""
    assert primary(code(text)).event == event


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Serbia resumed talks with Kosovo on Monday.", "CONSULT"),
        ("Serbia and Kosovo will resume talks next week.", "AGREE"),
        ("Serbia and Kosovo agreed to resume talks.", "AGREE"),
    ],
)
def test_resumed_talks_are_held_and_planned_ones_agreed(code, text: str, event: str) -> None:
    assert primary(code(text)).event == event
