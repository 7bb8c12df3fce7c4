"""The outbox's rows inside a register's unit of work: planning (an idempotent upsert), the
reminder commands' reads and snoozes. Nothing here commits; the register does."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy import Table, bindparam, func, select, update
from sqlalchemy.orm import Session

from bot.core.outbox import Item, ItemPlan
from bot.core.reminders import DeliveryKind, DeliveryStatus, DeliveryView, delivery_key
from bot.store.consultations import to_consultation
from bot.store.db import insert_for
from bot.store.decisions import to_decision
from bot.store.meetings import to_meeting
from bot.store.models import ConsultationRow, DecisionRow, DeliveryRow, MeetingRow

D = DeliveryRow
DELIVERIES: Table = DeliveryRow.__table__  # type: ignore[assignment]
PENDING = DeliveryStatus.PENDING.value
#: at most this many values in one `IN (...)` list
CHUNK = 500

T = TypeVar("T")


def chunks(items: Sequence[T], size: int = CHUNK) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def view(row: DeliveryRow) -> DeliveryView:
    return DeliveryView(
        key=row.key,
        kind=DeliveryKind(row.kind),
        step=row.step,
        due_at=row.due_at,
        status=DeliveryStatus(row.status),
        late=row.late,
        channel=row.channel,
        sent_at=row.sent_at,
        not_before=row.not_before,
        last_error=row.last_error,
        attempts=row.attempts,
    )


def _insert(session: Session) -> Any:
    return insert_for(session.get_bind().dialect.name)


@dataclass
class _Writes:
    """The rows planning adds and the updates it makes, gathered so each kind of statement is
    built once and executed once for all of them."""

    inserts: list[dict[str, Any]] = field(default_factory=list)
    #: (state the row must still be in, the columns set) -> [(key, values)]
    updates: dict[tuple[str, tuple[str, ...]], list[tuple[str, dict[str, Any]]]] = field(default_factory=dict)

    def update(self, key: str, only_if: str, **values: Any) -> None:
        self.updates.setdefault((only_if, tuple(sorted(values))), []).append((key, values))


def _diff(
    writes: _Writes,
    workspace_id: str,
    kind: DeliveryKind,
    item: ItemPlan,
    existing: dict[str, tuple[str, dt.datetime, str | None]],
    now: dt.datetime,
) -> None:
    channel = item.channel
    wanted = {delivery_key(workspace_id, kind, item.number, s.step): s for s in item.steps}
    for key, step in wanted.items():
        row = existing.get(key)
        if row is None:
            if step.due_at > now:
                writes.inserts.append(
                    _new_row(workspace_id, key, kind, item.number, step.step, step.due_at, channel, now)
                )
            continue
        status, due_at, row_channel = row
        if status == PENDING:
            if due_at != step.due_at:
                if step.due_at > now:
                    writes.update(key, PENDING, due_at=step.due_at, channel=channel, not_before=None)
                else:
                    writes.update(key, PENDING, status=DeliveryStatus.CANCELLED.value, last_error="replanned")
            elif row_channel != channel:
                writes.update(key, PENDING, channel=channel)
        elif status == DeliveryStatus.CANCELLED.value and step.due_at > now:
            writes.update(
                key,
                DeliveryStatus.CANCELLED.value,
                status=PENDING,
                due_at=step.due_at,
                channel=channel,
                not_before=None,
                last_error=None,
                late=False,
            )
    for key, (status, _due, _channel) in existing.items():
        if key not in wanted and status == PENDING:
            writes.update(key, PENDING, status=DeliveryStatus.CANCELLED.value, last_error="not_wanted")


def _new_row(
    workspace_id: str,
    key: str,
    kind: DeliveryKind,
    item_number: int | None,
    step: str,
    due_at: dt.datetime,
    channel: str | None,
    now: dt.datetime,
) -> dict[str, Any]:
    return {
        "workspace_id": workspace_id,
        "key": key,
        "kind": kind.value,
        "item_number": item_number,
        "step": step,
        "due_at": due_at,
        "channel": channel,
        "status": PENDING,
        "late": False,
        "attempts": 0,
        "created_at": now,
        "updated_at": now,
    }


class SessionRows:
    """`PlannedRows` over one SQLAlchemy session (the register's)."""

    def __init__(self, session: Session) -> None:
        self.session = session

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
        stmt = (
            _insert(self.session)(D)
            .values(_new_row(workspace_id, key, kind, item_number, step, due_at, channel, now))
            .on_conflict_do_nothing(index_elements=["key"])
        )
        result = self.session.execute(stmt)
        return bool(getattr(result, "rowcount", 0))

    def sync_items(
        self, workspace_id: str, kind: DeliveryKind, items: Sequence[ItemPlan], now: dt.datetime
    ) -> None:
        """Make the rows of many items of one kind match their steps. New future steps are added;
        pending rows follow a changed date or channel; pending rows no longer wanted are cancelled;
        sent rows are never touched. A step whose time has already passed is not added (it was never
        due while the item looked like this), and a pending row re-dated into the past is cancelled
        rather than sent.

        The items' existing rows are read with one query per few hundred items and compared here;
        only what differs is written (nothing at all when nothing changed): new rows with one
        executemany of one `INSERT … ON CONFLICT DO NOTHING` (a concurrent planner may add the same
        key first), updates with one executemany per kind of change, each only if the row is still
        in the state it was read in (a claimer may have taken it meanwhile)."""
        if not items:
            return
        existing: dict[int, dict[str, tuple[str, dt.datetime, str | None]]] = {}
        numbers = sorted({item.number for item in items})
        for chunk in chunks(numbers):
            found = self.session.execute(
                select(D.item_number, D.key, D.status, D.due_at, D.channel).where(
                    D.workspace_id == workspace_id, D.kind == kind.value, D.item_number.in_(chunk)
                )
            ).all()
            for number, key, status, due_at, channel in found:
                if number is not None:
                    existing.setdefault(number, {})[key] = (status, due_at, channel)
        writes = _Writes()
        for item in items:
            _diff(writes, workspace_id, kind, item, existing.get(item.number, {}), now)
        self._write(writes, now)

    def _write(self, writes: _Writes, now: dt.datetime) -> None:
        table = DELIVERIES
        if writes.inserts:
            stmt = _insert(self.session)(table).on_conflict_do_nothing(index_elements=["key"])
            self.session.execute(stmt, writes.inserts)
        for (only_if, columns), rows in writes.updates.items():
            stmt = (
                update(table)
                .where(table.c.key == bindparam("b_key"), table.c.status == only_if)
                .values(updated_at=now, **{c: bindparam(f"b_{c}") for c in columns})
            )
            self.session.execute(
                stmt, [{"b_key": key, **{f"b_{c}": v for c, v in values.items()}} for key, values in rows]
            )

    def _set(self, key: str, only_if: str, now: dt.datetime, **values: Any) -> bool:
        """Update one row if it is still in state `only_if` (a claimer may have taken it meanwhile)."""
        result = self.session.execute(
            update(D)
            .where(D.key == key, D.status == only_if)
            .values(updated_at=now, **values)
            .execution_options(synchronize_session=False)
        )
        return bool(getattr(result, "rowcount", 0))

    def existing_keys(self, keys: Collection[str]) -> set[str]:
        """Which of these keys have a row."""
        found: set[str] = set()
        for chunk in chunks(sorted(keys)):
            found.update(self.session.scalars(select(D.key).where(D.key.in_(chunk))))
        return found

    def cancel_digests_except(self, workspace_id: str, keep: Iterable[str], now: dt.datetime) -> None:
        """Pending weekly digests of a workspace that no longer match its channel are cancelled
        (read first, so that nothing is written when there are none)."""
        stale = self.session.scalars(
            select(D.id).where(
                D.workspace_id == workspace_id,
                D.kind == DeliveryKind.DIGEST.value,
                D.step == "weekly",
                D.status == PENDING,
                D.due_at > now,
                D.key.not_in(list(keep)),
            )
        ).all()
        for chunk in chunks(stale):
            self.session.execute(
                update(D)
                .where(D.id.in_(chunk), D.status == PENDING)
                .values(status=DeliveryStatus.CANCELLED.value, last_error="not_wanted", updated_at=now)
                .execution_options(synchronize_session=False)
            )

    def revive(self, key: str, due_at: dt.datetime, channel: str | None, now: dt.datetime) -> bool:
        """A cancelled row wanted again (a digest channel changed A → B → A within a week) is
        pending once more, due at `due_at`. Rows in any other state are left alone: a digest
        already sent this week is not sent again. Read first, so that planning again writes
        nothing when nothing changed."""
        if self.session.scalar(select(D.status).where(D.key == key)) != DeliveryStatus.CANCELLED.value:
            return False
        return self._set(
            key,
            DeliveryStatus.CANCELLED.value,
            now,
            status=PENDING,
            due_at=due_at,
            channel=channel,
            not_before=None,
            last_error=None,
            late=False,
        )

    def make_due_now(self, key: str, now: dt.datetime) -> None:
        """A digest asked for now (`digest` from the command line) need not wait for its hour."""
        self.session.execute(
            update(D)
            .where(D.key == key, D.status == PENDING, D.due_at > now)
            .values(due_at=now, updated_at=now)
            .execution_options(synchronize_session=False)
        )

    def item_deliveries(self, workspace_id: str, kind: DeliveryKind, number: int) -> list[DeliveryView]:
        rows = self.session.scalars(
            select(D)
            .where(D.workspace_id == workspace_id, D.kind == kind.value, D.item_number == number)
            .order_by(D.due_at, D.id)
        ).all()
        return [view(r) for r in rows]

    def snooze(self, key: str, until: dt.datetime, now: dt.datetime) -> bool:
        return self._set(key, PENDING, now, not_before=until)

    def last_digest_sent(self, workspace_id: str) -> dt.datetime | None:
        value = self.session.scalar(
            select(func.max(D.sent_at)).where(
                D.workspace_id == workspace_id,
                D.kind == DeliveryKind.DIGEST.value,
                D.status == DeliveryStatus.SENT.value,
            )
        )
        if value is not None and value.tzinfo is None:  # SQLite's MAX() bypasses the column type
            value = value.replace(tzinfo=dt.UTC)
        return value

    def items(self, workspace_id: str, kind: DeliveryKind, numbers: Collection[int]) -> dict[int, Item]:
        """The items a batch of reminders is about, by number, read a few hundred at a time (the
        register reads one at a time)."""
        found: dict[int, Item] = {}
        for chunk in chunks(sorted(set(numbers))):
            if kind is DeliveryKind.CONSULTATION:
                c = ConsultationRow
                for c_row in self.session.scalars(
                    select(c).where(c.workspace_id == workspace_id, c.number.in_(chunk))
                ):
                    found[c_row.number] = to_consultation(c_row)
            elif kind is DeliveryKind.MEETING:
                m = MeetingRow
                for m_row in self.session.scalars(
                    select(m).where(m.workspace_id == workspace_id, m.number.in_(chunk))
                ):
                    found[m_row.number] = to_meeting(m_row)
            elif kind is DeliveryKind.FOLLOW_UP:
                d = DecisionRow
                for d_row in self.session.scalars(
                    select(d).where(d.workspace_id == workspace_id, d.number.in_(chunk))
                ):
                    found[d_row.number] = to_decision(d_row)
        return found
