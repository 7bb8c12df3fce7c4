"""The meeting cycle in Slack through signed requests and the fake Web API: the notice posted
once in the body's channel with its attendance buttons, members answering by button, the
agenda's buttons, and the adjusters approving the minutes by button."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest

from bot.bootstrap import Bot, bootstrap
from bot.core.clock import FixedClock
from tests.conftest import DEFAULT_NOW
from tests.e2e.test_slack_buttons import find_action, responded
from tests.e2e.test_slack_commands import wait_for
from tests.e2e.test_slack_kit import TEAM, SlackDriver, slack_settings, text_of_blocks
from tests.fakes.slack_api import FakeSlack

CHANNEL = "C0KOMMITTE"


@pytest.fixture
def slack(database_url: str, fake: FakeSlack) -> Iterator[SlackDriver]:
    clock = FixedClock(DEFAULT_NOW)  # Monday 20 September 2021
    bot: Bot = bootstrap(slack_settings(database_url, fake, announce=True), clock=clock)
    bot.dispatcher.pace = 0
    driver = SlackDriver.start(bot, fake)
    driver.reply(f'body add "Samarbetskommittén" --kind committee --channel <#{CHANNEL}>')  # 1
    driver.reply('body member add Samarbets <@U0ANNA|anna> "Botkyrka" --role chair')
    driver.reply('body member add Samarbets <@U0BO|bo> "Huddinge"')
    driver.reply('body member add Samarbets <@U0DORA|dora> "Tyresö"')
    driver.reply("meeting add Samarbetskommittén 2021-10-04 13:00")  # 2
    driver.reply("meeting add Samarbetskommittén 2021-09-13 13:00")  # 3, held last Monday
    yield driver
    bot.close()


def posted_blocks(fake: FakeSlack, key: str) -> list[dict[str, Any]]:
    kind, number, step = key.split(":")
    wanted = f"{kind}:{TEAM}:{number}:{step}"
    found = [m for m in fake.posted(CHANNEL) if m.metadata and m.metadata["event_payload"]["key"] == wanted]
    assert len(found) == 1, [m.text for m in fake.posted(CHANNEL)]
    assert found[0].blocks is not None
    return found[0].blocks


def test_the_notice_is_posted_once_and_members_answer_by_button(slack: SlackDriver, fake: FakeSlack) -> None:
    queued = slack.reply("möte kallelse 2")
    assert "Kallelsen till möte #2" in queued["text"]
    now = DEFAULT_NOW + dt.timedelta(minutes=1)
    slack.bot.dispatcher.tick(now)
    slack.bot.dispatcher.tick(now + dt.timedelta(minutes=1))
    blocks = posted_blocks(fake, "notice:2:asked1")
    shown = text_of_blocks(blocks)
    assert "Kallelse: Samarbetskommittén" in shown and "<@U0ANNA> <@U0BO> <@U0DORA>" in shown
    # the new meeting was announced once too, before the notice
    posted_blocks(fake, "announce:2:new")
    yes = find_action(blocks, "committee:meeting.attend.yes")
    assert yes["value"] == "2"
    slack.press(yes["action_id"], yes["value"], user="U0BO")
    said = responded(fake)
    assert "<@U0BO> kommer till möte #2" in said["text"]
    slack.press(find_action(blocks, "committee:meeting.attend.yes")["action_id"], "2", user="U0ANNA")
    assert "Mötet blir beslutsfört: 2 av 3" in text_of_blocks(responded(fake)["blocks"])
    slack.press("committee:meeting.attend.no", "2", user="U0STRANGER")
    assert "inte ledamot" in responded(fake)["text"]
    listed = text_of_blocks(slack.reply("meeting attendance 2")["blocks"])
    assert "<@U0BO> (ledamot): kommer" in listed
    # the planned notice five working days before does not go out as well
    slack.bot.dispatcher.tick(dt.datetime(2021, 9, 27, 7, 0, tzinfo=dt.UTC))
    assert [m for m in fake.posted(CHANNEL) if "Kallelse" in m.text] != []
    assert len([m for m in fake.posted(CHANNEL) if m.text.startswith("Kallelse")]) == 1
    assert fake.problems == []


def test_the_agenda_is_changed_from_its_buttons(slack: SlackDriver, fake: FakeSlack) -> None:
    slack.reply('meeting agenda add 2 "Val av justerare"')
    agenda = slack.reply('meeting agenda add 2 "Budget 2022" --decision')
    up = find_action(agenda["blocks"], "committee:meeting.agenda.up")
    assert up == {"action_id": "committee:menu", "value": "meeting.agenda.up:2-2-1"}  # the item's menu
    slack.press(up["action_id"], up["value"], menu=True)
    moved = text_of_blocks(responded(fake)["blocks"])
    assert moved.index("1. Budget 2022") < moved.index("2. Val av justerare")
    remove = find_action(responded(fake)["blocks"], "committee:meeting.agenda.remove")
    slack.press(remove["action_id"], remove["value"], menu=True)
    assert "borttagen" in responded(fake)["text"]
    add = find_action(responded(fake)["blocks"], "committee:meeting.agenda.add")
    slack.press(add["action_id"], add["value"])
    opened = fake.calls_to("views.open")[-1].args["view"]
    view = opened if isinstance(opened, dict) else __import__("json").loads(opened)
    assert view["callback_id"] == "committee:form:meeting.agenda.add"
    ids = [b["block_id"] for b in view["blocks"]]
    assert ids == ["id", "item", "consultation", "decision", "owner"]
    assert view["blocks"][0]["element"]["initial_value"] == "2"


def test_two_adjusters_approve_the_minutes_by_button(slack: SlackDriver, fake: FakeSlack) -> None:
    slack.reply('decision add Samarbets 2021-09-13 "Budgeten antas" --meeting 3')
    slack.reply("meeting adjusters 3 <@U0ANNA|anna> <@U0DORA|dora>")
    minutes = slack.reply("meeting minutes 3", user="U0ANNA")
    assert "§ 1" in text_of_blocks(minutes["blocks"])
    approve = find_action(minutes["blocks"], "committee:meeting.approve")
    slack.press(approve["action_id"], approve["value"], user="U0BO")
    assert "inte justerare" in responded(fake)["text"]
    slack.press(approve["action_id"], approve["value"], user="U0ANNA")
    assert "Väntar på <@U0DORA>" in responded(fake)["text"]
    slack.press(approve["action_id"], approve["value"], user="U0DORA")
    assert "mötets beslut är låsta" in responded(fake)["text"]
    refused = slack.reply('decision add Samarbets 2021-09-13 "Till" --meeting 3')
    assert "är justerat" in refused["text"]


def test_long_minutes_come_as_a_file(slack: SlackDriver, fake: FakeSlack) -> None:
    for i in range(45):
        slack.reply(f'decision add Samarbets 2021-09-13 "Beslut nummer {i + 1}" --meeting 3')
    answer = slack.reply("meeting minutes 3", user="U0ANNA")
    assert "kommer som en fil" in text_of_blocks(answer["blocks"])
    wait_for(lambda: bool(fake.files), seconds=30)
    (shared,) = fake.files
    content = shared.content.decode("utf-8")
    assert "§ 1 Beslut nummer 1" in content and "§ 45 Beslut nummer 45" in content
    assert shared.filename.endswith(".txt")
