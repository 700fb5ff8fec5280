"""Shared fixtures: heavy things are loaded once per session, and only where used."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "issue(n): regression test for issue n")


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"shared corpora not found at {SHARED}")
    return SHARED


@pytest.fixture(scope="session")
def nlp():
    from tocsin.nlp import shared_nlp

    return shared_nlp()


@pytest.fixture(scope="session")
def resources():
    from tocsin.resources import load_resources

    return load_resources()
