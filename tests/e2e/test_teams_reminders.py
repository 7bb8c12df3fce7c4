"""Reminders to a Teams channel through the outbox, exactly once, with the Bot Connector
misbehaving on demand (shared/RELIABILITY.md, "Teams: no history to look in")."""

from __future__ import annotations

import datetime as dt
import socket
from collections.abc import Iterator

import pytest

from bot.adapters.teams.poster import NOT_SENT_WAIT, TeamsPoster
from bot.bootstrap import Bot, bootstrap
from bot.core.clock import FixedClock
from bot.core.reminders import DeliveryStatus, DeliveryView
from tests.conftest import make_settings
from tests.e2e.teams_kit import ADMIN_AAD, APP_ID, CHANNEL, TENANT
from tests.e2e.test_slack_kit import TOKEN
from tests.fakes.slack_api import FakeSlack
from tests.fakes.teams_connector import FakeConnector, running_connector
from tests.helpers import say
from tests.reminders_support import keys, local, tick

DUE = local("2021-09-16", "09:00")  # ten working days before 30 September


@pytest.fixture
def teams_bot(database_url: str) -> Iterator[tuple[Bot, FakeConnector, FixedClock]]:
    clock = FixedClock(local("2021-09-01", "10:00"))
    with running_connector() as connector:
        # Teams settings alone: the dispatcher's Teams poster is the one bootstrap wires from them
        settings = make_settings(
            database_url,
            admin_users=frozenset({ADMIN_AAD}),
            scheduler=False,
            digest_channel=CHANNEL,
            teams_app_id=APP_ID,
            teams_auth=False,
            teams_service_url=connector.url,
        )
        bot = bootstrap(settings, clock=clock)
        bot.dispatcher.pace = 0
        reply = say(
            bot,
            'consultation add "Kollektivtrafikplan 2050" --issuer "Region Stockholm" --due 2021-09-30',
            user=ADMIN_AAD,
            workspace=TENANT,
        )
        assert reply.ok
        yield bot, connector, clock
        bot.close()


def _first(bot: Bot) -> DeliveryView:
    rows = sorted(bot.dispatcher.outbox.rows(), key=lambda r: r.key)
    wanted = [r for r in rows if r.key.startswith(f"consultation:{TENANT}:") and r.key.endswith(":wd10")]
    assert len(wanted) == 1, rows
    return wanted[0]


def _quiet(bot: Bot, clock: FixedClock, start: dt.datetime, minutes: int = 8) -> None:
    for i in range(minutes):
        tick(bot, clock, start + dt.timedelta(minutes=i))


def test_a_reminder_reaches_the_channel_once_as_a_card(
    teams_bot: tuple[Bot, FakeConnector, FixedClock],
) -> None:
    bot, connector, clock = teams_bot
    tick(bot, clock, DUE)
    _quiet(bot, clock, DUE + dt.timedelta(minutes=1))
    (sent,) = connector.to(CHANNEL)
    assert "Kollektivtrafikplan 2050" in sent.texts()
    assert sent.activity["attachments"][0]["content"]["version"] == "1.5"
    assert _first(bot).status is DeliveryStatus.SENT


def test_a_429_waits_for_its_retry_after(teams_bot: tuple[Bot, FakeConnector, FixedClock]) -> None:
    bot, connector, clock = teams_bot
    connector.fail("429", retry_after=120)
    tick(bot, clock, DUE)
    row = _first(bot)
    assert row.status is DeliveryStatus.PENDING and row.not_before == DUE + dt.timedelta(seconds=120)
    tick(bot, clock, DUE + dt.timedelta(seconds=60))
    assert connector.requests == 1 and connector.sent == []
    tick(bot, clock, DUE + dt.timedelta(seconds=121))
    assert len(connector.to(CHANNEL)) == 1
    assert _first(bot).status is DeliveryStatus.SENT


