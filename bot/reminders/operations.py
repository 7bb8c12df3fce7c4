"""`committee-bot dispatch` and `committee-bot digest`: the same work as the scheduler's tick, run
once from the command line (for cron with SCHEDULER=off, and for testing with `--now`).

The local console's workspace is printed to stdout, never posted; every other workspace goes to
Slack when SLACK_BOT_TOKEN is set, or with SLACK_CLIENT_ID and SLACK_CLIENT_SECRET with the token
of that workspace's installation (otherwise its rows stay in the outbox for a process that can).
"""

from __future__ import annotations

import datetime as dt
import sys

from bot.config import Settings
from bot.core.clock import FixedClock
from bot.core.reminders import DeliveryKind, DeliveryStatus
from bot.reminders.dispatcher import Counts


def _report(what: str, counts: Counts) -> int:
    line = f"{what}: sent {counts.sent}, skipped {counts.skipped}, failed {counts.failed}"
    if counts.waiting:
        line += f", waiting {counts.waiting}"
    print(line)
    return 1 if counts.failed else 0


def dispatch(settings: Settings, *, now: dt.datetime | None = None) -> int:
    """Plan, then send every reminder and digest due at `now` that has not been sent."""
    from bot.bootstrap import bootstrap

    bot = bootstrap(settings, clock=FixedClock(now) if now is not None else None)
    try:
        at = bot.clock.now()
        bot.print_local_reminders(sys.stdout)
        bot.planning.plan_all(at)
        counts = bot.dispatcher.run(at)
    finally:
        bot.close()
    return _report("dispatch", counts)


def post_digest(settings: Settings, *, now: dt.datetime | None = None, force: bool = False) -> int:
    """Post the digest of the week holding `now` to every workspace's digest channel, unless it
    was already posted there this week (`force`: post again)."""
    from bot.bootstrap import bootstrap

    bot = bootstrap(settings, clock=FixedClock(now) if now is not None else None)
    try:
        at = bot.clock.now()
        bot.print_local_reminders(sys.stdout)
        keys = []
        for ws in bot.dispatcher.outbox.workspaces():
            key = bot.planning.digest_now(ws.id, at, force=force)
            if key is None:
                print(
                    f"digest: workspace {ws.id} has no digest channel "
                    "(set DIGEST_CHANNEL or use the `digest channel` command)",
                    file=sys.stderr,
                )
            else:
                keys.append(key)
        before = {r.key: r.status for r in bot.dispatcher.outbox.rows(keys)}
        counts = bot.dispatcher.run(at, kinds=[DeliveryKind.DIGEST])
        # a digest already posted this week is skipped, not sent again
        counts.skipped += sum(1 for s in before.values() if s is DeliveryStatus.SENT)
    finally:
        bot.close()
    return _report("digest", counts)
