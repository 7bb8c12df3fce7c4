"""The App Home and long lists: what matters now for whoever opens it, within Slack's limits
however much there is; events retried by Slack are handled once."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from bot.bootstrap import Bot, bootstrap
from bot.core.clock import FixedClock
from tests.conftest import DEFAULT_NOW
from tests.e2e.test_slack_kit import ADMIN, TEAM, SlackDriver, slack_settings, text_of_blocks
from tests.fakes.slack_api import FakeSlack, message_problems


@pytest.fixture
def slack(database_url: str, fake: FakeSlack) -> Iterator[SlackDriver]:
    bot: Bot = bootstrap(slack_settings(database_url, fake), clock=FixedClock(DEFAULT_NOW))
    driver = SlackDriver.start(bot, fake)
    yield driver
    bot.close()


def enter(slack: SlackDriver, *lines: str) -> None:
    """Straight through the frontend, as the slash command would (faster for many records)."""
    actor = slack.bot.frontend.actor(TEAM, ADMIN)
    for line in lines:
        reply = slack.bot.frontend.handle(actor, line, cmd="")
        assert reply.ok, line


def home_of(fake: FakeSlack, user: str) -> dict[str, Any]:
    published = [v for v in fake.views if v["args"].get("user_id") == user]
    assert published, f"no Home published for {user}"
    view: dict[str, Any] = published[-1]["view"]
    return view


def test_the_home_shows_what_matters_now(slack: SlackDriver, fake: FakeSlack) -> None:
    enter(
        slack,
        'body add "Samarbetskommittén" --kind committee',
        "meeting add Samarbetskommittén 2021-10-21 13:00 --where Digitalt",
        'consultation add "Kollektivtrafikplan 2050" --issuer "Region Stockholm" --due 2021-09-30 --owner <@U0HELENE>',
        'consultation add "Regional cykelplan" --issuer "Region Stockholm" --due 2021-04-23',
        'decision add Samarbetskommittén 2021-05-20 "Elektrifieringslöftet" --follow-up 2021-09-01 --owner <@U0HELENE>',
        'fund add "Södertörnsmodellen" --opening 519 857 --on 2021-01-01',
    )
    assert slack.open_home("U0HELENE", event_id="Ev01").status == 200
    home = home_of(fake, "U0HELENE")
    text = text_of_blocks(home["blocks"])
    assert "Dina öppna remisser (1)" in text and "Kollektivtrafikplan 2050" in text
    assert "Dina uppföljningar (1)" in text and "Elektrifieringslöftet" in text
    assert "Nästa möten" in text and "Digitalt" in text
    assert "Försenat (2)" in text and "Regional cykelplan" in text
    assert "Fondsaldon" not in text  # Helene keeps no register (yet)

    slack.open_home(ADMIN, event_id="Ev02")
    assert "Fondsaldon" in text_of_blocks(home_of(fake, ADMIN)["blocks"])
    assert "519 857 kr" in text_of_blocks(home_of(fake, ADMIN)["blocks"]).replace("\u00a0", " ")
    assert fake.problems == []


def test_a_retried_event_is_handled_once_and_the_messages_tab_draws_nothing(
    slack: SlackDriver, fake: FakeSlack
) -> None:
    assert slack.open_home(ADMIN, event_id="Ev11").status == 200
    assert slack.open_home(ADMIN, event_id="Ev11", retry=1).status == 200
    assert slack.open_home(ADMIN, event_id="Ev11", retry=2).status == 200
    assert len(fake.calls_to("views.publish")) == 1
    slack.open_home(ADMIN, event_id="Ev12")
    assert len(fake.calls_to("views.publish")) == 2
    messages = {"type": "app_home_opened", "user": ADMIN, "channel": "D1", "tab": "messages", "event_ts": "1"}
    slack.event(messages, event_id="Ev13")
    assert len(fake.calls_to("views.publish")) == 2


def test_three_hundred_consultations_stay_within_every_limit(slack: SlackDriver, fake: FakeSlack) -> None:
    # Titles and issuers near their limits: 25 such lines are more text than one message may hold.
    long_title = ("Förslag till regional utvecklingsplan för Stockholmsregionen med remissvar om " * 4)[:280]
    issuer = "Region Stockholm, Tillväxt- och regionplaneförvaltningen, enheten för regional utveckling"
    enter(
        slack,
        *(
            f'consultation add "{long_title.strip()} del {n}" --issuer "{issuer}" '
            f'--due 2021-{1 + n % 12:02d}-{1 + n % 28:02d} --owner <@{ADMIN}> --ref "RS 2021/{n:04d}"'
            for n in range(300)
        ),
    )
    answer = slack.reply("consultation list all")
    assert message_problems(answer) == []
    assert len(answer["blocks"]) <= 50
    said = text_of_blocks(answer["blocks"])
    shown = sum(
        1 for b in answer["blocks"] if b["type"] == "section" and "· Region Stockholm, " in b["text"]["text"]
    )
    assert 0 < shown < 25  # the presenter offered 25; they did not all fit in 12,000 characters
    assert f"… och {300 - shown} till." in said and "`overdue`" in said
    assert answer["text"]  # the plain fallback

    slack.open_home(ADMIN, event_id="Ev21")
    home = home_of(fake, ADMIN)
    assert len(home["blocks"]) <= 100
    assert "… och" in text_of_blocks(home["blocks"])
    assert fake.problems == []
