"""`committee-bot dispatch` and `committee-bot digest`: the same work as the scheduler's tick, run
once from the command line (for cron with SCHEDULER=off, and for testing with `--now`).

The command line builds the bot (with the console's printer for the local workspace) and hands
its planning and dispatcher here; every other workspace goes to the platform posters the
dispatcher was given (Slack with SLACK_BOT_TOKEN, or each installation's token with OAuth;
otherwise its rows stay in the outbox for a process that can post them).
"""

from __future__ import annotations

import datetime as dt
import sys

from bot.core.reminders import DeliveryKind, DeliveryStatus
from bot.reminders.dispatcher import Counts, Dispatcher
from bot.reminders.planning import ReminderPlanning


def report(what: str, counts: Counts) -> int:
    """Print `what: sent N, skipped N, failed N` and return the exit status (1: a post failed)."""
    line = f"{what}: sent {counts.sent}, skipped {counts.skipped}, failed {counts.failed}"
    if counts.waiting:
        line += f", waiting {counts.waiting}"
    print(line)
    return 1 if counts.failed else 0


def dispatch(planning: ReminderPlanning, dispatcher: Dispatcher, at: dt.datetime) -> Counts:
    """Plan, then send every reminder and digest due at `at` that has not been sent."""
    planning.plan_all(at)
    return dispatcher.run(at)


def post_digest(
    planning: ReminderPlanning, dispatcher: Dispatcher, at: dt.datetime, *, force: bool
) -> Counts:
    """Post the digest of the week holding `at` to every workspace's digest channel, unless it
    was already posted there this week (`force`: post again)."""
    keys = []
    for ws in dispatcher.outbox.workspaces():
        key = planning.digest_now(ws.id, at, force=force)
        if key is None:
            print(
                f"digest: workspace {ws.id} has no digest channel "
                "(set DIGEST_CHANNEL or use the `digest channel` command)",
                file=sys.stderr,
            )
        else:
            keys.append(key)
    before = {r.key: r.status for r in dispatcher.outbox.rows(keys)}
    counts = dispatcher.run(at, kinds=[DeliveryKind.DIGEST])
    # a digest already posted this week is skipped, not sent again
    counts.skipped += sum(1 for s in before.values() if s is DeliveryStatus.SENT)
    # and one that is neither sent nor on its way is said to have failed, never passed over
    waiting = 0
    for row in dispatcher.outbox.rows(keys):
        if before.get(row.key) is DeliveryStatus.SENT or row.status in _ACCOUNTED:
            continue
        if row.status in (DeliveryStatus.PENDING, DeliveryStatus.SENDING, DeliveryStatus.UNKNOWN):
            waiting += 1
        else:
            print(f"digest: {row.key} was not sent ({row.status.value}: {row.last_error})", file=sys.stderr)
            counts.failed += 1
    counts.waiting = max(counts.waiting, waiting)
    return counts


#: the digest's outcomes the dispatcher's run already counted
_ACCOUNTED = (DeliveryStatus.SENT, DeliveryStatus.FAILED)
