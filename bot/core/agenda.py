"""A meeting's agenda (numbered, reorderable, with what the bot puts on by itself), its notice
(kallelse), and the consultations planned for a meeting (`consultation plan`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.core.base import Actor, RecordType
from bot.core.consultations import Consultation
from bot.core.context import TITLE_LIMIT, Context, audit, changed, text, today, wrong_kind
from bot.core.errors import Conflict, InvalidInput, NotFound
from bot.core.meeting_cycle import (
    DEFAULT_DRAFT_WORKDAYS,
    AgendaLine,
    AgendaSource,
    ConsultationPlan,
    Member,
    NewAgendaItem,
    agenda_lines,
    draft_due,
    store_agenda,
)
from bot.core.meetings import Meeting

if TYPE_CHECKING:
    from bot.core.ports import UnitOfWork

#: a draft is due at most this many working days before its meeting
MAX_DRAFT_WORKDAYS = 60
#: at most this many items on one agenda
MAX_ITEMS = 60

# -- the commands' arguments ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ShowAgenda:
    number: int


@dataclass(frozen=True, slots=True)
class AddAgendaItem:
    number: int
    item: str
    consultation: int | None = None
    decision: bool = False
    owner: str | None = None


@dataclass(frozen=True, slots=True)
class MoveAgendaItem:
    number: int
    item: int
    position: int


@dataclass(frozen=True, slots=True)
class RemoveAgendaItem:
    number: int
    item: int


@dataclass(frozen=True, slots=True)
class SendNotice:
    number: int


@dataclass(frozen=True, slots=True)
class PlanConsultation:
    number: int
    meeting: int
    draft_workdays: int | None = None


# -- the answers ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AgendaView:
    meeting: Meeting
    lines: tuple[AgendaLine, ...]
    #: what the command did: None (shown), "added", "moved", "removed"
    change: str | None = None
    #: the item the change was about, by its text
    changed_item: str | None = None
    #: may the asker change it (the view offers the buttons)
    editable: bool = False


@dataclass(frozen=True, slots=True)
class NoticeQueued:
    meeting: Meeting
    channel_known: bool
    #: how many times the notice was asked for (1: the first time)
    count: int


@dataclass(frozen=True, slots=True)
class ConsultationPlanned:
    consultation: Consultation
    meeting: Meeting
    draft_on: dt.date
    draft_workdays: int


@dataclass(frozen=True, slots=True)
class Notice:
    """What the notice says: the meeting, its agenda, and whom it calls."""

    meeting: Meeting
    lines: tuple[AgendaLine, ...]
    members: tuple[Member, ...]


# -- the rules -----------------------------------------------------------------------------------


def find_meeting(uow: UnitOfWork, number: int, usage: str) -> Meeting:
    meeting = uow.meetings.get(number)
    if meeting is None:
        raise wrong_kind(uow, number, RecordType.MEETING, usage)
    return meeting


def open_meeting(uow: UnitOfWork, number: int, usage: str) -> Meeting:
    """A meeting that is not cancelled."""
    meeting = find_meeting(uow, number, usage)
    if meeting.cancelled:
        raise Conflict("error.meeting_already_cancelled", usage=usage, number=meeting.number)
    return meeting


def show_agenda(ctx: Context, actor: Actor, args: ShowAgenda) -> AgendaView:
    with ctx.registers(actor.workspace_id) as uow:
        meeting = find_meeting(uow, args.number, "meeting.agenda")
        lines = agenda_lines(uow, meeting)
    return AgendaView(meeting, tuple(lines), editable=actor.may_write and not meeting.cancelled)


def add_agenda_item(ctx: Context, actor: Actor, args: AddAgendaItem) -> AgendaView:
    usage = "meeting.agenda.add"
    words = text(args.item, TITLE_LIMIT, usage)
    with ctx.registers(actor.workspace_id, write=True) as uow:
        meeting = open_meeting(uow, args.number, usage)
        lines = store_agenda(uow, meeting, ctx.clock.now())
        if len(lines) >= MAX_ITEMS:
            raise Conflict("error.agenda_full", usage=usage, number=meeting.number, limit=MAX_ITEMS)
        source, record = AgendaSource.MANUAL, None
        if args.consultation is not None:
            c = uow.consultations.get(args.consultation)
            if c is None:
                raise wrong_kind(uow, args.consultation, RecordType.CONSULTATION, usage)
            source, record = AgendaSource.CONSULTATION, c.number
            if any(line.item.record_number == c.number for line in lines):
                raise Conflict("error.agenda_has_consultation", usage=usage, consultation=c.number)
        item = NewAgendaItem(words, source, record, args.decision, args.owner)
        position = max((line.no for line in lines), default=0) + 1
        uow.cycle.add_agenda_item(meeting.id, _after_last(uow, meeting.id), item, ctx.clock.now())
        audit(ctx, uow, actor, "meeting.agenda.add", f"#{meeting.number}", item=words, no=position)
        changed(ctx, uow, RecordType.MEETING, meeting.number)
        uow.commit()
        lines = agenda_lines(uow, meeting)
    return AgendaView(meeting, tuple(lines), "added", words, editable=True)


def _after_last(uow: UnitOfWork, meeting_id: int) -> int:
    stored = uow.cycle.agenda(meeting_id)
    return max((s.position for s in stored), default=0) + 1


def _line(lines: list[AgendaLine], no: int, usage: str, meeting: Meeting) -> AgendaLine:
    if not 1 <= no <= len(lines):
        raise NotFound("error.no_agenda_item", usage=usage, no=no, number=meeting.number, n=len(lines))
    return lines[no - 1]


def move_agenda_item(ctx: Context, actor: Actor, args: MoveAgendaItem) -> AgendaView:
    usage = "meeting.agenda.move"
    with ctx.registers(actor.workspace_id, write=True) as uow:
        meeting = open_meeting(uow, args.number, usage)
        lines = store_agenda(uow, meeting, ctx.clock.now())
        moving = _line(lines, args.item, usage, meeting)
        _line(lines, args.position, usage, meeting)
        order = [line for line in lines if line is not moving]
        order.insert(args.position - 1, moving)
        uow.cycle.set_positions({line.stored_id: i for i, line in enumerate(order, 1) if line.stored_id})
        audit(ctx, uow, actor, "meeting.agenda.move", f"#{meeting.number}", item=args.item, to=args.position)
        uow.commit()
        lines = agenda_lines(uow, meeting)
    return AgendaView(meeting, tuple(lines), "moved", moving.item.text, editable=True)


def remove_agenda_item(ctx: Context, actor: Actor, args: RemoveAgendaItem) -> AgendaView:
    usage = "meeting.agenda.remove"
    with ctx.registers(actor.workspace_id, write=True) as uow:
        meeting = open_meeting(uow, args.number, usage)
        lines = store_agenda(uow, meeting, ctx.clock.now())
        gone = _line(lines, args.item, usage, meeting)
        assert gone.stored_id is not None
        uow.cycle.remove_agenda_item(gone.stored_id)
        audit(ctx, uow, actor, "meeting.agenda.remove", f"#{meeting.number}", item=gone.item.text)
        uow.commit()
        lines = agenda_lines(uow, meeting)
    return AgendaView(meeting, tuple(lines), "removed", gone.item.text, editable=True)


def send_notice(ctx: Context, actor: Actor, args: SendNotice) -> NoticeQueued:
    """The notice goes out at once (through the outbox: the planner adds its row)."""
    usage = "meeting.notice"
    with ctx.registers(actor.workspace_id, write=True) as uow:
        meeting = open_meeting(uow, args.number, usage)
        if meeting.date < today(ctx):
            raise Conflict("error.notice_past", usage=usage, number=meeting.number)
        ask = uow.cycle.ask_notice(meeting.id, ctx.clock.now())
        audit(ctx, uow, actor, "meeting.notice", f"#{meeting.number}", count=ask.count)
        changed(ctx, uow, RecordType.MEETING, meeting.number)
        uow.commit()
    return NoticeQueued(meeting, meeting.body.channel is not None, ask.count)


def notice_of(uow: UnitOfWork, meeting: Meeting) -> Notice:
    """The notice as the register reads now."""
    lines = agenda_lines(uow, meeting)
    members = uow.cycle.members(meeting.body.id)
    return Notice(meeting, tuple(lines), tuple(members))


def plan_consultation(ctx: Context, actor: Actor, args: PlanConsultation) -> ConsultationPlanned:
    usage = "consultation.plan"
    n = DEFAULT_DRAFT_WORKDAYS if args.draft_workdays is None else args.draft_workdays
    if not 0 <= n <= MAX_DRAFT_WORKDAYS:
        raise InvalidInput("error.draft_workdays", usage=usage, value=n, limit=MAX_DRAFT_WORKDAYS)
    with ctx.registers(actor.workspace_id, write=True) as uow:
        c = uow.consultations.get(args.number)
        if c is None:
            raise wrong_kind(uow, args.number, RecordType.CONSULTATION, usage)
        if c.submitted_on is not None:
            raise Conflict("error.already_submitted_plan", usage=usage, number=c.number)
        meeting = open_meeting(uow, args.meeting, usage)
        if meeting.date < today(ctx):
            raise Conflict("error.plan_meeting_past", usage=usage, number=meeting.number)
        if c.body is not None and c.body.id != meeting.body.id:
            raise InvalidInput(
                "error.meeting_other_body", usage=usage, number=meeting.number, body=meeting.body.name
            )
        uow.cycle.plan(c.id, meeting.id, n, ctx.clock.now())
        audit(ctx, uow, actor, "consultation.plan", f"#{c.number}", meeting=meeting.number, workdays=n)
        changed(ctx, uow, RecordType.CONSULTATION, c.number)
        uow.commit()
    plan = ConsultationPlan(c.number, meeting.number, n)
    return ConsultationPlanned(c, meeting, draft_due(ctx.workdays, meeting, plan), n)
