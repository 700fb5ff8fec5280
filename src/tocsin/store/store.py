"""``Store``: coded articles in, flat rows out; SQLite by default, PostgreSQL by URL."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, nullcontext
from itertools import islice
from types import TracebackType
from typing import Any, Self

from sqlalchemy import Engine, func, select, text
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError, SQLAlchemyError

from tocsin.errors import StoreError
from tocsin.records import CodedArticle
from tocsin.store import queries, schema
from tocsin.store.engine import WRITE_OPTION, create_store_engine, display_url, parse_url
from tocsin.store.migrations import MIGRATIONS, current_version, latest_version, migrate
from tocsin.store.rows import article_rows, without_nul

# Ids per IN (...) list: well under SQLite's bound-parameter limit.
_ID_CHUNK = 500


def _chunks(items: Iterable[str], size: int) -> Iterator[list[str]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


class Store:
    """The event store. Open with ``Store.open(url)``; use as a context manager or ``close()``."""

    def __init__(self, engine: Engine, *, url: str, serialise: bool = False) -> None:
        self._engine = engine
        # An in-memory SQLite store is one shared connection: threads must take turns on it.
        self._lock: AbstractContextManager[Any] = threading.RLock() if serialise else nullcontext()
        self.url = url

    @classmethod
    def open(cls, url: str) -> Self:
        """Connect (creating an SQLite file and its directories if needed) and migrate."""
        parsed = parse_url(url)
        shown = display_url(parsed)
        engine = create_store_engine(parsed)
        try:
            migrate(engine)
        except StoreError:
            engine.dispose()
            raise
        except OperationalError as err:
            engine.dispose()
            hint = _hint(parsed.get_backend_name())
            raise StoreError(f"cannot open store {shown}: {_reason(err)}{hint}") from None
        except DBAPIError as err:  # e.g. "file is not a database", "permission denied for schema"
            engine.dispose()
            hint = (
                " -- is it a tocsin store?"
                if parsed.get_backend_name() == "sqlite"
                else " -- on first use the user needs the right to create tables in the database"
            )
            raise StoreError(f"cannot open store {shown}: {_reason(err)}{hint}") from None
        except SQLAlchemyError as err:
            engine.dispose()
            raise StoreError(f"cannot migrate store {shown}: {_reason(err)}") from None
        in_memory = parsed.get_backend_name() == "sqlite" and parsed.database in (None, "", ":memory:")
        return cls(engine, url=shown, serialise=in_memory)

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.url!r})"

    # -- writing -------------------------------------------------------------------------

    def known_article_ids(self, ids: Iterable[str]) -> set[str]:
        """The subset of ``ids`` already stored."""
        known: set[str] = set()
        col = schema.article.c.id
        with self._read() as conn:
            for chunk in _chunks(dict.fromkeys(ids), _ID_CHUNK):
                known.update(conn.execute(select(col).where(col.in_(chunk))).scalars())
        return known

    def save(self, coded: CodedArticle) -> bool:
        """Store one coded article in one transaction; False (nothing written) if already stored."""
        tables = article_rows(coded, stored_at=dt.datetime.now(dt.UTC))
        if self._engine.dialect.name == "postgresql":
            tables = without_nul(coded, tables)
        art_id = coded.article.id
        try:
            with self._lock, self._engine.connect() as conn:
                conn = conn.execution_options(**{WRITE_OPTION: True})
                # The article row goes first: if the id is already stored its primary key
                # stops the insert, and the rollback leaves nothing of this attempt behind.
                with conn.begin():
                    for table, rows in tables:
                        if rows:
                            conn.execute(table.insert(), rows)
        except IntegrityError as err:
            if self.known_article_ids([art_id]):
                return False
            raise StoreError(f"cannot save article {art_id} to {self.url}: {_reason(err)}") from None
        except DBAPIError as err:
            raise StoreError(f"cannot save article {art_id} to {self.url}: {_reason(err)}") from None
        return True

    # -- reading -------------------------------------------------------------------------

    def events(
        self,
        *,
        actor: str | None = None,
        recipient: str | None = None,
        event_type: str | None = None,
        factuality: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        limit: int | None = None,
        article_id: str | None = None,
    ) -> list[dict[str, Any]]:
        """Flat event rows (see ``columns.EVENT_COLUMNS``), ordered by date, then article.

        ``actor``/``recipient`` take a country code (``BLR``) or code and sector (``RUS:MIL``)
        and match any actor (recipient) of the event; ``since``/``until`` keep events whose
        date range overlaps the window.
        """
        f = queries.EventFilter(actor, recipient, event_type, factuality, since, until, limit, article_id)
        return list(self.iter_events(f))

    def iter_events(
        self, filters: queries.EventFilter, *, batch_size: int = 2000
    ) -> Iterator[dict[str, Any]]:
        """``events`` as a stream, fetched in batches: for exports larger than memory.

        The store's connection stays open until the iterator is exhausted or closed.
        """
        stmt = queries.events_statement(filters)
        with self._read() as conn:
            result = conn.execution_options(stream_results=True, yield_per=batch_size).execute(stmt)
            keys = tuple(result.keys())
            for r in result:
                yield queries.event_row(dict(zip(keys, r, strict=True)))

    def claims(self, *, status: str | None = None, claimant: str | None = None) -> list[dict[str, Any]]:
        """One row per claim, with its event and the stances of others (``stances``: a list)."""
        stmt = queries.claims_statement(status=status, claimant=claimant)
        with self._read() as conn:
            rows = [dict(r._mapping) for r in conn.execute(stmt)]
            stances: dict[tuple[str, int], list[dict[str, Any]]] = {}
            for chunk in _chunks(dict.fromkeys(r["article_id"] for r in rows), _ID_CHUNK):
                for s in conn.execute(queries.stances_statement(chunk)):
                    m = s._mapping
                    stances.setdefault((m["article_id"], m["claim_index"]), []).append(
                        queries.stance_json(dict(m))
                    )
        for row in rows:
            row["claim_id"] = f"{row['article_id']}:c{row['claim_index']}"
            row["stances"] = stances.get((row["article_id"], row["claim_index"]), [])
        return rows

    def articles(self, *, limit: int | None = None) -> list[dict[str, Any]]:
        """Stored articles without their text, newest first, each with its event count."""
        return self._articles(queries.articles_statement(limit=limit))

    def article(self, article_id: str) -> dict[str, Any] | None:
        """One stored article with its text and specificity signals; None if unknown."""
        rows = self._articles(queries.articles_statement(limit=None, article_id=article_id))
        return rows[0] if rows else None

    def _articles(self, stmt: Any) -> list[dict[str, Any]]:
        with self._read() as conn:
            rows = [dict(r._mapping) for r in conn.execute(stmt)]
        for row in rows:
            # SQLite keeps no time zone; every stored_at was written in UTC.
            if row["stored_at"] is not None and row["stored_at"].tzinfo is None:
                row["stored_at"] = row["stored_at"].replace(tzinfo=dt.UTC)
        return rows

    def counts(self) -> dict[str, int]:
        """Rows per table: ``articles``, ``events``, ``claims``, ``stances``, ``*_mentions``..."""
        with self._read() as conn:
            return {
                _plural(t.name): conn.execute(select(func.count()).select_from(t)).scalar_one()
                for t in schema.DATA_TABLES
            }

    def schema_version(self) -> int:
        with self._read() as conn:
            return current_version(conn) or 0

    def integrity_check(self) -> list[str]:
        """Problems found, one message each; [] when the store is healthy."""
        problems: list[str] = []
        with self._read() as conn:
            version = current_version(conn) or 0
            if version != latest_version(MIGRATIONS):
                problems.append(f"schema version {version}, expected {latest_version(MIGRATIONS)}")
            if conn.dialect.name == "sqlite":
                result = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check")]
                problems.extend(f"integrity_check: {r}" for r in result if r != "ok")
                for table, rowid, parent, _fk in conn.exec_driver_sql("PRAGMA foreign_key_check"):
                    problems.append(f"{table} row {rowid}: no matching {parent} row")
            problems.extend(_orphans(conn))
        return problems

    def _read(self):  # type: ignore[no-untyped-def]
        return _ReadConnection(self._engine, self.url, self._lock)


class _ReadConnection:
    """A connection for reads that turns driver errors into StoreError."""

    def __init__(self, engine: Engine, url: str, lock: AbstractContextManager[Any]) -> None:
        self._engine = engine
        self._url = url
        self._lock = lock
        self._conn: Any = None

    def __enter__(self) -> Any:
        self._lock.__enter__()
        try:
            self._conn = self._engine.connect()
        except OperationalError as err:
            self._lock.__exit__(None, None, None)
            raise StoreError(f"cannot connect to store {self._url}: {_reason(err)}") from None
        return self._conn

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._conn.close()
        self._lock.__exit__(None, None, None)
        if isinstance(exc, DBAPIError):
            raise StoreError(f"query on store {self._url} failed: {_reason(exc)}") from None


def _orphans(conn: Any) -> list[str]:
    """Rows whose parent is missing, for every foreign key (both dialects)."""
    problems: list[str] = []
    for table in schema.DATA_TABLES:
        for fk in table.foreign_key_constraints:
            parent = fk.referred_table
            pairs = [(el.parent, el.column) for el in fk.elements]
            match = " AND ".join(f'p."{pc.name}" = c."{cc.name}"' for cc, pc in pairs)
            sql = (
                f'SELECT count(*) FROM "{table.name}" c '
                f'WHERE NOT EXISTS (SELECT 1 FROM "{parent.name}" p WHERE {match})'
            )
            n = conn.execute(text(sql)).scalar_one()
            if n:
                problems.append(f"{table.name}: {n} row(s) without their {parent.name} row")
    return problems


def _plural(table_name: str) -> str:
    return {"event_actor": "event_actors"}.get(table_name, table_name + "s")


def _reason(err: DBAPIError | SQLAlchemyError) -> str:
    orig = getattr(err, "orig", None) or err
    first = str(orig).strip().splitlines()
    return first[0] if first else type(orig).__name__


def _hint(backend: str) -> str:
    if backend == "postgresql":
        return " -- is the server running and reachable, and do the user and database exist?"
    return " -- check the path and its permissions"
