"""tocsin: an early-warning system that reads the news.

>>> import tocsin
>>> coded = tocsin.annotate("Minsk said on Monday it had called up reservists.", published="2025-01-20")
>>> [(e.event, e.factuality) for e in coded.events]
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"
__all__ = ["__version__", "annotate", "annotate_many"]


def __getattr__(name: str) -> Any:
    # The API pulls in spaCy; import it on first use so `import tocsin` stays cheap.
    if name in {"annotate", "annotate_many"}:
        from tocsin import api

        return getattr(api, name)
    raise AttributeError(f"module 'tocsin' has no attribute {name!r}")
