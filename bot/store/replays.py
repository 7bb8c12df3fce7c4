"""Signed requests seen: a request that arrives again with the same signature (so the same
timestamp and body) is a replay. The database remembers, so every worker and host agrees."""

from __future__ import annotations

from sqlalchemy import Engine, delete

from bot.store.db import insert_for, session_factory
from bot.store.models import SlackRequestSeen

#: Slack's window is five minutes either side of now; remember a little longer than it
REMEMBER_SECONDS = 15 * 60


def first_sight(engine: Engine, signature: str, request_ts: int, now: int) -> bool:
    """Record `signature` (of a request stamped `request_ts`); True only the first time.

    Rows whose timestamp is long outside the window are forgotten in the same turn: no request
    carrying them would pass the signature check any more."""
    insert = insert_for(engine.dialect.name)
    statement = (
        insert(SlackRequestSeen)
        .values(signature=signature[:80], request_ts=request_ts)
        .on_conflict_do_nothing(index_elements=["signature"])
        .returning(SlackRequestSeen.signature)
    )
    with session_factory(engine, write=True)() as session:
        inserted = session.execute(statement).first() is not None
        session.execute(delete(SlackRequestSeen).where(SlackRequestSeen.request_ts < now - REMEMBER_SECONDS))
        session.commit()
    return inserted
