"""The outbox's SQL: every planned reminder and digest is a row with a unique key.

Planning is an idempotent upsert (and runs inside the caller's unit of work). Sending claims due
rows in a short transaction with a lease (`FOR UPDATE SKIP LOCKED` on PostgreSQL; on SQLite the
writer session's `BEGIN IMMEDIATE` makes claimers take turns), commits, and later records the
outcome only if the lease is still the caller's. See shared/RELIABILITY.md for why.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Engine, and_, exists, func, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, aliased, sessionmaker

from bot.core.reminders import (
    DeliveryKind,
    DeliveryStatus,
    DeliveryView,
    Step,
    delivery_key,
    is_late,
)
from bot.store.db import session_factory
from bot.store.models import DeliveryRow, Workspace

D = DeliveryRow
PENDING = DeliveryStatus.PENDING.value
SENDING = DeliveryStatus.SENDING.value
#: a later step in one of these states makes an older due step redundant (catch-up)
_SUPERSEDING = (PENDING, SENDING, DeliveryStatus.SENT.value, DeliveryStatus.UNKNOWN.value)


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
    return postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert


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
        .values(
            workspace_id=workspace_id,
            key=key,
            kind=kind.value,
            item_number=item_number,
            step=step,
            due_at=due_at,
            channel=channel,
            status=PENDING,
            late=False,
            attempts=0,
            created_at=now,
            updated_at=now,
        )
        .on_conflict_do_nothing(index_elements=["key"])
    )
    result = session.execute(stmt)
    return bool(getattr(result, "rowcount", 0))


def sync_item(
    session: Session,
    workspace_id: str,
    kind: DeliveryKind,
    number: int,
    steps: Sequence[Step],
    channel: str | None,
    now: dt.datetime,
) -> None:
    """Make an item's rows match its steps. New future steps are added; pending rows follow a
    changed date or channel; pending rows no longer wanted are cancelled; sent rows are never
    touched. A step whose time has already passed is not added (it was never due while the item
    looked like this), and a pending row re-dated into the past is cancelled rather than sent."""
    rows = session.scalars(
        select(D).where(D.workspace_id == workspace_id, D.kind == kind.value, D.item_number == number)
    ).all()
    existing = {r.key: r for r in rows}
    wanted = {delivery_key(workspace_id, kind, number, s.step): s for s in steps}
    for key, step in wanted.items():
        row = existing.get(key)
        if row is None:
            if step.due_at > now:
                insert_row(
                    session,
                    workspace_id=workspace_id,
                    key=key,
                    kind=kind,
                    item_number=number,
                    step=step.step,
                    due_at=step.due_at,
                    channel=channel,
                    now=now,
                )
            continue
        status = DeliveryStatus(row.status)
        if status is DeliveryStatus.PENDING:
            if row.due_at != step.due_at:
                if step.due_at > now:
                    _set(session, key, PENDING, now, due_at=step.due_at, channel=channel, not_before=None)
                else:
                    _set(
                        session,
                        key,
                        PENDING,
                        now,
                        status=DeliveryStatus.CANCELLED.value,
                        last_error="replanned",
                    )
            elif row.channel != channel:
                _set(session, key, PENDING, now, channel=channel)
        elif status is DeliveryStatus.CANCELLED and step.due_at > now:
            _set(
                session,
                key,
                DeliveryStatus.CANCELLED.value,
                now,
                status=PENDING,
                due_at=step.due_at,
                channel=channel,
                not_before=None,
                last_error=None,
                late=False,
            )
    for key, row in existing.items():
        if key not in wanted and row.status == PENDING:
            _set(session, key, PENDING, now, status=DeliveryStatus.CANCELLED.value, last_error="not_wanted")


def _set(session: Session, key: str, only_if: str, now: dt.datetime, **values: Any) -> bool:
    """Update one row if it is still in state `only_if` (a claimer may have taken it meanwhile)."""
    result = session.execute(
        update(D)
        .where(D.key == key, D.status == only_if)
        .values(updated_at=now, **values)
        .execution_options(synchronize_session=False)
    )
    return bool(getattr(result, "rowcount", 0))


def cancel_digests_except(session: Session, workspace_id: str, keep: Iterable[str], now: dt.datetime) -> None:
    """Pending weekly digests of a workspace that no longer match its channel are cancelled."""
    session.execute(
        update(D)
        .where(
            D.workspace_id == workspace_id,
            D.kind == DeliveryKind.DIGEST.value,
            D.step == "weekly",
            D.status == PENDING,
            D.due_at > now,
            D.key.not_in(list(keep)),
        )
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
    ) -> tuple[list[Claimed], int]:
        """Take the lease on up to `limit` due rows. Older due steps of an item that also has a
        later due step are dropped first: after downtime only the latest is sent. Returns the
        claimed rows and how many were dropped."""
        scope = _scope(self.local, include_local=include_local, include_remote=include_remote)
        with self._writers() as s:
            dropped = self._drop_superseded(s, now)
            query = (
                select(D)
                .where(
                    D.status == PENDING,
                    D.due_at <= now,
                    or_(D.not_before.is_(None), D.not_before <= now),
                    scope,
                )
                .order_by(D.due_at, D.id)
                .limit(limit)
            )
            if kinds is not None:
                query = query.where(D.kind.in_([k.value for k in kinds]))
            if self._postgres:
                query = query.with_for_update(skip_locked=True)
            rows = s.scalars(query).all()
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
        return claimed, dropped

    def _drop_superseded(self, s: Session, now: dt.datetime) -> int:
        later = aliased(DeliveryRow)
        same_item = or_(
            and_(D.item_number.is_not(None), later.item_number == D.item_number),
            and_(D.kind == DeliveryKind.DIGEST.value, later.channel == D.channel),
        )
        newer = (
            exists()
            .where(
                later.workspace_id == D.workspace_id,
                later.kind == D.kind,
                same_item,
                later.due_at > D.due_at,
                later.due_at <= now,
                later.status.in_(_SUPERSEDING),
            )
            .correlate(D)
        )
        result = s.execute(
            update(D)
            .where(D.status == PENDING, D.due_at <= now, newer)
            .values(status=DeliveryStatus.DROPPED.value, last_error="superseded", updated_at=now)
            .execution_options(synchronize_session=False)
        )
        return int(getattr(result, "rowcount", 0) or 0)

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

    def release(self, key: str, owner: str, now: dt.datetime) -> bool:
        """Give a claimed row back untried (paced out this round)."""
        return self.record(key, owner, DeliveryStatus.PENDING, now, attempts=D.attempts - 1)

    def rows(self, keys: Sequence[str] | None = None) -> list[DeliveryView]:
        with self._readers() as s:
            query = select(D).order_by(D.due_at, D.id)
            if keys is not None:
                query = query.where(D.key.in_(list(keys)))
            return [_view(r) for r in s.scalars(query).all()]
