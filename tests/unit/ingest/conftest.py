"""Fixtures for the ingest readers: read options with the built-in outlet patterns."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tocsin.ingest import InputProblem, ReadOptions, default_outlet_patterns, read_file
from tocsin.records import Article

Item = Article | InputProblem


@pytest.fixture
def options() -> ReadOptions:
    return ReadOptions(max_bytes=100_000, outlets=default_outlet_patterns())


@pytest.fixture
def read(options: ReadOptions) -> Callable[[Path], list[Item]]:
    """Read one file with the reader its extension selects."""

    def _read(path: Path) -> list[Item]:
        return list(read_file(path, options))

    return _read
