"""Read-only questions behind "what matters now" (the Slack App Home): a person's own open
consultations and follow-ups, and the follow-ups that are late. Each answers within one
workspace's register, like every other query."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ColumnElement, Select, func, or_, select

from bot.core.model import Consultation, Decision, Page
from bot.store.models import ConsultationRow, DecisionRow
from bot.store.register import SqlRegister, to_consultation, to_decision


def _page(reg: SqlRegister, query: Select[Any], limit: int, convert: Any) -> Page[Any]:
    rows = reg.session.scalars(query.limit(limit)).unique().all()
    total = len(rows)
    if total >= limit:
        count = select(func.count()).select_from(query.order_by(None).subquery())
        total = reg.session.scalar(count) or 0
    return Page(tuple(convert(r) for r in rows), total)


def open_consultations_of(reg: SqlRegister, owner: str, on: dt.date, limit: int) -> Page[Consultation]:
    """`owner`'s consultations that were received and not answered by `on`, the most urgent first."""
    c = ConsultationRow
    query = (
        select(c)
        .where(
            c.workspace_id == reg.workspace_id,
            c.owner == owner,
            or_(c.received_on.is_(None), c.received_on <= on),
            or_(c.submitted_on.is_(None), c.submitted_on > on),
        )
        .order_by(c.due_on, c.number)
    )
    return _page(reg, query, limit, to_consultation)


def open_follow_ups(
    reg: SqlRegister, *, limit: int, owner: str | None = None, before: dt.date | None = None
) -> Page[Decision]:
    """Decisions whose follow-up is not done: `owner`'s, or those due before `before` (late ones)."""
    d = DecisionRow
    conditions: list[ColumnElement[bool]] = [
        d.workspace_id == reg.workspace_id,
        d.follow_up_on.is_not(None),
        d.follow_up_done_on.is_(None),
    ]
    if owner is not None:
        conditions.append(d.owner == owner)
    if before is not None:
        conditions.append(d.follow_up_on < before)
    query = select(d).where(*conditions).order_by(d.follow_up_on, d.number)
    return _page(reg, query, limit, to_decision)
