"""Signed requests seen: a request that arrives again with the same signature (so the same
timestamp and body) is a replay. The database remembers, so every worker and host agrees.

This is bookkeeping on the path of every signed request, so it costs as little as it can:
- written without waiting for the disk: losing the last few rows in a power cut only forgets
  replays that the five-minute window then still refuses at the signature check's clock, while
  waiting for an fsync cost every command 1–3 ms (bench/README.md, "Before and after the
  restructure"). On PostgreSQL its connections commit asynchronously (`synchronous_commit = off`
  for them alone); on SQLite it has connections of its own with `synchronous=NORMAL`, which in
  WAL mode skips the fsync;
- one statement, built once, through SQLAlchemy Core (the ORM's session cost five times the
  statement itself: 450–750 µs against 130 µs on SQLite);
- on PostgreSQL in autocommit: `INSERT … ON CONFLICT DO NOTHING RETURNING` is atomic on its own,
  so one round trip instead of four (BEGIN, SET LOCAL, INSERT, COMMIT): 1.5 ms → 0.3 ms.
"""

from __future__ import annotations

import zlib
from typing import Any

from sqlalchemy import Engine, Table, bindparam, create_engine, delete, event
from sqlalchemy.exc import DBAPIError

from bot.store.db import insert_for, make_engine
from bot.store.models import SlackRequestSeen

#: Slack's window is five minutes either side of now; remember a little longer than it
REMEMBER_SECONDS = 15 * 60
#: old rows are forgotten on about one request in this many (any one will do: it is a sweep)
SWEEP_EVERY = 64


class RequestsSeen:
    """`first_sight` over one database, with its connections and statements made once."""

    def __init__(self, engine: Engine) -> None:
        self.dialect = engine.dialect.name
        table: Table = SlackRequestSeen.__table__  # type: ignore[assignment]
        self._insert = (
            insert_for(self.dialect)(table)
            .values(signature=bindparam("signature"), request_ts=bindparam("request_ts"))
            .on_conflict_do_nothing(index_elements=["signature"])
            .returning(table.c.signature)
        )
        self._sweep = delete(table).where(table.c.request_ts < bindparam("cutoff"))
        # Its own small pool, so that the register's connections keep their settings.
        if self.dialect == "sqlite":
            self.engine = create_engine(engine.url, pool_size=2, max_overflow=4)
            event.listen(self.engine, "connect", _sqlite_bookkeeping)
        else:
            # No ping before each use (a round trip of its own): a connection the server dropped
            # fails its statement, the pool lets go of it, and the check runs once more.
            url = engine.url.render_as_string(hide_password=False)
            self.engine = make_engine(
                url, isolation_level="AUTOCOMMIT", pool_size=2, max_overflow=4, pool_pre_ping=False
            )
            event.listen(self.engine, "connect", _postgresql_bookkeeping)

    def first_sight(self, signature: str, request_ts: int, now: int) -> bool:
        """Record `signature` (of a request stamped `request_ts`); True only the first time.

        Now and then rows whose timestamp is long outside the window are forgotten in the same
        turn: no request carrying them would pass the signature check any more."""
        try:
            return self._record(signature, request_ts, now)
        except DBAPIError as exc:
            if not exc.connection_invalidated:
                raise
            return self._record(signature, request_ts, now)  # on a fresh connection

    def close(self) -> None:
        """Let go of the connections (the register's engine is its owner's to close)."""
        self.engine.dispose()

    def _record(self, signature: str, request_ts: int, now: int) -> bool:
        row = {"signature": signature[:80], "request_ts": request_ts}
        with self.engine.begin() as connection:
            inserted = connection.execute(self._insert, row).first() is not None
            if inserted and zlib.crc32(signature.encode()) % SWEEP_EVERY == 0:
                connection.execute(self._sweep, {"cutoff": now - REMEMBER_SECONDS})
        return inserted


def _sqlite_bookkeeping(dbapi_connection: Any, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def _postgresql_bookkeeping(dbapi_connection: Any, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("SET synchronous_commit = off")
    cursor.close()


def first_sight(engine: Engine, signature: str, request_ts: int, now: int) -> bool:
    """One-off form of `RequestsSeen.first_sight` (tests, scripts)."""
    seen = RequestsSeen(engine)
    try:
        return seen.first_sight(signature, request_ts, now)
    finally:
        seen.close()
