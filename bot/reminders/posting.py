"""What the dispatcher needs from a place that shows messages: Slack, Teams, or the console."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from bot.core.platforms import CONSOLE, SLACK, TEAMS
from bot.views.message import Message


class Outcome(StrEnum):
    OK = "ok"
    #: Slack said 429: try again after `retry_after` seconds
    RATE_LIMITED = "rate_limited"
    #: 5xx, a timeout or a dropped connection: the message may or may not have been posted
    AMBIGUOUS = "ambiguous"
    #: the channel is gone, the bot is not in it, the token is bad: retrying will not help
    PERMANENT = "permanent"


@dataclass(frozen=True, slots=True)
class PostResult:
    outcome: Outcome
    ts: str | None = None
    retry_after: float | None = None
    error: str | None = None


@dataclass(frozen=True, slots=True)
class Unreadable:
    """The place cannot be read back (the bot is not a member, lacks a scope, the channel is
    gone): whether a post landed there can never be told, so it must not be posted again."""

    error: str


class Poster(Protocol):
    """Posts a reminder or digest, tagged with its outbox key, and finds it again afterwards."""

    #: the slash command as it is typed where the message is read ("/committee " or "")
    cmd: str

    def post(self, channel: str, message: Message, key: str) -> PostResult: ...

    def find(self, channel: str, key: str) -> bool | Unreadable | None:
        """Was a message with this key posted? None: could not tell now; `Unreadable`: can never
        tell (doubt must not become a second post)."""
        ...


#: the platforms a workspace's messages can go to (`bot.core.platforms`); the dispatcher is given
#: a `Posters` for each platform this process can post to
__all__ = ["CONSOLE", "SLACK", "TEAMS", "OnePoster", "Outcome", "PostResult", "Poster", "Posters"]


class Posters(Protocol):
    """A platform's posters: the one that posts for a workspace."""

    def __call__(self, workspace_id: str) -> Poster: ...


@dataclass(frozen=True, slots=True)
class OnePoster:
    """A platform with one poster for every workspace (the console; Slack with one bot token)."""

    poster: Poster

    def __call__(self, workspace_id: str) -> Poster:
        return self.poster
