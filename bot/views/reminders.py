"""Reminders as messages: the one posted in a channel, and the `reminders <id>` overview."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from bot.core.digest import Digest
from bot.core.model import Consultation, Decision, Meeting
from bot.core.reminders import (
    DeliveryStatus,
    DeliveryView,
    ReminderOverview,
    ReminderSnoozed,
)
from bot.views.markup import escape as esc
from bot.views.message import Actions, Block, Button, Context, Message, Text
from bot.views.present import Presenter

TEXT_LIMIT = 280


def _clip(text: str, limit: int = TEXT_LIMIT) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _ahead(p: Presenter, prefix: str, step: str) -> str:
    """`Remissvar om 5 arbetsdagar`, `… i morgon`, `… i dag`, from the step's name."""
    if step == "overdue":
        return p.t(f"{prefix}.overdue")
    n = int(step.removeprefix("wd")) if step.startswith("wd") and step[2:].isdigit() else 0
    if n == 0:
        return p.t(f"{prefix}.today")
    if n == 1:
        return p.t(f"{prefix}.in.one")
    return p.t(f"{prefix}.in", n=n)


def _late(blocks: list[Block], p: Presenter, late: bool) -> None:
    if late:
        blocks.append(Context(p.t("reminder.late")))


def consultation_reminder(p: Presenter, c: Consultation, step: str, *, late: bool) -> Message:
    head = f"{_ahead(p, 'reminder.consultation', step)} {esc(_clip(c.title))} ({esc(_clip(c.issuer, 120))})"
    parts = [p.t("reminder.consultation.due", due=p.tr.weekday_date(c.due_on))]
    if c.owner:
        parts.append(p.t("reminder.owner", owner=c.owner))
    parts.append(f"#{c.number}")
    number = str(c.number)
    buttons = (
        Button(p.t("button.submit"), "consultation.submit", number, "primary"),
        Button(p.t("button.show"), "consultation.show", number),
    )
    blocks: list[Block] = [Text(f"{head}\n{' · '.join(parts)}"), Actions(buttons)]
    _late(blocks, p, late)
    return Message(tuple(blocks), head.replace("*", ""), public=True)


def meeting_reminder(p: Presenter, m: Meeting, step: str, *, late: bool) -> Message:
    head = f"{_ahead(p, 'reminder.meeting', step)} {esc(m.body.name)}, {p.when(m)}"
    parts = [esc(x) for x in (m.title, m.place) if x]
    parts.append(f"#{m.number}")
    blocks: list[Block] = [
        Text(f"{head}\n{_clip(' · '.join(parts))}"),
        Actions((Button(p.t("button.show"), "meeting.show", str(m.number)),)),
    ]
    _late(blocks, p, late)
    return Message(tuple(blocks), head.replace("*", ""), public=True)


def follow_up_reminder(p: Presenter, d: Decision, step: str, *, late: bool) -> Message:
    assert d.follow_up_on is not None
    head = f"{_ahead(p, 'reminder.follow_up', step)} {esc(_clip(d.text, 200))}"
    parts = [
        p.t("reminder.follow_up.on", on=p.tr.weekday_date(d.follow_up_on)),
        f"{esc(d.body.name)} {p.tr.short_date(d.decided_on)} § {d.paragraph}",
    ]
    if d.owner:
        parts.append(p.t("reminder.owner", owner=d.owner))
    parts.append(f"#{d.number}")
    number = str(d.number)
    buttons = (
        Button(p.t("button.done"), "decision.done", number, "primary"),
        Button(p.t("button.show"), "decision.show", number),
    )
    blocks: list[Block] = [Text(f"{head}\n{' · '.join(parts)}"), Actions(buttons)]
    _late(blocks, p, late)
    return Message(tuple(blocks), head.replace("*", ""), public=True)


# -- `reminders <id>` ------------------------------------------------------------------------------


def _step_word(p: Presenter, step: str) -> str:
    if step == "overdue":
        return p.t("reminders.step.overdue")
    if step.startswith("wd") and step[2:].isdigit():
        n = int(step[2:])
        if n == 0:
            return p.t("reminders.step.today")
        return p.t("reminders.step.before.one") if n == 1 else p.t("reminders.step.before", n=n)
    return step


def delivery_line(p: Presenter, v: DeliveryView, zone: dt.tzinfo) -> str:
    when = v.when.astimezone(zone)
    shown = f"{p.tr.short_weekday_date(when.date())} {when.year} {p.tr.time(when.time())}"
    line = f"{_step_word(p, v.step)} · {shown} · {p.t(f'reminders.status.{v.status.value}')}"
    if v.late and v.status is DeliveryStatus.SENT:
        line += f" {p.t('reminders.late_tag')}"
    if v.channel and v.status in (DeliveryStatus.PENDING, DeliveryStatus.SENT, DeliveryStatus.UNKNOWN):
        line += f" · <#{v.channel}>" if v.channel != "console" else ""
    if v.status is DeliveryStatus.FAILED and v.last_error:
        reason_key = f"reminders.error.{v.last_error}"
        reason = p.t(reason_key) if p.tr.has(reason_key) else v.last_error
        line += f" · {reason}"
    if v.status is DeliveryStatus.PENDING and v.not_before is not None and v.not_before > v.due_at:
        line += f" {p.t('reminders.snoozed_tag')}"
    return line


def overview_message(p: Presenter, r: ReminderOverview) -> Message:
    zone = r.zone
    title = p.t(f"reminders.title.{r.kind.value}", number=r.number, title=esc(_clip(r.title, 150)))
    blocks: list[Block] = [Text(title)]
    if r.inactive:
        blocks.append(Context(p.t(f"reminders.inactive.{r.inactive}")))
    shown = [v for v in r.deliveries if v.status is not DeliveryStatus.CANCELLED]
    if not shown:
        blocks.append(Text(p.t("reminders.none")))
    else:
        lines = [delivery_line(p, v, zone) for v in shown[-20:]]
        blocks.append(Text("\n".join(f"• {line}" for line in lines)))
    if any(v.status is DeliveryStatus.PENDING for v in r.deliveries):
        blocks.append(Context(p.t("reminders.snooze_hint", number=r.number)))
    return Message(tuple(blocks), title.replace("*", ""))


def snoozed_message(p: Presenter, r: ReminderSnoozed) -> Message:
    was, now_at = r.was.astimezone(r.zone), r.now_at.astimezone(r.zone)
    text = p.t(
        "reminders.snoozed",
        number=r.number,
        step=_step_word(p, r.step),
        was=f"{p.tr.short_weekday_date(was.date())} {p.tr.time(was.time())}",
        at=f"{p.tr.short_weekday_date(now_at.date())} {p.tr.time(now_at.time())}",
    )
    return Message((Text(text),), text.replace("*", ""))


def present_extension(p: Presenter, result: object) -> Message | None:
    """Messages for the results of `reminders`, `reminders snooze` and `digest`."""
    from bot.views.digest import digest_message

    if isinstance(result, ReminderOverview):
        return overview_message(p, result)
    if isinstance(result, ReminderSnoozed):
        return snoozed_message(p, result)
    if isinstance(result, Digest):
        return replace(digest_message(p, result), public=False)  # shown to the asker only
    from bot.views.annual_report_md import report_message

    return report_message(p, result)
