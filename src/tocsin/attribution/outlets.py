"""Admiralty reliability grades (A-F) for outlets, from an analyst's CSV file.

The file is the analyst's judgement, not ours, so tocsin ships none: the
settings point at one (``Settings.outlet_grades_file``). Format (see
docs/data-formats/attribution.md)::

    pattern,grade,note
    reuters.com,B,wire service
    *epoch times*,C,
    united24*,D,state-run outlet of a party to the conflict

``pattern`` is a case-insensitive shell glob matched against the outlet name
and, when given, the URL's host (with and without ``www.``). Rows are tried in
file order; the first that matches wins, so put specific patterns first.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Literal
from urllib.parse import urlparse

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from tocsin.errors import DataFileError

AdmiraltyGrade = Literal["A", "B", "C", "D", "E", "F"]

GRADE_MEANING: dict[str, str] = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}


class OutletGradeRow(BaseModel):
    model_config = ConfigDict(extra="forbid")

    pattern: str = Field(min_length=1)
    grade: AdmiraltyGrade
    note: str = ""


@dataclass(frozen=True, slots=True)
class OutletGrade:
    pattern: str  # lower-cased glob
    grade: str
    note: str
    line: int


def load_outlet_grades(path: Path) -> tuple[OutletGrade, ...]:
    """Read and validate an outlet grade CSV; errors read ``file:line: [field] message``."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise DataFileError(str(path), None, f"cannot read outlet grades: {err}") from err
    lines = [ln for ln in text.splitlines()]
    # Comment lines (provenance header) start with '#'; keep line numbers true to the file.
    rows = [(n, ln) for n, ln in enumerate(lines, start=1) if ln.strip() and not ln.lstrip().startswith("#")]
    if not rows:
        return ()
    header_line, header = rows[0]
    fields = next(csv.reader([header]))
    if [f.strip() for f in fields[:2]] != ["pattern", "grade"]:
        raise DataFileError(
            str(path), header_line, "header must start with 'pattern,grade' (optional ',note')"
        )
    grades: list[OutletGrade] = []
    for number, line in rows[1:]:
        values = next(csv.reader([line]))
        record = dict(zip([f.strip() for f in fields], (v.strip() for v in values), strict=False))
        try:
            row = OutletGradeRow.model_validate({**record, "grade": record.get("grade", "").upper()})
        except ValidationError as err:
            raise DataFileError.invalid(
                str(path), number, err, default="line", hint=" (grades: A-F)"
            ) from err
        grades.append(OutletGrade(row.pattern.lower(), row.grade, row.note, number))
    return tuple(grades)


def _candidates(outlet: str | None, url: str | None) -> list[str]:
    names: list[str] = []
    if outlet:
        names.append(outlet.strip().lower())
    if url:
        host = (urlparse(url).hostname or "").lower()
        if host:
            names.append(host)
            if host.startswith("www."):
                names.append(host[4:])
    return names


def grade_outlet(
    grades: tuple[OutletGrade, ...], outlet: str | None, url: str | None = None
) -> OutletGrade | None:
    """The analyst's grade for an outlet (by name or URL host), or None if ungraded."""
    names = _candidates(outlet, url)
    for grade in grades:
        if any(fnmatchcase(name, grade.pattern) for name in names):
            return grade
    return None
