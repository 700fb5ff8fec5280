"""Specificity signal weights, read from ``data/attribution/specificity_weights.csv``."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from tocsin.errors import DataFileError

SIGNALS = (
    "base",
    "named_people",
    "quotations",
    "explicit_dates",
    "places",
    "numbers",
    "named_sources",
    "generic_phrasing",
    "templated_headings",
    "lists_and_tables",
    "boilerplate",
    "anonymous_sources",
)


class SignalWeightRow(BaseModel):
    model_config = ConfigDict(extra="forbid")

    signal: Literal[SIGNALS]  # type: ignore[valid-type]
    direction: Literal["+", "-"]
    weight: float = Field(ge=0, le=1)
    saturation: float = Field(gt=0)
    per_words: int = Field(ge=0)
    note: str = ""


@dataclass(frozen=True, slots=True)
class SignalWeight:
    signal: str
    sign: float
    weight: float
    saturation: float
    per_words: int


def default_weights_file() -> Path:
    return Path(str(importlib_resources.files("tocsin") / "data" / "attribution" / "specificity_weights.csv"))


def load_specificity_weights(path: Path | None = None) -> tuple[SignalWeight, ...]:
    """Read and validate the weights CSV (``#`` lines are the provenance header)."""
    path = path or default_weights_file()
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise DataFileError(str(path), None, f"cannot read specificity weights: {err}") from err
    rows = [(n, ln) for n, ln in enumerate(lines, start=1) if ln.strip() and not ln.startswith("#")]
    if not rows:
        raise DataFileError(str(path), None, "no header line")
    header = next(csv.reader([rows[0][1]]))
    out: list[SignalWeight] = []
    for number, line in rows[1:]:
        record = dict(zip(header, next(csv.reader([line])), strict=False))
        try:
            row = SignalWeightRow.model_validate(record)
        except ValidationError as err:
            raise DataFileError.invalid(str(path), number, err, default="line") from err
        sign = 1.0 if row.direction == "+" else -1.0
        out.append(SignalWeight(row.signal, sign, row.weight, row.saturation, row.per_words))
    missing = set(SIGNALS) - {w.signal for w in out}
    if missing:
        raise DataFileError(str(path), None, f"missing signals: {', '.join(sorted(missing))}")
    return tuple(out)
