"""docs/data-formats/actors.md documents every field of every actor entry type."""

from __future__ import annotations

from pathlib import Path

import pytest

from tocsin.actors.schema import AgentEntry, CountryEntry, OrgEntry, PersonEntry

DOC = Path(__file__).resolve().parents[3] / "docs" / "data-formats" / "actors.md"


@pytest.mark.parametrize("model", [CountryEntry, OrgEntry, AgentEntry, PersonEntry])
def test_every_field_is_documented(model) -> None:
    text = DOC.read_text(encoding="utf-8")
    missing = [name for name in model.model_fields if f"| `{name}` |" not in text]
    assert not missing, f"{model.__name__} fields missing from {DOC.name}: {missing}"