@pytest.mark.parametrize("fault", ["500", "drop"])
def test_an_ambiguous_send_stays_unknown_and_is_never_sent_twice(
    teams_bot: tuple[Bot, FakeConnector, FixedClock], fault: str
) -> None:
    bot, connector, clock = teams_bot
    connector.fail(fault)
    tick(bot, clock, DUE)
    assert _first(bot).status is DeliveryStatus.UNKNOWN
    _quiet(bot, clock, DUE + dt.timedelta(minutes=1), minutes=30)
    # it did land, and Teams cannot be asked: it stays unknown (shown in `reminders`), sent once
    assert connector.requests == 1 and len(connector.to(CHANNEL)) == 1
    assert _first(bot).status is DeliveryStatus.UNKNOWN
    overview = say(bot, "reminders 1", user=ADMIN_AAD, workspace=TENANT)
    assert overview.ok


def test_a_send_that_never_left_is_sent_again_later(teams_bot: tuple[Bot, FakeConnector, FixedClock]) -> None:
    bot, connector, clock = teams_bot
    with socket.socket() as s:  # a port nobody listens on: the connection is refused
        s.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{s.getsockname()[1]}/"
    poster = bot.dispatcher.poster(TENANT)
    assert isinstance(poster, TeamsPoster)
    reachable, poster.service_url = poster.service_url, closed
    tick(bot, clock, DUE)
    row = _first(bot)
    assert row.status is DeliveryStatus.PENDING
    assert row.not_before == DUE + dt.timedelta(seconds=NOT_SENT_WAIT)
    poster.service_url = reachable
    _quiet(bot, clock, DUE + dt.timedelta(seconds=NOT_SENT_WAIT + 1))
    assert len(connector.to(CHANNEL)) == 1
    assert _first(bot).status is DeliveryStatus.SENT


def test_a_refusal_for_good_is_recorded_as_failed(teams_bot: tuple[Bot, FakeConnector, FixedClock]) -> None:
    bot, connector, clock = teams_bot
    poster = bot.dispatcher.poster(TENANT)
    assert isinstance(poster, TeamsPoster)
    poster.service_url += "missing/"  # the fake answers 404 there: a conversation that is gone
    tick(bot, clock, DUE)
    _quiet(bot, clock, DUE + dt.timedelta(minutes=1))
    assert _first(bot).status is DeliveryStatus.FAILED
    assert connector.sent == []


def test_each_process_claims_only_the_rows_of_the_platforms_it_can_post_to(
    database_url: str, teams_bot: tuple[Bot, FakeConnector, FixedClock]
) -> None:
    """A Teams-only process leaves a Slack workspace's reminders for a process with Slack, and
    that one leaves the Teams tenant's: neither takes (nor counts an attempt on) the other's."""
    teams, connector, clock = teams_bot
    slack_line = 'consultation add "Regional cykelplan" --issuer "Region Stockholm" --due 2021-09-30'
    slack_body = 'body add "Styrelsen" --channel C0BOARD'
    assert say(teams, slack_body, user=ADMIN_AAD, workspace="T0SLACK").ok
    assert say(teams, slack_line + " --body Styrelsen", user=ADMIN_AAD, workspace="T0SLACK").ok
    tick(teams, clock, DUE)

    def row(prefix: str) -> DeliveryView:
        (found,) = [
            r for r in teams.dispatcher.outbox.rows() if r.key.startswith(prefix) and r.key.endswith(":wd10")
        ]
        return found

    assert row(f"consultation:{TENANT}:").status is DeliveryStatus.SENT
    untouched = row("consultation:T0SLACK:")
    assert untouched.status is DeliveryStatus.PENDING and untouched.attempts == 0

    with FakeSlack() as slack:
        settings = make_settings(
            database_url, scheduler=False, slack_bot_token=TOKEN, slack_api_url=slack.url
        )
        other = bootstrap(settings, clock=clock, run_migrations=False)
        try:
            other.dispatcher.pace = 0
            say(
                teams,
                'consultation add "Ny remiss" --issuer X --due 2021-09-30',
                user=ADMIN_AAD,
                workspace=TENANT,
            )
            tick(other, clock, DUE + dt.timedelta(minutes=1))
            assert keys(slack, "C0BOARD") == [untouched.key]
            assert all(
                r.attempts == 0
                for r in other.dispatcher.outbox.rows()
                if TENANT in r.key and r.status is DeliveryStatus.PENDING
            )
        finally:
            other.close()
    assert len(connector.to(CHANNEL)) == 1
