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
import os
import socket
import threading
import time
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from bot.core.outbox import Claimed, Outbox, RowOutcome, released
from bot.core.platforms import SLACK, platform_of
from bot.core.ports import UnitOfWorkFactory
from bot.core.reminders import NO_CHANNEL, DeliveryKind, DeliveryStatus
from bot.i18n import Translator
from bot.reminders.failures import FailureNotices
from bot.reminders.messages import Messages
from bot.reminders.pacing import PACE, Pacer
from bot.reminders.planning import ReminderPlanning
from bot.reminders.posting import Outcome, Poster, Posters, PostResult, Unreadable
from bot.views.message import Message
from bot.views.reminders import UNVERIFIED

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


def lease_token(owner: str) -> str:
    """A token for one claim: its outcomes are recorded only while the rows still carry it.
    A token, not a time, decides whose lease it is: a row this same process claims again later
    (after its lease ran out) carries a new token, so a late outcome of the first claim is refused."""
    return f"{owner}:{uuid.uuid4().hex[:8]}"


class Dispatcher:
    """Sends from the outbox with the posters it is given: a mapping platform → `Posters`
    (`console`, `slack`, …). A workspace's platform is `platform_of(workspace_id)`: by default
    read from its id (`bot.core.platforms`: the outbox's local workspace is the console's, a
    tenant GUID is Teams', any other id Slack's). Only rows of those platforms are claimed."""

    def __init__(
        self,
        box: Outbox,
        registers: UnitOfWorkFactory,
        planning: ReminderPlanning,
        translator: Translator,
        zone: ZoneInfo,
        *,
        posters: Mapping[str, Posters],
        platform_of: Callable[[str], str] | None = None,
        lease: dt.timedelta = LEASE,
        pacer: Pacer | None = None,
        batch: int = BATCH,
        admin_users: frozenset[str] = frozenset(),
    ) -> None:
        self.outbox = box
        self.planning = planning
        self.tr = translator
        self.posters = dict(posters)
        self.platform_of = platform_of or self._default_platform
        self.messages = Messages(registers, box, translator, zone)
        self.notices = FailureNotices(registers, translator, zone, admin_users)
        self.lease = lease
        self.pacer = pacer or Pacer(PACE)
        self.batch = batch
        self.owner = process_owner()
        self._planned_at: dt.datetime | None = None
        #: whether the current round changed anything (the command line stops when not)
        self._progress = False
        #: how many rows the last `send` claimed
        self._claimed = 0
        self._lock = threading.Lock()

    def _default_platform(self, workspace_id: str) -> str:
        return platform_of(workspace_id, self.outbox.local)

    @property
    def pace(self) -> float:
        """Seconds between two posts to one channel (0: no pacing)."""
        return self.pacer.pace

    @pace.setter
    def pace(self, seconds: float) -> None:
        self.pacer.pace = seconds

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
    def _scope(self) -> dict[str, frozenset[str]]:
        """Which rows this process may claim: those of the platforms it has posters for."""
        return {"platforms": frozenset(self.posters)}

    def poster(self, workspace_id: str) -> Poster | None:
        """Who posts for this workspace here, or None when this process cannot."""
        posters = self.posters.get(self.platform_of(workspace_id))
        return posters(workspace_id) if posters is not None else None

    # -- sending -------------------------------------------------------------------------------

    def send(
        self, now: dt.datetime, *, kinds: Sequence[DeliveryKind] | None = None, batch: int | None = None
    ) -> Counts:
        """Claim one batch of due rows and send it."""
        token = lease_token(self.owner)
        claimed = self._claim(now, token, kinds, batch or self.batch)
        self._claimed = len(claimed)
        if not claimed:
            return Counts()
        return self._deliver(claimed, token, now)

    def _claim(
        self, now: dt.datetime, token: str, kinds: Sequence[DeliveryKind] | None, limit: int
    ) -> list[Claimed]:
        """Rows of channels this process posted to within the pace are taken only when nothing
        else is due, and then first those of the channels whose pause ends soonest; channels
        Slack rate-limited are left alone until their Retry-After has passed."""
        return self.outbox.claim(
            now,
            token,
            self.lease,
            limit=limit,
            kinds=kinds,
            exclude_channels=self.pacer.blocked(now),
            prefer_not=self.pacer.prefer_not(limit),
            one_per_channel=self.pacer.one_per_channel,
            **self._scope,
        )

    def _deliver(self, claimed: Sequence[Claimed], token: str, now: dt.datetime) -> Counts:
        """Build the batch's messages in one read session per workspace, post them (outside any
        transaction, channels free of pacing first) and record their outcomes together."""
        counts = Counts()
        outcomes: list[RowOutcome] = []
        ready: list[tuple[Claimed, Poster, str]] = []
        for row in claimed:
            poster = self.poster(row.workspace_id)
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
        messages = self.messages.build([(row, poster.cmd) for row, poster, _ in ready], now)
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
        to_post.sort(key=lambda r: self.pacer.order(r[2]))
        first_unrecorded: float | None = None
        for row, poster, channel, message in to_post:
            if self.pacer.is_blocked(channel, now):
                outcomes.append(released(row.key))
                counts.waiting += 1
                continue
            if self.pacer.pause_left(channel) > 0 or (
                first_unrecorded is not None and time.monotonic() - first_unrecorded > RECORD_WITHIN
            ):
                # record what was posted before waiting, not after
                self._record(token, now, outcomes, claimed)
                outcomes, first_unrecorded = [], None
            self.pacer.wait_for(channel)
            result = poster.post(channel, message, row.key)
            posted_at = self.pacer.posted(channel)
            if first_unrecorded is None:
                first_unrecorded = posted_at
            self._progress = True
            outcome, c = self._outcome(row, channel, result, now)
            outcomes.append(outcome)
            counts += c
        self._record(token, now, outcomes, claimed)
        return counts

    def _record(
        self, token: str, now: dt.datetime, outcomes: Sequence[RowOutcome], claimed: Sequence[Claimed]
    ) -> None:
        """Record outcomes under the claim's token. A failure is recorded on its own and, when it
        was still ours to record (so once per row), told to the item's owner or the admins."""
        self.outbox.record_many(token, now, [o for o in outcomes if o.status is not DeliveryStatus.FAILED])
        rows = {row.key: row for row in claimed}
        for o in outcomes:
            if o.status is not DeliveryStatus.FAILED:
                continue
            if not self.outbox.record(o.key, token, o.status, now, **o.values):
                continue
            row = rows[o.key]
            poster = self.poster(row.workspace_id)
            # Slack's posters reach a person by their id; elsewhere the failure is the log's
            if poster is not None and self.platform_of(row.workspace_id) == SLACK:
                self.notices.tell(row, str(o.values.get("last_error") or "failed"), poster, now)

    def _outcome(
        self, row: Claimed, channel: str, result: PostResult, now: dt.datetime
    ) -> tuple[RowOutcome, Counts]:
        match result.outcome:
            case Outcome.OK:
                sent = {"sent_at": now, "message_ts": result.ts, "last_error": None, "not_before": None}
                return RowOutcome(row.key, DeliveryStatus.SENT, sent), Counts(sent=1)
            case Outcome.RATE_LIMITED:
                wait = max(1.0, result.retry_after or 1.0)
                self.pacer.block(channel, now + dt.timedelta(seconds=wait))
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

    # -- reconciling ---------------------------------------------------------------------------

    def reconcile(self, now: dt.datetime) -> Counts:
        """Rows whose post may have gone out: ask where they were posted before sending again."""
        counts = Counts()
        token = lease_token(self.owner)
        doubtful = self.outbox.claim_doubtful(
            now, token, self.lease, limit=self.batch, recheck_after=RECHECK_AFTER, **self._scope
        )
        outcomes: list[RowOutcome] = []
        for row in doubtful:
            poster = self.poster(row.workspace_id)
            found = poster.find(row.channel, row.key) if poster is not None and row.channel else False
            if isinstance(found, Unreadable):
                # the post may be there: never post again on doubt; failed, for people to review
                log.error(
                    "cannot tell whether %s was posted (%s); not sending it again", row.key, found.error
                )
                error = f"{UNVERIFIED}{found.error}"[:200]
                outcomes.append(RowOutcome(row.key, DeliveryStatus.FAILED, {"last_error": error}))
                counts.failed += 1
                self._progress = True
            elif found is True:
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
        self._record(token, now, outcomes, doubtful)
        return counts
