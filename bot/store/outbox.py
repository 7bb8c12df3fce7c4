"""The outbox's SQL: every planned reminder and digest is a row with a unique key.

Planning is an idempotent upsert (and runs inside the caller's unit of work). Sending claims due
rows in a short transaction with a lease (`FOR UPDATE SKIP LOCKED` on PostgreSQL; on SQLite the
writer session's `BEGIN IMMEDIATE` makes claimers take turns), commits, and later records the
outcome only if the lease is still the caller's. See shared/RELIABILITY.md for why.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy import ClauseElement, ColumnElement, Engine, Table, and_, bindparam, func, or_, select, update
from sqlalchemy.orm import Session, sessionmaker

from bot.core.model import Consultation, Decision, Meeting
from bot.core.reminders import (
    DeliveryKind,
    DeliveryStatus,
    DeliveryView,
    Step,
    delivery_key,
    is_late,
)
from bot.store.consultations import to_consultation
from bot.store.db import insert_for, session_factory
from bot.store.decisions import to_decision
from bot.store.meetings import to_meeting
from bot.store.models import ConsultationRow, DecisionRow, DeliveryRow, MeetingRow, Workspace

D = DeliveryRow
DELIVERIES: Table = DeliveryRow.__table__  # type: ignore[assignment]
PENDING = DeliveryStatus.PENDING.value
SENDING = DeliveryStatus.SENDING.value
#: a later step in one of these states makes an older due step redundant (catch-up)
_SUPERSEDING = (PENDING, SENDING, DeliveryStatus.SENT.value, DeliveryStatus.UNKNOWN.value)
#: the superseding states other than pending: sent, or in flight
_GONE_OUT = tuple(s for s in _SUPERSEDING if s != PENDING)
#: at most this many values in one `IN (...)` list
CHUNK = 500
#: the claim reads this many candidates per row it may take when it takes one row per channel
_CANDIDATES_PER_ROW = 4

T = TypeVar("T")


def _chunks(items: Sequence[T], size: int = CHUNK) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


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
    """What became of a claimed row: its new status and the columns set with it."""

    key: str
    status: DeliveryStatus
    values: dict[str, Any] = field(default_factory=dict)


#: a claimed row given back untried does not count the attempt
_ATTEMPT_UNDONE = D.attempts - 1


def released(key: str) -> RowOutcome:
    """A claimed row given back untried: pending again, the attempt not counted."""
    return RowOutcome(key, DeliveryStatus.PENDING, {"attempts": _ATTEMPT_UNDONE})


def _one_per_channel(rows: Sequence[DeliveryRow], limit: int) -> list[DeliveryRow]:
    """At most one row of each channel, in their order, up to `limit` (rows without a channel
    each count on their own)."""
    taken: list[DeliveryRow] = []
    channels: set[str] = set()
    for row in rows:
        if row.channel is not None:
            if row.channel in channels:
                continue
            channels.add(row.channel)
        taken.append(row)
        if len(taken) == limit:
            break
    return taken


def _claimed(row: DeliveryRow) -> Claimed:
    return Claimed(
        row.key,
        row.workspace_id,
        DeliveryKind(row.kind),
        row.item_number,
        row.step,
        row.due_at,
        row.channel,
        row.late,
        row.attempts,
    )


def _view(row: DeliveryRow) -> DeliveryView:
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


def _scope(local: str, *, include_local: bool, include_remote: bool) -> ColumnElement[bool]:
    """Which workspaces' rows a process may handle: the local console's, Slack's, or both."""
    if include_local and include_remote:
        return D.id.is_not(None)
    if include_local:
        return D.workspace_id == local
    if include_remote:
        return D.workspace_id != local
    return D.id.is_(None)


# -- planning (inside the caller's unit of work) ---------------------------------------------------


def insert_row(
    session: Session,
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
        _insert(session)(D)
        .values(_new_row(workspace_id, key, kind, item_number, step, due_at, channel, now))
        .on_conflict_do_nothing(index_elements=["key"])
    )
    result = session.execute(stmt)
    return bool(getattr(result, "rowcount", 0))


