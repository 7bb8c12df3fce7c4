"""Forms: a command typed without arguments opens a modal; a wrong value keeps it open with the
error at its field and saves nothing; a right one saves and confirms."""

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
    driver.reply('body add "Ledningsgruppen" --kind group')  # 2
    yield driver
    bot.close()


def opened(slack: SlackDriver, fake: FakeSlack, text: str) -> dict[str, Any]:
    """Type `text`; the bot must acknowledge silently and open exactly one modal."""
    before = len(fake.views)
    response = slack.command(text)
    assert response.status == 200 and not response.body, response.body
    assert len(fake.views) == before + 1
    call = fake.calls_to("views.open")[-1]
    assert call.args["trigger_id"].startswith("trigger.")
    view: dict[str, Any] = fake.views[-1]["view"]
    return view


def answer(response: Any) -> dict[str, Any]:
    assert response.status == 200, response.body
    data: dict[str, Any] = json.loads(response.body)
    return data


def date(day: str | None) -> dict[str, Any]:
    return {"type": "datepicker", "selected_date": day}


def text(value: str | None) -> dict[str, Any]:
    return {"type": "plain_text_input", "value": value}


def choice(value: str) -> dict[str, Any]:
    return {
        "type": "static_select",
        "selected_option": {"text": {"type": "plain_text", "text": "x"}, "value": value},
    }


def test_meeting_form_has_pickers_and_saves(slack: SlackDriver, fake: FakeSlack) -> None:
    view = opened(slack, fake, "meeting add")
    assert view["callback_id"] == "committee:form:meeting.add"
    elements = {b["block_id"]: b["element"] for b in view["blocks"] if b["type"] == "input"}
    assert list(elements) == ["body", "date", "time", "where", "title"]
    assert elements["date"]["type"] == "datepicker" and elements["time"]["type"] == "timepicker"
    assert [o["text"]["text"] for o in elements["body"]["options"]] == [
        "Samarbetskommittén",
        "Ledningsgruppen",
    ]
    values = {
        "body": choice("1"),
        "date": date("2021-10-21"),
        "time": {"type": "timepicker", "selected_time": "13:00"},
        "where": text("Salems golfklubb"),
        "title": text(None),
    }
    done = answer(slack.submit(view, values))
    assert done["response_action"] == "update"
    assert "Möte #3" in text_of_blocks(done["view"]["blocks"])
    listed = text_of_blocks(slack.reply("meeting list")["blocks"])
    assert "Samarbetskommittén" in listed and "Salems golfklubb" in listed and "13:00" in listed
    assert fake.problems == []


def test_a_wrong_value_keeps_the_form_open_at_its_field_and_saves_nothing(
    slack: SlackDriver, fake: FakeSlack
) -> None:
    view = opened(slack, fake, "consultation add")
    assert view["callback_id"] == "committee:form:consultation.add"
    values = {
        "title": text("Kollektivtrafikplan 2050"),
        "issuer": text("Region Stockholm"),
        "due": date("2021-05-01"),
        "received": date("2021-06-01"),
        "body": choice("1"),
        "owner": {"type": "users_select", "selected_user": "U0HELENE"},
        "ref": text(None),
    }
    refused = answer(slack.submit(view, values))
    assert refused["response_action"] == "errors"
    assert list(refused["errors"]) == ["due"]
    assert "före mottagningsdagen" in refused["errors"]["due"]
    assert "(0)" in text_of_blocks(slack.reply("consultation list all")["blocks"])

    values["due"] = date("2021-09-30")
    done = answer(slack.submit(view, values))
    assert done["response_action"] == "update"
    shown = text_of_blocks(slack.reply("consultation show 3")["blocks"])
    assert "Kollektivtrafikplan 2050" in shown and "<@U0HELENE>" in shown and "Samarbetskommittén" in shown
    assert fake.problems == []


def test_an_amount_typed_wrong_is_shown_at_the_amount(slack: SlackDriver, fake: FakeSlack) -> None:
    slack.reply('fund add "Södertörnssamarbetet drift" --opening 100 000 --on 2021-01-01')  # 3
    view = opened(slack, fake, "kostnad")
    assert view["callback_id"] == "committee:form:fund.cost"
    on = next(b for b in view["blocks"] if b["block_id"] == "on")
    assert on["element"]["initial_date"] == "2021-09-20"  # today, in Stockholm
    values = {
        "fund": choice("3"),
        "amount": text("1,332,545"),
        "text": text("Konsultstöd"),
        "on": date("2021-09-20"),
        "category": text(None),
    }
    refused = answer(slack.submit(view, values))
    assert list(refused["errors"]) == ["amount"]
    assert '"1,332,545"' in refused["errors"]["amount"]
    assert "100 000 kr" in slack.reply("fund balance")["text"].replace("\u00a0", " ")

    values["amount"] = text("85 651")
    done = answer(slack.submit(view, values))
    assert done["response_action"] == "update"
    assert "14 349 kr" in slack.reply("fund balance")["text"].replace("\u00a0", " ")
    income = opened(slack, fake, "fund income")
    assert income["callback_id"] == "committee:form:fund.income"
    assert fake.problems == []


def test_the_committees_rules_point_at_the_right_field(slack: SlackDriver, fake: FakeSlack) -> None:
    slack.reply("meeting add Ledningsgruppen 2021-09-08")  # 3
    view = opened(slack, fake, "decision add")
    values = {
        "body": choice("1"),
        "date": date("2021-09-08"),
        "text": text("Ett beslut"),
        "meeting": text("3"),
        "paragraph": text(None),
        "follow-up": date(None),
        "owner": {"type": "users_select", "selected_user": None},
    }
    refused = answer(slack.submit(view, values))
    assert list(refused["errors"]) == ["meeting"]
    assert "Ledningsgruppen" in refused["errors"]["meeting"]
    values["meeting"] = text("tre")
    assert list(answer(slack.submit(view, values))["errors"]) == ["meeting"]
    values["meeting"] = text(None)
    values["follow-up"] = date("2021-01-01")
    assert list(answer(slack.submit(view, values))["errors"]) == ["follow-up"]
    values["follow-up"] = date("2021-12-01")
    assert answer(slack.submit(view, values))["response_action"] == "update"
    assert "§ 1" in text_of_blocks(slack.reply("decision list")["blocks"])


def test_no_form_for_someone_who_may_not_write_nor_without_bodies(
    slack: SlackDriver, fake: FakeSlack
) -> None:
    refused = slack.reply("meeting add", user="U0NOBODY")
    assert "Bara administratörer och sekreterare" in refused["text"]
    none = slack.reply("fund cost")
    assert "Inga fonder" in none["text"] or "inga fonder" in none["text"]
    assert fake.calls_to("views.open") == []
    # With arguments it is the typed command, not a form.
    typed = slack.reply("meeting add Ledningsgruppen")
    assert "Det saknas" in text_of_blocks(typed["blocks"])
    assert fake.calls_to("views.open") == []
