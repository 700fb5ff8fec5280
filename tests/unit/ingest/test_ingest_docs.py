"""The ingest data-format doc covers every field the readers and the pattern file accept."""

from __future__ import annotations

from pathlib import Path

import pytest

from tocsin.ingest import READERS, read_inputs
from tocsin.ingest.outlets import OutletPatternEntry
from tocsin.ingest.record_fields import FIELDS

DOC = Path(__file__).resolve().parents[3] / "docs" / "data-formats" / "ingest.md"


@pytest.fixture(scope="module")
def doc() -> str:
    return DOC.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", [*FIELDS, *OutletPatternEntry.model_fields])
def test_every_field_is_documented(doc: str, name: str) -> None:
    assert f"| `{name}` |" in doc


@pytest.mark.parametrize("suffix", sorted(READERS))
def test_every_extension_is_documented(doc: str, suffix: str) -> None:
    assert f"`{suffix}`" in doc


def test_worked_jsonl_example_gives_what_the_doc_says(tmp_path: Path, doc: str) -> None:
    block = doc.split("```json\n", 1)[1].split("```", 1)[0]
    path = tmp_path / "wire.jsonl"
    path.write_text(block, encoding="utf-8")
    first, second, problem = read_inputs([path], max_bytes=10_000)
    assert (first.id, first.outlet, first.outlet_source, first.published_precision) == (
        "bc-0702",
        "Baltic Courier",
        "input",
        "day",
    )
    assert (second.outlet, second.outlet_source, second.published_precision) == ("Reuters", "text", "month")
    assert str(problem) == f"{path}:3: missing field 'text'"
