"""Actor and recipient from the dependency parse."""

from __future__ import annotations

import pytest
from tests.unit.events.conftest import primary


def countries(mentions) -> list[str | None]:
    return [m.country for m in mentions]


@pytest.mark.parametrize(
    ("text", "actor", "recipient"),
    [
        # subject / object
        ("Israeli troops shelled Palestinian positions in Gaza.", ["ISR"], ["PSE"]),
        # passive with agent
        ("A Turkish jet was shot down by Syrian forces.", ["SYR"], ["TUR"]),
        # coordination
        ("Hungarian and Romanian officials agreed to cooperate on refugees.", ["HUN", "ROU"], []),
        # reported speech: the speaker is not the actor of the attack
        ("Kenya said that Somali militants attacked a Kenyan army base.", ["SOM"], ["KEN"]),
        # noun trigger with possessive and "on"
        ("Russia's attack on Ukraine began at dawn.", ["RUS"], ["UKR"]),
        # relative clause
        ("The Iraqi army, which attacked Kurdish fighters, said it had won.", ["IRQ"], []),
        # modal frame: the speaker demands, the modal's subject is asked
        ("Britain said Libya must hand over the suspects.", ["GBR"], ["LBY"]),
        # infinitive: the controller of "to meet" is the actor
        ("The Chinese president plans to meet the French president.", ["CHN"], ["FRA"]),
    ],
)
def test_roles(code, text: str, actor: list[str], recipient: list[str]) -> None:
    coded = primary(code(text))
    assert countries(coded.actor) == actor
    if recipient:
        assert countries(coded.recipient)[:1] == recipient[:1]


def test_apposition_gives_the_organisation(code) -> None:
    text = "Oksana Hryhorenko, a spokeswoman for the Ukrainian Border Guard, accused Belarus of lying."
    coded = primary(code(text))
    assert coded.event == "ACCUSE"
    assert countries(coded.actor) == ["UKR"]
    assert countries(coded.recipient) == ["BLR"]


def test_generic_agent_inherits_country(code) -> None:
    text = "Belarus held talks on Monday. The minister later criticized Poland."
    events = [e for e in code(text) if e.event == "ACCUSE"]
    assert events and countries(events[0].actor) == ["BLR"]
    assert countries(events[0].recipient) == ["POL"]


def test_recipient_required_types_get_one(code) -> None:
    coded = primary(code("The European Union imposed new sanctions on Iran."))
    assert coded.event == "SANCTION"
    assert countries(coded.recipient) == ["IRN"]


@pytest.mark.parametrize(
    ("text", "event", "actor", "recipient"),
    [
        # a noun trigger in compound position ("call-up"); the border names the recipient
        (
            "Belarus has announced a call-up of 5,000 reservists along its border with Ukraine.",
            "MOBILIZE",
            ["BLR"],
            ["UKR"],
        ),
        # "its air defense units" are the actor's own: not the recipient
        ("Belarus said its air defense units had downed a drone from Ukraine.", "ASSAULT", ["BLR"], ["UKR"]),
        # a passive mobilisation: the troops that move are the actor's
        ("Belarus is worried. Its reserve soldiers will be deployed to the border.", "MOBILIZE", ["BLR"], []),
        # a generic actor does not borrow the country of the state it targets
        ("President Smith threatened Russia.", "THREATEN", [], ["RUS"]),
        # a people named by where it lives
        ("Ethnic Hungarians in southern Slovakia are demanding autonomy.", "REQUEST", ["SVK"], []),
        # the host of a meeting between two parties acts on them
        ("Morocco will host a meeting between Israel and Egypt.", "AGREE", ["MAR"], ["ISR"]),
    ],
)
def test_role_regressions(code, text: str, event: str, actor: list[str], recipient: list[str]) -> None:
    events = [e for e in code(text) if e.event == event]
    assert events
    coded = events[0]
    assert [c for c in countries(coded.actor) if c] == actor
    assert countries(coded.recipient)[:1] == recipient[:1]


