"""Slack misbehaving: every reminder still goes out exactly once (no duplicate, no loss)."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from bot.core.clock import FixedClock
from bot.core.reminders import DeliveryKind, DeliveryStatus
from bot.views.present import Presenter
from bot.views.reminders import consultation_reminder
from tests.reminders_support import TEAM, admin, keys, local, rows, slack_bot, status, tick, wait_until

KEY = f"consultation:{TEAM}:2:wd10"
DUE = local("2021-09-16", "09:00")


def setup(bot, n: int = 1, channels: int = 1) -> None:  # type: ignore[no-untyped-def]
    for c in range(channels):
        admin(bot, f'body add "Organ {c}" --channel C0{c}')
    for i in range(n):
        admin(
            bot,
            f'consultation add "Plan {i}" --issuer "Region" --due 2021-09-30 --body "Organ {i % channels}"',
        )


def ticks_until_quiet(
    bot, clock, start: dt.datetime, *, step=dt.timedelta(minutes=1), count: int = 8
) -> None:  # type: ignore[no-untyped-def]
    for i in range(count):
        tick(bot, clock, start + i * step)


@pytest.mark.parametrize("fault", ["error_before", "error_after", "drop_before", "drop_after"])
def test_an_ambiguous_failure_is_checked_before_sending_again(database_url: str, fault: str) -> None:
    clock = FixedClock(local("2021-09-01", "10:00"))
    with slack_bot(database_url, clock) as (bot, fake):
        setup(bot)
        fake.fail("chat.postMessage", fault)
        counts = tick(bot, clock, DUE)
        assert counts.sent == 0
        assert status(bot, KEY) is DeliveryStatus.UNKNOWN
        tick(bot, clock, DUE + dt.timedelta(seconds=10))  # too soon to look: a slow post may still land
        assert len(fake.calls_to("conversations.history")) == 0
        ticks_until_quiet(bot, clock, DUE + dt.timedelta(minutes=1))
        assert keys(fake) == [KEY]
        assert status(bot, KEY) is DeliveryStatus.SENT
        history = fake.calls_to("conversations.history")
        assert history and history[0].args.get("include_all_metadata") in ("1", "true", True, "True")
        stored = fault.endswith("_after")
        assert len(fake.calls_to("chat.postMessage")) == (1 if stored else 2)
        assert fake.problems == []


def test_rate_limited_posts_wait_for_retry_after(database_url: str) -> None:
    clock = FixedClock(local("2021-09-01", "10:00"))
    with slack_bot(database_url, clock) as (bot, fake):
        setup(bot)
        fake.fail("chat.postMessage", "rate_limited", retry_after=120)
        tick(bot, clock, DUE)
        row = rows(bot)[KEY]
        assert row.status is DeliveryStatus.PENDING and row.not_before == DUE + dt.timedelta(seconds=120)
        tick(bot, clock, DUE + dt.timedelta(seconds=60))
        assert len(fake.calls_to("chat.postMessage")) == 1
        tick(bot, clock, DUE + dt.timedelta(seconds=121))
        assert keys(fake) == [KEY]
        assert status(bot, KEY) is DeliveryStatus.SENT


def test_a_post_that_times_out_but_lands_later_is_not_sent_twice(database_url: str) -> None:
    clock = FixedClock(local("2021-09-01", "10:00"))
    with slack_bot(database_url, clock) as (bot, fake):
        setup(bot)
        poster = bot.dispatcher.poster(TEAM)
        assert poster is not None
        poster.client.timeout = 0.5  # type: ignore[attr-defined]
        fake.fail("chat.postMessage", "slow", delay=1.0)
        tick(bot, clock, DUE)
        assert status(bot, KEY) is DeliveryStatus.UNKNOWN
        assert wait_until(lambda: len(fake.posted()) == 1)
        ticks_until_quiet(bot, clock, DUE + dt.timedelta(minutes=1), count=3)
        assert keys(fake) == [KEY]
        assert status(bot, KEY) is DeliveryStatus.SENT


def test_a_process_killed_between_posting_and_recording(database_url: str) -> None:
    """The dead process posted and never recorded; once its lease runs out, the reconciler finds
    the message by its metadata and records it as sent, without posting again."""
    clock = FixedClock(local("2021-09-01", "10:00"))
    with slack_bot(database_url, clock) as (bot, fake):
        setup(bot)
        clock.set(DUE)
        box = bot.dispatcher.outbox
        claimed = box.claim(DUE, "dead-process", dt.timedelta(minutes=5), limit=10, platforms={"slack"})
        assert [c.key for c in claimed] == [KEY]
        with bot.registers(TEAM) as reg:
            c = reg.consultations.get(2)
        assert c is not None
        message = consultation_reminder(
            Presenter(bot.dispatcher.tr, "/committee ", DUE.date()), c, "wd10", late=False
        )
        poster = bot.dispatcher.poster(TEAM)
        assert poster is not None
        assert poster.post("C00", message, KEY).outcome.value == "ok"
        # while the lease holds, nobody touches it
        tick(bot, clock, DUE + dt.timedelta(minutes=1))
        assert status(bot, KEY) is DeliveryStatus.SENDING
        tick(bot, clock, DUE + dt.timedelta(minutes=6))
        assert status(bot, KEY) is DeliveryStatus.SENT
        assert keys(fake) == [KEY]
        assert len(fake.calls_to("chat.postMessage")) == 1
        # its late attempt to record is refused: the lease is no longer its own
        assert not box.record(KEY, "dead-process", DeliveryStatus.SENT, DUE)


def test_a_process_killed_after_claiming_before_posting(database_url: str) -> None:
    clock = FixedClock(local("2021-09-01", "10:00"))
    with slack_bot(database_url, clock) as (bot, fake):
        setup(bot)
        bot.dispatcher.outbox.claim(
            DUE, "dead-process", dt.timedelta(minutes=5), limit=10, platforms={"slack"}
        )
        tick(bot, clock, DUE + dt.timedelta(minutes=6))
        assert keys(fake) == [KEY]
        assert status(bot, KEY) is DeliveryStatus.SENT


def test_many_reminders_through_mixed_faults_each_exactly_once(database_url: str) -> None:
    clock = FixedClock(local("2021-09-01", "10:00"))
    with slack_bot(database_url, clock) as (bot, fake):
        setup(bot, n=12, channels=3)
        rng = random.Random(4)
        faults = ["rate_limited", "error_before", "error_after", "drop_before", "drop_after"]
        for _ in range(10):
            fake.fail("chat.postMessage", rng.choice(faults), retry_after=30)
        ticks_until_quiet(bot, clock, DUE, step=dt.timedelta(seconds=40), count=15)
        wanted = sorted(f"consultation:{TEAM}:{4 + i}:wd10" for i in range(12))
        assert sorted(keys(fake)) == wanted
        assert len(set(keys(fake))) == len(keys(fake))
        assert {
            r.status for r in rows(bot).values() if r.kind is DeliveryKind.CONSULTATION and r.step == "wd10"
        } == {DeliveryStatus.SENT}
        assert fake.problems == []


def test_dispatchers_racing_for_the_same_rows_claim_each_once(database_url: str) -> None:
    """Four dispatchers (as four processes would be) claim at the same instant, many times over:
    every row is claimed by exactly one of them."""
    import threading

    from bot.reminders.dispatcher import Dispatcher
    from bot.reminders.pacing import Pacer

    clock = FixedClock(local("2021-09-01", "10:00"))
    with slack_bot(database_url, clock) as (bot, fake):
        setup(bot, n=40, channels=8)
        clock.set(DUE)
        rivals = []
        for _ in range(4):
            d = Dispatcher(
                bot.dispatcher.outbox,
                bot.registers,
                bot.planning,
                bot.dispatcher.tr,
                bot.settings.timezone,
                posters=bot.dispatcher.posters,
                pacer=Pacer(0),
                batch=3,
            )
            rivals.append(d)
        barrier = threading.Barrier(len(rivals))
        errors: list[BaseException] = []

        def work(d: Dispatcher) -> None:
            try:
                for _ in range(6):
                    barrier.wait(timeout=30)
                    d.send(DUE)
            except BaseException as exc:  # reported below
                errors.append(exc)

        threads = [threading.Thread(target=work, args=(d,)) for d in rivals]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=120)
        assert errors == []
        posted = keys(fake)
        assert len(posted) == len(set(posted)) == 40
        assert fake.problems == []
