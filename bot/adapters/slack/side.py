"""What every Slack listener shares: the bot, the settings, the user's language, and one way to
turn a `Message` or a failure into what Slack is sent."""

from __future__ import annotations

import logging
import secrets
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from slack_bolt import BoltContext
from slack_sdk import WebClient

from bot.adapters.slack.blocks import SURFACE, fallback, fit, message_payload
from bot.bootstrap import Bot
from bot.config import Settings
from bot.core.model import Actor
from bot.i18n import Translator
from bot.views.errors import render_unexpected
from bot.views.inline import from_typed
from bot.views.message import Context, Message
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
    bot: Bot
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
    def tr(self) -> Translator:
        return self.bot.frontend.tr

    def t(self, key: str, **params: Any) -> str:
        """A catalog text as plain words (labels, titles, a short note)."""
        return self.presenter().s(key, **params)

    def presenter(self) -> Presenter:
        return self.bot.frontend.presenter(self.cmd)

    def client(self, context: BoltContext) -> WebClient:
        """A Web API client for this request's workspace. (Bolt's own per-request client adds a
        `team_id` to every call, which only org-wide apps need and the API description lacks.)"""
        # With several workspaces there is no token to fall back on: only the request's own.
        fallback = None if self.settings.has_oauth else self.settings.slack_bot_token
        return WebClient(token=context.bot_token or fallback, base_url=self.settings.slack_api_url)

    def actor(self, context: BoltContext, user_id: str) -> Actor:
        return self.bot.frontend.actor(workspace_of(context), user_id)

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

    def failure(self, where: str, context: BoltContext, *, typed: str | None = None) -> Message:
        """Log the exception being handled under a short reference, and say so kindly."""
        reference = secrets.token_hex(3)
        log.exception(
            "Slack %s failed (ref %s) for %s/%s",
            where,
            reference,
            context.team_id or context.enterprise_id,
            context.user_id,
        )
        message = render_unexpected(reference, self.presenter())
        if typed:
            note = Context(self.presenter().t("error.you_wrote", typed=from_typed(typed.strip()[:500])))
            message = Message((*message.blocks, note), message.summary)
        return message

    def text_of(self, message: Message) -> str:
        return fallback(message)
