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
from bot.core import grammar
from bot.core.model import Actor, Consultation, ConsultationState, Page
from bot.core.results import DatedConsultation
from bot.store import attention
from bot.views.message import Block, Button, Context, Divider, Item, Message, Text

#: items per part; five parts of this many stay far inside 100 blocks
ITEMS = 6


def _more(side: SlackSide, shown: int, total: int, command: str) -> list[Block]:
    if total <= shown:
        return []
    return [Context(side.t("slack.home.more", n=total - shown, command=command))]


def home_message(side: SlackSide, actor: Actor) -> Message:
    p = side.presenter()
    today = p.today
    workdays = side.bot.workdays

    def dated(c: Consultation) -> DatedConsultation:
        return DatedConsultation(c, c.state_on(today), workdays.between(today, c.due_on))

    with side.bot.registers(actor.workspace_id) as reg:
        mine = attention.open_consultations_of(reg, actor.user_id, today, ITEMS)
        follow_ups = attention.open_follow_ups(reg, owner=actor.user_id, limit=ITEMS)
        meetings = reg.meetings(body_id=None, start=today, end=None, limit=3 * ITEMS)
        late: Page[Consultation] = reg.consultations(state=ConsultationState.OVERDUE, on=today, limit=ITEMS)
        late_follow_ups = attention.open_follow_ups(reg, before=today, limit=ITEMS)

    blocks: list[Block] = [Text(side.t("slack.home.greeting", date=side.tr.weekday_date(today))), Divider()]

    blocks.append(Text(side.t("slack.home.mine", n=mine.total)))
    if not mine.items:
        blocks.append(Context(side.t("slack.home.mine.empty")))
    for c in mine.items:
        item = dated(c)
        blocks.append(Item(p.consultation_line(item), p.consultation_buttons(item)))
    blocks += _more(side, len(mine.items), mine.total, "consultation list")

    blocks.append(Text(side.t("slack.home.follow_ups", n=follow_ups.total)))
    if not follow_ups.items:
        blocks.append(Context(side.t("slack.home.follow_ups.empty")))
    for d in follow_ups.items:
        buttons = (
            Button(side.t("button.done"), "decision.done", str(d.number), "primary"),
            Button(side.t("button.show"), "decision.show", str(d.number)),
        )
        blocks.append(Item(p.decision_line(d), buttons))
    blocks += _more(side, len(follow_ups.items), follow_ups.total, "decision list")

    planned = [m for m in meetings.items if not m.cancelled]
    blocks.append(Text(side.t("slack.home.meetings")))
    if not planned:
        blocks.append(Context(side.t("slack.home.meetings.empty")))
    for m in planned[:ITEMS]:
        blocks.append(Item(p.meeting_line(m), p.meeting_buttons(m)[:1]))
    cancelled = len(meetings.items) - len(planned)
    blocks += _more(side, min(len(planned), ITEMS), meetings.total - cancelled, "meeting list")

    blocks.append(Text(side.t("slack.home.overdue", n=late.total + late_follow_ups.total)))
    if not late.items and not late_follow_ups.items:
        blocks.append(Context(side.t("slack.home.overdue.empty")))
    for c in late.items:
        item = dated(c)
        blocks.append(Item(p.consultation_line(item), p.consultation_buttons(item)))
    blocks += _more(side, len(late.items), late.total, "consultation list overdue")
    for d in late_follow_ups.items:
        note = side.t("slack.home.overdue_follow_up", on=side.tr.short_date(d.follow_up_on or today))
        blocks.append(Item(f"{p.decision_line(d)} · {note}", ()))
    blocks += _more(side, len(late_follow_ups.items), late_follow_ups.total, "decision list")

    if actor.may_write:
        balances = side.bot.committee.execute(actor, grammar.Command(grammar.BY_NAME["fund.balance"], {}))
        blocks.append(Divider())
        blocks += p.present(balances).blocks

    blocks += [Divider(), Context(side.t("slack.home.help"))]
    return Message(tuple(blocks), side.t("slack.home.greeting", date=side.tr.weekday_date(today)))


def home_view(side: SlackSide, actor: Actor) -> dict[str, Any]:
    return {"type": "home", "blocks": fit(home_message(side, actor), side.tr, SURFACE)}


def publish_home(side: SlackSide, client: WebClient, context: BoltContext, user_id: str) -> None:
    actor = side.actor(context, user_id)
    client.views_publish(user_id=user_id, view=home_view(side, actor))
