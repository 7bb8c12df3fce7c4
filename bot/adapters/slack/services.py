"""What the Slack adapter is given, and nothing more: `bot.bootstrap` builds these; the adapter
never imports bootstrap, the engine or the registers."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Protocol

from slack_sdk.oauth.installation_store import InstallationStore
from slack_sdk.oauth.state_store import OAuthStateStore

from bot.core.model import Actor
from bot.core.results import WhatMatters
from bot.frontend import Frontend
from bot.views.forms import Choices

__all__ = ["Choices", "OAuthStores", "Running", "SlackProcess", "SlackServices", "WebProcess", "WsgiApp"]


@dataclass(frozen=True, slots=True)
class OAuthStores:
    """Where installations and one-time OAuth states are kept (the bot's database)."""

    installations: InstallationStore
    states: OAuthStateStore


@dataclass(frozen=True, slots=True)
class SlackServices:
    #: the conversation: commands, buttons and forms run here, and answer in the user's language
    conversation: Frontend
    #: the App Home: what matters now to a person, with at most this many items per part
    what_matters: Callable[[Actor, int], WhatMatters]
    #: a workspace's bodies and funds, for the forms' lists
    choices: Callable[[str], Choices]
    #: True only the first time an event id is seen, by any process (Slack retries events)
    first_delivery: Callable[[str], bool]
    #: True only the first time a signed request (signature, its timestamp, now) is seen, by any
    #: process: a replay within Slack's five minutes is answered but not applied again
    first_sight: Callable[[str, int, int], bool]
    #: is the database reachable and the scheduler ticking? (`GET /healthz`)
    health: Callable[[], tuple[bool, dict[str, Any]]]
    #: whoever installs the app into a workspace without admins becomes its first admin
    welcome_installer: Callable[[str, str], object]
    #: several workspaces (SLACK_CLIENT_ID and SLACK_CLIENT_SECRET): where installations are kept
    oauth: OAuthStores | None = None


#: a WSGI application (another platform's endpoint mounted beside Slack's)
WsgiApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


class Running(Protocol):
    """A built bot's life: its background work (the scheduler's ticker), and letting go."""

    def start_background(self) -> None: ...
    def close(self) -> None: ...


@dataclass(frozen=True, slots=True)
class SlackProcess:
    """One process's Slack side: the services, and the bot they run on."""

    services: SlackServices
    running: Running


@dataclass(frozen=True, slots=True)
class WebProcess:
    """One `serve` worker: what it answers on, and the bot they run on. Either platform may be
    missing (Teams settings alone are enough to serve), never both."""

    #: is the database reachable and the scheduler ticking? (`GET /healthz`)
    health: Callable[[], tuple[bool, dict[str, Any]]]
    running: Running
    #: Slack's HTTP mode (`POST /slack/events`), when Slack is configured
    slack: SlackServices | None = None
    #: Teams' `POST /api/messages` as a WSGI app, when TEAMS_APP_ID is set
    teams: WsgiApp | None = None
