"""The Python API for notebooks: ``tocsin.annotate(text, published=..., outlet=...)``.

Resources load once per process on first use (a second or two); pass your own
``Resources`` to control the model and data files.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from tocsin.flatten import event_rows
from tocsin.records import Article, CodedArticle

if TYPE_CHECKING:
    import pandas as pd

    from tocsin.resources import Resources


@lru_cache(maxsize=1)
def default_resources() -> Resources:
    from tocsin.resources import load_resources

    return load_resources()


def make_article(
    text: str,
    *,
    id: str | None = None,
    published: dt.date | str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    title: str | None = None,
) -> Article:
    """An Article for text given as is: offsets will index ``text`` exactly."""
    from tocsin.ingest import article_id, infer_outlet, parse_published

    published, precision = parse_published(published or None)
    outlet_source = "input" if outlet else None
    if not outlet:
        outlet = infer_outlet(text)
        outlet_source = "text" if outlet else None
    return Article(
        id=id or article_id(text),
        text=text,
        title=title,
        url=url,
        outlet=outlet,
        outlet_source=outlet_source,
        published=published,
        published_precision=precision,
    )


@dataclass(frozen=True, slots=True)
class CodedArticles(Sequence[CodedArticle]):
    """A result set: a sequence of coded articles with table views."""

    items: tuple[CodedArticle, ...]

    def __getitem__(self, index: Any) -> Any:
        return self.items[index]

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self) -> Iterator[CodedArticle]:
        return iter(self.items)

    def rows(self) -> list[dict[str, Any]]:
        return [row for coded in self.items for row in event_rows(coded)]

    def to_pandas(self) -> pd.DataFrame:
        """One row per event, with its article's id, outlet and publication date."""
        import pandas as pd

        return pd.DataFrame(self.rows())


def annotate(
    text: str,
    *,
    published: dt.date | str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    resources: Resources | None = None,
) -> CodedArticle:
    """Code one text: actors, places, times, events (with claimants), claims."""
    from tocsin.pipeline import code_article

    res = resources or default_resources()
    return code_article(make_article(text, published=published, outlet=outlet, url=url), res)


def annotate_many(
    texts: Iterable[str | Article], *, resources: Resources | None = None, batch_size: int = 32
) -> CodedArticles:
    """Code many texts (or Articles) in spaCy batches; ``.to_pandas()`` gives the events."""
    from tocsin.pipeline import code_articles

    res = resources or default_resources()
    articles = (t if isinstance(t, Article) else make_article(t) for t in texts)
    return CodedArticles(tuple(code_articles(articles, res, batch_size=batch_size)))
