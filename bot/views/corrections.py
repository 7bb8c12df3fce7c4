"""Corrections as messages: what an edit changed (old → new), a removal or restore, a reversal,
an undo, and a record's history, oldest first."""

from __future__ import annotations

import datetime as dt

from bot.core.corrections import EntryReversed, RecordHistory, RecordRemoved, Undone
from bot.core.record_fields import FIELD_TYPES, FieldChange, RecordEdited
from bot.views.inline import ChannelRef, Inline, Mention, concat, join, text
from bot.views.message import Block, Context, Heading, Message, Text
from bot.views.words import Words


def value(p: Words, field: str, v: object) -> Inline:
    """One field's value as it reads: dates with their weekday, people as mentions, money."""
    if v is None or v == "":
        return text("–")
    kind = FIELD_TYPES.get(field)
    if isinstance(v, dt.date):
        return text(p.tr.weekday_date(v))
    if isinstance(v, dt.time):
        return text(p.tr.time(v))
    if kind == "user":
        return (Mention(str(v)),)
    if kind == "channel":
        return (ChannelRef(str(v)),)
    if kind == "amount" and isinstance(v, int):
        return text(p.tr.money(v))
    if kind == "record":
        return text(f"#{v}")
    if field == "kind":
        for key in (f"kind.{v}", f"entry.kind.{v}"):  # a body's kind, an entry's kind
            if p.tr.has(key):
                return p.t(key)
    return text(str(v))


def change_line(p: Words, c: FieldChange) -> Inline:
    return p.t(
        "edit.change",
        field=p.t(f"field.{c.field}"),
        old=value(p, c.field, c.old),
        new=value(p, c.field, c.new),
    )


def changes_text(p: Words, changes: tuple[FieldChange, ...]) -> Inline:
    return join((change_line(p, c) for c in changes), "; ")


def record_edited(p: Words, r: RecordEdited) -> Message:
    said = p.t(f"edit.done.{r.kind.value}", number=r.number, changes=changes_text(p, r.changes))
    return Message((Text(said), Context(p.t("edit.hint", number=r.number))), said)


def record_removed(p: Words, r: RecordRemoved) -> Message:
    if r.restored:
        said = p.t(f"restored.{r.kind.value}", number=r.number)
        return Message((Text(said),), said)
    said = p.t(f"removed.{r.kind.value}", number=r.number)
    return Message((Text(said), Context(p.t("removed.hint", number=r.number))), said)


def entry_reversed(p: Words, r: EntryReversed) -> Message:
    e = r.reversed
    said = p.t(
        "reversed.done",
        reversed=e.number,
        amount=p.tr.money(e.signed_amount),
        text=e.text or p.s(f"entry.kind.{e.kind.value}"),
        number=r.reversal.number,
        on=p.tr.weekday_date(r.reversal.booked_on),
        fund=e.fund.name,
        balance=p.tr.money(r.balance),
    )
    return Message((Text(said),), said)


def undone(p: Words, r: Undone) -> Message:
    inner = r.result
    if isinstance(inner, RecordEdited):
        shown = record_edited(p, inner)
    elif isinstance(inner, RecordRemoved):
        shown = record_removed(p, inner)
    else:
        shown = entry_reversed(p, inner)
    said = p.t("undo.done", number=r.change.number)
    return Message((Text(said), *shown.blocks), said)


def record_history(p: Words, r: RecordHistory) -> Message:
    title = p.s("history.title", record=p.s(f"record.{r.kind.value}"), number=r.number, n=len(r.lines))
    blocks: list[Block] = [Heading(title)]
    if not r.lines:
        blocks.append(Text(p.t("history.empty", number=r.number)))
    for line in r.lines:
        action = p.t(f"action.{line.action}")
        if line.number != r.number:  # a fund's entry
            action = concat(action, " ", p.t("history.entry", number=line.number))
        head = p.t("history.line", when=p.tr.datetime(line.at), who=(Mention(line.actor),), action=action)
        parts: list[Inline] = [head]
        if line.changes:
            parts.append(changes_text(p, line.changes))
        if line.reason:
            parts.append(p.t("history.why", why=line.reason))
        blocks.append(Text(join(parts, "\n")))
    if r.removed:
        blocks.append(Context(p.t("history.removed")))
    return Message(tuple(blocks), text(title))
