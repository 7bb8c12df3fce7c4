"""Slack retries an event it thinks was not received (at once, after a minute, after five); the
first delivery of each `event_id` is the one that counts. The database remembers which were seen,
so every process of the bot agrees."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine, delete

from bot.store.db import insert_for, session_factory
from bot.store.models import SlackEventSeen

#: Slack stops retrying after about five minutes; a day is a generous memory
REMEMBER = dt.timedelta(days=1)


def first_delivery(engine: Engine, event_id: str, at: dt.datetime) -> bool:
    """Record `event_id` as seen at `at`; True only for the first delivery of it."""
    insert = insert_for(engine.dialect.name)
    statement = (
        insert(SlackEventSeen)
        .values(event_id=event_id[:64], seen_at=at)
        .on_conflict_do_nothing(index_elements=["event_id"])
        # RETURNING, not rowcount: an ORM session reports -1 rows for this on PostgreSQL.
        .returning(SlackEventSeen.event_id)
    )
    with session_factory(engine, write=True)() as session:
        inserted = session.execute(statement).first() is not None
        # Forget old ids in the same turn: the table stays small without a separate job.
        session.execute(delete(SlackEventSeen).where(SlackEventSeen.seen_at < at - REMEMBER))
        session.commit()
    return inserted
