"""What every Slack listener shares: the services it was given, the settings, the user's
language, one way to turn a `Message` into what Slack is sent, and one way (`explain`) to turn
any exception into words."""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from slack_bolt import BoltContext
from slack_sdk import WebClient

from bot.adapters.slack.blocks import SURFACE, fallback, fit, message_payload
from bot.adapters.slack.services import SlackServices
from bot.config import Settings
from bot.core.model import Actor
from bot.frontend import Frontend, explain
from bot.i18n import Translator
from bot.views.message import Message
from bot.views.present import Presenter

log = logging.getLogger("bot.slack")

#: how long a slash command may take before Slack is answered "working on it" and the reply
#: follows through the response_url (Slack gives up after 3 seconds)
ACK_BUDGET = 2.0


def workspace_of(context: BoltContext) -> str:
    """The workspace a request comes from: its team, or its organisation for an org-wide app."""
    workspace = context.team_id or context.enterprise_id
    if not workspace:
        raise ValueError("the request names no workspace")
    return str(workspace)


@dataclass
class SlackSide:
    services: SlackServices
    settings: Settings
    ack_budget: float = ACK_BUDGET
    #: runs slash commands so that Slack can be answered within its 3 seconds whatever happens
    pool: ThreadPoolExecutor = field(
        default_factory=lambda: ThreadPoolExecutor(max_workers=8, thread_name_prefix="slack-command")
    )

    @property
    def cmd(self) -> str:
        """How commands are written in replies: `/committee `."""
        return f"{self.settings.slack_command} "

    @property
    def conversation(self) -> Frontend:
        return self.services.conversation

    @property
    def tr(self) -> Translator:
        return self.conversation.tr

    def t(self, key: str, **params: Any) -> str:
        """A catalog text as plain words (labels, titles, a short note)."""
        return self.presenter().s(key, **params)

    def presenter(self) -> Presenter:
        return self.conversation.presenter(self.cmd)

    def client(self, context: BoltContext) -> WebClient:
        """A Web API client for this request's workspace. (Bolt's own per-request client adds a
        `team_id` to every call, which only org-wide apps need and the API description lacks.)"""
        # With several workspaces there is no token to fall back on: only the request's own.
        fallback = None if self.settings.has_oauth else self.settings.slack_bot_token
        return WebClient(token=context.bot_token or fallback, base_url=self.settings.slack_api_url)

    def actor(self, context: BoltContext, user_id: str) -> Actor:
        return self.conversation.actor(workspace_of(context), user_id)

    # -- what Slack is sent --------------------------------------------------------------------

    def reply(self, message: Message) -> dict[str, Any]:
        """A reply to the asker: ephemeral unless the message is meant for the channel."""
        return {
            "response_type": "in_channel" if message.public else "ephemeral",
            **message_payload(message, self.tr),
        }

    def modal(self, title: str, message: Message, *, close: str) -> dict[str, Any]:
        """A modal that shows a message (no buttons: a modal is not a place to act from)."""
        return {
            "type": "modal",
            "title": {"type": "plain_text", "text": title[:24]},
            "close": {"type": "plain_text", "text": close[:24]},
            "blocks": fit(message, self.tr, SURFACE, buttons=False),
        }

    def explain(
        self, error: BaseException, where: str, context: BoltContext | None, *, typed: str | None = None
    ) -> Message:
        """Any exception in any listener (command, button, form, App Home) as the user's reply:
        the committee's errors in its words, anything else logged with a short reference."""
        who = f"{context.team_id or context.enterprise_id}/{context.user_id}" if context else "?"
        return explain(error, self.presenter(), typed, where=f"Slack {where}", who=who, logger=log)

    def text_of(self, message: Message) -> str:
        return fallback(message)
