"""The meeting cycle's answers: members, attendance and quorum, the agenda (with its buttons),
notices queued, consultations planned, the minutes and their approval."""

from __future__ import annotations

from bot.core.agenda import AgendaView, ConsultationPlanned, NoticeQueued
from bot.core.meeting_cycle import AgendaLine, AgendaSource, AttendAnswer, Member, Quorum
from bot.core.meetings import Meeting
from bot.core.members import AttendanceList, AttendanceSaved, MemberList, MemberSaved
from bot.core.minutes import AdjustersSet, Minutes, MinutesApproved
from bot.views.inline import Inline, Mention, clip, concat, join, plain, strong, text
from bot.views.message import Actions, Block, Button, Context, Item, Message, Text
from bot.views.words import Words

#: a Slack message holds at most 50 blocks; longer minutes go as a file
MINUTES_BLOCKS = 40


def member_line(p: Words, m: Member) -> Inline:
    parts: list[Inline] = [(Mention(m.user_id),), p.t(f"member.role.{m.role.value}")]
    if m.municipality:
        parts.append(text(m.municipality))
    return join(parts, " · ")


def member_saved(p: Words, r: MemberSaved) -> Message:
    said = p.t(
        f"member.{r.change}",
        user=Mention(r.member.user_id),
        body=r.body.name,
        role=p.t(f"member.role.{r.member.role.value}"),
    )
    blocks: list[Block] = [Text(said)]
    if r.change != "removed" and r.member.municipality:
        blocks.append(Context(text(r.member.municipality)))
    return Message(tuple(blocks), said)


def member_list(p: Words, r: MemberList) -> Message:
    title = p.t("member.list.title", body=r.body.name, n=len(r.members))
    blocks: list[Block] = [Text(title)]
    if not r.members:
        blocks.append(Text(p.t("member.list.empty", body=r.body.name)))
    else:
        blocks.append(Text(join((member_line(p, m) for m in r.members), "\n")))
    return Message(tuple(blocks), title)


def quorum_line(p: Words, q: Quorum) -> Inline:
    if q.voting == 0:
        return p.t("attendance.quorum.no_members")
    key = "attendance.quorum.yes" if q.quorate else "attendance.quorum.no"
    return p.t(key, present=q.present, voting=q.voting)


def attendance_saved(p: Words, r: AttendanceSaved) -> Message:
    m = r.meeting
    said = p.t(
        f"attendance.saved.{r.answer.answer.value}",
        user=Mention(r.answer.user_id),
        number=m.number,
        when=p.when(m),
        body=m.body.name,
    )
    return Message((Text(said), Context(quorum_line(p, r.quorum))), said)


def attendance_list(p: Words, r: AttendanceList) -> Message:
    m = r.meeting
    title = p.t("attendance.title", number=m.number, when=p.when(m), body=m.body.name)
    blocks: list[Block] = [Text(title)]
    answers = {a.user_id: a.answer for a in r.answers}
    by_place: dict[str, list[Inline]] = {}
    for member in r.members:
        answer = answers.get(member.user_id)
        said = p.t(f"attendance.answer.{answer.value}") if answer else p.t("attendance.answer.none")
        line = concat(Mention(member.user_id), " (", p.t(f"member.role.{member.role.value}"), "): ", said)
        by_place.setdefault(member.municipality or p.s("attendance.no_municipality"), []).append(line)
    if not r.members:
        blocks.append(Text(p.t("member.list.empty", body=m.body.name)))
    for place, lines in by_place.items():
        blocks.append(Text(concat(strong(place), "\n", join(lines, "\n"))))
    blocks.append(Context(quorum_line(p, r.quorum)))
    if not m.cancelled and m.date >= p.today:
        blocks.append(Actions(attend_buttons(p, m)))
    return Message(tuple(blocks), title)


def attend_buttons(p: Words, m: Meeting) -> tuple[Button, ...]:
    number = str(m.number)
    return (
        Button(p.s("button.attend.yes"), "meeting.attend.yes", number, "primary"),
        Button(p.s("button.attend.no"), "meeting.attend.no", number),
        Button(p.s("button.attend.deputy"), "meeting.attend.deputy", number),
    )


def agenda_item_text(p: Words, line: AgendaLine) -> Inline:
    item = line.item
    parts: list[Inline] = []
    if item.source is AgendaSource.FOLLOW_UP:
        parts.append(p.t("agenda.follow_up", text=item.text))
    elif item.source is AgendaSource.CONSULTATION:
        parts.append(p.t("agenda.consultation", text=item.text))
    else:
        parts.append(text(item.text))
    if item.record_number is not None:
        parts.append(text(f"#{item.record_number}"))
    if item.decision:
        parts.append(p.t("agenda.for_decision"))
    if item.owner:
        parts.append((Mention(item.owner),))
    return concat(f"{line.no}. ", join(parts, " · "))


def agenda_view(p: Words, r: AgendaView) -> Message:
    m = r.meeting
    title = p.t("agenda.title", number=m.number, when=p.when(m), body=m.body.name)
    blocks: list[Block] = []
    if r.change:
        blocks.append(Text(p.t(f"agenda.{r.change}", item=r.changed_item or "", number=m.number)))
    blocks.append(Text(title))
    if not r.lines:
        blocks.append(Text(p.t("agenda.empty", number=m.number)))
    last = len(r.lines)
    for line in r.lines:
        buttons: tuple[Button, ...] = ()
        if r.editable and last < 30:
            ups = (
                (Button("↑", "meeting.agenda.up", f"{m.number}-{line.no}-{line.no - 1}"),)
                if line.no > 1
                else ()
            )
            remove = Button(
                p.s("button.agenda.remove"), "meeting.agenda.remove", f"{m.number}-{line.no}", "danger"
            )
            buttons = (*ups, remove)
        blocks.append(Item(agenda_item_text(p, line), buttons))
    if r.editable:
        blocks.append(
            Actions((Button(p.s("button.agenda.add"), "meeting.agenda.add", str(m.number), "primary"),))
        )
        blocks.append(Context(p.t("agenda.hint", number=m.number)))
    summary = blocks[0].text if isinstance(blocks[0], Text) else title
    return Message(tuple(blocks), summary)


