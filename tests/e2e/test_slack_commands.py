"""The slash command through the real bolt app, signed, on SQLite and PostgreSQL: the whole 2021
year typed into Slack answers exactly as the console does; workspaces never meet; slow answers
are acknowledged first."""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.bootstrap import LOCAL_USER, LOCAL_WORKSPACE, Bot, bootstrap
from bot.core.clock import FixedClock
from tests.e2e.test_slack_kit import ADMIN, TEAM, SlackDriver, slack_settings, text_of_blocks
from tests.fakes.slack_api import FakeSlack

YEAR = Path(__file__).resolve().parents[1] / "data" / "year-2021.txt"
AFTER_THE_YEAR = dt.datetime(2022, 3, 1, 9, 0, tzinfo=dt.UTC)
QUERIES = (
    "body list",
    "role list",
    "meeting list --from 2021-01-01 --to 2021-12-31",
    "meeting show 7",
    "consultation list all",
    "consultation list overdue --at 2021-04-30",
    "consultation show 32",
    "decision list --year 2021",
    "decision list Tvärförbindelse",
    "decision show 38",
    "fund balance --at 2021-12-31",
    'fund balance "Södertörnsmodellen" --at 2021-12-31',
    "fund report 2021",
    'fund entries "drift" --year 2021',
    "digest",
    "digest channel <#C0DIGEST|sammanfattning>",
    "help",
    "help remiss",
    "fund balanse",
)


@pytest.fixture
def slack_bot(database_url: str, fake: FakeSlack) -> Iterator[Bot]:
    bot = bootstrap(slack_settings(database_url, fake), clock=FixedClock(AFTER_THE_YEAR))
    yield bot
    bot.close()


@pytest.fixture
def slack(slack_bot: Bot, fake: FakeSlack) -> SlackDriver:
    return SlackDriver.start(slack_bot, fake)


def wait_for(condition: Callable[[], bool], seconds: float = 5.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.005)


def lines_of_the_year() -> list[str]:
    text = YEAR.read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def console_answer(bot: Bot, slack: SlackDriver, line: str) -> dict[str, object]:
    """What the console's workspace answers to the same line, as Slack would be sent it."""
    actor = bot.frontend.actor(LOCAL_WORKSPACE, LOCAL_USER, local_admin=True)
    reply = bot.frontend.handle(actor, line, cmd=slack.side.cmd, typed=f"{slack.side.cmd}{line}")
    return slack.side.reply(reply.message)


def test_the_year_2021_typed_in_slack_answers_as_the_console(
    slack_bot: Bot, slack: SlackDriver, fake: FakeSlack
) -> None:
    for line in lines_of_the_year():
        answer = slack.reply(line)
        assert answer == console_answer(slack_bot, slack, line), line
        assert answer["response_type"] == "ephemeral"
        assert "Inget har ändrats" not in json.dumps(answer, ensure_ascii=False), line
    for query in QUERIES:
        answer = slack.reply(query)
        assert answer == console_answer(slack_bot, slack, query), query
        assert answer["text"] and answer["blocks"], query
    report = text_of_blocks(slack.reply("fund report 2021")["blocks"]).replace("\u00a0", " ")
    assert "1 332 544" in report
    assert fake.problems == []
    # Every answer went back in the acknowledgement itself; the token was checked once, at start.
    assert [c.method for c in fake.calls] == ["auth.test"]


def test_mentions_channels_and_escaped_characters_arrive_as_typed(slack: SlackDriver) -> None:
    slack.reply('body add "Trafik &amp; miljö" --channel <#C0TRAFIK|trafik> --kind network')
    answer = slack.reply("body list")
    listed = text_of_blocks(answer["blocks"])
    # Stored as typed; escaped again in the reply's markup, which Slack shows as "Trafik & miljö".
    assert "Trafik &amp; miljö" in listed
    assert "&amp;amp;" not in listed
    assert "<#C0TRAFIK>" in listed
    granted = slack.reply("role grant <@U0ANNA|anna> secretary")
    assert "<@U0ANNA>" in text_of_blocks(granted["blocks"])


def test_with_one_bot_token_another_workspace_is_refused_and_changes_nothing(
    slack: SlackDriver, fake: FakeSlack
) -> None:
    """One token belongs to one workspace (auth.test says T111): a signed request from T222
    gets 403 and neither reads nor writes anything. (Several workspaces, each seeing only its
    own records, is the OAuth mode: tests/e2e/test_slack_oauth.py.)"""
    for line in lines_of_the_year()[:40]:
        slack.reply(line)
    other = {"team": "T222", "user": ADMIN}
    listed = slack.command("body list", **other)
    assert listed.status == 403 and "Samarbetskommittén" not in listed.body
    assert slack.command('body add "Främmande"', **other).status == 403
    assert slack.command("meeting cancel 7", **other).status == 403
    assert slack.press("committee:consultation.submit", "33", team="T222").status == 403
    with slack.bot.registers("T222") as reg:
        assert reg.bodies.all() == []
    mine = text_of_blocks(slack.reply("meeting show 7")["blocks"])
    assert "genomfört" in mine and "inställt" not in mine  # 14 Jan 2021 has passed: held, not cancelled
    assert "[Markera inskickad]" in text_of_blocks(slack.reply("consultation show 33")["blocks"])
    assert len(fake.calls_to("auth.test")) == 1  # asked once, then remembered
    assert fake.problems == []


def test_a_refused_write_says_why_and_who_can_grant_it(slack: SlackDriver) -> None:
    answer = slack.reply('body add "Ledningsgruppen"', user="U0NOBODY")
    said = text_of_blocks(answer["blocks"])
    assert "Bara administratörer och sekreterare" in said
    assert f"<@{ADMIN}>" in said and "role grant <@U0NOBODY> secretary" in said
    assert "Inga organ ännu" in text_of_blocks(slack.reply("body list")["blocks"])


def test_a_slow_answer_is_acknowledged_first_and_follows_by_the_response_url(
    slack_bot: Bot, fake: FakeSlack, monkeypatch: pytest.MonkeyPatch
) -> None:
    registers = slack_bot.committee.registers

    def slow_database(*args: Any, **kwargs: Any) -> Any:
        time.sleep(0.3)  # a database having a bad moment: longer than the budget below
        return registers(*args, **kwargs)

    monkeypatch.setattr(slack_bot.committee, "registers", slow_database)
    slack = SlackDriver.start(slack_bot, fake, ack_budget=0.05)
    first = slack.reply("fund balance", team=TEAM)  # `help` reads nothing: it would not wait
    assert "arbetar på det" in first["text"]
    assert fake.responses == []  # Slack was answered before the command was done
    wait_for(lambda: bool(fake.responses))
    (key, body), *_ = fake.responses
    assert key == "r1"
    assert "fond" in body["text"].lower()
    assert json.loads(body["blocks"]) if isinstance(body["blocks"], str) else body["blocks"]
    assert fake.problems == []
