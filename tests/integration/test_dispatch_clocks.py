"""Dispatchers whose clocks disagree: the database's clock judges what is due and whose lease
runs, and an outcome is recorded only under the lease token it was claimed with."""

from __future__ import annotations

import datetime as dt

from bot.bootstrap import Bot, bootstrap
from bot.core.clock import FixedClock, SystemClock
from bot.core.reminders import DeliveryStatus
from bot.reminders.dispatcher import LEASE
from tests.fakes.slack_api import FakeSlack
from tests.reminders_support import admin, keys, local, rows, slack_settings, wait_until


class SkewedClock:
    """A process clock that runs `offset` ahead of the real one."""

    def __init__(self, offset: dt.timedelta) -> None:
        self.offset = offset

    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC) + self.offset


def _register(database_url: str, fake: FakeSlack) -> None:
    """Eight consultations in eight channels, planned in 2021: long due by any clock now."""
    bot = bootstrap(slack_settings(database_url, fake), clock=FixedClock(local("2021-09-01", "10:00")))
    try:
        for c in range(8):
            admin(bot, f'body add "Organ {c}" --channel C0{c}')
            admin(bot, f'consultation add "Plan {c}" --issuer "Region" --due 2021-09-30 --body "Organ {c}"')
    finally:
        bot.close()


def _dispatcher(database_url: str, fake: FakeSlack, clock: object) -> Bot:
    bot = bootstrap(slack_settings(database_url, fake), clock=clock)  # type: ignore[arg-type]
    bot.dispatcher.pace = 0
    return bot


def test_a_dispatcher_seven_minutes_ahead_leaves_a_running_lease_alone(database_url: str) -> None:
    with FakeSlack() as fake:
        _register(database_url, fake)
        right = _dispatcher(database_url, fake, SystemClock())
        ahead = _dispatcher(database_url, fake, SkewedClock(dt.timedelta(minutes=7)))
        try:
            box = right.dispatcher.outbox
            box.drop_superseded(right.clock.now())
            # the right process claims everything due and is still posting it...
            token = "right-process:claim-1"
            claimed = box.claim(right.clock.now(), token, LEASE, limit=50, platforms={"slack"})
            assert len(claimed) == 8
            # ...when the one whose clock is seven minutes ahead runs its rounds: by its own clock
            # the five-minute lease has long run out; by the database's it has not
            ahead.dispatcher.tick(ahead.clock.now())
            ahead.dispatcher.run(ahead.clock.now(), budget=5)
            assert fake.posted() == []
            assert {rows(right)[c.key].status for c in claimed} == {DeliveryStatus.SENDING}
            # the right process posts and records: the rows are still its own
            for row in claimed:
                poster = right.dispatcher.poster(row.workspace_id)
                assert poster is not None and row.channel is not None
                messages = right.dispatcher.messages.build([(row, poster.cmd)], right.clock.now())
                message = messages[row.key]
                assert message is not None and not isinstance(message, Exception)
                assert poster.post(row.channel, message, row.key).outcome.value == "ok"
                assert box.record(row.key, token, DeliveryStatus.SENT, right.clock.now())
            ahead.dispatcher.run(ahead.clock.now(), budget=5)
            assert wait_until(lambda: len(keys(fake)) == 8, timeout=1)
            assert sorted(keys(fake)) == sorted(c.key for c in claimed)
            assert {rows(right)[c.key].status for c in claimed} == {DeliveryStatus.SENT}
        finally:
            right.close()
            ahead.close()


def test_a_dispatcher_ahead_does_not_send_what_is_not_yet_due_by_the_database(database_url: str) -> None:
    """Rows due in three minutes stay in the outbox for a process seven minutes ahead."""
    with FakeSlack() as fake:
        _register(database_url, fake)
        ahead = _dispatcher(database_url, fake, SkewedClock(dt.timedelta(minutes=7)))
        try:
            box = ahead.dispatcher.outbox
            soon = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=3)
            with box.writing() as s:
                from sqlalchemy import update

                from bot.store.models import DeliveryRow

                s.execute(update(DeliveryRow).where(DeliveryRow.status == "pending").values(due_at=soon))
                s.commit()
            ahead.dispatcher.run(ahead.clock.now(), budget=5)
            assert fake.posted() == []
        finally:
            ahead.close()


def test_an_outcome_is_recorded_only_under_the_token_it_was_claimed_with(database_url: str) -> None:
    """The same process claims a row again after its first lease ran out: the first claim's late
    outcome is refused, though the process (the owner) is the same."""
    with FakeSlack() as fake:
        _register(database_url, fake)
        clock = FixedClock(local("2021-09-16", "09:00"))
        bot = _dispatcher(database_url, fake, clock)
        try:
            box = bot.dispatcher.outbox
            box.drop_superseded(clock.now())
            first = box.claim(clock.now(), "p:1", LEASE, limit=1, platforms={"slack"})
            later = clock.now() + LEASE + dt.timedelta(minutes=1)
            again = box.claim_doubtful(later, "p:2", LEASE, limit=1, platforms={"slack"}, recheck_after=LEASE)
            assert [c.key for c in again] == [c.key for c in first]
            assert not box.record(first[0].key, "p:1", DeliveryStatus.SENT, later)
            assert box.record(first[0].key, "p:2", DeliveryStatus.SENT, later)
        finally:
            bot.close()


def test_a_rate_limit_waits_by_the_database_clock_whatever_the_process_clock_says(database_url: str) -> None:
    """A process seven minutes behind told to retry after two minutes: the row waits two minutes
    by the database's clock, not five minutes less than nothing."""
    with FakeSlack() as fake:
        _register(database_url, fake)
        behind = _dispatcher(database_url, fake, SkewedClock(dt.timedelta(minutes=-7)))
        try:
            fake.fail("chat.postMessage", "rate_limited", times=20, retry_after=120)
            behind.dispatcher.outbox.drop_superseded(behind.clock.now())
            behind.dispatcher.send(behind.clock.now(), batch=1)
            waiting = [r for r in rows(behind).values() if r.last_error == "rate_limited"]
            assert len(waiting) == 1 and waiting[0].not_before is not None
            assert waiting[0].not_before > dt.datetime.now(dt.UTC) + dt.timedelta(seconds=100)
        finally:
            behind.close()