#: how many items of the next meeting's agenda the digest and the App Home show
NEXT_AGENDA_ITEMS = 8


def next_agenda(p: Words, m: Meeting, lines: tuple[AgendaLine, ...]) -> Inline:
    """The next meeting's agenda in a few lines (the digest, the App Home)."""
    shown = [clip(agenda_item_text(p, line), 150) for line in lines[:NEXT_AGENDA_ITEMS]]
    if len(lines) > NEXT_AGENDA_ITEMS:
        shown.append(
            p.t("list.more", n=len(lines) - NEXT_AGENDA_ITEMS, hint=p.t("agenda.see", number=m.number))
        )
    return concat(p.t("agenda.next", number=m.number), "\n", join(shown, "\n"))


def notice_queued(p: Words, r: NoticeQueued) -> Message:
    m = r.meeting
    key = "notice.queued" if r.count == 1 else "notice.queued_again"
    said = p.t(key, number=m.number, when=p.when(m), body=m.body.name)
    blocks: list[Block] = [Text(said)]
    if not r.channel_known:
        blocks.append(Context(p.t("notice.no_channel", body=m.body.name)))
    return Message(tuple(blocks), said)


def consultation_planned(p: Words, r: ConsultationPlanned) -> Message:
    said = p.t(
        "plan.saved",
        number=r.consultation.number,
        title=r.consultation.title,
        meeting=r.meeting.number,
        when=p.when(r.meeting),
        draft=p.tr.weekday_date(r.draft_on),
        n=r.draft_workdays,
    )
    return Message((Text(said),), said)


def minutes_blocks(p: Words, r: Minutes) -> list[Block]:
    m = r.meeting
    blocks: list[Block] = [Text(p.t("minutes.title", number=m.number, when=p.when(m), body=m.body.name))]
    if m.place:
        blocks.append(Context(text(m.place)))
    present = [concat(Mention(x.user_id), " (", p.t(f"member.role.{x.role.value}"), ")") for x in r.present]
    standing = {a.user_id for a in r.answers if a.answer is AttendAnswer.DEPUTY}
    blocks.append(
        Text(
            concat(
                strong(p.s("minutes.present")),
                "\n",
                join(present, ", ") if present else p.t("minutes.nobody"),
            )
        )
    )
    if standing:
        blocks.append(Context(p.t("minutes.deputies", n=len(standing))))
    blocks.append(Text((strong(p.s("minutes.agenda")),)))
    if not r.lines:
        blocks.append(Text(p.t("agenda.empty", number=m.number)))
    blocks.extend(Text(agenda_item_text(p, line)) for line in r.lines)
    blocks.append(Text((strong(p.s("minutes.decisions")),)))
    if not r.decisions:
        blocks.append(Text(p.t("minutes.no_decisions", number=m.number)))
    blocks.extend(
        Text(concat(strong(f"§ {d.paragraph}"), f" {d.text}", f"  #{d.number}")) for d in r.decisions
    )
    if r.adjusters:
        names = [concat(Mention(a.user_id), " ✓" if a.approved_at else "") for a in r.adjusters]
        blocks.append(Context(concat(p.t("minutes.adjusters"), " ", join(names, ", "))))
    blocks.append(Context(p.t("minutes.final" if r.final else "minutes.draft")))
    return blocks


def minutes_message(p: Words, r: Minutes) -> Message:
    blocks = minutes_blocks(p, r)
    pending = [a for a in r.adjusters if a.approved_at is None]
    if pending and r.meeting.date <= p.today:
        blocks.append(
            Actions((Button(p.s("button.approve"), "meeting.approve", str(r.meeting.number), "primary"),))
        )
    title = p.t("minutes.title", number=r.meeting.number, when=p.when(r.meeting), body=r.meeting.body.name)
    extra = {"file": "minutes"} if len(blocks) > MINUTES_BLOCKS else {}
    return Message(tuple(blocks), title, extra=extra)


def minutes_plain(p: Words, r: Minutes) -> str:
    """The minutes as plain text, for a file."""
    lines: list[str] = []
    for block in minutes_blocks(p, r):
        if isinstance(block, Text | Context):
            lines.append(plain(block.text))
    return "\n".join(lines) + "\n"


def adjusters_set(p: Words, r: AdjustersSet) -> Message:
    names = join(((Mention(a.user_id),) for a in r.adjusters), p.s("word.and_sep"))
    said = p.t("minutes.adjusters_set", number=r.meeting.number, users=names)
    return Message((Text(said),), said)


def minutes_approved(p: Words, r: MinutesApproved) -> Message:
    key = "minutes.approved_final" if r.final else "minutes.approved"
    waiting = join(((Mention(a.user_id),) for a in r.adjusters if a.approved_at is None), ", ")
    said = p.t(key, number=r.meeting.number, user=Mention(r.by), waiting=waiting)
    return Message((Text(said),), said)
