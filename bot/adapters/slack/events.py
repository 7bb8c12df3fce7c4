"""Events: `app_home_opened` draws the App Home. Slack retries events it thinks were lost; each
`event_id` is handled once, whichever process of the bot receives it."""

from __future__ import annotations

from typing import Any

from slack_bolt import App, BoltContext

from bot.adapters.slack.home import publish_home
from bot.adapters.slack.side import SlackSide


def register(app: App, side: SlackSide) -> None:
    @app.event("app_home_opened")
    def on_home_opened(body: dict[str, Any], event: dict[str, Any], context: BoltContext) -> None:
        if event.get("tab") != "home":
            return  # the Messages tab needs nothing drawn
        event_id = str(body.get("event_id") or "")
        if event_id and not side.services.first_delivery(event_id):
            return
        try:
            publish_home(side, side.client(context), context, str(event["user"]))
        except Exception as error:
            # No one to answer on the Home tab: the details are logged under the reference.
            side.explain(error, "App Home", context)
