"""What the Slack adapter is given, and nothing more: `bot.bootstrap` builds these; the adapter
never imports bootstrap, the engine or the registers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from slack_sdk.oauth.installation_store import InstallationStore
from slack_sdk.oauth.state_store import OAuthStateStore

from bot.core.model import Actor, Body, Fund
from bot.core.results import WhatMatters
from bot.frontend import Frontend


@dataclass(frozen=True, slots=True)
class Choices:
    """A workspace's bodies and funds, as a form offers them."""

    bodies: list[Body]
    funds: list[Fund]


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


class Running(Protocol):
    """A built bot's life: its background work (the scheduler's ticker), and letting go."""

    def start_background(self) -> None: ...
    def close(self) -> None: ...


@dataclass(frozen=True, slots=True)
class SlackProcess:
    """One process's Slack side: the services, and the bot they run on."""

    services: SlackServices
    running: Running
