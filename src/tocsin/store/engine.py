"""Turn a store URL into a configured SQLAlchemy engine, with errors a user can act on.

SQLite is the default: WAL (readers never block the writer, and a killed process
leaves the last committed article intact), foreign keys on, a busy timeout so two
processes wait for each other instead of failing. PostgreSQL goes through psycopg 3.
"""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError
from sqlalchemy.pool import StaticPool

from tocsin.errors import StoreError

URL_HELP = (
    "use sqlite:///path/to/tocsin.db (or a plain file path) or "
    "postgresql+psycopg://user:password@host:5432/dbname"
)
# How long a writer waits for another process's transaction before giving up.
SQLITE_BUSY_TIMEOUT_MS = 30_000
# Execution option: begin the SQLite transaction with the write lock already taken.
WRITE_OPTION = "tocsin_write"


def parse_url(raw: str) -> URL:
    """A SQLAlchemy URL from what the user gave: a URL, or a bare path meaning SQLite."""
    text = raw.strip()
    if not text:
        raise StoreError(f"empty store URL; {URL_HELP}")
    if "://" not in text:
        text = f"sqlite:///{Path(text).expanduser()}"
    try:
        url = make_url(text)
    except ArgumentError as err:
        raise StoreError(f"cannot parse store URL {raw!r}: {err}; {URL_HELP}") from None
    backend = url.get_backend_name()
    if backend in ("postgresql", "postgres"):
        # Only psycopg 3 is supported; a bare postgresql:// would pick psycopg2.
        return url.set(drivername="postgresql+psycopg")
    if backend == "sqlite":
        return url.set(drivername="sqlite")
    raise StoreError(f"unsupported store backend {backend!r} in {raw!r}; {URL_HELP}")


def display_url(url: URL) -> str:
    """The URL without its password, for messages."""
    return url.render_as_string(hide_password=True)


def _json_dumps(value: object) -> str:
    # Compact and unescaped: the JSON columns hold short lists of codes and names.
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def create_store_engine(url: URL) -> Engine:
    if url.get_backend_name() == "sqlite":
        return _sqlite_engine(url)
    return _postgresql_engine(url)


def _sqlite_engine(url: URL) -> Engine:
    database = url.database or ""
    in_memory = database in ("", ":memory:")
    if not in_memory:
        path = Path(database).expanduser()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise StoreError(f"cannot create the directory for store {path}: {err.strerror}") from None
        url = url.set(database=str(path))
    # An in-memory database exists per connection: share one so every query sees the same data.
    extra = {"poolclass": StaticPool, "connect_args": {"check_same_thread": False}} if in_memory else {}
    engine = create_engine(url, json_serializer=_json_dumps, **extra)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        # Let SQLAlchemy, not the driver, decide where transactions begin (the pysqlite
        # driver otherwise begins late and commits DDL on its own).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        if not in_memory:
            cursor.execute("PRAGMA journal_mode=WAL")
        # NORMAL is safe in WAL mode against a killed process; only power loss can drop the tail.
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:  # type: ignore[no-untyped-def]
        # A writer takes the lock up front: upgrading a read transaction to a write one
        # fails at once with SQLITE_BUSY instead of waiting for the busy timeout.
        write = conn.get_execution_options().get(WRITE_OPTION, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def _postgresql_engine(url: URL) -> Engine:
    try:
        return create_engine(url, pool_pre_ping=True, json_serializer=_json_dumps)
    except (ModuleNotFoundError, NoSuchModuleError):
        raise StoreError(
            "PostgreSQL needs the psycopg 3 driver: pip install 'tocsin[postgres]' "
            "(or pip install 'psycopg[binary]')"
        ) from None
