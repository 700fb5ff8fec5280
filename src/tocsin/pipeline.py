"""``code_article``: an article's whole path through tocsin, top to bottom.

The CLI, the API and the Ray batch all call this one function. Every stage is
pure: records and resources in, new records out; the spaCy ``Doc`` never leaves.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from tocsin.actors import resolve_actors
from tocsin.attribution import attribute_claims, link_claims, score_specificity
from tocsin.events import code_events
from tocsin.places import locate_events, resolve_places
from tocsin.records import Article, CodedArticle
from tocsin.resources import Resources
from tocsin.times import date_events, normalise_times


def code_article(article: Article, res: Resources, *, doc: Doc | None = None) -> CodedArticle:
    """Code one article. ``doc`` lets batch callers pass a Doc from ``nlp.pipe``."""
    doc = doc if doc is not None else res.nlp(article.text)  # offsets index article.text
    on = article.published
    actors = resolve_actors(doc, res.actors, on=on)
    places = resolve_places(doc, res.gazetteer, actors=actors)
    times = normalise_times(doc, anchor=on)
    events = code_events(doc, actors, res.event_rules, on=on)
    events = locate_events(doc, events, places)
    events = date_events(doc, events, times, published=on)
    events = attribute_claims(
        doc, events, actors, res.cues, published=on, historical_days=res.settings.historical_days
    )
    claims = link_claims(doc, events, res.cues)
    specificity, signals = score_specificity(doc, actors, places, times, res.cues)
    return CodedArticle(
        article=article,
        actors=actors,
        places=places,
        times=times,
        events=events,
        claims=claims,
        specificity=specificity,
        specificity_signals=signals,
    )


def code_articles(
    articles: Iterable[Article], res: Resources, *, batch_size: int = 32
) -> Iterator[CodedArticle]:
    """Code a stream of articles, running spaCy in batches (``nlp.pipe``)."""
    pending: list[Article] = []
    for article in articles:
        pending.append(article)
        if len(pending) >= batch_size:
            yield from _code_batch(pending, res)
            pending = []
    if pending:
        yield from _code_batch(pending, res)


def _code_batch(batch: list[Article], res: Resources) -> Iterator[CodedArticle]:
    docs = res.nlp.pipe([a.text for a in batch], batch_size=len(batch))
    for article, doc in zip(batch, docs, strict=True):
        yield code_article(article, res, doc=doc)
