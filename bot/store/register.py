"""The register over SQLAlchemy: the core's `Register` port, one unit of work per instance."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from types import TracebackType
from typing import Any, Self

from sqlalchemy import ColumnElement, Select, and_, column, func, or_, select, table, update
from sqlalchemy.orm import Session, sessionmaker

from bot.core import parsing
from bot.core.model import (
    AuditEvent,
    Body,
    BodyKind,
    Consultation,
    ConsultationChanges,
    ConsultationState,
    Decision,
    EntryKind,
    Fund,
    FundBalance,
    FundYear,
    LedgerEntry,
    Meeting,
    NewConsultation,
    NewDecision,
    NewEntry,
    NewMeeting,
    Page,
    RecordType,
    Role,
    RoleGrant,
)
from bot.store.db import insert_for
from bot.store.models import (
    AuditRow,
    BodyRow,
    ConsultationRow,
    DecisionRow,
    FundRow,
    LedgerEntryRow,
    LedgerMonthRow,
    MeetingRow,
    RoleRow,
    Workspace,
)


def to_body(row: BodyRow) -> Body:
    return Body(row.id, row.number, row.name, BodyKind(row.kind), row.channel)


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


def to_decision(row: DecisionRow) -> Decision:
    return Decision(
        id=row.id,
        number=row.number,
        body=to_body(row.body),
        decided_on=row.decided_on,
        paragraph=row.paragraph,
        text=row.text,
        meeting_number=row.meeting.number if row.meeting else None,
        follow_up_on=row.follow_up_on,
        owner=row.owner,
        follow_up_done_on=row.follow_up_done_on,
    )


def to_fund(row: FundRow) -> Fund:
    return Fund(row.id, row.number, row.name)


def to_entry(row: LedgerEntryRow) -> LedgerEntry:
    return LedgerEntry(
        row.id,
        row.number,
        to_fund(row.fund),
        EntryKind(row.kind),
        row.amount,
        row.booked_on,
        row.text,
        row.category,
    )


def _month(day: dt.date) -> int:
    return day.year * 100 + day.month


#: SQLite's substring index over decisions' text (migration 0004): an FTS5 trigram table
_DECISIONS_FTS = table("decisions_fts", column("rowid"), column("text_folded"))
#: a word found in more decisions than this is searched by scanning in date order instead
FTS_CANDIDATES = 1000
#: words it can serve: three characters or more, none of LIKE's own
_FTS_WORD = re.compile(r"^[^%_\\]{3,}$")

#: lists count their matches up to this many, then say "1 000+"
COUNT_CAP = 1000


def _like(word: str) -> str:
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class SqlRegister:
    """One workspace's register in one transaction. Writers lock the workspace row first, so two
    writers in one workspace take turns (numbers and § never collide) on every database."""

    def __init__(self, sessions: sessionmaker[Session], workspace_id: str, *, write: bool) -> None:
        self.workspace_id = workspace_id
        self._sessions = sessions
        self._write = write
        self._session: Session | None = None

    # -- unit of work --------------------------------------------------------------------------

    @property
    def session(self) -> Session:
        assert self._session is not None, "use the register inside `with`"
        return self._session

    def __enter__(self) -> Self:
        self._session = self._sessions()
        if self._write:
            self._lock_workspace()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        assert self._session is not None
        try:
            self._session.rollback()  # whatever was not committed is discarded
        finally:
            self._session.close()
            self._session = None

    def commit(self) -> None:
        self.session.commit()

    def rollback(self) -> None:
        self.session.rollback()

    def _dialect(self) -> str:
        bind = self.session.get_bind()
        return bind.dialect.name

    def _insert(self, table: Any) -> Any:
        return insert_for(self._dialect())(table)

    def _lock_workspace(self) -> None:
        now = dt.datetime.now(dt.UTC)
        self.session.execute(
            self._insert(Workspace)
            .values(id=self.workspace_id, next_number=1, created_at=now)
            .on_conflict_do_nothing(index_elements=["id"])
        )
        lock = select(Workspace.id).where(Workspace.id == self.workspace_id)
        if self._dialect() == "postgresql":
            lock = lock.with_for_update()
        self.session.execute(lock)

    def page(self, query: Select[Any], limit: int, convert: Any) -> Page[Any]:
        """A page of `limit` rows and how many there are in all — counted up to COUNT_CAP only,
        so that a list's cost follows the size of its answer, not of the history behind it."""
        rows = self.session.scalars(query.limit(limit)).unique().all()
        if len(rows) < limit:
            return Page(tuple(convert(r) for r in rows), len(rows))
        bounded = query.order_by(None).limit(COUNT_CAP + 1).subquery()
        total = self.session.scalar(select(func.count()).select_from(bounded)) or 0
        return Page(tuple(convert(r) for r in rows), min(total, COUNT_CAP), capped=total > COUNT_CAP)

    # -- workspace -----------------------------------------------------------------------------

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
        tables: list[tuple[RecordType, Any]] = [
            (RecordType.BODY, BodyRow),
            (RecordType.MEETING, MeetingRow),
            (RecordType.CONSULTATION, ConsultationRow),
            (RecordType.DECISION, DecisionRow),
            (RecordType.FUND, FundRow),
            (RecordType.ENTRY, LedgerEntryRow),
        ]
        for record_type, model in tables:
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

    # -- roles ---------------------------------------------------------------------------------

    def roles_of(self, user_id: str) -> frozenset[Role]:
        rows = self.session.scalars(
            select(RoleRow.role).where(RoleRow.workspace_id == self.workspace_id, RoleRow.user_id == user_id)
        ).all()
        return frozenset(Role(r) for r in rows)

    def grant(self, user_id: str, role: Role, by: str, at: dt.datetime) -> None:
        row = self.session.scalar(
            select(RoleRow).where(RoleRow.workspace_id == self.workspace_id, RoleRow.user_id == user_id)
        )
        if row is None:
            self.session.add(
                RoleRow(
                    workspace_id=self.workspace_id,
                    user_id=user_id,
                    role=role.value,
                    granted_by=by,
                    granted_at=at,
                )
            )
        else:
            row.role, row.granted_by, row.granted_at = role.value, by, at
        self.session.flush()

    def revoke(self, user_id: str) -> bool:
        row = self.session.scalar(
            select(RoleRow).where(RoleRow.workspace_id == self.workspace_id, RoleRow.user_id == user_id)
        )
        if row is None:
            return False
        self.session.delete(row)
        self.session.flush()
        return True

    def role_grants(self) -> list[RoleGrant]:
        rows = self.session.scalars(
            select(RoleRow)
            .where(RoleRow.workspace_id == self.workspace_id)
            .order_by(RoleRow.role, RoleRow.user_id)
        ).all()
        return [RoleGrant(r.user_id, Role(r.role)) for r in rows]

    # -- bodies --------------------------------------------------------------------------------

    def add_body(self, number: int, name: str, kind: BodyKind, channel: str | None) -> Body:
        row = BodyRow(
            workspace_id=self.workspace_id, number=number, name=name, kind=kind.value, channel=channel
        )
        self.session.add(row)
        self.session.flush()
        return to_body(row)

    def bodies(self) -> list[Body]:
        rows = self.session.scalars(
            select(BodyRow).where(BodyRow.workspace_id == self.workspace_id).order_by(BodyRow.number)
        ).all()
        return [to_body(r) for r in rows]

    # -- meetings ------------------------------------------------------------------------------

    def add_meeting(self, number: int, new: NewMeeting, at: dt.datetime) -> Meeting:
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

    def meeting(self, number: int) -> Meeting | None:
        row = self.session.scalar(
            select(MeetingRow).where(
                MeetingRow.workspace_id == self.workspace_id, MeetingRow.number == number
            )
        )
        return to_meeting(row) if row else None

    def meetings(
        self, *, body_id: int | None, start: dt.date | None, end: dt.date | None, limit: int
    ) -> Page[Meeting]:
        conditions: list[ColumnElement[bool]] = [MeetingRow.workspace_id == self.workspace_id]
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
        return self.page(query, limit, to_meeting)

    def cancel_meeting(self, meeting_id: int, at: dt.datetime) -> None:
        self.session.execute(update(MeetingRow).where(MeetingRow.id == meeting_id).values(cancelled_at=at))

    def reschedule_meeting(
        self, meeting_id: int, day: dt.date, time: dt.time | None, starts_at: dt.datetime | None
    ) -> None:
        self.session.execute(
            update(MeetingRow)
            .where(MeetingRow.id == meeting_id)
            .values(meeting_date=day, meeting_time=time, starts_at=starts_at)
        )

    # -- consultations -------------------------------------------------------------------------

    def add_consultation(self, number: int, new: NewConsultation, at: dt.datetime) -> Consultation:
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

    def consultation(self, number: int) -> Consultation | None:
        row = self.session.scalar(
            select(ConsultationRow).where(
                ConsultationRow.workspace_id == self.workspace_id, ConsultationRow.number == number
            )
        )
        return to_consultation(row) if row else None

    def consultations(
        self, *, state: ConsultationState | None, on: dt.date, limit: int, today: dt.date | None = None
    ) -> Page[Consultation]:
        c = ConsultationRow
        received = or_(c.received_on.is_(None), c.received_on <= on)
        # No answer is dated in the future, so from today on "unanswered" is "not submitted":
        # the partial index of unanswered consultations then serves the list.
        current = today is not None and on >= today
        unanswered = (
            c.submitted_on.is_(None) if current else or_(c.submitted_on.is_(None), c.submitted_on > on)
        )
        conditions: list[ColumnElement[bool]] = [c.workspace_id == self.workspace_id]
        order: list[Any] = [c.due_on, c.number]
        if state is ConsultationState.OPEN:  # every unanswered one, the overdue included
            conditions += [received, unanswered]
        elif state is ConsultationState.OVERDUE:
            conditions += [received, unanswered, c.due_on < on]
        elif state is ConsultationState.SUBMITTED:
            conditions.append(c.submitted_on <= on)
            order = [c.submitted_on.desc(), c.number.desc()]
        else:
            order = [c.due_on.desc(), c.number.desc()]
        return self.page(select(c).where(*conditions).order_by(*order), limit, to_consultation)

    def submit_consultation(self, consultation_id: int, on: dt.date) -> None:
        self.session.execute(
            update(ConsultationRow).where(ConsultationRow.id == consultation_id).values(submitted_on=on)
        )

    def update_consultation(self, consultation_id: int, changes: ConsultationChanges) -> None:
        values = {
            name: value
            for name, value in (
                ("title", changes.title),
                ("due_on", changes.due_on),
                ("owner", changes.owner),
                ("body_id", changes.body_id),
            )
            if value is not None
        }
        if values:
            self.session.execute(
                update(ConsultationRow).where(ConsultationRow.id == consultation_id).values(**values)
            )
            self.session.expire_all()

    def consultations_due(
        self, *, start: dt.date | None, end: dt.date | None, received_by: dt.date | None, limit: int
    ) -> Page[Consultation]:
        c = ConsultationRow
        conditions: list[ColumnElement[bool]] = [
            c.workspace_id == self.workspace_id,
            c.submitted_on.is_(None),
        ]
        if start is not None:
            conditions.append(c.due_on >= start)
        if end is not None:
            conditions.append(c.due_on <= end)
        if received_by is not None:
            conditions.append(or_(c.received_on.is_(None), c.received_on <= received_by))
        return self.page(select(c).where(*conditions).order_by(c.due_on, c.number), limit, to_consultation)

    # -- decisions -----------------------------------------------------------------------------

    def add_decision(self, number: int, paragraph: int, new: NewDecision, at: dt.datetime) -> Decision:
        row = DecisionRow(
            workspace_id=self.workspace_id,
            number=number,
            body_id=new.body_id,
            decided_on=new.decided_on,
            year=new.decided_on.year,
            paragraph=paragraph,
            text=new.text,
            text_folded=parsing.fold(new.text),
            meeting_id=new.meeting_id,
            follow_up_on=new.follow_up_on,
            owner=new.owner,
            created_at=at,
        )
        self.session.add(row)
        self.session.flush()
        self.session.refresh(row)
        return to_decision(row)

    def decision(self, number: int) -> Decision | None:
        row = self.session.scalar(
            select(DecisionRow).where(
                DecisionRow.workspace_id == self.workspace_id, DecisionRow.number == number
            )
        )
        return to_decision(row) if row else None

    def paragraph_taken(self, body_id: int, year: int, paragraph: int) -> bool:
        found = self.session.scalar(
            select(DecisionRow.id).where(
                DecisionRow.body_id == body_id, DecisionRow.year == year, DecisionRow.paragraph == paragraph
            )
        )
        return found is not None

    def next_paragraph(self, body_id: int, year: int) -> int:
        highest = self.session.scalar(
            select(func.max(DecisionRow.paragraph)).where(
                DecisionRow.body_id == body_id, DecisionRow.year == year
            )
        )
        return int(highest or 0) + 1

    def decisions(
        self, *, body_id: int | None, year: int | None, words: Sequence[str], limit: int
    ) -> Page[Decision]:
        d = DecisionRow
        conditions: list[ColumnElement[bool]] = [d.workspace_id == self.workspace_id]
        if body_id is not None:
            conditions.append(d.body_id == body_id)
        if year is not None:
            conditions.append(d.year == year)
        candidates: set[int] | None = None
        for word in words:
            conditions.append(d.text_folded.like(_like(word), escape="\\"))
            if self._dialect() == "sqlite" and _FTS_WORD.match(word):
                # SQLite: the trigram table names the few decisions holding a rare word, so the
                # page need not read the history. A common word's list would cost more than it
                # saves (the date-ordered scan finds a page of it at once): it is left out.
                found = self.session.scalars(
                    select(_DECISIONS_FTS.c.rowid)
                    .where(_DECISIONS_FTS.c.text_folded.like(f"%{word}%"))
                    .limit(FTS_CANDIDATES + 1)
                ).all()
                if len(found) <= FTS_CANDIDATES:
                    candidates = set(found) if candidates is None else candidates & set(found)
        if candidates is not None:  # the LIKEs above stay the arbiter
            conditions.append(d.id.in_(sorted(candidates)))
        query = select(d).where(and_(*conditions)).order_by(d.decided_on.desc(), d.number.desc())
        return self.page(query, limit, to_decision)

    def finish_follow_up(self, decision_id: int, on: dt.date) -> None:
        self.session.execute(
            update(DecisionRow).where(DecisionRow.id == decision_id).values(follow_up_done_on=on)
        )

    def open_consultations_of(self, owner: str, on: dt.date, limit: int) -> Page[Consultation]:
        """`owner`'s consultations received and not answered by `on`, the most urgent first."""
        c = ConsultationRow
        query = (
            select(c)
            .where(
                c.workspace_id == self.workspace_id,
                c.owner == owner,
                or_(c.received_on.is_(None), c.received_on <= on),
                or_(c.submitted_on.is_(None), c.submitted_on > on),
            )
            .order_by(c.due_on, c.number)
        )
        return self.page(query, limit, to_consultation)

    def open_follow_ups(
        self, *, limit: int, owner: str | None = None, before: dt.date | None = None
    ) -> Page[Decision]:
        """Decisions whose follow-up is not done: `owner`'s, or those due before `before`."""
        d = DecisionRow
        conditions: list[ColumnElement[bool]] = [
            d.workspace_id == self.workspace_id,
            d.follow_up_on.is_not(None),
            d.follow_up_done_on.is_(None),
        ]
        if owner is not None:
            conditions.append(d.owner == owner)
        if before is not None:
            conditions.append(d.follow_up_on < before)
        query = select(d).where(*conditions).order_by(d.follow_up_on, d.number)
        return self.page(query, limit, to_decision)

    def follow_ups_due(self, *, start: dt.date, end: dt.date | None, limit: int) -> Page[Decision]:
        d = DecisionRow
        conditions: list[ColumnElement[bool]] = [
            d.workspace_id == self.workspace_id,
            d.follow_up_done_on.is_(None),
            d.follow_up_on >= start,
        ]
        if end is not None:
            conditions.append(d.follow_up_on <= end)
        return self.page(select(d).where(*conditions).order_by(d.follow_up_on, d.number), limit, to_decision)

    def decisions_recorded_since(self, since: dt.datetime, *, limit: int) -> Page[Decision]:
        d = DecisionRow
        query = (
            select(d)
            .where(d.workspace_id == self.workspace_id, d.created_at > since)
            .order_by(d.created_at.desc(), d.number.desc())
        )
        return self.page(query, limit, to_decision)

    # -- funds ---------------------------------------------------------------------------------

    def add_fund(self, number: int, name: str, at: dt.datetime) -> Fund:
        row = FundRow(workspace_id=self.workspace_id, number=number, name=name, created_at=at)
        self.session.add(row)
        self.session.flush()
        return to_fund(row)

    def funds(self) -> list[Fund]:
        rows = self.session.scalars(
            select(FundRow).where(FundRow.workspace_id == self.workspace_id).order_by(FundRow.number)
        ).all()
        return [to_fund(r) for r in rows]

    def add_entry(self, number: int, new: NewEntry, at: dt.datetime) -> LedgerEntry:
        row = LedgerEntryRow(
            workspace_id=self.workspace_id,
            number=number,
            fund_id=new.fund_id,
            kind=new.kind.value,
            amount=new.amount,
            booked_on=new.booked_on,
            text=new.text,
            category=new.category,
            created_at=at,
        )
        self.session.add(row)
        column = {EntryKind.OPENING: "opening", EntryKind.INCOME: "income", EntryKind.COST: "costs"}[new.kind]
        values = {
            "fund_id": new.fund_id,
            "month": _month(new.booked_on),
            "opening": 0,
            "income": 0,
            "costs": 0,
        }
        values[column] = new.amount
        stmt = self._insert(LedgerMonthRow).values(**values)
        stmt = stmt.on_conflict_do_update(
            index_elements=["fund_id", "month"],
            set_={column: getattr(LedgerMonthRow, column) + new.amount},
        )
        self.session.execute(stmt)
        self.session.flush()
        self.session.refresh(row)
        return to_entry(row)

    def balances(self, on: dt.date) -> list[FundBalance]:
        """Each fund's balance at the end of `on`: the month sums through `on`'s month, less
        what was booked later in that month (normally nothing). A handful of rows per fund,
        however long the ledger."""
        funds = self.funds()
        if not funds:
            return []
        ids = [f.id for f in funds]
        m = LedgerMonthRow
        through: dict[int, Any] = dict(
            self.session.execute(
                select(m.fund_id, func.sum(m.opening + m.income - m.costs))
                .where(m.fund_id.in_(ids), m.month <= _month(on))
                .group_by(m.fund_id)
            ).all()
        )
        e = LedgerEntryRow
        month_end = (on.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
        later: dict[int, Any] = {}
        if on < month_end:
            later = dict(
                self.session.execute(
                    select(e.fund_id, func.sum(_signed(e)))
                    .where(e.fund_id.in_(ids), e.booked_on > on, e.booked_on <= month_end)
                    .group_by(e.fund_id)
                ).all()
            )
        return [FundBalance(f, int(through.get(f.id) or 0) - int(later.get(f.id) or 0)) for f in funds]

    def fund_years(self, year: int) -> list[FundYear]:
        funds = self.funds()
        if not funds:
            return []
        ids = [f.id for f in funds]
        m = LedgerMonthRow
        first, last = year * 100 + 1, year * 100 + 12
        before: dict[int, Any] = dict(
            self.session.execute(
                select(m.fund_id, func.sum(m.opening + m.income - m.costs))
                .where(m.fund_id.in_(ids), m.month < first)
                .group_by(m.fund_id)
            ).all()
        )
        during = {
            fund_id: (int(o or 0), int(i or 0), int(c or 0))
            for fund_id, o, i, c in self.session.execute(
                select(m.fund_id, func.sum(m.opening), func.sum(m.income), func.sum(m.costs))
                .where(m.fund_id.in_(ids), m.month >= first, m.month <= last)
                .group_by(m.fund_id)
            ).all()
        }
        lines = []
        for f in funds:
            opening_in_year, income, costs = during.get(f.id, (0, 0, 0))
            # An opening balance booked during the year is where the fund starts, not income.
            lines.append(FundYear(f, int(before.get(f.id) or 0) + opening_in_year, income, costs))
        return lines

    def entries(self, fund_id: int, year: int | None, limit: int) -> Page[LedgerEntry]:
        e = LedgerEntryRow
        conditions: list[ColumnElement[bool]] = [e.workspace_id == self.workspace_id, e.fund_id == fund_id]
        if year is not None:
            conditions += [e.booked_on >= dt.date(year, 1, 1), e.booked_on <= dt.date(year, 12, 31)]
        query = select(e).where(*conditions).order_by(e.booked_on.desc(), e.number.desc())
        return self.page(query, limit, to_entry)


def _signed(e: type[LedgerEntryRow]) -> Any:
    from sqlalchemy import case

    return case((e.kind == EntryKind.COST.value, -e.amount), else_=e.amount)


class SqlRegisterFactory:
    """Opens a register on a workspace: `with registers("T123", write=True) as reg: ...`."""

    def __init__(self, readers: sessionmaker[Session], writers: sessionmaker[Session]) -> None:
        self._readers = readers
        self._writers = writers

    def __call__(self, workspace_id: str, *, write: bool = False) -> SqlRegister:
        return SqlRegister(self._writers if write else self._readers, workspace_id, write=write)
