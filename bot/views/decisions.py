"""Decisions: one line per decision, the decision in full, its follow-up."""

from __future__ import annotations

from bot.core.model import Decision
from bot.core.results import DecisionDetail, DecisionList, DecisionSaved
from bot.views.inline import Inline, Mention, concat, text
from bot.views.message import Actions, Block, Button, Context, Fields, Item, Message, Text
from bot.views.record_buttons import correction_buttons
from bot.views.words import Words

#: a decision's text in a list line is cut here
LINE_TEXT = 280


def decision_line(p: Words, d: Decision) -> Inline:
    said = d.text if len(d.text) <= LINE_TEXT else d.text[: LINE_TEXT - 3].rstrip() + "…"
    line = text(f"#{d.number} · {d.body.name} {p.tr.short_date(d.decided_on)} § {d.paragraph} · {said}")
    if d.follow_up_on and d.follow_up_done_on is None:
        on = p.tr.short_date(d.follow_up_on, today=p.today)
        line = concat(line, " · ", p.t("decision.follow_up", on=on))
    return line


def decision_saved(p: Words, r: DecisionSaved) -> Message:
    d = r.decision
    if r.follow_up_done:
        on = p.day(d.follow_up_done_on) if d.follow_up_done_on else None
        said = p.t("decision.follow_up_done", number=d.number, on=on)
        return Message((Text(said),), said)
    date = p.day(d.decided_on)
    said = p.t("decision.saved", number=d.number, body=d.body.name, date=date, paragraph=d.paragraph)
    blocks: list[Block] = [Text(said)]
    if d.follow_up_on:
        blocks.append(Context(p.t("decision.follow_up", on=p.day(d.follow_up_on))))
    return Message(tuple(blocks), said)


def decision_list(p: Words, r: DecisionList) -> Message:
    title = p.t("decision.list.title", n=p.count(r.page.total, r.page.capped))
    blocks: list[Block] = [Text(title)]
    filters = [x for x in (r.body.name if r.body else None, str(r.year) if r.year else None) if x]
    filters += [f'"{w}"' for w in r.words]
    if filters:
        blocks.append(Context(p.t("decision.list.filters", filters=", ".join(filters))))
    if not r.page.items:
        blocks.append(Text(p.t("decision.list.empty")))
    for d in r.page.items:
        buttons = (Button(p.s("button.show"), "decision.show", str(d.number)),)
        blocks.append(Item(decision_line(p, d), buttons))
    more, hint = p.more(blocks, r.page.total, len(r.page.items), "list.hint.decision", capped=r.page.capped)
    return Message(tuple(blocks), title, more=more, more_hint=hint)


def decision_detail(p: Words, r: DecisionDetail) -> Message:
    d = r.decision
    title = p.t("decision.title", number=d.number, body=d.body.name, date=d.decided_on, paragraph=d.paragraph)
    blocks: list[Block] = [Text(title), Text(text(d.text))]
    pairs: list[tuple[str, Inline]] = []
    if d.meeting_number:
        pairs.append((p.s("decision.field.meeting"), text(f"#{d.meeting_number}")))
    if d.follow_up_on:
        value = text(p.tr.date(d.follow_up_on))
        if d.follow_up_done_on:
            done = p.t("decision.done_on", on=p.tr.short_date(d.follow_up_done_on))
            value = concat(value, " (", done, ")")
        pairs.append((p.s("decision.field.follow_up"), value))
    if d.owner:
        pairs.append((p.s("decision.field.owner"), (Mention(d.owner),)))
    if pairs:
        blocks.append(Fields(tuple(pairs)))
    buttons: tuple[Button, ...] = ()
    if d.follow_up_on and not d.follow_up_done_on:
        buttons = (Button(p.s("button.done"), "decision.done", str(d.number), "primary"),)
    blocks.append(Actions((*buttons, *correction_buttons(p, "decision", d.number))))
    return Message(tuple(blocks), title)
