"""Meetings over SQL: the core's `MeetingRepository`."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ColumnElement, func, select, update

from bot.core.base import Page
from bot.core.meetings import Meeting, MeetingFields, NewMeeting
from bot.store.bodies import to_body
from bot.store.models import MeetingRow
from bot.store.paging import Repository, page


def to_meeting(row: MeetingRow) -> Meeting:
    return Meeting(
        row.id,
        row.number,
        to_body(row.body),
        row.meeting_date,
        row.meeting_time,
        row.place,
        row.title,
        row.cancelled_at is not None,
    )


class SqlMeetings(Repository):
    def add(self, number: int, new: NewMeeting, at: dt.datetime) -> Meeting:
        row = MeetingRow(
            workspace_id=self.workspace_id,
            number=number,
            body_id=new.body_id,
            meeting_date=new.date,
            meeting_time=new.time,
            starts_at=new.starts_at,
            place=new.place,
            title=new.title,
            created_at=at,
        )
        self.session.add(row)
        self.session.flush()
        self.session.refresh(row)
        return to_meeting(row)

    def get(self, number: int) -> Meeting | None:
        row = self.session.scalar(
            select(MeetingRow).where(
                MeetingRow.workspace_id == self.workspace_id,
                MeetingRow.number == number,
                MeetingRow.removed_at.is_(None),
            )
        )
        return to_meeting(row) if row else None

    def find(
        self, *, body_id: int | None, start: dt.date | None, end: dt.date | None, limit: int
    ) -> Page[Meeting]:
        conditions: list[ColumnElement[bool]] = [
            MeetingRow.workspace_id == self.workspace_id,
            MeetingRow.removed_at.is_(None),
        ]
        if body_id is not None:
            conditions.append(MeetingRow.body_id == body_id)
        if start is not None:
            conditions.append(MeetingRow.meeting_date >= start)
        if end is not None:
            conditions.append(MeetingRow.meeting_date <= end)
        query = (
            select(MeetingRow)
            .where(*conditions)
            .order_by(MeetingRow.meeting_date, MeetingRow.meeting_time, MeetingRow.number)
        )
        return page(self.session, query, limit, to_meeting)

    def last_held(self, body_id: int, *, start: dt.date, end: dt.date) -> dt.date | None:
        m = MeetingRow
        return self.session.scalar(
            select(func.max(m.meeting_date)).where(
                m.workspace_id == self.workspace_id,
                m.removed_at.is_(None),
                m.cancelled_at.is_(None),
                m.body_id == body_id,
                m.meeting_date >= start,
                m.meeting_date <= end,
            )
        )

    def cancel(self, meeting_id: int, at: dt.datetime | None) -> None:
        self.session.execute(update(MeetingRow).where(MeetingRow.id == meeting_id).values(cancelled_at=at))

    def update(self, meeting_id: int, fields: MeetingFields) -> None:
        self.session.execute(
            update(MeetingRow)
            .where(MeetingRow.id == meeting_id)
            .values(
                body_id=fields.body_id,
                meeting_date=fields.date,
                meeting_time=fields.time,
                starts_at=fields.starts_at,
                place=fields.place,
                title=fields.title,
            )
        )
        self.session.expire_all()

    def set_removed(self, number: int, at: dt.datetime | None) -> None:
        m = MeetingRow
        self.session.execute(
            update(m).where(m.workspace_id == self.workspace_id, m.number == number).values(removed_at=at)
        )
        self.session.expire_all()
