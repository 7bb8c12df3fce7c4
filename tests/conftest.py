"""Shared fixtures: real databases (SQLite and PostgreSQL), an injected clock, a ready bot.

Every test that takes `database_url` runs once per database in TEST_DATABASES (default: both).
PostgreSQL is this machine's server (TEST_POSTGRES_URL); when it is missing the tests skip
locally and fail in CI (CI=true), so a green CI always means both databases were tested.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from bot.bootstrap import Bot, bootstrap
from bot.config import Settings
from bot.core.clock import FixedClock
from bot.store import migrate
from bot.store.db import make_engine
from bot.store.schema import Base
from tests.fakes.slack_api import FakeSlack

DATABASES = [d.strip() for d in os.environ.get("TEST_DATABASES", "sqlite,postgresql").split(",") if d.strip()]
PG_URL = os.environ.get("TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
STOCKHOLM = dt.timezone(dt.timedelta(hours=1))

#: a Monday in the committee's busiest season, 10:00 in Stockholm
DEFAULT_NOW = dt.datetime(2021, 9, 20, 8, 0, tzinfo=dt.UTC)


def _pg_problem() -> str | None:
    try:
        engine = create_engine(PG_URL)
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        engine.dispose()
        return None
    except Exception as exc:  # any failure to connect means "no server"
        return f"{type(exc).__name__}: {exc}".splitlines()[0]


@pytest.fixture(scope="session")
def postgres_server() -> str:
    """The admin URL of the PostgreSQL server; fails in CI and skips elsewhere when it is down."""
    problem = _pg_problem()
    if problem is not None:
        message = f"PostgreSQL is not reachable at {PG_URL}: {problem}"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    return PG_URL


def create_pg_database(admin_url: str, prefix: str = "committee_test") -> str:
    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return make_url(admin_url).set(database=name).render_as_string(hide_password=False)


def drop_pg_database(admin_url: str, url: str) -> None:
    name = make_url(url).database
    engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    engine.dispose()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated SQLite file that each test copies (migrating once is faster than every time)."""
    path = tmp_path_factory.mktemp("template") / "template.db"
    engine = make_engine(f"sqlite:///{path}")
    migrate.upgrade(engine)
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return path


@pytest.fixture(scope="session")
def pg_session_database(postgres_server: str) -> Iterator[str]:
    url = create_pg_database(postgres_server)
    engine = make_engine(url)
    migrate.upgrade(engine)
    engine.dispose()
    yield url
    drop_pg_database(postgres_server, url)


def _truncate(url: str) -> None:
    engine = make_engine(url)
    names = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
    with engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    engine.dispose()


@pytest.fixture(params=DATABASES)
def database_url(request: pytest.FixtureRequest, tmp_path: Path, sqlite_template: Path) -> str:
    """A migrated, empty database of each kind."""
    if request.param == "sqlite":
        path = tmp_path / "committee.db"
        shutil.copy(sqlite_template, path)
        return f"sqlite:///{path}"
    if request.param == "postgresql":
        url: str = request.getfixturevalue("pg_session_database")
        _truncate(url)
        return url
    raise ValueError(f"unknown database {request.param!r} in TEST_DATABASES")


@pytest.fixture
def fresh_database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty, unmigrated database of the same kind as `database_url` would give (for migration
    and multi-process tests)."""
    kind = getattr(request, "param", None) or "sqlite"
    if kind == "sqlite":
        yield f"sqlite:///{tmp_path / 'fresh.db'}"
        return
    admin: str = request.getfixturevalue("postgres_server")
    url = create_pg_database(admin, "committee_fresh")
    yield url
    drop_pg_database(admin, url)


def make_settings(database_url: str, **overrides: Any) -> Settings:
    # Announcements are off unless a test turns them on: the reminder and digest tests count what
    # is posted, and the meeting cycle's tests (test_cycle_faults, …) announce on purpose.
    env = {"DATABASE_URL": database_url, "ADMIN_USERS": "UADMIN", "ANNOUNCE": "off"}
    base = Settings.load(env, dotenv=None)
    return replace(base, **overrides)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(DEFAULT_NOW)


@pytest.fixture
def settings(database_url: str) -> Settings:
    return make_settings(database_url)


@pytest.fixture
def bot(settings: Settings, clock: FixedClock) -> Iterator[Bot]:
    instance = bootstrap(settings, clock=clock)
    yield instance
    instance.close()


@pytest.fixture(scope="module")
def fake_server() -> Iterator[FakeSlack]:
    """A fake Slack Web API for the module (stopping one takes half a second)."""
    with FakeSlack() as server:
        yield server


@pytest.fixture
def fake(fake_server: FakeSlack) -> FakeSlack:
    """The module's fake Slack Web API, with nothing recorded yet."""
    fake_server.clear()
    return fake_server
