"""Sending what the outbox says is due, exactly once, from any number of processes.

Each round: look again at rows whose fate is unknown (reconcile), then claim due rows with a
lease, post each one outside any transaction, and record the outcome only while the lease is
still ours. Nothing here sleeps for long: a channel is paced to about one message a second, and
a rate-limited row simply waits in the outbox until Slack's Retry-After has passed.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket
import threading
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from bot.core.clock import local_date
from bot.core.digest import DEFAULT_SINCE, build_digest
from bot.core.reminders import NO_CHANNEL, DeliveryKind, DeliveryStatus, still_wanted
from bot.i18n import Translator
from bot.reminders.planning import ReminderPlanning
from bot.reminders.posting import Outcome, Poster
from bot.store import outbox
from bot.store.outbox import Claimed, Outbox
from bot.store.register import SqlRegisterFactory
from bot.views.digest import digest_message
from bot.views.message import Message
from bot.views.present import Presenter
from bot.views.reminders import consultation_reminder, follow_up_reminder, meeting_reminder

log = logging.getLogger(__name__)

#: far longer than the HTTP timeout of a post (shared/RELIABILITY.md: a lease shorter than
#: Slack's latency duplicated messages)
LEASE = dt.timedelta(minutes=5)
#: how often the full re-planning pass runs inside the ticker
PLAN_EVERY = dt.timedelta(minutes=5)
#: how long after an ambiguous post the reconciler looks for it: longer than the HTTP timeout,
#: since a post that timed out may still arrive at Slack
RECHECK_AFTER = dt.timedelta(seconds=30)
#: rows claimed at a time: small, so several processes share a burst (each paces its own posts)
BATCH = 5
#: how long one tick keeps claiming batches before leaving the rest to the next tick (seconds)
TICK_BUDGET = 10.0
#: seconds between two posts to one channel (chat.postMessage allows about one a second)
PACE = 1.0


@dataclass
class Counts:
    sent: int = 0
    skipped: int = 0
    failed: int = 0
    #: left in the outbox for a later round (rate limited, paced, or in doubt)
    waiting: int = 0

    def __iadd__(self, other: Counts) -> Counts:
        self.sent += other.sent
        self.skipped += other.skipped
        self.failed += other.failed
        self.waiting += other.waiting
        return self

    @property
    def done(self) -> int:
        return self.sent + self.skipped + self.failed


def process_owner() -> str:
    """A lease owner unique to this process (and this dispatcher)."""
    return f"{socket.gethostname()[:30]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


class Dispatcher:
    def __init__(
        self,
        box: Outbox,
        registers: SqlRegisterFactory,
        planning: ReminderPlanning,
        translator: Translator,
        zone: ZoneInfo,
        *,
        lease: dt.timedelta = LEASE,
        pace: float = PACE,
        batch: int = BATCH,
    ) -> None:
        self.outbox = box
        self.registers = registers
        self.planning = planning
        self.tr = translator
        self.zone = zone
        self.lease = lease
        self.pace = pace
        self.batch = batch
        self.owner = process_owner()
        #: the console's printer for the local workspace, and Slack for every other one
        self.local_poster: Poster | None = None
        self.slack_poster: Poster | None = None
        #: several workspaces (OAuth): each workspace's own poster, by workspace id; it wins over
        #: `slack_poster`
        self.slack_posters: Callable[[str], Poster] | None = None
        self._last_post: dict[str, float] = {}
        #: channels Slack rate-limited, until when (the same clock as the rows' not_before)
        self._blocked_until: dict[str, dt.datetime] = {}
        self._planned_at: dt.datetime | None = None
        #: whether the current round changed anything (the command line stops when not)
        self._progress = False
        #: how many rows the last `send` claimed
        self._claimed = 0
        self._lock = threading.Lock()

    # -- rounds --------------------------------------------------------------------------------

    def tick(self, now: dt.datetime) -> Counts:
        """The scheduler's job: re-plan now and then, reconcile, send one round."""
        with self._lock:
            if self._planned_at is None or not dt.timedelta(0) <= now - self._planned_at < PLAN_EVERY:
                self.planning.plan_all(now)
                self._planned_at = now
            counts = self.reconcile(now)
            started = time.monotonic()
            while True:
                self._progress = False
                counts += self.send(now)
                # stop when nothing was claimed, or only rows that had to be given back (a
                # rate-limited channel), or the tick has run long enough
                if not self._claimed or not self._progress or time.monotonic() - started > TICK_BUDGET:
                    return counts

    def run(
        self, now: dt.datetime, *, kinds: Sequence[DeliveryKind] | None = None, rounds: int = 100
    ) -> Counts:
        """Rounds until nothing more can be done at `now` (the command line's `dispatch`)."""
        with self._lock:
            total = Counts()
            for _ in range(rounds):
                self._progress = False
                round_counts = self.reconcile(now)
                round_counts += self.send(now, kinds=kinds)
                total.sent += round_counts.sent
                total.skipped += round_counts.skipped
                total.failed += round_counts.failed
                if round_counts.done == 0 and not self._progress:
                    total.waiting = round_counts.waiting
                    break
            return total

    @property
    def _scope(self) -> dict[str, bool]:
        return {
            "include_local": self.local_poster is not None,
            "include_remote": self.slack_poster is not None or self.slack_posters is not None,
        }

    def _poster(self, workspace_id: str) -> Poster | None:
        if workspace_id == self.outbox.local:
            return self.local_poster
        if self.slack_posters is not None:
            return self.slack_posters(workspace_id)
        return self.slack_poster

    # -- sending -------------------------------------------------------------------------------

    def send(self, now: dt.datetime, *, kinds: Sequence[DeliveryKind] | None = None) -> Counts:
        claimed, dropped = self.outbox.claim(
            now, self.owner, self.lease, limit=self.batch, kinds=kinds, **self._scope
        )
        counts = Counts(skipped=dropped)
        self._claimed = len(claimed)
        if dropped:
            log.info("dropped %d older reminder(s) superseded by a later one", dropped)
        for row in claimed:
            counts += self._deliver(row, now)
        return counts

    def _deliver(self, row: Claimed, now: dt.datetime) -> Counts:
        poster = self._poster(row.workspace_id)
        if poster is None:  # not ours to send (outside the claim's scope; kept for safety)
            self.outbox.release(row.key, self.owner, now)
            return Counts(waiting=1)
        if not row.channel:
            log.error("reminder %s has no channel: give its body a channel or set DIGEST_CHANNEL", row.key)
            self.outbox.record(row.key, self.owner, DeliveryStatus.FAILED, now, last_error=NO_CHANNEL)
            self._progress = True
            return Counts(failed=1)
        channel = row.channel
        blocked = self._blocked_until.get(channel)
        if blocked is not None and blocked > now:
            self.outbox.release(row.key, self.owner, now)
            return Counts(waiting=1)
        try:
            message = self._message(row, now, poster.cmd)
        except Exception as exc:
            log.exception("could not build the message of %s", row.key)
            self.outbox.record(
                row.key,
                self.owner,
                DeliveryStatus.FAILED,
                now,
                last_error=f"build: {type(exc).__name__}"[:200],
            )
            self._progress = True
            return Counts(failed=1)
        if message is None:
            self.outbox.record(row.key, self.owner, DeliveryStatus.CANCELLED, now, last_error="finished")
            self._progress = True
            return Counts(skipped=1)
        self._wait_for_channel(channel)
        result = poster.post(channel, message, row.key)
        self._last_post[channel] = time.monotonic()
        self._progress = True
        match result.outcome:
            case Outcome.OK:
                self.outbox.record(
                    row.key,
                    self.owner,
                    DeliveryStatus.SENT,
                    now,
                    sent_at=now,
                    message_ts=result.ts,
                    last_error=None,
                    not_before=None,
                )
                return Counts(sent=1)
            case Outcome.RATE_LIMITED:
                wait = max(1.0, result.retry_after or 1.0)
                self._blocked_until[channel] = now + dt.timedelta(seconds=wait)
                self.outbox.record(
                    row.key,
                    self.owner,
                    DeliveryStatus.PENDING,
                    now,
                    not_before=now + dt.timedelta(seconds=wait),
                    last_error="rate_limited",
                )
                return Counts(waiting=1)
            case Outcome.AMBIGUOUS:
                log.warning("posting %s may or may not have worked (%s); will check", row.key, result.error)
                self.outbox.record(
                    row.key,
                    self.owner,
                    DeliveryStatus.UNKNOWN,
                    now,
                    last_error=(result.error or "ambiguous")[:200],
                )
                return Counts(waiting=1)
            case _:
                log.error("posting %s to %s failed for good: %s", row.key, channel, result.error)
                self.outbox.record(
                    row.key,
                    self.owner,
                    DeliveryStatus.FAILED,
                    now,
                    last_error=(result.error or "failed")[:200],
                )
                return Counts(failed=1)

    def _wait_for_channel(self, channel: str) -> None:
        """About one message a second per channel: wait out the rest of that second."""
        last = self._last_post.get(channel)
        if last is None or self.pace <= 0:
            return
        remaining = last + self.pace - time.monotonic()
        if remaining > 0:
            time.sleep(min(remaining, self.pace))

    def _message(self, row: Claimed, now: dt.datetime, cmd: str) -> Message | None:
        """The message as the register reads now, or None when it should not be sent at all."""
        today = local_date(now, self.zone)
        p = Presenter(self.tr, cmd, today)
        with self.registers(row.workspace_id) as reg:
            if row.kind is DeliveryKind.DIGEST:
                since = outbox.last_digest_sent(reg.session, row.workspace_id) or now - DEFAULT_SINCE
                return digest_message(p, build_digest(reg, today, since), late=row.late)
            assert row.item_number is not None
            number = row.item_number
            if row.kind is DeliveryKind.CONSULTATION:
                c = reg.consultation(number)
                if c is None or not still_wanted(row.kind, c, row.step, today):
                    return None
                return consultation_reminder(p, c, row.step, late=row.late)
            if row.kind is DeliveryKind.MEETING:
                m = reg.meeting(number)
                if m is None or not still_wanted(row.kind, m, row.step, today):
                    return None
                return meeting_reminder(p, m, row.step, late=row.late)
            d = reg.decision(number)
            if d is None or not still_wanted(row.kind, d, row.step, today):
                return None
            return follow_up_reminder(p, d, row.step, late=row.late)

    # -- reconciling ---------------------------------------------------------------------------

    def reconcile(self, now: dt.datetime) -> Counts:
        """Rows whose post may have gone out: ask where they were posted before sending again."""
        counts = Counts()
        doubtful = self.outbox.claim_doubtful(
            now, self.owner, self.lease, limit=self.batch, recheck_after=RECHECK_AFTER, **self._scope
        )
        for row in doubtful:
            poster = self._poster(row.workspace_id)
            found = poster.find(row.channel, row.key) if poster is not None and row.channel else False
            if found is True:
                log.info("%s was posted after all; recorded as sent", row.key)
                self.outbox.record(
                    row.key, self.owner, DeliveryStatus.SENT, now, sent_at=now, last_error=None
                )
                counts.sent += 1
                self._progress = True
            elif found is False:
                self.outbox.record(row.key, self.owner, DeliveryStatus.PENDING, now, last_error="not_posted")
                self._progress = True
            else:
                self.outbox.record(row.key, self.owner, DeliveryStatus.UNKNOWN, now)
                counts.waiting += 1
        return counts
