"""Reminders as messages: the one posted in a channel, and the `reminders <id>` overview."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from bot.core.meeting_cycle import Member
from bot.core.model import Consultation, Decision, Meeting
from bot.core.parsing import digits
from bot.core.reminders import DeliveryKind, DeliveryStatus, DeliveryView, ReminderOverview, ReminderSnoozed
from bot.views.inline import ChannelRef, Inline, Mention, Part, clip, concat, join, text
from bot.views.message import Actions, Block, Button, Context, Message, Text
from bot.views.words import Words

TEXT_LIMIT = 280


def _clip(value: str, limit: int = TEXT_LIMIT) -> str:
    return value if len(value) <= limit else value[: limit - 1].rstrip() + "…"


def _ahead(p: Words, prefix: str, step: str, late: bool = False) -> Inline:
    """`Remissvar om 5 arbetsdagar`, `… i morgon`, `… i dag`, from the step's name. A reminder
    sent late says no "tomorrow" that is no longer true: its line says when the thing is."""
    if step == "overdue":
        return p.t(f"{prefix}.overdue")
    if late:
        return p.t(f"{prefix}.late")
    n = int(step.removeprefix("wd")) if step.startswith("wd") and digits(step[2:]) else 0
    if n == 0:
        return p.t(f"{prefix}.today")
    if n == 1:
        return p.t(f"{prefix}.in.one")
    return p.t(f"{prefix}.in", n=n)


def _late(blocks: list[Block], p: Words, late: bool) -> None:
    if late:
        blocks.append(Context(p.t("reminder.late")))


def consultation_reminder(p: Words, c: Consultation, step: str, *, late: bool) -> Message:
    head = concat(
        _ahead(p, "reminder.consultation", step, late), f" {_clip(c.title)} ({_clip(c.issuer, 120)})"
    )
    parts = [p.t("reminder.consultation.due", due=p.tr.weekday_date(c.due_on))]
    if c.owner:
        parts.append(p.t("reminder.owner", owner=Mention(c.owner)))
    parts.append(text(f"#{c.number}"))
    number = str(c.number)
    buttons = (
        Button(p.s("button.submit"), "consultation.submit", number, "primary"),
        Button(p.s("button.show"), "consultation.show", number),
        Button(p.s("button.snooze"), "reminders.snooze", number),
    )
    blocks: list[Block] = [Text(concat(head, "\n", join(parts, " · "))), Actions(buttons)]
    _late(blocks, p, late)
    return Message(tuple(blocks), head, public=True)


def meeting_reminder(
    p: Words, m: Meeting, step: str, *, late: bool, members: Sequence[Member] = ()
) -> Message:
    """A meeting's reminder, mentioning the body's members."""
    head = concat(_ahead(p, "reminder.meeting", step, late), f" {m.body.name}, {p.when(m)}")
    parts = [x for x in (m.title, m.place) if x]
    parts.append(f"#{m.number}")
    body: Inline = concat(head, "\n", clip(text(" · ".join(parts)), TEXT_LIMIT))
    if members:
        body = concat(body, "\n", join(((Mention(x.user_id),) for x in members), " "))
    blocks: list[Block] = [
        Text(body),
        Actions(
            (
                Button(p.s("button.show"), "meeting.show", str(m.number)),
                Button(p.s("button.snooze"), "reminders.snooze", str(m.number)),
            )
        ),
    ]
    _late(blocks, p, late)
    return Message(tuple(blocks), head, public=True)


def follow_up_reminder(p: Words, d: Decision, step: str, *, late: bool) -> Message:
    assert d.follow_up_on is not None
    head = concat(_ahead(p, "reminder.follow_up", step, late), f" {_clip(d.text, 200)}")
    parts = [
        p.t("reminder.follow_up.on", on=p.tr.weekday_date(d.follow_up_on)),
        text(f"{d.body.name} {p.tr.short_date(d.decided_on)} § {d.paragraph}"),
    ]
    if d.owner:
        parts.append(p.t("reminder.owner", owner=Mention(d.owner)))
    parts.append(text(f"#{d.number}"))
    number = str(d.number)
    buttons = (
        Button(p.s("button.done"), "decision.done", number, "primary"),
        Button(p.s("button.show"), "decision.show", number),
        Button(p.s("button.snooze"), "reminders.snooze", number),
    )
    blocks: list[Block] = [Text(concat(head, "\n", join(parts, " · "))), Actions(buttons)]
    _late(blocks, p, late)
    return Message(tuple(blocks), head, public=True)


# -- `reminders <id>` ------------------------------------------------------------------------------


def _step_word(p: Words, step: str) -> Inline:
    if step == "overdue":
        return p.t("reminders.step.overdue")
    if step.startswith("wd") and digits(step[2:]):
        n = int(step[2:])
        if n == 0:
            return p.t("reminders.step.today")
        return p.t("reminders.step.before.one") if n == 1 else p.t("reminders.step.before", n=n)
    return text(step)


#: `last_error` of a row whose post may have landed in a channel the bot cannot read
UNVERIFIED = "unverified:"


def failure_reason(p: Words, error: str) -> Inline:
    """Why a delivery failed, in words where the catalog has them."""
    if error.startswith(UNVERIFIED):
        return p.t("reminders.error.unverified", reason=failure_reason(p, error.removeprefix(UNVERIFIED)))
    key = f"reminders.error.{error}"
    return p.t(key) if p.tr.has(key) else text(error)


def failure_notice(
    p: Words, kind: DeliveryKind, number: int | None, step: str, channel: str | None, error: str
) -> Message:
    """The direct message to an item's owner (or the admins) when its reminder failed for good."""
    where: Part = ChannelRef(channel) if channel else "–"
    reason = failure_reason(p, error)
    if kind is DeliveryKind.DIGEST or number is None:
        said = p.t("reminders.failed_notice.digest", channel=where, reason=reason)
        return Message((Text(said),), said)
    said = p.t(
        "reminders.failed_notice", number=number, step=_step_word(p, step), channel=where, reason=reason
    )
    return Message((Text(said), Context(p.t("reminders.failed_notice.hint", number=number))), said)


