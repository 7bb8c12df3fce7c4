"""The buttons that correct a record, on its detail: Edit (in Slack, its form filled in with
today's values) and Remove (after a confirmation)."""

from __future__ import annotations

from bot.views.message import Button, Confirm
from bot.views.words import Words


def correction_buttons(p: Words, kind: str, number: int) -> tuple[Button, ...]:
    confirm = Confirm(
        p.s("confirm.remove.title", number=number),
        p.s("confirm.remove.text", number=number),
        p.s("confirm.yes_remove"),
        p.s("confirm.no"),
    )
    return (
        Button(p.s("button.edit"), f"{kind}.edit", str(number)),
        Button(p.s("button.remove"), f"{kind}.remove", str(number), "danger", confirm),
    )
