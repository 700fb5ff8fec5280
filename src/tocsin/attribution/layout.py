"""The article's layout: which line is a heading, a bullet, a table row, and under what.

Generated and analytical texts put recommendations in bullet lists and tables
under headings such as "Strategic Recommendations"; the sentence parse alone
cannot tell that "- Launch diplomatic initiatives" is a call to action. One pass
over the lines of the text, done once per article, gives each line its heading,
the lead-in line of its list ("The recommendations below outline...:") and, for a
table row, its header cells.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Literal

LineKind = Literal["prose", "heading", "bullet", "table_row", "table_rule", "blank"]

_BULLETS = ("- ", "* ", "• ", "– ", "— ", "· ")
_TERMINAL = ".!:;,\"”'’)"
_MAX_HEADING_WORDS = 16


@dataclass(frozen=True, slots=True)
class Line:
    start: int
    end: int
    text: str
    kind: LineKind
    heading: str | None = None  # the last heading above this line
    lead_in: str | None = None  # for bullets / table rows: the prose line introducing the block
    header_cells: tuple[str, ...] = ()  # for table rows: the block's first row

    def cells(self) -> list[tuple[int, int, str]]:
        """(start, end, text) of each table cell, as character offsets into the article."""
        out: list[tuple[int, int, str]] = []
        if self.kind != "table_row":
            return out
        pos = self.start
        for part in self.text.split("|"):
            if part.strip():
                lead = len(part) - len(part.lstrip())
                out.append((pos + lead, pos + len(part.rstrip()), part.strip()))
            pos += len(part) + 1
        return out

    def cell_at(self, offset: int) -> tuple[int, str]:
        """Index and text of the table cell holding ``offset`` (-1 when not in a cell)."""
        for index, (start, end, text) in enumerate(self.cells()):
            if start <= offset <= end:
                return index, text
        return -1, ""

    @property
    def first_word(self) -> str:
        body = self.text.lstrip(" \t-*•–—·|0123456789.)")
        word = body.split(" ", 1)[0] if body else ""
        return word.strip(":,.;").lower()


def _is_bullet(stripped: str) -> bool:
    if stripped.startswith(_BULLETS):
        return True
    head = stripped.split(" ", 1)[0]
    return len(head) <= 4 and head[:-1].isdigit() and head[-1:] in ".)"


def _is_heading(stripped: str) -> bool:
    if stripped.startswith("#"):
        return True
    words = stripped.split()
    if not words or len(words) > _MAX_HEADING_WORDS or stripped[-1] in _TERMINAL:
        return False
    if stripped.endswith("?"):
        # A short title-case question is a heading ("A Second Cold War?"); a long one is prose.
        return len(words) <= 6 and all(w[:1].isupper() for w in words)
    capitalised = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
    return capitalised * 2 >= len(words)


def _classify(stripped: str) -> LineKind:
    if not stripped:
        return "blank"
    if stripped.startswith("|"):
        body = stripped.replace("|", "").replace(":", "").replace(" ", "")
        return "table_rule" if body and set(body) == {"-"} else "table_row"
    if _is_bullet(stripped):
        return "bullet"
    if _is_heading(stripped):
        return "heading"
    return "prose"


def _split_cells(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.strip().strip("|").split("|"))


@dataclass(frozen=True, slots=True)
class Layout:
    lines: tuple[Line, ...]
    starts: tuple[int, ...]

    def line_at(self, offset: int) -> Line | None:
        index = bisect_right(self.starts, offset) - 1
        return self.lines[index] if index >= 0 else None

    def count(self, kind: LineKind) -> int:
        return sum(1 for line in self.lines if line.kind == kind)


def read_layout(text: str) -> Layout:
    """Classify every line of ``text`` once; offsets index ``text`` as given."""
    lines: list[Line] = []
    heading: str | None = None
    last_prose: str | None = None
    block_lead: str | None = None
    header: tuple[str, ...] = ()
    previous: LineKind = "blank"
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        kind = _classify(stripped)
        if kind == "heading":
            heading = stripped.lstrip("#").strip()
        if kind in ("bullet", "table_row", "table_rule"):
            if previous not in ("bullet", "table_row", "table_rule"):
                # A new block: its lead-in is the prose line just before, if it introduces it.
                block_lead = last_prose if last_prose and last_prose.rstrip().endswith(":") else None
            if kind == "table_row" and previous not in ("table_row", "table_rule"):
                header = _split_cells(stripped)
        if kind == "prose":
            last_prose = stripped
        elif kind == "heading":
            last_prose = None
        in_block = kind in ("bullet", "table_row")
        lines.append(
            Line(
                start=pos,
                end=pos + len(raw),
                text=raw,
                kind=kind,
                heading=heading,
                lead_in=block_lead if in_block else None,
                header_cells=header if kind == "table_row" else (),
            )
        )
        if kind != "blank":
            previous = kind
        pos += len(raw) + 1
    return Layout(lines=tuple(lines), starts=tuple(line.start for line in lines))
