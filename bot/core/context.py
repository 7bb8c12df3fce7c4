"""What every command's rules lean on: the unit of work, the clock and calendar, who the admins
are, who listens for changes; and the small rules all kinds share (clean text, find by name,
the audit trail, "that number is something else")."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Protocol, TypeVar
from zoneinfo import ZoneInfo

from bot.core import parsing
from bot.core.base import Actor, AuditEvent, RecordType
from bot.core.clock import Clock, local_date
from bot.core.errors import InvalidInput, NotAllowed, NotFound
from bot.core.workdays import WorkingDays

if TYPE_CHECKING:
    from bot.core.ports import ItemListener, UnitOfWork, UnitOfWorkFactory

#: how many rows a list answers with; the rest are counted, never fetched
PAGE = 25
TITLE_LIMIT = 300
NAME_LIMIT = 120


class _Named(Protocol):
    @property
    def name(self) -> str: ...


N = TypeVar("N", bound=_Named)


class Context(Protocol):
    """What a command's rules are given (the `Committee` is one)."""

    @property
    def registers(self) -> UnitOfWorkFactory: ...
    @property
    def clock(self) -> Clock: ...
    @property
    def zone(self) -> ZoneInfo: ...
    @property
    def workdays(self) -> WorkingDays: ...
    @property
    def admin_users(self) -> frozenset[str]: ...
    @property
    def listeners(self) -> Sequence[ItemListener]: ...
    @property
    def large_amount(self) -> int:
        """Amounts (öre) above this are booked only when the asker confirms."""
        ...


def today(ctx: Context) -> dt.date:
    return local_date(ctx.clock.now(), ctx.zone)


def require_admin(ctx: Context, actor: Actor, action: str) -> None:
    if not actor.is_admin:
        raise NotAllowed("error.admin_only", action=action, admins=tuple(sorted(ctx.admin_users)))


def audit(ctx: Context, uow: UnitOfWork, actor: Actor, action: str, subject: str, **details: Any) -> None:
    clean = {k: (v.isoformat() if isinstance(v, dt.date | dt.time) else v) for k, v in details.items()}
    uow.workspace.audit(AuditEvent(ctx.clock.now(), actor.user_id, action, subject, clean))


def changed(ctx: Context, uow: UnitOfWork, record_type: RecordType, number: int) -> None:
    """Tell the listeners (reminder planning) that a dated item was added or changed."""
    for listener in ctx.listeners:
        listener.item_changed(uow, record_type, number)


def text(value: str, limit: int, usage: str) -> str:
    try:
        return parsing.clean_text(value, limit=limit)
    except InvalidInput as exc:
        exc.usage = usage
        raise


def optional_text(value: str | None, limit: int, usage: str) -> str | None:
    return None if value is None else text(value, limit, usage)


def find_named(items: Iterable[N], query: str, kind: str, usage: str) -> N:
    """Find a body or fund by any unambiguous part of its name."""
    wanted = parsing.fold(query).strip()
    candidates = list(items)
    exact = [i for i in candidates if parsing.fold(i.name) == wanted]
    if len(exact) == 1:
        return exact[0]
    partial = [i for i in candidates if wanted and wanted in parsing.fold(i.name)]
    if len(partial) == 1:
        return partial[0]
    if not partial:
        raise NotFound(
            f"error.{kind}_not_found", usage=usage, name=query, known=tuple(i.name for i in candidates)
        )
    raise InvalidInput(
        f"error.{kind}_ambiguous", usage=usage, name=query, matches=tuple(i.name for i in partial)
    )


def wrong_kind(uow: UnitOfWork, number: int, wanted: RecordType, usage: str) -> NotFound:
    """No `wanted` record has this number: say what it is instead, if anything (or that it was
    removed, and how to bring it back)."""
    actual = uow.workspace.record_type_of(number)
    if actual is wanted:
        return NotFound("error.record_removed", number=number, usage=usage)
    return NotFound("error.no_such_record", number=number, wanted=wanted.value, actual=actual, usage=usage)