def delivery_line(p: Words, v: DeliveryView, zone: dt.tzinfo) -> Inline:
    when = v.when.astimezone(zone)
    shown = f"{p.tr.short_weekday_date(when.date())} {when.year} {p.tr.time(when.time())}"
    line = concat(_step_word(p, v.step), f" · {shown} · ", p.t(f"reminders.status.{v.status.value}"))
    if v.late and v.status is DeliveryStatus.SENT:
        line = concat(line, " ", p.t("reminders.late_tag"))
    shows_channel = v.status in (DeliveryStatus.PENDING, DeliveryStatus.SENT, DeliveryStatus.UNKNOWN)
    if v.channel and v.channel != "console" and shows_channel:
        line = concat(line, " · ", ChannelRef(v.channel))
    if v.status is DeliveryStatus.FAILED and v.last_error:
        line = concat(line, " · ", failure_reason(p, v.last_error))
    if v.status is DeliveryStatus.PENDING and v.not_before is not None and v.not_before > v.due_at:
        line = concat(line, " ", p.t("reminders.snoozed_tag"))
    return line


def overview_message(p: Words, r: ReminderOverview) -> Message:
    title = p.t(f"reminders.title.{r.kind.value}", number=r.number, title=_clip(r.title, 150))
    blocks: list[Block] = [Text(title)]
    if r.inactive:
        blocks.append(Context(p.t(f"reminders.inactive.{r.inactive}")))
    shown = [v for v in r.deliveries if v.status is not DeliveryStatus.CANCELLED]
    if not shown:
        blocks.append(Text(p.t("reminders.none")))
    else:
        lines = [concat("• ", delivery_line(p, v, r.zone)) for v in shown[-20:]]
        blocks.append(Text(join(lines, "\n")))
    if any(v.status is DeliveryStatus.PENDING for v in r.deliveries):
        blocks.append(Context(p.t("reminders.snooze_hint", number=r.number)))
    return Message(tuple(blocks), title)


def snoozed_message(p: Words, r: ReminderSnoozed) -> Message:
    was, now_at = r.was.astimezone(r.zone), r.now_at.astimezone(r.zone)
    said = p.t(
        "reminders.snoozed",
        number=r.number,
        step=_step_word(p, r.step),
        was=f"{p.tr.short_weekday_date(was.date())} {p.tr.time(was.time())}",
        at=f"{p.tr.short_weekday_date(now_at.date())} {p.tr.time(now_at.time())}",
    )
    return Message((Text(said),), said)
