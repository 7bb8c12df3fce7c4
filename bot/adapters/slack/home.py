"""The App Home: what matters now for the person who opens it.

Their own open consultations and follow-ups, the next meetings, what is overdue, and, for those
who keep the register (admins and secretaries), the funds' balances. Each part shows a few
items and the command that lists the rest; the whole stays within the Home tab's 100 blocks.
"""

from __future__ import annotations

from typing import Any

from slack_bolt import BoltContext
from slack_sdk import WebClient

from bot.adapters.slack.blocks import SURFACE, fit
from bot.adapters.slack.side import SlackSide
from bot.core.model import Actor
from bot.views.consultations import consultation_buttons, consultation_line
from bot.views.decisions import decision_line
from bot.views.inline import concat
from bot.views.meeting_cycle import next_agenda
from bot.views.meetings import meeting_buttons, meeting_line
from bot.views.message import Block, Button, Context, Divider, Item, Message, Text
from bot.views.present import Presenter

#: items per part; five parts of this many stay far inside 100 blocks
ITEMS = 6


def _more(p: Presenter, shown: int, total: int, command: str) -> list[Block]:
    if total <= shown:
        return []
    return [Context(p.t("slack.home.more", n=total - shown, command=command))]


def home_message(side: SlackSide, actor: Actor) -> Message:
    p = side.presenter()
    now = side.services.what_matters(actor, ITEMS)
    greeting = p.t("slack.home.greeting", date=side.tr.weekday_date(now.today))
    blocks: list[Block] = [Text(greeting), Divider()]

    blocks.append(Text(p.t("slack.home.mine", n=now.mine_total)))
    if not now.mine:
        blocks.append(Context(p.t("slack.home.mine.empty")))
    for item in now.mine:
        blocks.append(Item(consultation_line(p, item), consultation_buttons(p, item)))
    blocks += _more(p, len(now.mine), now.mine_total, "consultation list")

    follow_ups = now.follow_ups
    blocks.append(Text(p.t("slack.home.follow_ups", n=follow_ups.total)))
    if not follow_ups.items:
        blocks.append(Context(p.t("slack.home.follow_ups.empty")))
    for d in follow_ups.items:
        buttons = (
            Button(p.s("button.done"), "decision.done", str(d.number), "primary"),
            Button(p.s("button.show"), "decision.show", str(d.number)),
        )
        blocks.append(Item(decision_line(p, d), buttons))
    blocks += _more(p, len(follow_ups.items), follow_ups.total, "decision list")

    blocks.append(Text(p.t("slack.home.meetings")))
    if not now.meetings:
        blocks.append(Context(p.t("slack.home.meetings.empty")))
    for m in now.meetings:
        blocks.append(Item(meeting_line(p, m), meeting_buttons(p, m)[:1]))
    blocks += _more(p, len(now.meetings), now.meetings_total, "meeting list")
    if now.meetings and now.next_agenda:
        blocks.append(Context(next_agenda(p, now.meetings[0], now.next_agenda)))

    late_follow_ups = now.late_follow_ups
    blocks.append(Text(p.t("slack.home.overdue", n=now.overdue_total + late_follow_ups.total)))
    if not now.overdue and not late_follow_ups.items:
        blocks.append(Context(p.t("slack.home.overdue.empty")))
    for item in now.overdue:
        blocks.append(Item(consultation_line(p, item), consultation_buttons(p, item)))
    blocks += _more(p, len(now.overdue), now.overdue_total, "consultation list overdue")
    for d in late_follow_ups.items:
        note = p.t("slack.home.overdue_follow_up", on=side.tr.short_date(d.follow_up_on or now.today))
        blocks.append(Item(concat(decision_line(p, d), " · ", note), ()))
    blocks += _more(p, len(late_follow_ups.items), late_follow_ups.total, "decision list")

    if now.balances is not None:
        blocks.append(Divider())
        blocks += p.present(now.balances).blocks

    blocks += [Divider(), Context(p.t("slack.home.help"))]
    return Message(tuple(blocks), greeting)


def home_view(side: SlackSide, actor: Actor) -> dict[str, Any]:
    return {"type": "home", "blocks": fit(home_message(side, actor), side.tr, SURFACE)}


def publish_home(side: SlackSide, client: WebClient, context: BoltContext, user_id: str) -> None:
    actor = side.actor(context, user_id)
    client.views_publish(user_id=user_id, view=home_view(side, actor))
