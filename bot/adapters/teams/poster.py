"""Reminders, notices and digests to Teams channels: proactive messages through the Bot Connector.

The outbox calls `post` once per row; what comes back decides the row's fate
(shared/RELIABILITY.md, "Teams: no history to look in"):

- 201/200: sent.
- 429: rate limited; the row waits for `Retry-After` (the SDK does not retry, and neither do we
  here: waiting is the outbox's job).
- The request provably never left (no connection could be made, or no token could be had for
  it): nothing can have been posted, so the row simply waits `NOT_SENT_WAIT` and is sent again
  (the outbox's rate-limited path).
- Anything after the request may have left (a 5xx, a timeout, a dropped connection): ambiguous.
  Teams offers no way to read a channel's past messages, so `find` cannot tell and always says
  so (None): the row stays `unknown` and is never sent again by itself. `reminders <id>` shows
  it as unknown and the log says which; an admin looks in the channel. A missed reminder the
  admins can see beats a duplicate nobody can take back.
- Any other 4xx (the bot was removed from the team, the channel is gone, the token is refused):
  failed for good.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import aiohttp
from microsoft_agents.activity import Activity
from microsoft_agents.authentication.msal import MsalAuth
from microsoft_agents.hosting.core import AccessTokenProviderBase, ConnectorClient

from bot.adapters.teams import cards
from bot.adapters.teams.services import TeamsConfig
from bot.i18n import Translator
from bot.reminders.posting import Outcome, PostResult
from bot.views.message import Message

log = logging.getLogger(__name__)

#: the Bot Connector's public-cloud address for proactive messages (Microsoft's global serviceUrl)
GLOBAL_SERVICE_URL = "https://smba.trafficmanager.net/teams/"
#: the token's scope for the Bot Connector
SCOPE = "https://api.botframework.com/.default"
RESOURCE = "https://api.botframework.com"
#: seconds for one post; the outbox lease is far longer (bot.reminders.dispatcher.LEASE)
TIMEOUT = 10
#: without a Retry-After, a 429 waits this long
DEFAULT_RETRY_AFTER = 5.0
#: a post that never left is tried again after this long
NOT_SENT_WAIT = 60.0


def app_tokens(config: TeamsConfig) -> AccessTokenProviderBase | None:
    """The app's own token for the Bot Connector; None with TEAMS_AUTH=off (posts go without)."""
    return MsalAuth(config.auth_configuration()) if config.auth else None


class TeamsPoster:
    #: commands are typed to the bot as they are, without a slash command
    cmd = ""

    def __init__(
        self,
        translator: Translator,
        tokens: AccessTokenProviderBase | None,
        service_url: str = GLOBAL_SERVICE_URL,
    ) -> None:
        """`tokens` gives the app's token for the Bot Connector; None posts without one
        (TEAMS_AUTH=off, local testing only)."""
        self.tr = translator
        self.tokens = tokens
        self.service_url = service_url if service_url.endswith("/") else service_url + "/"

    def post(self, channel: str, message: Message, key: str) -> PostResult:
        return asyncio.run(self._post(channel, message, key))

    def find(self, channel: str, key: str) -> bool | None:
        """Teams gives a bot no way to read a channel's messages: whether it landed is unknowable."""
        return None

    async def _post(self, channel: str, message: Message, key: str) -> PostResult:
        try:
            token = await self.tokens.get_access_token(RESOURCE, [SCOPE]) if self.tokens else ""
        except Exception as exc:  # nothing was sent to Teams
            log.warning("no Bot Connector token for %s (%s); will try again", key, type(exc).__name__)
            return PostResult(Outcome.RATE_LIMITED, retry_after=NOT_SENT_WAIT, error="no_token")
        activity = Activity.model_validate(
            {**cards.activity_payload(message, self.tr), "channelId": "msteams"}
        )
        session = aiohttp.ClientSession(
            base_url=self.service_url, timeout=aiohttp.ClientTimeout(total=TIMEOUT)
        )
        client = ConnectorClient(self.service_url, token or "", session=session)
        try:
            response = await client.conversations.send_to_conversation(channel, activity)
        except aiohttp.ClientResponseError as exc:
            return classify(exc.status, exc.headers, key)
        except aiohttp.ClientConnectorError as exc:  # no connection was made: nothing left
            log.warning(
                "could not reach the Bot Connector for %s (%s); will try again", key, type(exc).__name__
            )
            return PostResult(Outcome.RATE_LIMITED, retry_after=NOT_SENT_WAIT, error="not_sent")
        except Exception as exc:  # a timeout or a dropped connection: it may have been posted
            return _ambiguous(key, type(exc).__name__)
        finally:
            await client.close()
        return PostResult(Outcome.OK, ts=str(response.id or "") or None)


def classify(status: int, headers: Any, key: str) -> PostResult:
    """A refused post as an outcome: rate limited, ambiguous, or failed for good."""
    if status == 429:
        retry = (headers or {}).get("Retry-After")
        try:
            after = float(retry) if retry is not None else DEFAULT_RETRY_AFTER
        except ValueError:
            after = DEFAULT_RETRY_AFTER
        return PostResult(Outcome.RATE_LIMITED, retry_after=after, error="rate_limited")
    if status >= 500:
        return _ambiguous(key, str(status))
    return PostResult(Outcome.PERMANENT, error=f"teams_{status}")


def _ambiguous(key: str, error: str) -> PostResult:
    log.error(
        "posting %s to Teams may or may not have worked (%s); Teams cannot be asked, so it stays "
        "unknown and is not sent again: an admin should look in the channel (reminders <id>)",
        key,
        error,
    )
    return PostResult(Outcome.AMBIGUOUS, error=error[:200])
