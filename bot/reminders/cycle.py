"""The meeting cycle's posts in the outbox: planning them (inside the unit of work of the change
that caused them, idempotently, like every reminder) and building their messages right before
sending, from the register as it reads then.

- the notice (kallelse) of a meeting: MEETING_NOTICE_WORKDAYS working days before, or at once
  when asked for (`meeting notice`: each ask is a row of its own, keyed by its count);
- a consultation's draft, due before the meeting that adopts the answer (`consultation plan`);
- the announcement of a new meeting, consultation or decision (ANNOUNCE), once: its row is
  added in the same transaction as the record, and never again (the key is the record's).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from zoneinfo import ZoneInfo

from bot.core.agenda import notice_of
from bot.core.base import RecordType
from bot.core.bodies import Body
from bot.core.clock import local_date
from bot.core.consultations import Consultation
from bot.core.decisions import Decision
from bot.core.meeting_cycle import NoticeAsk
from bot.core.meetings import Meeting
from bot.core.outbox import Claimed, ItemPlan, Outbox
from bot.core.ports import UnitOfWork
from bot.core.reminders import DeliveryKind, ReminderPlanner, Step, delivery_key, still_wanted
from bot.views.cycle_posts import announcement, draft_reminder, notice_message
from bot.views.message import Message
from bot.views.words import Words

#: kinds whose messages this module builds
CYCLE_KINDS = frozenset({DeliveryKind.NOTICE, DeliveryKind.ANNOUNCE, DeliveryKind.DRAFT})
#: a record is announced when it was entered this recently (so an edit of an old one is not news)
ANNOUNCE_WINDOW = dt.timedelta(minutes=10)
#: a decision is news for this long after the day it was taken
DECISION_NEWS = dt.timedelta(days=30)
#: at most this many plans are re-planned per workspace and pass
PLAN_LIMIT = 5000

Channel = Callable[[UnitOfWork, Body | None], str | None]


class CyclePlanning:
    def __init__(self, planner: ReminderPlanner, box: Outbox, channel_for: Channel) -> None:
        self.planner = planner
        self.outbox = box
        self.channel_for = channel_for

    # -- one item changed ----------------------------------------------------------------------

    def plan_item(self, reg: UnitOfWork, record_type: RecordType, number: int, now: dt.datetime) -> None:
        if record_type is RecordType.MEETING:
            m = reg.meetings.get(number)
            if m is None:
                return
            self.plan_notice(reg, m, now)
            for plan in reg.cycle.plans_for(m.id):
                self.plan_draft(reg, plan.consultation_number, now)
            self.announce(reg, record_type, m, now)
        elif record_type is RecordType.CONSULTATION:
            c = reg.consultations.get(number)
            if c is None:
                return
            self.plan_draft(reg, number, now)
            self.announce(reg, record_type, c, now)
        elif record_type is RecordType.DECISION:
            d = reg.decisions.get(number)
            if d is not None:
                self.announce(reg, record_type, d, now)

    def plan_notice(self, reg: UnitOfWork, m: Meeting, now: dt.datetime) -> None:
        self.plan_notices(reg, [m], {m.id: a} if (a := reg.cycle.notice_ask(m.id)) else {}, now)

    def plan_notices(
        self, reg: UnitOfWork, meetings: Sequence[Meeting], asks: Mapping[int, NoticeAsk], now: dt.datetime
    ) -> None:
        """The notices of many meetings with one comparison of their rows (like every reminder);
        a notice asked for at once is due now, which planning (for the future only) does not add,
        so its row is added here unless it exists."""
        today = self.planner.today(now)
        plans: list[ItemPlan] = []
        asked: dict[str, tuple[Meeting, Step, str | None]] = {}
        for m in meetings:
            steps = self.planner.notice_steps(m, asks.get(m.id)) if m.date >= today else []
            channel = self.channel_for(reg, m.body)
            plans.append(ItemPlan(m.number, steps, channel))
            for step in steps:
                if step.step.startswith("asked"):
                    key = delivery_key(reg.workspace_id, DeliveryKind.NOTICE, m.number, step.step)
                    asked[key] = (m, step, channel)
        rows = self.outbox.within(reg)
        rows.sync_items(reg.workspace_id, DeliveryKind.NOTICE, plans, now)
        existing = rows.existing_keys(list(asked)) if asked else set()
        for key, (m, step, channel) in asked.items():
            if key not in existing:
                rows.insert_row(
                    workspace_id=reg.workspace_id,
                    key=key,
                    kind=DeliveryKind.NOTICE,
                    item_number=m.number,
                    step=step.step,
                    due_at=step.due_at,
                    channel=channel,
                    now=now,
                )

    def plan_draft(self, reg: UnitOfWork, number: int, now: dt.datetime) -> None:
        c = reg.consultations.get(number)
        if c is None:
            return
        plan = reg.cycle.plan_of(c.id)
        steps = []
        if plan is not None:
            m = reg.meetings.get(plan.meeting_number)
            if m is not None:
                steps = self.planner.draft_steps(c, plan, m)
        channel = self.channel_for(reg, c.body)
        self.outbox.within(reg).sync_items(
            reg.workspace_id, DeliveryKind.DRAFT, [ItemPlan(c.number, steps, channel)], now
        )

    def announce(
        self,
        reg: UnitOfWork,
        record_type: RecordType,
        item: Meeting | Consultation | Decision,
        now: dt.datetime,
    ) -> None:
        """Announce a record entered just now, once, if it is news (not a past meeting, an
        answered consultation or an old decision)."""
        if not self.planner.rules.announce:
            return
        created = reg.cycle.created_at(record_type, item.number)
        if created is None or now - created > ANNOUNCE_WINDOW:
            return
        if not _is_news(item, self.planner.today(now)):
            return
        channel = self.channel_for(reg, item.body)
        if channel is None:
            return  # nowhere to say it: unlike a reminder, an announcement is not owed to anyone
        self.outbox.within(reg).insert_row(
            workspace_id=reg.workspace_id,
            key=delivery_key(reg.workspace_id, DeliveryKind.ANNOUNCE, item.number, "new"),
            kind=DeliveryKind.ANNOUNCE,
            item_number=item.number,
            step="new",
            due_at=now,
            channel=channel,
            now=now,
        )

    # -- the periodic pass ---------------------------------------------------------------------

    def plan_workspace(self, reg: UnitOfWork, meetings: tuple[Meeting, ...], now: dt.datetime) -> None:
        """Every upcoming meeting's notice and every planned consultation's draft."""
        self.plan_notices(reg, meetings, reg.cycle.notice_asks([m.id for m in meetings]), now)
        for plan in reg.cycle.plans_from(self.planner.today(now), PLAN_LIMIT):
            self.plan_draft(reg, plan.consultation_number, now)


def _is_news(item: Meeting | Consultation | Decision, today: dt.date) -> bool:
    if isinstance(item, Meeting):
        return not item.cancelled and item.date >= today
    if isinstance(item, Consultation):
        return item.submitted_on is None and item.due_on >= today
    return item.decided_on >= today - DECISION_NEWS


def cycle_message(reg: UnitOfWork, row: Claimed, p: Words, zone: ZoneInfo) -> Message | None:
    """A notice, announcement or draft reminder as the register reads now (None: not to be sent)."""
    number = row.item_number or 0
    if row.kind is DeliveryKind.NOTICE:
        m = reg.meetings.get(number)
        if m is None or not still_wanted(row.kind, m, row.step, p.today):
            return None
        return notice_message(p, notice_of(reg, m), late=row.late)
    if row.kind is DeliveryKind.DRAFT:
        c = reg.consultations.get(number)
        if c is None or not still_wanted(row.kind, c, row.step, p.today):
            return None
        plan = reg.cycle.plan_of(c.id)
        m = reg.meetings.get(plan.meeting_number) if plan else None
        if plan is None or m is None or m.cancelled:
            return None
        # the row is due on the draft's day, at REMINDER_TIME
        return draft_reminder(p, c, plan, m, local_date(row.due_at, zone), late=row.late)
    record_type = reg.workspace.record_type_of(number)
    item: Meeting | Consultation | Decision | None = None
    if record_type is RecordType.MEETING:
        item = reg.meetings.get(number)
    elif record_type is RecordType.CONSULTATION:
        item = reg.consultations.get(number)
    elif record_type is RecordType.DECISION:
        item = reg.decisions.get(number)
    if item is None or (isinstance(item, Meeting) and item.cancelled):
        return None
    return announcement(p, item)
