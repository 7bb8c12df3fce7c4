"""The meeting cycle's records and the repository they need: a body's members, a meeting's
agenda, its notice, attendance, adjusters and the consultations planned for it; and the rules
every part of the cycle shares (who sits in a body, the derived agenda, quorum, locked minutes).

The commands live in `bot.core.members` (members, attendance), `bot.core.agenda` (agenda,
notice, consultation plans) and `bot.core.minutes` (minutes, adjusters, approval).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Protocol

from bot.core.base import RecordType

if TYPE_CHECKING:
    from bot.core.meetings import Meeting
    from bot.core.ports import UnitOfWork
    from bot.core.workdays import WorkingDays

#: how many working days before the adopting meeting a consultation's draft is due (CONTRACT)
DEFAULT_DRAFT_WORKDAYS = 10
#: how far back the derived agenda looks for the body's previous meeting
PREVIOUS_MEETING_LOOKBACK = dt.timedelta(days=400)


class MemberRole(StrEnum):
    CHAIR = "chair"
    MEMBER = "member"
    DEPUTY = "deputy"
    SECRETARY = "secretary"


#: who votes (and so counts for quorum)
VOTING = frozenset({MemberRole.CHAIR, MemberRole.MEMBER})


class AttendAnswer(StrEnum):
    YES = "yes"
    NO = "no"
    DEPUTY = "deputy"


class AgendaSource(StrEnum):
    MANUAL = "manual"
    FOLLOW_UP = "follow_up"
    CONSULTATION = "consultation"


@dataclass(frozen=True, slots=True)
class Member:
    user_id: str
    municipality: str | None
    role: MemberRole


@dataclass(frozen=True, slots=True)
class Attendance:
    user_id: str
    answer: AttendAnswer
    answered_by: str
    answered_at: dt.datetime


@dataclass(frozen=True, slots=True)
class NewAgendaItem:
    text: str
    source: AgendaSource = AgendaSource.MANUAL
    #: the consultation or decision the item is about
    record_number: int | None = None
    decision: bool = False
    owner: str | None = None


@dataclass(frozen=True, slots=True)
class StoredAgendaItem:
    id: int
    position: int
    item: NewAgendaItem
    removed: bool


@dataclass(frozen=True, slots=True)
class AgendaLine:
    """One item of a meeting's agenda as it reads now: `no` is its number on the agenda."""

    no: int
    item: NewAgendaItem
    #: None: put on by the bot and not yet stored (it is stored at the first change of the agenda)
    stored_id: int | None


@dataclass(frozen=True, slots=True)
class Adjuster:
    user_id: str
    approved_at: dt.datetime | None


@dataclass(frozen=True, slots=True)
class ConsultationPlan:
    consultation_number: int
    meeting_number: int
    draft_workdays: int


@dataclass(frozen=True, slots=True)
class NoticeAsk:
    """`meeting notice` was asked `count` times, the latest at `asked_at`."""

    count: int
    asked_at: dt.datetime


@dataclass(frozen=True, slots=True)
class Quorum:
    voting: int
    present: int

    @property
    def quorate(self) -> bool:
        return self.voting > 0 and 2 * self.present > self.voting


# -- the repository ------------------------------------------------------------------------------


class MeetingCycleRepository(Protocol):
    def members(self, body_id: int) -> list[Member]:
        """The body's members, by role (chair first), then municipality."""
        ...

    def add_member(self, body_id: int, member: Member, at: dt.datetime) -> None: ...
    def update_member(self, body_id: int, member: Member) -> None: ...
    def remove_member(self, body_id: int, user_id: str) -> bool: ...
    def bodies_of(self, user_id: str) -> list[int]: ...
    def agenda(self, meeting_id: int) -> list[StoredAgendaItem]:
        """The stored items, removed ones too, in order."""
        ...

    def add_agenda_item(
        self, meeting_id: int, position: int, item: NewAgendaItem, at: dt.datetime
    ) -> None: ...
    def set_positions(self, positions: dict[int, int]) -> None:
        """Item id -> its new position."""
        ...

    def remove_agenda_item(self, item_id: int) -> None: ...
    def attendance(self, meeting_id: int) -> list[Attendance]: ...
    def set_attendance(self, meeting_id: int, answer: Attendance) -> None: ...
    def adjusters(self, meeting_id: int) -> list[Adjuster]: ...
    def set_adjusters(self, meeting_id: int, users: Sequence[str]) -> None: ...
    def approve(self, meeting_id: int, user_id: str, at: dt.datetime) -> None: ...
    def plan(self, consultation_id: int, meeting_id: int, draft_workdays: int, at: dt.datetime) -> None: ...
    def plan_of(self, consultation_id: int) -> ConsultationPlan | None: ...
    def plans_for(self, meeting_id: int) -> list[ConsultationPlan]: ...
    def plans_from(self, day: dt.date, limit: int) -> list[ConsultationPlan]:
        """Plans whose meeting is on or after `day` (for re-planning draft reminders)."""
        ...

    def notice_ask(self, meeting_id: int) -> NoticeAsk | None: ...
    def notice_asks(self, meeting_ids: Sequence[int]) -> dict[int, NoticeAsk]:
        """The asks of many meetings, by meeting id (those never asked for are left out)."""
        ...

    def ask_notice(self, meeting_id: int, at: dt.datetime) -> NoticeAsk: ...
    def created_at(self, record_type: RecordType, number: int) -> dt.datetime | None:
        """When a meeting, consultation or decision was entered (announcements are for new ones)."""
        ...


