"""Files to people in Slack: the annual report as a PDF in the asker's direct messages.

Uploads go through Slack's current API (`files.getUploadURLExternal`, a POST of the bytes to the
URL it returns, `files.completeUploadExternal`), which is what slack_sdk's `files_upload_v2`
does. The file is shared in the DM between the app and the asker (`conversations.open`): it
reaches them from any channel, private ones included, without showing the channel anything, and
Slack has no ephemeral files. Needs the `files:write` and `im:write` scopes.
"""

from __future__ import annotations

import logging
from concurrent.futures import Future

from slack_bolt import BoltContext
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

from bot.adapters.slack.side import SlackSide
from bot.core.annual_report import AnnualReport
from bot.frontend import Reply
from bot.i18n import Translator
from bot.views.inline import text
from bot.views.message import Message, Text

log = logging.getLogger("bot.slack")


def direct_channel(client: WebClient, user: str) -> str:
    """The id of the DM between the app and `user` (opened if need be)."""
    opened = client.conversations_open(users=user)
    return str(opened["channel"]["id"])


def upload_file(
    client: WebClient, *, channel: str, filename: str, content: bytes, title: str, comment: str
) -> str:
    """Upload `content` and share it in `channel`; returns the file's id."""
    response = client.files_upload_v2(
        channel=channel, filename=filename, content=content, title=title, initial_comment=comment
    )
    return str(response["file"]["id"])


def report_filename(report: AnnualReport, tr: Translator) -> str:
    stem = "verksamhetsberattelse" if tr.locale == "sv" else "annual-report"
    return f"{stem}-{report.year}.pdf"


def send_report(client: WebClient, user: str, report: AnnualReport, tr: Translator) -> bool:
    """Make the report's PDF and put it in `user`'s DM. On failure, tell them there why (when a
    DM can be had at all) and return False."""
    # reportlab is loaded when a report is asked for, not in every worker at start (10 MB, 0.1 s)
    from bot.adapters.pdf import annual_report_pdf

    channel: str | None = None
    try:
        channel = direct_channel(client, user)
        upload_file(
            client,
            channel=channel,
            filename=report_filename(report, tr),
            content=annual_report_pdf(report, tr),
            title=tr.t("report.title", year=str(report.year)),
            comment=tr.t("report.file_comment", year=str(report.year)),
        )
        return True
    except (SlackApiError, SlackClientError) as exc:
        reason = exc.response.get("error", "error") if isinstance(exc, SlackApiError) else type(exc).__name__
        log.warning("annual report %s to %s not sent: %s", report.year, user, reason)
        try:
            client.chat_postMessage(
                channel=channel or user,
                text=tr.t("report.upload_failed", year=str(report.year), reason=reason),
            )
        except SlackClientError:
            log.warning("could not tell %s either", user)
        return False


def report_reply(side: SlackSide, context: BoltContext, user: str, reply: Reply) -> Reply:
    """The slash command's answer to `report <YYYY>`: "on its way" at once, and the PDF made and
    uploaded to the asker's DM on the side's pool. Any other reply passes through unchanged."""
    report = reply.result
    if not isinstance(report, AnnualReport):
        return reply
    work = side.pool.submit(send_report, side.client(context), user, report, side.tr)
    work.add_done_callback(_log_failure)
    said = text(side.t("report.on_its_way", year=str(report.year)))
    return Reply(Message((Text(said),), said), reply.ok, reply.command, report)


def _log_failure(done: Future[bool]) -> None:
    error = done.exception()
    if error is not None:
        log.error("annual report upload failed", exc_info=error)
