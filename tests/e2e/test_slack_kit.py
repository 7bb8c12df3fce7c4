"""Driving the real bolt app as Slack would: signed requests built from Slack's own payloads in
tests/data/slack/payloads/ (from ../shared/slack/payloads/), with the fake Web API answering what the bot calls.

(A helper module; it holds no tests.)
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode

from slack_bolt import App, BoltRequest, BoltResponse
from slack_sdk.signature import SignatureVerifier

from bot.adapters.slack.app import build_app
from bot.adapters.slack.side import SlackSide
from bot.bootstrap import Bot
from bot.config import Settings
from tests.conftest import make_settings
from tests.fakes.slack_api import FakeSlack

#: Slack's own payload samples (MIT), vendored from ../shared/slack/payloads/
PAYLOADS = Path(__file__).resolve().parents[1] / "data" / "slack" / "payloads"
SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
TOKEN = "xoxb-1111-2222-committeetesttoken"
TEAM = "T111"
ADMIN = "UADMIN"


def payload(name: str) -> Any:
    return json.loads((PAYLOADS / name).read_text(encoding="utf-8"))


def slack_settings(database_url: str, fake: FakeSlack, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "slack_bot_token": TOKEN,
        "slack_signing_secret": SECRET,
        "slack_api_url": fake.url,
        "scheduler": False,
    }
    values.update(overrides)
    return make_settings(database_url, **values)


def sign(body: str, *, secret: str = SECRET, timestamp: int | None = None) -> dict[str, str]:
    ts = str(int(time.time()) if timestamp is None else timestamp)
    signature = SignatureVerifier(secret).generate_signature(timestamp=ts, body=body)
    return {"x-slack-request-timestamp": ts, "x-slack-signature": signature}


def text_of_blocks(blocks: list[dict[str, Any]]) -> str:
    """Every piece of text in some blocks, one per line (for assertions on what was said)."""
    out: list[str] = []
    for block in blocks:
        if "text" in block and isinstance(block["text"], dict):
            out.append(block["text"]["text"])
        out += [f["text"] for f in block.get("fields", [])]
        out += [e.get("text", "") for e in block.get("elements", []) if isinstance(e.get("text"), str)]
        accessory = block.get("accessory") or {}
        if accessory.get("type") == "button":
            out.append(f"[{accessory['text']['text']}]")
        for e in block.get("elements", []):
            if e.get("type") == "button":
                out.append(f"[{e['text']['text']}]")
    return "\n".join(out)


def command_body(
    command: str, text: str, response_url: str, *, user: str = ADMIN, team: str = TEAM, channel: str = "C111"
) -> str:
    """A slash command's form body, from Slack's own sample."""
    form = dict(parse_qsl(payload("test_slash_command__slash_command_body.json"), keep_blank_values=True))
    form.pop("enterprise_id"), form.pop("enterprise_name")
    form.update(
        team_id=team,
        user_id=user,
        channel_id=channel,
        command=command,
        text=text,
        response_url=response_url,
        trigger_id=f"trigger.{user}.{time.monotonic_ns()}",
    )
    return urlencode(form)


@dataclass
class SlackDriver:
    """Sends signed requests into the app and reads what came back."""

    bot: Bot
    settings: Settings
    fake: FakeSlack
    app: App
    responses: list[BoltResponse] = field(default_factory=list)

    @classmethod
    def start(cls, bot: Bot, fake: FakeSlack, **app_options: Any) -> SlackDriver:
        return cls(bot, bot.settings, fake, build_app(bot.slack_services(), bot.settings, **app_options))

    @property
    def side(self) -> SlackSide:
        return SlackSide(self.bot.slack_services(), self.settings)

    def send(
        self, body: str, content_type: str, *, headers: dict[str, str] | None = None, signed: bool = True
    ) -> BoltResponse:
        all_headers = {"content-type": content_type, **(sign(body) if signed else {}), **(headers or {})}
        response = self.app.dispatch(BoltRequest(body=body, headers=all_headers))
        self.responses.append(response)
        return response

    # -- the kinds of request ------------------------------------------------------------------

    def command_body(self, text: str, *, response: str = "r1", **kwargs: Any) -> str:
        return command_body(self.settings.slack_command, text, self.fake.response_url(response), **kwargs)

    def command(self, text: str, **kwargs: Any) -> BoltResponse:
        return self.send(self.command_body(text, **kwargs), "application/x-www-form-urlencoded")

    def reply(self, text: str, **kwargs: Any) -> dict[str, Any]:
        """The slash command's answer (the acknowledgement's body)."""
        response = self.command(text, **kwargs)
        assert response.status == 200, (response.status, response.body)
        answer: dict[str, Any] = json.loads(response.body) if response.body else {}
        return answer

    def interactive(self, data: dict[str, Any]) -> BoltResponse:
        body = urlencode({"payload": json.dumps(data)})
        return self.send(body, "application/x-www-form-urlencoded")

    def press(
        self,
        action_id: str,
        value: str,
        *,
        user: str = ADMIN,
        team: str = TEAM,
        on_home: bool = False,
        menu: bool = False,
        response: str = "b1",
    ) -> BoltResponse:
        data = payload("test_block_actions__body.json")
        data["user"].update(id=user, team_id=team)
        data["team"] = {"id": team, "domain": "committee"}
        data["response_url"] = self.fake.response_url(response)
        data["trigger_id"] = f"trigger.{user}.{time.monotonic_ns()}"
        if on_home:
            data["container"] = {"type": "view", "view_id": "VHOME"}
            data["view"] = {"id": "VHOME", "type": "home", "team_id": team}
            data.pop("response_url")
            data.pop("channel")
        action: dict[str, Any] = {"action_id": action_id, "block_id": "b", "action_ts": "1.2"}
        if menu:
            action.update(
                type="overflow", selected_option={"text": {"type": "plain_text", "text": "x"}, "value": value}
            )
        else:
            action.update(type="button", value=value, text={"type": "plain_text", "text": "x"})
        data["actions"] = [action]
        return self.interactive(data)

    def submit(
        self, view: dict[str, Any], values: dict[str, dict[str, Any]], *, user: str = ADMIN, team: str = TEAM
    ) -> BoltResponse:
        """Submit a modal as opened by the bot, with `values` by block_id (element state)."""
        data = payload("test_view_submission__body.json")
        data["user"].update(id=user, team_id=team)
        data["team"] = {"id": team, "domain": "committee"}
        submitted = dict(data["view"])
        submitted.update(
            team_id=team,
            callback_id=view["callback_id"],
            blocks=view["blocks"],
            private_metadata=view.get("private_metadata", ""),
            state={"values": {block: {"value": state} for block, state in values.items()}},
        )
        data["view"] = submitted
        return self.interactive(data)

    def event(
        self, event: dict[str, Any], *, event_id: str, team: str = TEAM, retry: int | None = None
    ) -> BoltResponse:
        data = payload("shape_events_AppHomeOpenedPayload.json")
        data.update(
            token="verification",
            team_id=team,
            api_app_id="A111",
            type="event_callback",
            event_id=event_id,
            event_context="ctx",
            authorizations=[
                {"team_id": team, "user_id": "UBOT", "is_bot": True, "is_enterprise_install": False}
            ],
            authed_users=[],
            authed_teams=[],
        )
        data.pop("enterprise_id")
        data["event"] = event
        headers = {"x-slack-retry-num": str(retry), "x-slack-retry-reason": "http_timeout"} if retry else {}
        return self.send(json.dumps(data), "application/json", headers=headers)

    def open_home(
        self, user: str, *, event_id: str, team: str = TEAM, retry: int | None = None
    ) -> BoltResponse:
        event = {"type": "app_home_opened", "user": user, "channel": "D111", "tab": "home", "event_ts": "1.1"}
        return self.event(event, event_id=event_id, team=team, retry=retry)
