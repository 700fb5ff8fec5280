"""Assertion helpers for the actor tests."""

from __future__ import annotations

from tocsin.records import ActorMention


def find(mentions: tuple[ActorMention, ...], text: str) -> ActorMention:
    """The mention whose text is ``text`` (fails the test, listing what was found, if none)."""
    for mention in mentions:
        if mention.text == text:
            return mention
    found = [(m.text, m.country, m.sector) for m in mentions]
    raise AssertionError(f"no mention {text!r}; found {found}")
