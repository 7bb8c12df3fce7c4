"""Reminders through the real stack (service, outbox, dispatcher, Slack poster) against the fake
Slack Web API, on SQLite and PostgreSQL, with an injected clock."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.core.clock import FixedClock
from bot.core.reminders import DeliveryStatus
from tests.helpers import say, text_of
from tests.reminders_support import TEAM, admin, keys, local, rows, slack_bot, status, tick

K = f"consultation:{TEAM}:2"


def setup_consultation(bot, due: str, *, owner: str = "U7") -> None:  # type: ignore[no-untyped-def]
    admin(bot, 'body add "Samarbetskommittén" --channel C01')
    admin(
        bot,
        f'consultation add "Kollektivtrafikplan 2050" --issuer "Region Stockholm" --due {due} --body Samarbetskommittén --owner <@{owner}>',
    )


@pytest.mark.parametrize(
    ("due", "ladder"),
    [
        # spring: the clocks go forward on Sunday 28 March 2021
        (
            "2021-03-30",
            [
                ("wd10", "2021-03-16"),
                ("wd5", "2021-03-23"),
                ("wd1", "2021-03-29"),
                ("wd0", "2021-03-30"),
                ("overdue", "2021-03-31"),
            ],
        ),
        # autumn: back on Sunday 31 October 2021
        (
            "2021-11-02",
            [
                ("wd10", "2021-10-19"),
                ("wd5", "2021-10-26"),
                ("wd1", "2021-11-01"),
                ("wd0", "2021-11-02"),
                ("overdue", "2021-11-03"),
            ],
        ),
    ],
)
def test_each_step_goes_out_at_nine_local_time_across_daylight_saving(
    database_url: str, due: str, ladder: list[tuple[str, str]]
) -> None:
    clock = FixedClock(local("2021-03-01" if due.startswith("2021-03") else "2021-10-01", "10:00"))
    with slack_bot(database_url, clock) as (bot, fake):
        setup_consultation(bot, due)
        sent: list[str] = []
        for step, day in ladder:
            tick(bot, clock, local(day, "08:59"))
            assert keys(fake) == sent, f"{step} went out before 09:00 local"
            tick(bot, clock, local(day, "09:00"))
            sent.append(f"{K}:{step}")
            assert keys(fake) == sent
            assert fake.posted()[-1].channel == "C01"
        posted = fake.posted()
        assert "<@U7>" in posted[0].blocks[0]["text"]["text"]
        buttons = [e["action_id"] for b in posted[0].blocks if b["type"] == "actions" for e in b["elements"]]
        assert any("consultation.submit" in a for a in buttons) and any(
            "consultation.show" in a for a in buttons
        )
        assert fake.problems == []
        assert all(not r.late for r in rows(bot).values())


def test_catch_up_after_downtime_sends_only_the_latest_step_marked_late(database_url: str) -> None:
    clock = FixedClock(local("2021-09-01", "10:00"))
    with slack_bot(database_url, clock) as (bot, fake):
        setup_consultation(bot, "2021-09-30")
        # down from before the first step until the afternoon of the day before the due date
        counts = tick(bot, clock, local("2021-09-29", "14:00"))
        assert keys(fake) == [f"{K}:wd1"]
        text = " ".join(
            b.get("elements", [{}])[0].get("text", "")
            for b in fake.posted()[0].blocks
            if b["type"] == "context"
        )
        assert "Skickas sent" in text
        assert counts.sent == 1 and counts.skipped == 2
        assert status(bot, f"{K}:wd10") is DeliveryStatus.DROPPED
        assert status(bot, f"{K}:wd5") is DeliveryStatus.DROPPED
        assert rows(bot)[f"{K}:wd1"].late
        tick(bot, clock, local("2021-09-29", "15:00"))
        tick(bot, clock, local("2021-09-30", "09:00"))
        assert keys(fake) == [f"{K}:wd1", f"{K}:wd0"]
        assert not rows(bot)[f"{K}:wd0"].late
        shown = text_of(admin(bot, "reminders 2"))
        assert "hoppades över" in shown and "(sent)" in shown


def test_editing_the_due_date_replans_and_submitting_stops(database_url: str) -> None:
    clock = FixedClock(local("2021-09-01", "10:00"))
    with slack_bot(database_url, clock) as (bot, fake):
        setup_consultation(bot, "2021-09-30")
        tick(bot, clock, local("2021-09-16", "09:00"))
        assert keys(fake) == [f"{K}:wd10"]
        reply = admin(bot, "remiss ändra 2 --senast 2021-10-15")
        assert "15 oktober 2021" in text_of(reply)
        assert rows(bot)[f"{K}:wd5"].due_at == local("2021-10-08")
        assert rows(bot)[f"{K}:wd10"].status is DeliveryStatus.SENT  # sent rows are never touched
        tick(bot, clock, local("2021-09-23", "09:00"))  # the old wd5
        assert keys(fake) == [f"{K}:wd10"]
        tick(bot, clock, local("2021-10-08", "09:00"))
        assert keys(fake) == [f"{K}:wd10", f"{K}:wd5"]
        clock.set(local("2021-10-11", "10:00"))
        admin(bot, "consultation submit 2")
        for day in ("2021-10-14", "2021-10-15", "2021-10-18"):
            tick(bot, clock, local(day, "09:00"))
        assert keys(fake) == [f"{K}:wd10", f"{K}:wd5"]
        assert {r.status for k, r in rows(bot).items() if k.endswith(("wd1", "wd0", "overdue"))} == {
            DeliveryStatus.CANCELLED
        }
        assert "besvarad" in text_of(admin(bot, "reminders 2"))


def test_cancelled_meetings_finished_follow_ups_and_moved_meetings(database_url: str) -> None:
    clock = FixedClock(local("2021-09-01", "10:00"))
    with slack_bot(database_url, clock) as (bot, fake):
        admin(bot, 'body add "Samarbetskommittén" --channel C01')
        admin(bot, 'meeting add "Samarbetskommittén" 2021-09-21 13:00 --where "Salems golfklubb"')  # 2
        admin(bot, 'meeting add "Samarbetskommittén" 2021-09-22 13:00')  # 3
        admin(
            bot,
            'decision add "Samarbetskommittén" 2021-09-01 "Cykelplan" --follow-up 2021-09-24 --owner <@U9>',
        )  # 4
        admin(bot, 'decision add "Samarbetskommittén" 2021-09-01 "Länsplan" --follow-up 2021-09-24')  # 5
        admin(bot, "meeting cancel 3")
        admin(bot, "decision done 5")
        admin(bot, "meeting edit 2 --date 2021-09-28")
        for day in (
            "2021-09-14",
            "2021-09-15",
            "2021-09-17",
            "2021-09-20",
            "2021-09-21",
            "2021-09-24",
            "2021-09-27",
        ):
            tick(bot, clock, local(day, "09:00"))
        assert keys(fake) == [
            f"follow_up:{TEAM}:4:wd5",
            f"meeting:{TEAM}:2:wd5",
            f"notice:{TEAM}:2:notice",  # MEETING_NOTICE_WORKDAYS (5) before the moved meeting
            f"follow_up:{TEAM}:4:wd0",
            f"meeting:{TEAM}:2:wd1",
        ]
        assert "<@U9>" in fake.posted()[0].blocks[0]["text"]["text"]
        assert fake.problems == []


def test_nothing_goes_out_for_an_item_finished_behind_the_planners_back(database_url: str) -> None:
    """The check happens at send time too, not only when planning."""
    clock = FixedClock(local("2021-09-01", "10:00"))
    with slack_bot(database_url, clock) as (bot, fake):
        setup_consultation(bot, "2021-09-30")
        with bot.registers(TEAM, write=True) as reg:
            c = reg.consultations.get(2)
            assert c is not None
            reg.consultations.submit(c.id, dt.date(2021, 9, 10))  # no listener told
            reg.commit()
        counts = tick(bot, clock, local("2021-09-16", "09:00"))
        assert keys(fake) == []
        assert counts.skipped == 1
        assert status(bot, f"{K}:wd10") is DeliveryStatus.CANCELLED


def test_without_any_channel_the_row_fails_with_a_reason_people_can_see(database_url: str) -> None:
    clock = FixedClock(local("2021-09-01", "10:00"))
    with slack_bot(database_url, clock) as (bot, fake):
        admin(bot, 'consultation add "Regional cykelplan" --issuer "Region Stockholm" --due 2021-09-30')
        counts = tick(bot, clock, local("2021-09-16", "09:00"))
        assert counts.failed == 1
        assert status(bot, f"consultation:{TEAM}:1:wd10") is DeliveryStatus.FAILED
        assert "ingen kanal" in text_of(admin(bot, "reminders 1"))
        # a digest channel set later is used by the steps still to come
        admin(bot, "digest channel <#CDIG>")
        bot.planning.plan_all(clock.now())
        tick(bot, clock, local("2021-09-23", "09:00"))
        assert [k for k in keys(fake, "CDIG") if k.startswith("consultation")] == [
            f"consultation:{TEAM}:1:wd5"
        ]


def test_a_permanent_error_is_recorded_and_not_retried(database_url: str) -> None:
    clock = FixedClock(local("2021-09-01", "10:00"))
    with slack_bot(database_url, clock) as (bot, fake):
        setup_consultation(bot, "2021-09-30")
        fake.channels_not_found.add("C01")
        counts = tick(bot, clock, local("2021-09-16", "09:00"))
        assert counts.failed == 1
        for minutes in (1, 5, 30):
            tick(bot, clock, local("2021-09-16", "09:00") + dt.timedelta(minutes=minutes))
        posts = [c.args.get("channel") for c in fake.calls_to("chat.postMessage")]
        assert posts.count("C01") == 1  # not retried
        assert len(posts) == 2  # and people were told once, in a direct message
        row = rows(bot)[f"{K}:wd10"]
        assert row.status is DeliveryStatus.FAILED and row.last_error == "channel_not_found"
        assert "kanalen finns inte" in text_of(admin(bot, "reminders 2"))


def test_the_owner_snoozes_the_next_step_to_the_next_working_day(database_url: str) -> None:
    clock = FixedClock(local("2021-09-01", "10:00"))
    with slack_bot(database_url, clock) as (bot, fake):
        setup_consultation(bot, "2021-09-30", owner="U7")
        refused = say(bot, "reminders snooze 2", user="USOMEONE", workspace=TEAM)
        assert not refused.ok
        reply = say(bot, "påminnelser skjut-upp 2", user="U7", workspace=TEAM)
        assert reply.ok, text_of(reply)
        assert "fre 17 sep" in text_of(reply)
        tick(bot, clock, local("2021-09-16", "09:00"))
        assert keys(fake) == []
        tick(bot, clock, local("2021-09-17", "09:00"))
        assert keys(fake) == [f"{K}:wd10"]
        assert not rows(bot)[f"{K}:wd10"].late
        # a named step
        assert say(bot, "reminders snooze 2 wd0", user="U7", workspace=TEAM).ok
        assert rows(bot)[f"{K}:wd0"].when == local("2021-10-01")
        assert not say(bot, "reminders snooze 2 wd99", user="U7", workspace=TEAM).ok


def test_posts_to_one_channel_are_paced_to_about_one_a_second(database_url: str) -> None:
    clock = FixedClock(local("2021-09-01", "10:00"))
    with slack_bot(database_url, clock) as (bot, fake):
        bot.dispatcher.pace = 1.0
        admin(bot, 'body add "Samarbetskommittén" --channel C01')
        admin(bot, 'body add "Ledningsgruppen" --channel C02')
        for body in ("Samarbetskommittén", "Samarbetskommittén", "Ledningsgruppen"):
            admin(bot, f'consultation add "Plan" --issuer "Region" --due 2021-09-30 --body {body}')
        tick(bot, clock, local("2021-09-16", "09:00"))
        calls = fake.calls_to("chat.postMessage")
        assert len(calls) == 3
        by_channel: dict[str, list[float]] = {}
        for c in calls:
            by_channel.setdefault(c.args["channel"], []).append(c.at)
        c1 = by_channel["C01"]
        assert c1[1] - c1[0] >= 0.9
        assert fake.problems == []