def test_claimed_event_is_coded_with_its_own_actor(code) -> None:
    text = "The Belarusian ministry alleged that Kyiv was moving troops to the border."
    events = {e.event: e for e in code(text)}
    assert countries(events["ACCUSE"].actor) == ["BLR"]
    assert countries(events["MOBILIZE"].actor) == ["UKR"]


def test_dismissed_allegations_are_rejected_towards_their_author(code) -> None:
    text = "The Belarusian ministry accused Ukraine of spying. Ukrainian officials dismissed the allegations."
    reject = next(e for e in code(text) if e.event == "REJECT")
    assert countries(reject.actor) == ["UKR"]
    assert countries(reject.recipient) == ["BLR"]


def test_reported_foreign_activity_has_the_foreign_actor(code) -> None:
    text = (
        "The talks dealt with US air patrols near the Belarusian frontier. "
        "The minister highlighted a rise in reconnaissance operations."
    )
    mobilize = next(e for e in code(text) if e.event == "MOBILIZE")
    assert countries(mobilize.actor) == ["USA"]
    assert mobilize.actor[0].sector == "MIL"


def test_both_countries_are_the_two_last_subjects(code) -> None:
    text = "Poland and Lithuania will hold talks. Both countries accused Belarus of pushing migrants."
    accuse = next(e for e in code(text) if e.event == "ACCUSE")
    assert countries(accuse.actor) == ["POL", "LTU"]
    assert countries(accuse.recipient) == ["BLR"]


def _event(events, trigger: str):
    found = [e for e in events if e.trigger == trigger]
    assert found, f"no event on {trigger!r} among {[e.trigger for e in events]}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "recipient"),
    [
        # a force known only by where it serves belongs to the host state
        ("Chinese troops held joint drills with personnel stationed in Laos.", "LAO"),
        ("Turkish commandos held drills with soldiers based in Azerbaijan.", "AZE"),
    ],
)
def test_unnamed_force_takes_its_host_state(code, text: str, recipient: str) -> None:
    coded = _event(code(text), "drills")
    assert countries(coded.recipient)[:1] == [recipient]
    assert coded.recipient[0].sector == "MIL"


def test_a_destination_is_not_a_host(code) -> None:
    # "sent to" names where troops go, not whose they are
    coded = primary(code("Moscow accused soldiers sent to Armenia of looting."))
    assert "ARM" not in countries(coded.actor)


@pytest.mark.parametrize(
    ("text", "trigger", "actor", "recipient"),
    [
        (
            "Beijing's envoy said the visit mattered to both Vientiane and Beijing. "
            "\u201cOur foreign ministries remain in close consultation,\u201d he said.",
            "consultation",
            "CHN",
            "LAO",
        ),
        (
            "The Armenian premier called it good news for Armenia and Iran. "
            "\u201cOur defence ministers met twice this year,\u201d he added.",
            "met",
            "ARM",
            "IRN",
        ),
    ],
)
def test_our_institutions_name_the_speaker_and_the_partner(
    code, text: str, trigger: str, actor: str, recipient: str
) -> None:
    coded = _event(code(text), trigger)
    assert countries(coded.actor) == [actor]
    assert countries(coded.recipient) == [recipient]


def test_our_singular_institution_is_the_speaker_alone(code) -> None:
    # not the state named last (Hanoi), and no partner: a state has one ministry
    text = (
        "The Laotian minister said the talks were vital for both Vientiane and Hanoi. "
        "\u201cOur ministry remains in constant contact,\u201d he said."
    )
    coded = _event(code(text), "contact")
    assert countries(coded.actor) == ["LAO"]
    assert countries(coded.recipient) == []


def test_backed_force_is_not_its_backers(code) -> None:
    coded = _event(code("Laos-backed militias ambushed a Cambodian patrol near the river."), "ambushed")
    assert "LAO" not in countries(coded.actor)
    assert countries(coded.recipient)[:1] == ["KHM"]
