"""Doubt never becomes a second post, and a reminder that fails for good is told to people in
Slack (the item's owner, or the workspace's admins) once, and shows in `reminders <id>`."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.core.clock import FixedClock
from bot.core.reminders import DeliveryStatus
from tests.helpers import say, text_of
from tests.reminders_support import TEAM, admin, keys, local, rows, slack_bot, status, tick

KEY = f"consultation:{TEAM}:2:wd10"
DUE = local("2021-09-16", "09:00")


def _notices(fake, key: str) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [
        (m.channel, m.text) for m in fake.posted() if m.metadata and m.metadata["event_payload"]["key"] == key
    ]


@pytest.mark.parametrize("error", ["not_in_channel", "missing_scope", "channel_not_found"])
def test_a_post_in_doubt_in_a_channel_the_bot_cannot_read_is_not_posted_again(
    database_url: str, error: str
) -> None:
    clock = FixedClock(local("2021-09-01", "10:00"))
    with slack_bot(database_url, clock) as (bot, fake):
        admin(bot, 'body add "Organ" --channel C00')
        admin(bot, 'consultation add "Plan" --issuer "Region" --due 2021-09-30 --body Organ')
        fake.unreadable["C00"] = error  # posted with chat:write.public, never joined
        fake.fail("chat.postMessage", "error_after")  # it landed, but Slack answered 500
        tick(bot, clock, DUE)
        assert status(bot, KEY) is DeliveryStatus.UNKNOWN
        for minutes in range(1, 8):
            tick(bot, clock, DUE + dt.timedelta(minutes=minutes))
        assert keys(fake, "C00") == [KEY]  # once, never twice
        row = rows(bot)[KEY]
        assert row.status is DeliveryStatus.FAILED and row.last_error == f"unverified:{error}"
        told = _notices(fake, KEY + ":failed")
        assert [channel for channel, _ in told] == ["UADMIN"]  # no owner: the admins
        assert "#2" in told[0][1]
        shown = text_of(say(bot, "reminders 2", user="UADMIN", workspace=TEAM))
        assert "gick inte att kontrollera" in shown, shown
        assert fake.problems == []


def test_a_permanent_failure_is_told_to_the_owner_once_and_shown(database_url: str) -> None:
    clock = FixedClock(local("2021-09-01", "10:00"))
    with slack_bot(database_url, clock) as (bot, fake):
        admin(bot, 'body add "Arkiv" --channel C0GONE')
        admin(
            bot, 'consultation add "Plan" --issuer "Region" --due 2021-09-30 --body Arkiv --owner <@U0ANNA>'
        )
        fake.channels_not_found.add("C0GONE")
        for minutes in range(0, 5):
            tick(bot, clock, DUE + dt.timedelta(minutes=minutes))
        assert status(bot, KEY) is DeliveryStatus.FAILED
        told = _notices(fake, KEY + ":failed")
        assert [channel for channel, _ in told] == ["U0ANNA"]
        assert "kunde inte skickas" in told[0][1] and "kanalen finns inte" in told[0][1]
        shown = text_of(say(bot, "reminders 2", user="UADMIN", workspace=TEAM))
        assert "misslyckades" in shown and "kanalen finns inte" in shown
        assert fake.problems == []
