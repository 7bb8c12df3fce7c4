"""Stored text reads literally everywhere in Slack: a fund or body named `<!channel>` or
`<https://x|y>` neither pings the channel nor becomes a link, in replies, error replies, Block Kit
tables (inside ``` too), the App Home and the weekly digest."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from bot.bootstrap import Bot, bootstrap
from bot.core.clock import FixedClock
from bot.reminders import operations
from tests.conftest import DEFAULT_NOW
from tests.e2e.test_slack_kit import ADMIN, TEAM, SlackDriver, slack_settings
from tests.fakes.slack_api import FakeSlack

PING = "<!channel>"
LINK = "<https://x|y>"


@pytest.fixture
def slack(database_url: str, fake: FakeSlack) -> Iterator[SlackDriver]:
    bot: Bot = bootstrap(slack_settings(database_url, fake), clock=FixedClock(DEFAULT_NOW))
    bot.dispatcher.pace = 0
    driver = SlackDriver.start(bot, fake)
    actor = bot.frontend.actor(TEAM, ADMIN)
    for line in (
        f'body add "Gruppen {LINK}" --kind group',
        f'fund add "Fonden {PING}" --opening 1000',
        f'fund add "Länkfonden {LINK}" --opening 500',
        f'consultation add "Plan {PING}" --issuer "Region {LINK}" --due 2099-09-30 --owner <@{ADMIN}>',
        f'meeting add "Gruppen" 2099-10-21 13:00 --where "{PING}"',
        "digest channel <#C0DIGEST>",
    ):
        reply = bot.frontend.handle(actor, line, cmd="")
        assert reply.ok, line
    yield driver
    bot.close()


def texts(value: Any) -> list[str]:
    """Every string under a payload's `text` keys (blocks, fields, elements, fallbacks)."""
    found: list[str] = []
    if isinstance(value, dict):
        for key, inner in value.items():
            if key == "text" and isinstance(inner, str):
                found.append(inner)
            else:
                found += texts(inner)
    elif isinstance(value, list):
        for inner in value:
            found += texts(inner)
    return found


def assert_literal(payload: Any, *shown: str) -> None:
    said = texts(payload)
    joined = "\n".join(said)
    assert PING not in joined and LINK not in joined, joined
    for name in shown:
        escaped = name.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        assert escaped in joined, (name, joined)


def test_replies_and_block_kit_tables(slack: SlackDriver, fake: FakeSlack) -> None:
    assert_literal(slack.reply("fund balance"), f"Fonden {PING}", f"Länkfonden {LINK}")  # a table in ```
    assert_literal(slack.reply("body list"), f"Gruppen {LINK}")
    assert_literal(slack.reply("consultation list"), f"Plan {PING}", f"Region {LINK}")
    assert_literal(slack.reply("meeting list"), PING)
    assert fake.problems == []


def test_error_replies(slack: SlackDriver) -> None:
    reply = slack.reply(f'fund add "Fonden {PING}"')  # exists already: the error names it
    assert_literal(reply, f"Fonden {PING}")
    assert_literal(slack.reply(f'fund cost "Okänd {LINK}" 100 "x"'), f"Okänd {LINK}")


def test_the_app_home(slack: SlackDriver, fake: FakeSlack) -> None:
    assert slack.open_home(ADMIN, event_id="Ev01").status == 200
    [home] = [v["view"] for v in fake.views if v["args"].get("user_id") == ADMIN]
    assert_literal(home["blocks"], f"Plan {PING}")
    assert fake.problems == []


def test_the_weekly_digest(slack: SlackDriver, fake: FakeSlack) -> None:
    bot = slack.bot
    counts = operations.post_digest(bot.planning, bot.dispatcher, bot.clock.now(), force=True)
    assert counts.sent == 1
    [digest] = fake.posted("C0DIGEST")
    assert_literal({"text": digest.text, "blocks": digest.blocks}, f"Fonden {PING}", f"Länkfonden {LINK}")
    assert fake.problems == []
