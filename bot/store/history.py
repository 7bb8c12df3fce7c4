"""A record's history over SQL: the core's `HistoryRepository` on `record_history`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import func, or_, select

from bot.core.base import RecordType
from bot.core.history import Change, NewChange
from bot.store.models import HistoryRow
from bot.store.paging import Repository

#: undo looks back this many of one person's changes at most
RECENT = 200


def to_change(row: HistoryRow) -> Change:
    return Change(
        row.number,
        RecordType(row.kind),
        row.action,
        row.actor,
        row.at,
        {field: (old, new) for field, old, new in row.changes},
        row.reason,
        row.parent,
        row.undoes,
        id=row.id,
    )


class SqlHistory(Repository):
    def add(self, change: NewChange) -> Change:
        row = HistoryRow(
            workspace_id=self.workspace_id,
            number=change.number,
            kind=change.kind.value,
            parent=change.parent,
            action=change.action,
            actor=change.actor,
            at=change.at,
            # [field, old, new] in a list: the fields keep their order through JSON and export
            changes=[[k, old, new] for k, (old, new) in change.changes.items()],
            reason=change.reason,
            undoes=change.undoes,
        )
        self.session.add(row)
        self.session.flush()
        return to_change(row)

    def of(self, number: int) -> list[Change]:
        h = HistoryRow
        rows = self.session.scalars(
            select(h)
            .where(h.workspace_id == self.workspace_id, or_(h.number == number, h.parent == number))
            .order_by(h.id)
        ).all()
        return [to_change(r) for r in rows]

    def latest_by(self, actor: str, since: dt.datetime) -> list[Change]:
        h = HistoryRow
        rows = self.session.scalars(
            select(h)
            .where(h.workspace_id == self.workspace_id, h.actor == actor, h.at > since)
            .order_by(h.id.desc())
            .limit(RECENT)
        ).all()
        return [to_change(r) for r in rows]

    def count(self, number: int) -> int:
        h = HistoryRow
        found = self.session.scalar(
            select(func.count()).select_from(h).where(h.workspace_id == self.workspace_id, h.number == number)
        )
        return int(found or 0)

    def undone(self, change_ids: Sequence[int]) -> set[int]:
        if not change_ids:
            return set()
        h = HistoryRow
        rows = self.session.scalars(
            select(h.undoes).where(h.workspace_id == self.workspace_id, h.undoes.in_(list(change_ids)))
        ).all()
        return {int(r) for r in rows if r is not None}
