"""Places fixtures: the gazetteer is loaded once per session (it is cached on disk after the first run)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def gazetteer():
    from tocsin.places import load_gazetteer

    return load_gazetteer()
