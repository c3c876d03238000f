"""The database: one engine per process and a unit of work per use."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Engine, create_engine, event, make_url, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

SQLITE_BUSY_TIMEOUT_MS = 15_000


class DatabaseUnavailable(Exception):
    """The database cannot be reached; the message names the URL with its password masked."""


def advisory_lock_key(name: str, schema: str) -> int:
    """A signed 64-bit PostgreSQL advisory lock key for `name`; per schema, so deployments
    sharing a server don't take each other's locks."""
    digest = hashlib.sha256(f"{name}:{schema}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


def normalise_url(url: str | URL) -> URL:
    """Parse a URL, sending plain `postgresql://` and `postgres://` through psycopg 3."""
    parsed = make_url(url)
    if parsed.drivername in {"postgresql", "postgres"}:
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def masked(url: str | URL) -> str:
    """The URL as it may be shown to a person: the password replaced by ***."""
    return make_url(url).render_as_string(hide_password=True)


def _is_sqlite_memory(url: URL) -> bool:
    return url.database in {None, "", ":memory:"}


def build_engine(url: str | URL, *, enforce_foreign_keys: bool = True) -> Engine:
    """An engine for the URL. SQLite gets its folder, WAL, a busy timeout and foreign keys.

    Migrations ask for `enforce_foreign_keys=False`: SQLite's batch mode rebuilds tables by
    dropping them, and with foreign keys on that drop would cascade into the child tables.
    """
    url = normalise_url(url)
    if url.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)

    options: dict[str, Any] = {"connect_args": {"check_same_thread": False}}
    if _is_sqlite_memory(url):
        # Every connection to :memory: is a new empty database; share the one connection.
        options["poolclass"] = StaticPool
    elif not str(url.database).startswith("file:"):
        Path(str(url.database)).expanduser().parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, **options)

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
            if not _is_sqlite_memory(url):
                cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute(f"PRAGMA foreign_keys = {'ON' if enforce_foreign_keys else 'OFF'}")
        finally:
            cursor.close()

    return engine


class Database:
    """Owns the engine and hands out units of work. Safe to share between threads."""

    def __init__(self, url: str | URL) -> None:
        self.url = normalise_url(url)
        self.engine = build_engine(self.url)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def masked_url(self) -> str:
        return masked(self.url)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction: commits when the block ends, rolls back if it raises."""
        with self._sessions.begin() as session:
            yield session

    def new_session(self) -> Session:
        """A session the caller commits or rolls back and closes (see UnitOfWork)."""
        return self._sessions()

    def check(self) -> None:
        """Raise `DatabaseUnavailable` unless a connection can be made and used."""
        try:
            with self.engine.connect() as connection:
                connection.execute(text("SELECT 1"))
        except DBAPIError as error:
            raise DatabaseUnavailable(
                f"cannot reach the database at {self.masked_url}: {self._reason(error)}"
            ) from error

    def dispose(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.dispose()

    def _reason(self, error: DBAPIError) -> str:
        # psycopg adds hints on later lines; the first line says what went wrong.
        lines = [" ".join(line.split()) for line in str(error.orig).splitlines()]
        reason = next((line for line in lines if line), type(error.orig).__name__)
        if self.url.password:
            reason = reason.replace(str(self.url.password), "***")
        return reason
