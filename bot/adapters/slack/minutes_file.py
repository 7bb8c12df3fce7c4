"""Long minutes as a file: a meeting's minutes that would not fit one message are put in the
asker's direct messages as a text file (the reply says so); short ones are the reply itself."""

from __future__ import annotations

import logging
from concurrent.futures import Future

from slack_bolt import BoltContext
from slack_sdk import WebClient
from slack_sdk.errors import SlackClientError

from bot.adapters.slack.files import direct_channel, upload_file
from bot.adapters.slack.side import SlackSide
from bot.core.minutes import Minutes
from bot.frontend import Reply
from bot.views.meeting_cycle import minutes_plain
from bot.views.message import Context, Message

log = logging.getLogger("bot.slack")


def send_minutes(side: SlackSide, client: WebClient, user: str, minutes: Minutes) -> bool:
    p = side.presenter()
    number = minutes.meeting.number
    try:
        upload_file(
            client,
            channel=direct_channel(client, user),
            filename=f"{side.t('minutes.file_title', number=number).replace(' ', '-').lower()}.txt",
            content=minutes_plain(p, minutes).encode("utf-8"),
            title=side.t("minutes.file_title", number=number),
            comment=side.t("minutes.file_title", number=number),
        )
        return True
    except SlackClientError:
        log.warning("minutes of meeting %s not sent to %s", number, user, exc_info=True)
        return False


def minutes_reply(side: SlackSide, context: BoltContext, user: str, reply: Reply) -> Reply:
    """Minutes too long for one message: the first part at once and the whole as a file."""
    minutes = reply.result
    if not isinstance(minutes, Minutes) or not reply.message.extra.get("file"):
        return reply
    work = side.pool.submit(send_minutes, side, side.client(context), user, minutes)
    work.add_done_callback(_log_failure)
    note = Context(side.presenter().t("minutes.sent_as_file"))
    head = reply.message.blocks[:20]
    return Reply(Message((*head, note), reply.message.summary), reply.ok, reply.command, minutes)


def _log_failure(done: Future[bool]) -> None:
    error = done.exception()
    if error is not None:
        log.error("minutes upload failed", exc_info=error)