@dataclass(frozen=True, slots=True)
class ItemPlan:
    """What one item's rows should be: its steps (the planner's), and where they are posted."""

    number: int
    steps: Sequence[Step]
    channel: str | None


@dataclass
class _Writes:
    """The rows planning adds and the updates it makes, gathered so each kind of statement is
    built once and executed once for all of them."""

    inserts: list[dict[str, Any]] = field(default_factory=list)
    #: (state the row must still be in, the columns set) -> [(key, values)]
    updates: dict[tuple[str, tuple[str, ...]], list[tuple[str, dict[str, Any]]]] = field(default_factory=dict)

    def update(self, key: str, only_if: str, **values: Any) -> None:
        self.updates.setdefault((only_if, tuple(sorted(values))), []).append((key, values))


def sync_item(
    session: Session,
    workspace_id: str,
    kind: DeliveryKind,
    number: int,
    steps: Sequence[Step],
    channel: str | None,
    now: dt.datetime,
) -> None:
    """Make one item's rows match its steps (see `sync_items`)."""
    sync_items(session, workspace_id, kind, [ItemPlan(number, steps, channel)], now)


def sync_items(
    session: Session, workspace_id: str, kind: DeliveryKind, items: Sequence[ItemPlan], now: dt.datetime
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
    for chunk in _chunks(numbers):
        found = session.execute(
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
    _write(session, writes, now)


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


def _write(session: Session, writes: _Writes, now: dt.datetime) -> None:
    table = DELIVERIES
    if writes.inserts:
        stmt = _insert(session)(table).on_conflict_do_nothing(index_elements=["key"])
        session.execute(stmt, writes.inserts)
    for (only_if, columns), rows in writes.updates.items():
        stmt = (
            update(table)
            .where(table.c.key == bindparam("b_key"), table.c.status == only_if)
            .values(updated_at=now, **{c: bindparam(f"b_{c}") for c in columns})
        )
        session.execute(
            stmt, [{"b_key": key, **{f"b_{c}": v for c, v in values.items()}} for key, values in rows]
        )


def _set(session: Session, key: str, only_if: str, now: dt.datetime, **values: Any) -> bool:
    """Update one row if it is still in state `only_if` (a claimer may have taken it meanwhile)."""
    result = session.execute(
        update(D)
        .where(D.key == key, D.status == only_if)
        .values(updated_at=now, **values)
        .execution_options(synchronize_session=False)
    )
    return bool(getattr(result, "rowcount", 0))


def existing_keys(session: Session, keys: Collection[str]) -> set[str]:
    """Which of these keys have a row."""
    found: set[str] = set()
    for chunk in _chunks(sorted(keys)):
        found.update(session.scalars(select(D.key).where(D.key.in_(chunk))))
    return found


def cancel_digests_except(session: Session, workspace_id: str, keep: Iterable[str], now: dt.datetime) -> None:
    """Pending weekly digests of a workspace that no longer match its channel are cancelled
    (read first, so that nothing is written when there are none)."""
    stale = session.scalars(
        select(D.id).where(
            D.workspace_id == workspace_id,
            D.kind == DeliveryKind.DIGEST.value,
            D.step == "weekly",
            D.status == PENDING,
            D.due_at > now,
            D.key.not_in(list(keep)),
        )
    ).all()
    for chunk in _chunks(stale):
        session.execute(
            update(D)
            .where(D.id.in_(chunk), D.status == PENDING)
            .values(status=DeliveryStatus.CANCELLED.value, last_error="not_wanted", updated_at=now)
            .execution_options(synchronize_session=False)
        )


def make_due_now(session: Session, key: str, now: dt.datetime) -> None:
    """A digest asked for now (`digest` from the command line) need not wait for its hour."""
    session.execute(
        update(D)
        .where(D.key == key, D.status == PENDING, D.due_at > now)
        .values(due_at=now, updated_at=now)
        .execution_options(synchronize_session=False)
    )


def item_deliveries(
    session: Session, workspace_id: str, kind: DeliveryKind, number: int
) -> list[DeliveryView]:
    rows = session.scalars(
        select(D)
        .where(D.workspace_id == workspace_id, D.kind == kind.value, D.item_number == number)
        .order_by(D.due_at, D.id)
    ).all()
    return [_view(r) for r in rows]


def snooze(session: Session, key: str, until: dt.datetime, now: dt.datetime) -> bool:
    return _set(session, key, PENDING, now, not_before=until)


def last_digest_sent(session: Session, workspace_id: str) -> dt.datetime | None:
    value = session.scalar(
        select(func.max(D.sent_at)).where(
            D.workspace_id == workspace_id,
            D.kind == DeliveryKind.DIGEST.value,
            D.status == DeliveryStatus.SENT.value,
        )
    )
    if value is not None and value.tzinfo is None:  # SQLite's MAX() bypasses the column type
        value = value.replace(tzinfo=dt.UTC)
    return value


def items(
    session: Session, workspace_id: str, kind: DeliveryKind, numbers: Collection[int]
) -> dict[int, Consultation | Meeting | Decision]:
    """The items a batch of reminders is about, by number, read a few hundred at a time (the
    register reads one at a time)."""
    found: dict[int, Consultation | Meeting | Decision] = {}
    for chunk in _chunks(sorted(set(numbers))):
        if kind is DeliveryKind.CONSULTATION:
            c = ConsultationRow
            for c_row in session.scalars(
                select(c).where(c.workspace_id == workspace_id, c.number.in_(chunk))
            ):
                found[c_row.number] = to_consultation(c_row)
        elif kind is DeliveryKind.MEETING:
            m = MeetingRow
            for m_row in session.scalars(
                select(m).where(m.workspace_id == workspace_id, m.number.in_(chunk))
            ):
                found[m_row.number] = to_meeting(m_row)
        elif kind is DeliveryKind.FOLLOW_UP:
            d = DecisionRow
            for d_row in session.scalars(
                select(d).where(d.workspace_id == workspace_id, d.number.in_(chunk))
            ):
                found[d_row.number] = to_decision(d_row)
    return found


def get(session: Session, key: str) -> DeliveryView | None:
    row = session.scalar(select(D).where(D.key == key))
    return _view(row) if row else None


# -- sending (each call its own short transaction) -------------------------------------------------


class Outbox:
    """Claims and outcomes, each in a short transaction of its own."""

    def __init__(self, engine: Engine, local_workspace: str) -> None:
        self._writers: sessionmaker[Session] = session_factory(engine, write=True)
        self._readers: sessionmaker[Session] = session_factory(engine)
        self._postgres = engine.dialect.name == "postgresql"
        self.local = local_workspace

    def reading(self) -> Session:
        return self._readers()

    def writing(self) -> Session:
        return self._writers()

    def workspaces(self) -> list[WorkspaceInfo]:
        with self._readers() as s:
            rows = s.execute(select(Workspace.id, Workspace.digest_channel).order_by(Workspace.id)).all()
        return [WorkspaceInfo(r[0], r[1]) for r in rows]

    def claim(
        self,
        now: dt.datetime,
        owner: str,
        lease: dt.timedelta,
        *,
        limit: int,
        include_local: bool,
        include_remote: bool,
        kinds: Sequence[DeliveryKind] | None = None,
        exclude_channels: Collection[str] = (),
        prefer_not: Sequence[Collection[str]] = (),
        one_per_channel: bool = False,
    ) -> list[Claimed]:
        """Take the lease on up to `limit` due rows, oldest first, in one short transaction.

        Rows of `exclude_channels` are never taken. `prefer_not` are sets of channels to stay
        away from, tried in turn: the first set that leaves something due decides, and only when
        each of them leaves nothing are rows of any channel taken (the dispatcher passes the
        channels it posted to within the pace, so that it posts elsewhere instead of waiting).
        With `one_per_channel`, at most one row of each channel is taken.

        Superseded steps are not dropped here: `drop_superseded` does that once per round."""
        scope = _scope(self.local, include_local=include_local, include_remote=include_remote)
        base = select(D).where(
            D.status == PENDING,
            D.due_at <= now,
            or_(D.not_before.is_(None), D.not_before <= now),
            scope,
        )
        if kinds is not None:
            base = base.where(D.kind.in_([k.value for k in kinds]))
        fetch = limit * _CANDIDATES_PER_ROW if one_per_channel else limit
        with self._writers() as s:
            rows: list[DeliveryRow] = []
            for avoid in [*prefer_not, ()]:
                excluded = sorted(set(exclude_channels) | set(avoid))
                query = base
                if excluded:
                    query = query.where(or_(D.channel.is_(None), D.channel.not_in(excluded)))
                query = query.order_by(D.due_at, D.id).limit(fetch)
                if self._postgres:
                    query = query.with_for_update(skip_locked=True)
                candidates = s.scalars(query).all()
                rows = _one_per_channel(candidates, limit) if one_per_channel else list(candidates)
                if rows:
                    break
            for row in rows:
                effective = max(row.due_at, row.not_before or row.due_at)
                row.status = SENDING
                row.lease_owner = owner
                row.lease_until = now + lease
                row.attempts += 1
                row.late = row.late or is_late(effective, now)
                row.updated_at = now
            claimed = [_claimed(r) for r in rows]
            s.commit()
        return claimed

    def drop_superseded(self, now: dt.datetime) -> int:
        """Catch-up after downtime: of an item's due pending steps (a digest's: per channel) only
        the latest is kept; the older ones become `dropped`, and so do pending steps older than
        one of the item's due steps already sent or in flight. Returns how many were dropped.

        Reads the due pending rows once (`ix_deliveries_status_due`), groups them by item here,
        looks up the later steps that went out only for those items
        (`ix_deliveries_item`), and drops by id, each row only if it is still pending."""
        with self._writers() as s:
            pending = s.execute(
                select(D.id, D.workspace_id, D.kind, D.item_number, D.channel, D.due_at).where(
                    D.status == PENDING, D.due_at <= now
                )
            ).all()
            groups: dict[tuple[str, str, Any], list[tuple[dt.datetime, int]]] = {}
            for id_, workspace_id, kind, number, channel, due_at in pending:
                member = channel if kind == DeliveryKind.DIGEST.value else number
                if member is None:
                    continue  # nothing can supersede it
                groups.setdefault((workspace_id, kind, member), []).append((due_at, id_))
            latest = {group: max(due for due, _ in rows) for group, rows in groups.items()}
            members: dict[tuple[str, str], list[Any]] = {}
            for workspace_id, kind, member in groups:
                members.setdefault((workspace_id, kind), []).append(member)
            for (workspace_id, kind), wanted in members.items():
                column = D.channel if kind == DeliveryKind.DIGEST.value else D.item_number
                for chunk in _chunks(sorted(wanted)):
                    gone_out = s.execute(
                        select(column, D.due_at).where(
                            D.workspace_id == workspace_id,
                            D.kind == kind,
                            column.in_(chunk),
                            D.status.in_(_GONE_OUT),
                            D.due_at <= now,
                        )
                    ).all()
                    for member, due_at in gone_out:
                        group = (workspace_id, kind, member)
                        if due_at > latest[group]:
                            latest[group] = due_at
            older = sorted(id_ for group, rows in groups.items() for due, id_ in rows if due < latest[group])
            dropped = 0
            for chunk in _chunks(older):
                result = s.execute(
                    update(D)
                    .where(D.id.in_(chunk), D.status == PENDING)
                    .values(status=DeliveryStatus.DROPPED.value, last_error="superseded", updated_at=now)
                    .execution_options(synchronize_session=False)
                )
                dropped += int(getattr(result, "rowcount", 0) or 0)
            s.commit()
        return dropped

    def claim_doubtful(
        self,
        now: dt.datetime,
        owner: str,
        lease: dt.timedelta,
        *,
        limit: int,
        include_local: bool,
        include_remote: bool,
        recheck_after: dt.timedelta,
    ) -> list[Claimed]:
        """Take the lease on rows whose post may or may not have gone out: `unknown` ones once
        `recheck_after` has passed (a post that timed out may still land), and `sending` ones
        whose holder's lease ran out (it died between posting and recording)."""
        scope = _scope(self.local, include_local=include_local, include_remote=include_remote)
        with self._writers() as s:
            query = (
                select(D)
                .where(
                    or_(
                        and_(D.status == DeliveryStatus.UNKNOWN.value, D.updated_at <= now - recheck_after),
                        and_(D.status == SENDING, D.lease_until < now),
                    ),
                    scope,
                )
                .order_by(D.updated_at, D.id)
                .limit(limit)
            )
            if self._postgres:
                query = query.with_for_update(skip_locked=True)
            rows = s.scalars(query).all()
            for row in rows:
                row.status = SENDING
                row.lease_owner = owner
                row.lease_until = now + lease
                row.updated_at = now
            claimed = [_claimed(r) for r in rows]
            s.commit()
        return claimed

    def record(self, key: str, owner: str, status: DeliveryStatus, now: dt.datetime, **values: Any) -> bool:
        """Record an outcome if the lease is still `owner`'s. False: someone else holds it now
        (the outcome is theirs to record)."""
        with self._writers() as s:
            result = s.execute(
                update(D)
                .where(D.key == key, D.status == SENDING, D.lease_owner == owner)
                .values(status=status.value, lease_owner=None, lease_until=None, updated_at=now, **values)
                .execution_options(synchronize_session=False)
            )
            s.commit()
        return bool(getattr(result, "rowcount", 0))

    def record_many(self, owner: str, now: dt.datetime, outcomes: Sequence[RowOutcome]) -> None:
        """Record several outcomes in one transaction, each only if its lease is still `owner`'s
        (the condition of `record`, row by row): one executemany per kind of outcome."""
        if not outcomes:
            return
        table = DELIVERIES
        shapes: dict[tuple[Any, ...], list[RowOutcome]] = {}
        for o in outcomes:
            shape = (
                o.status,
                *sorted((c, id(v) if isinstance(v, ClauseElement) else None) for c, v in o.values.items()),
            )
            shapes.setdefault(shape, []).append(o)
        with self._writers() as s:
            for group in shapes.values():
                first = group[0]
                fixed = {c: v for c, v in first.values.items() if isinstance(v, ClauseElement)}
                bound = sorted(c for c in first.values if c not in fixed)
                stmt = (
                    update(table)
                    .where(
                        table.c.key == bindparam("b_key"),
                        table.c.status == SENDING,
                        table.c.lease_owner == owner,
                    )
                    .values(
                        status=first.status.value,
                        lease_owner=None,
                        lease_until=None,
                        updated_at=now,
                        **fixed,
                        **{c: bindparam(f"b_{c}") for c in bound},
                    )
                )
                s.execute(stmt, [{"b_key": o.key, **{f"b_{c}": o.values[c] for c in bound}} for o in group])
            s.commit()

    def release(self, key: str, owner: str, now: dt.datetime) -> bool:
        """Give a claimed row back untried (paced out this round)."""
        return self.record(key, owner, DeliveryStatus.PENDING, now, **released(key).values)

    def rows(self, keys: Sequence[str] | None = None) -> list[DeliveryView]:
        with self._readers() as s:
            query = select(D).order_by(D.due_at, D.id)
            if keys is not None:
                query = query.where(D.key.in_(list(keys)))
            return [_view(r) for r in s.scalars(query).all()]
