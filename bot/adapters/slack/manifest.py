"""`committee-bot manifest`: the Slack app manifest for this configuration, as YAML.

Paste it at api.slack.com/apps → Create New App → From a manifest. It holds the slash command
(escaping on, so mentions and channels arrive as `<@U…|name>` and `<#C…|name>`), the forms and
buttons (interactivity), the App Home tab and its event, and the bot scopes the bot uses.
With SLACK_APP_TOKEN set, or nothing set up yet, the app uses Socket Mode and needs no public
URL; with PUBLIC_URL (or HTTP credentials) Slack sends requests to PUBLIC_URL + /slack/events.
With SLACK_CLIENT_ID and SLACK_CLIENT_SECRET (installing into several workspaces) it is an HTTP
app whose OAuth redirect URL is PUBLIC_URL + /slack/oauth_redirect, subscribed to the events that
say it was uninstalled.
"""

from __future__ import annotations

from typing import Any

import yaml

from bot.adapters.slack.oauth import REDIRECT_PATH
from bot.adapters.slack.server import EVENTS_PATH
from bot.config import Settings
from bot.i18n import Translator

APP_NAME = "Committee Bot"
#: what each scope is for; nothing here that the bot does not use
BOT_SCOPES: dict[str, str] = {
    "commands": "the slash command",
    "chat:write": "reminders and the weekly digest",
    "chat:write.public": "reminders in a body's channel the bot was not invited to",
    "channels:history": "finding out whether a reminder went out when Slack's answer was lost (public channels)",
    "groups:history": "the same in private channels",
    "files:write": "the annual report as a PDF file (report <YYYY>)",
    "im:write": "opening a direct message to send the annual report to whoever asked for it",
}
#: a stand-in that Slack will refuse to verify, so it cannot be mistaken for a working URL
PLACEHOLDER_URL = "https://your-bot.example.org"


def manifest(settings: Settings, *, public_url: str | None = None) -> dict[str, Any]:
    tr = Translator(settings.locale)
    public_url = public_url or settings.public_url
    # Socket Mode when configured, and for a first set-up that has neither credentials nor a
    # public address yet (it needs none); HTTP mode otherwise.
    socket_mode = not settings.has_oauth and (
        settings.slack_app_token is not None or (public_url is None and not settings.has_http_credentials)
    )
    base = (public_url or PLACEHOLDER_URL).rstrip("/")
    request_url = base + EVENTS_PATH
    command: dict[str, Any] = {
        "command": settings.slack_command,
        "description": tr.t("slack.manifest.command"),
        "usage_hint": tr.t("slack.manifest.usage_hint"),
        "should_escape": True,
    }
    events: dict[str, Any] = {"bot_events": ["app_home_opened"]}
    interactivity: dict[str, Any] = {"is_enabled": True}
    oauth_config: dict[str, Any] = {"scopes": {"bot": list(BOT_SCOPES)}}
    if not socket_mode:
        command["url"] = request_url
        events["request_url"] = request_url
        interactivity["request_url"] = request_url
    if settings.has_oauth:
        oauth_config["redirect_urls"] = [base + REDIRECT_PATH]
        # an uninstalled workspace's installation is deleted (its records stay)
        events["bot_events"] += ["app_uninstalled", "tokens_revoked"]
    return {
        "_metadata": {"major_version": 1, "minor_version": 1},
        "display_information": {
            "name": APP_NAME,
            "description": tr.t("slack.manifest.description"),
            "background_color": "#1d3557",
        },
        "features": {
            "app_home": {
                "home_tab_enabled": True,
                "messages_tab_enabled": True,
                "messages_tab_read_only_enabled": True,
            },
            "bot_user": {"display_name": APP_NAME, "always_online": True},
            "slash_commands": [command],
        },
        "oauth_config": oauth_config,
        "settings": {
            "event_subscriptions": events,
            "interactivity": interactivity,
            "org_deploy_enabled": False,
            "socket_mode_enabled": socket_mode,
            "token_rotation_enabled": False,
        },
    }


def manifest_yaml(settings: Settings, *, public_url: str | None = None) -> str:
    data = manifest(settings, public_url=public_url)
    head = "# Slack app manifest for Committee Bot: api.slack.com/apps -> Create New App -> From a manifest\n"
    if not data["settings"]["socket_mode_enabled"] and PLACEHOLDER_URL in yaml.safe_dump(data):
        head += "# Set PUBLIC_URL (the bot's https address) and run this again, or set SLACK_APP_TOKEN for Socket Mode.\n"
    return head + yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
