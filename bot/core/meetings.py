"""Meetings: their records, the commands' arguments and answers, the repository they need, and
the rules (a meeting belongs to a body; moving or cancelling one re-plans its reminders)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Protocol

from bot.core import history
from bot.core.base import Actor, Page, RecordType
from bot.core.bodies import Body, find_body
from bot.core.clock import local_instant
from bot.core.context import PAGE, TITLE_LIMIT, Context, audit, changed, optional_text, today, wrong_kind
from bot.core.decisions import Decision
from bot.core.errors import Conflict, InvalidInput
from bot.core.history import Action


@dataclass(frozen=True, slots=True)
class Meeting:
    id: int
    number: int
    body: Body
    date: dt.date
    time: dt.time | None
    place: str | None
    title: str | None
    cancelled: bool


@dataclass(frozen=True, slots=True)
class MeetingFields:
    """Every field `meeting edit` may change, as it is to be stored."""

    body_id: int
    date: dt.date
    time: dt.time | None
    starts_at: dt.datetime | None
    place: str | None
    title: str | None


@dataclass(frozen=True, slots=True)
class NewMeeting:
    body_id: int
    date: dt.date
    time: dt.time | None
    starts_at: dt.datetime | None
    place: str | None
    title: str | None


# -- the commands' arguments ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AddMeeting:
    body: str
    date: dt.date
    time: dt.time | None = None
    where: str | None = None
    title: str | None = None


@dataclass(frozen=True, slots=True)
class ListMeetings:
    body: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None


@dataclass(frozen=True, slots=True)
class ShowMeeting:
    number: int


@dataclass(frozen=True, slots=True)
class CancelMeeting:
    number: int


# -- the answers ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MeetingSaved:
    meeting: Meeting
    cancelled: bool = False


@dataclass(frozen=True, slots=True)
class MeetingList:
    page: Page[Meeting]
    start: dt.date | None
    end: dt.date | None
    body: Body | None
    upcoming: bool


@dataclass(frozen=True, slots=True)
class MeetingDetail:
    meeting: Meeting
    decisions: tuple[Decision, ...]


# -- the repository ------------------------------------------------------------------------------


class MeetingRepository(Protocol):
    def add(self, number: int, new: NewMeeting, at: dt.datetime) -> Meeting: ...
    def get(self, number: int) -> Meeting | None: ...
    def find(
        self, *, body_id: int | None, start: dt.date | None, end: dt.date | None, limit: int
    ) -> Page[Meeting]:
        """Meetings (cancelled ones too) from `start` to `end`, either open-ended, soonest first."""
        ...

    def last_held(self, body_id: int, *, start: dt.date, end: dt.date) -> dt.date | None:
        """The day of the body's last meeting from `start` to `end` that was not cancelled."""
        ...

    def cancel(self, meeting_id: int, at: dt.datetime | None) -> None:
        """Cancel a meeting (None: plan it again, `undo`)."""
        ...

    def update(self, meeting_id: int, fields: MeetingFields) -> None: ...
    def set_removed(self, number: int, at: dt.datetime | None) -> None:
        """Remove (at `at`) or restore (None); `get` and `find` never see a removed meeting."""
        ...


# -- the rules -----------------------------------------------------------------------------------


def add_meeting(ctx: Context, actor: Actor, args: AddMeeting) -> MeetingSaved:
    usage = "meeting.add"
    place = optional_text(args.where, TITLE_LIMIT, usage)
    title = optional_text(args.title, TITLE_LIMIT, usage)
    with ctx.registers(actor.workspace_id, write=True) as uow:
        body = find_body(uow, args.body, usage)
        starts_at = local_instant(args.date, args.time, ctx.zone) if args.time else None
        new = NewMeeting(body.id, args.date, args.time, starts_at, place, title)
        meeting = uow.meetings.add(uow.workspace.next_number(), new, ctx.clock.now())
        audit(
            ctx,
            uow,
            actor,
            "meeting.add",
            f"#{meeting.number}",
            body=body.name,
            date=args.date,
            time=args.time,
        )
        history.record(ctx, uow, actor, meeting.number, RecordType.MEETING, Action.ADD)
        changed(ctx, uow, RecordType.MEETING, meeting.number)
        uow.commit()
    return MeetingSaved(meeting)


def list_meetings(ctx: Context, actor: Actor, args: ListMeetings) -> MeetingList:
    start, end = args.start, args.end
    if start and end and end < start:
        raise InvalidInput("error.range_backwards", usage="meeting.list", start=start, end=end)
    upcoming = start is None and end is None
    if upcoming:
        start = today(ctx)
    with ctx.registers(actor.workspace_id) as uow:
        body = find_body(uow, args.body, "meeting.list") if args.body is not None else None
        page = uow.meetings.find(body_id=body.id if body else None, start=start, end=end, limit=PAGE)
    return MeetingList(page, start, end, body, upcoming)


def show_meeting(ctx: Context, actor: Actor, args: ShowMeeting) -> MeetingDetail:
    with ctx.registers(actor.workspace_id) as uow:
        meeting = uow.meetings.get(args.number)
        if meeting is None:
            raise wrong_kind(uow, args.number, RecordType.MEETING, "meeting.show")
        decisions = uow.decisions.find(body_id=meeting.body.id, year=meeting.date.year, words=(), limit=200)
    linked = tuple(d for d in decisions.items if d.meeting_number == meeting.number)
    return MeetingDetail(meeting, linked)


def cancel_meeting(ctx: Context, actor: Actor, args: CancelMeeting) -> MeetingSaved:
    usage = "meeting.cancel"
    with ctx.registers(actor.workspace_id, write=True) as uow:
        meeting = uow.meetings.get(args.number)
        if meeting is None:
            raise wrong_kind(uow, args.number, RecordType.MEETING, usage)
        if meeting.cancelled:
            raise Conflict("error.meeting_already_cancelled", usage=usage, number=meeting.number)
        uow.meetings.cancel(meeting.id, ctx.clock.now())
        audit(ctx, uow, actor, "meeting.cancel", f"#{meeting.number}")
        on = {"cancelled": (None, today(ctx).isoformat())}
        history.record(ctx, uow, actor, meeting.number, RecordType.MEETING, Action.CANCEL, on)
        changed(ctx, uow, RecordType.MEETING, meeting.number)
        uow.commit()
        cancelled = uow.meetings.get(meeting.number)
    assert cancelled is not None
    return MeetingSaved(cancelled, cancelled=True)
