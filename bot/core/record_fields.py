"""Each editable kind's fields as history keeps them, and how to store a set of them: what
`edit` compares, `history` shows and `undo` puts back. One table per kind, so an edit, its
history line and its undo can never disagree about what a field is."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.core.base import Actor, RecordType
from bot.core.bodies import Body, BodyKind
from bot.core.clock import local_instant
from bot.core.consultations import Consultation, ConsultationFields
from bot.core.context import Context, changed
from bot.core.decisions import Decision, DecisionFields
from bot.core.errors import Conflict, InvalidInput, NotFound
from bot.core.history import Action, Plain, diff, record
from bot.core.meetings import Meeting, MeetingFields

if TYPE_CHECKING:
    from bot.core.ports import UnitOfWork

#: how each field's plain value reads (views write dates, people and bodies from this)
FIELD_TYPES: dict[str, str] = {
    "date": "date",
    "due": "date",
    "received": "date",
    "follow_up": "date",
    "cancelled": "date",
    "submitted": "date",
    "done": "date",
    "time": "time",
    "owner": "user",
    "channel": "channel",
    "body": "body",
    "meeting": "record",
    "fund": "record",
    "reverses": "record",
    "paragraph": "number",
    "amount": "amount",
}


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One field's old and new value, readable: dates as dates, bodies by name."""

    field: str
    old: object
    new: object


@dataclass(frozen=True, slots=True)
class RecordEdited:
    """What an edit (or an undo) changed: `Möte #6 ändrat: plats Digitalt → Tyresö slott`."""

    kind: RecordType
    number: int
    changes: tuple[FieldChange, ...]


def meeting_values(m: Meeting) -> dict[str, Plain]:
    return {
        "body": m.body.number,
        "date": m.date.isoformat(),
        "time": m.time.strftime("%H:%M") if m.time else None,
        "place": m.place,
        "title": m.title,
    }


def consultation_values(c: Consultation) -> dict[str, Plain]:
    return {
        "title": c.title,
        "issuer": c.issuer,
        "ref": c.reference,
        "received": c.received_on.isoformat() if c.received_on else None,
        "due": c.due_on.isoformat(),
        "owner": c.owner,
        "body": c.body.number if c.body else None,
    }


def decision_values(d: Decision) -> dict[str, Plain]:
    return {
        "body": d.body.number,
        "date": d.decided_on.isoformat(),
        "paragraph": d.paragraph,
        "text": d.text,
        "meeting": d.meeting_number,
        "follow_up": d.follow_up_on.isoformat() if d.follow_up_on else None,
        "owner": d.owner,
    }


def body_values(b: Body) -> dict[str, Plain]:
    return {"name": b.name, "channel": b.channel, "kind": b.kind.value}


def current(uow: UnitOfWork, kind: RecordType, number: int) -> dict[str, Plain] | None:
    """A record's editable fields now (None: no such record, or removed)."""
    match kind:
        case RecordType.MEETING:
            m = uow.meetings.get(number)
            return meeting_values(m) if m else None
        case RecordType.CONSULTATION:
            c = uow.consultations.get(number)
            return consultation_values(c) if c else None
        case RecordType.DECISION:
            d = uow.decisions.get(number)
            return decision_values(d) if d else None
        case RecordType.BODY:
            b = next((b for b in uow.bodies.all() if b.number == number), None)
            return body_values(b) if b else None
    return None


def _date(value: Plain) -> dt.date | None:
    return dt.date.fromisoformat(str(value)) if value is not None else None


def _text(value: Plain) -> str | None:
    return None if value is None else str(value)


def _body_id(uow: UnitOfWork, number: Plain, usage: str) -> int:
    body = next((b for b in uow.bodies.all() if b.number == number), None)
    if body is None:
        raise NotFound("error.no_such_record", number=number, wanted="body", actual=None, usage=usage)
    return body.id


def store(
    ctx: Context, uow: UnitOfWork, kind: RecordType, number: int, v: Mapping[str, Plain], usage: str
) -> None:
    """Store a record's editable fields as given (all of them)."""
    match kind:
        case RecordType.MEETING:
            m = uow.meetings.get(number)
            assert m is not None
            day = _date(v["date"])
            assert day is not None
            time = dt.time.fromisoformat(str(v["time"])) if v["time"] is not None else None
            starts_at = local_instant(day, time, ctx.zone) if time else None
            body_id = _body_id(uow, v["body"], usage)
            uow.meetings.update(
                m.id, MeetingFields(body_id, day, time, starts_at, _text(v["place"]), _text(v["title"]))
            )
        case RecordType.CONSULTATION:
            c = uow.consultations.get(number)
            assert c is not None
            due = _date(v["due"])
            assert due is not None
            body = _body_id(uow, v["body"], usage) if v["body"] is not None else None
            fields = ConsultationFields(
                str(v["title"]),
                str(v["issuer"]),
                _text(v["ref"]),
                _date(v["received"]),
                due,
                _text(v["owner"]),
                body,
            )
            uow.consultations.update(c.id, fields)
        case RecordType.DECISION:
            d = uow.decisions.get(number)
            assert d is not None
            day = _date(v["date"])
            assert day is not None
            meeting_id = None
            if v["meeting"] is not None:
                meeting = uow.meetings.get(int(v["meeting"]))
                if meeting is None:
                    raise NotFound(
                        "error.no_such_record",
                        number=v["meeting"],
                        wanted="meeting",
                        actual=None,
                        usage=usage,
                    )
                meeting_id = meeting.id
            fields_d = DecisionFields(
                _body_id(uow, v["body"], usage),
                day,
                int(v["paragraph"] or 0),
                str(v["text"]),
                meeting_id,
                _date(v["follow_up"]),
                _text(v["owner"]),
            )
            uow.decisions.update(d.id, fields_d)
        case RecordType.BODY:
            b = next(b for b in uow.bodies.all() if b.number == number)
            uow.bodies.update(b.id, str(v["name"]), BodyKind(str(v["kind"])), _text(v["channel"]))
        case _:  # pragma: no cover - only the kinds above are edited
            raise InvalidInput("error.nothing_to_edit", usage=usage)
    if kind is not RecordType.BODY:
        changed(ctx, uow, kind, number)


def readable(uow: UnitOfWork, field: str, value: Plain) -> object:
    """A plain value as a view shows it: a date, a time, a body's name."""
    if value is None:
        return None
    match FIELD_TYPES.get(field):
        case "date":
            return dt.date.fromisoformat(str(value))
        case "time":
            return dt.time.fromisoformat(str(value))
        case "body":
            body = next((b for b in uow.bodies.all() if b.number == value), None)
            return body.name if body else f"#{value}"
    return value


def save_edit(
    ctx: Context,
    uow: UnitOfWork,
    actor: Actor,
    kind: RecordType,
    number: int,
    wanted: Mapping[str, Plain],
    usage: str,
    *,
    action: str = Action.EDIT,
    undoes: int | None = None,
) -> RecordEdited:
    """Store `wanted` over the record's fields, keep the change in its history, and say what
    changed. Nothing different: refused, so an edit never silently does nothing."""
    before = current(uow, kind, number)
    assert before is not None
    after = {**before, **wanted}
    changes = diff(before, after)
    if not changes:
        raise Conflict("error.edit_no_change", usage=usage, number=number)
    store(ctx, uow, kind, number, after, usage)
    record(ctx, uow, actor, number, kind, action, changes, undoes=undoes)
    shown = tuple(
        FieldChange(f, readable(uow, f, old), readable(uow, f, new)) for f, (old, new) in changes.items()
    )
    return RecordEdited(kind, number, shown)
