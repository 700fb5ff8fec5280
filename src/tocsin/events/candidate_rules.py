"""The order of the per-candidate decision rules: first that fires wins, its name is the
reason appended to ``Event.coder``. Rules live in ``decisions.py`` (frames: negation,
future, modifiers, joint exercises) and ``manual_rules.py`` (the manual's category calls).
"""

from __future__ import annotations

from tocsin.events.decisions import (
    DROP,
    Candidate,
    CandidateRule,
    diplomatic_protest_is_accuse,
    future_conflict_is_threaten,
    future_cooperation_is_agree,
    future_retreat_is_agree,
    joint_military_is_cooperate,
    labour_strike_is_protest,
    modifier_noun,
    negated,
    preparing_assault_is_mobilize,
    refusal_is_reject,
    relief_mobilization_is_aid,
    restraint_is_concede,
)
from tocsin.events.manual_rules import (
    civil_withdrawal_is_sanction,
    cyber_attack_is_coerce,
    leaving_a_body_is_withdraw,
    moved_to_territory_is_mobilize,
    promised_ending_is_concede,
    protester_violence_is_riot,
    rescue_is_aid,
    signed_aid_is_aid,
)

CANDIDATE_RULES: tuple[tuple[str, CandidateRule], ...] = (
    ("refusal_is_reject", refusal_is_reject),
    ("restraint_is_concede", restraint_is_concede),
    ("negated", negated),
    ("modifier_noun", modifier_noun),
    ("preparing_assault_is_mobilize", preparing_assault_is_mobilize),
    ("future_conflict_is_threaten", future_conflict_is_threaten),
    ("joint_military_is_cooperate", joint_military_is_cooperate),
    ("diplomatic_protest_is_accuse", diplomatic_protest_is_accuse),
    ("labour_strike_is_protest", labour_strike_is_protest),
    ("protester_violence_is_riot", protester_violence_is_riot),
    ("signed_aid_is_aid", signed_aid_is_aid),
    ("rescue_is_aid", rescue_is_aid),
    ("leaving_a_body_is_withdraw", leaving_a_body_is_withdraw),
    ("civil_withdrawal_is_sanction", civil_withdrawal_is_sanction),
    ("cyber_attack_is_coerce", cyber_attack_is_coerce),
    ("promised_ending_is_concede", promised_ending_is_concede),
    ("future_retreat_is_agree", future_retreat_is_agree),
    ("future_cooperation_is_agree", future_cooperation_is_agree),
    ("relief_mobilization_is_aid", relief_mobilization_is_aid),
    ("moved_to_territory_is_mobilize", moved_to_territory_is_mobilize),
)


def apply_candidate_rules(cand: Candidate) -> Candidate | None:
    for _name, rule in CANDIDATE_RULES:
        result = rule(cand)
        if result == DROP:
            return None
        if isinstance(result, Candidate):
            return result
    return cand
