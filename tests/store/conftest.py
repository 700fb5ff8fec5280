"""Store fixtures: every store test runs on SQLite and on a real PostgreSQL server.

The PostgreSQL server is started once per session (``postgres_server.py``) and each
test gets its own database. Set ``TOCSIN_TEST_PG_URL`` to use an existing server
instead. Without the binaries the PostgreSQL half is skipped locally, and fails
under CI (``CI=true``) so a CI image without PostgreSQL cannot pass silently.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.store.postgres_server import PostgresServer, PostgresUnavailable, start_server
from tocsin.records import (
    ActorMention,
    Article,
    Claim,
    Claimant,
    CodedArticle,
    Event,
    PlaceMention,
    Stance,
    TimeMention,
)
from tocsin.store import Store


@pytest.fixture(scope="session")
def postgres_admin_url() -> Iterator[str]:
    """A superuser URL to the ``tocsin_test`` database of a throw-away PostgreSQL server."""
    if url := os.environ.get("TOCSIN_TEST_PG_URL"):
        yield url
        return
    try:
        server: PostgresServer = start_server()
    except PostgresUnavailable as err:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(str(err), pytrace=False)
        pytest.skip(str(err))
    try:
        yield server.create_database("tocsin_test")
    finally:
        server.stop()


def fresh_schema(admin_url: str) -> tuple[str, Callable[[], None]]:
    """A URL whose connections live in a new, empty schema; and the function that drops it.

    A schema per test (not a database) because CREATE DATABASE costs a second or more.
    """
    from sqlalchemy import create_engine, make_url

    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE SCHEMA "{name}"')

    def drop() -> None:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{name}" CASCADE')
        admin.dispose()

    url = make_url(admin_url).update_query_dict({"options": f"-csearch_path={name}"})
    return url.render_as_string(hide_password=False), drop


def _backend_url(request: pytest.FixtureRequest, directory: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{directory / 'store' / 'tocsin.db'}"
        return
    url, drop = fresh_schema(request.getfixturevalue("postgres_admin_url"))
    try:
        yield url
    finally:
        drop()


BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL to an empty store, once per backend."""
    yield from _backend_url(request, tmp_path)


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with Store.open(store_url) as s:
        yield s


@pytest.fixture(scope="module", params=BACKENDS)
def read_store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """The three sample articles, stored once per module and backend: for tests that only read."""
    for url in _backend_url(request, tmp_path_factory.mktemp("read")):
        with Store.open(url) as s:
            for coded in (blr_article(), rus_article(), talks_article()):
                assert s.save(coded)
            yield s


# -- hand-built records: three short articles, no spaCy ------------------------------------

BLR_TEXT = (
    "Belarus moved troops to the border with Ukraine on 28 June, the defence ministry said. "
    "Kyiv denied that any shots were fired."
)
RUS_TEXT = "Russian forces shelled Kharkiv in the spring of 2023, according to Ukrainian officials."
TALKS_TEXT = "Poland and Lithuania agreed on Tuesday to hold talks next month."


def _actor(
    text: str, body: str, country: str | None, sector: str | None = None, nth: int = 0
) -> ActorMention:
    start = -1
    for _ in range(nth + 1):
        start = body.index(text, start + 1)
    return ActorMention(text=text, start=start, end=start + len(text), country=country, sector=sector)


def _span(body: str, text: str) -> tuple[int, int]:
    start = body.index(text)
    return start, start + len(text)


