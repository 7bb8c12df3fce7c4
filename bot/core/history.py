"""A record's history: every change to one record (who, when, each field's old and new value),
kept for ever, read by `history <id>` and taken back by `undo`. The port (`HistoryRepository`)
is `uow.history`; the SQL keeps it in `record_history`, carried by export and import.

Values in a change are plain JSON (text, numbers, ISO dates, `HH:MM` times, None); a body or a
meeting is kept by its record number, so a renamed body still reads right.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from bot.core.base import Actor, RecordType

if TYPE_CHECKING:
    from bot.core.context import Context
    from bot.core.ports import UnitOfWork

#: a field's value as history keeps it
Plain = str | int | None


class Action:
    ADD = "add"
    EDIT = "edit"
    REMOVE = "remove"
    RESTORE = "restore"
    CANCEL = "cancel"
    SUBMIT = "submit"
    DONE = "done"
    REVERSE = "reverse"
    UNDO = "undo"


@dataclass(frozen=True, slots=True)
class NewChange:
    number: int
    kind: RecordType
    action: str
    actor: str
    at: dt.datetime
    #: field -> (old, new)
    changes: Mapping[str, tuple[Plain, Plain]] = field(default_factory=dict)
    reason: str | None = None
    #: for a ledger entry: its fund's number
    parent: int | None = None
    #: the change this one takes back (`undo`)
    undoes: int | None = None


@dataclass(frozen=True, slots=True)
class Change(NewChange):
    id: int = 0


class HistoryRepository(Protocol):
    def add(self, change: NewChange) -> Change: ...
    def of(self, number: int) -> list[Change]:
        """Every change to record `number` and, for a fund, to its entries: oldest first."""
        ...

    def latest_by(self, actor: str, since: dt.datetime) -> list[Change]:
        """`actor`'s changes made after `since`, newest first."""
        ...

    def undone(self, change_ids: Sequence[int]) -> set[int]:
        """Which of these changes have been taken back already."""
        ...

    def count(self, number: int) -> int:
        """How many changes record `number` has had (its add included): a calendar's SEQUENCE."""
        ...


def record(
    ctx: Context,
    uow: UnitOfWork,
    actor: Actor,
    number: int,
    kind: RecordType,
    action: str,
    changes: Mapping[str, tuple[Plain, Plain]] | None = None,
    *,
    reason: str | None = None,
    parent: int | None = None,
    undoes: int | None = None,
) -> Change:
    """Keep one change to one record in its history (in the caller's unit of work)."""
    return uow.history.add(
        NewChange(
            number, kind, action, actor.user_id, ctx.clock.now(), dict(changes or {}), reason, parent, undoes
        )
    )


def added(values: Mapping[str, Plain]) -> dict[str, tuple[Plain, Plain]]:
    """A new record's fields as a change from nothing."""
    return {k: (None, v) for k, v in values.items() if v is not None}


def diff(old: Mapping[str, Plain], new: Mapping[str, Plain]) -> dict[str, tuple[Plain, Plain]]:
    """The fields whose value differs, in `new`'s order."""
    return {k: (old.get(k), v) for k, v in new.items() if old.get(k) != v}


def plain(value: object) -> Plain:
    """A value as history keeps it."""
    if value is None or isinstance(value, str | int):
        return value
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"history keeps no {type(value).__name__}")
