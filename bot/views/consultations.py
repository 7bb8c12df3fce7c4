"""Consultations (remisser): due dates in working days, owners, the submit button."""

from __future__ import annotations

from bot.core.model import ConsultationState
from bot.core.results import ConsultationDetail, ConsultationList, ConsultationSaved, DatedConsultation
from bot.views.inline import Inline, Mention, concat, join, text, unmarked
from bot.views.message import Actions, Block, Button, Context, Fields, Item, Message, Text
from bot.views.record_buttons import correction_buttons
from bot.views.words import Words


def distance(p: Words, item: DatedConsultation) -> Inline:
    """How far off the due date is, in working days; nothing once submitted."""
    if item.state is ConsultationState.OVERDUE:
        n = -item.workdays_left
        return p.t("consultation.overdue_by.one" if n == 1 else "consultation.overdue_by", n=n)
    if item.state is ConsultationState.SUBMITTED:
        return ()
    if item.workdays_left == 0:
        return p.t("consultation.due_today")
    key = "consultation.due_in.one" if item.workdays_left == 1 else "consultation.due_in"
    return p.t(key, n=item.workdays_left)


def due_words(p: Words, item: DatedConsultation) -> Inline:
    c = item.consultation
    if item.state is ConsultationState.SUBMITTED:
        return p.t("consultation.submitted_on", on=p.tr.short_date(c.submitted_on or c.due_on))
    due = p.t("consultation.due", due=p.tr.short_date(c.due_on, today=p.today))
    return concat(due, " ", distance(p, item))


def due_detail(p: Words, item: DatedConsultation) -> Inline:
    """The due date in full, with how far off it is while the consultation is unanswered."""
    day = p.tr.weekday_date(item.consultation.due_on)
    if item.state is ConsultationState.SUBMITTED:
        return text(day)
    return concat(day, " ", distance(p, item))


def consultation_line(p: Words, item: DatedConsultation) -> Inline:
    c = item.consultation
    parts: list[Inline] = [text(f"#{c.number}"), text(c.title), text(c.issuer), due_words(p, item)]
    if c.body:
        parts.append(text(c.body.name))
    if c.owner:
        parts.append(p.t("consultation.owner", owner=Mention(c.owner)))
    return join(parts, " · ")


def consultation_buttons(p: Words, item: DatedConsultation) -> tuple[Button, ...]:
    number = str(item.consultation.number)
    show = Button(p.s("button.show"), "consultation.show", number)
    if item.consultation.submitted_on is not None:
        return (show,)
    return (Button(p.s("button.submit"), "consultation.submit", number, "primary"), show)


def consultation_saved(p: Words, r: ConsultationSaved) -> Message:
    c = r.item.consultation
    if r.submitted:
        on = p.day(c.submitted_on) if c.submitted_on else None
        said = p.t("consultation.submitted", number=c.number, title=c.title, on=on)
        return Message((Text(said),), said)
    said = p.t("consultation.saved", number=c.number, title=c.title, issuer=c.issuer, due=p.day(c.due_on))
    blocks: list[Block] = [Item(said, consultation_buttons(p, r.item)[1:])]
    blocks.append(Context(unmarked(due_words(p, r.item))))
    return Message(tuple(blocks), said)


def consultation_list(p: Words, r: ConsultationList) -> Message:
    title = p.t(f"consultation.list.{r.state}", n=p.count(r.total, r.capped))
    blocks: list[Block] = [Text(title)]
    if r.on != r.today:
        blocks.append(Context(p.t("consultation.list.as_of", on=r.on)))
    if not r.items:
        blocks.append(Text(p.t(f"consultation.list.empty.{r.state}")))
    for item in r.items:
        blocks.append(Item(consultation_line(p, item), consultation_buttons(p, item)))
    more, hint = p.more(blocks, r.total, len(r.items), "list.hint.consultation", capped=r.capped)
    return Message(tuple(blocks), title, more=more, more_hint=hint)


def consultation_detail(p: Words, r: ConsultationDetail) -> Message:
    c = r.item.consultation
    state_key = f"consultation.state.{r.item.state.value}"
    pairs: list[tuple[str, Inline]] = [
        (p.s("consultation.field.issuer"), text(c.issuer)),
        (p.s("consultation.field.due"), due_detail(p, r.item)),
        (p.s("consultation.field.status"), p.t(state_key, on=c.submitted_on)),
    ]
    if c.reference:
        pairs.append((p.s("consultation.field.ref"), text(c.reference)))
    if c.received_on:
        pairs.append((p.s("consultation.field.received"), text(p.tr.date(c.received_on))))
    if c.owner:
        pairs.append((p.s("consultation.field.owner"), (Mention(c.owner),)))
    if c.body:
        pairs.append((p.s("consultation.field.body"), text(c.body.name)))
    title = p.t("consultation.title", number=c.number, title=c.title)
    blocks: list[Block] = [Text(title), Fields(tuple(pairs))]
    buttons = (*consultation_buttons(p, r.item)[:-1], *correction_buttons(p, "consultation", c.number))
    blocks.append(Actions(buttons))
    return Message(tuple(blocks), title)
