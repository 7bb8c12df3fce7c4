"""Calendar feeds over SQL: the links (their hashes) and what a feed is made of.

An event's SEQUENCE counts its record's changes in the audit trail: every audit row whose subject
is the record's number (`#12`) after the one that added it, reminders' snoozes left out (they
change no date). When records keep a history of their own, `_changes` reads that instead.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session, sessionmaker

from bot.core.calendar import Change, FeedRecords, FeedScope, same_hash
from bot.core.ports import UnitOfWork
from bot.store.consultations import to_consultation
from bot.store.decisions import to_decision
from bot.store.meetings import to_meeting
from bot.store.models import AuditRow, CalendarLinkRow, ConsultationRow, DecisionRow, MeetingRow
from bot.store.unit_of_work import SqlUnitOfWork

#: audit actions that touch an item's reminders, not the item: they leave its SEQUENCE alone
_NOT_CHANGES = "reminders.%"


class SqlCalendarLinks:
    """The core's `CalendarLinks` inside one unit of work on one workspace."""

    def __init__(self, session: Session, workspace_id: str) -> None:
        self.session = session
        self.workspace_id = workspace_id

    def _of(self, body_id: int | None) -> object:
        column = CalendarLinkRow.body_id
        return column.is_(None) if body_id is None else column == body_id

    def issue(self, user_id: str, body_id: int | None, digest: str, at: dt.datetime) -> bool:
        gone = self.session.execute(
            delete(CalendarLinkRow).where(
                CalendarLinkRow.workspace_id == self.workspace_id,
                CalendarLinkRow.user_id == user_id,
                self._of(body_id),  # type: ignore[arg-type]
            )
        )
        self.session.add(
            CalendarLinkRow(
                workspace_id=self.workspace_id,
                body_id=body_id,
                user_id=user_id,
                token_hash=digest,
                created_at=at,
            )
        )
        self.session.flush()
        return bool(getattr(gone, "rowcount", 0))

    def revoke(self, body_id: int | None) -> int:
        gone = self.session.execute(
            delete(CalendarLinkRow).where(
                CalendarLinkRow.workspace_id == self.workspace_id,
                self._of(body_id),  # type: ignore[arg-type]
            )
        )
        return int(getattr(gone, "rowcount", 0))

    def records(self, body_id: int | None) -> FeedRecords:
        ws = self.workspace_id
        s = self.session
        # removed records leave the feed (`remove`); `undo` brings them back
        meetings_q = select(MeetingRow).where(MeetingRow.workspace_id == ws, MeetingRow.removed_at.is_(None))
        consultations_q = select(ConsultationRow).where(
            ConsultationRow.workspace_id == ws, ConsultationRow.removed_at.is_(None)
        )
        follow_ups_q = select(DecisionRow).where(
            DecisionRow.workspace_id == ws,
            DecisionRow.follow_up_on.is_not(None),
            DecisionRow.removed_at.is_(None),
        )
        if body_id is not None:
            meetings_q = meetings_q.where(MeetingRow.body_id == body_id)
            consultations_q = consultations_q.where(ConsultationRow.body_id == body_id)
            follow_ups_q = follow_ups_q.where(DecisionRow.body_id == body_id)
        meetings = s.scalars(meetings_q).unique().all()
        consultations = s.scalars(consultations_q).unique().all()
        follow_ups = s.scalars(follow_ups_q).unique().all()
        added: dict[int, dt.datetime] = {r.number: r.created_at for r in meetings}
        added |= {r.number: r.created_at for r in consultations}
        added |= {r.number: r.created_at for r in follow_ups}
        return FeedRecords(
            tuple(to_meeting(r) for r in meetings),
            tuple(to_consultation(r) for r in consultations),
            tuple(to_decision(r) for r in follow_ups),
            self._changes(set(added)),
            added,
        )

    def _changes(self, numbers: set[int]) -> dict[int, Change]:
        """Per record number: how many changes followed its adding, and the last one's time."""
        if not numbers:
            return {}
        rows = self.session.execute(
            select(AuditRow.subject, func.count(), func.max(AuditRow.at))
            .where(
                AuditRow.workspace_id == self.workspace_id,
                AuditRow.subject.like("#%"),
                AuditRow.action.not_like(_NOT_CHANGES),
            )
            .group_by(AuditRow.subject)
        ).all()
        changes: dict[int, Change] = {}
        for subject, count, last in rows:
            number = subject[1:]
            if not number.isdigit() or int(number) not in numbers:
                continue
            at = last if last.tzinfo is not None else last.replace(tzinfo=dt.UTC)
            changes[int(number)] = Change(max(0, int(count) - 1), at.astimezone(dt.UTC))
        return changes


class SqlCalendarStore:
    """The core's `CalendarStore`: links inside a register's unit of work, and the one query that
    is not a workspace's (which feed a token opens)."""

    def __init__(self, readers: sessionmaker[Session]) -> None:
        self._readers = readers

    def within(self, register: UnitOfWork) -> SqlCalendarLinks:
        if not isinstance(register, SqlUnitOfWork):
            raise TypeError("the links live in the register's database: they need a SqlUnitOfWork")
        return SqlCalendarLinks(register.session, register.workspace_id)

    def scope(self, digest: str) -> FeedScope | None:
        with self._readers() as s:
            row = s.execute(
                select(
                    CalendarLinkRow.workspace_id, CalendarLinkRow.body_id, CalendarLinkRow.token_hash
                ).where(CalendarLinkRow.token_hash == digest)
            ).first()
        if row is None or not same_hash(row[2], digest):
            return None
        return FeedScope(row[0], row[1])

    def version(self, workspace_id: str) -> str:
        with self._readers() as s:
            count, last = s.execute(
                select(func.count(), func.max(AuditRow.at)).where(AuditRow.workspace_id == workspace_id)
            ).one()
        return f"{count}:{last}"
