"""A meeting's minutes (protokoll): who was present, the agenda, the decisions taken with §; the
adjusters (justerare) who approve them, after which the meeting's decisions are final."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.core.agenda import find_meeting, open_meeting
from bot.core.base import Actor
from bot.core.context import Context, audit, today
from bot.core.decisions import Decision
from bot.core.errors import Conflict, InvalidInput
from bot.core.meeting_cycle import (
    Adjuster,
    AgendaLine,
    Attendance,
    AttendAnswer,
    Member,
    agenda_lines,
    decisions_locked,
)
from bot.core.meetings import Meeting

if TYPE_CHECKING:
    from bot.core.ports import UnitOfWork

#: how many decisions of one meeting the minutes read
DECISION_LIMIT = 500

# -- the commands' arguments ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ShowMinutes:
    number: int


@dataclass(frozen=True, slots=True)
class SetAdjusters:
    number: int
    user: str
    other: str | None = None


@dataclass(frozen=True, slots=True)
class ApproveMinutes:
    number: int


# -- the answers ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Minutes:
    meeting: Meeting
    #: who was there: members who said yes, and deputies (standing in or not)
    present: tuple[Member, ...]
    answers: tuple[Attendance, ...]
    lines: tuple[AgendaLine, ...]
    decisions: tuple[Decision, ...]
    adjusters: tuple[Adjuster, ...]

    @property
    def final(self) -> bool:
        return bool(self.adjusters) and all(a.approved_at is not None for a in self.adjusters)


@dataclass(frozen=True, slots=True)
class AdjustersSet:
    meeting: Meeting
    adjusters: tuple[Adjuster, ...]


@dataclass(frozen=True, slots=True)
class MinutesApproved:
    meeting: Meeting
    by: str
    adjusters: tuple[Adjuster, ...]

    @property
    def final(self) -> bool:
        return all(a.approved_at is not None for a in self.adjusters)


# -- the rules -----------------------------------------------------------------------------------


def meeting_decisions(uow: UnitOfWork, meeting: Meeting) -> tuple[Decision, ...]:
    """The decisions taken at the meeting, by §."""
    found = uow.decisions.find(
        body_id=meeting.body.id, year=meeting.date.year, words=(), limit=DECISION_LIMIT
    )
    mine = [d for d in found.items if d.meeting_number == meeting.number]
    return tuple(sorted(mine, key=lambda d: (d.decided_on, d.paragraph)))


def show_minutes(ctx: Context, actor: Actor, args: ShowMinutes) -> Minutes:
    with ctx.registers(actor.workspace_id) as uow:
        meeting = find_meeting(uow, args.number, "meeting.minutes")
        members = uow.cycle.members(meeting.body.id)
        answers = uow.cycle.attendance(meeting.id)
        came = {a.user_id for a in answers if a.answer is not AttendAnswer.NO}
        present = tuple(m for m in members if m.user_id in came)
        lines = agenda_lines(uow, meeting)
        decisions = meeting_decisions(uow, meeting)
        adjusters = uow.cycle.adjusters(meeting.id)
    return Minutes(meeting, present, tuple(answers), tuple(lines), decisions, tuple(adjusters))


def set_adjusters(ctx: Context, actor: Actor, args: SetAdjusters) -> AdjustersSet:
    usage = "meeting.adjusters"
    users = [args.user] + ([args.other] if args.other else [])
    if len(set(users)) != len(users):
        raise InvalidInput("error.adjusters_twice", usage=usage)
    with ctx.registers(actor.workspace_id, write=True) as uow:
        meeting = open_meeting(uow, args.number, usage)
        if decisions_locked(uow, meeting):
            raise Conflict("error.minutes_final", usage=usage, number=meeting.number)
        uow.cycle.set_adjusters(meeting.id, users)
        audit(ctx, uow, actor, "meeting.adjusters", f"#{meeting.number}", users=users)
        uow.commit()
        adjusters = uow.cycle.adjusters(meeting.id)
    return AdjustersSet(meeting, tuple(adjusters))


def approve_minutes(ctx: Context, actor: Actor, args: ApproveMinutes) -> MinutesApproved:
    """Only the meeting's adjusters approve, each once, once the meeting has been held."""
    usage = "meeting.approve"
    with ctx.registers(actor.workspace_id, write=True) as uow:
        meeting = open_meeting(uow, args.number, usage)
        adjusters = uow.cycle.adjusters(meeting.id)
        if not adjusters:
            raise Conflict("error.no_adjusters", usage=usage, number=meeting.number)
        mine = next((a for a in adjusters if a.user_id == actor.user_id), None)
        if mine is None:
            raise Conflict("error.not_adjuster", usage=usage, number=meeting.number, user=actor.user_id)
        if mine.approved_at is not None:
            raise Conflict("error.already_approved", usage=usage, number=meeting.number, at=mine.approved_at)
        if meeting.date > today(ctx):
            raise Conflict("error.approve_before_meeting", usage=usage, number=meeting.number)
        uow.cycle.approve(meeting.id, actor.user_id, ctx.clock.now())
        audit(ctx, uow, actor, "meeting.approve", f"#{meeting.number}")
        uow.commit()
        adjusters = uow.cycle.adjusters(meeting.id)
    return MinutesApproved(meeting, actor.user_id, tuple(adjusters))
