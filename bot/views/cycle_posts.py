"""What the meeting cycle posts in a body's channel through the outbox: the notice (kallelse)
with buttons to answer attendance, the announcement of a new meeting, consultation or decision,
and the reminder that a consultation's draft is due."""

from __future__ import annotations

import datetime as dt

from bot.core.agenda import Notice
from bot.core.consultations import Consultation
from bot.core.decisions import Decision
from bot.core.meeting_cycle import ConsultationPlan, Member
from bot.core.meetings import Meeting
from bot.views.inline import Inline, Mention, clip, concat, join, strong, text
from bot.views.meeting_cycle import agenda_item_text, attend_buttons
from bot.views.message import Actions, Block, Button, Context, Message, Text
from bot.views.words import Words

TEXT_LIMIT = 280


def mentions(members: tuple[Member, ...] | list[Member]) -> Inline:
    """The body's members, mentioned (the secretary too: they keep the register)."""
    return join(((Mention(m.user_id),) for m in members), " ")


def notice_message(p: Words, n: Notice, *, late: bool) -> Message:
    m = n.meeting
    head = p.t("notice.head", body=m.body.name, when=p.when(m))
    details = [x for x in (m.title, m.place) if x]
    blocks: list[Block] = [Text(head)]
    if details:
        blocks.append(Text(clip(text(" · ".join(details)), TEXT_LIMIT)))
    blocks.append(Text((strong(p.s("minutes.agenda")),)))
    if n.lines:
        blocks.append(
            Text(join((clip(agenda_item_text(p, line), TEXT_LIMIT) for line in n.lines[:40]), "\n"))
        )
    else:
        blocks.append(Text(p.t("agenda.empty", number=m.number)))
    if n.members:
        blocks.append(Context(concat(p.t("notice.called"), " ", mentions(n.members))))
    blocks.append(Text(p.t("notice.answer", number=m.number)))
    blocks.append(Actions(attend_buttons(p, m)))
    if late:
        blocks.append(Context(p.t("reminder.late")))
    return Message(tuple(blocks), head, public=True)


def announcement(p: Words, item: Meeting | Consultation | Decision) -> Message:
    """A new record, said once in its body's channel."""
    number = str(item.number)
    if isinstance(item, Meeting):
        head = p.t("announce.meeting", body=item.body.name, when=p.when(item), number=item.number)
        rest = [x for x in (item.title, item.place) if x]
        button = Button(p.s("button.show"), "meeting.show", number)
    elif isinstance(item, Consultation):
        head = p.t(
            "announce.consultation",
            title=item.title,
            issuer=item.issuer,
            due=p.tr.weekday_date(item.due_on),
            number=item.number,
        )
        rest = []
        button = Button(p.s("button.show"), "consultation.show", number)
    else:
        head = p.t(
            "announce.decision",
            body=item.body.name,
            date=p.tr.short_date(item.decided_on),
            paragraph=item.paragraph,
            number=item.number,
        )
        rest = [item.text]
        button = Button(p.s("button.show"), "decision.show", number)
    blocks: list[Block] = [Text(head)]
    if rest:
        blocks.append(Text(clip(text(" · ".join(rest)), TEXT_LIMIT)))
    owner = getattr(item, "owner", None)
    if owner:
        blocks.append(Context(p.t("reminder.owner", owner=Mention(owner))))
    blocks.append(Actions((button,)))
    return Message(tuple(blocks), head, public=True)


def draft_reminder(
    p: Words, c: Consultation, plan: ConsultationPlan, meeting: Meeting, draft_on: dt.date, *, late: bool
) -> Message:
    head = p.t("draft.head", title=c.title, number=c.number)
    parts: list[Inline] = [
        p.t("draft.due", on=p.tr.weekday_date(draft_on), meeting=meeting.number, when=p.when(meeting))
    ]
    if c.owner:
        parts.append(p.t("reminder.owner", owner=Mention(c.owner)))
    blocks: list[Block] = [
        Text(concat(head, "\n", join(parts, " · "))),
        Actions((Button(p.s("button.show"), "consultation.show", str(c.number)),)),
    ]
    if late:
        blocks.append(Context(p.t("reminder.late")))
    return Message(tuple(blocks), head, public=True)
