"""The tocsin_layout component: sentence starts that never move an offset."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Minsk says it downed a drone; Kyiv calls it a fabrication.", 2),
        ("## Key points\n- More troops near the frontier.\n- Air defence on alert.", 3),
        ("| Action | Who |\n|---|---|\n| Impose sanctions | EU |", 3),
        ("Cooperation has ramped up.In late 2022, Moscow sent troops.", 2),
    ],
)
def test_layout_splits_sentences(nlp, text: str, sentences: int) -> None:
    doc = nlp(text)
    assert doc.text == text
    assert len(list(doc.sents)) >= sentences
    if ";" in text:
        assert [s.text for s in doc.sents][1].startswith("Kyiv")