# -- rules the cycle's commands share --------------------------------------------------------------


def decisions_locked(uow: UnitOfWork, meeting: Meeting) -> bool:
    """The meeting's minutes are approved by every adjuster: its decisions are final."""
    adjusters = uow.cycle.adjusters(meeting.id)
    return bool(adjusters) and all(a.approved_at is not None for a in adjusters)


def meeting_locked(uow: UnitOfWork, meeting_number: int | None) -> bool:
    """`decisions_locked` by the meeting's number (None: a decision of no meeting)."""
    if meeting_number is None:
        return False
    meeting = uow.meetings.get(meeting_number)
    return meeting is not None and decisions_locked(uow, meeting)


def quorum(members: Sequence[Member], answers: Sequence[Attendance]) -> Quorum:
    """More than half of the chair and members will be there; a deputy standing in counts for
    the member of their municipality who will not."""
    by_user = {a.user_id: a.answer for a in answers}
    voting = [m for m in members if m.role in VOTING]
    present = [m for m in voting if by_user.get(m.user_id) is AttendAnswer.YES]
    absent = [m for m in voting if by_user.get(m.user_id) is not AttendAnswer.YES]
    standing_in = [
        m for m in members if m.role is MemberRole.DEPUTY and by_user.get(m.user_id) is AttendAnswer.DEPUTY
    ]
    replaced = 0
    for deputy in standing_in:
        match = next((m for m in absent if m.municipality and m.municipality == deputy.municipality), None)
        if match is not None:
            absent.remove(match)
            replaced += 1
    return Quorum(len(voting), len(present) + replaced)


def draft_due(workdays: WorkingDays, meeting: Meeting, plan: ConsultationPlan) -> dt.date:
    """The day a planned consultation's draft is due: `draft_workdays` working days before the
    meeting that adopts the answer (the calendar and the reminders use the same day)."""
    return workdays.before(meeting.date, plan.draft_workdays)


def previous_meeting_day(uow: UnitOfWork, meeting: Meeting) -> dt.date | None:
    """The day of the body's last meeting before this one that was not cancelled."""
    return uow.meetings.last_held(
        meeting.body.id,
        start=meeting.date - PREVIOUS_MEETING_LOOKBACK,
        end=meeting.date - dt.timedelta(days=1),
    )


def derived_items(uow: UnitOfWork, meeting: Meeting) -> list[NewAgendaItem]:
    """What goes on the agenda by itself: the body's follow-ups and unanswered consultations
    due after its previous meeting and by this one, and the consultations planned for it."""
    since = previous_meeting_day(uow, meeting)
    start = since + dt.timedelta(days=1) if since else meeting.date - PREVIOUS_MEETING_LOOKBACK
    body_id = meeting.body.id
    items: list[NewAgendaItem] = []
    follow_ups = uow.decisions.follow_ups_due(start=start, end=meeting.date, limit=200, body_id=body_id)
    for d in follow_ups.items:
        items.append(NewAgendaItem(d.text, AgendaSource.FOLLOW_UP, d.number, owner=d.owner))
    planned = {p.consultation_number for p in uow.cycle.plans_for(meeting.id)}
    due = uow.consultations.due(start=start, end=meeting.date, received_by=None, limit=200, body_id=body_id)
    unanswered = {c.number: c for c in due.items}  # read as they are now: none answered
    for number in sorted(unanswered.keys() | planned):
        c = unanswered.get(number) or uow.consultations.get(number)
        if c is not None and c.submitted_on is None:
            items.append(NewAgendaItem(c.title, AgendaSource.CONSULTATION, c.number, True, c.owner))
    return items


def agenda_lines(uow: UnitOfWork, meeting: Meeting) -> list[AgendaLine]:
    """The agenda as it reads now: the stored items in their order, then what the bot puts on
    by itself and has not stored yet (an item removed once is not put back)."""
    stored = uow.cycle.agenda(meeting.id)
    known = {
        (s.item.source, s.item.record_number) for s in stored if s.item.source is not AgendaSource.MANUAL
    }
    lines: list[AgendaLine] = []
    for s in sorted((s for s in stored if not s.removed), key=lambda s: (s.position, s.id)):
        lines.append(AgendaLine(len(lines) + 1, s.item, s.id))
    if meeting.cancelled:
        return lines
    for item in derived_items(uow, meeting):
        if (item.source, item.record_number) not in known:
            lines.append(AgendaLine(len(lines) + 1, item, None))
    return lines


def store_agenda(uow: UnitOfWork, meeting: Meeting, at: dt.datetime) -> list[AgendaLine]:
    """Store what the bot put on the agenda by itself, so that the numbers stay put; the agenda
    as it then reads, every line stored."""
    lines = agenda_lines(uow, meeting)
    for line in lines:
        if line.stored_id is None:
            uow.cycle.add_agenda_item(meeting.id, line.no, line.item, at)
    if all(line.stored_id is not None for line in lines):
        return lines
    return agenda_lines(uow, meeting)
