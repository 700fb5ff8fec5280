"""Event coding: PLOVER event, mode, context, actor and recipient from the parse.

Rules over the dependency parse: a trigger lexicon by lemma (data/events/triggers.jsonl),
role frames from the parse (roles.py), and the manual's decision rules as an ordered
list of named rules (decisions.py).
"""

from tocsin.events.coder import code_events
from tocsin.events.loader import EventRules, load_event_rules

__all__ = ["EventRules", "code_events", "load_event_rules"]
