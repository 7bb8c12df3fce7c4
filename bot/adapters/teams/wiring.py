"""The Teams side built from the settings: what `serve` mounts and what the dispatcher posts with.

Kept here so that `bot.bootstrap` and the server each need one line: `endpoint(bot, settings)`
for `POST /api/messages`, and `poster(settings, translator)` for the outbox's Teams workspaces.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from microsoft_agents.authentication.msal import MsalAuth

from bot.adapters.teams.endpoint import TeamsConfig, TeamsEndpoint
from bot.adapters.teams.poster import GLOBAL_SERVICE_URL, TeamsPoster
from bot.config import Settings
from bot.i18n import Translator

if TYPE_CHECKING:
    from bot.bootstrap import Bot


def config(settings: Settings) -> TeamsConfig | None:
    """None when Teams is not configured (no TEAMS_APP_ID)."""
    if not settings.teams_app_id:
        return None
    return TeamsConfig(
        settings.teams_app_id, settings.teams_app_password, settings.teams_tenant_id, settings.teams_auth
    )


def endpoint(bot: Bot, settings: Settings) -> TeamsEndpoint | None:
    teams = config(settings)
    return TeamsEndpoint(bot.frontend, teams) if teams is not None else None


def poster(
    settings: Settings, translator: Translator, service_url: str = GLOBAL_SERVICE_URL
) -> TeamsPoster | None:
    """Proactive posts for Teams workspaces, with the app's own token (none with TEAMS_AUTH=off)."""
    teams = config(settings)
    if teams is None:
        return None
    tokens = MsalAuth(teams.auth_configuration()) if teams.auth else None
    return TeamsPoster(translator, tokens, service_url)
