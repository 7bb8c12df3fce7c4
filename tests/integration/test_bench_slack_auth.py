"""The benchmark's Slack credentials: in OAuth mode every generated workspace is installed and
answered with its own token, as a deployment serving several workspaces is; with one bot token
the measured workspace is answered and its neighbours are refused (one token, one workspace).
Signed as the load generator signs, through the bolt app the bot builds, over the fake Slack."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import Any

import pytest
from slack_bolt import BoltRequest
from slack_sdk import WebClient

from bench import report, slack_auth
from bench.load import BOT_TOKEN, SIGNING_SECRET, Target, has_reply, signed_command
from bot.adapters.slack.app import build_app
from bot.bootstrap import Bot, bootstrap
from bot.config import Settings
from bot.core.clock import FixedClock
from bot.store import slack_oauth
from tests.fakes.slack_api import FakeSlack

MAIN, NEIGHBOUR = "TBENCH", "TNEIGHBOUR"


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    with FakeSlack(strict=False) as server:
        slack_auth.teach_fake(server.installed, [MAIN, NEIGHBOUR], MAIN)
        yield server


def bench_bot(settings: Settings, clock: FixedClock, fake: FakeSlack, mode: str) -> Bot:
    slack: dict[str, Any] = {
        "oauth": {"slack_client_id": slack_auth.CLIENT_ID, "slack_client_secret": slack_auth.CLIENT_SECRET},
        "token": {"slack_bot_token": BOT_TOKEN},
    }[mode]
    configured = replace(
        settings, slack_signing_secret=SIGNING_SECRET, slack_api_url=fake.url, scheduler=False, **slack
    )
    return bootstrap(configured, clock=clock)


def answer(bot: Bot, fake: FakeSlack, team: str) -> tuple[int, bool]:
    """The HTTP status of `help` from `team`, and whether the reply came with it."""
    app = build_app(bot.slack_services(), bot.settings)
    body, headers = signed_command(Target("t", 0, team), "help", fake.response_url())
    sent: dict[str, str | Sequence[str]] = {**headers}
    response = app.dispatch(BoltRequest(body=body.decode(), headers=sent))
    return response.status, has_reply(response.body.encode())


def test_oauth_mode_answers_every_installed_workspace_with_its_own_token(
    settings: Settings, clock: FixedClock, fake: FakeSlack
) -> None:
    bot = bench_bot(settings, clock, fake, "oauth")
    try:
        slack_auth.install(bot.engine, [MAIN, NEIGHBOUR])
        for team in (MAIN, NEIGHBOUR):
            token = slack_oauth.bot_token(bot.engine, slack_auth.CLIENT_ID, team)
            assert token == slack_auth.workspace_token(team)
            assert WebClient(token=token, base_url=fake.url).auth_test()["team_id"] == team
            assert answer(bot, fake, team) == (200, True)
        assert answer(bot, fake, "TNOTINSTALLED")[1] is False  # bolt: not installed, not answered
    finally:
        bot.close()


def test_token_mode_answers_the_measured_workspace_only(
    settings: Settings, clock: FixedClock, fake: FakeSlack
) -> None:
    bot = bench_bot(settings, clock, fake, "token")
    try:
        assert answer(bot, fake, MAIN) == (200, True)
        assert answer(bot, fake, NEIGHBOUR) == (403, False)
    finally:
        bot.close()


def test_report_says_no_figure_for_a_zero_or_missing_throughput() -> None:
    aims: list[list[str]] = []
    lines = report._slack(
        "sqlite",
        {
            "latency": {"help": {"baseline": {"p50": 0.0, "p95": 0.0, "p99": 0.0}, "year": _ms(1.0)}},
            "throughput": {
                "size": "year",
                "commands": {
                    "fund balance": {
                        "bot": {
                            "8": {
                                "seconds": 0.5,
                                "per_second": 400.0,
                                "p50": 0.01,
                                "p99": 0.02,
                                "failures": 0,
                            },
                            "32": {
                                "seconds": 0.5,
                                "per_second": 300.0,
                                "p50": 0.01,
                                "p99": 0.02,
                                "failures": 0,
                            },
                        },
                        "baseline": {"8": {"per_second": 0.0, "p50": None, "p99": None, "failures": 3}},
                    }
                },
            },
            "serve": {},
        },
        aims,
    )
    text = "\n".join(lines)
    assert "| fund balance | 8 | 400 | 0 | no figure |" in text
    assert "| fund balance | 32 | 300 | no figure | no figure |" in text  # the baseline's is missing
    assert ["p50 ≤ 3× baseline at year: help", "sqlite", "no figure", "no figure"] in aims
    assert [
        "throughput at 8 clients ≥ 50% of the baseline's: fund balance",
        "sqlite",
        "no figure",
        "no figure",
    ] in aims


def _ms(value: float) -> dict[str, float]:
    return {"p50": value, "p95": value, "p99": value}
