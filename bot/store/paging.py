"""What every kind's repository shares: bounded pages with a capped count, the dialect's INSERT."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import Select, func, literal, select
from sqlalchemy.orm import Session

from bot.core.base import Page
from bot.store.db import insert_for

#: lists count their matches up to this many, then say "1 000+"
COUNT_CAP = 1000


def page(session: Session, query: Select[Any], limit: int, convert: Callable[[Any], Any]) -> Page[Any]:
    """A page of `limit` rows and how many there are in all — counted up to COUNT_CAP only,
    so that a list's cost follows the size of its answer, not of the history behind it."""
    rows = session.scalars(query.limit(limit)).unique().all()
    if len(rows) < limit:
        return Page(tuple(convert(r) for r in rows), len(rows))
    # the rows counted carry no columns (from the same tables): an index that holds the
    # conditions' columns answers the count alone, without reading the rows themselves
    counted = query.with_only_columns(literal(1), maintain_column_froms=True)
    bounded = counted.order_by(None).limit(COUNT_CAP + 1).subquery()
    total = session.scalar(select(func.count()).select_from(bounded)) or 0
    return Page(tuple(convert(r) for r in rows), min(total, COUNT_CAP), capped=total > COUNT_CAP)


def dialect(session: Session) -> str:
    return session.get_bind().dialect.name


def insert(session: Session, table: Any) -> Any:
    """INSERT … with this database's ON CONFLICT clause available."""
    return insert_for(dialect(session))(table)


class Repository:
    """One kind's queries, inside one unit of work on one workspace."""

    def __init__(self, session: Session, workspace_id: str) -> None:
        self.session = session
        self.workspace_id = workspace_id
