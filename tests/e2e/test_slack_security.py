"""Every request is verified: forged, stale, tampered or unsigned ones get 401 and change
nothing. Failures of Slack's API or of the bot give a short, friendly reply with a reference that
the log holds the details under; tokens never reach the log."""

from __future__ import annotations

import json
import logging
import re
import time
from collections.abc import Iterator

import pytest

from bot.bootstrap import Bot, bootstrap
from bot.core.clock import FixedClock
from tests.conftest import DEFAULT_NOW
from tests.e2e.test_slack_kit import TOKEN, SlackDriver, payload, sign, slack_settings, text_of_blocks
from tests.fakes.slack_api import FakeSlack

FORM = "application/x-www-form-urlencoded"


@pytest.fixture
def slack(database_url: str, fake: FakeSlack) -> Iterator[SlackDriver]:
    bot: Bot = bootstrap(slack_settings(database_url, fake), clock=FixedClock(DEFAULT_NOW))
    yield SlackDriver.start(bot, fake)
    bot.close()


def nothing_recorded(slack: SlackDriver) -> bool:
    return "Inga organ ännu" in text_of_blocks(slack.reply("body list")["blocks"])


def test_forged_stale_tampered_and_unsigned_requests_get_401_and_change_nothing(
    slack: SlackDriver, fake: FakeSlack
) -> None:
    body = slack.command_body('body add "Ledningsgruppen"')
    forged = sign(body, secret="not-the-signing-secret")
    stale = sign(body, timestamp=int(time.time()) - 6 * 60)
    tampered = sign(slack.command_body('body add "Något annat"'))
    for headers in (forged, stale, tampered):
        assert slack.send(body, FORM, headers=headers, signed=False).status == 401
    assert slack.send(body, FORM, signed=False).status == 401
    just_inside = sign(body, timestamp=int(time.time()) - 4 * 60)
    assert nothing_recorded(slack)
    assert slack.send(body, FORM, headers=just_inside, signed=False).status == 200
    assert not nothing_recorded(slack)
    assert fake.calls_to("views.open") == []


def test_forged_button_presses_and_events_change_nothing(slack: SlackDriver, fake: FakeSlack) -> None:
    slack.reply('body add "Samarbetskommittén"')
    slack.reply("meeting add Samarbetskommittén 2021-10-21")  # 2
    data = payload("test_block_actions__body.json")
    data["user"]["id"] = "UADMIN"
    data["team"]["id"] = "T111"
    data["actions"] = [
        {"action_id": "committee:meeting.cancel", "value": "2", "type": "button", "block_id": "b"}
    ]
    body = "payload=" + json.dumps(data)
    assert slack.send(body, FORM, headers=sign(body, secret="forged"), signed=False).status == 401
    assert "planerat" in text_of_blocks(slack.reply("meeting show 2")["blocks"])
    event = json.dumps({"type": "event_callback", "team_id": "T111", "event_id": "EvX", "event": {}})
    assert slack.send(event, "application/json", signed=False).status == 401
    assert fake.calls_to("views.publish") == [] and fake.responses == []


def test_url_verification_is_answered_when_signed(slack: SlackDriver) -> None:
    challenge = json.dumps(payload("test_events_url_verification__event_body.json"))
    response = slack.send(challenge, "application/json")
    assert response.status == 200
    assert json.loads(response.body)["challenge"] == "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"
    assert slack.send(challenge, "application/json", signed=False).status == 401


def test_a_failing_slack_api_gives_a_friendly_reply_with_a_reference(
    slack: SlackDriver, fake: FakeSlack, caplog: pytest.LogCaptureFixture
) -> None:
    slack.reply('body add "Samarbetskommittén"')
    fake.fail("views.open", "error")
    with caplog.at_level(logging.ERROR, logger="bot.slack"):
        answer = slack.reply("meeting add")
    said = answer["text"]
    match = re.search(r"ref ([0-9a-f]{6})", said)
    assert match, said
    assert "Inget av det du skrev har gått förlorat" in said
    assert "`/committee meeting add`" in text_of_blocks(answer["blocks"])
    assert match.group(1) in caplog.text and "views.open" in caplog.text


def test_a_failing_home_publish_is_logged_under_a_reference(
    slack: SlackDriver, fake: FakeSlack, caplog: pytest.LogCaptureFixture
) -> None:
    fake.fail("views.publish", "error")
    with caplog.at_level(logging.ERROR, logger="bot.slack"):
        assert slack.open_home("UADMIN", event_id="EvF1").status == 200
    assert re.search(r"App Home failed \(ref [0-9a-f]{6}\)", caplog.text)


def test_an_unexpected_error_in_a_form_keeps_it_open_with_a_reference(
    slack: SlackDriver, fake: FakeSlack, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    slack.reply('body add "Samarbetskommittén"')
    slack.command("meeting add")
    view = fake.views[-1]["view"]

    def broken(*args: object, **kwargs: object) -> object:
        raise RuntimeError("the database went away")

    # A fault injected at the port (the register), not in the code under test.
    monkeypatch.setattr(slack.bot.committee, "registers", broken)
    with caplog.at_level(logging.ERROR, logger="bot.slack"):
        filled = {
            "body": {"type": "static_select", "selected_option": {"value": "1"}},
            "date": {"type": "datepicker", "selected_date": "2027-03-01"},
        }
        response = slack.submit(view, filled)
    answer = json.loads(response.body)
    assert answer["response_action"] == "errors"
    (message,) = answer["errors"].values()
    reference = re.search(r"ref ([0-9a-f]{6})", message)
    assert reference and reference.group(1) in caplog.text and "the database went away" in caplog.text


def test_tokens_never_reach_the_log(
    slack: SlackDriver, fake: FakeSlack, caplog: pytest.LogCaptureFixture
) -> None:
    from bot.adapters.slack.logs import RedactTokens

    caplog.handler.addFilter(RedactTokens())
    with caplog.at_level(logging.DEBUG):
        slack.reply('body add "Samarbetskommittén"')
        slack.command("meeting add")
        logging.getLogger("bot.slack").warning("a careless line with %s in it", TOKEN)
        slack.open_home("UADMIN", event_id="EvT1")
    assert fake.calls_to("views.open") and fake.calls_to("views.publish")
    assert caplog.text
    assert TOKEN not in caplog.text
    assert "xoxb-…redacted" in caplog.text
