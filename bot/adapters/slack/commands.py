"""The slash command: every command of the contract, exactly as in the console.

The command runs on a worker thread; when its answer is ready within the budget it goes back
as the acknowledgement itself (one round trip, nothing to lose), otherwise Slack is told we are
working on it and the answer follows through the response_url. Either way Slack hears from us
within its 3 seconds. Commands typed without arguments that have a form open the form instead.
"""

from __future__ import annotations

from concurrent.futures import Future
from concurrent.futures import TimeoutError as Timeout
from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from bot.adapters.slack import files, forms, minutes_file
from bot.adapters.slack.side import SlackSide, log
from bot.core.errors import NotAllowed
from bot.frontend import Reply


def unescape(text: str) -> str:
    """Slack escapes &, < and > in what people type; mentions and channels stay `<@U…|name>`."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def register(app: App, side: SlackSide) -> None:
    @app.command(side.settings.slack_command)
    def on_command(ack: Ack, body: dict[str, Any], respond: Respond, context: BoltContext) -> None:
        text = unescape(str(body.get("text") or "")).strip()
        typed = f"{side.cmd}{text}".strip()
        user = str(body.get("user_id") or context.user_id)
        try:
            form = forms.form_for(text)
            if form is not None:
                ack(
                    **open_form(
                        side,
                        side.client(context),
                        context,
                        user,
                        form,
                        str(body.get("trigger_id") or ""),
                        forms.given_values(text, form),
                    )
                )
                return
            work: Future[Reply] = side.pool.submit(_run, side, context, user, text, typed)
            try:
                reply = work.result(timeout=side.ack_budget)
            except Timeout:
                ack(response_type="ephemeral", text=side.t("slack.working"))
                work.add_done_callback(lambda done: _deliver_late(side, done, respond, context, typed))
                return
            ack(**side.reply(reply.message))
        except Exception as error:
            ack(**side.reply(side.explain(error, "command", context, typed=typed)))


def _run(side: SlackSide, context: BoltContext, user: str, text: str, typed: str) -> Reply:
    actor = side.actor(context, user)
    reply = side.conversation.handle(actor, text, cmd=side.cmd, typed=typed)
    reply = minutes_file.minutes_reply(side, context, user, reply)  # long minutes go as a file
    return files.report_reply(side, context, user, reply)  # the annual report goes as a PDF file


def _deliver_late(
    side: SlackSide, done: Future[Reply], respond: Respond, context: BoltContext, typed: str
) -> None:
    try:
        respond(**side.reply(done.result().message))
    except Exception as error:
        try:
            respond(**side.reply(side.explain(error, "late reply", context, typed=typed)))
        except Exception:
            log.exception("could not tell the user either")


def open_form(
    side: SlackSide,
    client: WebClient,
    context: BoltContext,
    user: str,
    name: str,
    trigger_id: str,
    given: dict[str, str] | None = None,
) -> dict[str, Any]:
    """Open the form and acknowledge silently, or answer why there is no form to fill in."""
    actor = side.actor(context, user)
    if not actor.may_write:
        # Don't let someone fill in a whole form only to be refused: the same rule, told at once.
        try:
            side.conversation.require_writer(actor, name)
        except NotAllowed as error:
            typed = f"{side.cmd}{name.replace('.', ' ')}"
            return side.reply(side.explain(error, "form", context, typed=typed))
    view = forms.open_form(side, actor, name, given)
    if not isinstance(view, dict):
        return side.reply(view)
    client.views_open(trigger_id=trigger_id, view=view)
    return {}
