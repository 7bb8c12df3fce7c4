"""Consultations over SQL: the core's `ConsultationRepository`."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ColumnElement, func, or_, select, update

from bot.core.base import Page
from bot.core.consultations import Consultation, ConsultationFields, ConsultationState, NewConsultation
from bot.store.bodies import to_body
from bot.store.models import ConsultationRow
from bot.store.paging import Repository, page


def to_consultation(row: ConsultationRow) -> Consultation:
    return Consultation(
        id=row.id,
        number=row.number,
        title=row.title,
        issuer=row.issuer,
        due_on=row.due_on,
        reference=row.reference,
        received_on=row.received_on,
        owner=row.owner,
        body=to_body(row.body) if row.body else None,
        submitted_on=row.submitted_on,
    )


class SqlConsultations(Repository):
    def add(self, number: int, new: NewConsultation, at: dt.datetime) -> Consultation:
        row = ConsultationRow(
            workspace_id=self.workspace_id,
            number=number,
            title=new.title,
            issuer=new.issuer,
            reference=new.reference,
            received_on=new.received_on,
            due_on=new.due_on,
            owner=new.owner,
            body_id=new.body_id,
            created_at=at,
        )
        self.session.add(row)
        self.session.flush()
        self.session.refresh(row)
        return to_consultation(row)

    def get(self, number: int) -> Consultation | None:
        row = self.session.scalar(
            select(ConsultationRow).where(
                ConsultationRow.workspace_id == self.workspace_id,
                ConsultationRow.number == number,
                ConsultationRow.removed_at.is_(None),
            )
        )
        return to_consultation(row) if row else None

    def find(
        self, *, state: ConsultationState | None, on: dt.date, limit: int, today: dt.date | None = None
    ) -> Page[Consultation]:
        c = ConsultationRow
        received = or_(c.received_on.is_(None), c.received_on <= on)
        conditions: list[ColumnElement[bool]] = [c.workspace_id == self.workspace_id, c.removed_at.is_(None)]
        order: list[Any] = [c.due_on, c.number]
        if state is ConsultationState.OPEN:  # every unanswered one, the overdue included
            conditions += [received, self._unanswered_on(on, today)]
        elif state is ConsultationState.OVERDUE:
            conditions += [received, self._unanswered_on(on, today), c.due_on < on]
        elif state is ConsultationState.SUBMITTED:
            conditions.append(c.submitted_on <= on)
            order = [c.submitted_on.desc(), c.number.desc()]
        else:
            order = [c.due_on.desc(), c.number.desc()]
        return page(self.session, select(c).where(*conditions).order_by(*order), limit, to_consultation)

    def _unanswered_on(self, on: dt.date, today: dt.date | None) -> ColumnElement[bool]:
        """Not answered on the day `on`. No answer is dated after today, so from today on (or
        from the register's latest answer on, for a day in the past) that is "not submitted",
        which the partial index of unanswered consultations serves; otherwise an answer given
        after `on` still counts as none, and the whole history is read."""
        c = ConsultationRow
        if today is None or on < today:
            latest = self.session.scalar(
                select(func.max(c.submitted_on)).where(c.workspace_id == self.workspace_id)
            )
            if latest is not None and latest > on:
                return or_(c.submitted_on.is_(None), c.submitted_on > on)
        return c.submitted_on.is_(None)

    def submit(self, consultation_id: int, on: dt.date | None) -> None:
        self.session.execute(
            update(ConsultationRow).where(ConsultationRow.id == consultation_id).values(submitted_on=on)
        )

    def update(self, consultation_id: int, fields: ConsultationFields) -> None:
        self.session.execute(
            update(ConsultationRow)
            .where(ConsultationRow.id == consultation_id)
            .values(
                title=fields.title,
                issuer=fields.issuer,
                reference=fields.reference,
                received_on=fields.received_on,
                due_on=fields.due_on,
                owner=fields.owner,
                body_id=fields.body_id,
            )
        )
        self.session.expire_all()

    def set_removed(self, number: int, at: dt.datetime | None) -> None:
        c = ConsultationRow
        self.session.execute(
            update(c).where(c.workspace_id == self.workspace_id, c.number == number).values(removed_at=at)
        )
        self.session.expire_all()

    def due(
        self,
        *,
        start: dt.date | None,
        end: dt.date | None,
        received_by: dt.date | None,
        limit: int,
        body_id: int | None = None,
    ) -> Page[Consultation]:
        c = ConsultationRow
        conditions: list[ColumnElement[bool]] = [
            c.workspace_id == self.workspace_id,
            c.removed_at.is_(None),
        ]
        if received_by is None:
            conditions.append(c.submitted_on.is_(None))
        else:  # unanswered on that day, as the digest of that day reads them
            conditions.append(self._unanswered_on(received_by, None))
            conditions.append(or_(c.received_on.is_(None), c.received_on <= received_by))
        if start is not None:
            conditions.append(c.due_on >= start)
        if end is not None:
            conditions.append(c.due_on <= end)
        if body_id is not None:
            conditions.append(c.body_id == body_id)
        query = select(c).where(*conditions).order_by(c.due_on, c.number)
        return page(self.session, query, limit, to_consultation)

    def open_of(self, owner: str, on: dt.date, limit: int) -> Page[Consultation]:
        c = ConsultationRow
        query = (
            select(c)
            .where(
                c.workspace_id == self.workspace_id,
                c.removed_at.is_(None),
                c.removed_at.is_(None),
                c.owner == owner,
                or_(c.received_on.is_(None), c.received_on <= on),
                or_(c.submitted_on.is_(None), c.submitted_on > on),
            )
            .order_by(c.due_on, c.number)
        )
        return page(self.session, query, limit, to_consultation)
