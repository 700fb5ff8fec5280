"""What tocsin must find in the seed articles, row by row of ../shared/seeds/EXPECTED.md.

The sentence each row speaks of is located at run time from the row's "sentence
(start)" cell in EXPECTED.md, so no article text lives in the project. What is
expected of the row is our reading of its other cells, as structured data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

SEED_FILES = {
    "004": ("004_e71a02bfbd361d1b.txt", "2024-07-02"),
    "001": ("001_bd98b71a128cd06e.txt", "2022-11-15"),
    "000": ("000_06b094a6d0c47232.txt", "2025-01-20"),
}


@dataclass(frozen=True)
class Row:
    seed: str
    row: str  # the "#" cell; "-" for "must not" rows
    level: str  # must, should, must not
    events: tuple[str, ...]  # any of these PLOVER types
    actor: tuple[str, ...] = ()  # any of these countries among the event's actors
    actor_sector: str | None = None
    recipient: tuple[str, ...] = ()
    recipient_sector: str | None = None
    mode: str | None = None
    # The date: an ISO prefix the event's date must start with (any of them), and
    # the precisions accepted.
    date: tuple[str, ...] = ()
    precision: tuple[str, ...] = ()
    place_feature: str | None = None
    place_country: str | None = None
    place_id: str | None = None
    factuality: tuple[str, ...] = ()
    claimant: str | None = None  # "BLR MIL"
    claim_status: str | None = None
    historical: bool | None = None
    forbidden_asserted: tuple[str, ...] = field(default=())


ROWS: tuple[Row, ...] = (
    # 004, published 2024-07-02
    Row(
        "004",
        "1",
        "must",
        ("THREATEN",),
        actor=("BLR",),
        recipient=("UKR",),
        date=("2024-06", "2024-07"),
        factuality=("asserted",),
    ),
    Row(
        "004",
        "2",
        "must",
        ("MOBILIZE",),
        mode="weapons",
        actor=("BLR",),
        actor_sector="MIL",
        recipient=("UKR",),
        date=("2024-06", "2024-07"),
        place_feature="border",
        place_id="border:BLR-UKR",
        factuality=("asserted",),
    ),
    Row(
        "004",
        "3",
        "should",
        ("ACCUSE",),
        mode="allege",
        actor=("BLR",),
        actor_sector="MIL",
        recipient=("UKR",),
        date=("2024-06-29",),
        precision=("day",),
        factuality=("asserted",),
    ),
    Row(
        "004",
        "4",
        "must",
        ("MOBILIZE",),
        mode="troops",
        actor=("UKR",),
        date=("2024-06", "2024-07"),
        place_feature="adm1",
        place_country="UKR",
        factuality=("claimed",),
        claimant="BLR MIL",
        claim_status="contested",
    ),
    Row(
        "004",
        "5",
        "must",
        ("ASSAULT",),
        actor=("BLR",),
        actor_sector="MIL",
        recipient=("UKR",),
        date=("2024-06-28",),
        precision=("day",),
        factuality=("claimed",),
        claimant="BLR MIL",
        claim_status="contested",
    ),
    Row(
        "004",
        "6",
        "must",
        ("REJECT",),
        actor=("UKR",),
        actor_sector="GOV",
        recipient=("BLR",),
        date=("2024-06", "2024-07"),
        factuality=("asserted",),
    ),
    Row(
        "004",
        "7",
        "must",
        ("ACCUSE",),
        mode="allege",
        actor=("UKR",),
        recipient=("BLR", "RUS"),
        date=("2024-07-01",),
        precision=("day",),
        factuality=("asserted",),
    ),
    Row(
        "004",
        "8",
        "should",
        ("MOBILIZE",),
        mode="troops",
        actor=("UKR",),
        date=("2024-06", "2024-07"),
        place_feature="border",
        factuality=("claimed",),
        claimant="UKR",
    ),
    Row(
        "004",
        "9",
        "should",
        ("CONSULT",),
        actor=("RUS",),
        recipient=("BLR",),
        date=("2024-06", "2024-07"),
        factuality=("claimed",),
        claimant="RUS GOV",
    ),
    Row(
        "004",
        "10",
        "should",
        ("CONSULT", "AGREE"),
        actor=("BLR", "RUS"),
        date=("2024-07-03",),
        place_country="KAZ",
        factuality=("planned",),
    ),
    Row(
        "004",
        "11",
        "must",
        ("MOBILIZE",),
        mode="troops",
        actor=("RUS",),
        actor_sector="MIL",
        date=("2022",),
        precision=("season", "quarter"),
        place_country="BLR",
        factuality=("asserted",),
        historical=True,
    ),
    Row(
        "004",
        "12",
        "should",
        ("MOBILIZE",),
        mode="weapons",
        actor=("BLR", "RUS"),
        date=("2022", "2023"),
        place_country="BLR",
        factuality=("asserted", "claimed"),
        historical=True,
    ),
    Row(
        "004",
        "13",
        "must",
        ("MOBILIZE",),
        mode="weapons",
        actor=("RUS",),
        date=("2023",),
        precision=("season", "quarter", "month"),
        place_country="BLR",
        factuality=("planned",),
        historical=True,
    ),
    Row("004", "-", "must not", (), forbidden_asserted=("MOBILIZE", "ASSAULT")),
    # 001, published 2022-11-15
    Row(
        "001",
        "1",
        "must",
        ("MOBILIZE",),
        mode="troops",
        actor=("BLR",),
        actor_sector="MIL",
        date=("2022-10", "2022-11"),
        place_country="BLR",
        factuality=("asserted", "claimed"),
    ),
    Row(
        "001",
        "2",
        "must",
        ("MOBILIZE",),
        actor=("USA",),
        actor_sector="MIL",
        recipient=("BLR",),
        date=("2022-10", "2022-11"),
        factuality=("claimed",),
        claimant="BLR MIL",
    ),
    Row(
        "001",
        "3",
        "should",
        ("COOPERATE",),
        actor=("RUS",),
        actor_sector="MIL",
        recipient=("BLR",),
        recipient_sector="MIL",
        place_country="BLR",
        factuality=("claimed",),
    ),
    Row(
        "001",
        "4",
        "must",
        ("COOPERATE", "MOBILIZE"),
        actor=("BLR",),
        actor_sector="GOV",
        recipient=("RUS",),
        date=("2022-10-10",),
        precision=("day",),
        factuality=("asserted",),
    ),
    Row(
        "001",
        "5",
        "should",
        ("REJECT",),
        actor=("BLR",),
        actor_sector="MIL",
        date=("2022-10", "2022-11"),
        factuality=("asserted",),
    ),
    # 000, published 2025-01-20
    Row(
        "000",
        "1",
        "must",
        ("MOBILIZE",),
        mode="troops",
        actor=("BLR",),
        recipient=("UKR",),
        date=("2025-01", "2024-12"),
        place_feature="border",
        place_id="border:BLR-UKR",
        factuality=("asserted",),
    ),
    Row(
        "000",
        "2",
        "should",
        ("MOBILIZE",),
        mode="troops",
        actor=("BLR",),
        actor_sector="MIL",
        place_feature="border",
        factuality=("planned",),
    ),
    Row("000", "-", "must not", (), forbidden_asserted=("SANCTION", "CONSULT", "AID")),
)


_ROW_RE = re.compile(r"^\|\s*(?P<num>\d+|—|-)\s*\|\s*(?P<sentence>[^|]*)\|")
_HEADING_RE = re.compile(r"^## (\d{3})_")


def sentence_cells(expected_md: Path) -> dict[tuple[str, str], str]:
    """(seed, row number) -> the "sentence (start)" cell of EXPECTED.md."""
    cells: dict[tuple[str, str], str] = {}
    seed = None
    for line in expected_md.read_text(encoding="utf-8").splitlines():
        if m := _HEADING_RE.match(line):
            seed = m.group(1)
        elif seed and (m := _ROW_RE.match(line)):
            num = m.group("num")
            cells[(seed, "-" if num in {"—", "-"} else num)] = m.group("sentence").strip()
    return cells


def fragments(cell: str) -> list[str]:
    """The quoted pieces of a sentence cell, split at ellipses, longest first."""
    quoted = re.findall(r"\"([^\"]+)\"", cell.replace("“", '"').replace("”", '"'))
    pieces = [p.strip(" .,…") for q in quoted for p in re.split(r"\.\.\.|…", q)]
    return sorted((p for p in pieces if len(p) >= 12), key=len, reverse=True)


def fold(text: str) -> str:
    """Same-length folding of quotes and case, so offsets in the folded text index the original."""
    table = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})
    return text.translate(table).lower()


def locate(text: str, cell: str) -> list[int]:
    """Character offsets in ``text`` where the row's sentence fragments occur."""
    folded = fold(text)
    offsets = []
    for piece in fragments(cell):
        at = folded.find(fold(piece))
        if at >= 0:
            offsets.append(at)
    return offsets
