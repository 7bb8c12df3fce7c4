"""Reminder rules: which reminders an item has, on which working day, at which instant.

Pure rules over the core's records. A step's local wall-clock time (REMINDER_TIME on a working
day) is fixed first and converted to UTC last, so a daylight-saving change never moves a
reminder's local time. What has been planned and sent lives in the outbox (`bot.core.outbox`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from zoneinfo import ZoneInfo

from bot.core.clock import local_date, local_instant
from bot.core.meeting_cycle import ConsultationPlan, NoticeAsk, draft_due
from bot.core.model import Consultation, Decision, Meeting
from bot.core.workdays import WorkingDays

#: a decision's follow-up is reminded 5 working days before and on its date (CONTRACT)
FOLLOW_UP_WORKDAYS = (5, 0)
#: how long after its time a reminder still counts as on time (later ones say they are late)
LATE_AFTER = dt.timedelta(minutes=30)
#: how far back the planner looks for consultations whose overdue notice may still be due
OVERDUE_LOOKBACK = dt.timedelta(days=14)


class DeliveryKind(StrEnum):
    CONSULTATION = "consultation"
    MEETING = "meeting"
    FOLLOW_UP = "follow_up"
    DIGEST = "digest"
    # the meeting cycle (bot.reminders.cycle)
    NOTICE = "notice"  # a meeting's notice (kallelse), with buttons to answer attendance
    ANNOUNCE = "announce"  # a new meeting, consultation or decision, said once in its channel
    DRAFT = "draft"  # a consultation's draft is due before the meeting that adopts the answer


class DeliveryStatus(StrEnum):
    """The life of an outbox row.

    pending -> sending (claimed, with a lease) -> sent | pending (rate limited) | unknown
    (the post may or may not have gone out: the reconciler asks Slack) | failed (permanent).
    dropped: an older step superseded by a later one after downtime. cancelled: no longer valid
    (the item was submitted, cancelled, finished or re-dated).
    """

    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    UNKNOWN = "unknown"
    FAILED = "failed"
    DROPPED = "dropped"
    CANCELLED = "cancelled"


#: rows that will not change again
FINAL = frozenset({DeliveryStatus.SENT, DeliveryStatus.FAILED, DeliveryStatus.DROPPED})

#: the reason stored on a row that had nowhere to go
NO_CHANNEL = "no_channel"


@dataclass(frozen=True, slots=True)
class Step:
    """One planned reminder of one item: `step` names it (`wd5`, `overdue`), `day` is local."""

    kind: DeliveryKind
    number: int
    step: str
    day: dt.date
    due_at: dt.datetime  # aware UTC


@dataclass(frozen=True, slots=True)
class ReminderRules:
    """The settings that decide when reminders and digests fall due."""

    zone: ZoneInfo
    reminder_time: dt.time
    consultation_workdays: tuple[int, ...]
    meeting_workdays: tuple[int, ...]
    digest_day: int  # 0 = Monday
    digest_time: dt.time
    #: MEETING_NOTICE_WORKDAYS: the notice goes out this many working days before the meeting
    notice_workdays: int = 5
    #: ANNOUNCE: new records are announced in their body's channel
    announce: bool = True


def delivery_key(workspace_id: str, kind: DeliveryKind, number: int, step: str) -> str:
    return f"{kind.value}:{workspace_id}:{number}:{step}"


def digest_key(workspace_id: str, channel: str, day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"digest:{workspace_id}:{channel}:{year}-W{week:02d}"


def step_name(workdays_before: int) -> str:
    return f"wd{workdays_before}"


class ReminderPlanner:
    """Turns items into their reminder steps (pure: no storage, no clock of its own)."""

    def __init__(self, rules: ReminderRules, workdays: WorkingDays) -> None:
        self.rules = rules
        self.workdays = workdays

    def at(self, day: dt.date, time: dt.time | None = None) -> dt.datetime:
        """The UTC instant of `time` (default REMINDER_TIME) on local `day`."""
        return local_instant(day, time or self.rules.reminder_time, self.rules.zone)

    def today(self, now: dt.datetime) -> dt.date:
        return local_date(now, self.rules.zone)

    def _steps(self, kind: DeliveryKind, number: int, days: list[tuple[str, dt.date]]) -> list[Step]:
        seen: set[dt.date] = set()
        steps = []
        # Two steps on one day (a short ladder near a holiday) would say the same thing twice.
        for name, day in sorted(days, key=lambda s: s[1], reverse=True):
            if day in seen:
                continue
            seen.add(day)
            steps.append(Step(kind, number, name, day, self.at(day)))
        return sorted(steps, key=lambda s: s.due_at)

    def consultation_steps(self, c: Consultation) -> list[Step]:
        """Each REMINDER_WORKDAYS step before the due date, and one overdue notice on the first
        working day after it. A submitted consultation has none."""
        if c.submitted_on is not None:
            return []
        days = [(step_name(n), self.workdays.before(c.due_on, n)) for n in self.rules.consultation_workdays]
        days = [(name, day) for name, day in days if c.received_on is None or day >= c.received_on]
        days.append(("overdue", self.workdays.after(c.due_on, 1)))
        return self._steps(DeliveryKind.CONSULTATION, c.number, days)

    def meeting_steps(self, m: Meeting) -> list[Step]:
        if m.cancelled:
            return []
        days = [(step_name(n), self.workdays.before(m.date, n)) for n in self.rules.meeting_workdays]
        return self._steps(DeliveryKind.MEETING, m.number, days)

    def follow_up_steps(self, d: Decision) -> list[Step]:
        if d.follow_up_on is None or d.follow_up_done_on is not None:
            return []
        days = [(step_name(n), self.workdays.before(d.follow_up_on, n)) for n in FOLLOW_UP_WORKDAYS]
        return self._steps(DeliveryKind.FOLLOW_UP, d.number, days)

    def notice_steps(self, m: Meeting, asked: NoticeAsk | None) -> list[Step]:
        """The notice MEETING_NOTICE_WORKDAYS before the meeting; asked for at once
        (`meeting notice`), that ask instead (each ask is a step of its own)."""
        if m.cancelled:
            return []
        if asked is not None:
            day = self.today(asked.asked_at)
            return [Step(DeliveryKind.NOTICE, m.number, f"asked{asked.count}", day, asked.asked_at)]
        day = self.workdays.before(m.date, self.rules.notice_workdays)
        return [Step(DeliveryKind.NOTICE, m.number, "notice", day, self.at(day))]

    def draft_steps(self, c: Consultation, plan: ConsultationPlan, m: Meeting) -> list[Step]:
        """A planned consultation's draft, due `draft_workdays` working days before the meeting
        that adopts the answer."""
        if c.submitted_on is not None or m.cancelled or plan.meeting_number != m.number:
            return []
        day = draft_due(self.workdays, m, plan)
        return [Step(DeliveryKind.DRAFT, c.number, "draft", day, self.at(day))]

    def snoozed(self, day: dt.date) -> dt.datetime:
        """Where a snoozed step goes: the next working day after its own, at REMINDER_TIME."""
        return self.at(self.workdays.after(day, 1))

    # -- the digest ----------------------------------------------------------------------------

    def digest_day(self, day: dt.date) -> dt.date:
        """The day of the digest of the ISO week holding `day`: DIGEST_DAY, or the first working
        day of the week when that is not one."""
        monday = day - dt.timedelta(days=day.weekday())
        wanted = monday + dt.timedelta(days=self.rules.digest_day)
        if self.workdays.is_working_day(wanted):
            return wanted
        first = self.workdays.first_of_week(day)
        # a week without a single working day keeps its nominal day
        return first if first - monday < dt.timedelta(days=7) else wanted

    def digest_at(self, day: dt.date) -> dt.datetime:
        return self.at(self.digest_day(day), self.rules.digest_time)


def is_late(due_at: dt.datetime, now: dt.datetime) -> bool:
    return now - due_at > LATE_AFTER


def still_wanted(
    kind: DeliveryKind,
    item: Consultation | Meeting | Decision | None,
    step: str,
    today: dt.date,
) -> bool:
    """Checked right before sending: is this reminder still worth sending? Nothing goes out for
    a submitted consultation, a cancelled or past meeting, or a finished follow-up."""
    if item is None:
        return False
    match kind:
        case DeliveryKind.CONSULTATION:
            assert isinstance(item, Consultation)
            return item.submitted_on is None and (step == "overdue" or item.due_on >= today)
        case DeliveryKind.MEETING:
            assert isinstance(item, Meeting)
            return not item.cancelled and item.date >= today
        case DeliveryKind.FOLLOW_UP:
            assert isinstance(item, Decision)
            return item.follow_up_on is not None and item.follow_up_done_on is None
        case DeliveryKind.NOTICE:
            assert isinstance(item, Meeting)
            return not item.cancelled and item.date >= today
        case DeliveryKind.DRAFT:
            assert isinstance(item, Consultation)
            return item.submitted_on is None
    return True


@dataclass(frozen=True, slots=True)
class DeliveryView:
    """An outbox row as the `reminders` command shows it."""

    key: str
    kind: DeliveryKind
    step: str
    due_at: dt.datetime
    status: DeliveryStatus
    late: bool
    channel: str | None
    sent_at: dt.datetime | None
    not_before: dt.datetime | None
    last_error: str | None
    attempts: int

    @property
    def when(self) -> dt.datetime:
        """When it will go (or went): a snooze or a rate limit may have moved it."""
        if self.sent_at is not None:
            return self.sent_at
        if self.not_before is not None and self.not_before > self.due_at:
            return self.not_before
        return self.due_at


@dataclass(frozen=True, slots=True)
class ReminderOverview:
    """The answer to `reminders <id>`: an item's reminders, planned and sent."""

    kind: DeliveryKind
    number: int
    title: str
    deliveries: tuple[DeliveryView, ...]
    #: the committee's zone, in which the times are shown
    zone: dt.tzinfo
    #: why there is nothing to send (submitted, cancelled, done, no_follow_up), or None
    inactive: str | None = None


@dataclass(frozen=True, slots=True)
class ReminderSnoozed:
    kind: DeliveryKind
    number: int
    step: str
    was: dt.datetime
    now_at: dt.datetime
    zone: dt.tzinfo
