"""The weekly digest as a message: grouped, most urgent first, and always within Slack's limits.

Bounded by construction: at most `PER_GROUP` items per group, each line at most `LINE_LIMIT`
characters, so a group's section stays far below 3,000 characters and the whole message below
about 12,000 (shared/SLACK.md) however much there is; each group says how many it leaves out.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.core.digest import CONSULTATION_DAYS, FOLLOW_UP_DAYS, MEETING_DAYS, Digest
from bot.core.model import Consultation, Decision, Meeting
from bot.core.results import DigestChannelSet
from bot.views.inline import ChannelRef, Inline, Mention, clip, concat, join
from bot.views.meeting_cycle import next_agenda
from bot.views.message import Block, Context, Message, Table, Text
from bot.views.words import Words

PER_GROUP = 10
LINE_LIMIT = 200
FUNDS_SHOWN = 12


def _clip(value: str, limit: int = LINE_LIMIT) -> str:
    value = " ".join(value.split())
    return value if len(value) <= limit else value[: limit - 1].rstrip() + "…"


def _line(*parts: str | Inline) -> Inline:
    """A bullet line of at most LINE_LIMIT characters, its words on one line."""
    spans = concat("• ", *(re.sub(r"\s+", " ", x) if isinstance(x, str) else x for x in parts))
    return clip(spans, LINE_LIMIT)


def _more(p: Words, lines: list[Inline], total: int) -> None:
    if total > len(lines):
        lines.append(p.t("digest.more", n=total - len(lines)))


def _owner(owner: str | None) -> Inline:
    return concat(" · ", Mention(owner)) if owner else ()


def _meeting(p: Words, m: Meeting) -> Inline:
    extra = ", ".join(x for x in (m.title, m.place) if x)
    return _line(f"{p.when(m)} {m.body.name}{', ' + extra if extra else ''} #{m.number}")


def _consultation(p: Words, c: Consultation, overdue: bool) -> Inline:
    due = p.tr.short_date(c.due_on, today=p.today)
    key = "digest.consultation.overdue" if overdue else "digest.consultation.due"
    return _line(p.t(key, title=_clip(c.title, 120), due=due), _owner(c.owner), f" #{c.number}")


def _decision(p: Words, d: Decision) -> Inline:
    when = p.tr.short_date(d.decided_on, today=p.today)
    return _line(f"{d.body.name} {when} § {d.paragraph}: {d.text} #{d.number}")


def _follow_up(p: Words, d: Decision) -> Inline:
    assert d.follow_up_on is not None
    on = p.tr.short_date(d.follow_up_on, today=p.today)
    return _line(f"{on}: {_clip(d.text, 120)}", _owner(d.owner), f" #{d.number}")


def digest_message(p: Words, d: Digest, *, late: bool = False) -> Message:
    title = p.t("digest.title", week=d.week)
    blocks: list[Block] = [Text(title)]

    lines = [p.t("digest.meetings", days=MEETING_DAYS, n=d.meetings.total)]
    lines += [_meeting(p, m) for m in d.meetings.items[:PER_GROUP]]
    _more(p, lines, d.meetings.total + 1)
    blocks.append(Text(join(lines, "\n")))
    if d.next_agenda and d.meetings.items:
        blocks.append(Context(next_agenda(p, d.meetings.items[0], d.next_agenda)))

    overdue, soon = d.overdue, d.due_soon
    lines = [p.t("digest.consultations", overdue=overdue.total, soon=soon.total, days=CONSULTATION_DAYS)]
    shown_overdue = overdue.items[:PER_GROUP]
    shown_soon = soon.items[: max(0, PER_GROUP - len(shown_overdue))]
    lines += [_consultation(p, c, True) for c in shown_overdue]
    lines += [_consultation(p, c, False) for c in shown_soon]
    _more(p, lines, overdue.total + soon.total + 1)
    blocks.append(Text(join(lines, "\n")))

    lines = [p.t("digest.decisions", n=d.decisions.total)]
    lines += [_decision(p, x) for x in d.decisions.items[:PER_GROUP]]
    _more(p, lines, d.decisions.total + 1)
    blocks.append(Text(join(lines, "\n")))

    lines = [p.t("digest.follow_ups", days=FOLLOW_UP_DAYS, n=d.follow_ups.total)]
    lines += [_follow_up(p, x) for x in d.follow_ups.items[:PER_GROUP]]
    _more(p, lines, d.follow_ups.total + 1)
    blocks.append(Text(join(lines, "\n")))

    if d.balances:
        blocks.append(Text(p.t("digest.funds", total=p.tr.money(d.total_balance))))
        rows = tuple((_clip(b.fund.name, 60), p.tr.money(b.balance)) for b in d.balances[:FUNDS_SHOWN])
        blocks.append(Table(rows, "lr"))
        notes = []
        if len(d.balances) > FUNDS_SHOWN:
            notes.append(p.t("digest.more", n=len(d.balances) - FUNDS_SHOWN))
        deficits = [b for b in d.balances if b.balance < 0]
        if deficits:
            names = ", ".join(_clip(b.fund.name, 60) for b in deficits[:5])
            notes.append(p.t("fund.balance.deficit", funds=names))
        if notes:
            blocks.append(Context(join(notes, " ")))
    else:
        blocks.append(Text(p.t("digest.no_funds")))
    if late:
        blocks.append(Context(p.t("reminder.late")))
    return Message(tuple(blocks), title, public=True)


def digest_channel_set(p: Words, r: DigestChannelSet) -> Message:
    said = p.t("digest.channel_set", channel=ChannelRef(r.channel))
    return Message((Text(said),), said)


def digest_reply(p: Words, d: Digest) -> Message:
    """`digest`: the week's digest, shown to the asker only."""
    return replace(digest_message(p, d), public=False)
