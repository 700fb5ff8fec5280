"""Attribution fixtures: the built-in cues, loaded once per session."""

from __future__ import annotations

import pytest

from tocsin.attribution import AttributionCues, load_cues


@pytest.fixture(scope="session")
def cues() -> AttributionCues:
    return load_cues()
