"""The meeting cycle in memory: the core's `MeetingCycleRepository` for the rules' unit tests,
answering as `bot.store.meeting_cycle` answers (the same orders)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from bot.core.base import RecordType
from bot.core.meeting_cycle import (
    Adjuster,
    Attendance,
    ConsultationPlan,
    Member,
    MemberRole,
    NewAgendaItem,
    NoticeAsk,
    StoredAgendaItem,
)

if TYPE_CHECKING:
    from tests.fakes.memory import MemoryUnitOfWork, WorkspaceState

_ROLE_ORDER = {MemberRole.CHAIR: 0, MemberRole.MEMBER: 1, MemberRole.DEPUTY: 2, MemberRole.SECRETARY: 3}


@dataclass
class CycleState:
    #: body id -> user id -> member (in the order added)
    members: dict[int, dict[str, Member]] = field(default_factory=dict)
    #: meeting id -> items
    agenda: dict[int, list[StoredAgendaItem]] = field(default_factory=dict)
    attendance: dict[int, dict[str, Attendance]] = field(default_factory=dict)
    adjusters: dict[int, list[Adjuster]] = field(default_factory=dict)
    #: consultation id -> (meeting id, working days)
    plans: dict[int, tuple[int, int]] = field(default_factory=dict)
    asks: dict[int, NoticeAsk] = field(default_factory=dict)
    next_item: int = 1


class MemoryMeetingCycle:
    def __init__(self, uow: MemoryUnitOfWork) -> None:
        self._uow = uow

    @property
    def state(self) -> WorkspaceState:
        return self._uow.state

    @property
    def cycle(self) -> CycleState:
        return self._uow.state.cycle

    def members(self, body_id: int) -> list[Member]:
        found = list(self.cycle.members.get(body_id, {}).values())
        return sorted(
            found, key=lambda m: (_ROLE_ORDER[m.role], m.municipality is None, m.municipality or "")
        )

    def add_member(self, body_id: int, member: Member, at: dt.datetime) -> None:
        self.cycle.members.setdefault(body_id, {})[member.user_id] = member

    def update_member(self, body_id: int, member: Member) -> None:
        self.cycle.members[body_id][member.user_id] = member

    def remove_member(self, body_id: int, user_id: str) -> bool:
        return self.cycle.members.get(body_id, {}).pop(user_id, None) is not None

    def bodies_of(self, user_id: str) -> list[int]:
        return [b for b, members in self.cycle.members.items() if user_id in members]

    def agenda(self, meeting_id: int) -> list[StoredAgendaItem]:
        return sorted(self.cycle.agenda.get(meeting_id, []), key=lambda s: (s.position, s.id))

    def add_agenda_item(self, meeting_id: int, position: int, item: NewAgendaItem, at: dt.datetime) -> None:
        stored = StoredAgendaItem(self.cycle.next_item, position, item, False)
        self.cycle.next_item += 1
        self.cycle.agenda.setdefault(meeting_id, []).append(stored)

    def _replace(self, item_id: int, **changes: object) -> None:
        for items in self.cycle.agenda.values():
            for i, s in enumerate(items):
                if s.id == item_id:
                    items[i] = replace(s, **changes)  # type: ignore[arg-type]

    def set_positions(self, positions: dict[int, int]) -> None:
        for item_id, position in positions.items():
            self._replace(item_id, position=position)

    def remove_agenda_item(self, item_id: int) -> None:
        self._replace(item_id, removed=True)

    def attendance(self, meeting_id: int) -> list[Attendance]:
        return list(self.cycle.attendance.get(meeting_id, {}).values())

    def set_attendance(self, meeting_id: int, answer: Attendance) -> None:
        self.cycle.attendance.setdefault(meeting_id, {})[answer.user_id] = answer

    def adjusters(self, meeting_id: int) -> list[Adjuster]:
        return list(self.cycle.adjusters.get(meeting_id, []))

    def set_adjusters(self, meeting_id: int, users: Sequence[str]) -> None:
        self.cycle.adjusters[meeting_id] = [Adjuster(u, None) for u in users]

    def approve(self, meeting_id: int, user_id: str, at: dt.datetime) -> None:
        self.cycle.adjusters[meeting_id] = [
            Adjuster(a.user_id, at) if a.user_id == user_id else a for a in self.cycle.adjusters[meeting_id]
        ]

    def _plan(self, consultation_id: int, meeting_id: int, workdays: int) -> ConsultationPlan:
        c = next(c for c in self.state.consultations.values() if c.id == consultation_id)
        m = next(m for m in self.state.meetings.values() if m.id == meeting_id)
        return ConsultationPlan(c.number, m.number, workdays)

    def plan(self, consultation_id: int, meeting_id: int, draft_workdays: int, at: dt.datetime) -> None:
        self.cycle.plans[consultation_id] = (meeting_id, draft_workdays)

    def plan_of(self, consultation_id: int) -> ConsultationPlan | None:
        found = self.cycle.plans.get(consultation_id)
        return self._plan(consultation_id, *found) if found else None

    def plans_for(self, meeting_id: int) -> list[ConsultationPlan]:
        plans = [self._plan(c, m, n) for c, (m, n) in self.cycle.plans.items() if m == meeting_id]
        return sorted(plans, key=lambda p: p.consultation_number)

    def plans_from(self, day: dt.date, limit: int) -> list[ConsultationPlan]:
        dates = {m.id: m.date for m in self.state.meetings.values()}
        plans = [self._plan(c, m, n) for c, (m, n) in self.cycle.plans.items() if dates[m] >= day]
        return sorted(plans, key=lambda p: p.consultation_number)[:limit]

    def notice_ask(self, meeting_id: int) -> NoticeAsk | None:
        return self.cycle.asks.get(meeting_id)

    def notice_asks(self, meeting_ids: Sequence[int]) -> dict[int, NoticeAsk]:
        return {i: self.cycle.asks[i] for i in meeting_ids if i in self.cycle.asks}

    def ask_notice(self, meeting_id: int, at: dt.datetime) -> NoticeAsk:
        old = self.cycle.asks.get(meeting_id)
        ask = NoticeAsk((old.count if old else 0) + 1, at)
        self.cycle.asks[meeting_id] = ask
        return ask

    def created_at(self, record_type: RecordType, number: int) -> dt.datetime | None:
        if record_type is RecordType.DECISION:
            ids = [d.id for d in self.state.decisions.values() if d.number == number]
            return self.state.decided_at.get(ids[0]) if ids else None
        return None
