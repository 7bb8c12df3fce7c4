"""The weekly digest as a message: grouped, most urgent first, and always within Slack's limits.

Bounded by construction: at most `PER_GROUP` items per group, each line at most `LINE_LIMIT`
characters, so a group's section stays far below 3,000 characters and the whole message below
about 12,000 (shared/SLACK.md) however much there is; each group says how many it leaves out.
"""

from __future__ import annotations

from bot.core.digest import CONSULTATION_DAYS, FOLLOW_UP_DAYS, MEETING_DAYS, Digest
from bot.core.model import Consultation, Decision, Meeting
from bot.views.markup import escape as esc
from bot.views.message import Block, Context, Message, Table, Text
from bot.views.present import Presenter

PER_GROUP = 10
LINE_LIMIT = 200
FUNDS_SHOWN = 12


def _clip(text: str, limit: int = LINE_LIMIT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _more(p: Presenter, lines: list[str], total: int) -> None:
    if total > len(lines):
        lines.append(p.t("digest.more", n=total - len(lines)))


def _meeting(p: Presenter, m: Meeting) -> str:
    extra = ", ".join(esc(x) for x in (m.title, m.place) if x)
    return _clip(f"• {p.when(m)} {esc(m.body.name)}{', ' + extra if extra else ''} #{m.number}")


def _consultation(p: Presenter, c: Consultation, overdue: bool) -> str:
    due = p.tr.short_date(c.due_on, today=p.today)
    key = "digest.consultation.overdue" if overdue else "digest.consultation.due"
    owner = f" · <@{c.owner}>" if c.owner else ""
    return _clip(f"• {p.t(key, title=esc(_clip(c.title, 120)), due=due)}{owner} #{c.number}")


def _decision(p: Presenter, d: Decision) -> str:
    when = p.tr.short_date(d.decided_on, today=p.today)
    return _clip(f"• {esc(d.body.name)} {when} § {d.paragraph}: {esc(d.text)} #{d.number}")


def _follow_up(p: Presenter, d: Decision) -> str:
    assert d.follow_up_on is not None
    on = p.tr.short_date(d.follow_up_on, today=p.today)
    owner = f" · <@{d.owner}>" if d.owner else ""
    return _clip(f"• {on}: {esc(_clip(d.text, 120))}{owner} #{d.number}")


def digest_message(p: Presenter, d: Digest, *, late: bool = False) -> Message:
    title = p.t("digest.title", week=d.week)
    blocks: list[Block] = [Text(title)]

    lines = [p.t("digest.meetings", days=MEETING_DAYS, n=d.meetings.total)]
    lines += [_meeting(p, m) for m in d.meetings.items[:PER_GROUP]]
    _more(p, lines, d.meetings.total + 1)
    blocks.append(Text("\n".join(lines)))

    overdue, soon = d.overdue, d.due_soon
    lines = [p.t("digest.consultations", overdue=overdue.total, soon=soon.total, days=CONSULTATION_DAYS)]
    shown_overdue = overdue.items[:PER_GROUP]
    shown_soon = soon.items[: max(0, PER_GROUP - len(shown_overdue))]
    lines += [_consultation(p, c, True) for c in shown_overdue]
    lines += [_consultation(p, c, False) for c in shown_soon]
    _more(p, lines, overdue.total + soon.total + 1)
    blocks.append(Text("\n".join(lines)))

    lines = [p.t("digest.decisions", n=d.decisions.total)]
    lines += [_decision(p, x) for x in d.decisions.items[:PER_GROUP]]
    _more(p, lines, d.decisions.total + 1)
    blocks.append(Text("\n".join(lines)))

    lines = [p.t("digest.follow_ups", days=FOLLOW_UP_DAYS, n=d.follow_ups.total)]
    lines += [_follow_up(p, x) for x in d.follow_ups.items[:PER_GROUP]]
    _more(p, lines, d.follow_ups.total + 1)
    blocks.append(Text("\n".join(lines)))

    if d.balances:
        blocks.append(Text(p.t("digest.funds", total=p.tr.money(d.total_balance))))
        rows = tuple((esc(_clip(b.fund.name, 60)), p.tr.money(b.balance)) for b in d.balances[:FUNDS_SHOWN])
        blocks.append(Table(rows, "lr"))
        notes = []
        if len(d.balances) > FUNDS_SHOWN:
            notes.append(p.t("digest.more", n=len(d.balances) - FUNDS_SHOWN))
        deficits = [b for b in d.balances if b.balance < 0]
        if deficits:
            names = ", ".join(esc(_clip(b.fund.name, 60)) for b in deficits[:5])
            notes.append(p.t("fund.balance.deficit", funds=names))
        if notes:
            blocks.append(Context(" ".join(notes)))
    else:
        blocks.append(Text(p.t("digest.no_funds")))
    if late:
        blocks.append(Context(p.t("reminder.late")))
    return Message(tuple(blocks), title.replace("*", ""), public=True)
