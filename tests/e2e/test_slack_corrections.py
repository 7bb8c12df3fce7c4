"""Correcting the register in Slack, through signed requests: a record's Edit button opens its
form filled in with today's values and saving it says what changed; Remove asks first; a large
amount is booked by its Confirm button; `here` is the channel typed in; a reminder's
"Påminn mig nästa arbetsdag" snoozes it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from bot.bootstrap import Bot, bootstrap
from bot.core.clock import FixedClock
from bot.core.model import Consultation
from bot.views.present import Presenter
from bot.views.reminders import consultation_reminder
from tests.conftest import DEFAULT_NOW
from tests.e2e.test_slack_buttons import find_action, responded
from tests.e2e.test_slack_kit import SlackDriver, slack_settings, text_of_blocks
from tests.fakes.slack_api import FakeSlack


@pytest.fixture
def slack(database_url: str, fake: FakeSlack) -> Iterator[SlackDriver]:
    bot: Bot = bootstrap(slack_settings(database_url, fake), clock=FixedClock(DEFAULT_NOW))
    driver = SlackDriver.start(bot, fake)
    driver.reply('body add "Samarbetskommittén" --kind committee')  # 1
    driver.reply('body add "Ledningsgruppen"')  # 2
    driver.reply('meeting add Samarbetskommittén 2021-10-21 13:00 --where "Digitalt"')  # 3
    driver.reply('consultation add "Plan" --issuer "Region" --due 2021-10-29 --owner <@U0HELENE|helene>')  # 4
    driver.reply('decision add Samarbetskommittén 2021-09-02 "Ett beslut" --follow-up 2021-10-08')  # 5
    yield driver
    bot.close()


def initial(view: dict[str, Any], field: str) -> Any:
    block = next(b for b in view["blocks"] if b.get("block_id") == field)
    element = block["element"]
    for key in ("initial_value", "initial_date", "initial_time", "initial_user", "initial_option"):
        if key in element:
            return element[key]
    return None


def state(view: dict[str, Any], **changed: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The form's values as Slack sends them back: what it was filled in with, and `changed`."""
    values: dict[str, dict[str, Any]] = {}
    for block in view["blocks"]:
        if block.get("type") != "input":
            continue
        element, field = block["element"], block["block_id"]
        kind = element["type"]
        value: dict[str, Any] = {"type": kind}
        if kind == "datepicker":
            value["selected_date"] = element.get("initial_date")
        elif kind == "timepicker":
            value["selected_time"] = element.get("initial_time")
        elif kind == "users_select":
            value["selected_user"] = element.get("initial_user")
        elif kind == "static_select":
            value["selected_option"] = element.get("initial_option")
        else:
            value["value"] = element.get("initial_value")
        values[field] = changed.get(field, value)
    return values


def test_edit_opens_the_form_filled_in_and_says_what_changed(slack: SlackDriver, fake: FakeSlack) -> None:
    shown = slack.reply("meeting show 3")
    edit = find_action(shown["blocks"], "committee:meeting.edit")
    before = len(fake.views)
    assert slack.press(edit["action_id"], edit["value"]).status == 200
    assert len(fake.views) == before + 1
    view: dict[str, Any] = fake.views[-1]["view"]
    assert view["private_metadata"] == "3"
    assert initial(view, "where") == "Digitalt"
    assert initial(view, "date") == "2021-10-21" and initial(view, "time") == "13:00"
    assert initial(view, "body")["value"] == "1"
    values = state(view, where={"type": "plain_text_input", "value": "Tyresö slott"})
    done = json.loads(slack.submit(view, values).body)
    assert done["response_action"] == "update"
    said = text_of_blocks(done["view"]["blocks"])
    assert "Möte #3 ändrat: plats Digitalt → Tyresö slott" in said
    assert "plats Digitalt → Tyresö slott" in text_of_blocks(slack.reply("history 3")["blocks"])


