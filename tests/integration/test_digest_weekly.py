"""The weekly digest: once per week and channel, on the first working day, within Slack's limits."""

from __future__ import annotations

import datetime as dt

from bot import cli
from bot.core.clock import FixedClock
from bot.core.model import BodyKind, NewConsultation, NewDecision, NewMeeting
from tests.helpers import say, text_of
from tests.reminders_support import TEAM, admin, keys, local, slack_bot, slack_settings, tick


def digests(fake, channel: str = "CDIG") -> list[str]:  # type: ignore[no-untyped-def]
    return [k for k in keys(fake, channel) if k.startswith("digest:")]


def digest_posts(fake, channel: str = "CDIG") -> list:  # type: ignore[no-untyped-def]
    return [
        m
        for m in fake.posted(channel)
        if m.metadata and m.metadata["event_payload"]["key"].startswith("digest:")
    ]


def test_once_per_week_and_channel_on_the_first_working_day(database_url: str) -> None:
    clock = FixedClock(local("2021-03-29", "10:00"))
    with slack_bot(database_url, clock, digest_channel="CDIG") as (bot, fake):
        admin(bot, 'body add "Samarbetskommittén" --channel C01')
        tick(bot, clock, local("2021-03-31", "12:00"))  # plans this week's (past) and next week's
        assert digests(fake) == []
        # Easter Monday 5 April 2021 is a holiday: the digest comes on Tuesday at 08:00
        tick(bot, clock, local("2021-04-05", "08:00"))
        assert digests(fake) == []
        tick(bot, clock, local("2021-04-06", "07:59"))
        assert digests(fake) == []
        tick(bot, clock, local("2021-04-06", "08:00"))
        assert digests(fake) == [f"digest:{TEAM}:CDIG:2021-W14"]
        for at in (local("2021-04-06", "08:01"), local("2021-04-07", "08:00"), local("2021-04-09", "08:00")):
            tick(bot, clock, at)
        assert len(digests(fake)) == 1
        tick(bot, clock, local("2021-04-12", "08:00"))
        assert digests(fake) == [f"digest:{TEAM}:CDIG:2021-W14", f"digest:{TEAM}:CDIG:2021-W15"]
        text = digest_posts(fake)[0].text
        assert "vecka 14" in text
        assert fake.problems == []


def test_the_digest_lists_what_the_contract_asks_for(database_url: str) -> None:
    clock = FixedClock(local("2021-09-13", "10:00"))
    with slack_bot(database_url, clock, digest_channel="CDIG") as (bot, fake):
        admin(bot, 'body add "Samarbetskommittén" --channel C01')
        admin(bot, 'meeting add "Samarbetskommittén" 2021-09-21 13:00 --where "Salems golfklubb"')
        admin(bot, 'meeting add "Samarbetskommittén" 2021-11-21 13:00 --where "Långt bort"')
        admin(bot, 'consultation add "Regional cykelplan" --issuer "Region" --due 2021-04-23')
        admin(bot, 'consultation add "Kollektivtrafikplan 2050" --issuer "Region" --due 2021-09-30')
        admin(bot, 'consultation add "Avlägsen remiss" --issuer "Region" --due 2021-12-30')
        admin(
            bot,
            'decision add "Samarbetskommittén" 2021-09-13 "Cykelplanen ska följas upp" --follow-up 2021-09-24',
        )
        admin(bot, 'fund add "Drift" --opening 1000')
        tick(bot, clock, local("2021-09-13", "10:00"))  # the bot runs the week before
        tick(bot, clock, local("2021-09-20", "08:00"))
        body = "\n".join(b["text"]["text"] for b in digest_posts(fake)[0].blocks if b["type"] == "section")
        assert "Salems golfklubb" in body and "Långt bort" not in body
        assert "Regional cykelplan — skulle ha besvarats" in body
        assert "Kollektivtrafikplan 2050" in body and "Avlägsen remiss" not in body
        assert "Cykelplanen ska följas upp" in body
        assert "1\xa0000 kr" in body
        # the next week's "new decisions" start after the last digest
        tick(bot, clock, local("2021-09-27", "08:00"))
        second = "\n".join(b["text"]["text"] for b in digest_posts(fake)[1].blocks if b["type"] == "section")
        assert "Nya beslut sedan förra sammanfattningen* (0)" in second
        # the command shows this week's digest to the asker only
        reply = say(bot, "sammanfattning", user="USOMEONE", workspace=TEAM)
        assert reply.ok and not reply.message.public
        assert "Veckans läge, vecka 39" in text_of(reply)


