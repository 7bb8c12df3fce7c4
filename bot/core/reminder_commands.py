"""The commands reminders bring: `reminders <id>`, `reminders snooze <id> [<step>]`, `digest`.

Their rules live here, in the core: which items have reminders and what is shown of them, who
may snooze (the item's owner, and every writer), which step a snooze moves. They are handed to
the service as extensions (`Committee.extensions`), so they parse, answer and fail exactly like
every other command; the rows themselves come through the `Outbox` port.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

from bot.core.clock import Clock, local_date
from bot.core.context import wrong_kind
from bot.core.digest import DEFAULT_SINCE, Digest, build_digest
from bot.core.errors import InvalidInput, NotAllowed, NotFound
from bot.core.grammar import Command
from bot.core.model import Actor, AuditEvent, RecordType
from bot.core.outbox import Outbox
from bot.core.ports import UnitOfWork, UnitOfWorkFactory
from bot.core.reminders import (
    DeliveryKind,
    DeliveryStatus,
    ReminderOverview,
    ReminderPlanner,
    ReminderSnoozed,
)

_KINDS = {
    RecordType.CONSULTATION: DeliveryKind.CONSULTATION,
    RecordType.MEETING: DeliveryKind.MEETING,
    RecordType.DECISION: DeliveryKind.FOLLOW_UP,
}


class ReminderCommands:
    def __init__(
        self,
        registers: UnitOfWorkFactory,
        box: Outbox,
        planner: ReminderPlanner,
        clock: Clock,
        zone: ZoneInfo,
        admin_users: frozenset[str],
    ) -> None:
        self.registers = registers
        self.outbox = box
        self.planner = planner
        self.clock = clock
        self.zone = zone
        self.admin_users = admin_users

    def extensions(self) -> dict[str, Callable[[Actor, Command], Any]]:
        return {"reminders": self.overview, "reminders.snooze": self.snooze, "digest": self.digest}

    def _item(
        self, reg: UnitOfWork, number: int, usage: str
    ) -> tuple[DeliveryKind, str, str | None, str | None]:
        """The item's kind, title, why it is inactive (or None), and its owner."""
        record_type = reg.workspace.record_type_of(number)
        if record_type is RecordType.CONSULTATION:
            c = reg.consultations.get(number)
            if c is None:  # removed
                raise wrong_kind(reg, number, record_type, usage)
            return DeliveryKind.CONSULTATION, c.title, "submitted" if c.submitted_on else None, c.owner
        if record_type is RecordType.MEETING:
            m = reg.meetings.get(number)
            if m is None:  # removed
                raise wrong_kind(reg, number, record_type, usage)
            title = f"{m.body.name} {m.date.isoformat()}"
            return DeliveryKind.MEETING, title, "cancelled" if m.cancelled else None, None
        if record_type is RecordType.DECISION:
            d = reg.decisions.get(number)
            if d is None:  # removed
                raise wrong_kind(reg, number, record_type, usage)
            inactive = "no_follow_up" if d.follow_up_on is None else "done" if d.follow_up_done_on else None
            text = d.text if len(d.text) <= 80 else d.text[:79] + "…"
            return DeliveryKind.FOLLOW_UP, text, inactive, d.owner
        raise NotFound("error.no_reminders_for", usage=usage, number=number)

    def overview(self, actor: Actor, cmd: Command) -> ReminderOverview:
        number: int = cmd.args["id"]
        with self.registers(actor.workspace_id) as reg:
            kind, title, inactive, _owner = self._item(reg, number, cmd.name)
            rows = self.outbox.within(reg).item_deliveries(actor.workspace_id, kind, number)
        return ReminderOverview(kind, number, title, tuple(rows), self.zone, inactive)

    def snooze(self, actor: Actor, cmd: Command) -> ReminderSnoozed:
        """Move the item's next planned reminder (or the named step) to the working day after
        its own, at REMINDER_TIME. The owner may, as may every writer."""
        number: int = cmd.args["id"]
        wanted: str | None = cmd.get("step")
        now = self.clock.now()
        with self.registers(actor.workspace_id, write=True) as reg:
            kind, _title, _inactive, owner = self._item(reg, number, cmd.name)
            if not actor.may_write and (owner is None or owner != actor.user_id):
                raise NotAllowed(
                    "error.snooze_not_allowed", number=number, admins=tuple(sorted(self.admin_users))
                )
            pending = [
                v
                for v in self.outbox.within(reg).item_deliveries(actor.workspace_id, kind, number)
                if v.status is DeliveryStatus.PENDING
            ]
            if not pending:
                raise InvalidInput("error.nothing_to_snooze", usage=cmd.name, number=number)
            if wanted is not None:
                chosen = [v for v in pending if v.step.casefold() == wanted.casefold()]
                if not chosen:
                    steps = ", ".join(v.step for v in pending)
                    raise InvalidInput(
                        "error.no_such_step", usage=cmd.name, number=number, step=wanted, steps=steps
                    )
                target = chosen[0]
            else:
                target = min(pending, key=lambda v: v.when)
            was = target.when
            until = self.planner.snoozed(local_date(max(was, now), self.zone))
            self.outbox.within(reg).snooze(target.key, until, now)
            reg.workspace.audit(
                AuditEvent(now, actor.user_id, "reminders.snooze", f"#{number}", {"step": target.step})
            )
            reg.commit()
        return ReminderSnoozed(kind, number, target.step, was, until, self.zone)

    def digest(self, actor: Actor, cmd: Command) -> Digest:
        """This week's digest, as it would be posted now (shown to the asker only)."""
        now = self.clock.now()
        today = local_date(now, self.zone)
        with self.registers(actor.workspace_id) as reg:
            since = self.outbox.within(reg).last_digest_sent(actor.workspace_id) or now - DEFAULT_SINCE
            return build_digest(reg, today, since, until=now)
