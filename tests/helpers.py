"""Small builders shared by stage tests."""

from __future__ import annotations

from spacy.tokens import Doc

from tocsin.records import Event


def event_at(doc: Doc, trigger: str, *, event: str = "MOBILIZE") -> Event:
    """An Event pointing at the first token ``trigger``, as ``code_events`` would build it."""
    token = next(t for t in doc if t.text == trigger)
    sentence = token.sent
    return Event(
        event=event,
        mode=None,
        context=(),
        actor=(),
        recipient=(),
        sentence_start=sentence.start_char,
        sentence_end=sentence.end_char,
        evidence=sentence.text,
        coder="test",
        confidence=1.0,
        trigger_start=token.idx,
        trigger_end=token.idx + len(token.text),
        trigger=token.text,
    )
