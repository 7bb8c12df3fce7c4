"""Signed requests seen: a request that arrives again with the same signature (so the same
timestamp and body) is a replay. The database remembers, so every worker and host agrees.

This is bookkeeping on the path of every signed request, so it is written without waiting for
the disk: losing the last few rows in a power cut only forgets replays that the five-minute
window then still refuses at the signature check's clock, while waiting for an fsync cost every
command 1–3 ms (bench/README.md, "Before and after the restructure"). On PostgreSQL the commit
is asynchronous (`synchronous_commit = off` for that transaction alone); on SQLite the write goes
on a connection of its own with `synchronous=NORMAL`, which in WAL mode skips the fsync."""

from __future__ import annotations

import zlib

from sqlalchemy import Engine, create_engine, delete, event, text
from sqlalchemy.orm import Session

from bot.store.db import insert_for
from bot.store.models import SlackRequestSeen

#: Slack's window is five minutes either side of now; remember a little longer than it
REMEMBER_SECONDS = 15 * 60
#: old rows are forgotten on about one request in this many (any one will do: it is a sweep)
SWEEP_EVERY = 64


class RequestsSeen:
    """`first_sight` over one database, with the connections it needs made once."""

    def __init__(self, engine: Engine) -> None:
        self.dialect = engine.dialect.name
        self.engine = engine
        if self.dialect == "sqlite":
            # The register's connections stay at synchronous=FULL; this bookkeeping gets its own.
            self.engine = create_engine(engine.url, pool_size=2, max_overflow=4)
            event.listen(self.engine, "connect", _sqlite_bookkeeping)

    def first_sight(self, signature: str, request_ts: int, now: int) -> bool:
        """Record `signature` (of a request stamped `request_ts`); True only the first time.

        Now and then rows whose timestamp is long outside the window are forgotten in the same
        turn: no request carrying them would pass the signature check any more."""
        insert = insert_for(self.dialect)
        statement = (
            insert(SlackRequestSeen)
            .values(signature=signature[:80], request_ts=request_ts)
            .on_conflict_do_nothing(index_elements=["signature"])
            .returning(SlackRequestSeen.signature)
        )
        with Session(self.engine) as session:
            if self.dialect == "postgresql":
                session.execute(text("SET LOCAL synchronous_commit = off"))
            inserted = session.execute(statement).first() is not None
            if inserted and zlib.crc32(signature.encode()) % SWEEP_EVERY == 0:
                cutoff = now - REMEMBER_SECONDS
                session.execute(delete(SlackRequestSeen).where(SlackRequestSeen.request_ts < cutoff))
            session.commit()
        return inserted


def _sqlite_bookkeeping(dbapi_connection: object, _record: object) -> None:
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def first_sight(engine: Engine, signature: str, request_ts: int, now: int) -> bool:
    """One-off form of `RequestsSeen.first_sight` (tests, scripts)."""
    return RequestsSeen(engine).first_sight(signature, request_ts, now)
