"""From the core's results to messages, in the user's language."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from bot.core import grammar
from bot.core.model import ConsultationState, Decision, EntryKind, Meeting, RecordType
from bot.core.results import (
    BodyList,
    BodySaved,
    ConsultationDetail,
    ConsultationList,
    ConsultationSaved,
    DatedConsultation,
    DecisionDetail,
    DecisionList,
    DecisionSaved,
    DigestChannelSet,
    EntrySaved,
    FundBalances,
    FundEntries,
    FundReport,
    FundSaved,
    HelpResult,
    MeetingDetail,
    MeetingList,
    MeetingSaved,
    RoleChanged,
    RoleList,
)
from bot.i18n import Translator
from bot.views.markup import escape as esc
from bot.views.message import (
    Actions,
    Block,
    Button,
    Confirm,
    Context,
    Fields,
    Heading,
    Item,
    Message,
    Table,
    Text,
)


@dataclass(frozen=True, slots=True)
class Presenter:
    """Presents results for one locale. `cmd` is how commands are typed where the reply is read:
    `/committee ` in Slack, nothing in the console."""

    tr: Translator
    cmd: str
    today: dt.date

    def present(self, result: Any) -> Message:
        handler: Callable[[Any], Message] | None = getattr(self, "_" + type(result).__name__, None)
        if handler is None:
            # results of commands handled outside the service (reminders, the digest)
            from bot.views.reminders import present_extension

            message = present_extension(self, result)
            if message is None:
                raise TypeError(f"no presenter for {type(result).__name__}")
            return message
        return handler(result)

    # -- small pieces --------------------------------------------------------------------------

    def t(self, key: str, **params: Any) -> str:
        return (
            self.tr.t(key, cmd=self.cmd, **params) if "{cmd}" in self._raw(key) else self.tr.t(key, **params)
        )

    def _raw(self, key: str) -> str:
        from bot.i18n.catalog import CATALOG

        return CATALOG[key][self.tr.locale]

    def _more(
        self, blocks: list[Block], total: int, shown: int, hint_key: str, *, capped: bool = False
    ) -> tuple[int, str]:
        more = max(0, total - shown)
        hint = self.t(hint_key)
        if more:
            blocks.append(Context(self.t("list.more", n=self.count(more, capped), hint=hint)))
        return more, hint

    def count(self, n: int, capped: bool) -> str:
        """A list's size, `1 000+` when the count stopped at its ceiling."""
        return f"{self.tr.number(n)}+" if capped else self.tr.number(n)

    def usage(self, name: str) -> str:
        spec = grammar.BY_NAME[name]
        words = [spec.group] + ([spec.verb] if spec.verb else [])
        parts = [self.cmd + " ".join(words)]
        for p in spec.params:
            ph = self.tr.t(p.placeholder) if p.placeholder else p.name
            if p.kind is grammar.Kind.TEXT and not p.option:
                shown = f'"<{ph}>"'
            elif p.kind is grammar.Kind.WORDS:
                shown = f"<{ph}>…"
            elif p.kind is grammar.Kind.CHOICE and not p.option:
                shown = ph
            else:
                shown = f"<{ph}>"
            if p.option:
                value = f'"<{ph}>"' if p.kind is grammar.Kind.TEXT else shown
                shown = f"--{p.name} {value}"
            parts.append(shown if p.required else f"[{shown}]")
        return " ".join(parts)

    def when(self, m: Meeting) -> str:
        day = self.tr.short_weekday_date(m.date)
        if m.date.year != self.today.year:
            day += f" {m.date.year}"
        return f"{day} {self.tr.time(m.time)}" if m.time else day

    def meeting_line(self, m: Meeting) -> str:
        parts = [f"#{m.number}", f"*{self.when(m)}*", esc(m.body.name)]
        if m.title:
            parts.append(esc(m.title))
        if m.place:
            parts.append(esc(m.place))
        line = " · ".join(parts)
        return f"{line} {self.t('meeting.cancelled_tag')}" if m.cancelled else line

    def meeting_buttons(self, m: Meeting) -> tuple[Button, ...]:
        show = Button(self.t("button.show"), "meeting.show", str(m.number))
        if m.cancelled:
            return (show,)
        confirm = Confirm(
            self.t("confirm.cancel_meeting.title"),
            self.t("confirm.cancel_meeting.text", number=m.number),
            self.t("confirm.yes_cancel"),
            self.t("confirm.no"),
        )
        return (
            show,
            Button(self.t("button.cancel_meeting"), "meeting.cancel", str(m.number), "danger", confirm),
        )

    def _due_words(self, item: DatedConsultation) -> str:
        c = item.consultation
        due = self.t("consultation.due", due=self.tr.short_date(c.due_on, today=self.today))
        if item.state is ConsultationState.SUBMITTED:
            return self.t("consultation.submitted_on", on=self.tr.short_date(c.submitted_on or c.due_on))
        return f"{due} {self._distance(item)}"

    def _due_detail(self, item: DatedConsultation) -> str:
        """The due date in full, with how far off it is while the consultation is unanswered."""
        day = self.tr.weekday_date(item.consultation.due_on)
        if item.state is ConsultationState.SUBMITTED:
            return day
        return f"{day} {self._distance(item)}".strip()

    def _distance(self, item: DatedConsultation) -> str:
        if item.state is ConsultationState.OVERDUE:
            n = -item.workdays_left
            return self.t("consultation.overdue_by.one" if n == 1 else "consultation.overdue_by", n=n)
        if item.state is ConsultationState.SUBMITTED:
            return ""
        if item.workdays_left == 0:
            return self.t("consultation.due_today")
        key = "consultation.due_in.one" if item.workdays_left == 1 else "consultation.due_in"
        return self.t(key, n=item.workdays_left)

    def consultation_line(self, item: DatedConsultation) -> str:
        c = item.consultation
        parts = [f"#{c.number}", esc(c.title), esc(c.issuer), self._due_words(item)]
        if c.body:
            parts.append(esc(c.body.name))
        if c.owner:
            parts.append(self.t("consultation.owner", owner=c.owner))
        return " · ".join(parts)

    def consultation_buttons(self, item: DatedConsultation) -> tuple[Button, ...]:
        number = str(item.consultation.number)
        show = Button(self.t("button.show"), "consultation.show", number)
        if item.consultation.submitted_on is not None:
            return (show,)
        return (Button(self.t("button.submit"), "consultation.submit", number, "primary"), show)

    def decision_line(self, d: Decision) -> str:
        text = esc(d.text if len(d.text) <= 280 else d.text[:277].rstrip() + "…")
        line = f"#{d.number} · {esc(d.body.name)} {self.tr.short_date(d.decided_on)} § {d.paragraph} · {text}"
        if d.follow_up_on and d.follow_up_done_on is None:
            line += " · " + self.t(
                "decision.follow_up", on=self.tr.short_date(d.follow_up_on, today=self.today)
            )
        return line

    # -- help ----------------------------------------------------------------------------------

    def _HelpResult(self, r: HelpResult) -> Message:
        if r.topic is None:
            blocks: list[Block] = [Text(self.t("help.title"))]
            for group in grammar.HELP_GROUPS:
                names = [c for c in grammar.COMMANDS if c.group == group]
                verbs = ", ".join(c.verb or c.group for c in names)
                blocks.append(
                    Text(
                        f"{self.t(f'help.group.{group}')} ({verbs})\n`{self.cmd}{self.t(f'help.example.{group}')}`"
                    )
                )
            blocks.append(Context(self.t("help.more")))
            return Message(tuple(blocks), self.tr.t("help.title").replace("*", ""))
        blocks = [Heading(self.t(f"help.group.{r.topic}").replace("*", ""))]
        for spec in grammar.COMMANDS:
            if spec.group != r.topic:
                continue
            blocks.append(Text(f"`{self.usage(spec.name)}`\n{self.t(f'help.cmd.{spec.name}')}"))
        if r.topic == "fund":
            blocks.append(Context(self.t("help.amounts")))
        blocks.append(Context(self.t("help.dates")))
        return Message(tuple(blocks), self.t(f"help.group.{r.topic}").replace("*", ""))

    # -- bodies and roles ----------------------------------------------------------------------

    def _BodySaved(self, r: BodySaved) -> Message:
        b = r.body
        text = self.t("body.saved", number=b.number, name=esc(b.name), kind=self.t(f"kind.{b.kind.value}"))
        blocks: list[Block] = [Text(text)]
        if b.channel:
            blocks.append(Context(self.t("body.channel", channel=b.channel)))
        return Message(tuple(blocks), text)

    def _BodyList(self, r: BodyList) -> Message:
        if not r.bodies:
            text = self.t("body.list.empty")
            return Message((Text(text),), text)
        lines = []
        for b in r.bodies:
            line = f"#{b.number} *{esc(b.name)}* · {self.t(f'kind.{b.kind.value}')}"
            if b.channel:
                line += f" · <#{b.channel}>"
            lines.append(line)
        title = self.t("body.list.title", n=len(r.bodies))
        return Message((Text(title), Text("\n".join(lines))), title)

    def _RoleChanged(self, r: RoleChanged) -> Message:
        if r.role is None:
            text = self.t("role.revoked", user=r.user_id)
        else:
            text = self.t("role.granted", user=r.user_id, role=self.t(f"role.{r.role.value}"))
        return Message((Text(text),), text)

    def _RoleList(self, r: RoleList) -> Message:
        if not r.grants:
            text = self.t("role.list.empty")
            return Message((Text(text),), text)
        lines = [
            f"<@{g.user_id}> · {self.t(f'role.{g.role.value}')}"
            + (f" {self.t('role.from_settings')}" if g.from_settings else "")
            for g in r.grants
        ]
        title = self.t("role.list.title", n=len(r.grants))
        return Message((Text(title), Text("\n".join(lines))), title)

    # -- meetings ------------------------------------------------------------------------------

    def _MeetingSaved(self, r: MeetingSaved) -> Message:
        m = r.meeting
        key = "meeting.cancelled" if r.cancelled else "meeting.saved"
        text = self.t(key, number=m.number, when=self.when(m), body=esc(m.body.name))
        extra = " · ".join(esc(x) for x in (m.title, m.place) if x)
        blocks: list[Block] = [Item(text, () if r.cancelled else self.meeting_buttons(m)[:1])]
        if extra and not r.cancelled:
            blocks.append(Context(extra))
        return Message(tuple(blocks), text)

    def _MeetingList(self, r: MeetingList) -> Message:
        n = r.page.total
        if r.upcoming:
            title = self.t("meeting.list.upcoming", n=self.count(n, r.page.capped))
        else:
            start = self.tr.short_date(r.start) if r.start else "…"
            end = self.tr.short_date(r.end) if r.end else "…"
            title = self.t("meeting.list.range", start=start, end=end, n=self.count(n, r.page.capped))
        blocks: list[Block] = [Text(title)]
        if r.body:
            blocks.append(Context(self.t("meeting.body_filter", body=esc(r.body.name))))
        if not r.page.items:
            blocks.append(Text(self.t("meeting.list.empty_upcoming" if r.upcoming else "meeting.list.empty")))
        for m in r.page.items:
            blocks.append(Item(self.meeting_line(m), self.meeting_buttons(m)[:1]))
        more, hint = self._more(blocks, n, len(r.page.items), "list.hint.meeting", capped=r.page.capped)
        return Message(tuple(blocks), title.replace("*", ""), more=more, more_hint=hint)

    def _MeetingDetail(self, r: MeetingDetail) -> Message:
        m = r.meeting
        status = self.t("meeting.status.cancelled" if m.cancelled else "meeting.status.planned")
        pairs = [(self.t("meeting.field.when"), self.when(m)), (self.t("meeting.field.status"), status)]
        if m.place:
            pairs.append((self.t("meeting.field.where"), esc(m.place)))
        if m.title:
            pairs.append((self.t("meeting.field.title"), esc(m.title)))
        title = self.t("meeting.title", number=m.number, body=esc(m.body.name))
        blocks: list[Block] = [Text(title), Fields(tuple(pairs))]
        if r.decisions:
            blocks.append(Text(self.t("meeting.decisions", n=len(r.decisions))))
            in_order = sorted(r.decisions, key=lambda d: (d.decided_on, d.paragraph))
            blocks.append(Text("\n".join(self.decision_line(d) for d in in_order)))
        if not m.cancelled:
            blocks.append(Actions(self.meeting_buttons(m)[1:]))
        return Message(tuple(blocks), title.replace("*", ""))

    # -- consultations -------------------------------------------------------------------------

    def _ConsultationSaved(self, r: ConsultationSaved) -> Message:
        c = r.item.consultation
        if r.submitted:
            text = self.t("consultation.submitted", number=c.number, title=esc(c.title), on=c.submitted_on)
            return Message((Text(text),), text.replace("*", ""))
        text = self.t(
            "consultation.saved", number=c.number, title=esc(c.title), issuer=esc(c.issuer), due=c.due_on
        )
        blocks: list[Block] = [Item(text, self.consultation_buttons(r.item)[1:])]
        blocks.append(Context(self._due_words(r.item).replace("*", "")))
        return Message(tuple(blocks), text.replace("*", ""))

    def _ConsultationList(self, r: ConsultationList) -> Message:
        title = self.t(f"consultation.list.{r.state}", n=self.count(r.total, r.capped))
        blocks: list[Block] = [Text(title)]
        if r.on != r.today:
            blocks.append(Context(self.t("consultation.list.as_of", on=r.on)))
        if not r.items:
            blocks.append(Text(self.t(f"consultation.list.empty.{r.state}")))
        for item in r.items:
            blocks.append(Item(self.consultation_line(item), self.consultation_buttons(item)))
        more, hint = self._more(blocks, r.total, len(r.items), "list.hint.consultation", capped=r.capped)
        return Message(tuple(blocks), title.replace("*", ""), more=more, more_hint=hint)

    def _ConsultationDetail(self, r: ConsultationDetail) -> Message:
        c = r.item.consultation
        state_key = f"consultation.state.{r.item.state.value}"
        pairs = [
            (self.t("consultation.field.issuer"), esc(c.issuer)),
            (self.t("consultation.field.due"), self._due_detail(r.item)),
            (self.t("consultation.field.status"), self.t(state_key, on=c.submitted_on)),
        ]
        if c.reference:
            pairs.append((self.t("consultation.field.ref"), esc(c.reference)))
        if c.received_on:
            pairs.append((self.t("consultation.field.received"), self.tr.date(c.received_on)))
        if c.owner:
            pairs.append((self.t("consultation.field.owner"), f"<@{c.owner}>"))
        if c.body:
            pairs.append((self.t("consultation.field.body"), esc(c.body.name)))
        title = self.t("consultation.title", number=c.number, title=esc(c.title))
        blocks: list[Block] = [Text(title), Fields(tuple(pairs))]
        buttons = self.consultation_buttons(r.item)[:-1]
        if buttons:
            blocks.append(Actions(buttons))
        return Message(tuple(blocks), title.replace("*", ""))

    # -- decisions -----------------------------------------------------------------------------

    def _DecisionSaved(self, r: DecisionSaved) -> Message:
        d = r.decision
        if r.follow_up_done:
            text = self.t("decision.follow_up_done", number=d.number, on=d.follow_up_done_on)
            return Message((Text(text),), text)
        text = self.t(
            "decision.saved", number=d.number, body=esc(d.body.name), date=d.decided_on, paragraph=d.paragraph
        )
        blocks: list[Block] = [Text(text)]
        if d.follow_up_on:
            blocks.append(Context(self.t("decision.follow_up", on=self.tr.date(d.follow_up_on))))
        return Message(tuple(blocks), text)

    def _DecisionList(self, r: DecisionList) -> Message:
        title = self.t("decision.list.title", n=self.count(r.page.total, r.page.capped))
        blocks: list[Block] = [Text(title)]
        filters = [x for x in (esc(r.body.name) if r.body else None, str(r.year) if r.year else None) if x]
        filters += [f'"{esc(w)}"' for w in r.words]
        if filters:
            blocks.append(Context(self.t("decision.list.filters", filters=", ".join(filters))))
        if not r.page.items:
            blocks.append(Text(self.t("decision.list.empty")))
        for d in r.page.items:
            buttons = (Button(self.t("button.show"), "decision.show", str(d.number)),)
            blocks.append(Item(self.decision_line(d), buttons))
        more, hint = self._more(
            blocks, r.page.total, len(r.page.items), "list.hint.decision", capped=r.page.capped
        )
        return Message(tuple(blocks), title.replace("*", ""), more=more, more_hint=hint)

    def _DecisionDetail(self, r: DecisionDetail) -> Message:
        d = r.decision
        title = self.t(
            "decision.title", number=d.number, body=esc(d.body.name), date=d.decided_on, paragraph=d.paragraph
        )
        blocks: list[Block] = [Text(title), Text(esc(d.text))]
        pairs = []
        if d.meeting_number:
            pairs.append((self.t("decision.field.meeting"), f"#{d.meeting_number}"))
        if d.follow_up_on:
            value = self.tr.date(d.follow_up_on)
            if d.follow_up_done_on:
                value += f" ({self.t('decision.done_on', on=self.tr.short_date(d.follow_up_done_on))})"
            pairs.append((self.t("decision.field.follow_up"), value))
        if d.owner:
            pairs.append((self.t("decision.field.owner"), f"<@{d.owner}>"))
        if pairs:
            blocks.append(Fields(tuple(pairs)))
        if d.follow_up_on and not d.follow_up_done_on:
            blocks.append(
                Actions((Button(self.t("button.done"), "decision.done", str(d.number), "primary"),))
            )
        return Message(tuple(blocks), title.replace("*", ""))

    # -- funds ---------------------------------------------------------------------------------

    def _FundSaved(self, r: FundSaved) -> Message:
        f = r.fund
        if r.opening is None:
            text = self.t("fund.saved_empty", number=f.number, name=esc(f.name))
        else:
            text = self.t(
                "fund.saved",
                number=f.number,
                name=esc(f.name),
                amount=self.tr.money(r.opening.amount),
                on=r.opening.booked_on,
            )
        return Message((Text(text),), text.replace("*", ""))

    def _EntrySaved(self, r: EntrySaved) -> Message:
        e = r.entry
        key = "fund.cost_saved" if e.kind is EntryKind.COST else "fund.income_saved"
        text = self.t(
            key,
            number=e.number,
            amount=self.tr.money(e.amount),
            fund=esc(e.fund.name),
            on=self.tr.short_date(e.booked_on),
            text=esc(e.text),
            balance=self.tr.money(r.balance),
        )
        return Message((Text(text),), text)

    def _FundBalances(self, r: FundBalances) -> Message:
        on = self.tr.date(r.on)
        if not r.balances:
            text = self.t("fund.balance.empty")
            return Message((Text(text),), text)
        if r.single:
            b = r.balances[0]
            text = self.t("fund.balance.one", fund=esc(b.fund.name), on=on, amount=self.tr.money(b.balance))
            return Message((Text(text),), text.replace("*", ""))
        title = self.t("fund.balance.title", on=on)
        rows = tuple((esc(b.fund.name), self.tr.money(b.balance)) for b in r.balances)
        table = Table(rows, "lr", footer=(self.t("fund.balance.total"), self.tr.money(r.total)))
        blocks: list[Block] = [Text(title), table]
        notes = []
        deficits = [esc(b.fund.name) for b in r.balances if b.balance < 0]
        if deficits:
            notes.append(self.t("fund.balance.deficit", funds=", ".join(deficits)))
        notes.append(self.t("fund.balance.report_hint", year=str(r.on.year)))
        blocks.append(Context(" ".join(notes)))
        summary = f"{title.replace('*', '')}: {self.t('fund.balance.total')} {self.tr.money(r.total)}"
        return Message(tuple(blocks), summary)

    def _FundReport(self, r: FundReport) -> Message:
        title = self.t("fund.report.title", year=str(r.year))
        if not r.lines:
            text = self.t("fund.balance.empty")
            return Message((Text(title), Text(text)), title.replace("*", ""))
        m = self.tr.money
        header = (
            self.t("fund.report.fund"),
            self.t("fund.report.opening"),
            self.t("fund.report.income"),
            self.t("fund.report.costs"),
            self.t("fund.report.closing"),
        )
        rows = tuple(
            (
                esc(line.fund.name),
                m(line.opening, unit=False),
                m(line.income, unit=False),
                m(line.costs, unit=False),
                m(line.closing, unit=False),
            )
            for line in r.lines
        )
        footer = (
            self.t("fund.report.sum"),
            m(r.opening, unit=False),
            m(r.income, unit=False),
            m(r.costs, unit=False),
            m(r.closing, unit=False),
        )
        result = r.income - r.costs
        word = "fund.report.surplus" if result >= 0 else "fund.report.deficit"
        context = self.t("fund.report.result", result=self.t(word, amount=m(abs(result))))
        blocks: list[Block] = [
            Text(title),
            Table(rows, "lrrrr", header=header, footer=footer),
            Context(context),
        ]
        return Message(tuple(blocks), f"{title.replace('*', '')}: {context}")

    def _FundEntries(self, r: FundEntries) -> Message:
        title = self.t("fund.entries.title", fund=esc(r.fund.name), n=self.count(r.page.total, r.page.capped))
        blocks: list[Block] = [Text(title)]
        if not r.page.items:
            blocks.append(Text(self.t("fund.entries.empty")))
        else:
            rows = tuple(
                (
                    f"#{e.number}",
                    self.tr.short_date(e.booked_on),
                    self.t(f"fund.kind.{e.kind.value}"),
                    self.tr.money(e.signed_amount),
                    esc((e.text + (f" ({e.category})" if e.category else ""))[:60]),
                )
                for e in r.page.items
            )
            blocks.append(Table(rows, "lllrl"))
        more, hint = self._more(
            blocks, r.page.total, len(r.page.items), "list.hint.entries", capped=r.page.capped
        )
        return Message(tuple(blocks), title.replace("*", ""), more=more, more_hint=hint)

    def _DigestChannelSet(self, r: DigestChannelSet) -> Message:
        text = self.t("digest.channel_set", channel=r.channel)
        return Message((Text(text),), text)


RECORD_GROUP = {
    RecordType.BODY: "body",
    RecordType.MEETING: "meeting",
    RecordType.CONSULTATION: "consultation",
    RecordType.DECISION: "decision",
    RecordType.FUND: "fund",
    RecordType.ENTRY: "fund",
}
