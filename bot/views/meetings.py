"""Meetings: one line per meeting in lists, the meeting with its decisions, its buttons."""

from __future__ import annotations

from bot.core.model import Meeting
from bot.core.results import MeetingDetail, MeetingList, MeetingSaved
from bot.views.decisions import decision_line
from bot.views.inline import Inline, join, strong, text
from bot.views.message import Actions, Block, Button, Confirm, Context, Fields, Item, Message, Text
from bot.views.words import Words


def meeting_line(p: Words, m: Meeting) -> Inline:
    parts: list[Inline] = [text(f"#{m.number}"), (strong(p.when(m)),), text(m.body.name)]
    if m.title:
        parts.append(text(m.title))
    if m.place:
        parts.append(text(m.place))
    if m.cancelled:
        parts.append(p.t("meeting.cancelled_tag"))
    return join(parts, " · ")


def meeting_buttons(p: Words, m: Meeting) -> tuple[Button, ...]:
    show = Button(p.s("button.show"), "meeting.show", str(m.number))
    if m.cancelled:
        return (show,)
    confirm = Confirm(
        p.s("confirm.cancel_meeting.title"),
        p.s("confirm.cancel_meeting.text", number=m.number),
        p.s("confirm.yes_cancel"),
        p.s("confirm.no"),
    )
    return (show, Button(p.s("button.cancel_meeting"), "meeting.cancel", str(m.number), "danger", confirm))


def status(p: Words, m: Meeting) -> Inline:
    """Cancelled, held (its day has passed) or planned."""
    if m.cancelled:
        return p.t("meeting.status.cancelled")
    return p.t("meeting.status.held" if m.date < p.today else "meeting.status.planned")


def meeting_saved(p: Words, r: MeetingSaved) -> Message:
    m = r.meeting
    key = "meeting.cancelled" if r.cancelled else "meeting.saved"
    said = p.t(key, number=m.number, when=p.when(m), body=m.body.name)
    extra = [x for x in (m.title, m.place) if x]
    blocks: list[Block] = [Item(said, () if r.cancelled else meeting_buttons(p, m)[:1])]
    if extra and not r.cancelled:
        blocks.append(Context(text(" · ".join(extra))))
    return Message(tuple(blocks), said)


def meeting_list(p: Words, r: MeetingList) -> Message:
    n = p.count(r.page.total, r.page.capped)
    if r.upcoming:
        title = p.t("meeting.list.upcoming", n=n)
    else:
        start = p.tr.short_date(r.start) if r.start else "…"
        end = p.tr.short_date(r.end) if r.end else "…"
        title = p.t("meeting.list.range", start=start, end=end, n=n)
    blocks: list[Block] = [Text(title)]
    if r.body:
        blocks.append(Context(p.t("meeting.body_filter", body=r.body.name)))
    if not r.page.items:
        blocks.append(Text(p.t("meeting.list.empty_upcoming" if r.upcoming else "meeting.list.empty")))
    for m in r.page.items:
        blocks.append(Item(meeting_line(p, m), meeting_buttons(p, m)[:1]))
    more, hint = p.more(blocks, r.page.total, len(r.page.items), "list.hint.meeting", capped=r.page.capped)
    return Message(tuple(blocks), title, more=more, more_hint=hint)


def meeting_detail(p: Words, r: MeetingDetail) -> Message:
    m = r.meeting
    pairs: list[tuple[str, Inline]] = [
        (p.s("meeting.field.when"), text(p.when(m))),
        (p.s("meeting.field.status"), status(p, m)),
    ]
    if m.place:
        pairs.append((p.s("meeting.field.where"), text(m.place)))
    if m.title:
        pairs.append((p.s("meeting.field.title"), text(m.title)))
    title = p.t("meeting.title", number=m.number, body=m.body.name)
    blocks: list[Block] = [Text(title), Fields(tuple(pairs))]
    if r.decisions:
        blocks.append(Text(p.t("meeting.decisions", n=len(r.decisions))))
        in_order = sorted(r.decisions, key=lambda d: (d.decided_on, d.paragraph))
        blocks.append(Text(join((decision_line(p, d) for d in in_order), "\n")))
    number = str(m.number)
    cycle = (
        Button(p.s("button.agenda"), "meeting.agenda", number),
        Button(p.s("button.attendance"), "meeting.attendance", number),
        Button(p.s("button.minutes"), "meeting.minutes", number),
    )
    blocks.append(Actions(cycle if m.cancelled else (*cycle, *meeting_buttons(p, m)[1:])))
    return Message(tuple(blocks), title)
