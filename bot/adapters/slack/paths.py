"""Where Slack reaches the bot, and what the bot may do there: the names the manifest, the OAuth
flow and the HTTP server share (kept apart so that none of them imports another for them)."""

from __future__ import annotations

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"
#: Teams' Bot Framework activities (bot.adapters.teams.endpoint), served beside Slack's
TEAMS_PATH = "/api/messages"
INSTALL_PATH = "/slack/install"
REDIRECT_PATH = "/slack/oauth_redirect"

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
