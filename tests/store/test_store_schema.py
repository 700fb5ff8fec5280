"""Opening stores: URLs, migrations from empty and on re-open, integrity checks."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import Connection, create_engine, inspect

from tests.store.conftest import blr_article, fresh_schema
from tocsin.errors import StoreError
from tocsin.store import Store
from tocsin.store.engine import parse_url
from tocsin.store.migrations import MIGRATIONS, Migration, latest_version, migrate

TABLES = {
    "schema_version",
    "article",
    "actor_mention",
    "place_mention",
    "time_mention",
    "event",
    "event_actor",
    "claim",
    "stance",
}


def test_open_creates_every_table_and_stamps_the_version(store_url: str) -> None:
    with Store.open(store_url) as store:
        assert store.schema_version() == latest_version()
        assert store.integrity_check() == []
    engine = create_engine(parse_url(store_url))
    try:
        assert set(inspect(engine).get_table_names()) >= TABLES
    finally:
        engine.dispose()


def test_reopen_keeps_data_and_does_not_migrate_again(store_url: str) -> None:
    with Store.open(store_url) as store:
        assert store.save(blr_article())
    with Store.open(store_url) as store:
        assert store.counts()["articles"] == 1
        assert store.schema_version() == latest_version()
        assert store.integrity_check() == []


def _add_note_column(conn: Connection) -> None:
    from sqlalchemy import DDL

    conn.execute(DDL('ALTER TABLE article ADD COLUMN "note" VARCHAR'))


def test_a_new_migration_runs_once_on_an_existing_store(store_url: str) -> None:
    with Store.open(store_url) as store:
        assert store.save(blr_article())
    later = (*MIGRATIONS, Migration(len(MIGRATIONS) + 1, "article note", _add_note_column))
    engine = create_engine(parse_url(store_url))
    try:
        assert migrate(engine, later) == latest_version()
        assert migrate(engine, later) == latest_version(later)  # second run: nothing to do
        columns = {c["name"] for c in inspect(engine).get_columns("article")}
        assert "note" in columns
    finally:
        engine.dispose()
    # This tocsin does not know version 2: it must refuse the store rather than misread it.
    with pytest.raises(StoreError, match="newer than this tocsin"):
        Store.open(store_url)


@pytest.mark.parametrize(
    "migrations",
    [
        (),
        (Migration(2, "gap", _add_note_column),),
        (*MIGRATIONS, Migration(3, "gap", _add_note_column)),
    ],
)
def test_badly_numbered_migrations_are_refused(tmp_path: Path, migrations: tuple[Migration, ...]) -> None:
    engine = create_engine(parse_url(str(tmp_path / "m.db")))
    try:
        with pytest.raises(StoreError, match="numbered"):
            migrate(engine, migrations)
    finally:
        engine.dispose()


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("", "empty store URL"),
        ("mysql://u@h/db", "unsupported store backend 'mysql'"),
        ("sqlite:///", None),
    ],
)
def test_url_errors_name_the_fix(url: str, message: str | None) -> None:
    if message is None:
        assert parse_url(url).get_backend_name() == "sqlite"
        return
    with pytest.raises(StoreError, match=message) as info:
        parse_url(url)
    assert "postgresql+psycopg://" in str(info.value)


@pytest.mark.parametrize(
    ("given", "driver"),
    [
        ("postgresql://u@h/db", "postgresql+psycopg"),
        ("postgres://u@h/db", "postgresql+psycopg"),
        ("postgresql+psycopg://u@h/db", "postgresql+psycopg"),
        ("sqlite:///x.db", "sqlite"),
        ("relative/dir/x.db", "sqlite"),
    ],
)
def test_urls_are_normalised(given: str, driver: str) -> None:
    assert parse_url(given).drivername == driver


def test_bare_path_creates_directories(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "tocsin.db"
    with Store.open(str(path)) as store:
        assert store.save(blr_article())
    assert path.exists()


def test_sqlite_store_is_in_wal_mode_with_foreign_keys(tmp_path: Path) -> None:
    path = tmp_path / "wal.db"
    Store.open(str(path)).close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    store = Store.open(str(path))
    try:
        with store._engine.connect() as conn:  # the store's own connections enforce foreign keys
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        store.close()


def test_in_memory_sqlite_store_works() -> None:
    with Store.open("sqlite://") as store:
        assert store.save(blr_article())
        assert len(store.events()) == 2


def test_unreachable_postgresql_is_a_store_error_with_a_hint() -> None:
    from tests.store.postgres_server import _free_port

    url = f"postgresql+psycopg://nobody@127.0.0.1:{_free_port()}/nothing?connect_timeout=2"
    with pytest.raises(StoreError, match="is the server running"):
        Store.open(url)


def test_unwritable_sqlite_path_is_a_store_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    with pytest.raises(StoreError, match="cannot"):
        Store.open(str(blocker / "sub" / "tocsin.db"))


def test_integrity_check_reports_orphans(tmp_path: Path) -> None:
    path = tmp_path / "orphan.db"
    with Store.open(str(path)) as store:
        assert store.save(blr_article())
    # Break the store behind its back: foreign keys off, delete the parent article.
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA foreign_keys=OFF")
        conn.execute("DELETE FROM article")
    with Store.open(str(path)) as store:
        problems = store.integrity_check()
    assert any("event" in p and "article" in p for p in problems)
    assert any(p.startswith("actor_mention") for p in problems)


@pytest.mark.postgres
def test_integrity_check_reports_orphans_on_postgresql(request: pytest.FixtureRequest) -> None:
    url, drop = fresh_schema(request.getfixturevalue("postgres_admin_url"))
    try:
        with Store.open(url) as store:
            assert store.save(blr_article())
        engine = create_engine(url)
        with engine.begin() as conn:
            conn.exec_driver_sql("SET session_replication_role = replica")  # skip FK triggers
            conn.exec_driver_sql("DELETE FROM claim")
        engine.dispose()
        with Store.open(url) as store:
            assert store.integrity_check() == ["stance: 1 row(s) without their claim row"]
    finally:
        drop()


@pytest.mark.parametrize(
    ("installed", "chosen"),
    [(["15"], "15"), (["9.6", "10", "15", "13"], "15"), (["9.6", "10"], "10"), (["14", "notes"], "14")],
)
def test_postgres_fixture_picks_the_newest_server(tmp_path: Path, installed: list[str], chosen: str) -> None:
    from tests.store.postgres_server import find_bin_dir

    for version in installed:
        (tmp_path / version / "bin").mkdir(parents=True)
        (tmp_path / version / "bin" / "initdb").touch()
    assert find_bin_dir(tmp_path) == tmp_path / chosen / "bin"


def test_postgres_fixture_names_the_package_when_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.store.postgres_server import PostgresUnavailable, find_bin_dir

    monkeypatch.delenv("TOCSIN_PG_BIN", raising=False)
    with pytest.raises(PostgresUnavailable, match="apt-get install postgresql"):
        find_bin_dir(tmp_path)
    monkeypatch.setenv("TOCSIN_PG_BIN", str(tmp_path / "nowhere"))
    with pytest.raises(PostgresUnavailable, match="apt-get install postgresql"):
        find_bin_dir(tmp_path)


def test_a_file_that_is_not_a_database_is_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"these are my notes, not SQLite\n" * 100)
    with pytest.raises(StoreError, match="not a database"):
        Store.open(str(path))
    assert path.read_bytes().startswith(b"these are my notes")


def test_reading_does_not_wait_for_a_writer(tmp_path: Path) -> None:
    import time

    path = tmp_path / "busy.db"
    with Store.open(str(path)) as store:
        assert store.save(blr_article())
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # another process, mid-article
    try:
        started = time.monotonic()
        with Store.open(str(path)) as store:
            assert len(store.events()) == 2
        assert time.monotonic() - started < 5  # not the 30 s busy timeout
    finally:
        writer.execute("ROLLBACK")
        writer.close()


@pytest.mark.postgres
def test_postgresql_user_without_create_rights_is_told_so(request: pytest.FixtureRequest) -> None:
    from sqlalchemy import make_url

    admin_url = request.getfixturevalue("postgres_admin_url")
    url, drop = fresh_schema(admin_url)
    schema_name = make_url(url).query["options"].split("=", 1)[1]
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql("DROP ROLE IF EXISTS reader")
            conn.exec_driver_sql("CREATE ROLE reader LOGIN")
            conn.exec_driver_sql(f'GRANT USAGE ON SCHEMA "{schema_name}" TO reader')
        with pytest.raises(StoreError, match="right to create tables"):
            Store.open(make_url(url).set(username="reader").render_as_string(hide_password=False))
    finally:
        drop()
        with admin.connect() as conn:
            conn.exec_driver_sql("DROP OWNED BY reader")
            conn.exec_driver_sql("DROP ROLE reader")
        admin.dispose()
