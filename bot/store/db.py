"""Engines for SQLite (the embedded default) and PostgreSQL, set up the way exactly-once work needs.

SQLite: WAL, `synchronous=FULL`, foreign keys on, a busy timeout, and transactions that begin
with `BEGIN IMMEDIATE` when they will write (a plain `BEGIN` that later writes fails at once with
"database is locked" when another process wrote in between; see shared/RELIABILITY.md).
"""

from __future__ import annotations

import contextlib
import os
import time
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.orm import Session, sessionmaker

SQLITE_BUSY_TIMEOUT_MS = 30_000
#: PostgreSQL: how long to wait for a connection to be made (libpq's connect_timeout, seconds)
CONNECT_TIMEOUT_S = 5
#: PostgreSQL: the longest one statement may run (the server cancels it); commands take
#: milliseconds, and a slash command's user has been told "working on it" after two seconds
STATEMENT_TIMEOUT_MS = 15_000
#: PostgreSQL: a pooled connection unused this long is pinged before it is used again (seconds)
PING_AFTER_IDLE_S = 5.0
_LAST_USED = "committee_last_used"
#: how long a unit of work waits for a pooled connection before it fails (seconds)
POOL_TIMEOUT_S = 10
#: execution option naming how a SQLite transaction begins: "IMMEDIATE" for writers
SQLITE_BEGIN = "sqlite_begin"


def normalize_url(url: str) -> str:
    """Accept `postgresql://` and `postgres://` and use psycopg 3 for them."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url.removeprefix("postgres://")
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return url


def make_engine(url: str, **kwargs: Any) -> Engine:
    url = normalize_url(url)
    if make_url(url).get_backend_name() == "sqlite":
        return _sqlite_engine(url, **kwargs)
    ping = kwargs.pop("pool_pre_ping", True)
    kwargs.setdefault("pool_size", 10)
    kwargs.setdefault("pool_timeout", POOL_TIMEOUT_S)
    # A server that accepts and never answers must not hang start-up, a health check or a
    # command: connecting, each statement and TCP itself are bounded (migrations lift the
    # statement bound for themselves, bot.store.migrate).
    connect_args = {
        "connect_timeout": CONNECT_TIMEOUT_S,
        "options": f"-c statement_timeout={STATEMENT_TIMEOUT_MS}",
        "keepalives": 1,
        "keepalives_idle": 30,
        "keepalives_interval": 10,
        "keepalives_count": 3,
        **kwargs.pop("connect_args", {}),
    }
    engine = create_engine(url, connect_args=connect_args, **kwargs)
    if ping:
        _ping_after_idle(engine)
    return engine


def _ping_after_idle(engine: Engine) -> None:
    """A pooled connection that lay unused for a while is pinged before use; one in steady use
    is not. A server restarted (or a connection dropped by a firewall) is found at the ping and
    the pool opens a new connection instead, so no command fails for it; while commands come
    every few seconds a ping would be a round trip per unit of work that finds nothing."""

    @event.listens_for(engine, "checkin")
    def _returned(_dbapi_connection: Any, record: Any) -> None:
        record.info[_LAST_USED] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _taken(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        last = record.info.get(_LAST_USED)
        if last is not None and time.monotonic() - last < PING_AFTER_IDLE_S:
            return
        try:
            cursor = dbapi_connection.cursor()
            try:
                cursor.execute("SELECT 1")
            finally:
                cursor.close()
            dbapi_connection.rollback()
        except Exception as exc:  # any failure here means: not this connection, take another
            raise DisconnectionError(f"a pooled connection did not answer: {type(exc).__name__}") from exc


def _sqlite_engine(url: str, **kwargs: Any) -> Engine:
    memory = make_url(url).database in (None, "", ":memory:")
    if memory:
        raise ValueError("an in-memory SQLite database cannot be shared; use a file")
    _create_private(str(make_url(url).database))
    # Pooled connections: opening one per unit of work (and its PRAGMAs, and a WAL checkpoint on
    # the last close) was half the cost of a small command. Each unit of work still has its own
    # connection; pysqlite's connections may move between threads because the pool hands each
    # to one thread at a time.
    kwargs.setdefault("pool_size", 8)
    kwargs.setdefault("max_overflow", 8)
    engine = create_engine(
        url,
        connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
        **kwargs,
    )

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event issue BEGIN, so we choose DEFERRED or IMMEDIATE.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        mode = connection.get_execution_options().get(SQLITE_BEGIN, "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")

    return engine


def _create_private(path: str) -> None:
    """Create the SQLite file readable by its owner only (it holds bot tokens with OAuth);
    SQLite gives its -wal and -shm files the same mode. An existing file is left as it is."""
    if path.startswith("file:"):
        return  # a URI filename: SQLite opens it as the URI says
    with contextlib.suppress(OSError):  # there already, or not creatable: SQLite opens it or says why
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def session_factory(engine: Engine, *, write: bool = False) -> sessionmaker[Session]:
    """Sessions for writing (`BEGIN IMMEDIATE` on SQLite), or for reading.

    Readers never write (a flush in one is a programming error, refused). On PostgreSQL they
    read in autocommit: at its READ COMMITTED each statement sees its own snapshot inside a
    transaction too, so BEGIN and ROLLBACK would be two round trips that change no answer. On
    SQLite a reader's statements share one snapshot (a deferred transaction costs no I/O)."""
    if write:
        bind = engine.execution_options(**{SQLITE_BEGIN: "IMMEDIATE"}) if is_sqlite(engine) else engine
        return sessionmaker(bind=bind, expire_on_commit=False)
    readers = sessionmaker(bind=reading(engine), expire_on_commit=False)
    event.listen(readers, "before_flush", _readers_do_not_write)
    return readers


def reading(engine: Engine) -> Engine:
    """`engine` for reading only: in autocommit on PostgreSQL (no BEGIN and ROLLBACK round trips
    around a read; at READ COMMITTED each statement has its own snapshot either way). On SQLite a
    read is a deferred transaction: one snapshot for its statements, at no cost in I/O."""
    return engine if is_sqlite(engine) else engine.execution_options(isolation_level="AUTOCOMMIT")


def _readers_do_not_write(session: Session, _context: object, _instances: object) -> None:
    if session.new or session.dirty or session.deleted:
        raise RuntimeError("a reading unit of work was asked to write: open it with write=True")


def insert_for(dialect_name: str) -> Any:
    """The dialect's INSERT, which knows ON CONFLICT (both databases speak it, each its own way)."""
    return postgresql.insert if dialect_name == "postgresql" else sqlite.insert
