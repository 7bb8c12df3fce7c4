"""Keeping the outbox in step with the register.

The service tells the planner about every change to a meeting, consultation or decision inside
its own unit of work, so a reminder row is added, moved or cancelled in the same transaction as
the change that caused it. A periodic pass re-plans every open item and the weekly digests, so a
changed setting (REMINDER_WORKDAYS, a new digest channel) is honoured without any edit.
"""

from __future__ import annotations

import datetime as dt
import logging

from bot.core.clock import Clock
from bot.core.model import Body, RecordType
from bot.core.outbox import ItemPlan, Outbox
from bot.core.ports import UnitOfWork, UnitOfWorkFactory
from bot.core.reminders import OVERDUE_LOOKBACK, DeliveryKind, ReminderPlanner, digest_key
from bot.reminders.cycle import CyclePlanning

log = logging.getLogger(__name__)

#: where the console's workspace "posts" when no channel is set: its own printer
CONSOLE_CHANNEL = "console"
#: at most this many open items of a kind are re-planned per workspace and pass
PLAN_LIMIT = 5000


class ReminderPlanning:
    def __init__(
        self,
        planner: ReminderPlanner,
        registers: UnitOfWorkFactory,
        box: Outbox,
        clock: Clock,
        *,
        default_channel: str | None,
        local_workspace: str,
    ) -> None:
        self.planner = planner
        self.registers = registers
        self.outbox = box
        self.clock = clock
        self.default_channel = default_channel
        self.local_workspace = local_workspace
        #: the meeting cycle's notices, drafts and announcements
        self.cycle = CyclePlanning(planner, box, self.channel_for)

    # -- where messages go ---------------------------------------------------------------------

    def fallback_channel(self, reg: UnitOfWork) -> str | None:
        """The workspace's digest channel, else DIGEST_CHANNEL; the console's own printer for
        the local workspace."""
        channel = reg.workspace.digest_channel() or self.default_channel
        if channel is None and reg.workspace_id == self.local_workspace:
            return CONSOLE_CHANNEL
        return channel

    def channel_for(self, reg: UnitOfWork, body: Body | None) -> str | None:
        if body is not None and body.channel:
            return body.channel
        return self.fallback_channel(reg)

    # -- the service's listener ----------------------------------------------------------------

    def item_changed(self, register: UnitOfWork, record_type: RecordType, number: int) -> None:
        """Re-plan one item's reminders inside the service's unit of work."""
        self.plan_item(register, record_type, number, self.clock.now())

    def plan_item(self, reg: UnitOfWork, record_type: RecordType, number: int, now: dt.datetime) -> None:
        p = self.planner
        if record_type is RecordType.CONSULTATION:
            c = reg.consultations.get(number)
            steps = p.consultation_steps(c) if c else []
            channel = self.channel_for(reg, c.body if c else None)
            kind = DeliveryKind.CONSULTATION
        elif record_type is RecordType.MEETING:
            m = reg.meetings.get(number)
            steps = p.meeting_steps(m) if m else []
            channel = self.channel_for(reg, m.body if m else None)
            kind = DeliveryKind.MEETING
        elif record_type is RecordType.DECISION:
            d = reg.decisions.get(number)
            steps = p.follow_up_steps(d) if d else []
            channel = self.channel_for(reg, d.body if d else None)
            kind = DeliveryKind.FOLLOW_UP
        else:
            return
        self.outbox.within(reg).sync_items(reg.workspace_id, kind, [ItemPlan(number, steps, channel)], now)
        self.cycle.plan_item(reg, record_type, number, now)

    # -- the periodic pass ---------------------------------------------------------------------

    def plan_all(self, now: dt.datetime) -> None:
        """Re-plan every open item and the digests of every workspace (cheap: only items that
        can still have a reminder are read, and only rows that differ are written)."""
        for ws in self.outbox.workspaces():
            with self.registers(ws.id, write=True) as reg:
                self._plan_workspace(reg, now)
                reg.commit()

    def _plan_workspace(self, reg: UnitOfWork, now: dt.datetime) -> None:
        """Every open item of the workspace, one kind at a time: its existing rows read in a few
        queries, compared with the planner's steps, and only the differences written."""
        today = self.planner.today(now)
        lookback = today - OVERDUE_LOOKBACK
        fallback = self.fallback_channel(reg)

        def channel(body: Body | None) -> str | None:
            return body.channel if body is not None and body.channel else fallback

        p = self.planner
        consultations = reg.consultations.due(start=lookback, end=None, received_by=None, limit=PLAN_LIMIT)
        meetings = reg.meetings.find(body_id=None, start=today, end=None, limit=PLAN_LIMIT)
        follow_ups = reg.decisions.follow_ups_due(start=today, end=None, limit=PLAN_LIMIT)
        plans = {
            DeliveryKind.CONSULTATION: [
                ItemPlan(c.number, p.consultation_steps(c), channel(c.body)) for c in consultations.items
            ],
            DeliveryKind.MEETING: [
                ItemPlan(m.number, p.meeting_steps(m), channel(m.body)) for m in meetings.items
            ],
            DeliveryKind.FOLLOW_UP: [
                ItemPlan(d.number, p.follow_up_steps(d), channel(d.body)) for d in follow_ups.items
            ],
        }
        rows = self.outbox.within(reg)
        for kind, items in plans.items():
            rows.sync_items(reg.workspace_id, kind, items, now)
        self.cycle.plan_workspace(reg, meetings.items, now)
        self._plan_digests(reg, now, fallback)

    def plan_digests(self, reg: UnitOfWork, now: dt.datetime) -> None:
        """This week's digest (if its time is still ahead) and next week's, to the workspace's
        digest channel. Planned a week ahead, so a digest missed while the bot was down is still
        in the outbox when it comes back."""
        self._plan_digests(reg, now, self.fallback_channel(reg))

    def _plan_digests(self, reg: UnitOfWork, now: dt.datetime, channel: str | None) -> None:
        if channel is None:
            return
        today = self.planner.today(now)
        wanted = {}
        for day in (today, today + dt.timedelta(days=7)):
            key = digest_key(reg.workspace_id, channel, self.planner.digest_day(day))
            wanted[key] = self.planner.digest_at(day)
        rows = self.outbox.within(reg)
        existing = rows.existing_keys(wanted)
        for key, due in wanted.items():
            if due > now and key in existing:
                rows.revive(key, due, channel, now)  # cancelled when the channel changed, wanted again
            elif due > now:
                rows.insert_row(
                    workspace_id=reg.workspace_id,
                    key=key,
                    kind=DeliveryKind.DIGEST,
                    item_number=None,
                    step="weekly",
                    due_at=due,
                    channel=channel,
                    now=now,
                )
        rows.cancel_digests_except(reg.workspace_id, list(wanted), now)

    def digest_now(self, workspace_id: str, now: dt.datetime, *, force: bool) -> str | None:
        """The digest of the week holding `now`, due at once (`committee-bot digest`): the week's
        own row, or with `force` a new one. Returns its key, or None without a channel."""
        with self.registers(workspace_id, write=True) as reg:
            channel = self.fallback_channel(reg)
            if channel is None:
                return None
            today = self.planner.today(now)
            key = digest_key(workspace_id, channel, self.planner.digest_day(today))
            step = "weekly"
            if force:
                key, step = f"{key}:forced:{now.strftime('%Y%m%dT%H%M%S.%f')}", "forced"
            rows = self.outbox.within(reg)
            due = now if force else min(now, self.planner.digest_at(today))
            if not rows.insert_row(
                workspace_id=workspace_id,
                key=key,
                kind=DeliveryKind.DIGEST,
                item_number=None,
                step=step,
                due_at=due,
                channel=channel,
                now=now,
            ):
                rows.revive(key, due, channel, now)
            rows.make_due_now(key, now)
            reg.commit()
        return key