def test_however_much_there_is_the_digest_stays_within_slacks_limits(database_url: str) -> None:
    clock = FixedClock(local("2021-09-13", "10:00"))
    with slack_bot(database_url, clock, digest_channel="CDIG") as (bot, fake):
        long = "Ett mycket långt namn " * 12
        with bot.registers(TEAM, write=True) as reg:
            body = reg.bodies.add(reg.workspace.next_number(), long[:110], BodyKind.COMMITTEE, "C01")
            now = clock.now()
            for i in range(60):
                day = dt.date(2021, 9, 14) + dt.timedelta(days=i % 13)
                reg.meetings.add(
                    reg.workspace.next_number(),
                    NewMeeting(body.id, day, None, None, long[:390], long[:390]),
                    now,
                )
                reg.consultations.add(
                    reg.workspace.next_number(),
                    NewConsultation(
                        long[:190] + str(i),
                        long[:190],
                        day - dt.timedelta(days=20 * (i % 2)),
                        None,
                        None,
                        "U1",
                        body.id,
                    ),
                    now,
                )
                reg.decisions.add(
                    reg.workspace.next_number(),
                    i + 1,
                    NewDecision(body.id, dt.date(2021, 9, 13), long * 3, None, day, "U1", i + 1),
                    now,
                )
            for i in range(30):
                reg.ledger.add_fund(reg.workspace.next_number(), f"{long[:100]} {i}", now)
            reg.commit()
        tick(bot, clock, local("2021-09-13", "10:00"))
        for minute in range(8):  # one batch per tick: the due reminders first, then the digest
            tick(bot, clock, local("2021-09-20", "08:00") + dt.timedelta(minutes=minute))
        assert len(digests(fake)) == 1
        assert fake.problems == []
        text = "\n".join(str(b) for b in digest_posts(fake)[0].blocks)
        assert "och 50 till" in text  # the meetings shown, and how many more there are


def test_digest_command_line_once_per_week_and_force(database_url: str, capsys) -> None:  # type: ignore[no-untyped-def]
    clock = FixedClock(local("2021-09-20", "06:00"))
    with slack_bot(database_url, clock, digest_channel="CDIG") as (bot, fake):
        admin(bot, 'body add "Samarbetskommittén" --channel C01')
        settings = slack_settings(database_url, fake, digest_channel="CDIG")
        at = local("2021-09-20", "07:00")
        assert cli.post_digest(settings, now=at) == 0
        assert "digest: sent 1, skipped 0, failed 0" in capsys.readouterr().out
        assert cli.post_digest(settings, now=at + dt.timedelta(days=2)) == 0
        assert "digest: sent 0, skipped 1, failed 0" in capsys.readouterr().out
        assert cli.post_digest(settings, now=at + dt.timedelta(days=2), force=True) == 0
        assert "digest: sent 1," in capsys.readouterr().out
        assert len(digests(fake)) == 2
        # the ticker does not post the week's digest again at 08:00
        tick(bot, clock, local("2021-09-20", "08:00"))
        assert len(digests(fake)) == 2
        assert fake.problems == []


def _channel_a_b_a(bot, clock) -> None:  # type: ignore[no-untyped-def]
    """The digest channel changed A → B → A within a week, the planner running after each."""
    start = local("2021-09-14", "10:00")
    for i, channel in enumerate(("C0A", "C0B", "C0A")):
        admin(bot, f"digest channel <#{channel}>")
        tick(bot, clock, start + dt.timedelta(minutes=10 * i))


def test_a_digest_channel_changed_there_and_back_gets_the_weeks_digest_once(database_url: str) -> None:
    clock = FixedClock(local("2021-09-14", "09:00"))
    with slack_bot(database_url, clock) as (bot, fake):
        _channel_a_b_a(bot, clock)
        tick(bot, clock, local("2021-09-20", "08:00"))
        tick(bot, clock, local("2021-09-20", "08:10"))
        assert digests(fake, "C0A") == [f"digest:{TEAM}:C0A:2021-W38"]
        assert digests(fake, "C0B") == []
        assert fake.problems == []


def test_the_digest_command_after_a_channel_changed_there_and_back(database_url: str, capsys) -> None:  # type: ignore[no-untyped-def]
    clock = FixedClock(local("2021-09-14", "09:00"))
    with slack_bot(database_url, clock) as (bot, fake):
        _channel_a_b_a(bot, clock)
        settings = slack_settings(database_url, fake)
        assert cli.post_digest(settings, now=local("2021-09-20", "07:00")) == 0
        assert "digest: sent 1, skipped 0, failed 0" in capsys.readouterr().out
        assert digests(fake, "C0A") == [f"digest:{TEAM}:C0A:2021-W38"]
        tick(bot, clock, local("2021-09-20", "08:00"))  # and the ticker does not post it again
        assert len(digests(fake, "C0A")) == 1
