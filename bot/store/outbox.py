"""The outbox's SQL for sending: claims and outcomes, each in a short transaction of its own.

Sending claims due rows in a short transaction with a lease (`FOR UPDATE SKIP LOCKED` on
PostgreSQL; on SQLite the writer session's `BEGIN IMMEDIATE` makes claimers take turns), commits,
and later records the outcome only if the row still carries the caller's lease token (one per
claim: a token, not a time, decides whose lease it is). With `database_clock`, what is due and
whose lease has run out are judged by the database's clock, which every process shares, so a
process whose own clock runs ahead can neither send early nor take a lease still running
elsewhere. See shared/RELIABILITY.md for why. The rows inside a register's unit of work (planning) are `bot.store.outbox_rows`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from typing import Any

from sqlalchemy import ColumnElement, Engine, and_, bindparam, or_, select, text, update
from sqlalchemy.orm import Session, sessionmaker

from bot.core.outbox import Claimed, RowOutcome, WorkspaceInfo
from bot.core.platforms import CONSOLE, PLATFORMS, SLACK, TEAMS, TENANT_ID_LIKE
from bot.core.ports import UnitOfWork
from bot.core.reminders import DeliveryKind, DeliveryStatus, DeliveryView, is_late
from bot.store.db import session_factory
from bot.store.models import DeliveryRow, Workspace
from bot.store.outbox_rows import DELIVERIES, PENDING, SessionRows, chunks, view
from bot.store.unit_of_work import SqlUnitOfWork

D = DeliveryRow
SENDING = DeliveryStatus.SENDING.value
#: a later step in one of these states makes an older due step redundant (catch-up)
_SUPERSEDING = (PENDING, SENDING, DeliveryStatus.SENT.value, DeliveryStatus.UNKNOWN.value)
#: the superseding states other than pending: sent, or in flight
_GONE_OUT = tuple(s for s in _SUPERSEDING if s != PENDING)
#: the claim reads this many candidates per row it may take when it takes one row per channel
_CANDIDATES_PER_ROW = 4


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


def _scope(local: str, platforms: Collection[str]) -> ColumnElement[bool]:
    """Which workspaces' rows a process may handle: those of the platforms it can post to, told
    apart by their ids as `bot.core.platforms.platform_of` does."""
    remote = D.workspace_id != local
    tenant = D.workspace_id.like(TENANT_ID_LIKE)
    where: dict[str, ColumnElement[bool]] = {
        CONSOLE: D.workspace_id == local,
        TEAMS: and_(remote, tenant),
        SLACK: and_(remote, ~tenant),
    }
    wanted = [where[p] for p in PLATFORMS if p in platforms]
    if len(wanted) == len(PLATFORMS):
        return D.id.is_not(None)
    return or_(*wanted) if wanted else D.id.is_(None)


def _shifted(values: dict[str, Any], shift: dt.timedelta) -> dict[str, Any]:
    """An outcome's times (sent_at, a rate limit's not_before), which the caller reckoned by its
    own clock, moved onto the clock the outbox judges by."""
    if not shift:
        return values
    return {c: v + shift if isinstance(v, dt.datetime) else v for c, v in values.items()}


class SqlOutbox:
    """The core's `Outbox` port in the bot's database."""

    def __init__(self, engine: Engine, local_workspace: str, *, database_clock: bool = False) -> None:
        self._writers: sessionmaker[Session] = session_factory(engine, write=True)
        self._readers: sessionmaker[Session] = session_factory(engine)
        self._postgres = engine.dialect.name == "postgresql"
        self.local = local_workspace
        #: True: what is due, whose lease ran out and when a row changed are judged by the
        #: database's clock, the one clock every process shares (a process whose own clock is
        #: minutes ahead would otherwise take leases still running elsewhere); False: by the
        #: caller's `now` (a fixed clock: tests and `--now`)
        self.database_clock = database_clock

    def _now(self, s: Session, now: dt.datetime) -> dt.datetime:
        """The instant a claim or an outcome is judged by: the database's, or the caller's."""
        if not self.database_clock:
            return now
        if self._postgres:
            value = s.scalar(text("SELECT statement_timestamp()"))
        else:
            raw = s.scalar(text("SELECT strftime('%Y-%m-%d %H:%M:%f', 'now')"))
            value = dt.datetime.fromisoformat(str(raw))
        if not isinstance(value, dt.datetime):
            raise TypeError(f"the database's clock answered {value!r}")
        return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)

    def writing(self) -> Session:
        """A writer session of the outbox's database (tests set up rows with it)."""
        return self._writers()

    def within(self, register: UnitOfWork) -> SessionRows:
        """The rows in `register`'s own unit of work (it must be this database's register)."""
        if not isinstance(register, SqlUnitOfWork):
            raise TypeError("the outbox lives in the register's database: it needs a SqlUnitOfWork")
        return SessionRows(register.session)

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
        platforms: Collection[str],
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
        scope = _scope(self.local, platforms)
        fetch = limit * _CANDIDATES_PER_ROW if one_per_channel else limit
        with self._writers() as s:
            now = self._now(s, now)
            base = select(D).where(
                D.status == PENDING,
                D.due_at <= now,
                or_(D.not_before.is_(None), D.not_before <= now),
                scope,
            )
            if kinds is not None:
                base = base.where(D.kind.in_([k.value for k in kinds]))
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
            now = self._now(s, now)
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
                for chunk in chunks(sorted(wanted)):
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
            for chunk in chunks(older):
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
        platforms: Collection[str],
        recheck_after: dt.timedelta,
    ) -> list[Claimed]:
        """Take the lease on rows whose post may or may not have gone out: `unknown` ones once
        `recheck_after` has passed (a post that timed out may still land), and `sending` ones
        whose holder's lease ran out (it died between posting and recording)."""
        scope = _scope(self.local, platforms)
        with self._writers() as s:
            now = self._now(s, now)
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
        """Record an outcome if the row still carries the lease token `owner`. False: someone
        else holds it now (the outcome is theirs to record)."""
        with self._writers() as s:
            shift = self._now(s, now) - now
            now, values = now + shift, _shifted(values, shift)
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
            shapes.setdefault((o.status, o.undo_attempt, *sorted(o.values)), []).append(o)
        with self._writers() as s:
            shift = self._now(s, now) - now
            now = now + shift
            for group in shapes.values():
                first = group[0]
                bound = sorted(first.values)
                # a row given back untried: its claim does not count as an attempt
                fixed = {"attempts": table.c.attempts - 1} if first.undo_attempt else {}
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
                s.execute(
                    stmt,
                    [
                        {"b_key": o.key, **{f"b_{c}": v for c, v in _shifted(o.values, shift).items()}}
                        for o in group
                    ],
                )
            s.commit()

    def rows(self, keys: Sequence[str] | None = None) -> list[DeliveryView]:
        with self._readers() as s:
            query = select(D).order_by(D.due_at, D.id)
            if keys is not None:
                query = query.where(D.key.in_(list(keys)))
            return [view(r) for r in s.scalars(query).all()]
