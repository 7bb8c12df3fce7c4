"""A record's Edit button: its kind's form, filled in with the record's values as they are
today. Submitting it runs `… edit <id>` (bot.adapters.slack.forms), so the rules, the history
and the answer ("Möte #6 ändrat: plats Digitalt → Tyresö slott") are the console's."""

from __future__ import annotations

from typing import Any

from bot.adapters.slack import forms
from bot.adapters.slack.side import SlackSide
from bot.core import grammar
from bot.core.errors import CommitteeError
from bot.core.model import Actor
from bot.core.results import ConsultationDetail, DecisionDetail, MeetingDetail
from bot.views.message import Message


def _iso(value: Any) -> str:
    return value.isoformat() if value is not None else ""


def filled(result: object) -> dict[str, str]:
    """The form's fields as the record has them now."""
    if isinstance(result, MeetingDetail):
        m = result.meeting
        time = m.time.strftime("%H:%M") if m.time else ""
        return {
            "body": str(m.body.number),
            "date": _iso(m.date),
            "time": time,
            "where": m.place or "",
            "title": m.title or "",
        }
    if isinstance(result, ConsultationDetail):
        c = result.item.consultation
        return {
            "title": c.title,
            "issuer": c.issuer,
            "ref": c.reference or "",
            "due": _iso(c.due_on),
            "received": _iso(c.received_on),
            "owner": c.owner or "",
            "body": str(c.body.number) if c.body else "",
        }
    if isinstance(result, DecisionDetail):
        d = result.decision
        return {
            "text": d.text,
            "date": _iso(d.decided_on),
            "body": str(d.body.number),
            "paragraph": str(d.paragraph),
            "meeting": str(d.meeting_number or ""),
            "follow-up": _iso(d.follow_up_on),
            "owner": d.owner or "",
        }
    raise TypeError(f"no edit form for {type(result).__name__}")


def open_edit(side: SlackSide, actor: Actor, name: str, number: int) -> dict[str, Any] | Message:
    """The edit form of record `number`, or the reply that says why it cannot open (not allowed,
    no such record, removed)."""
    kind = name.split(".")[0]
    try:
        side.conversation.require_writer(actor, name)
        current = side.conversation.run(actor, grammar.parse(f"{kind} show {number}"))
    except CommitteeError as error:
        return side.explain(error, "edit form", None)
    return forms.open_form(side, actor, name, filled(current), number)
