"""The outbox as the core sees it: a port, implemented in SQL by `bot.store.outbox`.

Every planned reminder and digest is a row with a unique key. Planning and the reminder commands
work on the rows inside a register's own unit of work (`Outbox.within(register)` → `PlannedRows`),
so a row changes in the same transaction as the item that caused it. Sending claims due rows
with a lease, each claim and each batch of outcomes in a short transaction of its own
(`Outbox` itself). See shared/RELIABILITY.md for why.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from bot.core.model import Consultation, Decision, Meeting
from bot.core.ports import UnitOfWork
from bot.core.reminders import DeliveryKind, DeliveryStatus, DeliveryView, Step


@dataclass(frozen=True, slots=True)
class Claimed:
    """A row this process holds the lease on."""

    key: str
    workspace_id: str
    kind: DeliveryKind
    item_number: int | None
    step: str
    due_at: dt.datetime
    channel: str | None
    late: bool
    attempts: int


@dataclass(frozen=True, slots=True)
class WorkspaceInfo:
    id: str
    digest_channel: str | None


@dataclass(frozen=True, slots=True)
class RowOutcome:
    """What became of a claimed row: its new status and the columns set with it. `undo_attempt`:
    the row was given back untried, so its claim does not count as an attempt."""

    key: str
    status: DeliveryStatus
    values: dict[str, Any] = field(default_factory=dict)
    undo_attempt: bool = False


def released(key: str) -> RowOutcome:
    """A claimed row given back untried: pending again, the attempt not counted."""
    return RowOutcome(key, DeliveryStatus.PENDING, undo_attempt=True)


@dataclass(frozen=True, slots=True)
class ItemPlan:
    """What one item's rows should be: its steps (the planner's), and where they are posted."""

    number: int
    steps: Sequence[Step]
    channel: str | None


#: the items reminders are about
Item = Consultation | Meeting | Decision


class PlannedRows(Protocol):
    """The outbox inside one register's unit of work: nothing is kept unless the register commits."""

    def sync_items(
        self, workspace_id: str, kind: DeliveryKind, items: Sequence[ItemPlan], now: dt.datetime
    ) -> None:
        """Make the rows of many items of one kind match their steps; sent rows are never touched."""
        ...

    def insert_row(
        self,
        *,
        workspace_id: str,
        key: str,
        kind: DeliveryKind,
        item_number: int | None,
        step: str,
        due_at: dt.datetime,
        channel: str | None,
        now: dt.datetime,
    ) -> bool:
        """Insert a pending row unless its key exists. True when this call created it."""
        ...

    def existing_keys(self, keys: Collection[str]) -> set[str]: ...
    def revive(self, key: str, due_at: dt.datetime, channel: str | None, now: dt.datetime) -> bool:
        """A cancelled row wanted again is pending once more; rows in other states are left alone."""
        ...

    def cancel_digests_except(self, workspace_id: str, keep: Iterable[str], now: dt.datetime) -> None: ...
    def make_due_now(self, key: str, now: dt.datetime) -> None: ...
    def item_deliveries(self, workspace_id: str, kind: DeliveryKind, number: int) -> list[DeliveryView]: ...
    def snooze(self, key: str, until: dt.datetime, now: dt.datetime) -> bool: ...
    def last_digest_sent(self, workspace_id: str) -> dt.datetime | None: ...
    def items(self, workspace_id: str, kind: DeliveryKind, numbers: Collection[int]) -> dict[int, Item]:
        """The items a batch of reminders is about, by number, read many at a time."""
        ...


class Outbox(Protocol):
    """Claims and outcomes, each in a short transaction of its own; and the rows of a unit of work."""

    #: the console's workspace, whose rows only a process with the console's printer takes;
    #: `platforms` in a claim are those of `bot.core.platforms` (a process claims only the rows
    #: of the platforms it can post to)
    local: str

    def within(self, register: UnitOfWork) -> PlannedRows: ...
    def workspaces(self) -> list[WorkspaceInfo]: ...
    def claim(
        self,
        now: dt.datetime,
        owner: str,
        lease: dt.timedelta,
        *,
        limit: int,
        platforms: Collection[str],
        kinds: Sequence[DeliveryKind] | None = None,
        exclude_channels: Collection[str] = (),
        prefer_not: Sequence[Collection[str]] = (),
        one_per_channel: bool = False,
    ) -> list[Claimed]: ...
    def drop_superseded(self, now: dt.datetime) -> int: ...
    def claim_doubtful(
        self,
        now: dt.datetime,
        owner: str,
        lease: dt.timedelta,
        *,
        limit: int,
        platforms: Collection[str],
        recheck_after: dt.timedelta,
    ) -> list[Claimed]: ...
    def record(self, key: str, owner: str, status: DeliveryStatus, now: dt.datetime, **values: Any) -> bool:
        """Record one outcome if the row still carries the lease token `owner`; True if it did."""
        ...

    def record_many(self, owner: str, now: dt.datetime, outcomes: Sequence[RowOutcome]) -> None: ...
    def rows(self, keys: Sequence[str] | None = None) -> list[DeliveryView]: ...
