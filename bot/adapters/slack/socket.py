"""`committee-bot socket` (and `run` with SLACK_APP_TOKEN): Slack's Socket Mode.

The bot opens a websocket to Slack instead of taking HTTP requests, so it needs no public URL;
requests come unsigned over the authenticated socket. The scheduler ticks in this process.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from slack_bolt.adapter.socket_mode import SocketModeHandler

from bot.adapters.slack.app import build_app
from bot.adapters.slack.logs import redact_tokens_in_logs
from bot.adapters.slack.services import SlackProcess, SlackServices
from bot.config import Settings

log = logging.getLogger(__name__)


def socket_handler(services: SlackServices, settings: Settings) -> SocketModeHandler:
    """The connection, not yet opened; it reaches Slack through the app's own Web API client."""
    if not settings.slack_app_token:
        raise ValueError("Socket Mode needs SLACK_APP_TOKEN (xapp-…)")
    app = build_app(services, settings, socket_mode=True)
    return SocketModeHandler(app, settings.slack_app_token, web_client=app.client)


def run_socket_mode(settings: Settings, build: Callable[[Settings], SlackProcess]) -> int:
    """Run until stopped (Ctrl-C or SIGTERM)."""
    redact_tokens_in_logs()
    process = build(settings)
    try:
        handler = socket_handler(process.services, settings)
        process.running.start_background()
        log.info("connecting to Slack in Socket Mode")
        handler.start()  # type: ignore[no-untyped-call]  # bolt leaves it unannotated; blocks until the process is told to stop
    finally:
        process.running.close()
    return 0
