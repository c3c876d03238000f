"""Shared fixtures: a clean database on SQLite, and on PostgreSQL too when one is configured.

`database_url` gives each test an empty database it may do anything to: a fresh SQLite file,
and, if the environment sets TEST_DATABASE_URL (e.g.
postgresql+psycopg://postgres@127.0.0.1:5432/test), a fresh schema of its own on that server,
selected through the URL's search_path and dropped afterwards. Tests therefore cannot see each
other's rows, even when several test runs share the server at once. Nothing is migrated yet.

`database` is a `bot.storage.database.Database` on that URL, migrated to head and disposed
after the test. Any test that takes either fixture runs once per database: `[sqlite]` and
`[postgresql]`, the latter skipped without TEST_DATABASE_URL.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from hypothesis import settings as hypothesis_settings

from bot.storage import migrate
from bot.storage.database import Database, normalise_url

TEST_DATABASE_URL_VARIABLE = "TEST_DATABASE_URL"

# matplotlib keeps its font cache here, not in a home directory that CI or a non-root user may
# not be able to write; the bot processes the tests start inherit it.
os.environ.setdefault(
    "MPLCONFIGDIR", str(Path(__file__).resolve().parents[1] / ".pytest_cache" / "matplotlib")
)

# A per-example deadline measures the machine's load, not the code: CI shares two cores.
hypothesis_settings.register_profile("trailcoach", deadline=None)
hypothesis_settings.load_profile("trailcoach")


def _libpq_url(url: str) -> str:
    """The same server as a plain libpq URL, for the housekeeping done outside SQLAlchemy."""
    return normalise_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def postgres_url() -> str:
    """The configured PostgreSQL server; the test is skipped when there is none."""
    url = os.environ.get(TEST_DATABASE_URL_VARIABLE)
    if not url:
        pytest.skip(f"{TEST_DATABASE_URL_VARIABLE} is not set")
    return url


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """A SQLite file that does not exist yet, in a folder that does not exist yet either."""
    return f"sqlite:///{tmp_path / 'data' / 'trailcoach.db'}"


@pytest.fixture
def postgres_schema_url(postgres_url: str) -> Iterator[str]:
    """A URL whose connections all work in a new, empty schema; the schema is dropped after."""
    schema = f"trailcoach_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(_libpq_url(postgres_url), autocommit=True) as connection:
        connection.execute(f'CREATE SCHEMA "{schema}"')
    url = normalise_url(postgres_url).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with psycopg.connect(_libpq_url(postgres_url), autocommit=True) as connection:
            connection.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest) -> str:
    """An empty database, once on SQLite and once on PostgreSQL (see the module docstring)."""
    fixture = "sqlite_url" if request.param == "sqlite" else "postgres_schema_url"
    return str(request.getfixturevalue(fixture))


@pytest.fixture
def database(database_url: str) -> Iterator[Database]:
    """A `Database` on `database_url`, migrated to head, disposed after the test."""
    migrate.upgrade(database_url)
    database = Database(database_url)
    try:
        yield database
    finally:
        database.dispose()
