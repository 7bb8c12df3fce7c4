"""Buttons and item menus: the same as typing the command they stand for, answered to the one
who pressed them; on the App Home the answer opens in a modal and the Home is drawn again."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from bot.bootstrap import Bot, bootstrap
from bot.core.clock import FixedClock
from tests.conftest import DEFAULT_NOW
from tests.e2e.test_slack_kit import SlackDriver, slack_settings, text_of_blocks
from tests.fakes.slack_api import FakeSlack


@pytest.fixture
def slack(database_url: str, fake: FakeSlack) -> Iterator[SlackDriver]:
    bot: Bot = bootstrap(slack_settings(database_url, fake), clock=FixedClock(DEFAULT_NOW))
    driver = SlackDriver.start(bot, fake)
    driver.reply('body add "Samarbetskommittén" --kind committee')  # 1
    driver.reply("meeting add Samarbetskommittén 2021-10-21 13:00")  # 2
    driver.reply(
        'consultation add "Kollektivtrafikplan 2050" --issuer "Region Stockholm" --due 2021-09-30 --owner <@U0HELENE|helene>'
    )  # 3
    driver.reply('decision add Samarbetskommittén 2021-09-02 "Ett beslut" --follow-up 2021-10-08')  # 4
    yield driver
    bot.close()


def responded(fake: FakeSlack) -> dict[str, Any]:
    assert fake.responses, "nothing was sent to the response_url"
    _, body = fake.responses[-1]
    blocks = body.get("blocks")
    body["blocks"] = json.loads(blocks) if isinstance(blocks, str) else blocks
    return body


def find_action(blocks: list[dict[str, Any]], action_id: str) -> dict[str, Any]:
    """The element (or menu option) with this action in a rendered message."""
    for block in blocks:
        elements = [block.get("accessory")] if block.get("accessory") else block.get("elements", [])
        for e in elements:
            if e.get("action_id") == action_id:
                return dict(e)
            for option in e.get("options", []):
                if option["value"].startswith(action_id.removeprefix("committee:") + ":"):
                    return {"action_id": e["action_id"], "value": option["value"]}
    raise AssertionError(f"no {action_id} in {blocks}")


def test_the_owner_marks_a_consultation_submitted_from_the_list(slack: SlackDriver, fake: FakeSlack) -> None:
    listed = slack.reply("consultation list", user="U0HELENE")
    menu = find_action(listed["blocks"], "committee:consultation.submit")
    assert menu["action_id"] == "committee:menu"
    response = slack.press(menu["action_id"], menu["value"], user="U0HELENE", menu=True)
    assert response.status == 200
    said = responded(fake)
    assert said["response_type"] == "ephemeral" and said.get("replace_original") in (False, "false", None)
    assert "#3" in said["text"] and "2021" in said["text"]  # submitted today, 20 september 2021
    shown = text_of_blocks(slack.reply("consultation show 3")["blocks"])
    assert "inskickad 20 september 2021" in shown
    assert fake.problems == []


def test_someone_else_may_not_mark_it_and_is_told_why(slack: SlackDriver, fake: FakeSlack) -> None:
    slack.press("committee:consultation.submit", "3", user="U0NOBODY")
    said = responded(fake)
    assert "ägare" in said["text"] or "owner" in said["text"]
    assert "[Markera inskickad]" in text_of_blocks(slack.reply("consultation show 3")["blocks"])


def test_show_and_cancel_a_meeting_with_a_confirmation(slack: SlackDriver, fake: FakeSlack) -> None:
    slack.press("committee:meeting.show", "2")
    detail = responded(fake)
    assert "Möte #2" in detail["text"]
    cancel = find_action(detail["blocks"], "committee:meeting.cancel")
    assert cancel["style"] == "danger"
    assert cancel["confirm"]["title"]["text"] == "Ställ in mötet?"
    assert cancel["confirm"]["confirm"]["text"] and cancel["confirm"]["deny"]["text"]
    # Slack asks the confirmation itself; what arrives is the confirmed press.
    slack.press(cancel["action_id"], cancel["value"])
    assert "inställt" in responded(fake)["text"]
    assert "inställt" in text_of_blocks(slack.reply("meeting show 2")["blocks"])
    assert fake.problems == []


def test_show_a_decision_and_mark_its_follow_up_done(slack: SlackDriver, fake: FakeSlack) -> None:
    slack.press("committee:decision.show", "4")
    detail = responded(fake)
    done = find_action(detail["blocks"], "committee:decision.done")
    slack.press(done["action_id"], done["value"])
    assert "#4" in responded(fake)["text"]
    assert "klar" in text_of_blocks(slack.reply("decision show 4")["blocks"])


def test_a_press_on_the_app_home_opens_the_answer_and_redraws_the_home(
    slack: SlackDriver, fake: FakeSlack
) -> None:
    slack.press("committee:menu", "consultation.submit:3", user="U0HELENE", on_home=True, menu=True)
    opened = fake.calls_to("views.open")
    assert len(opened) == 1 and opened[0].args["trigger_id"].startswith("trigger.")
    modal = fake.views[-2]["view"]
    assert modal["type"] == "modal"
    assert "#3" in text_of_blocks(modal["blocks"])
    home = fake.views[-1]
    assert home["args"]["user_id"] == "U0HELENE" and home["view"]["type"] == "home"
    assert "Dina öppna remisser (0)" in text_of_blocks(home["view"]["blocks"])
    assert fake.problems == []


def test_an_unknown_button_is_answered_not_ignored(slack: SlackDriver, fake: FakeSlack) -> None:
    response = slack.press("committee:fund.delete", "3")
    assert response.status == 200
    assert "fund.delete" in responded(fake)["text"]
