"""The workspace over SQL: record numbers, the digest channel, the audit trail."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from bot.core.base import AuditEvent, RecordType
from bot.store.models import (
    AuditRow,
    BodyRow,
    ConsultationRow,
    DecisionRow,
    FundRow,
    LedgerEntryRow,
    MeetingRow,
    Workspace,
)
from bot.store.paging import Repository, dialect, insert

#: the audit action of a role given (the installer's welcome writes one too)
ADMIN_GRANT = "role.grant"

_TABLES: tuple[tuple[RecordType, Any], ...] = (
    (RecordType.BODY, BodyRow),
    (RecordType.MEETING, MeetingRow),
    (RecordType.CONSULTATION, ConsultationRow),
    (RecordType.DECISION, DecisionRow),
    (RecordType.FUND, FundRow),
    (RecordType.ENTRY, LedgerEntryRow),
)


class SqlWorkspace(Repository):
    def __init__(self, session: Session, workspace_id: str, *, write: bool) -> None:
        super().__init__(session, workspace_id)
        self._write = write

    def lock(self) -> None:
        """Create the workspace's row if need be and lock it: writers in one workspace take
        turns, so numbers and § never collide, on every database."""
        now = dt.datetime.now(dt.UTC)
        self.session.execute(
            insert(self.session, Workspace)
            .values(id=self.workspace_id, next_number=1, created_at=now)
            .on_conflict_do_nothing(index_elements=["id"])
        )
        lock = select(Workspace.id).where(Workspace.id == self.workspace_id)
        if dialect(self.session) == "postgresql":
            lock = lock.with_for_update()
        self.session.execute(lock)

    def next_number(self) -> int:
        assert self._write, "numbers are handed out in write units of work"
        new = self.session.execute(
            update(Workspace)
            .where(Workspace.id == self.workspace_id)
            .values(next_number=Workspace.next_number + 1)
            .returning(Workspace.next_number)
        ).scalar_one()
        return int(new) - 1

    def record_type_of(self, number: int) -> RecordType | None:
        for record_type, model in _TABLES:
            found = self.session.scalar(
                select(model.id).where(model.workspace_id == self.workspace_id, model.number == number)
            )
            if found is not None:
                return record_type
        return None

    def digest_channel(self) -> str | None:
        return self.session.scalar(select(Workspace.digest_channel).where(Workspace.id == self.workspace_id))

    def set_digest_channel(self, channel: str) -> None:
        self.session.execute(
            update(Workspace).where(Workspace.id == self.workspace_id).values(digest_channel=channel)
        )

    def ever_had_admin(self) -> bool:
        grants = self.session.scalars(
            select(AuditRow.details).where(
                AuditRow.workspace_id == self.workspace_id, AuditRow.action == ADMIN_GRANT
            )
        )
        return any((details or {}).get("role") == "admin" for details in grants)

    def audit(self, event: AuditEvent) -> None:
        self.session.add(
            AuditRow(
                workspace_id=self.workspace_id,
                at=event.at,
                actor=event.actor,
                action=event.action,
                subject=event.subject,
                details=dict(event.details),
            )
        )
