"""What the Teams adapter is given, and nothing more: `bot.bootstrap` builds these; the adapter
never imports bootstrap, the engine or the registers (as Slack's `SlackServices`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from microsoft_agents.hosting.core import AgentAuthConfiguration

from bot.config import Settings
from bot.frontend import Frontend
from bot.views.forms import Choices


@dataclass(frozen=True, slots=True)
class TeamsConfig:
    """The app registration, and whether tokens are checked (TEAMS_AUTH)."""

    app_id: str
    password: str | None
    tenant_id: str | None
    auth: bool = True

    @classmethod
    def of(cls, settings: Settings) -> TeamsConfig | None:
        """None when Teams is not configured (no TEAMS_APP_ID)."""
        if not settings.teams_app_id:
            return None
        return cls(
            settings.teams_app_id, settings.teams_app_password, settings.teams_tenant_id, settings.teams_auth
        )

    def auth_configuration(self) -> AgentAuthConfiguration:
        return AgentAuthConfiguration(
            client_id=self.app_id,
            tenant_id=self.tenant_id,
            client_secret=self.password,
            anonymous_allowed=not self.auth,
        )


@dataclass(frozen=True, slots=True)
class TeamsServices:
    #: the conversation: commands, buttons and forms run here, and answer in the user's language
    conversation: Frontend
    #: a workspace's bodies and funds, for the forms' lists
    choices: Callable[[str], Choices]
    #: the app registration the tokens are checked against and replies are sent with
    config: TeamsConfig
    #: True only the first time a key is seen, by any process: an activity that arrives again
    #: (the same id in the same conversation) is answered but not applied again
    first_delivery: Callable[[str], bool]
