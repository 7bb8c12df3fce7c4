"""Many reminders at once: catch-up drops exactly the older steps, planning writes only what
changed, pacing posts to other channels instead of waiting, `dispatch` runs until nothing is due,
and a batch's outcomes are recorded together, each only while its lease is ours."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import event, update

from bot.bootstrap import Bot
from bot.core.clock import FixedClock
from bot.core.model import BodyKind, NewConsultation, NewDecision, NewMeeting, RecordType
from bot.core.outbox import RowOutcome, released
from bot.core.reminders import DeliveryKind, DeliveryStatus
from bot.reminders import messages as messages_module
from bot.reminders import pacing as pacing_module
from bot.store.models import BodyRow, DeliveryRow
from bot.store.outbox_rows import SessionRows
from tests.reminders_support import TEAM, keys, local, rows, slack_bot, tick

START = local("2021-09-01", "10:00")
#: first step (wd10) of a consultation due on 2021-09-30
WD10 = local("2021-09-16", "09:00")


def add_consultations(bot: Bot, n: int, *, channels: int = 1, due: dt.date = dt.date(2021, 9, 30)) -> None:
    """`n` consultations in `channels` bodies, straight into the register, then planned."""
    now = bot.clock.now()
    with bot.registers(TEAM, write=True) as reg:
        bodies = [
            reg.bodies.add(reg.workspace.next_number(), f"Organ {c}", BodyKind.NETWORK, f"C{c:02d}")
            for c in range(channels)
        ]
        for i in range(n):
            reg.consultations.add(
                reg.workspace.next_number(),
                NewConsultation(f"Plan {i}", "Region", due, None, None, "U1", bodies[i % channels].id),
                now,
            )
        reg.commit()
    bot.planning.plan_all(now)


@contextmanager
def statements(bot: Bot) -> Iterator[list[str]]:
    """Every SQL statement run on the bot's engine meanwhile."""
    seen: list[str] = []

    def before(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        seen.append(statement.strip().split(None, 1)[0].upper() + " " + statement)

    event.listen(bot.engine, "before_cursor_execute", before)
    try:
        yield seen
    finally:
        event.remove(bot.engine, "before_cursor_execute", before)


def writes_to_deliveries(seen: list[str]) -> list[str]:
    return [s for s in seen if s.startswith(("INSERT", "UPDATE", "DELETE")) and "deliveries" in s]


# -- catch-up --------------------------------------------------------------------------------------


def test_catch_up_with_many_items_drops_exactly_the_older_steps(database_url: str) -> None:
    """600 items (more than one chunk of ids) all missed wd10 and wd5: each sends only wd1."""
    clock = FixedClock(START)
    with slack_bot(database_url, clock) as (bot, fake):
        add_consultations(bot, 600, channels=20)
        now = local("2021-09-29", "14:00")  # wd10, wd5 and wd1 have all passed
        clock.set(now)
        dropped = bot.dispatcher.outbox.drop_superseded(now)
        assert dropped == 1200
        by_step: dict[str, set[DeliveryStatus]] = {}
        for r in rows(bot).values():
            by_step.setdefault(r.step, set()).add(r.status)
        assert by_step == {
            "wd10": {DeliveryStatus.DROPPED},
            "wd5": {DeliveryStatus.DROPPED},
            "wd1": {DeliveryStatus.PENDING},
            "wd0": {DeliveryStatus.PENDING},
            "overdue": {DeliveryStatus.PENDING},
        }
        assert bot.dispatcher.outbox.drop_superseded(now) == 0  # idempotent
        counts = bot.dispatcher.run(now)
        assert counts.sent == 600
        posted = keys(fake)
        assert len(posted) == len(set(posted)) == 600
        assert {k.rsplit(":", 1)[1] for k in posted} == {"wd1"}
        assert fake.problems == []


def _row(
    session: Any, key: str, kind: DeliveryKind, number: int | None, due: dt.datetime, **values: Any
) -> None:
    SessionRows(session).insert_row(
        workspace_id=values.pop("workspace", TEAM),
        key=key,
        kind=kind,
        item_number=number,
        step=key.rsplit(":", 1)[1],
        due_at=due,
        channel=values.pop("channel", "C01"),
        now=START,
    )
    if values:
        session.execute(update(DeliveryRow).where(DeliveryRow.key == key).values(**values))


def test_what_supersedes_a_due_step_and_what_does_not(database_url: str) -> None:
    clock = FixedClock(START)
    with slack_bot(database_url, clock) as (bot, _fake):
        box = bot.dispatcher.outbox
        for workspace in (TEAM, "TOTHER"):
            with bot.registers(workspace, write=True) as reg:  # creates the workspace
                reg.commit()
        h = dt.timedelta(hours=1)
        now = WD10 + 10 * h
        C = DeliveryKind.CONSULTATION
        sent = DeliveryStatus.SENT.value
        with box.writing() as s:
            # 1: a later step already sent supersedes an older pending one
            _row(s, "c:1:a", C, 1, WD10)
            _row(s, "c:1:b", C, 1, WD10 + h, status=sent)
            # 2: a later step in flight (sending, unknown) does too
            _row(s, "c:2:a", C, 2, WD10)
            _row(s, "c:2:b", C, 2, WD10 + h, status=DeliveryStatus.SENDING.value)
            _row(s, "c:3:a", C, 3, WD10)
            _row(s, "c:3:b", C, 3, WD10 + h, status=DeliveryStatus.UNKNOWN.value)
            # 4: a later step not yet due does not
            _row(s, "c:4:a", C, 4, WD10)
            _row(s, "c:4:b", C, 4, now + h)
            # 5: failed, cancelled or dropped later steps do not
            _row(s, "c:5:a", C, 5, WD10)
            _row(s, "c:5:b", C, 5, WD10 + h, status=DeliveryStatus.FAILED.value)
            _row(s, "c:5:c", C, 5, WD10 + 2 * h, status=DeliveryStatus.CANCELLED.value)
            _row(s, "c:5:d", C, 5, WD10 + 3 * h, status=DeliveryStatus.DROPPED.value)
            # 6: the same number in another kind or another workspace does not
            _row(s, "c:6:a", C, 6, WD10)
            _row(s, "m:6:b", DeliveryKind.MEETING, 6, WD10 + h, status=sent)
            _row(s, "x:6:b", C, 6, WD10 + h, status=sent, workspace="TOTHER")
            # 7: three due pending steps: the two older go, the latest stays (even rate-limited)
            _row(s, "c:7:a", C, 7, WD10)
            _row(s, "c:7:b", C, 7, WD10 + h)
            _row(s, "c:7:c", C, 7, WD10 + 2 * h, not_before=now + h)
            # 8: an older step already sent is not touched, and does not supersede a later one
            _row(s, "c:8:a", C, 8, WD10, status=sent)
            _row(s, "c:8:b", C, 8, WD10 + h)
            # digests: per channel
            _row(s, "d:C1:a", DeliveryKind.DIGEST, None, WD10, channel="CD1")
            _row(s, "d:C1:b", DeliveryKind.DIGEST, None, WD10 + h, channel="CD1")
            _row(s, "d:C2:a", DeliveryKind.DIGEST, None, WD10, channel="CD2")
            _row(s, "d:C3:a", DeliveryKind.DIGEST, None, WD10, channel="CD3")
            _row(s, "d:C3:b", DeliveryKind.DIGEST, None, WD10 + h, channel="CD3", status=sent)
            s.commit()
        assert box.drop_superseded(now) == 7
        dropped = {r.key for r in box.rows() if r.status is DeliveryStatus.DROPPED}
        assert dropped == {"c:1:a", "c:2:a", "c:3:a", "c:7:a", "c:7:b", "d:C1:a", "d:C3:a", "c:5:d"}
        assert all(r.last_error == "superseded" for r in box.rows() if r.key in dropped - {"c:5:d"})
        assert box.drop_superseded(now) == 0


def test_a_tick_drops_superseded_steps_once_not_per_batch(database_url: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    clock = FixedClock(START)
    with slack_bot(database_url, clock) as (bot, fake):
        add_consultations(bot, 12, channels=3)
        calls: list[dt.datetime] = []
        box = bot.dispatcher.outbox
        original = box.drop_superseded

        def counted(now: dt.datetime) -> int:
            calls.append(now)
            return original(now)

        monkeypatch.setattr(box, "drop_superseded", counted)
        counts = tick(bot, clock, WD10)
        assert counts.sent == 12 and len(keys(fake)) == 12
        assert calls == [WD10]  # three batches of five, one drop


# -- planning --------------------------------------------------------------------------------------


def test_planning_a_workspace_again_writes_nothing(database_url: str) -> None:
    clock = FixedClock(START)
    with slack_bot(database_url, clock, digest_channel="CDIG") as (bot, _fake):
        now = clock.now()
        with bot.registers(TEAM, write=True) as reg:
            body = reg.bodies.add(reg.workspace.next_number(), "Organ", BodyKind.NETWORK, "C01")
            for i in range(40):
                day = dt.date(2021, 9, 20) + dt.timedelta(days=i)
                reg.consultations.add(
                    reg.workspace.next_number(),
                    NewConsultation(f"Plan {i}", "Region", day, None, None, "U1", body.id),
                    now,
                )
                reg.meetings.add(
                    reg.workspace.next_number(), NewMeeting(body.id, day, None, None, None, f"Möte {i}"), now
                )
                reg.decisions.add(
                    reg.workspace.next_number(),
                    i + 1,
                    NewDecision(body.id, dt.date(2021, 8, 30), "Beslut", None, day, "U1", i + 1),
                    now,
                )
            reg.commit()
        with statements(bot) as first:
            bot.planning.plan_all(now)
        before = rows(bot)
        kinds = {r.kind for r in before.values()}
        assert kinds == {
            DeliveryKind.CONSULTATION,
            DeliveryKind.MEETING,
            DeliveryKind.FOLLOW_UP,
            DeliveryKind.DIGEST,
            DeliveryKind.NOTICE,
        }
        inserts = [s for s in writes_to_deliveries(first) if s.startswith("INSERT")]
        # one executemany per kind of item (the meetings' notices too), and the two weekly digests
        assert len(inserts) <= 4 + 2, inserts
        later = now + dt.timedelta(minutes=5)
        clock.set(later)
        with statements(bot) as second:
            bot.planning.plan_all(later)
        assert writes_to_deliveries(second) == []
        assert rows(bot) == before
        # a changed channel rewrites exactly the pending rows of that body: one statement a kind
        with bot.registers(TEAM, write=True) as reg:
            reg.session.execute(update(BodyRow).where(BodyRow.workspace_id == TEAM).values(channel="C02"))
            reg.commit()
        with statements(bot) as third:
            bot.planning.plan_all(later)
        assert len([s for s in writes_to_deliveries(third) if s.startswith("UPDATE")]) == 4
        after = rows(bot)
        changed = {k for k in after if after[k] != before[k]}
        assert changed == {
            k
            for k, r in before.items()
            if r.kind is not DeliveryKind.DIGEST and r.status is DeliveryStatus.PENDING
        }
        assert {after[k].channel for k in changed} == {"C02"}


def test_planning_one_item_goes_through_the_same_code(database_url: str) -> None:
    clock = FixedClock(START)
    with slack_bot(database_url, clock) as (bot, _fake):
        add_consultations(bot, 1)
        with statements(bot) as seen, bot.registers(TEAM, write=True) as reg:
            bot.planning.plan_item(reg, RecordType.CONSULTATION, 2, clock.now())
            reg.commit()
        assert writes_to_deliveries(seen) == []


# -- pacing ----------------------------------------------------------------------------------------


@pytest.fixture
def sleeps(monkeypatch) -> list[float]:  # type: ignore[no-untyped-def]
    slept: list[float] = []
    real = time.sleep

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        real(seconds)

    monkeypatch.setattr(pacing_module.time, "sleep", sleep)
    return slept


def test_pacing_posts_to_other_channels_without_waiting(database_url: str, sleeps: list[float]) -> None:
    clock = FixedClock(START)
    with slack_bot(database_url, clock) as (bot, fake):
        bot.dispatcher.pace = 1.0
        add_consultations(bot, 3, channels=3)
        started = time.monotonic()
        counts = tick(bot, clock, WD10)
        assert counts.sent == 3
        assert sleeps == []
        assert time.monotonic() - started < 1.0
        assert sorted(m.channel for m in fake.posted()) == ["C00", "C01", "C02"]


def test_pacing_waits_only_when_nothing_else_is_due(database_url: str, sleeps: list[float]) -> None:
    """Two rows for C00 come first in the outbox, then one for C01: C00, C01, then C00 again
    about a second after its first post."""
    clock = FixedClock(START)
    with slack_bot(database_url, clock) as (bot, fake):
        bot.dispatcher.pace = 1.0
        now = clock.now()
        with bot.registers(TEAM, write=True) as reg:
            c0 = reg.bodies.add(reg.workspace.next_number(), "Organ 0", BodyKind.NETWORK, "C00")
            c1 = reg.bodies.add(reg.workspace.next_number(), "Organ 1", BodyKind.NETWORK, "C01")
            for body in (c0, c0, c1):
                reg.consultations.add(
                    reg.workspace.next_number(),
                    NewConsultation("Plan", "Region", dt.date(2021, 9, 30), None, None, "U1", body.id),
                    now,
                )
            reg.commit()
        bot.planning.plan_all(now)
        tick(bot, clock, WD10)
        calls = fake.calls_to("chat.postMessage")
        assert [c.args["channel"] for c in calls] == ["C00", "C01", "C00"]
        assert calls[2].at - calls[0].at >= 0.9
        assert len(sleeps) == 1 and sleeps[0] <= 1.0
        assert calls[1].at - calls[0].at < 0.5


def test_a_rate_limited_channel_is_left_alone_while_others_go_on(database_url: str) -> None:
    clock = FixedClock(START)
    with slack_bot(database_url, clock) as (bot, fake):
        add_consultations(bot, 6, channels=2)
        fake.fail("chat.postMessage", "rate_limited", retry_after=120)
        tick(bot, clock, WD10)
        limited = [k for k, r in rows(bot).items() if r.last_error == "rate_limited"]
        assert len(limited) == 1
        channel = rows(bot)[limited[0]].channel
        assert {m.channel for m in fake.posted()} == {"C00", "C01"} - {channel}
        assert len(fake.posted()) == 3
        tick(bot, clock, WD10 + dt.timedelta(seconds=121))
        posted = keys(fake)
        assert len(posted) == len(set(posted)) == 6


# -- the command line's run ------------------------------------------------------------------------


def test_run_goes_on_until_nothing_is_due_not_for_a_number_of_rounds(database_url: str) -> None:
    clock = FixedClock(START)
    with slack_bot(database_url, clock) as (bot, fake):
        add_consultations(bot, 130, channels=4)
        clock.set(WD10)
        counts = bot.dispatcher.run(WD10, batch=1)  # 130 batches: more than the old 100 rounds
        assert counts.sent == 130
        assert len(set(keys(fake))) == len(keys(fake)) == 130


def test_run_stops_when_its_time_is_up_and_the_next_run_goes_on(database_url: str) -> None:
    clock = FixedClock(START)
    with slack_bot(database_url, clock) as (bot, fake):
        add_consultations(bot, 12, channels=4)
        clock.set(WD10)
        first = bot.dispatcher.run(WD10, budget=0, batch=5)
        assert first.sent == 5
        second = bot.dispatcher.run(WD10)
        assert second.sent == 7
        assert len(set(keys(fake))) == len(keys(fake)) == 12


# -- recording -------------------------------------------------------------------------------------


def test_a_batch_is_claimed_and_recorded_in_two_transactions(database_url: str) -> None:
    clock = FixedClock(START)
    with slack_bot(database_url, clock) as (bot, fake):
        add_consultations(bot, 5, channels=5)
        clock.set(WD10)
        commits: list[int] = []
        listener = lambda _conn: commits.append(1)  # noqa: E731
        event.listen(bot.engine, "commit", listener)
        try:
            counts = bot.dispatcher.send(WD10)
        finally:
            event.remove(bot.engine, "commit", listener)
        assert counts.sent == 5 and len(keys(fake)) == 5
        assert len(commits) == 2  # the claim, and the five outcomes
        assert {r.status for r in rows(bot).values() if r.step == "wd10"} == {DeliveryStatus.SENT}


def test_outcomes_recorded_together_still_need_each_lease(database_url: str) -> None:
    clock = FixedClock(START)
    with slack_bot(database_url, clock) as (bot, _fake):
        add_consultations(bot, 4)
        box = bot.dispatcher.outbox
        lease = dt.timedelta(minutes=5)
        claimed = box.claim(WD10, "mine", lease, limit=5, platforms={"slack"})
        assert len(claimed) == 4
        mine, theirs, given_back, failed = (c.key for c in claimed)
        with box.writing() as s:  # my lease ran out and another process took this row over
            s.execute(update(DeliveryRow).where(DeliveryRow.key == theirs).values(lease_owner="theirs"))
            s.commit()
        box.record_many(
            "mine",
            WD10,
            [
                RowOutcome(mine, DeliveryStatus.SENT, {"sent_at": WD10, "message_ts": "1.1"}),
                RowOutcome(theirs, DeliveryStatus.SENT, {"sent_at": WD10, "message_ts": "1.2"}),
                released(given_back),
                RowOutcome(failed, DeliveryStatus.FAILED, {"last_error": "channel_not_found"}),
            ],
        )
        after = rows(bot)
        assert after[mine].status is DeliveryStatus.SENT and after[mine].sent_at == WD10
        assert after[theirs].status is DeliveryStatus.SENDING  # theirs to record
        assert after[given_back].status is DeliveryStatus.PENDING and after[given_back].attempts == 0
        assert after[failed].status is DeliveryStatus.FAILED
        assert after[failed].last_error == "channel_not_found"
        assert not box.record(theirs, "mine", DeliveryStatus.SENT, WD10)
        assert box.record(theirs, "theirs", DeliveryStatus.SENT, WD10)


def test_a_message_that_cannot_be_built_fails_alone(database_url: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    clock = FixedClock(START)
    with slack_bot(database_url, clock) as (bot, fake):
        add_consultations(bot, 3, channels=3)
        real = messages_module.consultation_reminder

        def broken(p: Any, c: Any, step: str, *, late: bool) -> Any:
            if c.title == "Plan 1":
                raise ValueError("broken")
            return real(p, c, step, late=late)

        monkeypatch.setattr(messages_module, "consultation_reminder", broken)
        counts = tick(bot, clock, WD10)
        assert counts.sent == 2 and counts.failed == 1
        failed = [r for r in rows(bot).values() if r.status is DeliveryStatus.FAILED]
        assert [r.last_error for r in failed] == ["build: ValueError"]
        reminders = [k for k in keys(fake) if not k.endswith(":failed")]
        assert len(reminders) == 2
        # and its owner is told, once
        assert [k for k in keys(fake) if k.endswith(":failed")] == [f"{failed[0].key}:failed"]
