"""Putting mistakes right without losing anything: `remove` (a soft delete: hidden everywhere,
kept in history), `fund reverse` (an entry of the opposite amount; the ledger is never edited),
`undo` (the asker's own latest change, within `UNDO_WINDOW`, unless someone changed that record
since) and `history <id>` (every change to a record, oldest first).

What `undo` does with each kind of change:
- an add of a meeting, consultation or decision: removes the record;
- an edit: puts back the old values of the fields it changed;
- a remove: restores the record;
- a ledger entry or a reversal: books a reversal of it (entries are never edited or deleted);
- a meeting cancelled, an answer or a follow-up recorded: takes it back (the meeting is planned
  again, the consultation open, the follow-up due), and the reminders are planned again;
- a body or fund added is refused with a clear answer: a body is renamed (`body edit`), a fund
  is never removed (its entries are reversed).
An undo is not itself a change to take back: `undo` twice takes back the two latest changes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.core.base import Actor, RecordType
from bot.core.context import TITLE_LIMIT, Context, audit, changed, optional_text, today, wrong_kind
from bot.core.errors import Conflict, InvalidInput, NotFound
from bot.core.history import Action, Change, added, record
from bot.core.ledger import EntryKind, LedgerEntry, NewEntry, entry_values
from bot.core.record_fields import FieldChange, RecordEdited, readable, save_edit

#: how long a change may be taken back by its author
UNDO_WINDOW = dt.timedelta(minutes=15)
REMOVABLE = (RecordType.MEETING, RecordType.CONSULTATION, RecordType.DECISION)

if TYPE_CHECKING:
    from bot.core.ports import UnitOfWork


# -- the commands' arguments ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RemoveRecord:
    number: int
    why: str | None = None


@dataclass(frozen=True, slots=True)
class ReverseEntry:
    number: int
    why: str | None = None
    on: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Undo:
    pass


@dataclass(frozen=True, slots=True)
class ShowHistory:
    number: int


# -- the answers ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RecordRemoved:
    kind: RecordType
    number: int
    #: restored (by `undo`) rather than removed
    restored: bool = False


@dataclass(frozen=True, slots=True)
class EntryReversed:
    reversal: LedgerEntry
    reversed: LedgerEntry
    balance: int


@dataclass(frozen=True, slots=True)
class Undone:
    """What `undo` took back (`change`) and what it did about it (`result`)."""

    change: Change
    result: RecordEdited | RecordRemoved | EntryReversed


@dataclass(frozen=True, slots=True)
class HistoryLine:
    at: dt.datetime
    actor: str
    action: str
    kind: RecordType
    number: int
    changes: tuple[FieldChange, ...]
    reason: str | None


@dataclass(frozen=True, slots=True)
class RecordHistory:
    kind: RecordType
    number: int
    lines: tuple[HistoryLine, ...]
    removed: bool


# -- remove --------------------------------------------------------------------------------------


def _exists(uow: UnitOfWork, kind: RecordType, number: int) -> bool:
    match kind:
        case RecordType.MEETING:
            return uow.meetings.get(number) is not None
        case RecordType.CONSULTATION:
            return uow.consultations.get(number) is not None
        case RecordType.DECISION:
            return uow.decisions.get(number) is not None
    return False


def _set_removed(uow: UnitOfWork, kind: RecordType, number: int, at: dt.datetime | None) -> None:
    match kind:
        case RecordType.MEETING:
            uow.meetings.set_removed(number, at)
        case RecordType.CONSULTATION:
            uow.consultations.set_removed(number, at)
        case RecordType.DECISION:
            uow.decisions.set_removed(number, at)


def _remove(ctx: Context, actor: Actor, args: RemoveRecord, kind: RecordType) -> RecordRemoved:
    usage = f"{kind.value}.remove"
    why = optional_text(args.why, TITLE_LIMIT, usage)
    with ctx.registers(actor.workspace_id, write=True) as uow:
        if not _exists(uow, kind, args.number):
            raise wrong_kind(uow, args.number, kind, usage)
        _set_removed(uow, kind, args.number, ctx.clock.now())
        record(ctx, uow, actor, args.number, kind, Action.REMOVE, reason=why)
        audit(ctx, uow, actor, usage, f"#{args.number}", why=why)
        changed(ctx, uow, kind, args.number)  # its reminders stop
        uow.commit()
    return RecordRemoved(kind, args.number)


def remove_meeting(ctx: Context, actor: Actor, args: RemoveRecord) -> RecordRemoved:
    return _remove(ctx, actor, args, RecordType.MEETING)


def remove_consultation(ctx: Context, actor: Actor, args: RemoveRecord) -> RecordRemoved:
    return _remove(ctx, actor, args, RecordType.CONSULTATION)


def remove_decision(ctx: Context, actor: Actor, args: RemoveRecord) -> RecordRemoved:
    return _remove(ctx, actor, args, RecordType.DECISION)


# -- fund reverse --------------------------------------------------------------------------------


def _book_reversal(
    ctx: Context, uow: UnitOfWork, actor: Actor, entry: LedgerEntry, why: str | None, on: dt.date, usage: str
) -> EntryReversed:
    earlier = uow.ledger.reversal_of(entry.id)
    if earlier is not None:
        raise Conflict("error.already_reversed", usage=usage, number=entry.number, by=earlier.number)
    if on < entry.booked_on:
        raise InvalidInput(
            "error.reverse_before_entry", usage=usage, number=entry.number, on=on, booked=entry.booked_on
        )
    kind = EntryKind.INCOME if entry.kind is EntryKind.COST else EntryKind.COST
    # the text names the entry it reverses in every language: "↩ #12 Konsult"
    text = f"↩ #{entry.number} {why or entry.text}".strip()[:TITLE_LIMIT]
    new = NewEntry(entry.fund.id, kind, entry.amount, on, text, entry.category, reverses_id=entry.id)
    reversal = uow.ledger.add_entry(uow.workspace.next_number(), new, ctx.clock.now())
    changes = {**added(entry_values(reversal)), "reverses": (None, entry.number)}
    record(
        ctx,
        uow,
        actor,
        reversal.number,
        RecordType.ENTRY,
        Action.REVERSE,
        changes,
        reason=why,
        parent=entry.fund.number,
    )
    audit(ctx, uow, actor, "fund.reverse", f"#{reversal.number}", reverses=entry.number, on=on)
    balance = next(b.balance for b in uow.ledger.balances(max(on, today(ctx))) if b.fund.id == entry.fund.id)
    return EntryReversed(reversal, entry, balance)


def reverse_entry(ctx: Context, actor: Actor, args: ReverseEntry) -> EntryReversed:
    """Book an entry of the opposite amount that names the one it reverses, and why."""
    usage = "fund.reverse"
    why = optional_text(args.why, TITLE_LIMIT, usage)
    with ctx.registers(actor.workspace_id, write=True) as uow:
        entry = uow.ledger.entry(args.number)
        if entry is None:
            raise wrong_kind(uow, args.number, RecordType.ENTRY, usage)
        reversed_ = _book_reversal(ctx, uow, actor, entry, why, args.on or today(ctx), usage)
        uow.commit()
    return reversed_


# -- undo ----------------------------------------------------------------------------------------


def undo(ctx: Context, actor: Actor, args: Undo) -> Undone:
    """Take back the asker's own latest change (see the module's notes for what that means)."""
    usage = "undo"
    now = ctx.clock.now()
    with ctx.registers(actor.workspace_id, write=True) as uow:
        mine = [c for c in uow.history.latest_by(actor.user_id, now - UNDO_WINDOW) if c.action != Action.UNDO]
        taken_back = uow.history.undone([c.id for c in mine])
        # a restore or removal that was itself an undo is not offered again
        change = next((c for c in mine if c.id not in taken_back and c.undoes is None), None)
        if change is None:
            raise NotFound("error.undo_nothing", usage=usage, minutes=int(UNDO_WINDOW.total_seconds() // 60))
        since = [c for c in uow.history.of(change.number) if c.id > change.id and c.number == change.number]
        others = [c for c in since if c.actor != actor.user_id]
        if others:
            last = others[-1]
            raise Conflict(
                "error.undo_changed_since",
                number=change.number,
                user=last.actor,
                at=last.at.astimezone(ctx.zone),
            )
        result = _take_back(ctx, uow, actor, change, usage)
        uow.commit()
    return Undone(change, result)


def _take_back(
    ctx: Context, uow: UnitOfWork, actor: Actor, change: Change, usage: str
) -> RecordEdited | RecordRemoved | EntryReversed:
    kind, number = change.kind, change.number
    if kind is RecordType.ENTRY and change.action in (Action.ADD, Action.REVERSE):
        entry = uow.ledger.entry(number)
        assert entry is not None
        return _book_reversal(ctx, uow, actor, entry, None, max(entry.booked_on, today(ctx)), usage)
    if kind in REMOVABLE and change.action in (Action.ADD, Action.REMOVE):
        restore = change.action == Action.REMOVE
        _set_removed(uow, kind, number, None if restore else ctx.clock.now())
        action = Action.RESTORE if restore else Action.REMOVE
        record(ctx, uow, actor, number, kind, action, undoes=change.id)
        changed(ctx, uow, kind, number)
        return RecordRemoved(kind, number, restored=restore)
    if change.action in (Action.CANCEL, Action.SUBMIT, Action.DONE):
        return _reopen(ctx, uow, actor, change)
    if change.action == Action.EDIT:
        old = {field: values[0] for field, values in change.changes.items()}
        return save_edit(ctx, uow, actor, kind, number, old, usage, action=Action.UNDO, undoes=change.id)
    raise Conflict("error.undo_unsupported", action=change.action, kind=kind.value, number=number)


def _reopen(ctx: Context, uow: UnitOfWork, actor: Actor, change: Change) -> RecordEdited:
    """Take back a cancellation, an answer or a finished follow-up: the record is as before."""
    kind, number = change.kind, change.number
    field = {Action.CANCEL: "cancelled", Action.SUBMIT: "submitted", Action.DONE: "done"}[change.action]
    if kind is RecordType.MEETING:
        meeting = uow.meetings.get(number)
        assert meeting is not None
        uow.meetings.cancel(meeting.id, None)
    elif kind is RecordType.CONSULTATION:
        consultation = uow.consultations.get(number)
        assert consultation is not None
        uow.consultations.submit(consultation.id, None)
    else:
        decision = uow.decisions.get(number)
        assert decision is not None
        uow.decisions.finish_follow_up(decision.id, None)
    was = change.changes.get(field, (None, None))[1]
    record(ctx, uow, actor, number, kind, Action.UNDO, {field: (was, None)}, undoes=change.id)
    changed(ctx, uow, kind, number)  # its reminders are planned again
    return RecordEdited(kind, number, (FieldChange(field, readable(uow, field, was), None),))


# -- history -------------------------------------------------------------------------------------


def show_history(ctx: Context, actor: Actor, args: ShowHistory) -> RecordHistory:
    """Every change to a record, oldest first; for a fund, its entries and reversals too."""
    with ctx.registers(actor.workspace_id) as uow:
        kind = uow.workspace.record_type_of(args.number)
        if kind is None:
            raise NotFound(
                "error.no_such_record", number=args.number, wanted="record", actual=None, usage="history"
            )
        lines = tuple(
            HistoryLine(
                c.at.astimezone(ctx.zone),
                c.actor,
                c.action,
                c.kind,
                c.number,
                tuple(
                    FieldChange(f, readable(uow, f, o), readable(uow, f, n))
                    for f, (o, n) in c.changes.items()
                ),
                c.reason,
            )
            for c in uow.history.of(args.number)
        )
        removed = kind in REMOVABLE and not _exists(uow, kind, args.number)
    return RecordHistory(kind, args.number, lines, removed)
