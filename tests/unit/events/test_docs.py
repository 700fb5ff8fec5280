"""Every field of every event data format is documented in docs/data-formats/events.md."""

from __future__ import annotations

from pathlib import Path

import pytest

from tocsin.events.schema import (
    CameoRow,
    ContextCueEntry,
    ContextEntry,
    CueEntry,
    EventTypeEntry,
    LemmaRow,
    TriggerEntry,
)

DOC = Path(__file__).resolve().parents[3] / "docs" / "data-formats" / "events.md"


@pytest.mark.parametrize(
    "model", [TriggerEntry, CueEntry, ContextCueEntry, ContextEntry, EventTypeEntry, CameoRow, LemmaRow]
)
def test_every_field_is_documented(model) -> None:
    text = DOC.read_text(encoding="utf-8")
    missing = [name for name in model.model_fields if f"`{name}`" not in text]
    assert not missing, f"{model.__name__}: undocumented fields {missing}"