def test_an_emptied_field_is_cleared_and_the_owner_kept(slack: SlackDriver, fake: FakeSlack) -> None:
    edit = find_action(slack.reply("consultation show 4")["blocks"], "committee:consultation.edit")
    slack.press(edit["action_id"], edit["value"])
    view: dict[str, Any] = fake.views[-1]["view"]
    assert initial(view, "owner") == "U0HELENE" and initial(view, "title") == "Plan"
    values = state(view, issuer={"type": "plain_text_input", "value": "Region Stockholm"})
    said = text_of_blocks(json.loads(slack.submit(view, values).body)["view"]["blocks"])
    assert "Remiss #4 ändrad: avsändare Region → Region Stockholm" in said
    assert "ägare" not in said  # unchanged fields are not mentioned


def test_a_reader_gets_no_form(slack: SlackDriver, fake: FakeSlack) -> None:
    edit = find_action(slack.reply("decision show 5")["blocks"], "committee:decision.edit")
    before = len(fake.views)
    slack.press(edit["action_id"], edit["value"], user="U0READER")
    assert len(fake.views) == before
    assert "administratör" in text_of_blocks(responded(fake)["blocks"])


def test_remove_asks_first_and_undo_brings_it_back(slack: SlackDriver, fake: FakeSlack) -> None:
    remove = find_action(slack.reply("decision show 5")["blocks"], "committee:decision.remove")
    assert remove["confirm"]["confirm"]["text"] == "Ta bort" and remove["style"] == "danger"
    slack.press(remove["action_id"], remove["value"])
    assert "Beslut #5 är borttaget" in text_of_blocks(responded(fake)["blocks"])
    assert "(0)" in text_of_blocks(slack.reply("decision list")["blocks"])
    assert "Beslut #5 är återställt" in text_of_blocks(slack.reply("ångra")["blocks"])


def test_a_large_amount_is_booked_by_its_confirm_button(slack: SlackDriver, fake: FakeSlack) -> None:
    slack.reply('fund add "Drift" --opening 1000')  # 6, 7
    refused = slack.reply('fund cost Drift "100 000 000 000" "Konsult"')
    assert "är mer än" in text_of_blocks(refused["blocks"])
    confirm = find_action(refused["blocks"], "committee:command.confirm")
    assert confirm["value"].endswith("--yes")
    slack.press(confirm["action_id"], confirm["value"])
    assert "Kostnad #8 bokförd" in text_of_blocks(responded(fake)["blocks"])
    # a confirm button stands only for a confirmed booking
    slack.press(confirm["action_id"], "meeting remove 3 --yes")
    assert "#3" in text_of_blocks(slack.reply("meeting list")["blocks"])


def test_here_is_the_channel_the_command_was_typed_in(slack: SlackDriver) -> None:
    said = text_of_blocks(slack.reply("digest channel here", channel="C0DIGEST")["blocks"])
    assert "C0DIGEST" in said
    slack.reply("body edit 2 --channel här", channel="C0LEDNING")
    assert "C0LEDNING" in text_of_blocks(slack.reply("history 2")["blocks"])


def test_a_reminder_can_be_snoozed_from_the_message(slack: SlackDriver, fake: FakeSlack) -> None:
    presenter = Presenter(slack.bot.frontend.tr, "/committee ", DEFAULT_NOW.date())
    consultation = Consultation(0, 4, "Plan", "Region", DEFAULT_NOW.date(), owner="U0HELENE")
    message = consultation_reminder(presenter, consultation, "wd1", late=False)
    buttons = [b for block in message.blocks for b in getattr(block, "buttons", ())]
    snooze = next(b for b in buttons if b.action == "reminders.snooze")
    assert snooze.label == "Påminn mig nästa arbetsdag" and snooze.value == "4"
    slack.press("committee:reminders.snooze", "4", user="U0READER")  # a reader may not
    assert "Bara ägaren" in text_of_blocks(responded(fake)["blocks"])
    slack.press("committee:reminders.snooze", "4", user="U0HELENE")  # the owner may
    assert "Påminnelsen för #4" in text_of_blocks(responded(fake)["blocks"])
    assert "(uppskjuten)" in text_of_blocks(slack.reply("reminders 4")["blocks"])
