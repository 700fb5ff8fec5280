"""score_specificity: reported news scores above a templated, unsourced rewrite."""

from __future__ import annotations

import pytest

from tocsin.attribution import score_specificity

REPORTED = (
    "Lithuanian border guards detained 14 migrants near Druskininkai on March 3, "
    "the State Border Guard Service said on Tuesday. "
    "“We saw a group of people crossing through the forest at night,” said Rustamas Liubajevas, "
    "the service's commander. He said 230 attempts had been stopped since January."
)
TEMPLATED = (
    "Rising Tensions on the Border\n"
    "Analysts note that the situation underscores growing concerns in the security landscape.\n"
    "Key Developments\n"
    "- Increased activity along the frontier.\n"
    "- Heightened tensions in the region.\n"
    "| Aspect | Potential Impact |\n"
    "|---|---|\n"
    "| Regional Outlook | Greater uncertainty |\n"
    "Closing Remarks\n"
    "Observers will keep a close eye on events as the story unfolds.\n"
)


def test_reported_text_scores_above_templated_text(nlp, cues) -> None:
    high, _ = score_specificity(nlp(REPORTED), (), (), (), cues)
    low, signals = score_specificity(nlp(TEMPLATED), (), (), (), cues)
    assert high - low >= 0.3
    for signal in ("templated_headings", "lists_and_tables", "boilerplate", "generic_phrasing"):
        assert signals[signal] < 0, signal


@pytest.mark.parametrize("text", [REPORTED, TEMPLATED])
def test_score_is_the_clamped_sum_of_signals(nlp, cues, text: str) -> None:
    score, signals = score_specificity(nlp(text), (), (), (), cues)
    assert 0.0 <= score <= 1.0
    assert score == pytest.approx(min(1.0, max(0.0, sum(signals.values()))))


def test_empty_text_scores_zero(nlp, cues) -> None:
    assert score_specificity(nlp(""), (), (), (), cues) == (0.0, {})
