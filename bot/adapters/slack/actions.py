"""Buttons and item menus: the same as typing the command they stand for.

In a message the answer goes back to the asker through the response_url; on the App Home it
opens in a modal, and the Home is drawn again so it shows the change.
"""

from __future__ import annotations

import re
from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from bot.adapters.slack import forms
from bot.adapters.slack.blocks import ACTION_PREFIX, parse_action
from bot.adapters.slack.commands import open_form
from bot.adapters.slack.home import publish_home
from bot.adapters.slack.side import SlackSide, log
from bot.frontend import button_command
from bot.views.message import Message


def register(app: App, side: SlackSide) -> None:
    @app.action(re.compile("^" + re.escape(ACTION_PREFIX)))
    def on_action(
        ack: Ack,
        body: dict[str, Any],
        action: dict[str, Any],
        respond: Respond,
        context: BoltContext,
    ) -> None:
        ack()
        client = side.client(context)
        user = str(body["user"]["id"])
        on_home = (body.get("container") or {}).get("type") == "view"
        value = str(action.get("value") or (action.get("selected_option") or {}).get("value") or "")
        try:
            name, number = parse_action(str(action["action_id"]), value)
            command = button_command(name, number)
            form = forms.form_for(command) if command is not None else None
            if command is not None and form is not None:  # a button that opens a form (add an item)
                trigger = str(body.get("trigger_id") or "")
                said = open_form(
                    side, client, context, user, form, trigger, forms.given_values(command, form)
                )
                if said:
                    respond(replace_original=False, **said)
                return
            actor = side.actor(context, user)
            reply = side.conversation.press(actor, name, number, cmd=side.cmd)
            _answer(side, client, respond, body, reply.message, on_home)
            if on_home:
                publish_home(side, client, context, user)
        except Exception as error:
            message = side.explain(error, "button", context)
            try:
                _answer(side, client, respond, body, message, on_home)
            except Exception:
                log.exception("could not tell the user either")


def _answer(
    side: SlackSide,
    client: WebClient,
    respond: Respond,
    body: dict[str, Any],
    message: Message,
    on_home: bool,
) -> None:
    if on_home:
        view = side.modal(side.t("slack.result.title"), message, close=side.t("slack.form.saved_close"))
        client.views_open(trigger_id=body["trigger_id"], view=view)
    else:
        respond(replace_original=False, **side.reply(message))
