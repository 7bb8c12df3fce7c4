"""Helpers for the reminder, digest and dispatch tests: a bot wired to the fake Slack Web API."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any
from zoneinfo import ZoneInfo

from bot.bootstrap import Bot, bootstrap
from bot.core.clock import FixedClock
from bot.core.reminders import DeliveryStatus, DeliveryView
from bot.frontend import Reply
from tests.conftest import make_settings
from tests.fakes.slack_api import FakeSlack
from tests.helpers import say

ZONE = ZoneInfo("Europe/Stockholm")
TEAM = "T1"


def local(day: str, hhmm: str = "09:00") -> dt.datetime:
    """A Stockholm wall-clock time as an aware UTC instant."""
    d = dt.date.fromisoformat(day)
    h, m = (int(x) for x in hhmm.split(":"))
    return dt.datetime.combine(d, dt.time(h, m), tzinfo=ZONE).astimezone(dt.UTC)


def slack_settings(database_url: str, fake: FakeSlack, **overrides: Any) -> Any:
    return make_settings(
        database_url,
        slack_bot_token="xoxb-test",
        slack_signing_secret="secret",
        slack_api_url=fake.url,
        **overrides,
    )


@contextmanager
def slack_bot(database_url: str, clock: FixedClock, **overrides: Any) -> Iterator[tuple[Bot, FakeSlack]]:
    with FakeSlack() as fake:
        bot = bootstrap(slack_settings(database_url, fake, **overrides), clock=clock)
        bot.dispatcher.pace = 0  # pacing has a test of its own
        try:
            yield bot, fake
        finally:
            bot.close()


def admin(bot: Bot, line: str) -> Reply:
    reply = say(bot, line, user="UADMIN", workspace=TEAM)
    assert reply.ok, f"{line}: {reply.message}"
    return reply


def tick(bot: Bot, clock: FixedClock, at: dt.datetime) -> Any:
    clock.set(at)
    return bot.dispatcher.tick(at)


def keys(fake: FakeSlack, channel: str | None = None) -> list[str]:
    return [m.metadata["event_payload"]["key"] for m in fake.posted(channel) if m.metadata]


def rows(bot: Bot) -> dict[str, DeliveryView]:
    return {r.key: r for r in bot.dispatcher.outbox.rows()}


def status(bot: Bot, key: str) -> DeliveryStatus:
    return rows(bot)[key].status


def wait_until(condition: Callable[[], bool], timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return condition()
