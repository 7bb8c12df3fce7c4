"""`calendar`: the asker's private link to a feed, and how to subscribe to it."""

from __future__ import annotations

from bot.core.calendar import CalendarLink
from bot.views.inline import Code, concat, text
from bot.views.message import Block, Context, Message, Text
from bot.views.words import Words


def calendar_link(p: Words, r: CalendarLink) -> Message:
    name = r.body.name if r.body else p.s("calendar.name.workspace")
    if r.revoked is not None:
        said = p.t("calendar.reset", name=name, n=r.revoked)
    else:
        said = p.t("calendar.link", name=name)
    link = (r.base + r.path) if r.base else r.path
    blocks: list[Block] = [Text(said), Text((Code(text(link)),))]
    if r.base is None:
        blocks.append(Context(p.t("calendar.no_public_url")))
    notes = [p.t("calendar.how")]
    if r.replaced:
        notes.append(p.t("calendar.replaced"))
    for note in notes:
        blocks.append(Context(note))
    return Message(tuple(blocks), concat(said, " ", link))
