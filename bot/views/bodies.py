"""Bodies (committees, groups, networks) and who holds which role."""

from __future__ import annotations

from bot.core.results import BodyList, BodySaved, RoleChanged, RoleList
from bot.views.inline import ChannelRef, Inline, Mention, concat, join, strong
from bot.views.message import Block, Context, Message, Text
from bot.views.words import Words


def body_saved(p: Words, r: BodySaved) -> Message:
    b = r.body
    text = p.t("body.saved", number=b.number, name=b.name, kind=p.t(f"kind.{b.kind.value}"))
    blocks: list[Block] = [Text(text)]
    if b.channel:
        blocks.append(Context(p.t("body.channel", channel=ChannelRef(b.channel))))
    return Message(tuple(blocks), text)


def body_list(p: Words, r: BodyList) -> Message:
    if not r.bodies:
        text = p.t("body.list.empty")
        return Message((Text(text),), text)
    lines: list[Inline] = []
    for b in r.bodies:
        line = concat(f"#{b.number} ", strong(b.name), " · ", p.t(f"kind.{b.kind.value}"))
        if b.channel:
            line = concat(line, " · ", ChannelRef(b.channel))
        lines.append(line)
    title = p.t("body.list.title", n=len(r.bodies))
    return Message((Text(title), Text(join(lines, "\n"))), title)


def role_changed(p: Words, r: RoleChanged) -> Message:
    if r.role is None:
        text = p.t("role.revoked", user=Mention(r.user_id))
    else:
        text = p.t("role.granted", user=Mention(r.user_id), role=p.t(f"role.{r.role.value}"))
    return Message((Text(text),), text)


def role_list(p: Words, r: RoleList) -> Message:
    if not r.grants:
        text = p.t("role.list.empty")
        return Message((Text(text),), text)
    lines = [
        concat(
            Mention(g.user_id),
            " · ",
            p.t(f"role.{g.role.value}"),
            concat(" ", p.t("role.from_settings")) if g.from_settings else (),
        )
        for g in r.grants
    ]
    title = p.t("role.list.title", n=len(r.grants))
    return Message((Text(title), Text(join(lines, "\n"))), title)
