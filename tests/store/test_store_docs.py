"""docs/store.md documents every column of the flat event row and every table."""

from __future__ import annotations

from pathlib import Path

import pytest

from tocsin.export import FORMATS
from tocsin.store import EVENT_COLUMN_NAMES
from tocsin.store.schema import metadata

DOC = Path(__file__).resolve().parents[2] / "docs" / "store.md"


@pytest.mark.parametrize("name", [*EVENT_COLUMN_NAMES, *metadata.tables, *FORMATS])
def test_documented(name: str) -> None:
    assert f"`{name}`" in DOC.read_text(encoding="utf-8"), f"docs/store.md does not mention `{name}`"