def blr_article() -> CodedArticle:
    body = BLR_TEXT
    belarus = _actor("Belarus", body, "BLR", "GOV")
    ministry = _actor("defence ministry", body, "BLR", "MIL")
    kyiv = _actor("Kyiv", body, "UKR", "GOV")
    ukraine = _actor("Ukraine", body, "UKR")
    bstart, bend = _span(body, "the border with Ukraine")
    border = PlaceMention(
        text="the border with Ukraine",
        start=bstart,
        end=bend,
        name="Belarus-Ukraine border",
        geonameid="tocsin:border:BLR-UKR",
        feature="border",
        country="BLR",
        lat=51.5,
        lon=27.0,
        precision="region",
        countries=("BLR", "UKR"),
    )
    tstart, tend = _span(body, "28 June")
    first_end = body.index(".") + 1
    claimant = Claimant("the defence ministry", "BLR", "MIL", ministry.start - 4, ministry.end)
    mobilize = Event(
        event="MOBILIZE",
        mode=None,
        context=("military",),
        actor=(belarus,),
        recipient=(ukraine,),
        sentence_start=0,
        sentence_end=first_end,
        evidence=body[:first_end],
        coder="tocsin.events.rules.v1:mobilize.troops_to",
        confidence=0.82,
        trigger_start=8,
        trigger_end=13,
        trigger="moved",
        cameo="1512",
        location=border,
        date="2024-06-28",
        date_precision="day",
        date_source="sentence",
        factuality="claimed",
        claimant=claimant,
        index=0,
    )
    second = body.index("Kyiv")
    assault = Event(
        event="ASSAULT",
        mode="firearms",
        context=(),
        actor=(belarus,),
        recipient=(kyiv, ukraine),
        sentence_start=second,
        sentence_end=len(body),
        evidence=body[second:],
        coder="tocsin.events.rules.v1:assault.shots_fired",
        confidence=0.5,
        trigger_start=body.index("fired"),
        trigger_end=body.index("fired") + 5,
        trigger="fired",
        date="2024-06-28",
        date_precision="day",
        date_source="article",
        factuality="denied",
        index=1,
    )
    kyiv_party = Claimant("Kyiv", "UKR", "GOV", kyiv.start, kyiv.end)
    return CodedArticle(
        article=Article(
            id="a1b2c3d4e5f60718",
            text=body,
            title="Belarus moves troops",
            url="https://news.example/blr-troops",
            outlet="Example News",
            outlet_source="input",
            published=dt.date(2024, 6, 29),
            published_precision="day",
        ),
        actors=(belarus, ukraine, ministry, kyiv),
        places=(border,),
        times=(TimeMention("28 June", tstart, tend, "2024-06-28", "day", "anchor", "past"),),
        events=(mobilize, assault),
        claims=(
            Claim(
                event_index=0,
                claimant=claimant,
                status="contested",
                stances=(Stance("denies", kyiv_party, 1, body[second:]),),
            ),
        ),
        specificity=0.7,
        specificity_signals={"dates": 1.0, "places": 0.5},
    )


def rus_article() -> CodedArticle:
    body = RUS_TEXT
    forces = _actor("Russian forces", body, "RUS", "MIL")
    officials = _actor("Ukrainian officials", body, "UKR", "GOV")
    kstart, kend = _span(body, "Kharkiv")
    kharkiv = PlaceMention(
        text="Kharkiv",
        start=kstart,
        end=kend,
        name="Kharkiv",
        geonameid="706483",
        feature="city",
        country="UKR",
        lat=49.98,
        lon=36.25,
    )
    claimant = Claimant("Ukrainian officials", "UKR", "GOV", officials.start, officials.end)
    shell = Event(
        event="ASSAULT",
        mode="artillery",
        context=("military",),
        actor=(forces,),
        recipient=(),
        sentence_start=0,
        sentence_end=len(body),
        evidence=body,
        coder="tocsin.events.rules.v1:assault.shelled",
        confidence=0.9,
        trigger_start=body.index("shelled"),
        trigger_end=body.index("shelled") + 7,
        trigger="shelled",
        cameo="195",
        location=kharkiv,
        date="2023-SP",
        date_precision="season",
        date_source="sentence",
        factuality="claimed",
        historical=True,
        claimant=claimant,
        index=0,
    )
    return CodedArticle(
        article=Article(
            id="0f1e2d3c4b5a6978",
            text=body,
            url="https://other.example/kharkiv",
            outlet="Other Daily",
            published=dt.date(2024, 7, 2),
            published_precision="day",
        ),
        actors=(forces, officials),
        places=(kharkiv,),
        events=(shell,),
        claims=(Claim(event_index=0, claimant=claimant, status="unverified"),),
    )


def talks_article() -> CodedArticle:
    """An event with two actors and no location; no claims; no publication date."""
    body = TALKS_TEXT
    poland = _actor("Poland", body, "POL", "GOV")
    lithuania = _actor("Lithuania", body, "LTU", "GOV")
    agree = Event(
        event="AGREE",
        mode=None,
        context=("diplomatic",),
        actor=(poland, lithuania),
        recipient=(),
        sentence_start=0,
        sentence_end=len(body),
        evidence=body,
        coder="tocsin.events.rules.v1:agree.to_talks",
        confidence=0.6,
        trigger_start=body.index("agreed"),
        trigger_end=body.index("agreed") + 6,
        trigger="agreed",
        factuality="planned",
        index=0,
    )
    return CodedArticle(
        article=Article(id="9988776655443322", text=body, outlet="Wire"),
        actors=(poland, lithuania),
        events=(agree,),
    )


@pytest.fixture
def sample_articles() -> list[CodedArticle]:
    return [blr_article(), rus_article(), talks_article()]


@pytest.fixture
def filled_store(store: Store, sample_articles: list[CodedArticle]) -> Store:
    for coded in sample_articles:
        assert store.save(coded)
    return store
