"""`edit` for every field of every kind: bodies, meetings, consultations and decisions. Each
edit checks the kind's rules on the record as it will be, keeps the change in the record's
history (old → new) and answers with what changed; a changed date re-plans the reminders."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TypeVar

from bot.core import parsing
from bot.core.base import Actor, RecordType
from bot.core.bodies import find_body
from bot.core.context import NAME_LIMIT, TITLE_LIMIT, Context, audit, optional_text, wrong_kind
from bot.core.decisions import TEXT_LIMIT
from bot.core.errors import Conflict, InvalidInput
from bot.core.grammar import Clear
from bot.core.history import Plain, plain
from bot.core.record_fields import RecordEdited, save_edit

T = TypeVar("T")


def _nothing(usage: str, *given: object) -> None:
    if all(v is None for v in given):
        raise InvalidInput("error.nothing_to_edit", usage=usage)


def _clearable(value: T | Clear | None) -> tuple[bool, T | None]:
    """(given, value): `--owner none` gives (True, None), clearing the field."""
    if value is None:
        return False, None
    if isinstance(value, Clear):
        return True, None
    return True, value


# -- bodies --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EditBody:
    number: int
    name: str | None = None
    channel: str | None = None
    kind: str | None = None


def edit_body(ctx: Context, actor: Actor, args: EditBody) -> RecordEdited:
    """Rename a body, or change its channel or kind (a body with records is renamed, not removed)."""
    usage = "body.edit"
    _nothing(usage, args.name, args.channel, args.kind)
    name = optional_text(args.name, NAME_LIMIT, usage)
    with ctx.registers(actor.workspace_id, write=True) as uow:
        body = next((b for b in uow.bodies.all() if b.number == args.number), None)
        if body is None:
            raise wrong_kind(uow, args.number, RecordType.BODY, usage)
        if name is not None and any(
            parsing.fold(b.name) == parsing.fold(name) and b.id != body.id for b in uow.bodies.all()
        ):
            raise Conflict("error.body_exists", usage=usage, name=name)
        wanted: dict[str, Plain] = {}
        if name is not None:
            wanted["name"] = name
        if args.channel is not None:
            wanted["channel"] = args.channel
        if args.kind is not None:
            wanted["kind"] = args.kind
        edited = save_edit(ctx, uow, actor, RecordType.BODY, body.number, wanted, usage)
        audit(ctx, uow, actor, usage, f"#{body.number}", **wanted)
        uow.commit()
    return edited


# -- meetings ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EditMeeting:
    number: int
    date: dt.date | None = None
    time: dt.time | None = None
    where: str | Clear | None = None
    title: str | Clear | None = None
    body: str | None = None


def edit_meeting(ctx: Context, actor: Actor, args: EditMeeting) -> RecordEdited:
    """Correct any field of a meeting; a new date or time re-plans its reminders."""
    usage = "meeting.edit"
    _nothing(usage, args.date, args.time, args.where, args.title, args.body)
    place_given, place_word = _clearable(args.where)
    title_given, title_word = _clearable(args.title)
    place = optional_text(place_word, TITLE_LIMIT, usage)
    title = optional_text(title_word, TITLE_LIMIT, usage)
    with ctx.registers(actor.workspace_id, write=True) as uow:
        meeting = uow.meetings.get(args.number)
        if meeting is None:
            raise wrong_kind(uow, args.number, RecordType.MEETING, usage)
        if meeting.cancelled:
            raise Conflict("error.meeting_already_cancelled", usage=usage, number=meeting.number)
        wanted: dict[str, Plain] = {}
        if args.body is not None:
            wanted["body"] = find_body(uow, args.body, usage).number
        if args.date is not None:
            wanted["date"] = plain(args.date)
        if args.time is not None:
            wanted["time"] = plain(args.time)
        if place_given:
            wanted["place"] = place
        if title_given:
            wanted["title"] = title
        edited = save_edit(ctx, uow, actor, RecordType.MEETING, meeting.number, wanted, usage)
        audit(ctx, uow, actor, usage, f"#{meeting.number}", **wanted)
        uow.commit()
    return edited


# -- consultations -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EditConsultation:
    number: int
    due: dt.date | None = None
    title: str | None = None
    owner: str | Clear | None = None
    body: str | Clear | None = None
    issuer: str | None = None
    ref: str | Clear | None = None
    received: dt.date | Clear | None = None


def edit_consultation(ctx: Context, actor: Actor, args: EditConsultation) -> RecordEdited:
    """Correct any field of a consultation; a new due date re-plans its reminders."""
    usage = "consultation.edit"
    _nothing(usage, args.due, args.title, args.owner, args.body, args.issuer, args.ref, args.received)
    title = optional_text(args.title, TITLE_LIMIT, usage)
    issuer = optional_text(args.issuer, NAME_LIMIT, usage)
    ref_given, ref_word = _clearable(args.ref)
    ref = optional_text(ref_word, NAME_LIMIT, usage)
    owner_given, owner = _clearable(args.owner)
    body_given, body_name = _clearable(args.body)
    received_given, received_on = _clearable(args.received)
    with ctx.registers(actor.workspace_id, write=True) as uow:
        c = uow.consultations.get(args.number)
        if c is None:
            raise wrong_kind(uow, args.number, RecordType.CONSULTATION, usage)
        due = args.due or c.due_on
        received = received_on if received_given else c.received_on
        if received and due < received:
            raise InvalidInput("error.due_before_received", usage=usage, due=due, received=received)
        wanted: dict[str, Plain] = {}
        for key, value in (("title", title), ("issuer", issuer)):
            if value is not None:
                wanted[key] = value
        if ref_given:
            wanted["ref"] = ref
        if received_given:
            wanted["received"] = plain(received_on)
        if args.due is not None:
            wanted["due"] = plain(args.due)
        if owner_given:
            wanted["owner"] = owner
        if body_given:
            wanted["body"] = find_body(uow, body_name, usage).number if body_name else None
        edited = save_edit(ctx, uow, actor, RecordType.CONSULTATION, c.number, wanted, usage)
        audit(ctx, uow, actor, usage, f"#{c.number}", **wanted)
        uow.commit()
    return edited


# -- decisions -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EditDecision:
    number: int
    text: str | None = None
    date: dt.date | None = None
    body: str | None = None
    paragraph: int | None = None
    meeting: int | Clear | None = None
    follow_up: dt.date | Clear | None = None
    owner: str | Clear | None = None


def edit_decision(ctx: Context, actor: Actor, args: EditDecision) -> RecordEdited:
    """Correct any field of a decision: its text, date, body, §, meeting, follow-up or owner."""
    usage = "decision.edit"
    given = (args.text, args.date, args.body, args.paragraph, args.meeting, args.follow_up, args.owner)
    _nothing(usage, *given)
    new_text = None if args.text is None else optional_text(args.text, TEXT_LIMIT, usage)
    meeting_given, meeting_number = _clearable(args.meeting)
    follow_given, follow_up = _clearable(args.follow_up)
    owner_given, owner = _clearable(args.owner)
    with ctx.registers(actor.workspace_id, write=True) as uow:
        d = uow.decisions.get(args.number)
        if d is None:
            raise wrong_kind(uow, args.number, RecordType.DECISION, usage)
        body = find_body(uow, args.body, usage) if args.body is not None else d.body
        day = args.date or d.decided_on
        paragraph = args.paragraph or d.paragraph
        if args.paragraph is not None and args.paragraph < 1:
            raise InvalidInput("error.number", usage=usage, value=str(args.paragraph))
        moved = (body.id, day.year, paragraph) != (d.body.id, d.decided_on.year, d.paragraph)
        if moved and uow.decisions.paragraph_taken(body.id, day.year, paragraph):
            raise Conflict(
                "error.paragraph_taken", usage=usage, paragraph=paragraph, body=body.name, year=day.year
            )
        follow = follow_up if follow_given else d.follow_up_on
        if follow is not None and follow < day:
            raise InvalidInput("error.follow_up_before_decision", usage=usage, follow_up=follow, date=day)
        wanted: dict[str, Plain] = {"body": body.number, "date": plain(day), "paragraph": paragraph}
        if new_text is not None:
            wanted["text"] = new_text
        if meeting_given:
            if meeting_number is not None:
                meeting = uow.meetings.get(meeting_number)
                if meeting is None:
                    raise wrong_kind(uow, meeting_number, RecordType.MEETING, usage)
                if meeting.body.id != body.id:
                    raise InvalidInput(
                        "error.meeting_other_body", usage=usage, number=meeting.number, body=meeting.body.name
                    )
            wanted["meeting"] = meeting_number
        if follow_given:
            wanted["follow_up"] = plain(follow_up)
        if owner_given:
            wanted["owner"] = owner
        edited = save_edit(ctx, uow, actor, RecordType.DECISION, d.number, wanted, usage)
        audit(ctx, uow, actor, usage, f"#{d.number}", **wanted)
        uow.commit()
    return edited
