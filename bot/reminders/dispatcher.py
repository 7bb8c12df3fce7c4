"""Sending what the outbox says is due, exactly once, from any number of processes.

Each round: look again at rows whose fate is unknown (reconcile), drop the catch-up steps a later
step supersedes, then claim due rows in small batches with a lease, post each one outside any
transaction, and record the batch's outcomes (in one short transaction) only while the lease is
still ours. Nothing here sleeps for long: a channel is paced to about one message a second, by
claiming rows of other channels first and waiting only when nothing else is due, and a
rate-limited row simply waits in the outbox until Slack's Retry-After has passed.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
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
from bot.core.model import Consultation, Decision, Meeting
from bot.core.reminders import NO_CHANNEL, DeliveryKind, DeliveryStatus, still_wanted
from bot.i18n import Translator
from bot.reminders.planning import ReminderPlanning
from bot.reminders.posting import Outcome, Poster, PostResult
from bot.store import outbox
from bot.store.outbox import Claimed, Outbox, RowOutcome, released
from bot.store.unit_of_work import SqlUnitOfWork, SqlUnitOfWorkFactory
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
#: rows claimed at a time by the ticker: small, so several processes share a burst (each paces
#: its own posts)
BATCH = 5
#: rows claimed at a time by `committee-bot dispatch` (`run`): larger, for fewer transactions;
#: several processes still share a burst of hundreds
RUN_BATCH = 20
#: how long one tick keeps claiming batches before leaving the rest to the next tick (seconds)
TICK_BUDGET = 10.0
#: how long `committee-bot dispatch` keeps sending before leaving the rest to the next run
RUN_BUDGET = 240.0
#: outcomes of a batch are recorded together, but none waits longer than this (seconds) after
#: its post: far inside the lease
RECORD_WITHIN = 5.0
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
        registers: SqlUnitOfWorkFactory,
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
            counts, _ = self._round(now, None, batch=self.batch, deadline=time.monotonic() + TICK_BUDGET)
            return counts

    def run(
        self,
        now: dt.datetime,
        *,
        kinds: Sequence[DeliveryKind] | None = None,
        budget: float = RUN_BUDGET,
        batch: int | None = None,
    ) -> Counts:
        """Rounds until nothing more can be done at `now` (the command line's `dispatch`), or
        until `budget` seconds have passed (the rest is left for the next run)."""
        with self._lock:
            deadline = time.monotonic() + budget
            size = batch if batch is not None else max(self.batch, RUN_BATCH)
            total = Counts()
            while True:
                round_counts, progress = self._round(now, kinds, batch=size, deadline=deadline)
                total.sent += round_counts.sent
                total.skipped += round_counts.skipped
                total.failed += round_counts.failed
                if round_counts.done == 0 and not progress:
                    total.waiting = round_counts.waiting
                    return total
                if time.monotonic() >= deadline:
                    log.warning(
                        "dispatch: still sending after %.0f s; the rest is left for the next run", budget
                    )
                    total.waiting = round_counts.waiting
                    return total

    def _round(
        self, now: dt.datetime, kinds: Sequence[DeliveryKind] | None, *, batch: int, deadline: float
    ) -> tuple[Counts, bool]:
        """Reconcile, drop superseded steps once, then claim and send batches until nothing is
        claimed, or only rows that had to be given back (a rate-limited channel), or the
        deadline has passed. Returns the counts and whether anything changed."""
        self._progress = False
        counts = self.reconcile(now)
        progress = self._progress
        dropped = self.outbox.drop_superseded(now)
        if dropped:
            log.info("dropped %d older reminder(s) superseded by a later one", dropped)
            counts.skipped += dropped
            progress = True
        while True:
            self._progress = False
            counts += self.send(now, kinds=kinds, batch=batch)
            progress = progress or self._progress
            if not self._claimed or not self._progress or time.monotonic() > deadline:
                return counts, progress

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

    def send(
        self, now: dt.datetime, *, kinds: Sequence[DeliveryKind] | None = None, batch: int | None = None
    ) -> Counts:
        """Claim one batch of due rows and send it."""
        claimed = self._claim(now, kinds, batch or self.batch)
        self._claimed = len(claimed)
        if not claimed:
            return Counts()
        return self._deliver(claimed, now)

    def _claim(self, now: dt.datetime, kinds: Sequence[DeliveryKind] | None, limit: int) -> list[Claimed]:
        """Rows of channels this process posted to within the pace are taken only when nothing
        else is due, and then first those of the channels whose pause ends soonest; channels
        Slack rate-limited are left alone until their Retry-After has passed."""
        for channel in [c for c, until in self._blocked_until.items() if until <= now]:
            del self._blocked_until[channel]
        clock = time.monotonic()
        for channel in [c for c, at in self._last_post.items() if at + self.pace <= clock]:
            del self._last_post[channel]
        prefer_not: list[set[str]] = []
        if self.pace > 0:
            hot = sorted(self._last_post, key=self._last_post.__getitem__)  # soonest free first
            if hot:
                prefer_not.append(set(hot))
                if len(hot) > limit:
                    prefer_not.append(set(hot[limit:]))
        return self.outbox.claim(
            now,
            self.owner,
            self.lease,
            limit=limit,
            kinds=kinds,
            exclude_channels=set(self._blocked_until),
            prefer_not=prefer_not,
            one_per_channel=self.pace > 0,
            **self._scope,
        )

    def _deliver(self, claimed: Sequence[Claimed], now: dt.datetime) -> Counts:
        """Build the batch's messages in one read session per workspace, post them (outside any
        transaction, channels free of pacing first) and record their outcomes together."""
        counts = Counts()
        outcomes: list[RowOutcome] = []
        ready: list[tuple[Claimed, Poster, str]] = []
        for row in claimed:
            poster = self._poster(row.workspace_id)
            if poster is None:  # not ours to send (outside the claim's scope; kept for safety)
                outcomes.append(released(row.key))
                counts.waiting += 1
            elif not row.channel:
                log.error(
                    "reminder %s has no channel: give its body a channel or set DIGEST_CHANNEL", row.key
                )
                outcomes.append(RowOutcome(row.key, DeliveryStatus.FAILED, {"last_error": NO_CHANNEL}))
                self._progress = True
                counts.failed += 1
            else:
                ready.append((row, poster, row.channel))
        messages = self._messages([(row, poster.cmd) for row, poster, _ in ready], now)
        to_post: list[tuple[Claimed, Poster, str, Message]] = []
        for row, poster, channel in ready:
            message = messages[row.key]
            if isinstance(message, Exception):
                outcomes.append(
                    RowOutcome(
                        row.key,
                        DeliveryStatus.FAILED,
                        {"last_error": f"build: {type(message).__name__}"[:200]},
                    )
                )
                self._progress = True
                counts.failed += 1
            elif message is None:
                outcomes.append(RowOutcome(row.key, DeliveryStatus.CANCELLED, {"last_error": "finished"}))
                self._progress = True
                counts.skipped += 1
            else:
                to_post.append((row, poster, channel, message))
        # channels free of pacing first, then those whose pause ends soonest
        to_post.sort(key=lambda r: self._last_post.get(r[2], -math.inf))
        first_unrecorded: float | None = None
        for row, poster, channel, message in to_post:
            blocked = self._blocked_until.get(channel)
            if blocked is not None and blocked > now:
                outcomes.append(released(row.key))
                counts.waiting += 1
                continue
            if self._pause_left(channel) > 0 or (
                first_unrecorded is not None and time.monotonic() - first_unrecorded > RECORD_WITHIN
            ):
                # record what was posted before waiting, not after
                self.outbox.record_many(self.owner, now, outcomes)
                outcomes, first_unrecorded = [], None
            self._wait_for_channel(channel)
            result = poster.post(channel, message, row.key)
            self._last_post[channel] = time.monotonic()
            if first_unrecorded is None:
                first_unrecorded = self._last_post[channel]
            self._progress = True
            outcome, c = self._outcome(row, channel, result, now)
            outcomes.append(outcome)
            counts += c
        self.outbox.record_many(self.owner, now, outcomes)
        return counts

    def _outcome(
        self, row: Claimed, channel: str, result: PostResult, now: dt.datetime
    ) -> tuple[RowOutcome, Counts]:
        match result.outcome:
            case Outcome.OK:
                sent = {"sent_at": now, "message_ts": result.ts, "last_error": None, "not_before": None}
                return RowOutcome(row.key, DeliveryStatus.SENT, sent), Counts(sent=1)
            case Outcome.RATE_LIMITED:
                wait = max(1.0, result.retry_after or 1.0)
                self._blocked_until[channel] = now + dt.timedelta(seconds=wait)
                values = {"not_before": now + dt.timedelta(seconds=wait), "last_error": "rate_limited"}
                return RowOutcome(row.key, DeliveryStatus.PENDING, values), Counts(waiting=1)
            case Outcome.AMBIGUOUS:
                log.warning("posting %s may or may not have worked (%s); will check", row.key, result.error)
                values = {"last_error": (result.error or "ambiguous")[:200]}
                return RowOutcome(row.key, DeliveryStatus.UNKNOWN, values), Counts(waiting=1)
            case _:
                log.error("posting %s to %s failed for good: %s", row.key, channel, result.error)
                values = {"last_error": (result.error or "failed")[:200]}
                return RowOutcome(row.key, DeliveryStatus.FAILED, values), Counts(failed=1)

    def _pause_left(self, channel: str) -> float:
        """Seconds until this channel may be posted to again (0 or less: now)."""
        last = self._last_post.get(channel)
        if last is None or self.pace <= 0:
            return 0.0
        return last + self.pace - time.monotonic()

    def _wait_for_channel(self, channel: str) -> None:
        """About one message a second per channel: wait out the rest of that second."""
        last = self._last_post.get(channel)
        if last is None or self.pace <= 0:
            return
        remaining = last + self.pace - time.monotonic()
        if remaining > 0:
            time.sleep(min(remaining, self.pace))

    def _messages(
        self, rows: Sequence[tuple[Claimed, str]], now: dt.datetime
    ) -> dict[str, Message | Exception | None]:
        """Each row's message as the register reads now (None: it should not be sent at all; an
        exception: it could not be built), read in one session per workspace, the items of each
        kind with one query."""
        today = local_date(now, self.zone)
        out: dict[str, Message | Exception | None] = {}
        by_workspace: dict[str, list[tuple[Claimed, str]]] = {}
        for row, cmd in rows:
            by_workspace.setdefault(row.workspace_id, []).append((row, cmd))
        for workspace_id, group in by_workspace.items():
            with self.registers(workspace_id) as reg:
                wanted: dict[DeliveryKind, set[int]] = {}
                for row, _cmd in group:
                    if row.kind is not DeliveryKind.DIGEST and row.item_number is not None:
                        wanted.setdefault(row.kind, set()).add(row.item_number)
                try:
                    found = {
                        kind: outbox.items(reg.session, workspace_id, kind, numbers)
                        for kind, numbers in wanted.items()
                    }
                except Exception as exc:
                    log.exception("could not read the items of %d reminder(s)", len(group))
                    out.update((row.key, exc) for row, _cmd in group)
                    continue
                for row, cmd in group:
                    try:
                        item = found.get(row.kind, {}).get(row.item_number or 0)
                        out[row.key] = self._message(reg, row, item, now, Presenter(self.tr, cmd, today))
                    except Exception as exc:
                        log.exception("could not build the message of %s", row.key)
                        out[row.key] = exc
                        reg.rollback()  # a failed statement must not spoil the next row's reads
        return out

    def _message(
        self,
        reg: SqlUnitOfWork,
        row: Claimed,
        item: Consultation | Meeting | Decision | None,
        now: dt.datetime,
        p: Presenter,
    ) -> Message | None:
        """The message as the register reads now, or None when it should not be sent at all."""
        today = p.today
        if row.kind is DeliveryKind.DIGEST:
            since = outbox.last_digest_sent(reg.session, row.workspace_id) or now - DEFAULT_SINCE
            return digest_message(p, build_digest(reg, today, since), late=row.late)
        if item is None or not still_wanted(row.kind, item, row.step, today):
            return None
        if row.kind is DeliveryKind.CONSULTATION:
            assert isinstance(item, Consultation)
            return consultation_reminder(p, item, row.step, late=row.late)
        if row.kind is DeliveryKind.MEETING:
            assert isinstance(item, Meeting)
            return meeting_reminder(p, item, row.step, late=row.late)
        assert isinstance(item, Decision)
        return follow_up_reminder(p, item, row.step, late=row.late)

    # -- reconciling ---------------------------------------------------------------------------

    def reconcile(self, now: dt.datetime) -> Counts:
        """Rows whose post may have gone out: ask where they were posted before sending again."""
        counts = Counts()
        doubtful = self.outbox.claim_doubtful(
            now, self.owner, self.lease, limit=self.batch, recheck_after=RECHECK_AFTER, **self._scope
        )
        outcomes: list[RowOutcome] = []
        for row in doubtful:
            poster = self._poster(row.workspace_id)
            found = poster.find(row.channel, row.key) if poster is not None and row.channel else False
            if found is True:
                log.info("%s was posted after all; recorded as sent", row.key)
                outcomes.append(
                    RowOutcome(row.key, DeliveryStatus.SENT, {"sent_at": now, "last_error": None})
                )
                counts.sent += 1
                self._progress = True
            elif found is False:
                outcomes.append(RowOutcome(row.key, DeliveryStatus.PENDING, {"last_error": "not_posted"}))
                self._progress = True
            else:
                outcomes.append(RowOutcome(row.key, DeliveryStatus.UNKNOWN))
                counts.waiting += 1
        self.outbox.record_many(self.owner, now, outcomes)
        return counts
