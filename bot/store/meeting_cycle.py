"""The meeting cycle over SQL: the core's `MeetingCycleRepository` (members, agenda items,
attendance, adjusters, consultation plans, notices asked for)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import case, delete, select, update

from bot.core.base import RecordType
from bot.core.meeting_cycle import (
    Adjuster,
    AgendaSource,
    Attendance,
    AttendAnswer,
    ConsultationPlan,
    Member,
    MemberRole,
    NewAgendaItem,
    NoticeAsk,
    StoredAgendaItem,
)
from bot.store.models import (
    AdjusterRow,
    AgendaItemRow,
    AttendanceRow,
    BodyMemberRow,
    ConsultationPlanRow,
    ConsultationRow,
    DecisionRow,
    MeetingRow,
    NoticeAskRow,
)
from bot.store.paging import Repository

#: at most this many values in one `IN (...)` list
CHUNK = 500

#: chair first, then members, deputies and the secretary
_ROLE_ORDER = case({"chair": 0, "member": 1, "deputy": 2, "secretary": 3}, value=BodyMemberRow.role, else_=4)


def _member(row: BodyMemberRow) -> Member:
    return Member(row.user_id, row.municipality, MemberRole(row.role))


class SqlMeetingCycle(Repository):
    # -- members -------------------------------------------------------------------------------

    def members(self, body_id: int) -> list[Member]:
        rows = self.session.scalars(
            select(BodyMemberRow)
            .where(BodyMemberRow.workspace_id == self.workspace_id, BodyMemberRow.body_id == body_id)
            .order_by(_ROLE_ORDER, BodyMemberRow.municipality, BodyMemberRow.id)
        )
        return [_member(r) for r in rows]

    def add_member(self, body_id: int, member: Member, at: dt.datetime) -> None:
        self.session.add(
            BodyMemberRow(
                workspace_id=self.workspace_id,
                body_id=body_id,
                user_id=member.user_id,
                municipality=member.municipality,
                role=member.role.value,
                created_at=at,
            )
        )
        self.session.flush()

    def update_member(self, body_id: int, member: Member) -> None:
        self.session.execute(
            update(BodyMemberRow)
            .where(BodyMemberRow.body_id == body_id, BodyMemberRow.user_id == member.user_id)
            .values(municipality=member.municipality, role=member.role.value)
        )

    def remove_member(self, body_id: int, user_id: str) -> bool:
        result = self.session.execute(
            delete(BodyMemberRow).where(BodyMemberRow.body_id == body_id, BodyMemberRow.user_id == user_id)
        )
        return bool(getattr(result, "rowcount", 0))

    def bodies_of(self, user_id: str) -> list[int]:
        return list(
            self.session.scalars(
                select(BodyMemberRow.body_id).where(
                    BodyMemberRow.workspace_id == self.workspace_id, BodyMemberRow.user_id == user_id
                )
            )
        )

    # -- the agenda ----------------------------------------------------------------------------

    def agenda(self, meeting_id: int) -> list[StoredAgendaItem]:
        rows = self.session.scalars(
            select(AgendaItemRow)
            .where(AgendaItemRow.meeting_id == meeting_id)
            .order_by(AgendaItemRow.position, AgendaItemRow.id)
        )
        return [
            StoredAgendaItem(
                r.id,
                r.position,
                NewAgendaItem(r.text, AgendaSource(r.source), r.record_number, r.decision, r.owner),
                r.removed,
            )
            for r in rows
        ]

    def add_agenda_item(self, meeting_id: int, position: int, item: NewAgendaItem, at: dt.datetime) -> None:
        self.session.add(
            AgendaItemRow(
                workspace_id=self.workspace_id,
                meeting_id=meeting_id,
                position=position,
                text=item.text,
                source=item.source.value,
                record_number=item.record_number,
                decision=item.decision,
                owner=item.owner,
                removed=False,
                created_at=at,
            )
        )
        self.session.flush()

    def set_positions(self, positions: dict[int, int]) -> None:
        for item_id, position in positions.items():
            self.session.execute(
                update(AgendaItemRow).where(AgendaItemRow.id == item_id).values(position=position)
            )

    def remove_agenda_item(self, item_id: int) -> None:
        self.session.execute(update(AgendaItemRow).where(AgendaItemRow.id == item_id).values(removed=True))

    # -- attendance and the minutes --------------------------------------------------------------

    def attendance(self, meeting_id: int) -> list[Attendance]:
        rows = self.session.scalars(
            select(AttendanceRow).where(AttendanceRow.meeting_id == meeting_id).order_by(AttendanceRow.id)
        )
        return [Attendance(r.user_id, AttendAnswer(r.answer), r.answered_by, r.answered_at) for r in rows]

    def set_attendance(self, meeting_id: int, answer: Attendance) -> None:
        row = self.session.scalar(
            select(AttendanceRow).where(
                AttendanceRow.meeting_id == meeting_id, AttendanceRow.user_id == answer.user_id
            )
        )
        if row is None:
            row = AttendanceRow(workspace_id=self.workspace_id, meeting_id=meeting_id, user_id=answer.user_id)
            self.session.add(row)
        row.answer = answer.answer.value
        row.answered_by = answer.answered_by
        row.answered_at = answer.answered_at
        self.session.flush()

    def adjusters(self, meeting_id: int) -> list[Adjuster]:
        rows = self.session.scalars(
            select(AdjusterRow).where(AdjusterRow.meeting_id == meeting_id).order_by(AdjusterRow.id)
        )
        return [Adjuster(r.user_id, r.approved_at) for r in rows]

    def set_adjusters(self, meeting_id: int, users: Sequence[str]) -> None:
        self.session.execute(delete(AdjusterRow).where(AdjusterRow.meeting_id == meeting_id))
        for user in users:
            self.session.add(AdjusterRow(workspace_id=self.workspace_id, meeting_id=meeting_id, user_id=user))
        self.session.flush()

    def approve(self, meeting_id: int, user_id: str, at: dt.datetime) -> None:
        self.session.execute(
            update(AdjusterRow)
            .where(AdjusterRow.meeting_id == meeting_id, AdjusterRow.user_id == user_id)
            .values(approved_at=at)
        )

    # -- consultation plans --------------------------------------------------------------------

    def _plans(self, *conditions: object) -> list[ConsultationPlan]:
        rows = self.session.execute(
            select(ConsultationRow.number, MeetingRow.number, ConsultationPlanRow.draft_workdays)
            .join(ConsultationRow, ConsultationRow.id == ConsultationPlanRow.consultation_id)
            .join(MeetingRow, MeetingRow.id == ConsultationPlanRow.meeting_id)
            .where(ConsultationPlanRow.workspace_id == self.workspace_id, *conditions)  # type: ignore[arg-type]
            .order_by(ConsultationRow.number)
        ).all()
        return [ConsultationPlan(c, m, n) for c, m, n in rows]

    def plan(self, consultation_id: int, meeting_id: int, draft_workdays: int, at: dt.datetime) -> None:
        row = self.session.scalar(
            select(ConsultationPlanRow).where(ConsultationPlanRow.consultation_id == consultation_id)
        )
        if row is None:
            row = ConsultationPlanRow(
                workspace_id=self.workspace_id, consultation_id=consultation_id, created_at=at
            )
            self.session.add(row)
        row.meeting_id = meeting_id
        row.draft_workdays = draft_workdays
        self.session.flush()

    def plan_of(self, consultation_id: int) -> ConsultationPlan | None:
        found = self._plans(ConsultationPlanRow.consultation_id == consultation_id)
        return found[0] if found else None

    def plans_for(self, meeting_id: int) -> list[ConsultationPlan]:
        return self._plans(ConsultationPlanRow.meeting_id == meeting_id)

    def plans_from(self, day: dt.date, limit: int) -> list[ConsultationPlan]:
        return self._plans(MeetingRow.meeting_date >= day)[:limit]

    # -- notices and announcements ---------------------------------------------------------------

    def notice_ask(self, meeting_id: int) -> NoticeAsk | None:
        row = self.session.get(NoticeAskRow, meeting_id)
        return NoticeAsk(row.count, row.asked_at) if row else None

    def notice_asks(self, meeting_ids: Sequence[int]) -> dict[int, NoticeAsk]:
        found: dict[int, NoticeAsk] = {}
        ids = sorted(set(meeting_ids))
        for start in range(0, len(ids), CHUNK):
            rows = self.session.scalars(
                select(NoticeAskRow).where(
                    NoticeAskRow.workspace_id == self.workspace_id,
                    NoticeAskRow.meeting_id.in_(ids[start : start + CHUNK]),
                )
            )
            found.update((r.meeting_id, NoticeAsk(r.count, r.asked_at)) for r in rows)
        return found

    def ask_notice(self, meeting_id: int, at: dt.datetime) -> NoticeAsk:
        row = self.session.get(NoticeAskRow, meeting_id)
        if row is None:
            row = NoticeAskRow(meeting_id=meeting_id, workspace_id=self.workspace_id, count=0)
            self.session.add(row)
        row.count += 1
        row.asked_at = at
        self.session.flush()
        return NoticeAsk(row.count, at)

    def created_at(self, record_type: RecordType, number: int) -> dt.datetime | None:
        table: type[MeetingRow | ConsultationRow | DecisionRow]
        if record_type is RecordType.MEETING:
            table = MeetingRow
        elif record_type is RecordType.CONSULTATION:
            table = ConsultationRow
        elif record_type is RecordType.DECISION:
            table = DecisionRow
        else:
            return None
        return self.session.scalar(
            select(table.created_at).where(table.workspace_id == self.workspace_id, table.number == number)
        )
