"""What a reader yields instead of raising when one input cannot be read."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class InputProblem:
    """One bad input (a file, a line of a file, a feed entry, a URL) and why.

    ``source`` says where: a path, ``path:line`` for one record of a multi-record
    file, or a URL. ``str(problem)`` is the one line the CLI prints.
    """

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"
