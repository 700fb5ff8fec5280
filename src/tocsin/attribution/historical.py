"""Is an event historical: dated more than ``historical_days`` before publication?

Event dates arrive as ISO 8601 (``2024-06-28``, ``2024-06``, ``2022``), TIMEX3
values (``2022-Q4``, ``2023-SP``, ``2024-W27``, ``XXXX-06-28``) or intervals
(``start/end``). An event is historical when even the *latest* day its date can
mean lies more than ``historical_days`` before the reference: "late 2022" ends
on 2022-12-31. Without a publication date the reference is 1 January of the
latest year the article itself mentions (the article cannot be older than
that), and unknown years (``XXXX``) are never judged.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from spacy.tokens import Doc, Span

from tocsin.attribution.cues import AttributionCues

_SEASON_END = {"WI": (3, 20), "SP": (6, 20), "SU": (9, 22), "FA": (12, 20), "AU": (12, 20)}
_PART_END = {"H1": (6, 30), "H2": (12, 31), "Q1": (3, 31), "Q2": (6, 30), "Q3": (9, 30), "Q4": (12, 31)}
_YEAR = re.compile(r"^(\d{4})(?:-(.+))?$")
_YEAR_WORD = re.compile(r"^(1[89]\d\d|20\d\d)$")
# A year as a word: not part of a longer number ("1,999", "12000") or a decimal.
_YEAR_IN_TEXT = re.compile(r"(?<![\d,.])(1[89]\d\d|20\d\d)(?!\d|,\d|\.\d)")
_OPENING_WORDS = 6
# Relative openings the times stage may leave unattached: "Early last year", "Two years ago".
_LAST_YEAR = re.compile(r"\b(?:last|previous|the previous) year\b")
_YEARS_AGO = re.compile(
    r"\b(a|one|two|three|four|five|six|seven|eight|nine|ten|several|many|\d+) years? ago\b"
)
_NUMBER_WORDS = {
    "a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "several": 3, "many": 5,
}  # fmt: skip


def latest_day(value: str | None) -> dt.date | None:
    """The last calendar day a date value can mean; None when the year is unknown."""
    if not value:
        return None
    if "/" in value:
        return latest_day(value.split("/", 1)[1]) or latest_day(value.split("/", 1)[0])
    match = _YEAR.match(value.strip())
    if not match:
        return None
    year = int(match.group(1))
    rest = (match.group(2) or "").upper()
    if not rest:
        return dt.date(year, 12, 31)
    if rest in _SEASON_END:
        month, day = _SEASON_END[rest]
        return dt.date(year, month, day)
    if rest in _PART_END:
        month, day = _PART_END[rest]
        return dt.date(year, month, day)
    if rest.startswith("W") and rest[1:3].isdigit():
        try:
            return dt.date.fromisocalendar(year, min(int(rest[1:3]), 52), 7)
        except ValueError:
            return None
    parts = rest.split("-")
    try:
        month = int(parts[0][:2])
        if not 1 <= month <= 12:
            return None
        if len(parts) > 1 and parts[1][:2].isdigit():
            return dt.date(year, month, int(parts[1][:2]))
        return dt.date(year, month, calendar.monthrange(year, month)[1])
    except ValueError:
        return None


def earliest_day(value: str | None) -> dt.date | None:
    """The first calendar day a date value can mean (for future checks)."""
    if not value:
        return None
    first = value.split("/", 1)[0].strip()
    match = _YEAR.match(first)
    if not match:
        return None
    year = int(match.group(1))
    rest = (match.group(2) or "").upper()
    try:
        if rest[:2].isdigit():
            month = int(rest[:2])
            parts = rest.split("-")
            day = int(parts[1][:2]) if len(parts) > 1 and parts[1][:2].isdigit() else 1
            return dt.date(year, month, day)
    except ValueError:
        return None
    if rest in _PART_END:
        return dt.date(year, {"Q1": 1, "Q2": 4, "Q3": 7, "Q4": 10, "H1": 1, "H2": 7}[rest], 1)
    return dt.date(year, 1, 1)


def reference_day(doc: Doc, published: dt.date | None) -> dt.date | None:
    """Publication date, else 1 January of the latest year mentioned in the article."""
    if published is not None:
        return published
    years = [int(t.text) for t in doc if t.ent_type_ == "DATE" and _YEAR_WORD.match(t.text)]
    return dt.date(max(years), 1, 1) if years else None


def _years_in(text: str) -> list[int]:
    return [int(y) for y in _YEAR_IN_TEXT.findall(text)]


def is_historical(
    date_value: str | None,
    sent: Span,
    reference: dt.date | None,
    historical_days: int,
    cues: AttributionCues,
    *,
    text: str | None = None,
) -> tuple[bool, str | None]:
    """(historical?, reason). Reasons: ``date.before_window`` or ``sentence.<cue id>``.

    ``text`` is the article text (``Doc.text`` rebuilt per call costs a pass over the tokens).
    """
    if reference is None:
        return False, None
    cutoff = reference - dt.timedelta(days=historical_days)
    last = latest_day(date_value)
    if last is not None:
        return (last < cutoff, "date.before_window") if last < cutoff else (False, None)
    return _sentence_past(sent, reference, cutoff, cues, text if text is not None else sent.doc.text, depth=0)


def _sentence_past(
    sent: Span, reference: dt.date, cutoff: dt.date, cues: AttributionCues, text: str, *, depth: int
) -> tuple[bool, str | None]:
    """No usable event date: is the sentence itself about the past?"""
    low = text[sent.start_char : sent.end_char].lower()
    # A sentence that opens with a past year ("In late 2022", "Since 1999").
    opening_text = " ".join(low.split()[:_OPENING_WORDS])
    years = _years_in(opening_text)
    if _LAST_YEAR.search(opening_text):
        years.append(reference.year - 1)
    if match := _YEARS_AGO.search(opening_text):
        word = match.group(1)
        years.append(reference.year - (int(word) if word.isdigit() else _NUMBER_WORDS[word]))
    markers = [m for m in cues.of("past_marker") if m in low]
    if years and max(years) < cutoff.year:
        return True, "sentence.past_year"
    if markers and any(y < cutoff.year for y in _years_in(low)):
        return True, f"sentence.{cues.ids.get(('past_marker', markers[0]), markers[0])}"
    # "Soon afterward, Minsk announced...": the time of the sentence before, if that was past.
    continues = any(opening_text.startswith(m) for m in cues.of("continuation_marker"))
    if continues and depth < 3 and sent.start > 0:
        previous = sent.doc[sent.start - 1].sent
        past, _reason = _sentence_past(previous, reference, cutoff, cues, text, depth=depth + 1)
        if past:
            return True, "sentence.continues_past"
    return False, None
