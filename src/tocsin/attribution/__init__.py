"""Attribution: who says so, how sure the text is, and how specific the article is.

* ``attribute_claims`` sets each event's factuality (asserted, claimed, denied,
  planned, hypothetical, recommended), its claimant and the historical flag;
* ``link_claims`` turns claimed events into Claims with the stances of other
  parties (unverified / contested / corroborated);
* ``score_specificity`` rates the article's concreteness in [0, 1];
* ``grade_outlet`` gives the analyst's Admiralty grade (A-F) for an outlet.

All lexicons are data (``data/attribution/``), loaded once by ``load_cues``.
"""

from tocsin.attribution.attribute import attribute_claims, explain_claims
from tocsin.attribution.claims import link_claims
from tocsin.attribution.cues import AttributionCues, load_cues
from tocsin.attribution.outlets import GRADE_MEANING, OutletGrade, grade_outlet, load_outlet_grades
from tocsin.attribution.specificity import score_specificity

__all__ = [
    "GRADE_MEANING",
    "AttributionCues",
    "OutletGrade",
    "attribute_claims",
    "explain_claims",
    "grade_outlet",
    "link_claims",
    "load_cues",
    "load_outlet_grades",
    "score_specificity",
]
