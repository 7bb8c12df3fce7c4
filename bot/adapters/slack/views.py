"""Submitted forms (view_submission): save and confirm in the modal, or keep it open with the
error at the field it concerns."""

from __future__ import annotations

import re
from typing import Any

from slack_bolt import Ack, App, BoltContext

from bot.adapters.slack import forms
from bot.adapters.slack.side import SlackSide


def _at_fields(errors: dict[str, str], view: dict[str, Any]) -> dict[str, str]:
    """Errors keyed by fields the modal really has (Slack needs a block_id it shows)."""
    shown = [b["block_id"] for b in view.get("blocks", []) if b.get("type") == "input" and "block_id" in b]
    placed: dict[str, str] = {}
    for field, text in errors.items():
        key = field if field in shown or not shown else shown[0]
        placed[key] = f"{placed[key]} {text}" if key in placed else text
    return placed


def register(app: App, side: SlackSide) -> None:
    @app.view(re.compile("^" + re.escape(forms.CALLBACK_PREFIX)))
    def on_submit(ack: Ack, body: dict[str, Any], view: dict[str, Any], context: BoltContext) -> None:
        name = str(view["callback_id"]).removeprefix(forms.CALLBACK_PREFIX)
        fields = forms.FORMS.get(name)
        if fields is None:
            ack()
            return
        try:
            actor = side.actor(context, str(body["user"]["id"]))
            meta = str(view.get("private_metadata") or "")
            number = int(meta) if meta.isdigit() else None
            outcome = forms.submit(side, actor, name, view.get("state", {}).get("values", {}), number)
        except Exception as error:
            # Keep the form open with everything typed in it; the reference is in the log.
            message = side.explain(error, "form", context)
            ack(response_action="errors", errors=_at_fields({fields[0]: side.text_of(message)}, view))
            return
        if outcome.errors:
            ack(response_action="errors", errors=_at_fields(outcome.errors, view))
            return
        assert outcome.message is not None
        done = side.modal(
            side.t("slack.form.saved_title"), outcome.message, close=side.t("slack.form.saved_close")
        )
        ack(response_action="update", view=done)
