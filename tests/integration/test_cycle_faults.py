"""Slack misbehaving while the meeting cycle posts: notices (planned and asked for),
announcements and draft reminders each go out exactly once, as every reminder does."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from bot.core.clock import FixedClock
from bot.core.reminders import DeliveryKind, DeliveryStatus
from tests.reminders_support import TEAM, admin, keys, local, rows, slack_bot, status, tick

NOTICE = f"notice:{TEAM}:2:notice"
#: five working days before Monday 4 October 2021
NOTICE_DUE = local("2021-09-27", "09:00")


def setup(bot) -> None:  # type: ignore[no-untyped-def]
    admin(bot, 'body add "Samarbetskommittén" --channel C00')  # 1
    admin(bot, 'body member add Samarbets <@U0ANNA> "Botkyrka" --role chair')
    admin(bot, "meeting add Samarbets 2021-10-04 13:00")  # 2
    admin(bot, 'consultation add "Plan" --issuer Region --due 2021-11-30 --body Samarbets')  # 3
    admin(bot, "consultation plan 3 --meeting 2 --draft-workdays 2")
    admin(bot, 'decision add Samarbets 2021-09-01 "Beslut" --meeting 2')  # 4


@pytest.mark.parametrize("fault", ["error_before", "error_after", "drop_before", "drop_after"])
def test_the_notice_goes_out_once_through_an_ambiguous_failure(database_url: str, fault: str) -> None:
    clock = FixedClock(local("2021-09-01", "10:00"))
    # the meeting's own reminder falls one working day before, not on the notice's day
    with slack_bot(database_url, clock, announce=True, meeting_reminder_workdays=(1,)) as (bot, fake):
        setup(bot)
        tick(bot, clock, local("2021-09-01", "10:01"))  # the announcements
        fake.fail("chat.postMessage", fault)
        counts = tick(bot, clock, NOTICE_DUE)
        assert counts.sent == 0 and status(bot, NOTICE) is DeliveryStatus.UNKNOWN
        for i in range(1, 8):
            tick(bot, clock, NOTICE_DUE + dt.timedelta(minutes=i))
        assert keys(fake).count(NOTICE) == 1
        assert status(bot, NOTICE) is DeliveryStatus.SENT
        assert fake.problems == []


def test_notices_announcements_and_drafts_through_mixed_faults_each_once(database_url: str) -> None:
    clock = FixedClock(local("2021-09-01", "10:00"))
    with slack_bot(database_url, clock, announce=True) as (bot, fake):
        setup(bot)
        admin(bot, "meeting notice 2")  # asked for at once: the planned notice is then not sent
        rng = random.Random(7)
        faults = ["rate_limited", "error_before", "error_after", "drop_before", "drop_after"]
        for _ in range(6):
            fake.fail("chat.postMessage", rng.choice(faults), retry_after=30)
        start = local("2021-09-01", "10:01")
        for i in range(12):
            tick(bot, clock, start + i * dt.timedelta(seconds=40))
        draft_due = local("2021-09-30", "09:00")
        for i in range(12):
            tick(bot, clock, draft_due + i * dt.timedelta(seconds=40))
        sent = keys(fake)
        wanted = {
            f"announce:{TEAM}:2:new",
            f"announce:{TEAM}:3:new",
            f"announce:{TEAM}:4:new",
            f"notice:{TEAM}:2:asked1",
            f"draft:{TEAM}:3:draft",
        }
        assert wanted <= set(sent)
        assert len(sent) == len(set(sent))  # nothing twice
        assert NOTICE not in sent
        cycle = {DeliveryKind.NOTICE, DeliveryKind.ANNOUNCE, DeliveryKind.DRAFT}
        assert {r.status for r in rows(bot).values() if r.kind in cycle and r.key in wanted} == {
            DeliveryStatus.SENT
        }
        assert fake.problems == []


def test_announce_off_announces_nothing(database_url: str) -> None:
    clock = FixedClock(local("2021-09-01", "10:00"))
    with slack_bot(database_url, clock, announce=False) as (bot, fake):
        setup(bot)
        tick(bot, clock, local("2021-09-01", "10:01"))
        assert [k for k in keys(fake) if k.startswith("announce:")] == []
        assert not [r for r in rows(bot).values() if r.kind is DeliveryKind.ANNOUNCE]
