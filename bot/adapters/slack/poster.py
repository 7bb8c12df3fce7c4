"""Posting reminders and digests to Slack, and finding them again.

`chat.postMessage` has no idempotency key, so every post carries the outbox key as message
metadata; after an ambiguous failure the reconciler looks for that key in
`conversations.history` (with `include_all_metadata`) before anything is sent again. slack_sdk's
own retries are off (`retry_handlers=[]`): a silent retry of a post that did arrive is exactly
the duplicate this design exists to prevent (shared/RELIABILITY.md).
"""

from __future__ import annotations

import logging
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.adapters.slack.blocks import message_payload
from bot.i18n import Translator
from bot.reminders.posting import Outcome, PostResult, Unreadable
from bot.views.message import Message

log = logging.getLogger(__name__)

EVENT_TYPE = "committee_reminder"
#: seconds; the outbox lease is far longer (bot.reminders.dispatcher.LEASE)
TIMEOUT = 10
#: errors that say the post will never work as it is: record, report, do not retry
PERMANENT = frozenset(
    {
        "channel_not_found",
        "not_in_channel",
        "is_archived",
        "invalid_auth",
        "not_authed",
        "account_inactive",
        "token_revoked",
        "token_expired",
        "no_permission",
        "missing_scope",
        "restricted_action",
        "msg_too_long",
        "invalid_blocks",
        "msg_blocks_too_long",
        "invalid_arguments",
        "invalid_metadata_format",
        "invalid_metadata_schema",
        "metadata_too_large",
        "channel_is_archived",
        "cannot_reply_to_message",
    }
)
#: how far back the reconciler looks: pages of conversations.history, newest first
HISTORY_PAGES = 5
HISTORY_PAGE = 200


class SlackPoster:
    cmd: str

    def __init__(self, token: str, base_url: str, translator: Translator, slash_command: str) -> None:
        self.client = WebClient(token=token, base_url=base_url, timeout=TIMEOUT, retry_handlers=[])
        self.tr = translator
        self.cmd = slash_command.rstrip() + " "

    def post(self, channel: str, message: Message, key: str) -> PostResult:
        payload = message_payload(message, self.tr)
        try:
            response = self.client.chat_postMessage(
                channel=channel,
                text=payload["text"],
                blocks=payload["blocks"],
                metadata={"event_type": EVENT_TYPE, "event_payload": {"key": key}},
                unfurl_links=False,
                unfurl_media=False,
            )
        except SlackApiError as exc:
            return classify(exc.response.status_code, exc.response.headers, exc.response.data)
        except Exception as exc:  # a timeout or a dropped connection: it may have been posted
            return PostResult(Outcome.AMBIGUOUS, error=f"{type(exc).__name__}"[:200])
        return PostResult(Outcome.OK, ts=str(response.get("ts") or "") or None)

    def find(self, channel: str, key: str) -> bool | Unreadable | None:
        cursor: str | None = None
        try:
            for _ in range(HISTORY_PAGES):
                args: dict[str, Any] = {
                    "channel": channel,
                    "include_all_metadata": True,
                    "limit": HISTORY_PAGE,
                }
                if cursor:
                    args["cursor"] = cursor
                response = self.client.conversations_history(**args)
                for m in response.get("messages") or []:
                    metadata = m.get("metadata") or {}
                    payload = metadata.get("event_payload") or {}
                    if metadata.get("event_type") == EVENT_TYPE and payload.get("key") == key:
                        return True
                cursor = ((response.get("response_metadata") or {}).get("next_cursor")) or None
                if not response.get("has_more") or not cursor:
                    return False
        except SlackApiError as exc:
            error = (exc.response.data or {}).get("error") if isinstance(exc.response.data, dict) else None
            if error in PERMANENT:
                # not_in_channel, missing_scope, channel_not_found, …: with chat:write.public the
                # bot posts where it is no member and so cannot read; the post may well be there
                return Unreadable(str(error))
            log.warning("conversations.history for %s failed: %s", key, error or exc.response.status_code)
            return None
        except Exception as exc:
            log.warning("conversations.history for %s failed: %s", key, type(exc).__name__)
            return None
        return None  # not within the pages read: cannot tell


def classify(status: int, headers: Any, data: Any) -> PostResult:
    """A failed post as an outcome: rate limited, ambiguous, or permanent."""
    error = data.get("error") if isinstance(data, dict) else None
    if status == 429 or error in ("ratelimited", "rate_limited"):
        retry = _header(headers, "Retry-After")
        try:
            after = float(retry) if retry is not None else 1.0
        except ValueError:
            after = 1.0
        return PostResult(Outcome.RATE_LIMITED, retry_after=after, error="rate_limited")
    if status >= 500 or error in ("internal_error", "fatal_error", "service_unavailable", "request_timeout"):
        return PostResult(Outcome.AMBIGUOUS, error=f"{status} {error or ''}".strip())
    return PostResult(Outcome.PERMANENT, error=str(error or status))


def _header(headers: Any, name: str) -> str | None:
    if not headers:
        return None
    for k, v in dict(headers).items():
        if k.lower() == name.lower():
            return str(v[0] if isinstance(v, list | tuple) else v)
    return None
