"""The TempEval-3 scorer (UzZaman et al. 2013) on hand-made TimeML, and a slow smoke run."""

from __future__ import annotations

import pytest

from tocsin.evaluate.times import Timex, parse_timeml, render, run, score

TIMEML = (
    "<TimeML><DOCID>demo</DOCID>"
    '<DCT><TIMEX3 tid="t0" type="DATE" value="2013-03-22" functionInDocument="CREATION_TIME">'
    "March 22, 2013</TIMEX3></DCT><TEXT>\nThe CDC said "
    '<TIMEX3 tid="t1" type="DATE" value="2013-03-22">Friday</TIMEX3> that flu killed 105 children '
    '&amp; more in <TIMEX3 tid="t2" type="DURATION" value="P1M">a month</TIMEX3>.\n</TEXT></TimeML>'
)


def test_timeml_text_and_offsets():
    doc = parse_timeml(TIMEML, "demo.tml")
    assert doc.dct is not None and doc.dct.isoformat() == "2013-03-22"
    assert [(doc.text[t.start : t.end], t.value) for t in doc.timexes] == [
        ("Friday", "2013-03-22"),
        ("a month", "P1M"),
    ]
    assert "&" in doc.text and "<" not in doc.text


def _t(start: int, end: int, value: str, kind: str = "DATE") -> Timex:
    return Timex(start, end, kind, value, "")


@pytest.mark.parametrize(
    ("system", "strict_f1", "relaxed_f1", "value_f1"),
    [
        ([_t(0, 6, "2013-03-22"), _t(20, 27, "P1M")], 1.0, 1.0, 1.0),
        # Right spans, one wrong value: attribute P = R = 1/2.
        ([_t(0, 6, "2013-03-22"), _t(20, 27, "P1D")], 1.0, 1.0, 0.5),
        # Overlapping but longer span: relaxed, not strict.
        ([_t(0, 12, "2013-03-22")], 0.0, 2 * 1.0 * 0.5 / 1.5, 2 * 1.0 * 0.5 / 1.5),
        # A spurious expression lowers precision only.
        ([_t(0, 6, "2013-03-22"), _t(20, 27, "P1M"), _t(40, 44, "2010")], 0.8, 0.8, 0.8),
        ([], 0.0, 0.0, 0.0),
    ],
)
def test_tempeval3_definitions(system, strict_f1, relaxed_f1, value_f1):
    reference = [_t(0, 6, "2013-03-22"), _t(20, 27, "P1M", "DURATION")]
    metrics = score([(system, reference)])
    assert metrics["strict"]["f1"] == pytest.approx(strict_f1)
    assert metrics["relaxed"]["f1"] == pytest.approx(relaxed_f1)
    assert metrics["value"]["f1"] == pytest.approx(value_f1)


@pytest.mark.slow
def test_smoke_on_three_te3_documents(shared_dir):
    from rich.console import Console

    metrics = run(shared_dir / "eval" / "times" / "te3-platinum", limit=3)
    assert metrics["documents"] == 3 and metrics["reference"] > 0
    assert metrics["value"]["f1"] > 0.6
    console = Console(record=True, width=120)
    console.print(render(metrics))
    assert "value (attribute F1)" in console.export_text()
