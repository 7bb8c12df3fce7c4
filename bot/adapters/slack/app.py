"""The bolt app: built by `build_app` when asked, never at import time."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import App
from slack_sdk import WebClient

from bot.adapters.slack import actions, commands, events, oauth, one_workspace, views
from bot.adapters.slack.services import SlackServices
from bot.adapters.slack.side import ACK_BUDGET, SlackSide, log
from bot.config import Settings


class _QuietAboutOurClient(logging.Filter):
    """Bolt reads SLACK_BOT_TOKEN from the environment by itself and then warns, at every start of
    every worker, that the client we pass (the one that honours SLACK_API_URL) wins. It does, on
    purpose; say nothing."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "`token` will be unused" not in record.getMessage()


_QUIET = _QuietAboutOurClient()


def web_client(settings: Settings) -> WebClient:
    """The Web API client, pointed wherever SLACK_API_URL says (tests use a local fake). With
    several workspaces it holds no token: each request brings its workspace's own."""
    token = None if settings.has_oauth else settings.slack_bot_token
    return WebClient(token=token, base_url=settings.slack_api_url)


def build_app(
    services: SlackServices,
    settings: Settings,
    *,
    socket_mode: bool = False,
    client: WebClient | None = None,
    ack_budget: float = ACK_BUDGET,
    signatures_checked: bool = False,
) -> App:
    """The committee's Slack app over `services`. Over HTTP every request must carry a valid
    signature from the last five minutes; Socket Mode has no signatures to check.

    With SLACK_CLIENT_ID and SLACK_CLIENT_SECRET (HTTP only) the app also runs Slack's OAuth
    flow, and answers each request with the bot token its workspace installed (bot.adapters.slack.oauth);
    otherwise every request is answered with SLACK_BOT_TOKEN.

    `signatures_checked`: every request reaches this app through `SlackGuard`, which has checked
    its signature already (`serve`), so bolt does not check it a second time."""
    if not socket_mode and not settings.slack_signing_secret:
        raise ValueError("HTTP mode needs SLACK_SIGNING_SECRET to verify requests")
    bolt_log = logging.getLogger("bot.slack.bolt")
    bolt_log.addFilter(_QUIET)  # the same filter object is added once, however many apps
    several = settings.has_oauth and not socket_mode
    client = client or web_client(settings)
    options: dict[str, Any] = {}
    if several:
        if services.oauth is None:
            raise ValueError("several workspaces need the OAuth stores")
        flow = oauth.oauth_settings(services.oauth, settings, welcome=services.welcome_installer)
        options.update(oauth_settings=flow, authorize=oauth.authorize(flow, client))
    app = App(
        name="committee-bot",
        client=client,
        signing_secret=settings.slack_signing_secret or "",
        request_verification_enabled=not (socket_mode or signatures_checked),
        # Commands here take milliseconds: answering in the acknowledgement itself saves bolt's
        # 10 ms polling per request (shared/SLACK.md); slow ones are handed off by `commands`.
        process_before_response=True,
        logger=bolt_log,
        **options,
    )
    if not several:
        one_workspace.serve_one_workspace(app)  # one token, one workspace
    if several:
        # app_uninstalled and tokens_revoked delete that workspace's installation (bolt's own
        # listeners); the workspace's records stay.
        app.enable_token_revocation_listeners()
    side = SlackSide(services, settings, ack_budget=ack_budget)
    commands.register(app, side)
    actions.register(app, side)
    views.register(app, side)
    events.register(app, side)

    @app.error
    def on_error(error: Exception, body: dict[str, Any]) -> None:
        # Listeners answer their own failures; this catches what fails around them.
        log.error(
            "Slack request failed before a listener could answer: %s", type(error).__name__, exc_info=error
        )

    return app
