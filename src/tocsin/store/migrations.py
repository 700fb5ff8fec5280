"""Numbered schema migrations, recorded in ``schema_version``.

A new store is created from the current tables in ``schema.py`` and stamped with
the latest version (as alembic's "create_all, then stamp head" does); an existing
store runs, in order, every migration newer than its version. To change the
schema: edit ``schema.py`` and append a ``Migration`` that brings a store at the
previous version to the new one. All of it runs in one transaction, under a lock,
so two processes opening the same store migrate it once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, func, inspect, select

from tocsin.errors import StoreError
from tocsin.store import schema
from tocsin.store.engine import WRITE_OPTION

# An arbitrary constant: the PostgreSQL advisory lock that serialises migrations.
_PG_MIGRATION_LOCK = 0x70C5_1E


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    apply: Callable[[Connection], None]


def _initial(conn: Connection) -> None:
    schema.metadata.create_all(conn)


MIGRATIONS: tuple[Migration, ...] = (Migration(1, "initial schema", _initial),)


def latest_version(migrations: Sequence[Migration] = MIGRATIONS) -> int:
    return migrations[-1].version


def current_version(conn: Connection) -> int | None:
    """The store's version; None for an empty database (no ``schema_version`` table)."""
    if not inspect(conn).has_table(schema.schema_version.name):
        return None
    return conn.execute(select(func.max(schema.schema_version.c.version))).scalar_one_or_none() or 0


def migrate(engine: Engine, migrations: Sequence[Migration] = MIGRATIONS) -> int:
    """Bring the store to the latest version; return the version it was at (0 when new)."""
    _check_order(migrations)
    latest = latest_version(migrations)
    # The common case, an up-to-date store, needs no write lock: a reader opening the store
    # while another process ingests must not queue behind it.
    with engine.connect() as conn:
        if current_version(conn) == latest:
            return latest
    with engine.connect().execution_options(**{WRITE_OPTION: True}) as conn, conn.begin():
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_PG_MIGRATION_LOCK})")
        found = current_version(conn)
        if found is None:
            schema.metadata.create_all(conn)
            _stamp(conn, migrations[-1])
            return 0
        if found > latest:
            raise StoreError(
                f"the store is at schema version {found}, newer than this tocsin knows ({latest}); "
                "upgrade tocsin (pip install -U tocsin) or use another store"
            )
        for migration in migrations:
            if migration.version > found:
                migration.apply(conn)
                _stamp(conn, migration)
        return found


def _stamp(conn: Connection, migration: Migration) -> None:
    conn.execute(
        schema.schema_version.insert().values(
            version=migration.version, name=migration.name, applied_at=dt.datetime.now(dt.UTC)
        )
    )


def _check_order(migrations: Sequence[Migration]) -> None:
    versions = [m.version for m in migrations]
    if not versions or versions != list(range(1, len(versions) + 1)):
        raise StoreError(f"migrations must be numbered 1, 2, 3... without gaps; got {versions}")
