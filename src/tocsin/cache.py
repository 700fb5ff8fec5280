"""The user cache for built indexes (actor dictionary, gazetteer): where, and how to write.

Each index is a ``marshal`` file named ``<kind>-<key>.marshal``, the key a hash of
everything the index is built from, so editing a data file builds a new one; the
stale ones of the same kind are removed when a new one is written.
"""

from __future__ import annotations

import marshal
import os
from pathlib import Path
from typing import Any


def cache_dir() -> Path:
    """``TOCSIN_CACHE_DIR``, else ``$XDG_CACHE_HOME/tocsin``, else ``~/.cache/tocsin``."""
    if env := os.environ.get("TOCSIN_CACHE_DIR"):
        return Path(env)
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "tocsin"


def write_index(path: Path, data: Any) -> None:
    """Write atomically (a parallel process never reads half a file) and drop stale indexes."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".tmp{os.getpid()}")
        tmp.write_bytes(marshal.dumps(data))
        tmp.replace(path)
    except OSError:
        return  # a read-only cache directory only costs speed
    kind = path.name.split("-", 1)[0]
    for stale in path.parent.glob(f"{kind}-*{path.suffix}"):
        if stale != path:
            stale.unlink(missing_ok=True)
