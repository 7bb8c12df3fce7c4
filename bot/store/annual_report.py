"""The annual report's reading of the register: `AnnualReportSource` over SQL, read-only.

One query per kind of record, each bounded by the year and filtered on the workspace; the funds'
lines come from the register's month sums (`SqlUnitOfWork.fund_years`), the categories from one
grouped query over the year's ledger entries. The same SQL on SQLite and PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import and_, func, or_, select

from bot.core.annual_report import CategorySum
from bot.core.model import Body, Consultation, Decision, EntryKind, FundYear, Meeting
from bot.store.consultations import to_consultation
from bot.store.decisions import to_decision
from bot.store.meetings import to_meeting
from bot.store.models import ConsultationRow, DecisionRow, LedgerEntryRow, MeetingRow
from bot.store.unit_of_work import SqlUnitOfWork


class SqlAnnualReportSource:
    """Reads one workspace's records through an open register (its session and workspace)."""

    def __init__(self, register: SqlUnitOfWork) -> None:
        self.register = register
        self.session = register.session
        self.workspace_id = register.workspace_id

    def bodies(self) -> Sequence[Body]:
        return self.register.bodies.all()

    def meetings_between(self, start: dt.date, end: dt.date) -> Sequence[Meeting]:
        m = MeetingRow
        rows = self.session.scalars(
            select(m)
            .where(
                m.workspace_id == self.workspace_id,
                m.removed_at.is_(None),
                m.meeting_date >= start,
                m.meeting_date <= end,
            )
            .order_by(m.meeting_date, m.meeting_time, m.number)
        ).all()
        return [to_meeting(r) for r in rows]

    def consultations_touching(self, start: dt.date, end: dt.date) -> Sequence[Consultation]:
        c = ConsultationRow
        answered_in_year = and_(c.submitted_on >= start, c.submitted_on <= end)
        open_at_end = and_(
            or_(c.received_on.is_(None), c.received_on <= end),
            or_(c.submitted_on.is_(None), c.submitted_on > end),
        )
        rows = self.session.scalars(
            select(c)
            .where(
                c.workspace_id == self.workspace_id,
                c.removed_at.is_(None),
                or_(answered_in_year, open_at_end),
            )
            .order_by(c.number)
        ).all()
        return [to_consultation(r) for r in rows]

    def decisions_between(self, start: dt.date, end: dt.date) -> Sequence[Decision]:
        return self._decisions_dated(DecisionRow.decided_on, start, end)

    def follow_ups_between(self, start: dt.date, end: dt.date) -> Sequence[Decision]:
        return self._decisions_dated(DecisionRow.follow_up_on, start, end)

    def _decisions_dated(self, day: Any, start: dt.date, end: dt.date) -> Sequence[Decision]:
        """The workspace's decisions whose `day` (decided or follow-up) falls in the range."""
        d = DecisionRow
        rows = self.session.scalars(
            select(d)
            .where(d.workspace_id == self.workspace_id, d.removed_at.is_(None), day >= start, day <= end)
            .order_by(day, d.number)
        ).all()
        return [to_decision(r) for r in rows]

    def fund_years(self, year: int) -> Sequence[FundYear]:
        return self.register.ledger.fund_years(year)

    def category_sums(self, start: dt.date, end: dt.date) -> Sequence[CategorySum]:
        e = LedgerEntryRow
        rows = self.session.execute(
            select(e.fund_id, e.kind, e.category, func.sum(e.amount), func.min(e.number))
            .where(
                e.workspace_id == self.workspace_id,
                e.booked_on >= start,
                e.booked_on <= end,
                e.kind.in_([EntryKind.INCOME.value, EntryKind.COST.value]),
            )
            .group_by(e.fund_id, e.kind, e.category)
        ).all()
        return [
            CategorySum(fund_id, EntryKind(kind), category, int(amount), int(first))
            for fund_id, kind, category, amount, first in rows
        ]
