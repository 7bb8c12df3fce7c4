"""The weekly digest: what goes into it (pure; the register is read through its port).

Meetings in the next 14 days, open consultations due in the next 30 days and all overdue ones,
decisions recorded since the last digest, follow-ups due in the next 14 days, and every fund's
balance (CONTRACT, "Reminders and digests"). Each group is a bounded `Page`: it knows how many
items there are in all, so the message can say how many it leaves out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bot.core.meeting_cycle import AgendaLine, agenda_lines
from bot.core.model import Consultation, ConsultationState, Decision, FundBalance, Meeting, Page
from bot.core.ports import UnitOfWork

MEETING_DAYS = 14
CONSULTATION_DAYS = 30
FOLLOW_UP_DAYS = 14
#: without an earlier digest, "new decisions" means the last week's
DEFAULT_SINCE = dt.timedelta(days=7)
#: at most this many items are read per group, as many as the message shows of a group
#: (`bot.views.digest.PER_GROUP`); it counts the rest. Reading three times that built objects
#: for rows no one saw: half the digest's time at decade size.
READ_LIMIT = 10


@dataclass(frozen=True, slots=True)
class Digest:
    today: dt.date
    week: int
    year: int
    since: dt.datetime
    meetings: Page[Meeting]
    overdue: Page[Consultation]
    due_soon: Page[Consultation]
    decisions: Page[Decision]
    follow_ups: Page[Decision]
    balances: tuple[FundBalance, ...]
    #: the agenda of the first of `meetings`, as it reads now
    next_agenda: tuple[AgendaLine, ...] = ()

    @property
    def total_balance(self) -> int:
        return sum(b.balance for b in self.balances)


def build_digest(
    reg: UnitOfWork,
    today: dt.date,
    since: dt.datetime,
    *,
    limit: int = READ_LIMIT,
    until: dt.datetime | None = None,
) -> Digest:
    """Read this week's digest from the register, every part as of `today` (a digest for a
    past `--now` shows that day's consultations and the decisions recorded by `until`)."""
    meetings = reg.meetings.find(
        body_id=None, start=today, end=today + dt.timedelta(days=MEETING_DAYS), limit=limit * 2
    )
    live = tuple(m for m in meetings.items if not m.cancelled)[:limit]
    cancelled = len(meetings.items) - len([m for m in meetings.items if not m.cancelled])
    year, week, _ = today.isocalendar()
    return Digest(
        today=today,
        week=week,
        year=year,
        since=since,
        meetings=Page(live, meetings.total - cancelled),
        overdue=reg.consultations.find(state=ConsultationState.OVERDUE, on=today, limit=limit),
        due_soon=reg.consultations.due(
            received_by=today, start=today, end=today + dt.timedelta(days=CONSULTATION_DAYS), limit=limit
        ),
        decisions=reg.decisions.recorded_since(since, limit=limit, until=until),
        follow_ups=reg.decisions.follow_ups_due(
            start=today, end=today + dt.timedelta(days=FOLLOW_UP_DAYS), limit=limit
        ),
        balances=tuple(reg.ledger.balances(today)),
        next_agenda=tuple(agenda_lines(reg, live[0])) if live else (),
    )
